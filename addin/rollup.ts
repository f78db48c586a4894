// Sammanställ flera kommuner in Excel (the lazily loaded "rollup" chunk): every kommun's structured sheet of the open workbook read in a fixed number of syncs, the roll-up's three sheets and the region's report built by the core.
import type { Finding } from '../shared/model/follow-up';
import type { Grid } from '../shared/model/grid';
import type { SheetPlan } from '../shared/model/sheet-plan';
import { isStructuredGrid, kommunSheetsOf, PROBE_RANGE, rollupCandidates, rollupReadPlan, ROLLUP_SHEETS, type RollupReadPlan } from '../shared/app/rollup-sheets';
import { rollupFromSheets } from '../shared/rollup/from-sheets';
import type { RollupData } from '../shared/rollup/rollup-data';
import { buildRollupReportFromData } from '../shared/rollup/build-rollup-report';
import type { RollupReportDoc } from '../shared/rollup/rollup-report-doc';
import { ROLLUP_HOST } from '../shared/i18n/sv-rollup';
import { isUndoBackupSheet } from '../shared/i18n/sv-plan';
import type { Capabilities, ExcelHost, SheetsState } from './excel-adapter';
import type * as Adapter from './excel-adapter';
import { inspectSheetsBatched, probeSheets } from './rollup-adapter';

/**
 * What the roll-up needs of the pane's own modules, handed in by the session rather than imported:
 * a module of the pane's first script that this chunk imported could no longer be concatenated
 * into that script by webpack, and the script would grow.
 */
export interface RollupDeps {
  host: ExcelHost;
  caps: Capabilities;
  listSheets: typeof Adapter.listSheets;
  inspectSheets: typeof Adapter.inspectSheets;
  /** The session's UserError (a Swedish message the pane shows as is). */
  userError: (message: string) => Error;
}

/** A roll-up ready to be written once the user has confirmed replacing `replacing` (what `AddinSession.commit` takes). */
export interface PreparedRollup {
  action: string;
  plans: SheetPlan[];
  /** Roll-up sheets that exist and will be replaced (ask first when non-empty). */
  replacing: string[];
  /** The three roll-up sheets' snapshots (for undo) and every sheet read. */
  state: SheetsState;
  /** The roll-up's numbers (kommuner, activities, themes): for the result line. */
  data: RollupData;
  /** What could not be read in the earlier roll-up's activity sheet. */
  findings: Finding[];
}

/** What the roll-up read: which sheet is which kommun's, and the grids. */
export interface RollupRead {
  plan: RollupReadPlan;
  state: SheetsState;
}

/**
 * Reads what the roll-up needs: the sheet names (one sync); every sheet's corner and size (one
 * sync), which tells the kommuner's structured sheets from the rest by their table header,
 * whatever they are called; then those sheets with their own Händelser and Kontroller, the
 * earlier roll-up's activity sheet and, when `snapshot` is set, the roll-up's three sheets for
 * undo (one sync; more only when Excel on the web's request limit makes it split the read).
 * Three syncs whatever the number of kommuner. Throws a UserError when no sheet is a structured sheet.
 */
export async function readRollup(deps: RollupDeps, snapshot: boolean): Promise<RollupRead> {
  const names = await deps.listSheets(deps.host);
  const probes = await probeSheets(deps.host, names, PROBE_RANGE);
  // The hidden undo backups ("Ångra 1 – Medborgarlöften 2019") hold a structured sheet as it was before a run: never another kommun.
  const structured = rollupCandidates(names, isUndoBackupSheet).filter((n) => isStructuredGrid(probes[n]?.corner));
  if (!structured.length) throw deps.userError(ROLLUP_HOST.noKommuner);
  const plan = rollupReadPlan(names, structured);
  const state = await inspectSheetsBatched(deps.inspectSheets, deps.host, snapshot ? ROLLUP_SHEETS : [], plan.readBack, probes, deps.caps.requestBudget);
  return { plan, state };
}

/** The roll-up of what `readRollup` read: every kommun's structured sheet as edited, the themes users corrected in the activity sheet kept. */
function rollupOf(read: RollupRead, generatedAt: string): ReturnType<typeof rollupFromSheets> {
  const { plan, state } = read;
  const activities: Grid | null = plan.activities ? state.readBack[plan.activities] ?? null : null;
  return rollupFromSheets(kommunSheetsOf(plan, state.readBack), activities, { generatedAt });
}

/**
 * Sammanställ flera kommuner, step 1: reads (see `readRollup`, three syncs) and plans the three
 * roll-up sheets; nothing is written. `AddinSession.commit` writes them in one more sync and keeps
 * the undo record (the replaced sheets' snapshots, or the new sheets to delete).
 */
export async function prepareRollup(deps: RollupDeps, generatedAt: string): Promise<PreparedRollup> {
  const read = await readRollup(deps, true);
  const { plans, data, findings } = rollupOf(read, generatedAt);
  const existing: SheetsState['existing'] = {};
  for (const p of plans) existing[p.name] = read.state.existing[p.name] ?? null;
  return {
    action: ROLLUP_HOST.action,
    plans,
    replacing: plans.map((p) => p.name).filter((n) => existing[n]),
    state: { ...read.state, existing },
    data,
    findings,
  };
}

/** Sammanställning i Word: the region's report from every kommun's structured sheet as edited (three syncs), and its file name. */
export async function rollupReport(deps: RollupDeps, generatedAt: string): Promise<{ doc: RollupReportDoc; fileName: string }> {
  const { data } = rollupOf(await readRollup(deps, false), generatedAt);
  return { doc: buildRollupReportFromData(data), fileName: `${ROLLUP_HOST.fileBase(generatedAt)}.docx` };
}
