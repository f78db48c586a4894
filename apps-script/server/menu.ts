// The add-on menu "Medborgarlöften": built in onOpen without authorisation (only the UI service is used).
import { UI } from '../../shared/i18n/sv-ui';
import { ROLLUP_HOST } from '../../shared/i18n/sv-rollup';

/** Menu items and the top-level functions they call. */
export const MENU_ITEMS: { label: string; fn: string }[] = [
  { label: UI.actions.readAndStructure, fn: 'menuReadAndStructure' },
  { label: UI.actions.summary, fn: 'menuSummary' },
  { label: UI.actions.report, fn: 'menuReport' },
  { label: UI.actions.sidebar, fn: 'menuSidebar' },
  { label: UI.actions.undo, fn: 'menuUndo' },
  { label: ROLLUP_HOST.action, fn: 'menuRollup' },
];

/**
 * Simple trigger: adds the menu. Runs in AuthMode.NONE for an installed add-on that is not yet
 * used in this document, so it calls nothing but SpreadsheetApp.getUi().
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    if (i === 3) menu.addSeparator();
    menu.addItem(item.label, item.fn);
  });
  menu.addToUi();
}

/** Runs when the add-on is installed: the menu appears without reloading the document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
