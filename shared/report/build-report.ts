// Builds the Swedish follow-up report (ReportDoc) from a FollowUp, shaped like the documents kommuner publish.
import type { Activity, FollowUp, Period, Status } from '../model/follow-up';
import { PARTY_LABEL, SEVERITY_LABEL, STATUS_LABEL, STATUS_RULE } from '../i18n/sv';
import { REPORT, percent } from '../i18n/sv-report';
import { formatGoal, formatPeriod, formatTotal } from '../format/cells';
import { clampPeriod, goalTarget } from '../calc/status';
import { periodLabels as defaultLabels, PERIOD_COUNT } from '../model/periods';
import { barChartSvg } from './bar-chart-svg';
import { commentLines, judgementText, statusWord } from '../plan/activity-text';
import { ACTIVITY_TEXT } from '../i18n/sv-plan';
import { ReportDocSchema, type ReportBar, type ReportBlock, type ReportCell, type ReportDoc } from './report-doc';

/** Status order in the overview: done first, problems next, then what needs a person. */
export const STATUS_ORDER: Status[] = ['met', 'on-track', 'behind', 'not-met', 'no-goal', 'manual', 'no-data'];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function cell(text: string, extra: Partial<ReportCell> = {}): ReportCell {
  return { text, status: null, bold: false, muted: false, ...extra };
}

function statusText(a: Activity): string {
  const word = statusWord(a);
  return a.share !== null && a.status !== 'no-goal' ? `${word} (${percent(a.share)})` : word;
}

/** The judgement and comments of an activity as lines ("Bedömning: Uppnått", own status, comments); "" when it has none. */
export function judgementAndComments(a: Activity): string {
  const j = judgementText(a);
  return [...(j ? [ACTIVITY_TEXT.judgement(j)] : []), ...commentLines(a)].join('\n');
}

/** A period as readers know it ("479 (1019)"); events one per line, easier to read in a narrow column. */
export function periodText(p: Period): string {
  return formatPeriod(p, '\n');
}

function activityRow(a: Activity, reported: number, withNotes: boolean): ReportCell[] {
  return [
    cell(a.text),
    ...a.periods.map((p, i) => cell(periodText(p), { muted: i + 1 > reported })),
    cell(formatTotal(a), { bold: true }),
    cell(formatGoal(a.goal)),
    cell(statusText(a), { status: a.status, bold: true }),
    ...(withNotes ? [cell(judgementAndComments(a))] : []),
  ];
}

/** Bars for activities with a numeric goal and a counted total. */
function chartBars(f: FollowUp): ReportBar[] {
  const bars: ReportBar[] = [];
  for (const a of f.promises.flatMap((p) => p.activities)) {
    if (!a.goal || a.total === null || a.share === null) continue;
    const goal = goalTarget(a.goal);
    bars.push({ label: a.text, share: Math.max(0, a.share), status: a.status, text: REPORT.chartValue(formatTotal(a), String(goal).replace('.', ','), percent(a.share)) });
  }
  return bars;
}

/**
 * The report for one follow-up: title, which period it reports, an overview (activities per
 * status word, with the rule behind each), one table per promise (Aktivitet | periods | Totalt |
 * Mål | Status, cells as readers know them: "479 (1019)", "ca 20", places and dates; a status a
 * judgement gave says "(bedömd)"; plus "Bedömning och kommentar" when an activity of the promise
 * has a judgement, own status or comments), a chart of
 * total against goal, and the findings. Pure and JSON-safe; `generatedAt` is an ISO date or
 * timestamp supplied by the host (the core reads no clock).
 */
