// Which sheets the product generates (and may replace after confirmation); every other sheet is the user's.
import { SHEET } from '../i18n/sv-plan';
import { ROLLUP_SHEET } from '../i18n/sv-rollup-sheets';

/** Base names of the generated sheets. "Medborgarlöften" and "Sammanfattning" carry period/year suffixes. */
export const GENERATED_SHEETS = {
  structured: SHEET.structured,
  events: SHEET.events,
  findings: SHEET.findings,
  summary: SHEET.summary,
} as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const STRUCTURED_RE = new RegExp(`^${escape(SHEET.structured)}( \\d{4})?$`);
const SUMMARY_RE = new RegExp(`^${escape(SHEET.summary)}( (T[1-3]|K[1-4]|H[12]))?( \\d{4})?$`);
/** The roll-up's three sheets (Sammanställning, Teman, Aktiviteter per tema): written and replaced whole like the others. */
const ROLLUP_NAMES: ReadonlySet<string> = new Set(Object.values(ROLLUP_SHEET));

/** The kinds of generated sheet: a follow-up's own four, and the roll-up's sheets across kommuner. */
export type GeneratedKind = 'structured' | 'events' | 'findings' | 'summary' | 'rollup';

/** Which kind of generated sheet a name is, or null for a user's sheet. */
export function generatedKind(name: string): GeneratedKind | null {
  if (STRUCTURED_RE.test(name)) return 'structured';
  if (name === SHEET.events) return 'events';
  if (name === SHEET.findings) return 'findings';
  if (SUMMARY_RE.test(name)) return 'summary';
  if (ROLLUP_NAMES.has(name)) return 'rollup';
  return null;
}

/** True for the names the product writes ("Medborgarlöften 2019", "Händelser", "Kontroller", "Sammanfattning T3 2019", "Sammanställning", "Teman", "Aktiviteter per tema"). */
export function isGeneratedSheet(name: string): boolean {
  return generatedKind(name) !== null;
}

/** The structured sheet among `names`: the exact name wanted if present, else the newest-year one. */
export function findStructuredSheet(names: string[], preferred?: string | null): string | null {
  if (preferred && names.includes(preferred) && generatedKind(preferred) === 'structured') return preferred;
  const found = names.filter((n) => generatedKind(n) === 'structured').sort();
  return found.length ? found[found.length - 1] : null;
}
