// ReportDoc: a JSON-safe, zod-validated description of the follow-up report that the HTML and .docx renderers draw.
import { z } from 'zod';
import { StatusSchema } from '../model/follow-up';

/** One table cell; `status` colours it (the word is always in `text` too), `muted` greys data after the reported period. */
export const ReportCellSchema = z.object({
  text: z.string(),
  status: StatusSchema.nullable().default(null),
  bold: z.boolean().default(false),
  muted: z.boolean().default(false),
});
export type ReportCell = z.infer<typeof ReportCellSchema>;

/** One bar of the chart: share of goal (1 = met), with the text shown next to it. */
export const ReportBarSchema = z.object({
  label: z.string(),
  share: z.number().min(0),
  status: StatusSchema,
  text: z.string(),
});
export type ReportBar = z.infer<typeof ReportBarSchema>;

export const ReportBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), tone: z.enum(['normal', 'lead', 'muted']).default('normal') }),
  z.object({
    type: z.literal('table'),
    header: z.array(z.string()),
    rows: z.array(z.array(ReportCellSchema)),
    /** Relative column widths (any unit; renderers normalise). */
    widths: z.array(z.number().positive()),
  }),
  z.object({
    type: z.literal('chart'),
    title: z.string(),
    bars: z.array(ReportBarSchema),
    /** The same chart as a standalone SVG built in the core (escaped labels). */
    svg: z.string(),
  }),
]);
export type ReportBlock = z.infer<typeof ReportBlockSchema>;

export const ReportDocSchema = z.object({
  title: z.string(),
  lang: z.literal('sv').default('sv'),
  generatedAt: z.string(),
  blocks: z.array(ReportBlockSchema),
});
export type ReportDoc = z.infer<typeof ReportDocSchema>;
