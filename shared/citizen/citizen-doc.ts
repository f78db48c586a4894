// CitizenDoc: a JSON-safe, zod-validated description of the plain-language version that the HTML, .docx and Google Doc renderers draw.
import { z } from 'zod';

export const CitizenStateSchema = z.enum(['done', 'partly', 'not-done', 'unknown']);

/** A run of text: the tool's own words, or the kommun's words quoted verbatim (`quoted`); `href` makes it a mailto:/tel: link. */
export const SpanSchema = z.object({
  text: z.string(),
  quoted: z.boolean().default(false),
  href: z.string().nullable().default(null),
});
export type Span = z.infer<typeof SpanSchema>;

/** One activity of a promise: what was done, in sentences; `state` is shown when the promise has several activities. */
export const CitizenItemSchema = z.object({ spans: z.array(SpanSchema), state: CitizenStateSchema.nullable().default(null) });
export type CitizenItem = z.infer<typeof CitizenItemSchema>;

export const CitizenBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: z.string() }),
  z.object({ type: z.literal('paragraph'), spans: z.array(SpanSchema), tone: z.enum(['lead', 'normal', 'muted']).default('normal') }),
  z.object({ type: z.literal('items'), items: z.array(CitizenItemSchema) }),
  /** "Så gick det: Klart": the verdict of one promise, as words (colour is only added). */
  z.object({ type: z.literal('verdict'), state: CitizenStateSchema, text: z.string() }),
]);
export type CitizenBlock = z.infer<typeof CitizenBlockSchema>;

export const CitizenDocSchema = z.object({
  title: z.string(),
  lang: z.literal('sv').default('sv'),
  kommun: z.string().nullable(),
  /** "januari–augusti 2019". */
  period: z.string().nullable(),
  generatedAt: z.string(),
  /** The verdict of each promise, in order (also in the blocks). */
  verdicts: z.array(CitizenStateSchema),
  /** The contact lines the document names (empty when it names no one). */
  contacts: z.array(z.string()),
  blocks: z.array(CitizenBlockSchema),
});
export type CitizenDoc = z.infer<typeof CitizenDocSchema>;
