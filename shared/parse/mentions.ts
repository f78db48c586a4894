// Finds the numbers in a Swedish sentence with what they count, skipping years, codes, ages, dates and the like.
import {
  APPROX_WORDS,
  COUNT_FILLERS,
  EN_AFTER_PREPOSITION,
  EN_BEFORE_ADJECTIVE,
  EN_CONTEXT_NOT_VERB,
  EN_COUNT_CONTEXT,
  EN_NOT_COUNT_BEFORE,
  LOWER_BOUND_WORDS,
  MEASURE_HEADS,
  NOT_COUNT_AFTER,
  NOT_COUNT_BEFORE,
  PHRASE_STOP,
  PREPOSITIONS,
  RUNNING_TOTAL_WORDS,
  UPPER_BOUND_WORDS,
  VAGUE_QUANTITY,
} from '../lexicon/sv-words';
import { findDates } from './dates';
import { parseNumberWord, parseTalForm } from './swedish-numbers';
import { tokenize, type Token } from './tokens';

/** One number in a text and its context. */
export interface Mention {
  value: number;
  start: number;
  end: number;
  /** The noun phrase after the number ("riktade insatser"), and its last word. */
  phrase: string | null;
  noun: string | null;
  approx: boolean;
  lowerBound: boolean;
  upperBound: boolean;
  /** Preceded by sammanlagt / totalt / hittills … : a running total. */
  cumulative: boolean;
  /** Written as a word (sex, fjorton) or en/ett. */
  word: boolean;
  /** The number is the object of a preposition ("med ca 200 personer"). */
  afterPreposition: boolean;
  /** A bracketed number right after another ("479 (1019)"): the running total of the previous mention. */
  bracketOf: number | null;
}

const PREV_EXCLUDE = new Set(NOT_COUNT_BEFORE);
const NEXT_EXCLUDE_RE = NOT_COUNT_AFTER;
const PREPOSITION_SET = new Set(PREPOSITIONS);
const STOP = new Set([...PREPOSITIONS, ...PHRASE_STOP]);
const FILLERS = new Set(COUNT_FILLERS);
const APPROX = new Set(APPROX_WORDS);
const LOWER = new Set(LOWER_BOUND_WORDS);
const UPPER = new Set(UPPER_BOUND_WORDS);
const CUMULATIVE = RUNNING_TOTAL_WORDS;
const EN_CONTEXT = new Set(EN_COUNT_CONTEXT);
const EN_NOT_VERB = new Set(EN_CONTEXT_NOT_VERB);
const EN_PREP = new Set(EN_AFTER_PREPOSITION);
const NOT_COUNT_AFTER_EN = new Set(EN_NOT_COUNT_BEFORE);
const VAGUE = new Set(VAGUE_QUANTITY.filter((w) => !w.includes(' ')));

function isYear(v: number, tok: Token): boolean {
  return /^\d{4}$/.test(tok.text) && v >= 1990 && v <= 2099;
}

/** Noun phrase after token index i (up to 4 words, stopping at prepositions/punctuation). */
function phraseAfter(tokens: Token[], i: number): { phrase: string | null; noun: string | null } {
  const ws: string[] = [];
  let j = i + 1;
  while (j < tokens.length && FILLERS.has(tokens[j].low)) j++; // "sex stycken hastighetskontroller"
  if (tokens[j] && tokens[j].text === '.' && tokens[j - 1]?.low === 'st') j++;
  while (j < tokens.length && ws.length < 4) {
    const t = tokens[j];
    if (t.kind !== 'word') break;
    if (t.low.endsWith('-') && tokens[j + 1] && (tokens[j + 1].low === 'och' || tokens[j + 1].low === 'eller')) {
      ws.push(t.text, tokens[j + 1].text);
      j += 2;
      continue;
    }
    if (STOP.has(t.low) && ws.length > 0) break;
    if (STOP.has(t.low)) break;
    ws.push(t.text);
    j++;
  }
  while (ws.length > 1 && /(?:ad|at|ade|ande|ende|iga|igt|iska|isk)$/i.test(ws[ws.length - 1])) ws.pop();
  if (!ws.length) return { phrase: null, noun: null };
  return { phrase: ws.join(' '), noun: ws[ws.length - 1] };
}

