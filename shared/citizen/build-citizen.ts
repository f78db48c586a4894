// Builds the citizen version (CitizenDoc) of one follow-up: per promise "Vi lovade … Det här har vi gjort … Klart / Delvis klart / Inte klart".
import { clampPeriod, computedStatus, statusInputOf } from '../calc/status';
import { CITIZEN, CITIZEN_STATE_LABEL, MONTHS, PERIOD_END_MONTH, joinList, type CitizenState } from '../i18n/sv-citizen';
import { UNNAMED_PROMISE } from '../i18n/sv-findings';
import type { Activity, CitizenPromise, FollowUp, JudgementValue, PeriodKind } from '../model/follow-up';
import { PERIOD_COUNT } from '../model/periods';
import { CitizenDocSchema, type CitizenBlock, type CitizenDoc, type CitizenItem, type Span } from './citizen-doc';
import { contactParts, findContacts } from './contact';
import { sayNumber } from './numbers';

export type { CitizenState };

const tool = (text: string): Span => ({ text, quoted: false, href: null });
const quote = (text: string): Span => ({ text, quoted: true, href: null });

/** A judgement as a verdict: met/done → Klart, partly met/in progress → Delvis klart, the rest → Inte klart. */
const JUDGED_STATE: Record<JudgementValue, CitizenState> = {
  met: 'done',
  done: 'done',
  'partly-met': 'partly',
  'in-progress': 'partly',
  'not-met': 'not-done',
  'not-started': 'not-done',
  cancelled: 'not-done',
};

/** Brackets that hold codes rather than words: digits (brottskod 5010), capitals (STATUS, STORM-HOBIT), "kod". */
const CODE_BRACKETS = /\s*\((?=[^()]*(?:\d{3,}|(?<!\p{L})\p{Lu}{2,}(?!\p{Ll})|kod))[^()]*\)/gu;

/** The kommun's text made fit to quote: codes in brackets left out, spaces tidied, a full stop at the end. */
export function quotable(text: string): string {
  const t = text.replace(CODE_BRACKETS, '').replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();
  if (!t) return '';
  return /[.!?…]$/.test(t) ? t : `${t.replace(/[,;:–-]+$/, '').trim()}.`;
}

/** "januari–augusti 2019" for the months a follow-up covers (the whole year when it names no period). */
export function periodPhrase(kind: PeriodKind, reported: number | null, year: number | null): string {
  const r = clampPeriod(reported, PERIOD_COUNT[kind]);
  const end = PERIOD_END_MONTH[kind][r - 1] ?? 12;
  return `${MONTHS[0]}–${MONTHS[end - 1]}${year ? ` ${year}` : ''}`;
}

/** "2026-11-21" → "21 november 2026" (null for anything else). */
export function sayDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : null;
}

interface Ctx {
  reported: number;
  yearOver: boolean;
}

const placeKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Event places of the reported periods, each once, in order. */
function visitedPlaces(a: Activity, ctx: Ctx): string[] {
  const out: string[] = [];
  for (const p of a.periods.slice(0, ctx.reported)) for (const e of p.events) if (e.place && !out.includes(e.place)) out.push(e.place);
  return out;
}

/** Goal places with no event there (only when the activity lists events with places). */
function missedPlaces(a: Activity, ctx: Ctx): string[] {
  if (!a.goal?.places.length) return [];
  const visited = visitedPlaces(a, ctx).map(placeKey);
  if (!visited.length) return [];
  return a.goal.places.filter((pl) => {
    const k = placeKey(pl);
    return !visited.some((v) => v === k || v.startsWith(k) || k.startsWith(v));
  });
}

/** The last reported period that holds any text. */
function lastReported(a: Activity, ctx: Ctx) {
  return a.periods.slice(0, ctx.reported).filter((p) => p.text.trim() !== '').pop();
}

/**
 * The verdict of one activity. A count decides: goal met → Klart (Delvis klart when the goal's
 * places were not visited); on track, behind or not met with something done → Delvis klart;
 * nothing done, or a "högst" goal exceeded → Inte klart; no goal but counted → Klart once the
 * year is over, Delvis klart before. A user's judgement decides over a count; without a count
 * any judgement (the importer's suggestion too) decides; else text only →
 * Delvis klart (Inte klart when the last text says not started or cancelled); nothing reported →
 * Ingen uppgift.
 */
