// Merges one sheet activity with the newer source's version of it, value by value (resolve.ts): the user's entries always stay.
import { formatGoal } from '../format/cells';
import { JUDGEMENT_LABEL } from '../i18n/sv';
import { UPDATE, UPDATE_FIELD } from '../i18n/sv-update';
import type { Activity, JudgementValue, Note, Period } from '../model/follow-up';
import { UNCOMPUTED } from '../model/uncomputed';
import { eventsHash, goalKey, importedRecordOf, partyKey, periodCount, textHash, type ImportedRecord } from '../plan/imported';
import { resolve, type Outcome } from './resolve';

/** Which cell of an activity row a change concerns (turned into an address once the rows are known). */
export type RowCell = 'activity' | 'party' | 'target' | 'judgement' | 'sourceStatus' | `period:${number}` | `text:${number}`;

/** One value an update filled, changed or could not take (a conflict), with both sides as readers know them. */
export interface FieldChange {
  outcome: Exclude<Outcome, 'same' | 'kept'>;
  field: string;
  at: RowCell;
  sheetValue: string;
  sourceValue: string;
  sourceCell: string | null;
}

/** A merged activity: the model to write, its new "Importerat" record and "Förslag", and what changed. */
export interface MergedActivity {
  activity: Activity;
  imported: ImportedRecord;
  suggestion: JudgementValue | null;
  changes: FieldChange[];
}

const quote = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? `"${t.length > 80 ? `${t.slice(0, 79)}…` : t}"` : UPDATE.empty;
};

/** A period's count as a key: the count and its events ("" when nothing is counted). */
const countKey = (p: Period) => {
  const n = periodCount(p);
  const ev = eventsHash(p.events);
  return n === null && !ev ? '' : `${n ?? ''}|${ev}`;
};
const recordCountKey = (r: ImportedRecord, k: number) => {
  const n = r.counts[k] ?? null;
  const ev = r.events[k] ?? '';
  return n === null && !ev ? '' : `${n ?? ''}|${ev}`;
};
const shownCount = (p: Period) => {
  const n = periodCount(p);
  if (p.events.length) return `${n ?? p.events.length} (${p.events.map((e) => [e.place, e.date].filter(Boolean).join(' ')).join(', ')})`;
  return n === null ? UPDATE.empty : `${p.lowerBound ? 'minst ' : p.approx ? 'ca ' : ''}${String(n).replace('.', ',')}`;
};
const goalAndUnit = (a: Activity) => `${goalKey(a)}|${(a.unit ?? a.goal?.unit ?? '').trim()}`;
const goalShown = (a: Activity) => formatGoal(a.goal ? { ...a.goal, unit: a.unit ?? a.goal.unit } : null) || UPDATE.noGoal;

/** A period of the merged activity: the count (with its events) from one side, the kept text from the other as decided, the cell always the source's. */
function mergePeriod(s: Period, n: Period, countFrom: 'sheet' | 'source', textFrom: 'sheet' | 'source'): Period {
  const base = countFrom === 'source' ? n : s;
  const text = textFrom === 'source' ? n.text : s.text;
  let value = base.value;
  let kind = base.kind;
  if (base.events.length) {
    // An event list counts its events; a count a user typed over it stays a count of its own.
    if (value === null) value = base.events.length;
    kind = value === base.events.length ? 'events' : 'count';
  } else if (kind === 'events') kind = value !== null ? 'count' : text.trim() ? 'comment' : 'empty';
  return { ...base, value, kind, text, cumulative: null, cell: n.cell };
}

/** The comments of both: all of the sheet's (the user's lines and the source's kept before), then the source's new ones. */
function mergeComments(s: Note[], n: Note[]): Note[] {
  const seen = new Set(s.map((c) => c.text.trim()));
  const cellOf = new Map(n.map((c) => [c.text.trim(), c.cell]));
  // A source comment still in the newer source gets its new cell; one it no longer has is kept without its old cell.
  const kept = s.map((c) => (c.cell === null ? c : { ...c, cell: cellOf.get(c.text.trim()) ?? null }));
  return [...kept, ...n.filter((c) => c.text.trim() && !seen.has(c.text.trim()))];
}

/**
 * Merges a sheet activity `s` (as readStructured read it, with `record`, its "Importerat" cell, or
 * undefined when the row has none, and `suggestion`, its "Förslag") with `n`, the newer
 * import's activity it was paired with. Text, Ansvarig, Mål with Målvärde and Enhet, each period's
 * count (with its events) and kept text, and the own status follow `resolve`; the judgement: a
 * user's stays (a different new suggestion is a conflict), a kept suggestion gives way to the new
 * one, a cleared one stays cleared (a different new suggestion is listed), and where there was
 * none the new suggestion fills Bedömning; comments are the sheet's, then the source's new ones.
 * Source cells are the newer source's. The activity keeps the sheet's ID; its status is left to
 * `withStatus`.
 */
