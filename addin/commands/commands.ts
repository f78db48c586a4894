// Ribbon function file: the Home-tab button uses ShowTaskpane, so this only has to initialise Office.
Office.onReady(() => {
  // Nothing to register: the button opens the task pane.
});