export function activityState(a: Activity, ctx: Ctx): CitizenState {
  // A user's own judgement decides over a count too, as in the structured sheet and the report.
  if (a.judgement?.source === 'user') return JUDGED_STATE[a.judgement.value];
  if (a.total === null) {
    if (a.judgement) return JUDGED_STATE[a.judgement.value];
    if (a.status === 'no-data') return 'unknown';
    const last = lastReported(a, ctx);
    if (!last) return 'unknown';
    return last.milestone === 'not-started' || last.milestone === 'cancelled' ? 'not-done' : 'partly';
  }
  const something = a.total > 0;
  switch (countStatus(a, ctx)) {
    case 'met':
      return missedPlaces(a, ctx).length ? 'partly' : 'done';
    case 'on-track':
      return 'partly';
    case 'behind':
      return something || a.goal?.op === '<=' ? 'partly' : 'not-done';
    case 'not-met':
      return something && a.goal?.op !== '<=' ? 'partly' : 'not-done';
    case 'no-goal':
      return something ? (ctx.yearOver ? 'done' : 'partly') : 'not-done';
    default:
      return something ? 'partly' : 'not-done';
  }
}

/** The status the counts alone give (a judgement aside). */
function countStatus(a: Activity, ctx: Ctx): Activity['status'] {
  return computedStatus(statusInputOf(a, ctx.reported));
}

/** A promise's verdict from its activities': all Klart → Klart; none done at all → Inte klart; nothing known → Ingen uppgift; else Delvis klart. */
export function promiseState(states: CitizenState[]): CitizenState {
  if (!states.length || states.every((s) => s === 'unknown')) return 'unknown';
  if (states.every((s) => s === 'done')) return 'done';
  if (states.every((s) => s === 'not-done' || s === 'unknown')) return 'not-done';
  return 'partly';
}

/** The article of a singular unit, read from the goal's words ("ett medborgarforum" → "ett"). */
function articleOf(phrase: string): string {
  return /^\s*ett\b/i.test(phrase) ? 'ett' : 'en';
}

/** Particles and counters the importer may take for a unit ("fyra stycken … upp"): not a thing to name. */
const NOT_UNITS = new Set(['upp', 'in', 'ut', 'av', 'på', 'st', 'stycken', 'styck', 'gång', 'gånger', 'ggr', 'tillfällen', 'tillfälle']);

/** The unit when it names a thing (at least four letters, not a particle or a counter), else null. */
function usableUnit(unit: string | null): string | null {
  if (!unit) return null;
  const u = unit.trim();
  return u.replace(/[^\p{L}]/gu, '').length >= 4 && !NOT_UNITS.has(u.toLowerCase()) ? u : null;
}

/** "minst tio", "200", "minst en gång per vecka", "att göra det en gång". */
function goalWords(a: Activity): string {
  const g = a.goal!;
  const op = g.op === '>=' ? `${CITIZEN.atLeast} ` : g.op === '<=' ? `${CITIZEN.atMost} ` : '';
  if (g.rate) return `${op}${CITIZEN.times(sayNumber(g.value), g.value === 1)} ${CITIZEN.perRate(g.rate)}`;
  if (g.value === 1) return g.op === '=' ? CITIZEN.goalOnce : `att göra det ${op}en gång`;
  return `${op}${sayNumber(g.value)}`;
}

/** The sentences of an activity with a count: what was done, where, against which goal. */
function countSentences(a: Activity, ctx: Ctx): Span[] {
  const n = a.total as number;
  const exact = !a.totalApprox && !a.totalLowerBound;
  const out: string[] = [];
  const num = sayNumber(n, { approx: a.totalApprox, lowerBound: a.totalLowerBound });
  const g = a.goal;
  const unit = usableUnit(a.unit);
  const singularUnit = !!g && g.value === 1 && !!unit && g.unit === unit;
  if (n === 0 && exact) out.push(CITIZEN.didNone(ctx.yearOver));
  else if (n === 1 && exact) out.push(singularUnit && unit ? CITIZEN.didOne(articleOf(g!.phrase), unit) : CITIZEN.didTimes(sayNumber(1), true));
  else if (unit && !singularUnit && !g?.rate) out.push(CITIZEN.didUnits(num, unit));
  else out.push(CITIZEN.didTimes(num, false));
  const places = visitedPlaces(a, ctx);
  if (places.length) out.push(CITIZEN.places(joinList(places)));
  if (!g) out.push(CITIZEN.noGoal);
  else {
    const met = countStatus(a, ctx) === 'met';
    if (met && exact && !g.rate && !g.places.length && n === g.value) out.push(CITIZEN.goalReached);
    else out.push(g.places.length ? CITIZEN.goalWasPlaces(goalWords(a), joinList(g.places)) : CITIZEN.goalWas(goalWords(a)));
    if (!met && exact && !g.rate && g.op !== '<=' && n < g.value) out.push(CITIZEN.missing(sayNumber(g.value - n), ctx.yearOver));
    const missed = missedPlaces(a, ctx);
    if (missed.length) out.push(CITIZEN.placesMissed(joinList(missed, CITIZEN.or)));
  }
  if (a.judgement?.source === 'user') out.push(CITIZEN.judged[a.judgement.value]);
  const spans = [tool(out.join(' '))];
  const comments = a.comments.map((c) => quotable(c.text)).filter(Boolean);
  if (comments.length) spans.push(tool(` ${CITIZEN.alsoWrote}${CITIZEN.openQuote}`), quote(comments.join(' ')), tool(CITIZEN.closeQuote));
  return spans;
}

