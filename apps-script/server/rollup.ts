// Sammanställ flera kommuner in Sheets: every kommun's structured sheet of the spreadsheet (known by its table header) read with a fixed number of calls per sheet; the roll-up and the region's report built by the core.
import type { CellValue, Grid } from '../../shared/model/grid';
import { isStructuredGrid, kommunSheetsOf, rollupCandidates, rollupReadPlan, type RollupReadPlan } from '../../shared/app/rollup-sheets';
import { rollupFromSheets, type RollupFromSheets } from '../../shared/rollup/from-sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** One sheet as far as it has been read: its data range and display texts, then (when needed) its values. */
class SheetRead {
  private range: Range | null = null;
  private texts: string[][] | null = null;
  private grid: Grid | null = null;
  constructor(private sheet: Sheet, private name: string) {}

  /** The display texts of the data range: getDataRange and getDisplayValues (two calls, once). */
  displayed(): Grid {
    if (!this.texts) {
      this.range = this.sheet.getDataRange();
      this.texts = this.range.getDisplayValues();
    }
    return { sheetName: this.name, origin: { row: 0, col: 0 }, values: this.texts, texts: this.texts };
  }

  /**
   * The sheet as a Grid of values and display texts, as `readSheetGrid` reads it but without the
   * merged ranges (`readStructured` does not need them): one getValues more. Dates (handed over
   * as Date objects) become their display text, so the grid stays JSON-safe.
   */
  full(): Grid {
    if (!this.grid) {
      const texts = this.displayed().texts as string[][];
      const raw = (this.range as Range).getValues();
      const values: CellValue[][] = raw.map((row, r) =>
        row.map((v, c) => {
          if (v === null || v === undefined || v === '') return null;
          if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
          return texts[r]?.[c] ?? String(v);
        }),
      );
      this.grid = { sheetName: this.name, origin: { row: 0, col: 0 }, values, texts };
    }
    return this.grid;
  }
}

/** What the roll-up read: which sheet is which kommun's, and the grids. */
export interface RollupRead {
  plan: RollupReadPlan;
  grids: Record<string, Grid>;
}

/**
 * Reads what the roll-up needs, with a fixed number of calls per sheet whatever its rows: every
 * sheet's name (one call each, after getSheets); each candidate's display texts (two calls), which
 * tell a structured sheet by its table header whatever it is called; then, for the structured
 * sheets, their own Händelser and Kontroller and the earlier roll-up's activity sheet, the values
 * too (one call more each; a sheet is never read twice). `skip` names sheets that are never a
 * kommun's (the hidden undo backups). Null when no sheet is a structured sheet.
 */
export function readRollupSheets(ss: Spreadsheet, skip: (name: string) => boolean): RollupRead | null {
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const reads = new Map(names.map((n, i) => [n, new SheetRead(sheets[i], n)]));
  const structured = rollupCandidates(names, skip).filter((n) => isStructuredGrid(reads.get(n)!.displayed()));
  if (!structured.length) return null;
  const plan = rollupReadPlan(names, structured);
  const grids: Record<string, Grid> = {};
  for (const n of plan.readBack) grids[n] = reads.get(n)!.full();
  return { plan, grids };
}

/** The roll-up of what `readRollupSheets` read: every kommun's structured sheet as edited, the themes users corrected in the activity sheet kept. */
export function rollupOf(read: RollupRead, generatedAt: string): RollupFromSheets {
  const activities = read.plan.activities ? read.grids[read.plan.activities] ?? null : null;
  return rollupFromSheets(kommunSheetsOf(read.plan, read.grids), activities, { generatedAt });
}

/** The region's report as the follow-up report's blocks for the Google Doc export: each status chart becomes its table of status-coloured counts, as in the .docx. */
export { rollupAsReportDoc } from '../../shared/rollup/status-table';
