// Entry point of the importer: grid → validated FollowUp with findings.
import type { Grid } from '../model/grid';
import type { FollowUp, PeriodKind } from '../model/follow-up';

export interface ImportOptions {
  /** Override the reported period (1-based), e.g. from a setting or `--period`. */
  reportedPeriod?: number | null;
  /** Period set when the headers do not tell (default tertial). */
  periodKind?: PeriodKind;
}

/** Imports a follow-up from a grid. Never throws on content; problems become findings. */
export function importFollowUp(grid: Grid, options: ImportOptions = {}): FollowUp {
  void grid;
  void options;
  throw new Error('not implemented yet');
}
