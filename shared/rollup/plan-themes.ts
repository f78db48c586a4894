// Builds the themes sheet of the roll-up ("Teman"): one table per theme with each kommun's activities and totals against goals, live over the activity sheet's Tema.
import { STATUS_LABEL } from '../i18n/sv';
import { ROLLUP, ROLLUP_SHEET, THEME_LABEL } from '../i18n/sv-rollup';
import { a1, a1Range, columnLetters } from '../model/a1';
import type { ConditionalFormat, SheetPlan } from '../model/sheet-plan';
import { sheetPlan } from '../model/sheet-plan';
import { formulaString } from '../plan/layout';
import { FORMAT } from '../plan/structured';
import { BAR_WIDTH, barFormula } from '../plan/summary';
import { ACTIVITY_COLS, THEME_COLS as T, activityRange } from './layout';
import type { RollupData } from './rollup-data';
import { Rows, rollupStyles, shareFormula } from './sheet-rows';

/** One theme's table: a row per kommun whose numbers are COUNTIFS/SUMIFS over the activity sheet's Tema, then a total row. */
function themeTable(rows: Rows, data: RollupData, theme: RollupData['themes'][number], greyed: ConditionalFormat[]): void {
  const label = THEME_LABEL[theme.theme];
  rows.add([ROLLUP.theme(label)], 'heading');
  const C = ROLLUP.columns;
  rows.add([C.nr, C.kommun, C.activities, C.withGoal, C.metGoal, C.target, C.outcome, C.outcomeShare, C.bar], 'header');
  const n = data.activities.length;
  const range = (col: number) => activityRange(col, n);
  const of = (r: number) => `${range(ACTIVITY_COLS.nr)},${a1(r, T.nr)},${range(ACTIVITY_COLS.theme)},${formulaString(label)}`;
  // An activity has a goal when Målvärde holds a number; the sums count Totalt where "Mål i summan" does (minst/exakt goals).
  const withGoal = `${range(ACTIVITY_COLS.target)},">=0"`;
  const summed = `${range(ACTIVITY_COLS.sumTarget)},">=0"`;
  const first = rows.next;
  for (const k of data.kommuner) {
    const r = rows.add([k.nr, k.label], [null, null, null, null, null, null, null, null, 'bar']);
    rows.set(r, T.activities, { f: `=COUNTIFS(${of(r)})` });
    rows.set(r, T.withGoal, { f: `=COUNTIFS(${of(r)},${withGoal})` });
    rows.set(r, T.metGoal, { f: `=COUNTIFS(${of(r)},${withGoal},${range(ACTIVITY_COLS.status)},${formulaString(STATUS_LABEL.met)})` });
    rows.set(r, T.target, { f: `=SUMIFS(${range(ACTIVITY_COLS.sumTarget)},${of(r)})` }, FORMAT.target);
    rows.set(r, T.outcome, { f: `=SUMIFS(${range(ACTIVITY_COLS.total)},${of(r)},${summed})` });
    rows.set(r, T.share, { f: shareFormula(a1(r, T.outcome), a1(r, T.target)) }, FORMAT.share);
    rows.set(r, T.bar, { f: barFormula(a1(r, T.outcome), a1(r, T.target)) });
  }
  const last = rows.next - 1;
  if (last >= first) {
    // A kommun with no activity of the theme is greyed, whatever the Tema column says next.
    greyed.push({ range: a1Range(first, 0, last - first + 1, T.width), when: { type: 'formula', formula: `=$${columnLetters(T.activities)}${first + 1}=0` }, style: { fontColor: '#A6A6A6' } });
  }
  const t = rows.add([null, ROLLUP.allKommuner], [null, 'total', 'total', 'total', 'total', 'total', 'total', 'total', 'bar']);
  for (const col of [T.activities, T.withGoal, T.metGoal, T.target, T.outcome]) {
    rows.set(t, col, { f: data.kommuner.length ? `=SUM(${a1Range(first, col, last - first + 1, 1)})` : '=0' });
  }
  rows.set(t, T.share, { f: shareFormula(a1(t, T.outcome), a1(t, T.target)) }, FORMAT.share);
  rows.set(t, T.bar, { f: barFormula(a1(t, T.outcome), a1(t, T.target)) });
  rows.format(t, T.target, FORMAT.target);
  rows.add();
}

/**
 * The themes sheet: title, the rule behind its numbers, then per theme (in the lexicon's order) a
 * table of every kommun: activities, with goal, goals met, summed targets and outcomes of its
 * minst/exakt goals, share and an in-cell bar, and a total row. Every number is a COUNTIFS or
 * SUMIFS over the activity sheet's Nr and Tema columns, so a Tema a user corrects there
 * recomputes them at once; a kommun with no activity of the theme is greyed.
 */
export function planRollupThemes(data: RollupData): SheetPlan {
  const rows = new Rows(T.width);
  rows.wide(ROLLUP.themesTitle(data.kommuner.length), 'rollTitle');
  rows.wide(ROLLUP.themeHint, 'note');
  rows.add();
  const greyed: ConditionalFormat[] = [];
  for (const t of data.themes) themeTable(rows, data, t, greyed);
  return sheetPlan({
    name: ROLLUP_SHEET.themes,
    kind: 'summary',
    blocks: rows.toBlocks(),
    styles: rollupStyles(),
    columnWidths: [6, 40, 11, 10, 11, 11, 11, 10, BAR_WIDTH + 4],
    frozenRows: 1,
    merges: rows.merges,
    conditionalFormats: greyed,
    tabColor: '#548235',
  });
}
