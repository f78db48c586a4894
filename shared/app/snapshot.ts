// Snapshots of sheets a run replaces, and the undo record that restores them ("Ångra senaste körning").
import type { CellValue, Grid } from '../model/grid';
import { SheetPlanSchema } from '../model/sheet-plan-schema';
import { type PlanCell, type SheetKind, type SheetPlan } from '../model/sheet-plan';
import { generatedKind } from './generated-sheets';

/** A sheet as a host read it back: values, and where it has them, formulas and number formats of the same shape. */
export interface SheetReadBack extends Grid {
  /** Formulas as the host reports them ("=SUM(H7:J7)" for formula cells, the value otherwise). */
  formulas?: CellValue[][];
  /** Number format codes ("General", "0", "@"). */
  numberFormats?: (string | null)[][];
}

/** What "Ångra senaste körning" needs: sheets to delete (created by the run) and plans that restore replaced ones. */
export interface UndoRecord {
  /** Swedish name of the action that made the record ("Skapa strukturerat blad"). */
  action: string;
  /** ISO time of the run. */
  at: string;
  /** Sheets the run created; undo deletes them. */
  created: string[];
  /** Sheets the run replaced, as plans that write back their content; undo applies them. */
  restore: SheetPlan[];
}

/** True when a cell is a formula in a read-back: formula text that differs from the value shown. */
function isFormulaCell(value: CellValue | undefined, formula: CellValue | undefined): formula is string {
  return typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 && value !== formula;
}

/**
 * Turns a read-back sheet into a SheetPlan that writes the same cells again: formulas as
 * `{ f }`, everything else as its value (text stays text, even "=1+1" typed as text), number
 * formats other than "General" kept. Formatting, rules and notes are not restored.
 */
export function snapshotPlan(name: string, grid: SheetReadBack): SheetPlan {
  const rows = grid.values.length;
  const values: PlanCell[][] = [];
  const numberFormats: (string | null)[][] = [];
  let anyFormat = false;
  for (let r = 0; r < rows; r++) {
    const vr = grid.values[r] ?? [];
    const fr = grid.formulas?.[r] ?? [];
    const nr = grid.numberFormats?.[r] ?? [];
    const outV: PlanCell[] = new Array(vr.length);
    const outN: (string | null)[] = new Array(vr.length);
    for (let c = 0; c < vr.length; c++) {
      const v = vr[c];
      const f = fr[c];
      outV[c] = isFormulaCell(v, f) ? { f } : v === '' || v === undefined ? null : v;
      const nf = nr[c];
      outN[c] = nf && nf !== 'General' ? nf : null;
      if (outN[c]) anyFormat = true;
    }
    values.push(outV);
    numberFormats.push(outN);
  }
  // The roll-up's sheets are planned as summary sheets (a table, a chart): restored as one.
  const generated = generatedKind(name);
  const kind: SheetKind = generated === 'rollup' ? 'summary' : generated ?? 'structured';
  return SheetPlanSchema.parse({
    name,
    kind,
    blocks: rows ? [{ row: grid.origin?.row ?? 0, col: grid.origin?.col ?? 0, values, ...(anyFormat ? { numberFormats } : {}) }] : [],
  });
}

/**
 * The undo record for a run that writes the sheets named in `existing`: a null entry means the
 * sheet did not exist (undo deletes it); a read-back means it is replaced (undo writes it back).
 */
export function undoRecordOf(action: string, existing: Record<string, SheetReadBack | null>, at: Date | string = new Date()): UndoRecord {
  const created: string[] = [];
  const restore: SheetPlan[] = [];
  for (const [name, rb] of Object.entries(existing)) {
    if (rb === null) created.push(name);
    else restore.push(snapshotPlan(name, rb));
  }
  return { action, at: typeof at === 'string' ? at : at.toISOString(), created, restore };
}
