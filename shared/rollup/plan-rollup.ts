// Builds the roll-up sheet ("Sammanställning"): a row per kommun with statuses, goals met and errors, a table per theme (live formulas), a chart and a findings digest.
import { SEVERITY_LABEL, STATUS_COLOUR, STATUS_LABEL } from '../i18n/sv';
import { ROLLUP, ROLLUP_SHEET, THEME_LABEL } from '../i18n/sv-rollup';
import { a1, a1Range, columnLetters } from '../model/a1';
import type { Block, Chart, ConditionalFormat, PlanCell, SheetPlan, Style } from '../model/sheet-plan';
import { sheetPlan } from '../model/sheet-plan';
import { formulaString } from '../plan/layout';
import { FORMAT, PLAN_STYLES, STATUS_ORDER } from '../plan/structured';
import { BAR_WIDTH, barFormula, statusStyle } from '../plan/summary';
import { ACTIVITY_COLS, KOMMUN_COLS as K, THEME_COLS as T, activityRange } from './layout';
import { planRollupActivities } from './plan-activities';
import { rollupData, type RollupData, type RollupInput, type RollupOptions } from './rollup-data';

/** How many kommun names the digest lists before "och N till". */
const DIGEST_NAMES = 12;
const WIDTH = K.width;

/**
 * Rows of the sheet being built, in rectangular blocks as wide as the table they hold (a theme
 * table is 9 columns, not the sheet's 19: fewer empty cells for every host to write). Values,
 * styles and number formats keep the same shape; rows are addressed by their sheet row.
 */
class Rows {
  private readonly blocks: { row: number; width: number; values: PlanCell[][]; styles: (string | null)[][]; formats: (string | null)[][] }[] = [];
  private readonly at: { b: number; i: number }[] = [];
  merges: string[] = [];
  /** Starts a new block `width` columns wide at the next row. */
  block(width: number): void {
    this.blocks.push({ row: this.at.length, width, values: [], styles: [], formats: [] });
  }
  get next(): number {
    return this.at.length;
  }
  add(cells: PlanCell[] = [], style: (string | null)[] | string | null = null): number {
    if (!this.blocks.length) this.block(WIDTH);
    const b = this.blocks[this.blocks.length - 1];
    const v = Array<PlanCell>(b.width).fill(null);
    cells.forEach((x, i) => (v[i] = x));
    b.values.push(v);
    b.styles.push(Array.isArray(style) ? [...style, ...Array(Math.max(0, b.width - style.length)).fill(null)].slice(0, b.width) : Array(b.width).fill(style));
    b.formats.push(Array(b.width).fill(null));
    this.at.push({ b: this.blocks.length - 1, i: b.values.length - 1 });
    return this.at.length - 1;
  }
  /** A row whose first cell spans the sheet's width. */
  wide(text: string, style: string): number {
    const r = this.add([text], style);
    this.merges.push(a1Range(r, 0, 1, WIDTH));
    return r;
  }
  set(r: number, c: number, v: PlanCell, format: string | null = null): void {
    const { b, i } = this.at[r];
    this.blocks[b].values[i][c] = v;
    if (format) this.blocks[b].formats[i][c] = format;
  }
  format(r: number, c: number, format: string): void {
    const { b, i } = this.at[r];
    this.blocks[b].formats[i][c] = format;
  }
  style(r: number, c: number, style: string | null): void {
    const { b, i } = this.at[r];
    this.blocks[b].styles[i][c] = style;
  }
  toBlocks(): Block[] {
    return this.blocks.map((b) => ({ row: b.row, col: 0, values: b.values, styles: b.styles, numberFormats: b.formats }));
  }
}

/** "=IF(F7=0,"",G7/F7)". */
function shareFormula(part: string, whole: string): string {
  return `=IF(${whole}=0,"",${part}/${whole})`;
}

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
      [null, 'text', null, null, null, ...STATUS_ORDER.map(() => null), null, null, null, 'bar', k.errors ? 'errors' : null, null, null],
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

