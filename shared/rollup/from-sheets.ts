// The roll-up as a host runs it: every kommun's structured sheet (and the roll-up's own activity sheet) read once, one call, the three sheets written at once.
import type { Finding } from '../model/follow-up';
import type { Grid } from '../model/grid';
import type { SheetPlan } from '../model/sheet-plan';
import { readStructured, type StructuredSheets } from '../plan/read-structured';
import { planRollupSheets } from './plan-rollup';
import { readRollupThemes } from './read-rollup';
import { rollupData, type RollupData, type RollupOptions } from './rollup-data';

/** One kommun's sheets as a host read them, with a name for it (its sheet's or file's). */
export interface KommunSheets extends StructuredSheets {
  source: string;
}

export interface RollupFromSheets {
  /** Sammanställning, Teman and Aktiviteter per tema, to write in one batch. */
  plans: SheetPlan[];
  data: RollupData;
  /** What could not be read in the earlier roll-up's activity sheet (a Tema that is no theme). */
  findings: Finding[];
}

/**
 * Rolls up kommuner from the grids a host read in one go: each kommun's structured sheet (with
 * its Händelser and Kontroller when it has them) is read back with `readStructured`, so users'
 * edits count; the earlier roll-up's activity sheet, when there is one, gives the themes users
 * corrected (they win). Returns the three sheets to write, the numbers (for the report) and the
 * findings of reading the activity sheet. Pure; a sheet that cannot be read becomes a kommun
 * with no activities and a finding, as `readStructured` gives it.
 */
export function rollupFromSheets(kommuner: KommunSheets[], activitySheet: Grid | null, opts: Omit<RollupOptions, 'themes'>): RollupFromSheets {
  const themes = readRollupThemes(activitySheet);
  const data = rollupData(
    kommuner.map((k) => ({ followUp: readStructured(k), source: k.source })),
    { ...opts, themes: themes.themes },
  );
  return { plans: planRollupSheets(data), data, findings: themes.findings };
}
