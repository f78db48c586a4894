// The new source sheet a Word file becomes in Excel and Sheets: its name ("Underlag – <filnamn>") and the plan that writes the grid as read.
import type { Grid, Merge } from '../model/grid';
import type { SheetPlan } from '../model/sheet-plan';
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

/**
 * A merge as an A1 range ("A25:D25"). Kept here rather than imported from shared/model/a1: this
 * module loads lazily, and a module the task pane's first bundle shares with a lazy chunk is no
 * longer inlined there (webpack's scope hoisting), which costs the first bundle about 1.4 kB.
 */
function rangeA1(m: Merge): string {
  const col = (c: number) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return `${col(m.col)}${m.row + 1}:${col(m.col + m.cols - 1)}${m.row + m.rows}`;
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
  // Every field written out (not sheetPlan() from the model, for the same first-bundle reason as rangeA1).
  return {
    name,
    // SheetKind has no "source" kind: adapters write every kind alike, and nothing reads this plan's kind.
    kind: 'structured',
    blocks: values.length && width ? [{ row: 0, col: 0, values, styles }] : [],
    styles: { wrap: { wrap: true, vAlign: 'top' } },
    columnWidths: widths,
    frozenRows: 0,
    frozenColumns: 0,
    merges: (grid.merges ?? []).map(rangeA1),
    conditionalFormats: [],
    validations: [],
    notes: [],
    links: [],
    chart: null,
    tabColor: null,
  };
}