/** One theme's table: a row per kommun whose numbers are COUNTIFS/SUMIFS over the activity sheet's Tema, then a total row. */
function themeTable(rows: Rows, data: RollupData, theme: RollupData['themes'][number], greyed: ConditionalFormat[]): void {
  const label = THEME_LABEL[theme.theme];
  rows.add([ROLLUP.theme(label)], 'heading');
  const C = ROLLUP.columns;
  rows.add([C.nr, C.kommun, C.activities, C.withGoal, C.metGoal, C.target, C.outcome, C.outcomeShare, C.bar], 'header');
  const n = data.activities.length;
  const range = (col: number) => activityRange(col, n);
  const nr = range(ACTIVITY_COLS.nr);
  const tema = `${range(ACTIVITY_COLS.theme)},${formulaString(label)}`;
  const sumifs = (col: number, r: number) => `=SUMIFS(${range(col)},${nr},${a1(r, T.nr)},${tema})`;
  const first = rows.next;
  for (const k of data.kommuner) {
    const r = rows.add([k.nr, k.label], [null, 'text', null, null, null, null, null, null, 'bar']);
    rows.set(r, T.activities, { f: `=COUNTIFS(${nr},${a1(r, T.nr)},${tema})` });
    rows.set(r, T.withGoal, { f: sumifs(ACTIVITY_COLS.hasGoal, r) });
    rows.set(r, T.metGoal, { f: sumifs(ACTIVITY_COLS.metGoal, r) });
    rows.set(r, T.target, { f: sumifs(ACTIVITY_COLS.sumTarget, r) }, FORMAT.target);
    rows.set(r, T.outcome, { f: sumifs(ACTIVITY_COLS.sumOutcome, r) });
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

/** Styles of the roll-up sheet: the generated sheets' own, status colours for the status headers, severities, totals. */
function rollupStyles(): Record<string, Style> {
  const out: Record<string, Style> = {
    ...PLAN_STYLES,
    rollTitle: { bold: true, fontSize: 16 },
    heading: { bold: true, fontSize: 12, vAlign: 'top' },
    bar: { fontColor: '#2F5597', vAlign: 'top' },
    total: { bold: true, vAlign: 'top', hAlign: 'right', fill: '#F2F2F2' },
    errors: { vAlign: 'top', hAlign: 'right', fontColor: '#9C0006', bold: true },
    'sev-error': { bold: true, fill: '#FFC7CE', fontColor: '#9C0006', vAlign: 'top' },
    'sev-warning': { bold: true, fill: '#FFEB9C', fontColor: '#9C5700', vAlign: 'top' },
    'sev-info': { fill: '#DDEBF7', fontColor: '#1F4E78', vAlign: 'top' },
  };
  for (const s of STATUS_ORDER) {
    out[`${statusStyle(s)}-head`] = { bold: true, wrap: true, vAlign: 'top', borderBottom: true, fill: STATUS_COLOUR[s].fill, fontColor: STATUS_COLOUR[s].font };
  }
  return out;
}

/**
 * The roll-up sheet from the roll-up's numbers: title and date; per kommun (Nr, Kommun, År,
 * period, activities, one column per status with the status word as header, with goal, goals
 * met, share met as a formula, an in-cell bar for the CLI's files, errors and warnings of its
 * data, source) and a total row; per theme a table of each kommun's activities, goals met,
 * summed targets and outcomes and share, all COUNTIFS/SUMIFS over the activity sheet's Tema
 * column so a correction there recomputes them; the findings digest; and a chart of status per
 * kommun (drawn by Office.js and Apps Script).
 */
export function planRollupSheet(data: RollupData): SheetPlan {
  const rows = new Rows();
  rows.wide(ROLLUP.title(data.kommuner.length), 'rollTitle');
  rows.wide(ROLLUP.generated(data.generatedAt, data.kommuner.length, data.total.activities), 'hint');
  rows.wide(ROLLUP.statusHint, 'hint');
  rows.add();
  const headerRow = rows.next + 1;
  const { first, last } = kommunTable(rows, data);
  rows.add();
  rows.add([ROLLUP.perTheme], 'heading');
  rows.wide(ROLLUP.themeHint, 'hint');
  rows.add();
  const greyed: ConditionalFormat[] = [];
  rows.block(T.width);
  for (const t of data.themes) themeTable(rows, data, t, greyed);
  rows.block(WIDTH);
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
  const widths: (number | null)[] = [8, 28, 10, 10, 11, 11, 11, 11, 11, BAR_WIDTH + 4, 11, 11, 11, 11, 12, BAR_WIDTH + 4, 11, 11, 24];
  return sheetPlan({
    name: ROLLUP_SHEET.summary,
    kind: 'summary',
    blocks: rows.toBlocks(),
    styles: rollupStyles(),
    columnWidths: widths,
    frozenRows: 1,
    merges: rows.merges,
    conditionalFormats: greyed,
    chart,
    tabColor: '#375623',
  });
}

/**
 * The roll-up of many kommuners' follow-ups as the sheets a host writes in one batch: the
 * roll-up sheet ("Sammanställning") and the activity sheet ("Aktiviteter per tema") whose Tema
 * column the roll-up's theme tables count. A host reads every structured sheet (and, to keep
 * users' theme corrections, the activity sheet with `readRollupThemes`) once, calls this, and
 * writes both plans at once. Each follow-up should be as read back from its structured sheet.
 */
export function planRollup(inputs: (RollupInput | RollupInput['followUp'])[], opts: RollupOptions): SheetPlan[] {
  const data = rollupData(inputs.map((x) => ('followUp' in x ? x : { followUp: x })), opts);
  return planRollupSheets(data);
}

/** The two roll-up sheets from numbers already computed (`rollupData`), e.g. when the report is built from the same numbers. */
export function planRollupSheets(data: RollupData): SheetPlan[] {
  return [planRollupSheet(data), planRollupActivities(data)];
}
