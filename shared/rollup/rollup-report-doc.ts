// RollupReportDoc: the region's report as JSON-safe blocks: the follow-up report's blocks plus a chart of status per kommun.
import { z } from 'zod';
import { ReportBlockSchema } from '../report/report-doc';

/** One kommun's bar of the status chart: how many of its activities have each status. */
export const StatusRowSchema = z.object({
  label: z.string(),
  counts: z.object({
    met: z.number().int().min(0),
    'on-track': z.number().int().min(0),
    behind: z.number().int().min(0),
    'not-met': z.number().int().min(0),
    'no-goal': z.number().int().min(0),
    'no-data': z.number().int().min(0),
    manual: z.number().int().min(0),
  }),
});
export type StatusRow = z.infer<typeof StatusRowSchema>;

/** A chart of status per kommun (a stacked bar each); renderers draw it and give the same numbers as a table. */
export const StatusChartBlockSchema = z.object({ type: z.literal('status-chart'), title: z.string(), rows: z.array(StatusRowSchema) });
export type StatusChartBlock = z.infer<typeof StatusChartBlockSchema>;

export const RollupBlockSchema = z.union([ReportBlockSchema, StatusChartBlockSchema]);
export type RollupBlock = z.infer<typeof RollupBlockSchema>;

export const RollupReportDocSchema = z.object({
  title: z.string(),
  lang: z.literal('sv').default('sv'),
  generatedAt: z.string(),
  blocks: z.array(RollupBlockSchema),
});
export type RollupReportDoc = z.infer<typeof RollupReportDocSchema>;
