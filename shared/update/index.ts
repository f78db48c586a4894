// Public surface of updates from a newer source: read the sheet's state, merge, plan.
export { matchActivities, SIMILAR_MIN, ID_SIMILAR_MIN } from './match';
export type { ActivityAt, ActivityPair, Matching } from './match';
export { resolve } from './resolve';
export type { Outcome } from './resolve';
export { mergeActivity } from './merge-activity';
export type { FieldChange, MergedActivity, RowCell } from './merge-activity';
export { readImported, parseImportedCell } from './read-imported';
export type { ImportedState } from './read-imported';
export { updateFollowUp } from './update-follow-up';
export type { SheetState, UpdateChange, UpdateResult } from './update-follow-up';
export { planUpdate, readSheetState } from './plan-update';
