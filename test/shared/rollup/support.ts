// Roll-up test helpers: the corpus and the seeds as roll-up inputs (seeds as read back from their structured sheets), and where a plan's tables are.
import { buildFromGrid } from '../../../cli/commands/build';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { ROLLUP, THEME_LABEL } from '../../../shared/i18n/sv-rollup';
import type { ThemeId } from '../../../shared/lexicon/sv-themes';
import type { PlanCell } from '../../../shared/model/sheet-plan';
import type { RollupInput } from '../../../shared/rollup';
import { caseGrid, loadCorpus } from '../../support/corpus';
import { seedGrid, SEEDS } from '../../support/seeds';

/** Every corpus case imported, and both seeds as read back from their structured sheets (what `build` writes), as roll-up inputs. */
export function realInputs(): RollupInput[] {
  return [
    ...loadCorpus().map((c) => ({ followUp: importFollowUp(caseGrid(c)), source: c.name })),
    ...SEEDS.map((s) => ({ followUp: buildFromGrid(seedGrid(s), { generatedAt: '2020-01-08' }).followUp, source: s })),
  ];
}

/** Zero-based rows of a table on the roll-up sheet: its header row, its kommun rows and its total row. */
export interface TableRows {
  header: number;
  rows: number[];
  total: number;
}

/** The kommun table ("Per kommun") of a roll-up sheet grid with `kommuner` rows. */
export function kommunTableRows(grid: PlanCell[][], kommuner: number): TableRows {
  const heading = grid.findIndex((r) => r[0] === ROLLUP.perKommun);
  const header = heading + 1;
  return { header, rows: Array.from({ length: kommuner }, (_, i) => header + 1 + i), total: header + 1 + kommuner };
}

/** A theme's table ("Tema: Trafik") of the themes sheet's grid with `kommuner` rows. */
export function themeTableRows(grid: PlanCell[][], theme: ThemeId, kommuner: number): TableRows {
  const heading = grid.findIndex((r) => r[0] === ROLLUP.theme(THEME_LABEL[theme]));
  if (heading < 0) throw new Error(`no table for ${theme}`);
  const header = heading + 1;
  return { header, rows: Array.from({ length: kommuner }, (_, i) => header + 1 + i), total: header + 1 + kommuner };
}
