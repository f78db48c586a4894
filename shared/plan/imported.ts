// The "Importerat" cell of a structured row: what the last import wrote there, as JSON, so Uppdatera can tell a user's edit from the importer's value (read back in shared/update/read-imported.ts).
import { goalTarget } from '../calc/status';
import { GOAL_OP_LABEL, PARTY_LABEL } from '../i18n/sv';
import type { Activity, FollowUpEvent } from '../model/follow-up';

/**
 * What an import wrote into one activity row, in the form the sheet reads back, so that a
 * later update can compare the sheet's cell with it: equal means the importer's value, untouched;
 * different means the user changed it. Texts are kept as short hashes (`textHash`), numbers as
 * they are. Stored as JSON in the row's "Importerat" cell:
 * `{"v":1,"a":hash,"p":"Polisen","m":"minst 10","u":"insatser","c":[6,5,null],"t":[hash,hash,""],"e":["","",hash],"s":""}`
 * (a = activity text, p = Ansvarig, m = Mål and Målvärde, u = Enhet, c = count per period,
 * t = period text per period, e = the period's events on Händelser, s = own status).
 */
export interface ImportedRecord {
  text: string;
  party: string;
  goal: string;
  unit: string;
  counts: (number | null)[];
  texts: string[];
  events: string[];
  sourceStatus: string;
}

/** FNV-1a hash of a text (line breaks normalised, blank → ""), in base 36: short, stable in every host. */
export function textHash(s: string | null | undefined): string {
  const t = (s ?? '').replace(/\r\n?/g, '\n');
  if (t.trim() === '') return '';
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** An event list as one hash (order-free: date and place of each, sorted); "" when none. */
export function eventsHash(events: FollowUpEvent[]): string {
  if (!events.length) return '';
  return textHash(events.map((e) => `${e.date ?? ''}|${e.place ?? ''}`).sort().join('\n'));
}

/** The goal as the sheet's Mål and Målvärde cells say it ("minst 10"), "" without a goal. */
export function goalKey(a: Pick<Activity, 'goal'>): string {
  return a.goal ? `${GOAL_OP_LABEL[a.goal.op]} ${goalTarget(a.goal)}` : '';
}

/** The Ansvarig cell's word, "" when none. */
export function partyKey(a: Pick<Activity, 'party'>): string {
  return a.party ? PARTY_LABEL[a.party] : '';
}

/** The count a period shows: its value, or for an event list the number of its events. */
export function periodCount(p: Activity['periods'][number]): number | null {
  if (p.value !== null) return p.value;
  return p.kind === 'events' && p.events.length ? p.events.length : null;
}

/** The record of an activity as planStructured writes it (what the sheet holds right after an import). */
export function importedRecordOf(a: Activity): ImportedRecord {
  return {
    text: textHash(a.text),
    party: partyKey(a),
    goal: goalKey(a),
    unit: (a.unit ?? a.goal?.unit ?? '').trim(),
    counts: a.periods.map(periodCount),
    texts: a.periods.map((p) => textHash(p.text)),
    events: a.periods.map((p) => eventsHash(p.events)),
    sourceStatus: textHash(a.sourceStatus?.text),
  };
}

/** The "Importerat" cell's text for a record. */
export function importedCellText(r: ImportedRecord): string {
  return JSON.stringify({ v: 1, a: r.text, p: r.party, m: r.goal, u: r.unit, c: r.counts, t: r.texts, e: r.events, s: r.sourceStatus });
}

