// How big a Word file the reader takes on: beyond these a clear Swedish message, never a hung host.

/**
 * The limits, chosen far above real follow-ups (10–40 pages: 30–500 kB files, under 1 MB of
 * document.xml, a few hundred paragraphs and table rows) and below what each host copes with:
 * Apps Script's 50 MB blob limit and 6-minute run (the file crosses google.script.run as base64,
 * a third larger), Excel on the web's 5 MB request (plans are split, but 20,000 rows is already
 * many requests), and the pane's memory.
 */
export const DOCX_LIMITS = {
  /** The .docx file itself (images included). */
  fileBytes: 10 * 1024 * 1024,
  /** word/document.xml, unpacked (characters ≈ bytes). */
  xmlChars: 30 * 1024 * 1024,
  /** Grid rows: paragraphs outside tables plus table rows. */
  rows: 20000,
  /** Grid columns: the widest table. */
  columns: 200,
} as const;
