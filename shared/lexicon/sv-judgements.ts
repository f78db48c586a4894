// Swedish phrases that settle an activity in words: judgements of a goal and milestones of an action, as data.
import type { JudgementValue, Milestone } from '../model/follow-up';

/**
 * Judgement phrases, most specific first. A phrase is matched anywhere in a cell (it is a
 * verdict, whatever surrounds it); negated forms come before their positive forms.
 */
export const JUDGEMENT_PHRASES: [RegExp, JudgementValue][] = [
  [/\b(?:delvis|till viss del|till stor del|i stort sett)\s+(?:uppfyllt|uppfyllts|uppnått|uppnåtts|genomfört|genomförts|nått|infriat|infriats)\b/i, 'partly-met'],
  [/\b(?:inte|ej|icke)\s+(?:kunnat\s+)?(?:(?:anses\s+)?(?:vara\s+)?)(?:uppfyllt|uppfyllts|uppnått|uppnåtts|infriat|infriats|nått)\b/i, 'not-met'],
  [/\b(?:målet|målen|löftet|löftena|åtagandet)\s+(?:har\s+)?(?:inte|ej)\s+(?:nåtts|uppnåtts|uppfyllts|infriats)\b/i, 'not-met'],
  [/\b(?:kan|får)\s+(?:därmed\s+|således\s+)?anses\s+(?:vara\s+|som\s+)?(?:uppfyllt|uppfyllda?|uppnått|uppnådda?|genomfört|genomförda?|infriat|infriade?|nått)\b/i, 'met'],
  [/\b(?:målet|målen|löftet|löftena|åtagandet|aktiviteten)\s+(?:är|har|bedöms|anses)\s+(?:vara\s+|varit\s+|som\s+)?(?:uppfyllt|uppfyllts|uppnått|uppnåtts|nått|nåtts|infriat|infriats|genomfört|genomförts|utfört|utförts)\b/i, 'met'],
  [/\bhar\s+(?:uppfyllt|infriat|hållit)\s+(?:sin del av\s+|sina delar av\s+)?(?:medborgar)?löftet\b/i, 'met'],
  [/\b(?:har\s+)?(?:uppfyllts|uppnåtts|infriats)\b/i, 'met'],
  [/^(?:uppfyllt|uppnått|infriat|ja,? (?:uppfyllt|uppnått))\.?$/i, 'met'],
];

/** Milestone words of a short or milestone-led text; negated and cancelled forms first. */
export const MILESTONE_PHRASES: [RegExp, Exclude<Milestone, null>][] = [
  [/\b(?:ej|inte|icke)\s+(?:påbörja[dt]s?|startat|genomfört|genomförts|genomförd|gjort|klart|kommit igång|blivit av)\b|\bhar inte kommit igång\b/i, 'not-started'],
  [/\b(?:inställ[dt]a?|ställts in|ställdes in|avbokat|avbokad|uteblev|avbrutet?|avbröts|ställs in)\b/i, 'cancelled'],
  [/\b(?:pågår|pågående|påbörja[dt]s?|påbörjades|startat|har startat|under arbete|i gång|igång)\b/i, 'in-progress'],
  [/\b(?:genomfört|genomförts|genomförd|genomförda|genomfördes|utfört|utförts|utfördes|klart|klar|avklarat|slutfört|slutförts|färdigt|klar[at]?|uppnått|levererat|hållits|hölls|ägt rum|gjort|gjorts|gjordes|ja)\b/i, 'done'],
];

/** Planned, not done: "är inplanerade", "planeras", "kommer att genomföras" (no count of held events). */
export const PLANNED = /\b(?:är\s+(?:in)?planerad[et]?|är\s+(?:in)?planerade|inplanerad[et]?|planeras|planerad[et]?\s+(?:till|under|i)|kommer\s+att\s+(?:genomföras|hållas|äga rum|ske)|ska\s+(?:genomföras|hållas)|är\s+bokad[et]?|bokade?\s+till)\b/i;

/** The milestone a judgement value stands for, and back. */
export const MILESTONE_JUDGEMENT: Record<Exclude<Milestone, null>, JudgementValue> = {
  done: 'done',
  'in-progress': 'in-progress',
  'not-started': 'not-started',
  cancelled: 'cancelled',
};
