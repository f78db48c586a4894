// Names of the generated sheets (all ≤ 31 characters, the Excel limit).
import type { PeriodKind } from '../model/follow-up';
import { periodShortLabels } from '../model/periods';
import { SHEET } from '../i18n/sv-plan';

/** Name of the events sheet ("Händelser"). */
export const EVENTS_SHEET: string = SHEET.events;
/** Name of the findings sheet ("Kontroller"). */
export const FINDINGS_SHEET: string = SHEET.findings;

/** "Medborgarlöften 2019", or "Medborgarlöften" without a year. */
export function structuredSheetName(year: number | null | undefined): string {
  return year === null || year === undefined ? SHEET.structured : `${SHEET.structured} ${year}`;
}

/** "Sammanfattning T3 2019" (K2 for quarters, H1 for half years); parts left out when unknown. */
export function summarySheetName(period: number | null | undefined, year: number | null | undefined, kind: PeriodKind = 'tertial'): string {
  const labels = periodShortLabels(kind);
  const p = period === null || period === undefined ? null : labels[Math.min(Math.max(Math.round(period), 1), labels.length) - 1];
  const name = [SHEET.summary, kind === 'year' ? null : p, year ?? null].filter((x) => x !== null && x !== undefined).join(' ');
  return name.slice(0, 31);
}
