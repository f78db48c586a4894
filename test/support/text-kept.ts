// Checks that every non-empty source cell of a grid survives into an imported FollowUp (as text, value, party, event or note).
import { cellText, type Grid } from '../../shared/model/grid';
import type { FollowUp } from '../../shared/model/follow-up';
import { squash, stripDecoration } from '../../shared/parse/text';
import { PARTY_LABEL } from '../../shared/i18n/sv';

/** All texts a FollowUp keeps, whitespace-normalised. */
export function keptTexts(f: FollowUp): string {
  const parts: string[] = [];
  for (const p of f.promises) {
    parts.push(p.text);
    for (const a of p.activities) {
      parts.push(a.text, a.goal?.phrase ?? '', a.party ? PARTY_LABEL[a.party] : '');
      for (const per of a.periods) parts.push(per.text);
    }
  }
  for (const n of f.notes) parts.push(n.text);
  for (const t of f.tables) parts.push(...t.headers, t.title ?? '');
  return parts.map(squash).join('\u0001');
}

/** Cells whose text cannot be found in the import (empty when nothing was lost). */
export function lostCells(grid: Grid, f: FollowUp): string[] {
  const kept = keptTexts(f);
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
