// Grid: a sheet's used range as both hosts hand it over (raw values + display texts), JSON-safe.
import { z } from 'zod';

/** One raw cell value. Dates arrive as display text (hosts convert Date objects to strings). */
export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

/**
 * A rectangular block of a sheet. `values[r][c]` is the raw value, `texts[r][c]` what the
 * user sees. `origin` is the zero-based row/column of values[0][0] in the sheet (used range
 * offset), so findings can name the real cell.
 */
export const GridSchema = z.object({
  sheetName: z.string().nullable().default(null),
  origin: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }).default({ row: 0, col: 0 }),
  values: z.array(z.array(CellValueSchema)),
  texts: z.array(z.array(z.string())).optional(),
});
export type Grid = z.infer<typeof GridSchema>;

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

/**
 * Accepts whatever a host hands over (rows of any length, undefined, NaN/Infinity, Date
 * objects) and returns a Grid the importer can trust, without throwing. Non-finite numbers
 * become empty cells (hosts show them as errors, which arrive as text); dates become ISO text.
 */
export function normalizeGrid(input: unknown): Grid {
  const g = (input ?? {}) as Partial<Grid> & { values?: unknown };
  const rows = Array.isArray(g.values) ? (g.values as unknown[]) : [];
  const values = rows.map((r) => (Array.isArray(r) ? r.map(cleanValue) : [cleanValue(r)]));
  const texts = Array.isArray(g.texts) ? g.texts.map((r) => (Array.isArray(r) ? r.map((t) => (t === null || t === undefined ? '' : String(t))) : [])) : undefined;
  const o = g.origin;
  const origin = o && Number.isInteger(o.row) && Number.isInteger(o.col) && o.row >= 0 && o.col >= 0 ? { row: o.row, col: o.col } : { row: 0, col: 0 };
  return { sheetName: typeof g.sheetName === 'string' ? g.sheetName : null, origin, values, ...(texts ? { texts } : {}) };
}
