// The FollowUp model: what the importer produces and every plan/report consumes (zod-validated).
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A problem found in the source or in the data, with the cell it concerns (A1) and a Swedish message. */
export const FindingSchema = z.object({
  severity: SeveritySchema,
  code: z.string(),
  cell: z.string().nullable(),
  message: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Who is responsible: police, municipality, both, or not stated. */
export const PartySchema = z.enum(['police', 'municipality', 'joint']).nullable();
export type Party = z.infer<typeof PartySchema>;

export const GoalOpSchema = z.enum(['>=', '<=', '=']);
export type GoalOp = z.infer<typeof GoalOpSchema>;

/** A numeric goal read from activity or promise text. */
export const GoalSchema = z.object({
  op: GoalOpSchema,
  value: z.number(),
  unit: z.string().nullable(),
  places: z.array(z.string()),
  /** Set when the goal is a rate ("minst en ... per vecka"): value is per this period. */
  rate: z.string().nullable().default(null),
  /** Where the goal was read: the activity's own text or its promise's. */
  source: z.enum(['activity', 'promise', 'user']).default('activity'),
  /** The words the goal was read from. */
  phrase: z.string().default(''),
});
export type Goal = z.infer<typeof GoalSchema>;

export const EventSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  place: z.string().nullable(),
});
export type FollowUpEvent = z.infer<typeof EventSchema>;

/** How a period cell was understood. */
export const CellKindSchema = z.enum([
  'empty', // nothing reported
  'count', // a count for this period
  'cumulative', // a running total only (the period's value is derived)
  'events', // an event list (place + date); value = number of events
  'milestone', // "Genomfört", "klart", "pågår" … without a count
  'other-unit', // a count of something else than the activity's unit
  'comment', // prose without a count
]);
export type CellKind = z.infer<typeof CellKindSchema>;

export const MilestoneSchema = z.enum(['done', 'in-progress', 'not-started', 'cancelled']).nullable();
export type Milestone = z.infer<typeof MilestoneSchema>;

/** One period column of one activity. */
export const PeriodSchema = z.object({
  /** This period's count (derived from a running total when only that was reported). */
  value: z.number().nullable(),
  /** Running total up to and including this period (stated or recomputed). */
  cumulative: z.number().nullable(),
  /** Running total as written in the source, if any ("479 (1019)" → 1019). */
  statedCumulative: z.number().nullable().default(null),
  approx: z.boolean(),
  /** The value is a lower bound ("minst 40"). */
  lowerBound: z.boolean().default(false),
  kind: CellKindSchema.default('empty'),
  milestone: MilestoneSchema.default(null),
  events: z.array(EventSchema),
  /** The cell's text, verbatim (continuation rows joined with a newline). */
  text: z.string(),
  /** A1 address of the source cell (null when not from a sheet). */
  cell: z.string().nullable(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const StatusSchema = z.enum(['met', 'on-track', 'behind', 'not-met', 'no-goal', 'no-data', 'manual']);
export type Status = z.infer<typeof StatusSchema>;

/** A non-empty source cell that is neither promise nor table content (titles, prose, notes). */
export const NoteSchema = z.object({ cell: z.string().nullable(), text: z.string() });
export type Note = z.infer<typeof NoteSchema>;

/**
 * A judgement of an activity in words instead of a count: for goals met / partly-met / not-met,
 * for actions done / in-progress / not-started / cancelled.
 */
export const JudgementValueSchema = z.enum(['met', 'partly-met', 'not-met', 'done', 'in-progress', 'not-started', 'cancelled']);
export type JudgementValue = z.infer<typeof JudgementValueSchema>;

/** A judgement with where it came from: read from the source text (a suggestion) or set by a user. */
export const JudgementSchema = z.object({
  value: JudgementValueSchema,
  /** The words that settle it ("kan anses vara uppfyllt"), kept as the reason. */
  phrase: z.string(),
  cell: z.string().nullable(),
  source: z.enum(['text', 'user']),
});
export type Judgement = z.infer<typeof JudgementSchema>;

export const ActivitySchema = z.object({
  id: z.string(),
  text: z.string(),
  party: PartySchema,
  cell: z.string().nullable().default(null),
  goal: GoalSchema.nullable(),
  /** The unit counted ("riktade insatser", "tillsyner"); from the goal or the cells. */
  unit: z.string().nullable().default(null),
  periods: z.array(PeriodSchema),
  /** Comments the source carried for this activity (comment columns, unread cells of its row), verbatim. */
  comments: z.array(NoteSchema).default([]),
  /** The source's own status cell for the activity ("Genomförd", "Delvis"), kept verbatim. */
  sourceStatus: NoteSchema.nullable().default(null),
  /** A judgement in words, used for the status where there is no count. */
  judgement: JudgementSchema.nullable().default(null),
  total: z.number().nullable(),
  totalApprox: z.boolean().default(false),
  totalLowerBound: z.boolean().default(false),
  /** total / goal value (null without a numeric goal or total). */
  share: z.number().nullable().default(null),
  /** Expected total by the reported period: goal × reported / number of periods. */
  expected: z.number().nullable().default(null),
  status: StatusSchema,
});
export type Activity = z.infer<typeof ActivitySchema>;

export const PromiseSchema = z.object({
  id: z.string(),
  text: z.string(),
  party: PartySchema,
  cell: z.string().nullable().default(null),
  activities: z.array(ActivitySchema),
});
export type CitizenPromise = z.infer<typeof PromiseSchema>;

export const PeriodKindSchema = z.enum(['tertial', 'quarter', 'half', 'year']);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;

export const FollowUpSchema = z.object({
  kommun: z.string().nullable(),
  year: z.number().int().nullable(),
  /** The period the follow-up reports (1-based); after reconciliation with the data. */
  reportedPeriod: z.number().int().nullable(),
  /** The period the document says it reports, if it says. */
  statedPeriod: z.number().int().nullable().default(null),
  periodKind: PeriodKindSchema.default('tertial'),
  periodLabels: z.array(z.string()),
  title: z.string().nullable().default(null),
  sheetName: z.string().nullable().default(null),
  promises: z.array(PromiseSchema),
  notes: z.array(NoteSchema).default([]),
  /** The source tables: where their header row is, its texts, and the title above, if any. */
  tables: z.array(z.object({ cell: z.string(), title: z.string().nullable(), headers: z.array(z.string()) })).default([]),
  findings: z.array(FindingSchema),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export { UNCOMPUTED } from './uncomputed';
