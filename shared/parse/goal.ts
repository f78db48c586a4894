// Reads numeric goals from activity or promise text: minst/högst, number words, sums, named places, rates.
import type { Goal } from '../model/follow-up';
import { findMentions, type Mention } from './mentions';
import { NOT_GOAL_NOUNS } from '../lexicon/sv-words';
import { nounsMatch, squash, unitHead } from './text';

const RATE_RE = /^\s*(?:[\p{L}-]+\s+){0,6}?(?:per|varje|i|\/)\s*(dag|dygn|vecka|veckan|månad|månaden|tertial|tertialet|kvartal|kvartalet|termin|terminen|halvår|halvåret|år|året)\b/iu;
const RATE_NORMAL: Record<string, string> = {
  dag: 'dag', dygn: 'dag', vecka: 'vecka', veckan: 'vecka', månad: 'månad', månaden: 'månad', tertial: 'tertial', tertialet: 'tertial',
  kvartal: 'kvartal', kvartalet: 'kvartal', termin: 'termin', terminen: 'termin', halvår: 'halvår', halvåret: 'halvår', år: 'år', året: 'år',
};
const PLACE_NOUNS = /^(?:stadsdel|stadsdelar|stadsdelarna|områden|området|områdena|område|orter|orterna|ort|skolor|skolorna|bostadsområden|bostadsområdena|kommundelar|kommundelarna|tätorter|byar|platser|platserna)$/i;
const NOT_PLACE = /^(?:Polisen|Kommunen|Polismyndigheten|Att|Under|Vi|Och|Samt|STATUS|SFI|EST|ANDT)$/;

/** Capitalised place names in "(Skiftinge och Lagersberg)". */
function placesInParens(s: string): string[] {
  const m = /^\s*\(([^)]{2,120})\)/.exec(s);
  if (!m) return [];
  return m[1]
    .split(/\s*(?:,|\boch\b|\bsamt\b|&)\s*/)
    .map((x) => x.trim())
    .filter((x) => /^\p{Lu}/u.test(x) && !NOT_PLACE.test(x));
}

/** "i Fröslunda", "på Resecentrum Eksjö" directly after the goal's noun phrase (not "X kommun"). */
function placeAfter(s: string): string[] {
  const m = /^\s*(?:i|på|vid)\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/u.exec(s);
  if (!m) return [];
  const rest = s.slice(m.index + m[0].length);
  if (/^\s*kommun/i.test(rest) || NOT_PLACE.test(m[1])) return [];
  return [m[1]];
}

/** A goal over several years: "under den totala tre-års-perioden", "under treårsperioden". */
const MULTI_YEAR_RE = /\bunder\s+(?:hela\s+)?(?:den\s+)?(?:totala\s+)?(två|tre|fyra|2|3|4)[\s-]*års[\s-]*(?:perioden|period)\b/iu;
const YEARS: Record<string, string> = { två: 'tvåårsperiod', '2': 'tvåårsperiod', tre: 'treårsperiod', '3': 'treårsperiod', fyra: 'fyraårsperiod', '4': 'fyraårsperiod' };
/** "varannan vecka": every other week (no number word). */
const EVERY_OTHER_RE = /\bvarannan\s+(vecka|månad)\b/iu;

function rateAfter(s: string): string | null {
  const multi = MULTI_YEAR_RE.exec(s);
  if (multi) return YEARS[multi[1].toLowerCase()];
  const m = RATE_RE.exec(s);
  if (!m) return null;
  // "under året" / "i år" state the follow-up year, not a rate.
  if (/^(?:år|året)$/i.test(m[1]) && !/(?:per|varje|\/)\s*år/i.test(m[0])) return null;
  return RATE_NORMAL[m[1].toLowerCase()] ?? null;
}

/** "trygghetsvandringar i två av de prioriterade stadsdelarna (Skiftinge och Lagersberg)". */
const SPREAD_RE = new RegExp(String.raw`([\p{L}-]{4,})\s+i\s+(\p{L}+|\d+)\s+(?:av\s+(?:de|våra|dessa)\s+)?(?:[\p{L}-]+\s+){0,2}?(${PLACE_NOUNS.source.slice(4, -2)})(?![\p{L}])(\s*\([^)]*\))?`, 'iu');

