// Grid: a sheet's used range as both hosts hand it over (raw values + display texts), JSON-safe.
/** One raw cell value. Dates arrive as display text (hosts convert Date objects to strings). */
export type CellValue = string | number | boolean | null;

/** A merged range, zero-based and relative to `values[0][0]` (JSON-safe; rows, cols ≥ 1). */
export interface Merge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A rectangular block of a sheet. `values[r][c]` is the raw value, `texts[r][c]` what the
 * user sees. `origin` is the zero-based row/column of values[0][0] in the sheet (used range
 * offset), so findings can name the real cell. `merges` lists the sheet's merged ranges when the
 * host can tell; after `normalizeGrid` a merge's value is in its top-left cell only. Plain types,
 * no schema: whatever a host hands over goes through `normalizeGrid`, which never throws.
 */
export interface Grid {
  sheetName: string | null;
  origin: { row: number; col: number };
  values: CellValue[][];
  texts?: string[][];
  merges?: Merge[];
}

/** Builds a grid from rows of display text (e.g. a pasted TSV). */
export function gridFromRows(rows: CellValue[][], sheetName: string | null = null): Grid {
  return { sheetName, origin: { row: 0, col: 0 }, values: rows };
}

/** Splits tab-separated text (one line per row) into a grid, as pasting Word tables gives. */
export function gridFromTsv(text: string, sheetName: string | null = null): Grid {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return gridFromRows(lines.map((l) => l.split('\t')), sheetName);
}

/** True when no cell holds anything but blanks: the importer's and both hosts' "empty sheet". */
export function gridIsEmpty(grid: Grid): boolean {
  return grid.values.every((r) => r.every((v) => v === null || v === undefined || String(v).trim() === ''));
}

/** Display text of a cell: the host's text if given, else the raw value as text. */
export function cellText(grid: Grid, r: number, c: number): string {
  const t = grid.texts?.[r]?.[c];
  if (t !== undefined && t !== null && t !== '') return String(t);
  const v = grid.values[r]?.[c];
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** A host's raw cell value as a CellValue: non-finite numbers empty, dates as ISO text, anything else as text. */
export function cleanValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return String(v);
}

/** One line break for every host: Excel and Sheets give "\n", CSV files and some pastes "\r\n" or "\r". */
function oneLineBreak(v: CellValue): CellValue {
  return typeof v === 'string' && v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v;
}

/** A number's display text when it only groups the digits ("1 019", "1,019", "1.019"): hosts differ there. */
const GROUPED_INTEGER = /^-?\d{1,3}(?:[ \u00A0\u202F\u2009.,']\d{3})+$/;

/**
 * The text the importer should read for a cell: a whole number shown with digit grouping
 * ("1 019" in Office.js and Sheets, "1019" from ExcelJS or a CSV) reads as its plain digits;
 * every other display text (dates, "ca 20", percentages) is kept as the user sees it.
 */
function readableText(v: CellValue, t: string): string {
  if (typeof v === 'number' && Number.isInteger(v) && GROUPED_INTEGER.test(t.trim()) && Number(t.replace(/[^\d-]/g, '')) === v) return String(v);
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** Merges that lie (at least partly) on the grid, clipped to it; anything malformed is dropped. */
function cleanMerges(input: unknown, rows: number, cols: number): Merge[] {
  if (!Array.isArray(input)) return [];
  const out: Merge[] = [];
  for (const m of input as Partial<Merge>[]) {
    if (!m || ![m.row, m.col, m.rows, m.cols].every((n) => Number.isInteger(n) && (n as number) >= 0)) continue;
    const row = m.row as number;
    const col = m.col as number;
    const r = Math.min(m.rows as number, rows - row);
    const c = Math.min(m.cols as number, cols - col);
    if (r >= 1 && c >= 1 && r * c > 1) out.push({ row, col, rows: r, cols: c });
  }
  return out;
}

/**
 * Accepts whatever a host hands over (rows of any length, undefined, NaN/Infinity, Date
 * objects) and returns a Grid the importer can trust, without throwing. Non-finite numbers
 * become empty cells (hosts show them as errors, which arrive as text); dates become ISO text.
 * The one place host differences are ironed out: a merged range's value and text stay in its
 * top-left cell only (ExcelJS repeats them in every cell, Office.js and Sheets do not), line
 * breaks are "\n", and a whole number's digit grouping in the display text is dropped.
 */
export function normalizeGrid(input: unknown): Grid {
  const g = (input ?? {}) as Partial<Grid> & { values?: unknown; merges?: unknown };
  const rows = Array.isArray(g.values) ? (g.values as unknown[]) : [];
  const values = rows.map((r) => (Array.isArray(r) ? r.map((v) => oneLineBreak(cleanValue(v))) : [oneLineBreak(cleanValue(r))]));
  const rawTexts = Array.isArray(g.texts) ? (g.texts as unknown[]) : null;
  const texts = rawTexts
    ? rawTexts.map((r, i) => (Array.isArray(r) ? r.map((t, j) => readableText(values[i]?.[j] ?? null, t === null || t === undefined ? '' : String(t))) : []))
    : undefined;
  let width = 0;
  if (g.merges) for (const r of values) width = Math.max(width, r.length);
  const merges = cleanMerges(g.merges, values.length, width);
  for (const m of merges) {
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) {
        if (r === m.row && c === m.col) continue;
        if (c < values[r].length) values[r][c] = null;
        if (texts && texts[r] && c < texts[r].length) texts[r][c] = '';
      }
    }
  }
  const o = g.origin;
  const origin = o && Number.isInteger(o.row) && Number.isInteger(o.col) && o.row >= 0 && o.col >= 0 ? { row: o.row, col: o.col } : { row: 0, col: 0 };
  return { sheetName: typeof g.sheetName === 'string' ? g.sheetName : null, origin, values, ...(texts ? { texts } : {}), ...(merges.length ? { merges } : {}) };
}
