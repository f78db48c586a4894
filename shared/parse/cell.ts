// Understands one period cell: a count, a running total, an event list, a milestone, another unit's count, or prose.
import type { CellKind, FollowUpEvent, Milestone } from '../model/follow-up';
import { BY_PRODUCT_NOUNS, GENERIC_NOUNS, MEASURE_HEADS } from '../lexicon/sv-words';
import { splitByClause } from './counts/clauses';
import { judgementOf, type TextJudgement } from './counts/judgements';
import { milestoneOf } from './counts/milestones';
import { splitOverPlaces } from './counts/split-places';
import { parseEventList } from './dates';
import { findMentions, type Mention } from './mentions';
import { lower, nounsMatch, squash, stem, unitHead } from './text';

export { milestoneOf } from './counts/milestones';

/** What a cell says, before running totals are reconciled across periods. */
export interface ParsedCell {
  kind: CellKind;
  /** The count this cell reports (for 'cumulative', the running total). */
  value: number | null;
  statedCumulative: number | null;
  approx: boolean;
  lowerBound: boolean;
  milestone: Milestone;
  events: FollowUpEvent[];
  /** Noun of the chosen count ("tillsyner"), if any. */
  noun: string | null;
  /** The cell is an error value such as #REF!. */
  error: string | null;
  /** A judgement in words ("kan anses vara uppfyllt"), kept with its phrase. */
  judgement: TextJudgement | null;
}

export interface CellContext {
  /** Unit of the activity's goal: counts of other nouns are not its counts. */
  unit: string | null;
  /** Nouns of the activity text: preferred when several counts compete. */
  activityNouns: string[];
  year: number | null;
  /** The goal's yearly target, if any: a done milestone settles a goal of one. */
  goalValue?: number | null;
}

const ERROR_VALUE = /^#(?:REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|FEL!|VÄRDEFEL!|REFERENS!|DIVISION\/0!|SAKNAS!|NAMN\?|NULL!|ERROR!?)$/i;

/** The words of a mention's noun phrase, last (the head noun) first. */
function phraseWords(m: Mention): string[] {
  return (m.phrase ?? '').split(/\s+/).filter((w) => w.length >= 4).reverse();
}

function unitMatches(m: Mention, unit: string | null): boolean {
  if (!m.noun) return false;
  if (GENERIC_NOUNS.test(m.noun)) return true;
  if (!unit) return false;
  const head = unitHead(unit);
  return nounsMatch(m.noun, head) || phraseWords(m).some((w) => nounsMatch(w, head));
}

function empty(kind: CellKind, extra: Partial<ParsedCell> = {}): ParsedCell {
  return { kind, value: null, statedCumulative: null, approx: false, lowerBound: false, milestone: null, events: [], noun: null, error: null, judgement: null, ...extra };
}

/** Chooses the count of a cell among its numbers (see the cell rules in DOMAIN.md). */
function chooseMention(ms: Mention[], ctx: CellContext): { chosen: Mention | null; other: boolean } {
  const usable = ms;
  if (!usable.length) return { chosen: null, other: false };
  const byActivity = (m: Mention) => !!m.noun && ctx.activityNouns.some((n) => nounsMatch(m.noun as string, n) || phraseWords(m).some((w) => nounsMatch(w, n)));
  if (ctx.unit) {
    // A goal in occasions or hours ("vid minst nio tillfällen") counts the activity itself first: "nio trafikinsatser".
    if (MEASURE_HEADS.test(unitHead(ctx.unit))) {
      const own = usable.find((m) => byActivity(m) && !m.afterPreposition);
      if (own) return { chosen: own, other: false };
    }
    const match = usable.find((m) => unitMatches(m, ctx.unit));
    if (match) return { chosen: match, other: false };
    const bare = usable.find((m) => !m.noun && !m.afterPreposition);
    if (bare) return { chosen: bare, other: false };
    return { chosen: null, other: true };
  }
  const preferred = usable.find(byActivity);
  if (preferred) return { chosen: preferred, other: false };
  const first = usable.find((m) => !m.afterPreposition && !(m.noun && BY_PRODUCT_NOUNS.test(m.noun)));
  if (first) return { chosen: first, other: false };
  return { chosen: null, other: true };
}