function spreadGoal(text: string): Goal | null {
  if (!/\si\s/.test(text)) return null;
  const m = SPREAD_RE.exec(text);
  if (!m) return null;
  const ms = findMentions(`genomföra ${m[2]} x`);
  const n = /^\d+$/.test(m[2]) ? Number(m[2]) : ms[0]?.value;
  if (!n || n < 1) return null;
  return { op: '=', value: n, unit: m[1], places: m[4] ? placesInParens(m[4]) : [], rate: null, source: 'activity', phrase: squash(m[0]) };
}

function toGoal(m: Mention, text: string): Goal {
  const after = text.slice(m.end);
  const op = m.lowerBound ? '>=' : m.upperBound ? '<=' : '=';
  const rest = after.slice((m.phrase ?? '').length + 1);
  const places = [...placesInParens(rest), ...placeAfter(rest)];
  return {
    op,
    value: m.value,
    unit: m.phrase,
    places,
    rate: rateAfter(after),
    source: 'activity',
    phrase: squash(text.slice(Math.max(0, m.start - (op === '=' ? 0 : 7)), m.end + 1 + (m.phrase?.length ?? 0)).replace(/^\S*\s(?=minst|högst)/, '')),
  };
}

/**
 * All goals in a text, one per unit: mentions of the same unit are summed
 * ("två … samt två trygghetsvandringar" → 4). Years, codes and counts of people are not goals.
 */
export function parseGoals(raw: string): Goal[] {
  const text = squash(raw);
  if (!text) return [];
  const goals: Goal[] = [];
  const spread = spreadGoal(text);
  for (const m of findMentions(text)) {
    if (!m.noun || m.cumulative) continue;
    if (spread && m.start >= text.indexOf(spread.phrase) && m.start < text.indexOf(spread.phrase) + spread.phrase.length) continue;
    const g = toGoal(m, text);
    if (NOT_GOAL_NOUNS.test(m.noun) && !m.lowerBound && !(g.rate && /^gånger$/i.test(m.noun))) continue;
    const same = goals.find((x) => x.unit && g.unit && nounsMatch(lastWord(x.unit), lastWord(g.unit)) && x.rate === g.rate);
    if (same) {
      same.value += g.value;
      same.places = [...new Set([...same.places, ...g.places])];
      same.phrase = `${same.phrase} … ${g.phrase}`;
      if (g.op === '>=' || same.op === '>=') same.op = same.op === '<=' && g.op === '<=' ? '<=' : same.op === '=' ? g.op : same.op;
    } else goals.push(g);
  }
  if (spread) {
    const same = goals.find((x) => x.unit && nounsMatch(lastWord(x.unit), spread.unit as string));
    if (!same) goals.unshift(spread);
  }
  const other = goals.length ? null : EVERY_OTHER_RE.exec(text);
  if (other) goals.push({ op: '=', value: 1, unit: null, places: [], rate: `varannan ${other[1].toLowerCase()}`, source: 'activity', phrase: other[0] });
  return goals;
}

const lastWord = unitHead;

/** The goal among `goals` whose unit names this activity (or null). */
export function goalForActivity(goals: Goal[], activityText: string): Goal | null {
  const ws = activityText.match(/[\p{L}-]{4,}/gu) ?? [];
  return goals.find((g) => g.unit && ws.some((w) => nounsMatch(w, lastWord(g.unit as string)))) ?? null;
}

/** A goal written in a "Mål" column: "minst 40", "högst 6", "2", "≥ 10 kontroller", "4 per termin". */
export function parseGoalCell(raw: string): Goal | null {
  const text = squash(raw);
  if (!text) return null;
  const sym = /^(>=|≥|>|<=|≤|<|=)\s*/.exec(text);
  const body = sym ? text.slice(sym[0].length) : text;
  const m = findMentions(/^\d/.test(body) ? body : `minst ${body.replace(/^(?:minst|högst|max|exakt|ca|cirka)\s+/i, '')}`)[0];
  const direct = findMentions(body)[0] ?? m;
  if (!direct) return null;
  const op = sym ? (/[<≤]/.test(sym[1]) ? '<=' : /[>≥]/.test(sym[1]) ? '>=' : '=') : /^(?:högst|max|maximalt)\b/i.test(body) ? '<=' : /^exakt\b/i.test(body) ? '=' : '>=';
  const after = body.slice(direct.end);
  return { op, value: direct.value, unit: direct.phrase, places: [...placesInParens(after.slice((direct.phrase ?? '').length + 1)), ...placeAfter(after.slice((direct.phrase ?? '').length + 1))], rate: rateAfter(after), source: 'activity', phrase: text };
}
