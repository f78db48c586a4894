// Period sets (tertial by default; quarter, half year, whole year) and date → period mapping.
import type { PeriodKind } from './follow-up';

/** Number of periods in a year for each kind. */
export const PERIOD_COUNT: Record<PeriodKind, number> = { tertial: 3, quarter: 4, half: 2, year: 1 };

/** Column labels as the follow-up documents write them. */
export function periodLabels(kind: PeriodKind): string[] {
  switch (kind) {
    case 'tertial':
      return ['Tertial 1', 'Tertial 2', 'Tertial 3'];
    case 'quarter':
      return ['Kvartal 1', 'Kvartal 2', 'Kvartal 3', 'Kvartal 4'];
    case 'half':
      return ['Halvår 1', 'Halvår 2'];
    case 'year':
      return ['Helår'];
  }
}

/** Short labels (T1, K1, H1, Helår) for compact tables. */
export function periodShortLabels(kind: PeriodKind): string[] {
  const n = PERIOD_COUNT[kind];
  const p = kind === 'tertial' ? 'T' : kind === 'quarter' ? 'K' : kind === 'half' ? 'H' : '';
  return kind === 'year' ? ['Helår'] : Array.from({ length: n }, (_, i) => `${p}${i + 1}`);
}

/** 1-based period of a month (1–12) for a period kind. */
export function periodOfMonth(month: number, kind: PeriodKind): number {
  const n = PERIOD_COUNT[kind];
  return Math.floor(((month - 1) * n) / 12) + 1;
}

/** 1-based period of an ISO date (YYYY-MM-DD). */
export function periodOfDate(iso: string, kind: PeriodKind): number {
  return periodOfMonth(Number(iso.slice(5, 7)), kind);
}
