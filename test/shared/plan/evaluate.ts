// Test helper: evaluates SheetPlans with HyperFormula (GPL-3.0 test oracle only) and hands back host-like grids.
import { HyperFormula } from 'hyperformula';
import type { Grid } from '../../../shared/model/grid';
import type { PlanCell, SheetPlan } from '../../../shared/model/sheet-plan';
import { planToGrid } from '../../../shared/plan/plan-to-grid';

type HfCell = string | number | boolean | null;

/** A plan cell as HyperFormula input: formulas as "=…", text forced to text with a leading apostrophe. */
function toHf(c: PlanCell): HfCell {
  if (c === null || typeof c === 'number' || typeof c === 'boolean') return c;
  if (typeof c === 'string') return `'${c}`;
  return c.f;
}

export interface Workbook {
  hf: HyperFormula;
  plans: SheetPlan[];
  sheetId(name: string): number;
  /** Computed value of a cell (zero-based row/col). */
  value(sheet: string, row: number, col: number): HfCell;
  /** Writes a raw value (number, text or formula) into a cell, as a user would. */
  set(sheet: string, row: number, col: number, v: HfCell): void;
  /** The sheet as a host reads it back: formulas replaced by their values, literal cells as written. */
  grid(sheet: string): Grid;
}

/** Loads plans into one HyperFormula workbook (formulas evaluated across sheets). */
export function evaluatePlans(plans: SheetPlan[]): Workbook {
  const sheets: Record<string, HfCell[][]> = {};
  for (const p of plans) sheets[p.name] = planToGrid(p).map((r) => r.map(toHf));
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  const sheetId = (name: string) => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  const value = (sheet: string, row: number, col: number): HfCell => {
    const v = hf.getCellValue({ sheet: sheetId(sheet), row, col });
    if (v !== null && typeof v === 'object') return `#ERROR ${(v as { type?: string }).type ?? ''} ${(v as { message?: string }).message ?? ''}`;
    return v as HfCell;
  };
  return {
    hf,
    plans,
    sheetId,
    value,
    set(sheet, row, col, v) {
      hf.setCellContents({ sheet: sheetId(sheet), row, col }, [[v]]);
    },
    grid(sheet) {
      const id = sheetId(sheet);
      const dims = hf.getSheetDimensions(id);
      const values: Grid['values'] = [];
      for (let r = 0; r < dims.height; r++) {
        const row: Grid['values'][number] = [];
        for (let c = 0; c < dims.width; c++) {
          const v = hf.getCellValue({ sheet: id, row: r, col: c });
          row.push(v !== null && typeof v === 'object' ? '#VALUE!' : (v as HfCell));
        }
        values.push(row);
      }
      while (values.length && values[values.length - 1].every((v) => v === null || v === '')) values.pop();
      return { sheetName: sheet, origin: { row: 0, col: 0 }, values };
    },
  };
}

/**
 * The sheet as a host reads it back, with display texts for cells whose number format adds a
 * prefix ("ca 20", "minst 40"), as Excel's `range.text` / Sheets' `getDisplayValues` would give.
 */
export function hostGrid(wb: Workbook, plan: SheetPlan): Grid {
  const g = wb.grid(plan.name);
  const texts: string[][] = g.values.map((r) => r.map(() => ''));
  for (const b of plan.blocks) {
    b.numberFormats?.forEach((r, i) =>
      r.forEach((fmt, j) => {
        const m = fmt ? /^"([^"]*)"/.exec(fmt) : null;
        const v = g.values[b.row + i]?.[b.col + j];
        if (m && typeof v === 'number') texts[b.row + i][b.col + j] = `${m[1]}${v}`;
      }),
    );
  }
  return { ...g, texts };
}
