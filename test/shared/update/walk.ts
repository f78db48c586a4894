// Test helpers for walking a follow-up through its year: sources as they look at each tertial, a workbook evaluated in HyperFormula that a "user" edits, and a ledger of what the user entered.
import type { Grid } from '../../../shared/model/grid';
import type { Activity, FollowUp, JudgementValue } from '../../../shared/model/follow-up';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import type { SheetPlan } from '../../../shared/model/sheet-plan';
import { a1, parseA1 } from '../../../shared/model/a1';
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

/** The text of the activity every walk's newer sources add. */
export const NEW_TEXT = 'Genomföra minst fem extra trygghetsvandringar i Kvarnbacken';

const actsOf = (f: FollowUp) => f.promises.flatMap((p) => p.activities);

/** What a walk's sources are made of: the T1 import, the activities the user works on, and the source at each tertial. */
export interface YearSources {
  f1: FollowUp;
  /** Activities with a count in T1 (the user raises [0], judges [1]; the sources change [0] and [2]). */
  counted: Activity[];
  /** Activities without a count in T1 (the user judges [0]). */
  prose: Activity[];
  /** The activity the sources from T2 on drop (one the user leaves alone and the source lists once), if any. */
  removed: Activity | null;
  /**
   * The source at tertial t: periods after t blank; from T2 on the T1 cell of counted[0] says one
   * more and that of counted[2] two more, at T3 the T2 cell of counted[1] one more, `removed`'s row
   * is gone and a row NEW_TEXT is added to the first table (with counts in T2, and T3 at T3).
   */
  source(t: number): Grid;
}

/** The sources of a walk through the year, made from the full source (every tertial filled). */
export function yearSources(full: Grid): YearSources {
  const f1 = importFollowUp(atTertial(full, 1));
  const a1s = actsOf(f1);
  const counted = a1s.filter((a) => a.periods[0].value !== null && a.periods[0].kind !== 'events' && a.periods[0].cell);
  const prose = a1s.filter((a) => a.total === null && !counted.includes(a));
  const rows = sourceRows(full);
  const rowOfCell = (cell: string | null) => (cell ? parseA1(cell)?.row ?? -1 : -1);
  const used = new Set([counted[0], counted[1], counted[2], prose[0], a1s[0]].filter(Boolean).map((a) => a!.id));
  const removed =
    a1s.find((a) => {
      if (used.has(a.id) || !a.cell) return false;
      // Not one the source lists twice (Eskilstuna repeats its tables): dropping one copy drops nothing.
      if (full.values.filter((r) => String(r[0] ?? '').trim() === a.text.trim()).length !== 1) return false;
      // Not one followed by continuation rows (they would join the activity above).
      const next = full.values[rowOfCell(a.cell) + 1];
      return !next || String(next[0] ?? '').trim() !== '' || next.every((v) => String(v ?? '').trim() === '');
    }) ?? null;
  const t2of = (text: string) => actsOf(importFollowUp(atTertial(full, 2))).find((a) => a.text === text);
  const source = (t: number): Grid => {
    const g = atTertial(full, t);
    if (t === 1) return g;
    const set = (cell: string | null, v: string) => {
      const at = cell ? parseA1(cell) : null;
      if (at) g.values[at.row][at.col] = v;
    };
    if (counted[0]) set(counted[0].periods[0].cell, String((counted[0].periods[0].value as number) + 1));
    if (counted[2]) set(counted[2].periods[0].cell, String((counted[2].periods[0].value as number) + 2));
    if (t === 3 && counted[1]) {
      const same = t2of(counted[1].text);
      if (same?.periods[1].cell && same.periods[1].value !== null) set(same.periods[1].cell, String(same.periods[1].value + 1));
    }
    // The new row goes after the first table's last row.
    const first = rows[0];
    let last = first.row;
    while (rows.some((r) => r.row === last + 1)) last++;
    const added = Array(Math.max(...first.periodCols) + 1).fill('');
    added[Math.max(0, first.periodCols[0] - 1)] = NEW_TEXT;
    added[first.periodCols[1]] = 'Genomfört två trygghetsvandringar.';
    if (t === 3) added[first.periodCols[2]] = 'Genomfört en trygghetsvandring.';
    const values = g.values.map((r) => [...r]);
    values.splice(last + 1, 0, added);
    if (removed) values.splice(rowOfCell(removed.cell) + (rowOfCell(removed.cell) > last ? 1 : 0), 1);
    return { ...g, values };
  };
  return { f1, counted, prose, removed, source };
}

/** A grid as the tab-separated text a user gets when pasting Word tables (what the CLI reads from .txt). */
export function gridToTsv(g: Grid): string {
  return `${g.values.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))).join('\t')).join('\n')}\n`;
}
