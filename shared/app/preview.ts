// What a host shows after "Läs in" and before writing anything: a plain, JSON-safe view of a FollowUp.
import type { FollowUp, Goal, Severity, Status } from '../model/follow-up';
import { GOAL_OP_LABEL, SEVERITY_LABEL, STATUS_LABEL } from '../i18n/sv';
import { PERIOD_COUNT, periodLabels, periodShortLabels } from '../model/periods';
import { goalTarget } from '../calc/status';

export interface PreviewActivity {
  id: string;
  text: string;
  /** Source cell of the activity (A1), if known. */
  cell: string | null;
  /** "minst 10 riktade insatser", or "" without a goal. */
  goal: string;
  /** Total up to the reported period as readers write it ("14", "≥ 40", "~30"), "" when none. */
  total: string;
  status: Status;
  statusLabel: string;
}

export interface PreviewPromise {
  id: string;
  text: string;
  cell: string | null;
  activities: PreviewActivity[];
}

export interface PreviewFinding {
  severity: Severity;
  severityLabel: string;
  code: string;
  cell: string | null;
  message: string;
}

/** The preview of one imported follow-up. */
export interface Preview {
  kommun: string | null;
  year: number | null;
  reportedPeriod: number | null;
  statedPeriod: number | null;
  /** "T3" (or "K2", "H1", "Helår"); "" when unknown. */
  periodLabel: string;
  periodCount: number;
  /** Every period's full name ("Tertial 1" …, "Kvartal 4"): the choices of a reported-period setting. */
  periodLabels: string[];
  sheetName: string | null;
  promiseCount: number;
  activityCount: number;
  /** Activities per status, in the order of the status list. */
  statusCounts: { status: Status; label: string; count: number }[];
  promises: PreviewPromise[];
  findings: PreviewFinding[];
}

const STATUS_ORDER: Status[] = ['met', 'on-track', 'behind', 'not-met', 'no-goal', 'no-data', 'manual'];
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** "minst 10 riktade insatser i Skiftinge, Lagersberg" from a goal. */
export function goalText(goal: Goal | null): string {
  if (!goal) return '';
  const target = goalTarget(goal);
  const parts = [GOAL_OP_LABEL[goal.op], formatNumber(target)];
  if (goal.unit) parts.push(goal.unit);
  let s = parts.join(' ');
  if (goal.rate) s += ` (${formatNumber(goal.value)} per ${goal.rate})`;
  if (goal.places.length) s += ` i ${goal.places.join(', ')}`;
  return s;
}

/** Swedish number text: decimal comma, at most two decimals. */
export function formatNumber(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r).replace('.', ',');
}

/**
 * Builds what the task pane / sidebar shows before it writes anything: kommun, year, reported
 * period, promises with their activities (goal, total, status word) and the findings sorted by
 * severity, each naming its cell. Pure and JSON-safe, so both hosts use it.
 */
export function previewOf(f: FollowUp): Preview {
  const kind = f.periodKind ?? 'tertial';
  const n = f.periodLabels?.length || PERIOD_COUNT[kind];
  const labels = periodShortLabels(kind);
  const counts = new Map<Status, number>();
  const promises = f.promises.map((p) => ({
    id: p.id,
    text: p.text,
    cell: p.cell ?? null,
    activities: p.activities.map((a) => {
      counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
      const total = a.total === null ? '' : `${a.totalLowerBound ? '≥ ' : a.totalApprox ? '~' : ''}${formatNumber(a.total)}`;
      return {
        id: a.id,
        text: a.text,
        cell: a.cell ?? null,
        goal: goalText(a.goal),
        total,
        status: a.status,
        statusLabel: STATUS_LABEL[a.status],
      };
    }),
  }));
  const findings = f.findings
    .map((x, i) => ({ x, i }))
    .sort((a, b) => SEVERITY_ORDER[a.x.severity] - SEVERITY_ORDER[b.x.severity] || a.i - b.i)
    .map(({ x }) => ({ severity: x.severity, severityLabel: SEVERITY_LABEL[x.severity], code: x.code, cell: x.cell, message: x.message }));
  const period = f.reportedPeriod;
  return {
    kommun: f.kommun,
    year: f.year,
    reportedPeriod: period,
    statedPeriod: f.statedPeriod ?? null,
    periodLabel: period === null ? '' : labels[Math.min(Math.max(period, 1), labels.length) - 1] ?? '',
    periodCount: n,
    periodLabels: f.periodLabels?.length ? [...f.periodLabels] : periodLabels(kind),
    sheetName: f.sheetName ?? null,
    promiseCount: promises.length,
    activityCount: promises.reduce((s, p) => s + p.activities.length, 0),
    statusCounts: STATUS_ORDER.filter((s) => counts.has(s)).map((s) => ({ status: s, label: STATUS_LABEL[s], count: counts.get(s) ?? 0 })),
    promises,
    findings,
  };
}