/** The sentences of an activity without a count: the judgement, else "no figure", then what the kommun wrote. */
function proseSentences(a: Activity, ctx: Ctx): Span[] {
  const texts: string[] = [];
  for (const p of a.periods.slice(0, ctx.reported)) {
    const t = quotable(p.text);
    if (t && !texts.includes(t)) texts.push(t);
  }
  for (const c of a.comments) {
    const t = quotable(c.text);
    if (t && !texts.includes(t)) texts.push(t);
  }
  const first = a.judgement ? CITIZEN.judged[a.judgement.value] : texts.length ? CITIZEN.noCount : CITIZEN.nothing;
  const spans = [tool(first)];
  if (texts.length) spans.push(tool(` ${CITIZEN.wrote}${CITIZEN.openQuote}`), quote(texts.join(' ')), tool(CITIZEN.closeQuote));
  return spans;
}

function activitySpans(a: Activity, ctx: Ctx): Span[] {
  return a.total === null ? proseSentences(a, ctx) : countSentences(a, ctx);
}

/** "Polisen och kommunen lovar att …", "Vi utlovar att …", "Kommunen kommer att …": who promises, the verb, then the promise from "att". */
const WHO_PROMISES = /^((?:[\p{L}/&-]+\s+){0,7}?)((?:ut)?lovar\s+(?:(?:vi|gemensamt|tillsammans)\s+)?|kommer\s+|ska\s+|skall\s+)?(att\s.*)$/isu;
/** Words a bare opening may hold when no verb follows ("Polisen att genomföra …"). */
const PARTY_WORD = /^(?:och|samt|&|vi|polisen|polis|kommunen|kommun|\p{Lu}[\p{L}-]*)$/u;

/** Who a promise's own opening names ("Polisen och kommunen" → both, "Eksjö kommun" → the kommun); null when it names neither. */
function whoOf(prefix: string): Exclude<CitizenPromise['party'], null> | null {
  const p = prefix.toLowerCase();
  const police = /polis/.test(p);
  const kommun = /kommun/.test(p);
  if ((police && kommun) || /(?:^|\s)(?:vi|tillsammans|gemensamt)(?:\s|$)/.test(p)) return 'joint';
  return police ? 'police' : kommun ? 'municipality' : null;
}

/** "Polisen lovade att öka …" (a promise that starts with "att", or with "X lovar att"), else "Vi lovade så här: ”…”". */
function promisedSpans(text: string, party: CitizenPromise['party']): Span[] {
  let who = party ?? 'joint';
  let t = quotable(text);
  const m = WHO_PROMISES.exec(t);
  const prefix = m ? m[1].trim() : '';
  const bare = !!m && !m[2] && prefix.split(/\s+/).every((w) => PARTY_WORD.test(w));
  if (m && (prefix === '' || (whoOf(prefix) && (m[2] || bare)))) {
    if (prefix) who = whoOf(prefix) as typeof who;
    t = m[3];
  }
  if (/^att\s/i.test(t)) return [tool(CITIZEN.promisedAtt[who]), quote(`a${t.slice(1)}`)];
  return [tool(`${CITIZEN.promisedQuote[who]}${CITIZEN.openQuote}`), quote(t), tool(CITIZEN.closeQuote)];
}

const same = (x: string, y: string) => placeKey(quotable(x)) === placeKey(quotable(y));

/** One promise as the citizen version shows it: what was promised, what each activity did, the verdict. */
interface Section {
  promised: Span[];
  items: { label: string | null; activity: Activity }[];
}

/** Promises as sections; a follow-up without promise texts (one table of commitments) gives one section per row. */
function sections(f: FollowUp): Section[] {
  const out: Section[] = [];
  for (const p of f.promises) {
    if (p.text === UNNAMED_PROMISE) {
      for (const a of p.activities) out.push({ promised: promisedSpans(a.text, a.party ?? p.party), items: [{ label: null, activity: a }] });
      continue;
    }
    const single = p.activities.length === 1 && same(p.activities[0].text, p.text);
    out.push({ promised: promisedSpans(p.text, p.party), items: p.activities.map((a) => ({ label: single ? null : quotable(a.text), activity: a })) });
  }
  return out;
}

/**
 * The citizen version of one follow-up, for the kommun to publish: a title, who "we" are and the
 * months covered ("januari–augusti 2019"), a count of promises per verdict and what the three
 * words mean, then per promise what was promised (the kommun's words, quoted), what was done
 * (plain sentences by the tool: numbers as people say them, "ungefär 20", "minst 40", "1 470";
 * judgements and the kommun's own text where there is no count) and the verdict Klart / Delvis
 * klart / Inte klart (Ingen uppgift when the follow-up says nothing of it), and who to contact if
 * the document names anyone. No codes, cell addresses or status words of the council report.
 * Pure and JSON-safe; `generatedAt` (YYYY-MM-DD or ISO time) comes from the host.
 */
