// Text helpers for the importer: whitespace/markup cleanup, word stems, edit distance, fuzzy noun matching.
import { stemmer } from '@orama/stemmers/swedish';
import { MEASURE_HEADS } from '../lexicon/sv-words';

/** Collapses whitespace (incl. non-breaking spaces) and trims. */
export function squash(s: string): string {
  // Most cells are already clean: skip the replace (and its allocation) for them.
  if (!NEEDS_SQUASH.test(s)) return s;
  return s.replace(/[\s\u00A0\u2007\u202F]+/g, ' ').trim();
}
const NEEDS_SQUASH = /[^\S ]| {2}|^ | $/;

/** True when a text has nothing but whitespace. */
export function isBlank(s: string): boolean {
  return !/\S/.test(s);
}

/** Strips list bullets, heading arrows/hearts and markdown emphasis from a line. */
export function stripDecoration(s: string): string {
  let t = squash(s);
  t = t.replace(/^(?:[-–—•●▪■□◦·*➤►▶❤♥✓✔→>]+|\d+[.)]\s)\s*/u, '');
  t = t.replace(/\*\*(.+?)\*\*/g, '$1').replace(/__(.+?)__/g, '$1');
  t = t.replace(/^\*+|\*+$/g, '');
  return squash(t);
}

/** Lower-case, diacritics kept (å ä ö matter in Swedish). */
export function lower(s: string): string {
  return s.toLowerCase();
}

const STEMS = new Map<string, string>();

/** The Snowball Swedish stem of a word, lower-cased (trygghetsvandringar → trygghetsvandring); memoised. */
export function stem(word: string): string {
  const w = lower(word).replace(/[^\p{L}]/gu, '');
  let s = STEMS.get(w);
  if (s === undefined) {
    s = w.length < 4 ? w : stemmer(w);
    if (STEMS.size > 50000) STEMS.clear();
    STEMS.set(w, s);
  }
  return s;
}

/** Levenshtein distance, with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * True when two nouns name the same thing: equal stems, one compound ending in the other
 * (trafikkontroll ~ kontroller), or a typo of one or two letters in a long word
 * (trygghetsvandingar ~ trygghetsvandringar).
 */
export function nounsMatch(a: string, b: string): boolean {
  const x = stem(a);
  const y = stem(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 4 && (long.endsWith(short) || long.startsWith(short))) return true;
  // Two compounds of one head and one modifier: trafikinsatser ~ trafikövervakningsinsatser.
  if (short.length >= 9 && commonPrefix(x, y) >= 4 && commonSuffix(x, y) >= 5) return true;
  const tol = short.length >= 9 ? 2 : short.length >= 6 ? 1 : 0;
  return tol > 0 && editDistance(x, y, tol) <= tol;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** Words of a text (letters, digits, hyphens inside words). */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];
}

/** The word of a unit phrase that names what is counted: a leading measure ("timmar fotpatrullering" → timmar), else the last word. */
export function unitHead(unit: string): string {
  const ws = unit.split(/\s+/);
  return MEASURE_HEADS.test(ws[0]) ? ws[0] : ws[ws.length - 1];
}
