// Swedish strings of the "Öppna Word-fil" action in the task pane and the sidebar: apart from sv-docx.ts so a host's first bundle carries only these few.

/** The "Öppna Word-fil" action: button, file input label, progress, result. */
export const DOCX_ACTION = {
  open: 'Öppna Word-fil',
  fileLabel: 'Word-fil med uppföljningen (.docx)',
  progress: 'Läser Word-filen …',
  what: 'Word-filen lästes in',
  opened: (sheet: string) => `Word-filen skrevs som bladet "${sheet}" och lästes in.`,
} as const;
