// An update from a newer source: (structured sheet as read back + what the last import wrote, new import) → merged follow-up, what to write in the Importerat/Förslag cells, and every change and conflict.
import { withStatus } from '../calc/status';
import { similarSets, wordSet } from '../import/promises';
import { JUDGEMENT_ORDER } from '../i18n/sv';
import { UPDATE, UPDATE_FIELD } from '../i18n/sv-update';
import { a1 } from '../model/a1';
import type { Activity, CitizenPromise, Finding, FollowUp, JudgementValue } from '../model/follow-up';
import { importedRecordOf, type ImportedRecord } from '../plan/imported';
import { REPORTED_CELL, STRUCTURED_ROWS, structuredColumns, type StructuredColumns } from '../plan/layout';
import { judgementOfLabel } from '../plan/activity-text';
import { matchActivities } from './match';
import { mergeActivity, type FieldChange, type RowCell } from './merge-activity';
import type { ImportedState } from './read-imported';
import { resolve } from './resolve';

/** The structured sheet as an update reads it: the model (readStructured) and its Importerat/Förslag/Inläst period cells (readImported). */
export interface SheetState {
  followUp: FollowUp;
  imported: ImportedState;
}

/** One thing an update does, as previews and Kontroller list it. `cell` is the structured sheet's cell after the update. */
export interface UpdateChange {
  kind: 'added' | 'filled' | 'changed' | 'conflict' | 'gone';
  activityId: string | null;
  activity: string;
  field: string | null;
  cell: string | null;
  sheetValue: string | null;
  sourceValue: string | null;
  sourceCell: string | null;
}

/** What `updateFollowUp` gives: JSON-safe, nothing written yet. */
export type UpdateResult =
  | {
      ok: true;
      /** The merged follow-up (statuses computed; findings: the newer source's, then the update's). */
      followUp: FollowUp;
      /** Per activity ID: the "Importerat" record and "Förslag" to write (what planStructured takes as `rows`). */
      rows: Record<string, { imported: ImportedRecord | null; suggestion: JudgementValue | null }>;
      /** The "Inläst period" to write: the newer source's reported period. */
      importedPeriod: number | null;
      changes: UpdateChange[];
      counts: { added: number; filled: number; changed: number; conflicts: number; gone: number };
    }
  | { ok: false; reason: string };

const FINDING: Record<UpdateChange['kind'], { code: string; severity: Finding['severity'] } | null> = {
  conflict: { code: 'update-conflict', severity: 'warning' },
  gone: { code: 'update-gone', severity: 'warning' },
  added: { code: 'update-new', severity: 'info' },
  changed: { code: 'update-changed', severity: 'info' },
  filled: null,
};

/** Zero-based sheet row of each activity ID as planStructured lays the follow-up out. */
function activityRows(f: FollowUp): Map<string, number> {
  const rows = new Map<string, number>();
  let row = STRUCTURED_ROWS.firstData;
  for (const p of f.promises) {
    row++;
    for (const a of p.activities) rows.set(a.id, row++);
  }
  return rows;
}

function columnOf(at: RowCell, c: StructuredColumns): number {
  if (at.startsWith('period:')) return c.periodStart + Number(at.slice(7));
  if (at.startsWith('text:')) return c.textStart + Number(at.slice(5));
  return { activity: c.activity, party: c.party, target: c.target, judgement: c.judgement, sourceStatus: c.sourceStatus }[at as 'activity'];
}