export function buildCitizen(f: FollowUp, opts: { generatedAt: string }): CitizenDoc {
  const count = PERIOD_COUNT[f.periodKind];
  const reported = clampPeriod(f.reportedPeriod, count);
  const ctx: Ctx = { reported, yearOver: reported >= count };
  const title = CITIZEN.title(f.kommun, f.year);
  const period = periodPhrase(f.periodKind, f.reportedPeriod, f.year);
  const secs = sections(f);
  const verdicts: CitizenState[] = [];
  const body: CitizenBlock[] = [];

  secs.forEach((s, i) => {
    const states = s.items.map((it) => activityState(it.activity, ctx));
    const state = promiseState(states);
    verdicts.push(state);
    body.push({ type: 'heading', level: 2, text: CITIZEN.promiseHeading(i + 1) });
    body.push({ type: 'paragraph', tone: 'normal', spans: s.promised });
    if (s.items.length) {
      body.push({ type: 'paragraph', tone: 'normal', spans: [tool(CITIZEN.didHeading)] });
      const items: CitizenItem[] = s.items.map((it, j) => ({
        spans: [...(it.label ? [quote(it.label), tool(' ')] : []), ...activitySpans(it.activity, ctx)],
        state: s.items.length > 1 ? states[j] : null,
      }));
      body.push({ type: 'items', items });
    } else {
      body.push({ type: 'paragraph', tone: 'normal', spans: [tool(CITIZEN.nothingForPromise)] });
    }
    body.push({ type: 'verdict', state, text: CITIZEN_STATE_LABEL[state] });
  });

  const blocks: CitizenBlock[] = [{ type: 'heading', level: 1, text: title }];
  blocks.push({ type: 'paragraph', tone: 'lead', spans: [tool(`${CITIZEN.weAre(f.kommun)} ${CITIZEN.period(period)}`)] });
  if (!ctx.yearOver) blocks.push({ type: 'paragraph', tone: 'normal', spans: [tool(CITIZEN.yearNotOver)] });
  const order: CitizenState[] = ['done', 'partly', 'not-done', 'unknown'];
  const summary = [verdicts.length ? CITIZEN.gave(verdicts.length, sayNumber(verdicts.length)) : CITIZEN.noPromises];
  for (const st of order) {
    const n = verdicts.filter((v) => v === st).length;
    if (n) summary.push(CITIZEN.stateCount(st, n, sayNumber(n)));
  }
  blocks.push({ type: 'paragraph', tone: 'normal', spans: [tool(summary.join(' '))] });
  const legend = [...CITIZEN.legend, ...(verdicts.includes('unknown') ? [CITIZEN.legendUnknown] : [])];
  blocks.push({ type: 'paragraph', tone: 'muted', spans: [tool(legend.join(' '))] });
  blocks.push(...body);

  const contacts = findContacts(f.notes);
  blocks.push({ type: 'heading', level: 2, text: CITIZEN.contactHeading });
  if (contacts.length) {
    blocks.push({ type: 'paragraph', tone: 'normal', spans: [tool(CITIZEN.contactIntro)] });
    for (const line of contacts) {
      blocks.push({ type: 'paragraph', tone: 'normal', spans: contactParts(line).map((p) => ({ text: p.text, quoted: true, href: p.href })) });
    }
  } else blocks.push({ type: 'paragraph', tone: 'normal', spans: [tool(CITIZEN.contactNone)] });
  blocks.push({ type: 'paragraph', tone: 'muted', spans: [tool(CITIZEN.made(sayDate(opts.generatedAt)))] });

  return CitizenDocSchema.parse({ title, lang: 'sv', kommun: f.kommun, period, generatedAt: opts.generatedAt, verdicts, contacts, blocks });
}

/**
 * The document as paragraphs of spans, in reading order: headings, paragraphs, each activity, and
 * each verdict ("Så gick det: Klart."). What readability checks and plain-text exports read.
 */
export function citizenParagraphs(doc: CitizenDoc): Span[][] {
  const out: Span[][] = [];
  for (const b of doc.blocks) {
    if (b.type === 'heading') out.push([tool(b.text)]);
    else if (b.type === 'paragraph') out.push(b.spans);
    else if (b.type === 'items') for (const it of b.items) out.push(it.state ? [...it.spans, tool(` ${CITIZEN_STATE_LABEL[it.state]}.`)] : it.spans);
    else out.push([tool(`${CITIZEN.outcome} ${b.text}.`)]);
  }
  return out;
}
