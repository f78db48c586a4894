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

/**
 * The name the copied source sheet gets in a new workbook: the source's own sheet name made
 * valid for Excel (no : \\ / ? * [ ], no leading or trailing apostrophe, at most 31 characters),
 * or "Underlag" ("Underlag 2" …) when it has none or `taken` says the name is used (e.g. by a
 * generated sheet).
 */
export function sourceSheetName(name: string | null | undefined, taken: (name: string) => boolean = () => false): string {
  const clean = (name ?? '').replace(/[:\\/?*[\]\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').slice(0, 31).trim();
  if (clean && !taken(clean)) return clean;
  let out: string = SHEET.source;
  for (let i = 2; taken(out); i++) out = `${SHEET.source} ${i}`;
  return out;
}
