// Gives every activity exactly one theme from the theme lexicon (Swedish stems), or the user's correction.
import { THEME_IDS, THEME_LEXICON, THEME_WEIGHT, type ThemeId } from '../lexicon/sv-themes';
import type { Activity, CitizenPromise } from '../model/follow-up';
import { lower, nounsMatch, stem, words } from '../parse/text';

/** Where a theme came from: a word of the activity, of what was reported, of its promise; none (Övrigt); or a user's correction. */
export type ThemeSource = 'activity' | 'reported' | 'promise' | 'none' | 'user';

/** An activity's theme and why: the word of the text that gave it (null when none did). */
export interface ThemeChoice {
  theme: ThemeId;
  source: ThemeSource;
  word: string | null;
}

interface Term {
  theme: ThemeId;
  weight: number;
  raw: string;
  stem: string;
}

const TERMS: Term[] = THEME_LEXICON.flatMap((t) =>
  (['strong', 'subject', 'context'] as const).flatMap((k) => t[k].map((w) => ({ theme: t.theme, weight: THEME_WEIGHT[k], raw: lower(w), stem: stem(w) }))),
)
  // Longest first: of several words that match one word of the text, the longest decides.
  .sort((a, b) => b.raw.length - a.raw.length);

/** True when a word of the text (lower-cased, and its stem) is the term, a compound holding it, or a typo of it. */
function termMatches(token: string, tokenStem: string, t: Term): boolean {
  if (token === t.raw) return true;
  // A stem of three letters or fewer says too little (förare → "för"): then the word itself, or words that begin with it.
  if (t.stem.length < 4) return t.raw.length >= 4 && token.startsWith(t.raw);
  if (tokenStem === t.stem) return true;
  const contains = (s: string, part: string) =>
    part.length >= 5 ? s.includes(part) : part.length === 4 && (s.startsWith(part) || s.endsWith(part));
  if (contains(tokenStem, t.stem) || contains(token, t.raw)) return true;
  // Typos of long words (trygghetsvandingar, pratullering): nounsMatch's edit distance, for words of about the same length.
  return t.stem.length >= 6 && Math.abs(tokenStem.length - t.stem.length) <= 2 && nounsMatch(token, t.raw);
}

const BEST = new Map<string, Term | null>();

/** The lexicon term a word of the text points to (the longest that matches), memoised per word. */
function bestTerm(token: string): Term | null {
  let hit = BEST.get(token);
  if (hit === undefined) {
    const s = stem(token);
    hit = TERMS.find((t) => termMatches(token, s, t)) ?? null;
    if (BEST.size > 50000) BEST.clear();
    BEST.set(token, hit);
  }
  return hit;
}

/** The words of a text as the lexicon sees them: lower case, hyphenated compounds also in their parts ("ANT-", "mc-åkning"). */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const l = lower(w);
    if (!l.includes('-')) {
      out.push(l);
      continue;
    }
    for (const part of l.split('-')) if (part) out.push(part);
  }
  return out;
}

/**
 * The theme the words of a text point to, or null when none does. Per theme: the weight of its
 * best word, the sum of its words' weights and where its first word is; the heaviest best word
 * wins, then the larger sum, then the earlier word.
 */
export function themeOfText(text: string): { theme: ThemeId; word: string } | null {
  const score = new Map<ThemeId, { best: number; sum: number; first: number; word: string }>();
  const ts = tokens(text);
  for (let i = 0; i < ts.length; i++) {
    const t = bestTerm(ts[i]);
    if (!t) continue;
    const s = score.get(t.theme);
    if (!s) score.set(t.theme, { best: t.weight, sum: t.weight, first: i, word: ts[i] });
    else {
      s.sum += t.weight;
      if (t.weight > s.best) {
        s.best = t.weight;
        s.word = ts[i];
      }
    }
  }
  let win: { theme: ThemeId; best: number; sum: number; first: number; word: string } | null = null;
  for (const [theme, s] of score) {
    if (!win || s.best > win.best || (s.best === win.best && (s.sum > win.sum || (s.sum === win.sum && s.first < win.first)))) win = { theme, ...s };
  }
  return win ? { theme: win.theme, word: win.word } : null;
}

/**
 * The theme of an activity from the lexicon: the words of its own text and unit first; where
 * they point to no theme, what was reported for it (period texts, comments); then its promise's
 * text; else Övrigt.
 */
export function themeOfActivity(a: Activity, promise: Pick<CitizenPromise, 'text'> | null): ThemeChoice {
  const own = themeOfText([a.text, a.unit ?? '', a.goal?.unit ?? ''].join(' '));
  if (own) return { ...own, source: 'activity' };
  const reported = themeOfText([...a.periods.map((p) => p.text), ...a.comments.map((c) => c.text)].join(' '));
  if (reported) return { ...reported, source: 'reported' };
  const fromPromise = promise ? themeOfText(promise.text) : null;
  if (fromPromise) return { ...fromPromise, source: 'promise' };
  return { theme: 'ovrigt', source: 'none', word: null };
}

/** True for a theme id of the lexicon. */
export function isThemeId(s: string): s is ThemeId {
  return (THEME_IDS as readonly string[]).includes(s);
}
