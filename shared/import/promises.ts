// Promise phase: the follow-up's promises, deduplicated (a promise often appears in a list and again as a heading).
import type { Goal, Party } from '../model/follow-up';
import { parseGoals } from '../parse/goal';
import { lower, words } from '../parse/text';

/** A promise being collected, with its goals and words for matching. */
export interface PromiseDraft {
  text: string;
  party: Party;
  cell: string | null;
  goals: Goal[];
  words: Set<string>;
}

function norm(s: string): string {
  return words(lower(s)).join(' ');
}

/** Significant words of a text (longer than two letters), for matching. */
export function wordSet(s: string): Set<string> {
  return new Set(words(lower(s)).filter((w) => w.length > 2));
}

/** Two texts are the same promise when 80 % of the shorter one's words are in the longer one. */
export function similarSets(A: Set<string>, B: Set<string>, a: string, b: string): boolean {
  if (!A.size || !B.size) return norm(a) === norm(b);
  const ratio = Math.max(A.size, B.size) / Math.min(A.size, B.size);
  if (ratio > 1.6) return false;
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return inter / Math.min(A.size, B.size) >= 0.8;
}

/** The promises of a follow-up, found by text similarity through a word index (linear, not quadratic). */
export interface PromiseRegistry {
  promises: PromiseDraft[];
  /** Index of the promise with (nearly) this text, or -1. */
  find(text: string): number;
  /** Index of the promise with this text, adding it (goals read from it) when new. */
  findOrAdd(text: string, party: Party, cell: string | null): number;
  /** Adds a promise as it is, returning its index. */
  add(p: PromiseDraft): number;
}

/** Creates an empty promise registry. */
export function createPromiseRegistry(): PromiseRegistry {
  const promises: PromiseDraft[] = [];
  const postings = new Map<string, number[]>();
  const lookup = (text: string, ws: Set<string>): number => {
    if (!ws.size) return promises.findIndex((p) => similarSets(p.words, ws, p.text, text));
    const shared = new Map<number, number>();
    for (const w of ws) for (const k of postings.get(w) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
    let i = -1;
    for (const [k, n] of shared) {
      if ((i < 0 || k < i) && n / Math.min(ws.size, promises[k].words.size) >= 0.8 && similarSets(promises[k].words, ws, promises[k].text, text)) i = k;
    }
    return i;
  };
  const add = (p: PromiseDraft): number => {
    const k = promises.push(p) - 1;
    for (const w of p.words) {
      const list = postings.get(w);
      if (list) list.push(k);
      else postings.set(w, [k]);
    }
    return k;
  };
  return {
    promises,
    add,
    find: (text) => lookup(text, wordSet(text)),
    findOrAdd(text, party, cell) {
      const ws = wordSet(text);
      const i = lookup(text, ws);
      return i >= 0 ? i : add({ text, party, cell, goals: parseGoals(text), words: ws });
    },
  };
}
