// Builds the roll-up sheet ("Sammanställning"): a row per kommun with statuses, goals met and errors, a chart of status per kommun and a findings digest; planRollup gives all three roll-up sheets.
import { SEVERITY_LABEL, STATUS_LABEL } from '../i18n/sv';
import { ROLLUP, ROLLUP_SHEET } from '../i18n/sv-rollup';
import { a1, a1Range } from '../model/a1';
import type { Chart, PlanCell, SheetPlan } from '../model/sheet-plan';
import { sheetPlan } from '../model/sheet-plan';
import { FORMAT, STATUS_ORDER } from '../plan/structured';
import { BAR_WIDTH, barFormula, statusStyle } from '../plan/summary';
import { KOMMUN_COLS as K } from './layout';
import { planRollupActivities } from './plan-activities';
import { planRollupThemes } from './plan-themes';
import { rollupData, type RollupData, type RollupInput, type RollupOptions } from './rollup-data';
import { Rows, rollupStyles, shareFormula } from './sheet-rows';

/** How many kommun names the digest lists before "och N till". */
const DIGEST_NAMES = 12;
const WIDTH = K.width;

/** The kommun table: one row per kommun with literal counts, then the total row of SUM formulas; returns its first and last kommun row. */
function kommunTable(rows: Rows, data: RollupData): { first: number; last: number } {
  rows.add([ROLLUP.perKommun], 'heading');
  const C = ROLLUP.columns;
  const header: PlanCell[] = [C.nr, C.kommun, C.year, C.period, C.activities, ...STATUS_ORDER.map((s) => STATUS_LABEL[s]), C.withGoal, C.metGoal, C.metShare, C.bar, C.errors, C.warnings, C.source];
  rows.add(header, ['header', 'header', 'header', 'header', 'header', ...STATUS_ORDER.map((s) => `${statusStyle(s)}-head`), 'header', 'header', 'header', 'header', 'header', 'header', 'header']);
  const first = rows.next;
  for (const k of data.kommuner) {
    const r = rows.add(
      [k.nr, k.label, k.year, k.period, k.activities, ...STATUS_ORDER.map((s) => k.byStatus[s]), k.withGoal, k.metGoal, null, null, k.errors, k.warnings, k.source],
      [null, null, null, null, null, ...STATUS_ORDER.map(() => null), null, null, null, 'bar', k.errors ? 'errors' : null, null, null],
    );
    rows.set(r, K.metShare, { f: shareFormula(a1(r, K.metGoal), a1(r, K.withGoal)) }, FORMAT.share);
    rows.set(r, K.bar, { f: barFormula(a1(r, K.metGoal), a1(r, K.withGoal)) });
  }
  const last = rows.next - 1;
  const t = rows.add([null, ROLLUP.allKommuner], 'total');
  const sum = (col: number) => ({ f: data.kommuner.length ? `=SUM(${a1Range(first, col, last - first + 1, 1)})` : '=0' });
  for (const col of [K.activities, ...STATUS_ORDER.map((_, i) => K.firstStatus + i), K.withGoal, K.metGoal, K.errors, K.warnings]) rows.set(t, col, sum(col));
  rows.set(t, K.metShare, { f: shareFormula(a1(t, K.metGoal), a1(t, K.withGoal)) }, FORMAT.share);
  rows.set(t, K.bar, { f: barFormula(a1(t, K.metGoal), a1(t, K.withGoal)) });
  rows.style(t, K.bar, 'bar');
  return { first, last };
}

