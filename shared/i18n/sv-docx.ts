// Swedish strings of the Word (.docx) reader: bad-file messages, Word positions, the source sheet's name (the action's own strings are in sv-docx-action.ts).

/** "1,5 MB" / "820 kB": a byte count as a Swedish reader expects it. */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',').replace(/,0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** 20000 → "20 000" (Swedish digit grouping, the same in every host). */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** The Word reader's Swedish strings: messages about bad files, Word positions, the source sheet's name. */
export const DOCX = {
  /** Errors about the file itself: each says what is wrong and what to do. Nothing has been written when they show. */
  errors: {
    empty: (name: string) => `Filen "${name}" är tom.`,
    notZip: (name: string) => `"${name}" är ingen Word-fil (.docx). Öppna dokumentet i Word, välj Spara som > Word-dokument (.docx) och försök igen.`,
    encrypted: (name: string) =>
      `"${name}" är lösenordsskyddad och kan inte läsas. Ta bort lösenordet i Word (Arkiv > Info > Skydda dokument > Kryptera med lösenord, töm rutan), spara och försök igen.`,
    legacyDoc: (name: string) =>
      `"${name}" är ett äldre Word-dokument (.doc, Word 97–2003). Öppna det i Word, välj Spara som > Word-dokument (.docx) och försök igen.`,
    otherOffice: (name: string) => `"${name}" är en äldre Office-fil men inget Word-dokument. Spara uppföljningen som Word-dokument (.docx) och försök igen.`,
    badZip: (name: string) => `"${name}" är skadad: filen kunde inte packas upp. Öppna den i Word, spara den på nytt och försök igen.`,
    noDocument: (name: string) =>
      `"${name}" är en zip-fil men inget Word-dokument (word/document.xml saknas). Öppna uppföljningen i Word och spara den som Word-dokument (.docx).`,
    badXml: (name: string) => `"${name}" är skadad: dokumentets innehåll (word/document.xml) är ingen giltig XML. Öppna den i Word, spara den på nytt och försök igen.`,
    tooLargeFile: (name: string, size: number, limit: number) =>
      `"${name}" är för stor (${sizeLabel(size)}). Word-filer upp till ${sizeLabel(limit)} kan läsas in. Ta bort bilder eller dela upp dokumentet och försök igen.`,
    tooLargeText: (name: string, limit: number) =>
      `Dokumentet i "${name}" är för stort att läsa in (mer än ${sizeLabel(limit)} text). Dela upp det och försök igen.`,
    tooManyRows: (name: string, limit: number) =>
      `Dokumentet i "${name}" har fler än ${groupDigits(limit)} stycken och tabellrader, mer än vad som kan läsas in på en gång. Dela upp det och försök igen.`,
    tooWide: (name: string, limit: number) => `En tabell i "${name}" har fler än ${limit} kolumner och kan inte läsas in.`,
    noText: (name: string) => `Word-filen "${name}" innehåller ingen text.`,
  },
  /** Where a grid cell came from in the Word document. */
  position: {
    paragraph: (n: number) => `stycke ${n}`,
    table: (table: number, row: number, column: string) => `tabell ${table}, rad ${row}, kolumn ${column}`,
    /** How the CLI shows a finding's Word position next to its cell. */
    inWord: (where: string) => `(i Word: ${where})`,
  },
  /** The source sheet a Word file is written to: "Underlag – <filnamn>". */
  sheetPrefix: 'Underlag – ',
  /** Used when the file name has nothing left after cleaning. */
  sheetFallback: 'Word',
} as const;
