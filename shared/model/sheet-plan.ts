// SheetPlan: a JSON-safe description of one generated sheet that every host adapter applies in one batch (zod-free: the schemas are in sheet-plan-schema.ts).
import type { SheetPlan, SheetPlanInput } from './sheet-plan-schema';

export type { PlanCell, Style, Block, ConditionalFormat, Validation, PlanNote, PlanLink, Chart, SheetKind, SheetPlan, SheetPlanInput, WorkbookPlan } from './sheet-plan-schema';

/**
 * Completes a plan built by the core with the schema's defaults, without re-validating every
 * cell (that costs as much as building the plan). Plans from outside the core (JSON from a
 * sidebar, a stored snapshot) go through `SheetPlanSchema.parse` instead; tests assert that
 * every builder's output parses to itself.
 */
export function sheetPlan(p: SheetPlanInput): SheetPlan {
  return {
    name: p.name,
    kind: p.kind,
    blocks: p.blocks as SheetPlan['blocks'],
    styles: (p.styles ?? {}) as SheetPlan['styles'],
    columnWidths: p.columnWidths ?? [],
    frozenRows: p.frozenRows ?? 0,
    frozenColumns: p.frozenColumns ?? 0,
    merges: p.merges ?? [],
    conditionalFormats: (p.conditionalFormats ?? []) as SheetPlan['conditionalFormats'],
    validations: (p.validations ?? []).map((v) => ({ ...v, allowBlank: v.allowBlank ?? true })) as SheetPlan['validations'],
    notes: p.notes ?? [],
    links: p.links ?? [],
    chart: p.chart ? { ...p.chart, widthCols: p.chart.widthCols ?? 8, heightRows: p.chart.heightRows ?? 15 } : null,
    tabColor: p.tabColor ?? null,
  };
}

/** True when a plain string would be taken for a formula by a spreadsheet host. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