/** The text starts with a singular noun of the activity followed by a done participle ("Trygghetsvandring genomförd"). */
function leadsWithSingularActivity(text: string, activityNouns: string[]): boolean {
  const m = /^([\p{L}-]{6,})\s+(?:har\s+)?(?:genomförd|genomförts|genomfört|hölls|hållits|utförd|utförts|ägde rum)\b/iu.exec(text);
  if (!m) return false;
  const w = m[1].toLowerCase();
  return stem(w) === w && activityNouns.some((n) => nounsMatch(w, n));
}

/** Parses one period cell's text. Never throws; the text itself is kept by the caller. */
export function parseCell(raw: string, ctx: CellContext): ParsedCell {
  const text = squash(raw);
  if (!text) return empty('empty');
  if (ERROR_VALUE.test(text)) return empty('comment', { error: text });
  // Plain number, optionally with running total: "540", "479 (1019)", "1 470".
  const plain = /^~?\s*(\d{1,3}(?:[ \u00A0]\d{3})+|\d+(?:[.,]\d+)?)\s*(?:\(\s*(\d{1,3}(?:[ \u00A0]\d{3})+|\d+(?:[.,]\d+)?)\s*\))?\s*(?:st|st\.|stycken)?$/i.exec(text);
  if (plain) {
    const num = (s: string) => Number(s.replace(/[ \u00A0]/g, '').replace(',', '.'));
    return empty('count', { value: num(plain[1]), statedCumulative: plain[2] ? num(plain[2]) : null, approx: text.startsWith('~') });
  }
  const sum = /^(\d+)(?:\s*\+\s*\d+)+$/.exec(text);
  if (sum) return empty('count', { value: text.split('+').reduce((a, b) => a + Number(b.trim()), 0) });
  if (/^(?:[-–—]|0 st|inga?|inget|ingen|nej|inga[^\d]{0,40}|ingen\s[^\d]{0,40}|inget (?:genomfört|att rapportera|redovisat|gjort)[^\d]*)$/i.test(text) && !/\d/.test(text)) return empty('count', { value: 0 });
  const events = parseEventList(text, ctx.year);
  if (events && events.length) return empty('events', { value: events.length, events });
  const judgement = judgementOf(text);
  const { counts, restated } = splitByClause(text, findMentions(text));
  const { chosen, other } = chooseMention(counts, ctx);
  if (chosen) {
    const isCum = chosen.cumulative && chosen.bracketOf === null;
    const value = splitOverPlaces(text, counts, chosen) ?? chosen.value;
    return {
      kind: isCum ? 'cumulative' : 'count',
      value,
      statedCumulative: isCum ? value : chosen.bracketOf,
      approx: chosen.approx,
      lowerBound: chosen.lowerBound,
      milestone: milestoneOf(text),
      events: [],
      noun: chosen.noun,
      error: null,
      judgement,
    };
  }
  // "Målet att fotpatrullera vid minst 200 tillfällen kan anses vara uppfyllt": the restated goal, met, is the count.
  const goalRestated = restated.find((m) => unitMatches(m, ctx.unit) || !ctx.unit);
  if (goalRestated && judgement?.value === 'met') {
    return empty('count', { value: goalRestated.value, lowerBound: goalRestated.lowerBound, approx: goalRestated.approx, noun: goalRestated.noun, judgement });
  }
  const milestone = milestoneOf(text);
  // A done milestone settles a goal of one ("Genomförts tillsammans med polisen" for "ordna en föreläsning").
  if (milestone === 'done' && ctx.goalValue === 1 && !other) return empty('count', { value: 1, milestone, judgement });
  // A singular activity noun reported done is one: "Trygghetsvandring genomförd gemensamt av …".
  if (milestone === 'done' && !other && ctx.goalValue == null && leadsWithSingularActivity(text, ctx.activityNouns)) return empty('count', { value: 1, milestone, judgement });
  // Negation as zero for a counted activity: "Har inte genomförts på grund av pandemin".
  if ((milestone === 'not-started' || milestone === 'cancelled') && ctx.goalValue != null && !other) return empty('count', { value: 0, milestone, judgement });
  if (other) return empty('other-unit', { milestone, judgement });
  if (milestone) return empty('milestone', { milestone, judgement });
  if (/^(?:ja|x|✓|✔|klart)$/i.test(lower(text))) return empty('milestone', { milestone: 'done', judgement });
  return empty('comment', { judgement });
}
