// Findings about one activity's period cells: error values, approximations, missing counts, other units, empty periods, rates.
import { goalTarget } from '../calc/status';
import { FINDING } from '../i18n/sv-findings';
import type { Activity, Finding } from '../model/follow-up';

/** What the cell checks need to know beyond the activity itself. */
export interface CellCheckContext {
  labels: string[];
  /** The effective reported period (null: the whole year). */
  reportedPeriod: number | null;
  /** Set when the user chose the period (then data after it is worth a note). */
  periodSetByUser: boolean;
  periodName: (p: number) => string;
  /** Per period, the error value the cell holds (#REF! …), if any. */
  errors: (string | null)[];
}

/** Every finding about an activity's period cells, in period order. */
export function checkActivityCells(a: Activity, ctx: CellCheckContext): Finding[] {
  const out: Finding[] = [];
  const count = a.periods.length;
  const upTo = ctx.reportedPeriod ?? count;
  a.periods.forEach((p, i) => {
    const cell = p.cell ?? a.cell ?? '';
    const error = ctx.errors[i];
    if (error) out.push({ severity: 'error', code: 'cell-error', cell, message: FINDING.cellError(cell, error) });
    if (p.value !== null && p.approx && p.kind !== 'cumulative') out.push({ severity: 'info', code: 'approximate', cell, message: FINDING.approx(cell, p.value) });
    if (p.kind === 'cumulative' && p.lowerBound && p.statedCumulative !== null) out.push({ severity: 'info', code: 'lower-bound', cell, message: FINDING.lowerBound(cell, p.statedCumulative) });
    if (p.value !== null && !Number.isInteger(p.value)) out.push({ severity: 'warning', code: 'not-whole-number', cell, message: FINDING.notWhole(cell, p.value) });
    if (p.kind === 'other-unit') out.push({ severity: 'info', code: 'other-unit', cell, message: FINDING.otherUnit(cell, a.unit) });
    if (a.goal && (p.kind === 'comment' || p.kind === 'milestone' || p.kind === 'other-unit') && i < upTo) {
      out.push({ severity: 'warning', code: 'count-missing', cell, message: FINDING.countMissing(cell, a.goal.unit) });
    }
    if (ctx.periodSetByUser && ctx.reportedPeriod !== null && i + 1 > ctx.reportedPeriod && p.text.trim() !== '') {
      out.push({ severity: 'info', code: 'data-after-period', cell, message: FINDING.dataAfterPeriod(cell, ctx.labels[i], ctx.periodName(ctx.reportedPeriod)) });
    }
  });
  if (a.periods.some((p) => p.kind === 'count' || p.kind === 'cumulative')) {
    a.periods.forEach((p, i) => {
      if (p.kind === 'empty' && i < upTo) {
        const cell = p.cell ?? a.cell ?? '';
        out.push({ severity: 'info', code: 'period-empty', cell: p.cell, message: FINDING.periodEmpty(cell || a.text, ctx.labels[i]) });
      }
    });
  }
  const g = a.goal;
  if (g?.rate) out.push({ severity: 'info', code: 'rate-goal', cell: a.cell, message: FINDING.rateGoal(a.cell ?? '', g.value, g.rate, goalTarget(g)) });
  return out;
}
