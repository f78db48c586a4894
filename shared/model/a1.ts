// A1-notation helpers shared by importer, plans and adapters.

/** Zero-based column index to letters (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
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
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
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
  return `'${name.replace(/'/g, "''")}'`;
}
