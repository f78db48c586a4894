// Understands one period cell: a count, a running total, an event list, a milestone, another unit's count, or prose.
import type { CellKind, FollowUpEvent, Milestone } from '../model/follow-up';
import { parseEventList } from './dates';
import { findMentions, type Mention } from './mentions';
import { lower, nounsMatch, squash } from './text';

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
}

export interface CellContext {
  /** Unit of the activity's goal: counts of other nouns are not its counts. */
  unit: string | null;
  /** Nouns of the activity text: preferred when several counts compete. */
  activityNouns: string[];
  year: number | null;
}

/** Nouns that count anything (occasions, pieces): they match every unit. */
const GENERIC = /^(?:gång|gånger|gången|st|stycken|tillfällen|tillfälle|tillfället|styck)$/i;
/** Nouns that count people: another unit unless the goal counts people. */
const PEOPLE = /^(?:personer|person|deltagare|besökare|elever|elev|ungdomar|barn|föräldrar|invånare|medborgare|boende|individer|deltog|hyresgäster|lärare|anställda|medarbetare|poliser|polis|tjänstepersoner|tjänstemän)$/i;

const MILESTONES: [RegExp, Exclude<Milestone, null>][] = [
  [/\b(?:ej|inte|icke)\s+(?:påbörja[dt]s?|startat|genomfört|genomförts|genomförd|gjort|klart)\b/i, 'not-started'],
  [/\b(?:inställ[dt]a?|ställts in|ställdes in|avbokat|avbokad|uteblev|avbrutet?|avbröts|ställs in)\b/i, 'cancelled'],
  [/\b(?:pågår|pågående|påbörja[dt]s?|påbörjades|startat|har startat|planeras|planerad|under arbete|i gång|igång)\b/i, 'in-progress'],
  [/\b(?:genomfört|genomförts|genomförd|genomförda|genomfördes|utfört|utförts|klart|klar|avklarat|slutfört|slutförts|färdigt|klar[at]?|uppnått|levererat|hållits|ägt rum|gjort|gjorts|ja)\b/i, 'done'],
];

const ERROR_VALUE = /^#(?:REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|FEL!|VÄRDEFEL!|REFERENS!|DIVISION\/0!|SAKNAS!|NAMN\?|NULL!|ERROR!?)$/i;

/** Milestone word of a short or milestone-led text (null for long prose that merely mentions one). */
export function milestoneOf(text: string): Milestone {
  const t = squash(text);
  const wordCount = t.split(' ').length;
  for (const [re, m] of MILESTONES) {
    const hit = re.exec(t);
    if (!hit) continue;
    if (hit.index === 0 || wordCount <= 6) return m;
  }
  return null;
}

function unitMatches(m: Mention, unit: string | null): boolean {
  if (!m.noun) return false;
  if (GENERIC.test(m.noun)) return true;
  if (!unit) return false;
  const unitWords = unit.split(/\s+/);
  return nounsMatch(m.noun, unitWords[unitWords.length - 1]);
}

function empty(kind: CellKind, extra: Partial<ParsedCell> = {}): ParsedCell {
  return { kind, value: null, statedCumulative: null, approx: false, lowerBound: false, milestone: null, events: [], noun: null, error: null, ...extra };
}

/** Chooses the count of a cell among its numbers (see the cell rules in DOMAIN.md). */
function chooseMention(ms: Mention[], ctx: CellContext): { chosen: Mention | null; other: boolean } {
  const usable = ms;
  if (!usable.length) return { chosen: null, other: false };
  if (ctx.unit) {
    const match = usable.find((m) => unitMatches(m, ctx.unit));
    if (match) return { chosen: match, other: false };
    const bare = usable.find((m) => !m.noun && !m.afterPreposition);
    if (bare) return { chosen: bare, other: false };
    return { chosen: null, other: true };
  }
  const preferred = usable.find((m) => m.noun && ctx.activityNouns.some((n) => nounsMatch(m.noun as string, n)));
  if (preferred) return { chosen: preferred, other: false };
  const first = usable.find((m) => !m.afterPreposition && !(m.noun && PEOPLE.test(m.noun)));
  if (first) return { chosen: first, other: false };
  return { chosen: null, other: true };
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
  if (/^(?:[-–—]|0 st|inga?|inget|nej|inga[^\d]{0,40}|inget (?:genomfört|att rapportera|redovisat|gjort)[^\d]*)$/i.test(text) && !/\d/.test(text)) return empty('count', { value: 0 });
  const events = parseEventList(text, ctx.year);
  if (events && events.length) return empty('events', { value: events.length, events });
  const mentions = findMentions(text);
  const { chosen, other } = chooseMention(mentions, ctx);
  if (chosen) {
    const isCum = chosen.cumulative && chosen.bracketOf === null;
    return {
      kind: isCum ? 'cumulative' : 'count',
      value: chosen.value,
      statedCumulative: isCum ? chosen.value : chosen.bracketOf,
      approx: chosen.approx,
      lowerBound: chosen.lowerBound,
      milestone: milestoneOf(text),
      events: [],
      noun: chosen.noun,
      error: null,
    };
  }
  const milestone = milestoneOf(text);
  if (other) return empty('other-unit', { milestone });
  if (milestone) return empty('milestone', { milestone });
  if (/^(?:ja|x|✓|✔|klart)$/i.test(lower(text))) return empty('milestone', { milestone: 'done' });
  return empty('comment');
}
