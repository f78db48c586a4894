// Builds the summary sheet ("Sammanfattning T<n> <år>"): title, overview per status, a table per promise, chart and in-cell bars.
import { clampPeriod, goalTarget, withStatus } from '../calc/status';
import { formatGoal, formatPeriod } from '../format/cells';
import { STATUS_COLOUR, STATUS_LABEL, STATUS_RULE } from '../i18n/sv';
import { PERIOD_NOUN, SUMMARY } from '../i18n/sv-plan';
import { a1, a1Range } from '../model/a1';
import type { Activity, FollowUp, Period, Status } from '../model/follow-up';
import { periodShortLabels } from '../model/periods';
import type { Chart, PlanCell, SheetPlan, Style } from '../model/sheet-plan';
import { sheetPlan } from '../model/sheet-plan';
import { formulaString } from './layout';
import { summarySheetName } from './names';
import { countFormat, FORMAT, PLAN_STYLES, STATUS_ORDER, totalFormat } from './structured';
import { commentLines, computedStatusOfActivity, judgementText, statusWord } from './activity-text';

export interface SummaryOptions {
  /** Date the summary is generated, YYYY-MM-DD (passed in so plans stay pure). */
  generatedAt: string;
  /** The "Sammanfattande analys" a user wrote on this summary before (read back with readSummaryAnalysis), kept when it is made again. */
  analysis?: string | null;
}

/** Width of the in-cell bar in characters (100 % of the goal). */
export const BAR_WIDTH = 20;

/** Style name of a status cell ("status-met"). */
export function statusStyle(s: Status): string {
  return `status-${s}`;
}

/** In-cell bar: filled share of the goal (capped at 100 %), blank without goal or total. */
export function barFormula(totalRef: string, goalRef: string): string {
  const filled = `ROUND(MIN(${totalRef}/${goalRef},1)*${BAR_WIDTH},0)`;
  return `=IF(OR(COUNT(${totalRef})=0,COUNT(${goalRef})=0),"",IF(${goalRef}<=0,"",REPT(${formulaString('█')},${filled})&REPT(${formulaString('░')},${BAR_WIDTH}-${filled})))`;
}

/**
 * A period that is one number ("540", "ca 20") as that number, to be written with its format;
 * null when readers need text: a running total in brackets ("479 (1019)"), events, no count.
 */
function plainCount(p: Period): number | null {
  if (p.kind === 'events' || p.value === null) return null;
  const cum = p.cumulative ?? p.statedCumulative;
  return cum !== null && cum !== undefined && cum !== p.value ? null : p.value;
}

/**
 * The one-click follow-up sheet: title ("Uppföljning av medborgarlöften – Kommun 2019,
 * tertial 3"), the date, "Sammanfattande analys" (a heading, then one merged free-text cell for
 * the user's analysis, holding `opts.analysis` when the summary is made again), an overview of how many activities have each status with the rule
 * behind it, then per promise its text and a table Aktivitet | T1 | T2 | T3 | Mål | Status |
 * Totalt | Andel av mål | Bedömning | Kommentar with cells written as readers know them ("479
 * (1019)", "ca 20", event places and dates; a status a judgement gave says "(bedömd)"; the
 * importer's suggestions say so; Kommentar holds the source's own status and the comments), a chart of total against goal, and REPT bars for hosts without charts.
 */
