// Flattens a SheetPlan's blocks into one 2D array of plan cells (what a host ends up holding).
import type { PlanCell, SheetPlan } from '../model/sheet-plan';

/**
 * The sheet content a plan describes, as a dense 2D array from A1 to the last written cell.
 * Cells no block writes are null. Used by adapters' contract tests and by formula evaluation.
 */
export function planToGrid(plan: SheetPlan): PlanCell[][] {
  let rows = 0;
  let cols = 0;
  for (const b of plan.blocks) {
    rows = Math.max(rows, b.row + b.values.length);
    cols = Math.max(cols, b.col + Math.max(0, ...b.values.map((r) => r.length)));
  }
  const out: PlanCell[][] = Array.from({ length: rows }, () => Array<PlanCell>(cols).fill(null));
  for (const b of plan.blocks) {
    b.values.forEach((r, i) => r.forEach((v, j) => { out[b.row + i][b.col + j] = v; }));
  }
  return out;
}
