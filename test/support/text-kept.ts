// Checks that every non-empty source cell of a grid survives: into an imported FollowUp (as text, value, party, event, comment or note), and into the written sheets.
import { cellText, type Grid } from '../../shared/model/grid';
import type { FollowUp } from '../../shared/model/follow-up';
import type { SheetPlan } from '../../shared/model/sheet-plan';
import { planToGrid } from '../../shared/plan/plan-to-grid';
import { squash, stripDecoration } from '../../shared/parse/text';
import { PARTY_LABEL } from '../../shared/i18n/sv';

/** All texts a FollowUp keeps, whitespace-normalised and joined. */
export function keptTexts(f: FollowUp): string {
  return keptParts(f).map(squash).join('\u0001');
}

/** Each text a FollowUp keeps, verbatim: promise, activity, goal phrase, party, period texts, comments, own status, judgement phrase, notes, table headers and titles. */
export function keptParts(f: FollowUp): string[] {
  const parts: string[] = [];
  for (const p of f.promises) {
    parts.push(p.text);
    for (const a of p.activities) {
      parts.push(a.text, a.goal?.phrase ?? '', a.party ? PARTY_LABEL[a.party] : '');
      for (const per of a.periods) parts.push(per.text);
      for (const c of a.comments) parts.push(c.text);
      parts.push(a.sourceStatus?.text ?? '', a.judgement?.phrase ?? '');
    }
  }
  for (const n of f.notes) parts.push(n.text);
  for (const t of f.tables) parts.push(...t.headers, t.title ?? '');
  return parts;
}

/** Cells of `grid` whose text (whitespace-normalised, or without list decoration) is nowhere in `kept`. */
export function lostIn(grid: Grid, kept: string): string[] {
  const lost: string[] = [];
  grid.values.forEach((row, r) =>
    row.forEach((_, c) => {
      const t = squash(cellText(grid, r, c));
      if (!t) return;
      if (kept.includes(t) || kept.includes(stripDecoration(t))) return;
      lost.push(`${r},${c}: ${t}`);
    }),
  );
  return lost;
}

/** Cells whose text cannot be found in the import (empty when nothing was lost). */
export function lostCells(grid: Grid, f: FollowUp): string[] {
  return lostIn(grid, keptTexts(f));
}

/** The texts sheets hold, whitespace-normalised and joined: only text cells count (no numbers, no formulas, no notes). */
export function joinTexts(texts: Iterable<string>): string {
  const out: string[] = [];
  for (const t of texts) if (t) out.push(squash(t));
  return out.join('\u0001');
}

/** The text cells of the sheets plans write (a link shows its text). */
export function planTexts(plans: SheetPlan[]): string[] {
  const out: string[] = [];
  for (const p of plans) {
    for (const row of planToGrid(p)) for (const v of row) if (typeof v === 'string') out.push(v);
    for (const l of p.links) out.push(l.text);
  }
  return out;
}

/** Cells of the source grid whose text is in none of the written plans' text cells. */
export function lostInPlans(grid: Grid, plans: SheetPlan[]): string[] {
  return lostIn(grid, joinTexts(planTexts(plans)));
}
