// Totals, share of goal, expected-by-now and status of an activity at a reported period.
import type { Activity, Goal, JudgementValue, Period, Status } from '../model/follow-up';

/** How many times a rate goal repeats in a year ("per vecka" → 52; a three-year goal → 1/3). */
export const RATE_PER_YEAR: Record<string, number> = {
  dag: 365,
  vecka: 52,
  månad: 12,
  tertial: 3,
  kvartal: 4,
  termin: 2,
  halvår: 2,
  år: 1,
  'varannan vecka': 26,
  'varannan månad': 6,
  tvåårsperiod: 1 / 2,
  treårsperiod: 1 / 3,
  fyraårsperiod: 1 / 4,
};

/** The yearly target of a goal: the value itself, or a rate times its repeats per year. */
export function goalTarget(goal: Goal): number {
  if (goal.rate && RATE_PER_YEAR[goal.rate] !== undefined) return goal.value * RATE_PER_YEAR[goal.rate];
  return goal.value;
}

/** Inputs of the status rule, in the same shape the structured sheet's formulas see them. */
export interface StatusInput {
  values: (number | null)[];
  /** True per period when the cell holds any text (prose, milestone, other unit). */
  hasText: boolean[];
  goal: Goal | null;
  reportedPeriod: number | null;
  periodCount: number;
  /** A judgement in words, used only when no period holds a count. */
  judgement?: JudgementValue | null;
}

/**
 * The status a judgement gives when there is no count: met/done → met; not-met/cancelled →
 * not-met; not started → behind, or not met once the year is over; in progress and partly met
 * still ask for a person's assessment.
 */
export function judgementStatus(j: JudgementValue, yearOver: boolean): Status {
  if (j === 'met' || j === 'done') return 'met';
  if (j === 'not-met' || j === 'cancelled') return 'not-met';
  if (j === 'not-started') return yearOver ? 'not-met' : 'behind';
  return 'manual';
}

export interface StatusResult {
  total: number | null;
  share: number | null;
  expected: number | null;
  status: Status;
}

/**
 * The status rule (the structured sheet's formulas implement exactly this):
 * only periods 1..reported count; no count but text → manual; nothing → no-data;
 * no goal → no-goal; ">=" and "=": met when total ≥ target, not-met when the last period is
 * reported, on-track when total ≥ target × reported / periods, else behind. "<=": not-met when
 * total > target, met when the last period is reported, on-track when total ≤ target ×
 * reported / periods, else behind.
 */
export function computeStatus(input: StatusInput): StatusResult {
  const r = clampPeriod(input.reportedPeriod, input.periodCount);
  const counted = input.values.slice(0, r).filter((v): v is number => typeof v === 'number');
  const anyText = input.hasText.slice(0, r).some(Boolean);
  const total = counted.length ? counted.reduce((a, b) => a + b, 0) : null;
  const target = input.goal ? goalTarget(input.goal) : null;
  const expected = target === null ? null : (target * r) / input.periodCount;
  const share = target !== null && target !== 0 && total !== null ? total / target : null;
  let status: Status;
  if (total === null) status = input.judgement ? judgementStatus(input.judgement, r >= input.periodCount) : anyText ? 'manual' : 'no-data';
  else if (target === null || !input.goal) status = 'no-goal';
  else if (input.goal.op === '<=') {
    if (total > target) status = 'not-met';
    else if (r >= input.periodCount) status = 'met';
    else status = total <= (expected as number) ? 'on-track' : 'behind';
  } else if (total >= target) status = 'met';
  else if (r >= input.periodCount) status = 'not-met';
  else status = total >= (expected as number) ? 'on-track' : 'behind';
  return { total, share, expected, status };
}

/** Reported period clamped to 1..count; null means the whole year. */
export function clampPeriod(reported: number | null, count: number): number {
  if (reported === null || !Number.isFinite(reported)) return count;
  return Math.min(Math.max(Math.round(reported), 1), count);
}

/** Fills in running totals, total/share/expected/status of an activity from its periods' values. */
export function withStatus(activity: Activity, reportedPeriod: number | null): Activity {
  const res = computeStatus({
    values: activity.periods.map((p) => p.value),
    hasText: activity.periods.map((p) => p.text.trim() !== ''),
    goal: activity.goal,
    reportedPeriod,
    periodCount: activity.periods.length,
    judgement: activity.judgement?.value ?? null,
  });
  const r = clampPeriod(reportedPeriod, activity.periods.length);
  const counted = activity.periods.slice(0, r).filter((p: Period) => p.value !== null);
  let run = 0;
  const periods = activity.periods.map((p) => {
    if (p.value === null) return { ...p, cumulative: null };
    run += p.value;
    return { ...p, cumulative: run };
  });
  return {
    ...activity,
    ...res,
    periods,
    totalApprox: counted.some((p) => p.approx),
    totalLowerBound: counted.some((p) => p.lowerBound),
  };
}
