// Duplicate phase: the same activity with the same numbers is merged into its first copy; differing copies are flagged.
import { FINDING } from '../i18n/sv-findings';
import type { Finding, Note } from '../model/follow-up';
import { lower, words } from '../parse/text';
import type { PlaceRef } from '../validate/findings';
import type { ActivityDraft } from './activities';

/** Merges duplicate activity drafts; the merged copies' text goes to notes and their places to the spelling check. */
export function mergeDuplicates(drafts: ActivityDraft[], findings: Finding[], notes: Note[], placeRefs: PlaceRef[]): ActivityDraft[] {
  const kept: ActivityDraft[] = [];
  const firstByText = new Map<string, ActivityDraft>();
  for (const d of drafts) {
    const key = words(lower(d.activity.text)).join(' ');
    const first = key ? firstByText.get(key) : undefined;
    if (key && !first) firstByText.set(key, d);
    if (first) {
      const same = first.activity.periods.every((p, i) => p.value === d.activity.periods[i]?.value && p.events.length === (d.activity.periods[i]?.events.length ?? 0));
      if (same) {
        findings.push({ severity: 'info', code: 'duplicate-activity', cell: d.activity.cell, message: FINDING.duplicateMerged(d.activity.cell ?? '', first.activity.cell ?? '') });
        for (const c of [d.row.activity, ...d.row.periods, d.row.goal, d.row.party, d.row.promise, ...d.row.extra, ...d.row.comments, d.row.status]) if (c) notes.push({ cell: c.cell, text: c.text });
        for (const p of d.activity.periods) for (const e of p.events) placeRefs.push({ place: e.place, cell: p.cell });
        continue;
      }
      findings.push({ severity: 'warning', code: 'duplicate-activity', cell: d.activity.cell, message: FINDING.duplicateConflict(d.activity.cell ?? '', first.activity.cell ?? '') });
    }
    kept.push(d);
  }
  return kept;
}
