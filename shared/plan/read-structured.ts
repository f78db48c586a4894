// Reads a structured sheet (as a host hands it back, possibly edited) into a FollowUp; never throws.
import type { FollowUp } from '../model/follow-up';
import type { Grid } from '../model/grid';

/** The sheets readStructured reads: the structured sheet, and the events and findings sheets when present. */
export interface StructuredSheets {
  structured: Grid;
  events?: Grid | null;
  findings?: Grid | null;
}

/** Reads a structured sheet back into a FollowUp (stub until implemented). */
export function readStructured(sheets: StructuredSheets): FollowUp {
  void sheets;
  throw new Error('readStructured: not implemented yet');
}