export function buildReport(f: FollowUp, opts: { generatedAt: string }): ReportDoc {
  const kind = f.periodKind;
  const count = PERIOD_COUNT[kind];
  const reported = clampPeriod(f.reportedPeriod, count);
  const labels = f.periodLabels.length === count ? f.periodLabels : defaultLabels(kind);
  const activities = f.promises.flatMap((p) => p.activities);
  const blocks: ReportBlock[] = [];
  const title = REPORT.title(f.kommun, f.year);

  blocks.push({ type: 'heading', level: 1, text: title });
  blocks.push({ type: 'paragraph', tone: 'lead', text: REPORT.reports(kind, f.reportedPeriod, f.year) });
  if (f.statedPeriod !== null && f.reportedPeriod !== null && f.statedPeriod !== f.reportedPeriod) {
    blocks.push({ type: 'paragraph', tone: 'normal', text: REPORT.statedDiffers(kind, f.statedPeriod, f.reportedPeriod) });
  }
  blocks.push({ type: 'paragraph', tone: 'muted', text: REPORT.generated(opts.generatedAt.slice(0, 10)) });

  // Overview: count per status word, and the rule behind each status present.
  const counts = new Map<Status, number>();
  for (const a of activities) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const present = STATUS_ORDER.filter((s) => counts.has(s));
  blocks.push({ type: 'heading', level: 2, text: REPORT.overviewHeading });
  blocks.push({ type: 'paragraph', tone: 'normal', text: `${REPORT.overview(f.promises.length, activities.length)} ${REPORT.statusCounts(present.map((s) => `${counts.get(s)} ${STATUS_LABEL[s]}`))}` });
  if (present.length) {
    blocks.push({
      type: 'table',
      header: [...REPORT.statusTableHeader],
      widths: [18, 8, 74],
      rows: present.map((s) => [cell(STATUS_LABEL[s], { status: s, bold: true }), cell(String(counts.get(s))), cell(STATUS_RULE[s])]),
    });
  }

  // One section per promise, numbered in document order.
  f.promises.forEach((p, i) => {
    blocks.push({ type: 'heading', level: 2, text: REPORT.promiseHeading(i + 1, p.party ? PARTY_LABEL[p.party] : null) });
    blocks.push({ type: 'paragraph', tone: 'normal', text: p.text });
    if (!p.activities.length) {
      blocks.push({ type: 'paragraph', tone: 'muted', text: REPORT.noTable });
      return;
    }
    // A column for judgements and comments when any activity of the promise has one.
    const withNotes = p.activities.some((a) => judgementAndComments(a) !== '');
    blocks.push({
      type: 'table',
      header: withNotes ? [...REPORT.columns(labels), REPORT.notesColumn] : REPORT.columns(labels),
      widths: withNotes ? [17, ...labels.map(() => 36 / labels.length), 6, 11, 12, 18] : [20, ...labels.map(() => 48 / labels.length), 6, 13, 13],
      rows: p.activities.map((a) => activityRow(a, reported, withNotes)),
    });
  });

  const bars = chartBars(f);
  if (bars.length) {
    blocks.push({ type: 'heading', level: 2, text: REPORT.chartHeading });
    blocks.push({ type: 'paragraph', tone: 'muted', text: REPORT.chartIntro });
    blocks.push({ type: 'chart', title: REPORT.chartHeading, bars, svg: barChartSvg(REPORT.chartHeading, bars) });
  }

  blocks.push({ type: 'heading', level: 2, text: REPORT.findingsHeading });
  if (!f.findings.length) {
    blocks.push({ type: 'paragraph', tone: 'normal', text: REPORT.noFindings });
  } else {
    blocks.push({ type: 'paragraph', tone: 'muted', text: REPORT.findingsIntro });
    const sorted = [...f.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    blocks.push({
      type: 'table',
      header: [...REPORT.findingsHeader],
      widths: [10, 8, 82],
      rows: sorted.map((x) => [cell(SEVERITY_LABEL[x.severity], { bold: x.severity === 'error' }), cell(x.cell ?? ''), cell(x.message)]),
    });
  }

  return ReportDocSchema.parse({ title, lang: 'sv', generatedAt: opts.generatedAt, blocks });
}