function nextNumber(ids: string[], prefix: string): () => string {
  let n = 0;
  for (const id of ids) {
    const m = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return () => `${prefix}${++n}`;
}

/** True when both name the same kommun and year (a side that does not say is taken to agree). */
function sameFollowUp(a: FollowUp, b: FollowUp): boolean {
  const k = (x: string | null) => (x ?? '').trim().toLowerCase();
  return (!a.kommun || !b.kommun || k(a.kommun) === k(b.kommun)) && (a.year === null || b.year === null || a.year === b.year);
}

/**
 * Updates a structured sheet from a newer import of the same follow-up without losing anything
 * a user entered. Activities are paired by `matchActivities` (same text, the sheet's ID, similar
 * words); each pair is merged value by value (`mergeActivity`, the rule in `resolve`): empty
 * periods are filled, the importer's untouched values follow the source, every count, judgement,
 * comment and other value the user changed stays, and where the user's value and the source
 * disagree it is a conflict with both values and the cell. New activities are appended to their
 * promise (the sheet promise holding their siblings, else one with a similar text, else a new
 * promise at the end) with new IDs; activities gone from the source stay, flagged. The reported
 * period follows the same rule ("Inläst period" is what the last import gave). Conflicts, gone,
 * new and changed activities become findings naming the structured sheet's cells (after the
 * newer source's own findings). A sheet of another kommun, year or period count is refused
 * (`ok: false` with a Swedish reason). Pure and JSON-safe.
 */
export function updateFollowUp(sheet: SheetState, incoming: FollowUp): UpdateResult {
  const s = sheet.followUp;
  if (s.periodLabels.length !== incoming.periodLabels.length) return { ok: false, reason: UPDATE.otherPeriods(s.periodLabels.length, incoming.periodLabels.length) };
  if (!sameFollowUp(s, incoming)) {
    const name = (f: FollowUp) => [f.kommun, f.year].filter((x) => x !== null && x !== '').join(' ') || '–';
    return { ok: false, reason: UPDATE.otherFollowUp(name(s), name(incoming)) };
  }
  const labels = s.periodLabels;
  const { records } = sheet.imported;
  const importedText = Object.fromEntries(Object.entries(records).map(([id, r]) => [id, r.text]));
  const matching = matchActivities(s, incoming, { importedText });
  const pairOf = new Map(matching.pairs.map((x) => [`${x.sheet.p}:${x.sheet.a}`, x.incoming]));
  const sheetOfIncoming = new Map(matching.pairs.map((x) => [`${x.incoming.p}:${x.incoming.a}`, x.sheet]));
  const newActivityId = nextNumber(s.promises.flatMap((p) => p.activities.map((a) => a.id)), 'A');
  const newPromiseId = nextNumber(s.promises.map((p) => p.id), 'L');

  const rows: Extract<UpdateResult, { ok: true }>['rows'] = {};
  const pending: { id: string; activity: string; kind: UpdateChange['kind']; change?: FieldChange; sourceCell?: string | null; oldCell?: string | null }[] = [];
  const suggestionOf = (id: string): JudgementValue | null => {
    const v = judgementOfLabel(sheet.imported.suggestions[id] ?? '');
    return v && JUDGEMENT_ORDER.includes(v) ? v : null;
  };

  const promises: CitizenPromise[] = s.promises.map((p, pi) => ({
    ...p,
    activities: p.activities.map((a, ai) => {
      const id = a.id || newActivityId();
      const record = a.id ? records[a.id] : undefined;
      const at = pairOf.get(`${pi}:${ai}`);
      if (!at) {
        // Gone from the source (or a row the user added, never imported): kept as it is, without the old source's cells.
        const imported = record !== undefined || a.cell !== null;
        if (imported) pending.push({ id, activity: a.text, kind: 'gone', oldCell: a.cell });
        rows[id] = { imported: record ?? null, suggestion: a.id ? suggestionOf(a.id) : null };
        return {
          ...a,
          id,
          cell: null,
          periods: a.periods.map((x) => ({ ...x, cell: null })),
          comments: a.comments.map((c) => ({ ...c, cell: null })),
          sourceStatus: a.sourceStatus && { ...a.sourceStatus, cell: null },
          judgement: a.judgement && { ...a.judgement, cell: null },
        };
      }
      const merged = mergeActivity({ ...a, id }, record, a.id ? suggestionOf(a.id) : null, incoming.promises[at.p].activities[at.a], labels);
      rows[id] = { imported: merged.imported, suggestion: merged.suggestion };
      for (const change of merged.changes) pending.push({ id, activity: merged.activity.text, kind: change.outcome, change });
      return merged.activity;
    }),
  }));

  // New activities: into the promise of their siblings, else a promise with a similar text, else a new one at the end.
  const addedPromises = new Map<number, CitizenPromise>();
  for (const at of matching.added) {
    const from = incoming.promises[at.p];
    const n = incoming.promises[at.p].activities[at.a];
    let target: CitizenPromise | undefined;
    const sibling = from.activities.map((_, ai) => sheetOfIncoming.get(`${at.p}:${ai}`)).find((x) => x !== undefined);
    if (sibling) target = promises[sibling.p];
    target ??= promises.find((p) => p.text.trim() && similarSets(wordSet(p.text), wordSet(from.text), p.text, from.text));
    if (!target) {
      target = addedPromises.get(at.p);
      if (!target) {
        target = { id: newPromiseId(), text: from.text, party: from.party, cell: from.cell, activities: [] };
        addedPromises.set(at.p, target);
        promises.push(target);
      }
    }
    const id = newActivityId();
    const activity: Activity = { ...n, id };
    target.activities.push(activity);
    rows[id] = { imported: importedRecordOf(n), suggestion: n.judgement?.source === 'text' ? n.judgement.value : null };
    pending.push({ id, activity: n.text, kind: 'added', sourceCell: n.cell });
  }

  // The reported period follows the same rule as any value.
  const key = (p: number | null) => (p === null ? '' : String(p));
  const period = resolve(key(s.reportedPeriod), sheet.imported.period === undefined ? undefined : key(sheet.imported.period), key(incoming.reportedPeriod));
  const reportedPeriod = period.take === 'source' ? incoming.reportedPeriod : s.reportedPeriod;

  const followUp: FollowUp = {
    ...s,
    reportedPeriod,
    statedPeriod: incoming.statedPeriod,
    title: incoming.title,
    sheetName: incoming.sheetName,
    notes: incoming.notes,
    tables: incoming.tables,
    promises: promises.map((p) => ({ ...p, activities: p.activities.map((a) => withStatus(a, reportedPeriod)) })),
    findings: [],
  };

  // Changes, with the cells they have in the sheet as written.
  const c = structuredColumns(labels.length);
  const rowOf = activityRows(followUp);
  const changes: UpdateChange[] = pending.map((x) => {
    const row = rowOf.get(x.id);
    const cell = row === undefined ? null : a1(row, x.change ? columnOf(x.change.at, c) : c.activity);
    return {
      kind: x.kind,
      activityId: x.id,
      activity: x.activity,
      field: x.change?.field ?? null,
      cell,
      sheetValue: x.change?.sheetValue ?? null,
      sourceValue: x.change?.sourceValue ?? null,
      sourceCell: x.change?.sourceCell ?? x.sourceCell ?? x.oldCell ?? null,
    };
  });
  if (period.outcome === 'conflict' || period.outcome === 'changed' || period.outcome === 'filled') {
    changes.unshift({
      kind: period.outcome,
      activityId: null,
      activity: '',
      field: UPDATE_FIELD.reported,
      cell: REPORTED_CELL,
      sheetValue: key(s.reportedPeriod) || UPDATE.empty,
      sourceValue: key(incoming.reportedPeriod) || UPDATE.empty,
      sourceCell: null,
    });
  }
  const findings: Finding[] = [];
  for (const ch of changes) {
    const kind = FINDING[ch.kind];
    if (!kind) continue;
    const message =
      ch.kind === 'conflict'
        ? UPDATE.conflict(ch.field ?? '', ch.activity, ch.cell, ch.sheetValue ?? '', ch.sourceValue ?? '', ch.sourceCell)
        : ch.kind === 'gone'
          ? UPDATE.gone(ch.activity, ch.sourceCell)
          : ch.kind === 'added'
            ? UPDATE.added(ch.sourceCell)
            : UPDATE.changed(ch.field ?? '', ch.sheetValue ?? '', ch.sourceValue ?? '');
    findings.push({ ...kind, cell: ch.cell, message });
  }
  const count = (k: UpdateChange['kind']) => changes.filter((x) => x.kind === k).length;
  return {
    ok: true,
    followUp: { ...followUp, findings: [...incoming.findings, ...findings] },
    rows,
    importedPeriod: incoming.reportedPeriod,
    changes,
    counts: { added: count('added'), filled: count('filled'), changed: count('changed'), conflicts: count('conflict'), gone: count('gone') },
  };
}
