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
  /** A judgement in words: gives the status when no period holds a count, and over a count when `judgementOverrides`. */
  judgement?: JudgementValue | null;
  /** True when the judgement is a user's (not the importer's suggestion): it then overrides a computed status too. */
  judgementOverrides?: boolean;
}

/**
 * The status a judgement gives when there is no count: met/done → met; not-met/cancelled →
 * not-met; in progress → on track, partly met and not started → behind, and all three not met
 * once the year is over (what was judged is shown beside the status, so "Delvis uppnått" stays
 * visible as the reason).
 */
export function judgementStatus(j: JudgementValue, yearOver: boolean): Status {
  if (j === 'met' || j === 'done') return 'met';
  if (j === 'not-met' || j === 'cancelled') return 'not-met';
  if (yearOver) return 'not-met';
  return j === 'in-progress' ? 'on-track' : 'behind';
}

export interface StatusResult {
  total: number | null;
  share: number | null;
  expected: number | null;
  status: Status;
}

/**
 * The status rule (the structured sheet's formulas implement exactly this):
 * only periods 1..reported count; a judgement decides where no period holds a count, and a
 * user's judgement (`judgementOverrides`) decides over a count too (`judgementStatus`); else:
 * no count but text → manual; nothing → no-data;
 * no goal → no-goal; ">=" and "=": met when total ≥ target, not-met when the last period is
 * reported, on-track when total ≥ target × reported / periods, else behind. "<=": not-met when
 * total > target, met when the last period is reported, on-track when total ≤ target ×
 * reported / periods, else behind.
 */
export function computeStatus(input: StatusInput): StatusResult {
  const r = clampPeriod(input.reportedPeriod, input.periodCount);
  // Loops over what slice(0, r) would keep, rather than slice/filter/reduce: this runs for every activity on every import and summary.
  let sum = 0;
  let counted = 0;
  const endValues = sliceEnd(r, input.values.length);
  for (let i = 0; i < endValues; i++) {
    const v = input.values[i];
    if (typeof v === 'number') {
      sum += v;
      counted++;
    }
  }
  let anyText = false;
  const endText = sliceEnd(r, input.hasText.length);
  for (let i = 0; i < endText && !anyText; i++) anyText = !!input.hasText[i];
  const total = counted ? sum : null;
  const target = input.goal ? goalTarget(input.goal) : null;
  const expected = target === null ? null : (target * r) / input.periodCount;
  const share = target !== null && target !== 0 && total !== null ? total / target : null;
  let status: Status;
  if (input.judgement && (total === null || input.judgementOverrides)) status = judgementStatus(input.judgement, r >= input.periodCount);
  else if (total === null) status = anyText ? 'manual' : 'no-data';
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

/** Where `slice(0, end)` of an array of `length` stops (negative counts from the end; NaN is 0; fractions are cut). */
function sliceEnd(end: number, length: number): number {
  const e = Number.isNaN(end) ? 0 : Math.trunc(end);
  return e < 0 ? Math.max(length + e, 0) : Math.min(e, length);
}

/** Reported period clamped to 1..count; null means the whole year. */
export function clampPeriod(reported: number | null, count: number): number {
  if (reported === null || !Number.isFinite(reported)) return count;
  return Math.min(Math.max(Math.round(reported), 1), count);
}

/** The status the counts alone give (the rule without any judgement): the structured sheet's "Beräknad status". */
export function computedStatus(input: StatusInput): Status {
  return computeStatus({ ...input, judgement: null, judgementOverrides: false }).status;
}

/** The inputs of the status rule for an activity (its periods, goal and judgement) at a reported period. */
export function statusInputOf(activity: Activity, reportedPeriod: number | null): StatusInput {
  const count = activity.periods.length;
  const values: (number | null)[] = [];
  const hasText: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const p = activity.periods[i];
    values.push(p.value);
    hasText.push(p.text.trim() !== '');
  }
  return {
    values,
    hasText,
    goal: activity.goal,
    reportedPeriod,
    periodCount: count,
    judgement: activity.judgement?.value ?? null,
    judgementOverrides: activity.judgement?.source === 'user',
  };
}

/** Fills in running totals, total/share/expected/status of an activity from its periods' values. */
export function withStatus(activity: Activity, reportedPeriod: number | null): Activity {
  const count = activity.periods.length;
  const res = computeStatus(statusInputOf(activity, reportedPeriod));
  const end = sliceEnd(clampPeriod(reportedPeriod, count), count);
  let totalApprox = false;
  let totalLowerBound = false;
  let run = 0;
  const periods: Period[] = [];
  for (let i = 0; i < count; i++) {
    const p = activity.periods[i];
    if (p.value === null) {
      periods.push({ ...p, cumulative: null });
      continue;
    }
    if (i < end) {
      if (p.approx) totalApprox = true;
      if (p.lowerBound) totalLowerBound = true;
    }
    run += p.value;
    periods.push({ ...p, cumulative: run });
  }
  return {
    ...activity,
    ...res,
    periods,
    totalApprox,
    totalLowerBound,
  };
}
