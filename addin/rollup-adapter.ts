// Excel reads of the roll-up across kommuner (in the lazily loaded "rollup" chunk): a probe of every sheet's corner and used range in one sync, then the sheets it needs in as few syncs as the response limit allows.
import { cleanValue as toCellValue, type Grid } from '../shared/model/grid';
import type { ExcelHost, SheetsState, UsedBox } from './excel-adapter';
import type * as Adapter from './excel-adapter';

/** What a probe learnt of one sheet: its top-left corner (for telling a structured sheet from others) and its used range. */
export interface SheetProbe {
  /** The probed corner as a Grid (values only), origin A1. */
  corner: Grid;
  /** Cells of the used range (rows × columns), 0 for an empty sheet: what reading it whole costs. */
  cells: number;
  /** The used range's position and size, null for an empty sheet: what the read is sized by. */
  used: UsedBox | null;
}

/**
 * Probes the named sheets in ONE sync: the values of `corner` (an A1 range such as "A1:C60") and
 * the used range of each, without reading any sheet whole. The roll-up tells the kommuner's
 * structured sheets from every other sheet this way, and sizes its reads by it.
 */
export async function probeSheets(host: ExcelHost, names: string[], corner: string): Promise<Record<string, SheetProbe>> {
  return host.run(async (context) => {
    const probes = names.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      const top = ws.getRange(corner);
      top.load('values');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      return { name, top, used };
    });
    await context.sync();
    const out: Record<string, SheetProbe> = {};
    for (const { name, top, used } of probes) {
      const values = (top.values as unknown[][]).map((r) => r.map(toCellValue));
      const box = used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      out[name] = { corner: { sheetName: name, origin: { row: 0, col: 0 }, values }, cells: box ? box.rows * box.cols : 0, used: box };
    }
    return out;
  });
}

/**
 * `inspectSheets` over many sheets: ONE sync on the desktop; on the web (a finite `budget`) as
 * many as keep each response within the budget, sized by the probe's used ranges (so no second
 * probe), a big sheet in bands of rows. Sheets the probe did not see do not exist. The adapter's
 * `inspectSheets` is handed in (see `RollupDeps` in rollup.ts).
 */
export async function inspectSheetsBatched(
  inspectSheets: typeof Adapter.inspectSheets,
  host: ExcelHost,
  snapshot: string[],
  readBack: string[],
  probes: Record<string, SheetProbe>,
  budget: number,
): Promise<SheetsState> {
  const used: Record<string, UsedBox | null> = {};
  for (const [name, p] of Object.entries(probes)) used[name] = p.used;
  return inspectSheets(host, snapshot, readBack, { budget, used });
}
