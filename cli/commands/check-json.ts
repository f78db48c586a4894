// The documented JSON shape of `check --json` (a zod schema, exported as JSON Schema into docs/).
import { z } from 'zod';
import { FindingSchema, GoalOpSchema, PartySchema, StatusSchema, type FollowUp } from '../../shared/model/follow-up';

export const CheckJsonSchema = z.object({
  kommun: z.string().nullable(),
  year: z.number().nullable(),
  reportedPeriod: z.number().nullable(),
  statedPeriod: z.number().nullable(),
  periodLabels: z.array(z.string()),
  promises: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      party: PartySchema,
      activities: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          party: PartySchema,
          cell: z.string().nullable(),
          goal: z.object({ op: GoalOpSchema, value: z.number(), unit: z.string().nullable(), places: z.array(z.string()), rate: z.string().nullable(), source: z.string() }).nullable(),
          periods: z.array(
            z.object({
              value: z.number().nullable(),
              cumulative: z.number().nullable(),
              approx: z.boolean(),
              lowerBound: z.boolean(),
              kind: z.string(),
              events: z.array(z.object({ date: z.string().nullable(), place: z.string().nullable() })),
              text: z.string(),
              cell: z.string().nullable(),
            }),
          ),
          total: z.number().nullable(),
          share: z.number().nullable(),
          status: StatusSchema,
        }),
      ),
    }),
  ),
  findings: z.array(FindingSchema),
});
export type CheckJson = z.infer<typeof CheckJsonSchema>;

/** Projects a FollowUp onto the documented `check --json` shape. */
export function toCheckJson(f: FollowUp): CheckJson {
  return CheckJsonSchema.parse({
    ...f,
    promises: f.promises.map((p) => ({
      ...p,
      activities: p.activities.map((a) => ({ ...a, goal: a.goal ? { op: a.goal.op, value: a.goal.value, unit: a.goal.unit, places: a.goal.places, rate: a.goal.rate, source: a.goal.source } : null })),
    })),
  });
}

/** The JSON Schema document of `check --json` (committed as docs/check-output.schema.json). */
export function checkJsonSchemaDocument(): Record<string, unknown> {
  return { title: 'Medborgarlöften: check --json', ...z.toJSONSchema(CheckJsonSchema) };
}