export function planSummary(f: FollowUp, opts: SummaryOptions): SheetPlan {
  const n = f.periodLabels.length;
  const reported = clampPeriod(f.reportedPeriod, n);
  const shown = f.reportedPeriod === null ? null : reported;
  const short = periodShortLabels(f.periodKind).slice(0, n);
  while (short.length < n) short.push(f.periodLabels[short.length]);
  const activities = f.promises.map((p) => p.activities.map((a) => withStatus(a, f.reportedPeriod)));
  const all = activities.flat();

  const width = n + 7; // Aktivitet, periods, Mål, Status, Totalt, Andel, Bedömning, Kommentar
  const colGoal = 1 + n;
  const colStatus = 2 + n;
  const colTotal = 3 + n;
  const colBar = 4 + n;
  const colJudgement = 5 + n;
  const colComment = 6 + n;
  const values: PlanCell[][] = [];
  const styles: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  const merges: string[] = [];
  const row = (cells: PlanCell[] = [], style: (string | null)[] | string | null = null): number => {
    const v = Array<PlanCell>(width).fill(null);
    cells.forEach((x, i) => (v[i] = x));
    values.push(v);
    styles.push(Array.isArray(style) ? [...style, ...Array(width - style.length).fill(null)] : Array(width).fill(style));
    formats.push(Array(width).fill(null));
    return values.length - 1;
  };

  row([SUMMARY.title(f.kommun, f.year, PERIOD_NOUN[f.periodKind], f.periodKind === 'year' ? null : reported)], 'sumTitle');
  merges.push(a1Range(0, 0, 1, width));
  row([SUMMARY.generated(opts.generatedAt)], 'hint');
  row();
  // The user's own analysis: a free-text cell the report prints first, kept when the summary is made again.
  const ah = row([SUMMARY.analysis, SUMMARY.analysisHint], ['heading', 'hint']);
  merges.push(a1Range(ah, 1, 1, width - 1));
  const ar = row([opts.analysis?.trim() ? opts.analysis : null], 'analysis');
  merges.push(a1Range(ar, 0, 1, width));
  row();
  row([SUMMARY.overview], 'heading');
  row([SUMMARY.statusCol, SUMMARY.countCol, SUMMARY.ruleCol], ['header', 'header', 'header']);
  for (const s of STATUS_ORDER) {
    const r = row([STATUS_LABEL[s], all.filter((a) => a.status === s).length, STATUS_RULE[s]], [statusStyle(s), 'cell', 'text']);
    merges.push(a1Range(r, 2, 1, width - 2));
  }
  if (f.findings.length) row([SUMMARY.findingsCount(f.findings.length)], 'hint');
  row();

  // Chart data rows are placed after the promise tables; bars in the tables point at them.
  const chartActs: { label: string; a: Activity }[] = [];
  const barCells: { row: number; index: number }[] = [];

  f.promises.forEach((p, pi) => {
    const r = row([`${SUMMARY.promise(p.id)}: ${p.text}`], 'heading');
    merges.push(a1Range(r, 0, 1, width));
    row([SUMMARY.activities, ...short, SUMMARY.goal, SUMMARY.status, SUMMARY.total, SUMMARY.bar, SUMMARY.judgement, SUMMARY.comment], 'header');
    if (!activities[pi].length) row([SUMMARY.noActivities], 'hint');
    for (const a of activities[pi]) {
      const cells: PlanCell[] = [a.text];
      const periodFormats: (string | null)[] = [];
      a.periods.slice(0, n).forEach((per, k) => {
        const hidden = shown !== null && k + 1 > shown;
        const count = hidden ? null : plainCount(per);
        cells.push(hidden ? null : count !== null ? count : formatPeriod(per) || null);
        periodFormats.push(count !== null ? countFormat(per) : null);
      });
      cells[colGoal] = formatGoal(a.goal) || null;
      cells[colStatus] = statusWord(a, computedStatusOfActivity(a, f.reportedPeriod));
      cells[colTotal] = a.total;
      cells[colJudgement] = judgementText(a) || null;
      cells[colComment] = commentLines(a).join('\n') || null;
      const st: (string | null)[] = Array(width).fill('text');
      st[colStatus] = statusStyle(a.status);
      st[colTotal] = 'count';
      st[colBar] = 'bar';
      const rr = row(cells, st);
      periodFormats.forEach((fmt, k) => (formats[rr][1 + k] = fmt));
      if (a.total !== null) formats[rr][colTotal] = totalFormat(a);
      if (a.total !== null || a.goal) {
        barCells.push({ row: rr, index: chartActs.length });
        chartActs.push({ label: `${p.id} ${a.id}: ${a.text}`.slice(0, 60), a });
      }
    }
    row();
  });

  let chart: Chart | null = null;
  if (chartActs.length) {
    row([SUMMARY.chartData], 'heading');
    row([SUMMARY.activities, SUMMARY.seriesTotal, SUMMARY.seriesGoal, SUMMARY.bar], 'header');
    const first = values.length;
    for (const { label, a } of chartActs) {
      const r = row([label, a.total, a.goal ? goalTarget(a.goal) : null], ['cell', 'count', 'count', 'bar']);
      formats[r][1] = FORMAT.count;
      formats[r][2] = FORMAT.target;
      values[r][3] = { f: barFormula(a1(r, 1), a1(r, 2)) };
    }
    for (const b of barCells) {
      const r = first + b.index;
      values[b.row][colBar] = { f: barFormula(a1(r, 1), a1(r, 2)) };
    }
    const last = values.length - 1;
    chart = {
      type: 'bar',
      title: SUMMARY.chartTitle,
      categories: a1Range(first, 0, last - first + 1, 1),
      series: [
        { name: SUMMARY.seriesTotal, values: a1Range(first, 1, last - first + 1, 1) },
        { name: SUMMARY.seriesGoal, values: a1Range(first, 2, last - first + 1, 1) },
      ],
      anchor: a1(3, width + 1),
      widthCols: 8,
      heightRows: Math.max(15, chartActs.length * 2 + 4),
    };
  }

  const statusStyles: Record<string, Style> = {};
  for (const s of STATUS_ORDER) statusStyles[statusStyle(s)] = { bold: true, fill: STATUS_COLOUR[s].fill, fontColor: STATUS_COLOUR[s].font, vAlign: 'top' };
  const widths: (number | null)[] = [50, ...Array(n).fill(22), 28, 16, 10, BAR_WIDTH + 4, 24, 45];
  return sheetPlan({
    name: summarySheetName(f.periodKind === 'year' ? null : reported, f.year, f.periodKind),
    kind: 'summary',
    blocks: [{ row: 0, col: 0, values, numberFormats: formats, styles }],
    styles: {
      ...PLAN_STYLES,
      ...statusStyles,
      sumTitle: { bold: true, fontSize: 16 },
      heading: { bold: true, fontSize: 12, wrap: true, vAlign: 'top' },
      bar: { fontColor: '#2F5597', vAlign: 'top' },
      analysis: { wrap: true, vAlign: 'top', fill: '#FFFBEF' },
    },
    columnWidths: widths,
    frozenRows: 1,
    merges,
    chart,
    tabColor: '#7030A0',
  });
}
