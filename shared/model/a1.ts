// A1-notation helpers shared by importer, plans and adapters.

/** Letters of the columns asked for so far (plans ask for the same few columns on every row). */
const LETTERS: string[] = [];
const LETTERS_CACHED = 1024;

/** Zero-based column index to letters (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  if (col >= 0 && col < LETTERS_CACHED && Number.isInteger(col)) return LETTERS[col] ?? (LETTERS[col] = lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Zero-based row/col to an A1 address ("C7"). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Zero-based rectangle to an A1 range ("C7:E9"); a single cell gives "C7". */
export function a1Range(row: number, col: number, rows = 1, cols = 1): string {
  const start = a1(row, col);
  if (rows <= 1 && cols <= 1) return start;
  return `${start}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** Parses "C7" or "$C$7" into zero-based row/col, or null. */
export function parseA1(ref: string): { row: number; col: number } | null {
  // By hand, as /^\$?([A-Za-z]{1,3})\$?(\d+)$/ on the trimmed text: findings are sorted by it.
  const s = ref.trim();
  const len = s.length;
  let i = s.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const lettersFrom = i;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return null;
  if (s.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  if (i === digitsFrom) return null;
  return { row: Number(s.slice(digitsFrom)) - 1, col: col - 1 };
}

/** Parses "C7:E9" (or a single cell) into a zero-based rectangle, or null. */
export function parseA1Range(ref: string): { row: number; col: number; rows: number; cols: number } | null {
  const [a, b] = ref.split(':');
  const s = parseA1(a);
  if (!s) return null;
  const e = b ? parseA1(b) : s;
  if (!e) return null;
  return { row: Math.min(s.row, e.row), col: Math.min(s.col, e.col), rows: Math.abs(e.row - s.row) + 1, cols: Math.abs(e.col - s.col) + 1 };
}

/** Quotes a sheet name for use in a formula or reference ('Medborgarlöften 2019'!A1). */
export function quoteSheet(name: string): string {
  return `'${name.includes("'") ? name.replace(/'/g, "''") : name}'`;
}
