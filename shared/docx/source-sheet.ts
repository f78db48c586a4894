// The new source sheet a Word file becomes in Excel and Sheets: its name ("Underlag – <filnamn>") and the plan that writes the grid as read.
import { a1Range } from '../model/a1';
import type { Grid } from '../model/grid';
import { sheetPlan, type SheetPlan } from '../model/sheet-plan';
import { DOCX } from '../i18n/sv-docx';

/** Excel's longest sheet name (Sheets allows 100; one rule for both hosts). */
const MAX_NAME = 31;

/**
 * The name of the sheet a Word file is written to: "Underlag – <file name without .docx>", made
 * valid for Excel (no [ ] : * ? / \, no apostrophe at either end, at most 31 characters) and new
 * among `existing` (compared without case, as Excel does): "Underlag – Eksjö (2)" when taken.
 */
export function wordSheetName(fileName: string, existing: readonly string[]): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.docx$/i, '')
    .replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'+$/, '');
  const stem = `${DOCX.sheetPrefix}${base || DOCX.sheetFallback}`;
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const fit = (s: string, suffix = '') => `${s.slice(0, MAX_NAME - suffix.length).trimEnd().replace(/'+$/, '')}${suffix}`;
  let name = fit(stem);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = fit(stem, ` (${i})`);
  return name;
}

/** The longest line of a cell text, in characters. */
function longestLine(v: unknown): number {
  if (v === null || v === undefined) return 0;
  let n = 0;
  for (const line of String(v).split('\n')) n = Math.max(n, line.length);
  return n;
}

/**
 * A plan writing `grid` as read to the new sheet `name`: every value as text in its own cell
 * (adapters keep "=…" and numbers-as-text as typed), the Word tables' merged cells merged,
 * multi-line cells wrapped and top-aligned, columns as wide as their text (10–60 characters).
 * Paragraphs outside tables lie in column A and overflow to the right, as in a pasted document.
 */
export function planWordSheet(grid: Grid, name: string): SheetPlan {
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  const inTable = new Set<number>();
  const src = (grid as { wordSource?: { rows?: ({ kind: string } | null)[] } }).wordSource?.rows;
  grid.values.forEach((r, i) => {
    if (!src || src[i]?.kind === 'table') inTable.add(i);
  });
  const widths = Array<number>(width).fill(10);
  const styles = grid.values.map((r, i) =>
    Array.from({ length: width }, (_, c) => {
      const v = r[c];
      if (inTable.has(i)) widths[c] = Math.min(60, Math.max(widths[c], longestLine(v) + 2));
      return typeof v === 'string' && v.includes('\n') && inTable.has(i) ? 'wrap' : null;
    }),
  );
  const values = grid.values.map((r) => Array.from({ length: width }, (_, c) => {
    const v = r[c];
    return v === undefined ? null : v;
  }));
  return sheetPlan({
    name,
    // SheetKind has no "source" kind: adapters write every kind alike, and nothing reads this plan's kind.
    kind: 'structured',
    blocks: values.length && width ? [{ row: 0, col: 0, values, styles }] : [],
    styles: { wrap: { wrap: true, vAlign: 'top' } },
    columnWidths: widths,
    merges: (grid.merges ?? []).map((m) => a1Range(m.row, m.col, m.rows, m.cols)),
  });
}
