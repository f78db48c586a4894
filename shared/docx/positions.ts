// Where a grid cell read from a Word document came from ("tabell 2, rad 3, kolumn Tertial 2"), so findings can name a Word position.
import { parseA1 } from '../model/a1';
import type { Grid } from '../model/grid';
import { DOCX } from '../i18n/sv-docx';

/** What one grid row was in the document: a paragraph outside tables (1-based among non-empty ones) or a table row (both 1-based). */
export type WordRowSource = { kind: 'paragraph'; paragraph: number } | { kind: 'table'; table: number; row: number };

/** The Word origin of every grid row, and each table's column labels (its header row's texts). JSON-safe. */
export interface WordSource {
  /** Parallel to the grid's rows; null for the blank rows kept between tables and text. */
  rows: (WordRowSource | null)[];
  /** Per table (index = table number − 1): the header text of each grid column, or null. */
  tables: { columnLabels: (string | null)[] }[];
}

/** A grid read from a Word document: the grid itself plus where each row came from. */
export interface WordGrid extends Grid {
  wordSource: WordSource;
}

/** A cell's position in the Word document. */
export type WordPosition =
  | { kind: 'paragraph'; paragraph: number }
  | { kind: 'table'; table: number; row: number; column: number; columnLabel: string | null };

/** True for a grid that came from the Word reader (and so knows its Word positions). */
export function isWordGrid(grid: Grid): grid is WordGrid {
  const s = (grid as Partial<WordGrid>).wordSource;
  return !!s && Array.isArray(s.rows) && Array.isArray(s.tables);
}

/** The Word position of the grid cell at zero-based (row, col) of `values`, or null (a blank row, outside the grid). */
export function wordPositionAt(grid: WordGrid, row: number, col: number): WordPosition | null {
  const src = grid.wordSource.rows[row];
  if (!src) return null;
  if (src.kind === 'paragraph') return { kind: 'paragraph', paragraph: src.paragraph };
  const labels = grid.wordSource.tables[src.table - 1]?.columnLabels ?? [];
  return { kind: 'table', table: src.table, row: src.row, column: col + 1, columnLabel: labels[col] ?? null };
}

/** "tabell 2, rad 3, kolumn Tertial 2" (the column's header text, else its number) or "stycke 12". */
export function describeWordPosition(p: WordPosition): string {
  if (p.kind === 'paragraph') return DOCX.position.paragraph(p.paragraph);
  return DOCX.position.table(p.table, p.row, p.columnLabel ?? String(p.column));
}

/**
 * The Word position of a finding's cell ("C7", or the first cell of "C7:E9"), as the sheet address
 * the importer gave it (the grid's origin taken off), in words; null when it has none.
 */
export function describeWordCell(grid: WordGrid, cell: string | null | undefined): string | null {
  if (!cell) return null;
  const at = parseA1(cell.split(':')[0]);
  if (!at) return null;
  const p = wordPositionAt(grid, at.row - grid.origin.row, at.col - grid.origin.col);
  return p ? describeWordPosition(p) : null;
}
