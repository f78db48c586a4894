// Test helpers for walking a follow-up through its year: sources as they look at each tertial, a workbook evaluated in HyperFormula that a "user" edits, and a ledger of what the user entered.
import type { Grid } from '../../../shared/model/grid';
import type { FollowUp, JudgementValue } from '../../../shared/model/follow-up';
import type { SheetPlan } from '../../../shared/model/sheet-plan';
import { a1 } from '../../../shared/model/a1';
import { EVENTS_SHEET, FINDINGS_SHEET, structuredColumns, type StructuredSheets } from '../../../shared/plan';
import { evaluatePlans, hostGrid, type Workbook } from '../plan/evaluate';

/** A data row of a source table and the columns of its periods (index k = period k + 1). */
export interface SourceRow {
  row: number;
  periodCols: number[];
}

/** The data rows of every table in a grid: rows under a header with "Tertial 1 …", up to the first blank row. */
export function sourceRows(g: Grid): SourceRow[] {
  const out: SourceRow[] = [];
  const text = (r: number, c: number) => String(g.values[r]?.[c] ?? '').trim();
  for (let r = 0; r < g.values.length; r++) {
    const cols: number[] = [];
    g.values[r].forEach((v, c) => {
      const m = /^Tertial (\d)$/.exec(String(v ?? '').trim());
      if (m) cols[Number(m[1]) - 1] = c;
    });
    if (cols.length < 3 || cols.some((c) => c === undefined)) continue;
    for (let d = r + 1; d < g.values.length && g.values[d].some((_, c) => text(d, c) !== ''); d++) {
      if (/^Tertial 1$/.test(text(d, cols[0]))) break;
      out.push({ row: d, periodCols: cols });
    }
  }
  return out;
}

/** A copy of a grid (values only). */
export function copyGrid(g: Grid): Grid {
  return { ...g, values: g.values.map((r) => [...r]), texts: undefined, merges: undefined };
}

/** The source as it looks at the end of tertial `t`: periods after it blank, and "avser tertial N" saying t. */
export function atTertial(full: Grid, t: number): Grid {
  const g = copyGrid(full);
  for (const { row, periodCols } of sourceRows(full)) for (let k = t; k < periodCols.length; k++) g.values[row][periodCols[k]] = '';
  g.values = g.values.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/avser (tertial) \d/i, `avser $1 ${t}`) : v)));
  return g;
}

/** The workbook a host holds: the plans written and evaluated (HyperFormula), edited cell by cell as a user would. */
export class Book {
  readonly wb: Workbook;
  constructor(readonly plans: SheetPlan[]) {
    this.wb = evaluatePlans(plans);
  }
  get name(): string {
    return this.plans[0].name;
  }
  /** The sheets as a host reads them back (formulas as values, display texts with number-format prefixes). */
  sheets(): StructuredSheets {
    const by = (n: string) => this.plans.find((p) => p.name === n);
    const ev = by(EVENTS_SHEET);
    const fi = by(FINDINGS_SHEET);
    return { structured: hostGrid(this.wb, this.plans[0]), events: ev ? hostGrid(this.wb, ev) : null, findings: fi ? hostGrid(this.wb, fi) : null };
  }
  rowOf(id: string): number {
    const r = this.wb.grid(this.name).values.findIndex((row) => row[0] === id);
    if (r < 0) throw new Error(`no row ${id}`);
    return r;
  }
  value(row: number, col: number) {
    return this.wb.value(this.name, row, col);
  }
  /** Types a value into a cell of an activity's row (text as text, even when it starts with "="). */
  set(id: string, col: number, v: string | number | null): string {
    const row = this.rowOf(id);
    this.wb.set(this.name, row, col, typeof v === 'string' ? `'${v}` : v);
    return a1(row, col);
  }
}

/** What a user entered in the sheet, to be found again after every update. */
export type Entry =
  | { kind: 'count'; id: string; k: number; value: number }
  | { kind: 'judgement'; id: string; value: JudgementValue }
  | { kind: 'comment'; id: string; text: string };

/** The user's entries that the sheet read back does not hold any more (empty when nothing is lost). */
export function lostEntries(f: FollowUp, entries: Entry[]): Entry[] {
  const acts = new Map(f.promises.flatMap((p) => p.activities).map((a) => [a.id, a]));
  return entries.filter((e) => {
    const a = acts.get(e.id);
    if (!a) return true;
    if (e.kind === 'count') return a.periods[e.k]?.value !== e.value;
    if (e.kind === 'judgement') return a.judgement?.value !== e.value || a.judgement.source !== 'user';
    return !a.comments.some((c) => c.text.split('\n').includes(e.text));
  });
}

/** The column of a period count on the structured sheet. */
export const periodCol = (f: FollowUp, k: number) => structuredColumns(f.periodLabels.length).periodStart + k;
