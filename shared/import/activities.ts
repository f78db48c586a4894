// Activity phase: one source table row → an activity with its goal, party and period cells read.
import { goalTarget } from '../calc/status';
import { FINDING } from '../i18n/sv-findings';
import { PARTY_LABEL } from '../i18n/sv';
import type { Activity, Finding, Goal, Judgement, Note, Party, Period } from '../model/follow-up';
import { UNCOMPUTED } from '../model/uncomputed';
import { MILESTONE_JUDGEMENT } from '../lexicon/sv-judgements';
import { parseCell, type ParsedCell } from '../parse/cell';
import { milestoneHit } from '../parse/counts/milestones';
import { goalForActivity, parseGoalCell, parseGoals } from '../parse/goal';
import { lower, squash } from '../parse/text';
import type { PromiseDraft } from './promises';
import { partyOf, type RawActivityRow } from './structure';

/** An activity before ids, duplicates, running totals and status, with what its cells said. */
export interface ActivityDraft {
  promiseKey: number;
  row: RawActivityRow;
  activity: Activity;
  parsed: ParsedCell[];
}

/** Where an activity phase puts what it finds besides the activity. */
export interface ActivitySinks {
  findings: Finding[];
  notes: Note[];
  year: number | null;
}

/** The activity's goal: its Mål cell, else its own text, else the promise's goal whose unit names it. */
function goalOf(row: RawActivityRow, text: string, promise: PromiseDraft): Goal | null {
  let goal: Goal | null = row.goal ? parseGoalCell(row.goal.text) : null;
  if (!goal) goal = parseGoals(text)[0] ?? null;
  if (!goal && promise.goals.length) {
    const match = goalForActivity(promise.goals, text);
    if (match) goal = { ...match, source: 'promise' };
  }
  return goal;
}

/** "Områdespolisen skall fortsätta …" → "fortsätta …": the actor is not what the activity counts. */
const ACTOR = /^[\p{L}\s/-]{2,60}?\s(?:ska|skall|kommer att|lovar att|lovar|åtar sig att)\s/iu;

function withoutActor(text: string): string {
  const m = ACTOR.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** Reads one table row into an activity draft (see DOMAIN.md for the cell rules). */
export function buildActivity(row: RawActivityRow, promiseKey: number, promise: PromiseDraft, sinks: ActivitySinks): ActivityDraft {
  const text = row.activity ? row.activity.text : '';
  if (!row.activity) {
    const firstCell = row.periods.find(Boolean) ?? row.goal ?? row.extra[0];
    if (firstCell) sinks.findings.push({ severity: 'warning', code: 'activity-without-name', cell: firstCell.cell, message: FINDING.activityNoName(firstCell.cell) });
  }
  const goal = goalOf(row, text, promise);
  const activityNouns = (withoutActor(text).match(/[\p{L}-]{4,}/gu) ?? []).slice(0, 12);
  const ctx = { unit: goal?.unit ?? null, activityNouns, year: sinks.year, goalValue: goal ? goalTarget(goal) : null };
  const parsed = row.periods.map((p) => parseCell(p?.text ?? '', ctx));
  const party = (row.party ? partyOf(`${row.party.text} `) ?? partyFromWord(row.party.text) : null) ?? partyOf(text) ?? promise.party;
  // The Ansvarig cell verbatim, unless the party label written for it says the same ("Polis" → Polisen).
  const ownComments: Note[] = row.party && !(party && lower(PARTY_LABEL[party]).includes(lower(squash(row.party.text)))) ? [{ cell: row.party.cell, text: row.party.text }] : [];
  // A Mål cell that gives no goal (prose, an error value) is kept as the activity's comment.
  if (row.goal && !parseGoalCell(row.goal.text)) ownComments.push({ cell: row.goal.cell, text: row.goal.text });
  const periods: Period[] = parsed.map((pc, i) => ({
    value: pc.value,
    cumulative: null,
    statedCumulative: pc.statedCumulative,
    approx: pc.approx,
    lowerBound: pc.lowerBound,
    kind: pc.kind,
    milestone: pc.milestone,
    events: pc.events,
    text: row.periods[i]?.text ?? '',
    cell: row.periods[i]?.cell ?? row.periodRefs[i] ?? null,
  }));
  const unit = goal?.unit ?? parsed.find((p) => p.noun && p.kind !== 'other-unit')?.noun ?? null;
  const activity: Activity = {
    id: '',
    text,
    party,
    cell: row.activity?.cell ?? null,
    goal,
    unit,
    periods,
    comments: [...[...row.comments, ...row.extra].map((c): Note => ({ cell: c.cell, text: c.text })), ...ownComments],
    sourceStatus: row.status ? { cell: row.status.cell, text: row.status.text } : null,
    judgement: judgementFromCells(parsed, periods, goal),
    ...UNCOMPUTED,
  };
  return { promiseKey, row, activity, parsed };
}

/**
 * A judgement suggested by the text: the latest period's judgement in words ("kan anses vara
 * uppfyllt"); for an action without a numeric goal and without counts, also its latest
 * milestone ("Ja, detta har genomförts" → Genomförd).
 */
function judgementFromCells(parsed: ParsedCell[], periods: Period[], goal: Goal | null): Judgement | null {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const j = parsed[i].judgement;
    if (j) return { value: j.value, phrase: j.phrase, cell: periods[i].cell, source: 'text' };
  }
  if (goal || periods.some((p) => p.value !== null)) return null;
  for (let i = periods.length - 1; i >= 0; i--) {
    if (!periods[i].text.trim()) continue;
    const hit = milestoneHit(periods[i].text);
    return hit ? { value: MILESTONE_JUDGEMENT[hit.value], phrase: hit.phrase, cell: periods[i].cell, source: 'text' } : null;
  }
  return null;
}

/** The party of an Ansvarig cell written as one word ("Polis", "K", "Båda"). */
export function partyFromWord(t: string): Party {
  const w = squash(lower(t));
  if (/^(?:polis|polisen|p)$/.test(w)) return 'police';
  if (/^(?:kommun|kommunen|k)$/.test(w)) return 'municipality';
  if (/^(?:båda|gemensamt|gemensam|polis och kommun|kommun och polis|polisen och kommunen|p\/k|k\/p)$/.test(w)) return 'joint';
  return null;
}