export function mergeActivity(s: Activity, record: ImportedRecord | undefined, suggestion: JudgementValue | null, n: Activity, labels: string[]): MergedActivity {
  const changes: FieldChange[] = [];
  const note = (outcome: Outcome, field: string, at: RowCell, sheetValue: string, sourceValue: string, sourceCell: string | null) => {
    if (outcome !== 'same' && outcome !== 'kept') changes.push({ outcome, field, at, sheetValue, sourceValue, sourceCell });
  };
  // Activity text: a row without a record keeps its text (it paired by that text).
  const text = record ? resolve(textHash(s.text), record.text, textHash(n.text)) : { take: 'sheet' as const, outcome: 'same' as const };
  note(text.outcome, UPDATE_FIELD.activity, 'activity', quote(s.text), quote(n.text), n.cell);
  const party = resolve(partyKey(s), record?.party, partyKey(n));
  note(party.outcome, UPDATE_FIELD.party, 'party', partyKey(s) || UPDATE.empty, partyKey(n) || UPDATE.empty, n.cell);
  const goal = resolve(goalAndUnit(s) === '|' ? '' : goalAndUnit(s), record ? (`${record.goal}|${record.unit}` === '|' ? '' : `${record.goal}|${record.unit}`) : undefined, goalAndUnit(n) === '|' ? '' : goalAndUnit(n));
  note(goal.outcome, UPDATE_FIELD.goal, 'target', goalShown(s), goalShown(n), n.cell);
  const periods = s.periods.map((sp, k) => {
    const np = n.periods[k];
    const label = labels[k] ?? String(k + 1);
    const count = resolve(countKey(sp), record ? recordCountKey(record, k) : undefined, countKey(np));
    note(count.outcome, label, `period:${k}`, shownCount(sp), shownCount(np), np.cell);
    const kept = resolve(textHash(sp.text), record?.texts[k], textHash(np.text));
    // The text beside a count taken from the source is the source's, unless the user wrote their own.
    const textFrom = count.take === 'source' && kept.outcome !== 'conflict' ? 'source' : kept.take;
    // A conflict on the count says it all; the text beside it is listed only when the count agrees.
    if (count.outcome !== 'conflict' && !(count.take === 'source' && textFrom === 'source')) note(kept.outcome, UPDATE_FIELD.text(label), `text:${k}`, quote(sp.text), quote(np.text), np.cell);
    // An agreeing count takes the source's reading of it (its "ca"/"minst", stated running total).
    return mergePeriod(sp, np, count.outcome === 'same' ? 'source' : count.take, textFrom);
  });
  const own = resolve(textHash(s.sourceStatus?.text), record?.sourceStatus, textHash(n.sourceStatus?.text));
  note(own.outcome, UPDATE_FIELD.sourceStatus, 'sourceStatus', quote(s.sourceStatus?.text ?? ''), quote(n.sourceStatus?.text ?? ''), n.sourceStatus?.cell ?? null);

  // Judgement.
  const sj = s.judgement;
  const nj = n.judgement;
  const label = (v: JudgementValue | null | undefined) => (v ? JUDGEMENT_LABEL[v] : UPDATE.empty);
  let judgement = sj;
  let nextSuggestion: JudgementValue | null = nj?.value ?? suggestion;
  if (sj?.source === 'user') {
    // A new suggestion equal to the user's judgement is not written to Förslag: the judgement stays the user's.
    nextSuggestion = nj && nj.value !== sj.value ? nj.value : suggestion;
    if (nj && nj.value !== sj.value) note('conflict', UPDATE_FIELD.judgement, 'judgement', label(sj.value), label(nj.value), nj.cell);
  } else if (sj) {
    if (nj) {
      if (nj.value !== sj.value) note('changed', UPDATE_FIELD.judgement, 'judgement', label(sj.value), label(nj.value), nj.cell);
      judgement = nj;
    } else nextSuggestion = suggestion ?? sj.value;
  } else if (suggestion) {
    // The user cleared the suggestion: it stays cleared.
    if (nj && nj.value !== suggestion) note('conflict', UPDATE_FIELD.judgement, 'judgement', UPDATE.empty, label(nj.value), nj.cell);
  } else if (nj) {
    note('filled', UPDATE_FIELD.judgement, 'judgement', UPDATE.empty, label(nj.value), nj.cell);
    judgement = nj;
  }

  const activity: Activity = {
    ...s,
    text: text.take === 'source' ? n.text : s.text,
    party: party.take === 'source' ? n.party : s.party,
    goal: goal.take === 'source' ? n.goal : s.goal,
    unit: goal.take === 'source' ? n.unit : s.unit,
    cell: n.cell,
    periods,
    comments: mergeComments(s.comments, n.comments),
    sourceStatus: own.take === 'source' ? n.sourceStatus : s.sourceStatus && { ...s.sourceStatus, cell: n.sourceStatus?.cell ?? null },
    judgement,
    ...UNCOMPUTED,
  };
  return { activity, imported: importedRecordOf(n), suggestion: nextSuggestion, changes };
}
