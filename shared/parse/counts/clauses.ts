// Clause rules over a cell's numbers: planned-not-done clauses and a goal restated inside the outcome are not counts.
import { PLANNED } from '../../lexicon/sv-judgements';
import type { Mention } from '../mentions';

/** Clause boundaries of a sentence: full stops, semicolons, "men". */
const CLAUSE_END = /[.;!?]\s|,\s*men\s|\s+men\s+/g;

/** [start, end) ranges of the clauses of a text. */
export function clauses(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  CLAUSE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_END.exec(text))) {
    out.push([from, m.index + 1]);
    from = m.index + m[0].length;
  }
  out.push([from, text.length]);
  return out;
}

/** Words right before a number that say it restates the goal ("Målet att fotpatrullera vid minst 200 tillfällen"). */
const GOAL_BEFORE = /\b(?:målet|målsättningen|målsättning|mål(?:et)?\s+(?:var|är)|målvärdet)\b[^.;]{0,60}$/i;

/**
 * Marks the mentions that are no count of work done: those in a planned clause ("Två
 * föräldramöten är inplanerade i höst") and those restating the goal. Returns the rest, and
 * the restated goal mentions apart (a "met" judgement turns them into the count).
 */
export function splitByClause(text: string, mentions: Mention[]): { counts: Mention[]; planned: Mention[]; restated: Mention[] } {
  if (!mentions.length) return { counts: mentions, planned: [], restated: [] };
  const planned: Mention[] = [];
  const restated: Mention[] = [];
  const counts: Mention[] = [];
  const cs = clauses(text);
  for (const m of mentions) {
    const c = cs.find(([s, e]) => m.start >= s && m.start < e) ?? [0, text.length];
    const clause = text.slice(c[0], c[1]);
    if (PLANNED.test(clause)) planned.push(m);
    else if (GOAL_BEFORE.test(text.slice(c[0], m.start))) restated.push(m);
    else counts.push(m);
  }
  return { counts, planned, restated };
}
