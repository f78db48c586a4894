// SheetPlan schemas (zod): the JSON-safe description of a generated sheet, validated where plans cross a boundary.
import { z } from 'zod';

/**
 * A cell in a plan. A plain string is ALWAYS literal text (adapters must keep text that starts
 * with =, +, - or @ as text); a formula is `{ f: "=SUM(H7:J7)" }` in the invariant English
 * dialect with comma separators.
 */
export const PlanCellSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.object({ f: z.string().startsWith('=') }),
]);
export type PlanCell = z.infer<typeof PlanCellSchema>;

/** Colours are "#RRGGBB". */
const Colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/);

/** A named cell style; blocks refer to styles by name so attributes stay 2D and batchable. */
export const StyleSchema = z.object({
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  fontSize: z.number().optional(),
  fontColor: Colour.optional(),
  fill: Colour.optional(),
  wrap: z.boolean().optional(),
  hAlign: z.enum(['left', 'center', 'right']).optional(),
  vAlign: z.enum(['top', 'middle', 'bottom']).optional(),
  /** Thin bottom border (table headers). */
  borderBottom: z.boolean().optional(),
});
export type Style = z.infer<typeof StyleSchema>;

/**
 * A rectangular block anchored at zero-based (row, col). Optional attribute arrays have the
 * same shape as `values`; null means "leave default".
 */
export const BlockSchema = z.object({
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  values: z.array(z.array(PlanCellSchema)),
  numberFormats: z.array(z.array(z.string().nullable())).optional(),
  styles: z.array(z.array(z.string().nullable())).optional(),
});
export type Block = z.infer<typeof BlockSchema>;

/** Conditional format: colour cells of `range` whose text equals `text`, or where `formula` holds (relative to the range's top-left cell). */
export const ConditionalFormatSchema = z.object({
  range: z.string(),
  when: z.discriminatedUnion('type', [
    z.object({ type: z.literal('textEquals'), text: z.string() }),
    z.object({ type: z.literal('formula'), formula: z.string().startsWith('=') }),
  ]),
  style: z.object({ fill: Colour.optional(), fontColor: Colour.optional(), bold: z.boolean().optional() }),
});
export type ConditionalFormat = z.infer<typeof ConditionalFormatSchema>;

/** Data validation on a range. */
export const ValidationSchema = z.object({
  range: z.string(),
  rule: z.discriminatedUnion('type', [
    z.object({ type: z.literal('list'), values: z.array(z.string()).min(1) }),
    z.object({ type: z.literal('wholeNumber'), min: z.number().optional(), max: z.number().optional() }),
    z.object({ type: z.literal('decimal'), min: z.number().optional(), max: z.number().optional() }),
  ]),
  allowBlank: z.boolean().default(true),
  inputTitle: z.string().optional(),
  inputMessage: z.string().optional(),
  errorMessage: z.string().optional(),
});
export type Validation = z.infer<typeof ValidationSchema>;

/** A note (comment) on a cell. */
export const PlanNoteSchema = z.object({ cell: z.string(), text: z.string() });
export type PlanNote = z.infer<typeof PlanNoteSchema>;

/** A link from a cell to a cell of another (or the same) sheet; `text` is what the cell shows. */
export const LinkSchema = z.object({ cell: z.string(), text: z.string(), sheet: z.string(), target: z.string() });
export type PlanLink = z.infer<typeof LinkSchema>;

/**
 * A chart meant by the plan. Office.js and Apps Script draw it natively; the ExcelJS (file)
 * adapter cannot write charts; the summary plan also carries in-cell REPT bars as formulas.
 */
export const ChartSchema = z.object({
  type: z.enum(['bar', 'column']),
  title: z.string(),
  /** Category labels, e.g. "B20:B27" on this sheet. */
  categories: z.string(),
  series: z.array(z.object({ name: z.string(), values: z.string() })).min(1),
  /** Top-left cell where the chart goes, and its size in cells. */
  anchor: z.string(),
  widthCols: z.number().int().positive().default(8),
  heightRows: z.number().int().positive().default(15),
});
export type Chart = z.infer<typeof ChartSchema>;

export const SheetKindSchema = z.enum(['structured', 'events', 'findings', 'summary']);
export type SheetKind = z.infer<typeof SheetKindSchema>;

export const SheetPlanSchema = z.object({
  name: z.string().min(1).max(31),
  kind: SheetKindSchema,
  blocks: z.array(BlockSchema),
  styles: z.record(z.string(), StyleSchema).default({}),
  /** Column widths in characters, by zero-based column; null keeps the default. */
  columnWidths: z.array(z.number().nullable()).default([]),
  frozenRows: z.number().int().min(0).default(0),
  frozenColumns: z.number().int().min(0).default(0),
  merges: z.array(z.string()).default([]),
  conditionalFormats: z.array(ConditionalFormatSchema).default([]),
  validations: z.array(ValidationSchema).default([]),
  notes: z.array(PlanNoteSchema).default([]),
  links: z.array(LinkSchema).default([]),
  chart: ChartSchema.nullable().default(null),
  tabColor: Colour.nullable().default(null),
});
export type SheetPlan = z.infer<typeof SheetPlanSchema>;

/** What plan builders write: a SheetPlan whose defaulted fields may be left out. */
export type SheetPlanInput = z.input<typeof SheetPlanSchema>;

/** All sheets one action writes, in order. */
export const WorkbookPlanSchema = z.object({ sheets: z.array(SheetPlanSchema) });
export type WorkbookPlan = z.infer<typeof WorkbookPlanSchema>;
