// Model-level checks: events outside their period or year, place names that look misspelt, goal places never visited.
import { FINDING } from '../i18n/sv-findings';
import type { Finding, FollowUp } from '../model/follow-up';
import { periodOfDate } from '../model/periods';
import { editDistance, lower } from '../parse/text';

/** A place name as written somewhere in the source. */
export interface PlaceRef {
  place: string | null;
  cell: string | null;
}

/** Events dated in another period than their column, or outside the follow-up year. */
export function checkEventDates(f: FollowUp): Finding[] {
  const out: Finding[] = [];
  for (const p of f.promises) {
    for (const a of p.activities) {
      for (let i = 0; i < a.periods.length; i++) {
        const per = a.periods[i];
        for (const e of per.events) {
          if (!e.date) continue;
          const cell = per.cell ?? a.cell ?? '';
          if (f.year !== null && Number(e.date.slice(0, 4)) !== f.year) {
            out.push({ severity: 'warning', code: 'event-outside-year', cell, message: FINDING.eventOutsideYear(cell, e.place, e.date, f.year) });
            continue;
          }
          const actual = periodOfDate(e.date, f.periodKind);
          if (f.periodKind !== 'year' && actual !== i + 1) {
            out.push({
              severity: 'warning',
              code: 'event-outside-period',
              cell,
              message: FINDING.eventOutsidePeriod(cell, e.place, e.date, lower(f.periodLabels[actual - 1] ?? String(actual)), f.periodLabels[i]),
            });
          }
        }
      }
    }
  }
  return out;
}

function placeKey(p: string): string {
  return lower(p).replace(/[^\p{L}]/gu, '');
}

/** Place names one or two letters from a more common spelling in the same document (Fröstunda / Fröslunda). */
export function checkPlaceSpelling(refs: PlaceRef[]): Finding[] {
  // A place is named in many cells: its key is computed once per spelling and its cells are kept
  // in a set beside the list (a list lookup per mention grew with the square of the mentions).
  const keys = new Map<string, string>();
  const keyOf = (place: string) => {
    let k = keys.get(place);
    if (k === undefined) keys.set(place, (k = placeKey(place)));
    return k;
  };
  const counts = new Map<string, { name: string; n: number; cells: (string | null)[]; seen: Set<string | null> }>();
  const firstSeen = new Map<string, number>();
  refs.forEach((r, i) => {
    if (!r.place) return;
    const k = keyOf(r.place);
    if (!firstSeen.has(k)) firstSeen.set(k, i);
    if (k.length < 5) return;
    let e = counts.get(k);
    if (!e) counts.set(k, (e = { name: r.place, n: 0, cells: [], seen: new Set() }));
    e.n++;
    if (!e.seen.has(r.cell)) {
      e.seen.add(r.cell);
      e.cells.push(r.cell);
    }
  });
  const out: Finding[] = [];
  const entries = [...counts.entries()];
  for (const [k, e] of entries) {
    for (const [k2, e2] of entries) {
      if (k === k2) continue;
      if (k2.startsWith(k) || k.startsWith(k2)) continue; // Lagersberg / Lagersbergsskolan
      const d = editDistance(k, k2, 2);
      if (d < 1 || d > 2) continue;
      if (e.n < e2.n || (e.n === e2.n && (firstSeen.get(k) ?? 0) > (firstSeen.get(k2) ?? 0))) {
        for (const cell of e.cells) out.push({ severity: 'warning', code: 'place-near-duplicate', cell, message: FINDING.placeNearDuplicate(cell ?? '', e.name, e2.name) });
        break;
      }
    }
  }
  return out;
}

/** Goal places ("i två av stadsdelarna (Skiftinge och Lagersberg)") with no event there. */
export function checkGoalPlaces(f: FollowUp): Finding[] {
  const out: Finding[] = [];
  for (const p of f.promises) {
    for (const a of p.activities) {
      if (!a.goal || !a.goal.places.length) continue;
      const events = a.periods.flatMap((per) => per.events);
      if (!events.length) continue;
      const visited = [...new Set(events.map((e) => e.place).filter((x): x is string => !!x))];
      for (const place of a.goal.places) {
        const k = placeKey(place);
        const hit = visited.some((v) => {
          const vk = placeKey(v);
          return vk === k || vk.startsWith(k) || k.startsWith(vk);
        });
        if (!hit) out.push({ severity: 'warning', code: 'goal-place-missing', cell: a.cell, message: FINDING.goalPlaceMissing(a.cell ?? '', place, visited) });
      }
    }
  }
  return out;
}

/** All model-level findings of a follow-up. */
export function validateFollowUp(f: FollowUp, places: PlaceRef[]): Finding[] {
  return [...checkEventDates(f), ...checkPlaceSpelling(places), ...checkGoalPlaces(f)];
}
