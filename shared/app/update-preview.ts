// What a host shows before an update writes anything: counts (new, filled, changed, conflicts, gone) and one Swedish line per change.
import { UPDATE } from '../i18n/sv-update';
import type { UpdateChange, UpdateResult } from '../update/update-follow-up';

/** One line of the preview. */
export interface UpdatePreviewItem {
  kind: UpdateChange['kind'];
  /** The structured sheet's cell it concerns (after the update), if any. */
  cell: string | null;
  text: string;
}

/** The preview of an update (JSON-safe: the sidebar gets it through google.script.run). */
export interface UpdatePreview {
  ok: boolean;
  /** Why the update cannot be done (another kommun, year or period count), when `ok` is false. */
  reason: string | null;
  added: number;
  filled: number;
  changed: number;
  conflicts: number;
  gone: number;
  /** "2 nya aktiviteter, 3 ifyllda celler, …". */
  summary: string;
  /** Conflicts first, then gone, new, changed and filled values. */
  items: UpdatePreviewItem[];
}

const ORDER: UpdateChange['kind'][] = ['conflict', 'gone', 'added', 'changed', 'filled'];

/**
 * The preview of an update result: the counts, a one-line summary and the changes as Swedish
 * lines (conflicts with both values and the cell first). Pure; both hosts use it.
 */
export function previewOfUpdate(r: UpdateResult): UpdatePreview {
  if (!r.ok) return { ok: false, reason: r.reason, added: 0, filled: 0, changed: 0, conflicts: 0, gone: 0, summary: '', items: [] };
  const items = r.followUp.findings
    .filter((f) => f.code.startsWith('update-'))
    .map((f) => ({ kind: kindOf(f.code), cell: f.cell, text: f.message }));
  for (const ch of r.changes) {
    if (ch.kind !== 'filled') continue;
    items.push({ kind: 'filled', cell: ch.cell, text: `${ch.field ?? ''}: ${ch.sourceValue ?? ''}${ch.activity ? ` – ${ch.activity}` : ''}` });
  }
  items.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return { ok: true, reason: null, ...r.counts, summary: UPDATE.summary(r.counts), items };
}

function kindOf(code: string): UpdateChange['kind'] {
  if (code === 'update-conflict') return 'conflict';
  if (code === 'update-gone') return 'gone';
  if (code === 'update-new') return 'added';
  return 'changed';
}