/** Finds the countable numbers of a sentence with their nouns and qualifiers. */
export function findMentions(text: string): Mention[] {
  const hit = MEMO.get(text);
  if (hit) return hit;
  const out = readMentions(text);
  if (MEMO.size > 20000) MEMO.clear();
  MEMO.set(text, out);
  return out;
}

/** The last texts' mentions: a cell is read for its count and its goal, and sheets repeat texts. Callers never mutate them. */
const MEMO = new Map<string, Mention[]>();

function readMentions(text: string): Mention[] {
  const dates = findDates(text, 2000);
  const inDate = (s: number, e: number) => dates.some((d) => s < d.end && e > d.start);
  const tokens = tokenize(text);
  const out: Mention[] = [];
  let excludedListRun = false;
  let verbSeen = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const next = tokens[i + 1];
    if (t.kind === 'word' && EN_CONTEXT.has(t.low) && !EN_NOT_VERB.has(t.low)) verbSeen = true;
    let value: number | null = null;
    let approx = false;
    let word = false;
    let consumed = i;
    if (t.kind === 'num') {
      if (inDate(t.start, t.end)) { excludedListRun = false; continue; }
      value = Number(t.text.replace(/[ \u00A0]/g, '').replace(',', '.'));
      if (/^\d+\.\d{2}$/.test(t.text) && prev && /^(?:kl|klockan)$/.test(prev.low)) value = null;
      if (/^\d+[.]\d{2}$/.test(t.text)) value = null; // 18.00 clock time
      // "20-tal"
      if (next && next.kind === 'punct' && next.text === '-' && tokens[i + 2] && /^tal(?:et)?$/.test(tokens[i + 2].low)) {
        approx = true;
        consumed = i + 2;
      }
    } else if (t.kind === 'word') {
      const tal = parseTalForm(t.low);
      if (tal !== null) {
        value = tal;
        approx = true;
        word = true;
      } else if ((t.low === 'par' || t.low === 'fåtal') && prev && (prev.low === 'ett')) {
        value = t.low === 'par' ? 2 : 3;
        approx = true;
        word = true;
      } else if (VAGUE.has(t.low)) {
        continue; // vague: no number
      } else {
        const w = parseNumberWord(t.low);
        if (w !== null) {
          if ((t.low === 'en' || t.low === 'ett')) {
            const nt = tokens[i + 1];
            if (nt && nt.kind === 'word' && (/^(?:tiotal|tjugotal|trettiotal|fyrtiotal|femtiotal|hundratal|par|fåtal)$/.test(nt.low) || /-?tal$/.test(nt.low))) continue;
            const ctx =
              (prev && prev.kind === 'word' && EN_CONTEXT.has(prev.low)) ||
              (verbSeen && prev && (prev.low === 'och' || prev.low === 'samt' || prev.text === ',' || EN_PREP.has(prev.low)));
            const startOfSentence = !prev || (prev.kind === 'punct' && /[.!?:;•\-–]/.test(prev.text));
            if (!ctx && !startOfSentence) continue;
            if (!nt || nt.kind !== 'word' || NOT_COUNT_AFTER_EN.has(nt.low) || STOP.has(nt.low) || EN_BEFORE_ADJECTIVE.test(nt.low)) continue;
          }
          if (t.low === 'sex' && next && next.kind === 'word' && /^(?:och|köp|brott|ualbrott)/.test(next.low)) continue;
          value = w;
          word = true;
        }
      }
    }
    if (value === null || !Number.isFinite(value)) {
      if (t.kind !== 'punct' || (t.text !== ',' && t.text !== '(' && t.text !== ')')) excludedListRun = excludedListRun && (t.low === 'och' || t.low === 'samt');
      continue;
    }
    // Context exclusions.
    const nextTok = tokens[consumed + 1];
    let excluded = false;
    if (prev && PREV_EXCLUDE.has(prev.low.replace(/\.$/, ''))) excluded = true;
    if (prev && prev.text === '.' && prev2 && /^(?:v|kl|nr|sid|kap)$/.test(prev2.low)) excluded = true;
    if (excludedListRun && prev && (prev.text === ',' || prev.low === 'och' || prev.low === 'samt' || prev.text === '/')) excluded = true;
    if (nextTok && (NEXT_EXCLUDE_RE.test(nextTok.low) || (nextTok.kind === 'word' && /^-?(?:åring|åringar|åriga|årig|årsåldern)/.test(nextTok.low)))) excluded = true;
    if (nextTok && nextTok.text === '-' && tokens[consumed + 2] && tokens[consumed + 2].kind === 'word' && /^(?:åring|årig|tal)/.test(tokens[consumed + 2].low) && !approx) excluded = true;
    if (nextTok && nextTok.text === '-' && tokens[consumed + 2] && tokens[consumed + 2].kind === 'num') excluded = true; // range 7-8
    if (prev && prev.text === '-' && prev2 && prev2.kind === 'num') excluded = true;
    if (nextTok && nextTok.text === ':' && tokens[consumed + 2] && /^(?:e|a)$/.test(tokens[consumed + 2].low)) excluded = true;
    if (t.kind === 'num' && isYear(value, t)) excluded = true;
    if (t.kind === 'num' && t.text.replace(/\D/g, '').length > 6) excluded = true;
    if (t.kind === 'num' && prev && prev.text === '(' ) {
      // "(1019)" right after a number: running total of that mention.
      const before = tokens[i - 2];
      const last = out[out.length - 1];
      if (before && before.kind === 'num' && last && last.end === before.end && nextTok && nextTok.text === ')') {
        last.bracketOf = value;
        if (!last.phrase) {
          const after = phraseAfter(tokens, i + 1);
          last.phrase = after.phrase;
          last.noun = after.noun;
        }
        continue;
      }
    }
    if (excluded) {
      excludedListRun = true;
      continue;
    }
    excludedListRun = false;
    // Qualifiers before the number.
    let lowerBound = false;
    let upperBound = false;
    let k = i - 1;
    if (word && (t.low === 'tjugotal' || /tal$/.test(t.low)) && prev && prev.low === 'ett') k = i - 2;
    if (word && /^(?:par|fåtal)$/.test(t.low)) k = i - 2;
    if (!word && consumed > i && prev && prev.low === 'ett') k = i - 2; // minst ett 30-tal gånger
    const q1 = tokens[k];
    const q2 = tokens[k - 1];
    if (q1 && q1.kind === 'word') {
      if (APPROX.has(q1.low)) approx = true;
      if (LOWER.has(q1.low)) lowerBound = true;
      if (q1.low === 'än' && q2 && (q2.low === 'mer' || q2.low === 'fler')) lowerBound = true;
      if (q1.low === 'än' && q2 && (q2.low === 'mindre' || q2.low === 'färre')) upperBound = true;
      if (UPPER.has(q1.low)) upperBound = true;
      if (q1.low === 'till' && q2 && q2.low === 'upp') upperBound = true;
    }
    if (q1 && q1.kind === 'punct' && q1.text === '~') approx = true;
    if (q1 && q1.kind === 'punct' && q1.text === '>') lowerBound = true;
    if (q1 && q1.kind === 'punct' && q1.text === '<') upperBound = true;
    // preposition governing the number (skipping a qualifier)
    let p = tokens[k];
    if (p && p.kind === 'word' && (APPROX.has(p.low) || LOWER.has(p.low) || UPPER.has(p.low))) p = tokens[k - 1];
    const afterPreposition = !!(p && p.kind === 'word' && PREPOSITION_SET.has(p.low) && !(p.low === 'över' || p.low === 'under'));
    const before = text.slice(Math.max(0, t.start - 80), t.start);
    // "vid 18 tillfällen", "under tre kvällar": occasions are counted, whatever the preposition.
    const occasions = afterPreposition && MEASURE_HEADS.test(phraseAfter(tokens, consumed).noun ?? '');
    const cumulative = CUMULATIVE.test(before) || !!(nextTok && nextTok.kind === 'word' && /^(?:totalt|sammanlagt|hittills)$/.test(nextTok.low));
    const { phrase, noun } = phraseAfter(tokens, consumed);
    out.push({
      value,
      start: t.start,
      end: tokens[consumed].end,
      phrase,
      noun,
      approx,
      lowerBound,
      upperBound,
      cumulative,
      word,
      afterPreposition: afterPreposition && !occasions,
      bracketOf: null,
    });
  }
  return out;
}
