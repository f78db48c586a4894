// Excel reads of the roll-up across kommuner (in the lazily loaded "rollup" chunk): a probe of every sheet's corner and size in one sync, then the sheets it needs in as few syncs as the request limit allows.
import { cleanValue as toCellValue, type Grid } from '../shared/model/grid';
import type { ExcelHost, SheetsState } from './excel-adapter';
import type * as Adapter from './excel-adapter';

/** What a probe learnt of one sheet: its top-left corner (for telling a structured sheet from others) and how many cells its used range holds. */
export interface SheetProbe {
  /** The probed corner as a Grid (values only), origin A1. */
  corner: Grid;
  /** Cells of the used range (rows × columns), 0 for an empty sheet: what reading it whole costs. */
  cells: number;
}

/**
 * Probes the named sheets in ONE sync: the values of `corner` (an A1 range such as "A1:C60") and
 * the size of the used range of each, without reading any sheet whole. The roll-up tells the
 * kommuner's structured sheets from every other sheet this way, and sizes its reads by it.
 */
export async function probeSheets(host: ExcelHost, names: string[], corner: string): Promise<Record<string, SheetProbe>> {
  return host.run(async (context) => {
    const probes = names.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      const top = ws.getRange(corner);
      top.load('values');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(['rowCount', 'columnCount']);
      return { name, top, used };
    });
    await context.sync();
    const out: Record<string, SheetProbe> = {};
    for (const { name, top, used } of probes) {
      const values = (top.values as unknown[][]).map((r) => r.map(toCellValue));
      out[name] = { corner: { sheetName: name, origin: { row: 0, col: 0 }, values }, cells: used.isNullObject ? 0 : used.rowCount * used.columnCount };
    }
    return out;
  });
}

/**
 * Estimated bytes of a read per cell and property loaded (values, text, formulas, numberFormat):
 * what Excel on the web counts towards its 5 MB limit on a response (Office add-ins' resource
 * limits: requests and responses alike). A structured sheet's cells average about 12 bytes as
 * JSON; twice that leaves room for long activity texts.
 */
export const READ_BYTES_PER_CELL = 24;

/**
 * Groups sheets to read into requests that each stay within `budget` bytes (`cells` from a probe;
 * snapshot reads load three properties, read-backs two, both four). On the desktop the budget is
 * unlimited and everything is one request; a single sheet bigger than the budget is a request of
 * its own. Pure.
 */
export function readBatches(snapshot: string[], readBack: string[], cells: (name: string) => number, budget: number): { snapshot: string[]; readBack: string[] }[] {
  const names = [...new Set([...snapshot, ...readBack])];
  const batches: { snapshot: string[]; readBack: string[]; bytes: number }[] = [];
  for (const name of names) {
    const props = (snapshot.includes(name) ? 3 : 0) + (readBack.includes(name) ? 2 : 0);
    const bytes = cells(name) * props * READ_BYTES_PER_CELL;
    let b = batches[batches.length - 1];
    if (!b || (b.bytes > 0 && b.bytes + bytes > budget)) {
      b = { snapshot: [], readBack: [], bytes: 0 };
      batches.push(b);
    }
    if (snapshot.includes(name)) b.snapshot.push(name);
    if (readBack.includes(name)) b.readBack.push(name);
    b.bytes += bytes;
  }
  return batches.map(({ snapshot: s, readBack: r }) => ({ snapshot: s, readBack: r }));
}

/**
 * `inspectSheets` over many sheets: ONE sync, or one per request of `readBatches` when the
 * reads would pass the request budget (Excel on the web); the results are merged. The adapter's
 * `inspectSheets` is handed in (see `RollupDeps` in rollup.ts).
 */
export async function inspectSheetsBatched(
  inspectSheets: typeof Adapter.inspectSheets,
  host: ExcelHost,
  snapshot: string[],
  readBack: string[],
  cells: (name: string) => number,
  budget: number,
): Promise<SheetsState> {
  const state: SheetsState = { sheetNames: [], existing: {}, readBack: {} };
  for (const batch of readBatches(snapshot, readBack, cells, budget)) {
    const part = await inspectSheets(host, batch.snapshot, batch.readBack);
    state.sheetNames = part.sheetNames;
    Object.assign(state.existing, part.existing);
    Object.assign(state.readBack, part.readBack);
  }
  return state;
}
