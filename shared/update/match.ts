// Pairs the activities of a structured sheet with those of a newer import: same text first, then the sheet's ID with a similar text, then similar words.
import { similarSets, wordSet } from '../import/promises';
import type { CitizenPromise, FollowUp } from '../model/follow-up';
import { lower, squash, stem } from '../parse/text';
import { textHash } from '../plan/imported';

/** Where an activity sits in a follow-up: promise index and activity index within it. */
export interface ActivityAt {
  p: number;
  a: number;
}

/** A sheet activity and the newer import's activity it is taken to be. */
export interface ActivityPair {
  sheet: ActivityAt;
  incoming: ActivityAt;
  /** How they were paired: the same text, the sheet's ID with a similar text, or similar words. */
  by: 'text' | 'id' | 'similar';
}

export interface Matching {
  pairs: ActivityPair[];
  /** Sheet activities the newer import does not have. */
  gone: ActivityAt[];
  /** Activities of the newer import the sheet does not have. */
  added: ActivityAt[];
}

const norm = (s: string) => squash(lower(s));
const stems = (s: string) => new Set([...wordSet(s)].map(stem));

/** Dice coefficient of two stem sets (1 = same words). */
function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return (2 * inter) / (a.size + b.size);
}

function promiseSimilar(x: CitizenPromise, y: CitizenPromise): boolean {
  return similarSets(wordSet(x.text), wordSet(y.text), x.text, y.text);
}

/** Least Dice score of a pair by similar words alone (texts reworded or shortened). */
export const SIMILAR_MIN = 0.6;
/** Least score of a pair that also shares the sheet's ID (an ID agrees with a looser wording). */
export const ID_SIMILAR_MIN = 0.4;

/**
 * Pairs activities of the structured sheet (`sheet`, as readStructured read it) with those of a
 * newer import of the same follow-up. Every pair is one sheet activity and one new one. Scores,
 * best first, each pair taken when both sides are still free: the same text (whitespace and
 * case aside) scores 3; the sheet's ID (the ID column, which the importer numbers in document
 * order) on an activity with at least ID_SIMILAR_MIN of its word stems in common 2 + the share;
 * similar words (the Dice share of word stems, the project's Swedish stemmer, at least
 * SIMILAR_MIN, or the importer's own "same promise" test on the words) 1 + the share. A pair whose
 * promises have similar texts scores 0.1 more and one that shares the ID 0.05 more, so duplicates
 * go to their own promise. A sheet activity whose text the user rewrote still pairs, with the
 * same score as the same text, with the new activity whose text hashes to what the last import
 * wrote (`importedText`: the "Importerat" record's hash per sheet ID). Sheet activities left over
 * are gone from the source, new ones left over are added. Rows a user added without text never pair.
 */
export function matchActivities(sheet: FollowUp, incoming: FollowUp, opts: { importedText?: Record<string, string> } = {}): Matching {
  type Item = { at: ActivityAt; id: string; text: string; norm: string; stems: Set<string>; words: Set<string> };
  const items = (f: FollowUp): Item[] =>
    f.promises.flatMap((p, pi) => p.activities.map((a, ai) => ({ at: { p: pi, a: ai }, id: a.id, text: a.text, norm: norm(a.text), stems: stems(a.text), words: wordSet(a.text) })));
  const S = items(sheet);
  const N = items(incoming);
  const bonus = (s: Item, n: Item) =>
    (promiseSimilar(sheet.promises[s.at.p], incoming.promises[n.at.p]) ? 0.1 : 0) + (s.id && s.id === n.id ? 0.05 : 0);
  const candidates: { s: number; n: number; score: number; by: ActivityPair['by'] }[] = [];
  const byText = new Map<string, number[]>();
  S.forEach((s, i) => {
    if (!s.norm) return;
    const list = byText.get(s.norm);
    if (list) list.push(i);
    else byText.set(s.norm, [i]);
  });
  const byId = new Map<string, number>();
  S.forEach((s, i) => s.id && !byId.has(s.id) && byId.set(s.id, i));
  const exact = new Set<number>();
  const byImported = new Map<string, number[]>();
  S.forEach((s, i) => {
    const h = s.id ? opts.importedText?.[s.id] : undefined;
    if (!h || textHash(s.text) === h) return;
    const list = byImported.get(h);
    if (list) list.push(i);
    else byImported.set(h, [i]);
  });
  N.forEach((n, j) => {
    if (!n.norm) return;
    for (const i of byImported.get(textHash(n.text)) ?? []) {
      candidates.push({ s: i, n: j, score: 3 + bonus(S[i], n), by: 'text' });
      exact.add(j);
    }
    for (const i of byText.get(n.norm) ?? []) {
      candidates.push({ s: i, n: j, score: 3 + bonus(S[i], n), by: 'text' });
      exact.add(j);
    }
    const i = byId.get(n.id);
    if (i !== undefined && S[i].norm !== n.norm) {
      const d = dice(S[i].stems, n.stems);
      if (d >= ID_SIMILAR_MIN) candidates.push({ s: i, n: j, score: 2 + d + bonus(S[i], n), by: 'id' });
    }
  });
  // Similar words: only for new activities without a same-text candidate (few, once texts are mostly unchanged).
  const exactSheet = new Set(candidates.filter((c) => c.by === 'text').map((c) => c.s));
  N.forEach((n, j) => {
    if (exact.has(j) || !n.norm) return;
    S.forEach((s, i) => {
      if (exactSheet.has(i) || !s.norm) return;
      const d = dice(s.stems, n.stems);
      const same = similarSets(s.words, n.words, s.text, n.text);
      if (d >= SIMILAR_MIN || same) candidates.push({ s: i, n: j, score: 1 + Math.max(d, same ? SIMILAR_MIN : 0) + bonus(s, n), by: 'similar' });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.s - y.s || x.n - y.n);
  const usedS = new Set<number>();
  const usedN = new Set<number>();
  const pairs: ActivityPair[] = [];
  for (const c of candidates) {
    if (usedS.has(c.s) || usedN.has(c.n)) continue;
    usedS.add(c.s);
    usedN.add(c.n);
    pairs.push({ sheet: S[c.s].at, incoming: N[c.n].at, by: c.by });
  }
  return {
    pairs,
    gone: S.filter((_, i) => !usedS.has(i)).map((s) => s.at),
    added: N.filter((_, j) => !usedN.has(j)).map((n) => n.at),
  };
}