/** The findings digest: one row per check (severity, code, count, kommuner, one example message). */
function digestTable(rows: Rows, data: RollupData): void {
  rows.add([ROLLUP.digest], 'heading');
  rows.wide(ROLLUP.digestHint, 'hint');
  if (!data.digest.length) {
    rows.add([ROLLUP.noFindings], 'hint');
    return;
  }
  const D = ROLLUP.digestColumns;
  const exampleCol = 7;
  const head = rows.add([D.severity, D.code, D.count, D.kommuner, null, null, null, D.example], 'header');
  rows.merges.push(a1Range(head, 3, 1, 4), a1Range(head, exampleCol, 1, WIDTH - exampleCol));
  for (const d of data.digest) {
    const names = d.kommuner.length > DIGEST_NAMES ? ROLLUP.moreKommuner(d.kommuner.slice(0, DIGEST_NAMES).join(', '), d.kommuner.length - DIGEST_NAMES) : d.kommuner.join(', ');
    const r = rows.add([SEVERITY_LABEL[d.severity], d.code, d.count, names, null, null, null, d.example], [`sev-${d.severity}`, 'cell', 'count', 'text', null, null, null, 'text']);
    rows.merges.push(a1Range(r, 3, 1, 4), a1Range(r, exampleCol, 1, WIDTH - exampleCol));
  }
}

/**
 * The roll-up sheet from the roll-up's numbers: title and date; per kommun (Nr, Kommun, År,
 * period, activities, one column per status with the status word as header, with goal, goals
 * met, share met as a formula, an in-cell bar for the CLI's files, errors and warnings of its
 * data, source) and a total row; a pointer to the themes sheet; the findings digest; and a
 * chart of status per kommun (drawn by Office.js and Apps Script; the CLI's file has the bars).
 */
export function planRollupSheet(data: RollupData): SheetPlan {
  const rows = new Rows(WIDTH);
  rows.wide(ROLLUP.title(data.kommuner.length), 'rollTitle');
  rows.wide(ROLLUP.generated(data.generatedAt, data.kommuner.length, data.total.activities), 'hint');
  rows.wide(ROLLUP.statusHint, 'hint');
  rows.add();
  const headerRow = rows.next + 1;
  const { first, last } = kommunTable(rows, data);
  rows.add();
  rows.wide(ROLLUP.themesPointer, 'hint');
  rows.add();
  digestTable(rows, data);

  let chart: Chart | null = null;
  if (data.kommuner.length) {
    const span = last - first + 1;
    chart = {
      type: 'bar',
      title: ROLLUP.chartTitle,
      categories: a1Range(first, K.kommun, span, 1),
      series: STATUS_ORDER.map((s, i) => ({ name: STATUS_LABEL[s], values: a1Range(first, K.firstStatus + i, span, 1) })),
      anchor: a1(headerRow - 1, WIDTH + 1),
      widthCols: 10,
      heightRows: Math.max(15, Math.ceil(span * 1.5) + 4),
    };
  }
  const widths: (number | null)[] = [8, 40, 8, 10, 11, 11, 11, 11, 11, 11, 11, 11, 10, 11, 11, BAR_WIDTH + 4, 10, 10, 32];
  return sheetPlan({
    name: ROLLUP_SHEET.summary,
    kind: 'summary',
    blocks: rows.toBlocks(),
    styles: rollupStyles(),
    columnWidths: widths,
    frozenRows: 1,
    merges: rows.merges,
    chart,
    tabColor: '#375623',
  });
}

/**
 * The roll-up of many kommuners' follow-ups as the sheets a host writes in one batch: the
 * roll-up sheet ("Sammanställning"), the themes sheet ("Teman") and the activity sheet
 * ("Aktiviteter per tema") whose Tema column the theme tables count. A host reads every
 * structured sheet (and, to keep users' theme corrections, the activity sheet with
 * `readRollupThemes`) once, calls this (or `rollupFromSheets`), and writes the plans at once.
 * Each follow-up should be as read back from its structured sheet.
 */
export function planRollup(inputs: (RollupInput | RollupInput['followUp'])[], opts: RollupOptions): SheetPlan[] {
  const data = rollupData(inputs.map((x) => ('followUp' in x ? x : { followUp: x })), opts);
  return planRollupSheets(data);
}

/** The three roll-up sheets from numbers already computed (`rollupData`), e.g. when the report is built from the same numbers. */
export function planRollupSheets(data: RollupData): SheetPlan[] {
  return [planRollupSheet(data), planRollupThemes(data), planRollupActivities(data)];
}
