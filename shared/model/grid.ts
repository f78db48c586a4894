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

/** Display text of a cell: the host's text if given, else the raw value as text. */
export function cellText(grid: Grid, r: number, c: number): string {
  const t = grid.texts?.[r]?.[c];
  if (t !== undefined && t !== null && t !== '') return String(t);
  const v = grid.values[r]?.[c];
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}
