// Public surface of the sheet plans: builders of the generated sheets, their names and layout, and readStructured.
import type { FollowUp } from '../model/follow-up';
import type { SheetPlan } from '../model/sheet-plan';
import { planEvents } from './events';
import { planFindings } from './findings';
import { planStructured } from './structured';

export { planToGrid } from './plan-to-grid';
export { EVENTS_SHEET, FINDINGS_SHEET, sourceSheetName, structuredSheetName, summarySheetName } from './names';
export { planStructured, isSheetFinding, statusCellWords, rowFormulas, reportedExpr, structuredCellMap, isEventActivity, countFormat, judgementGroups, judgementRuleLines, FORMAT, PLAN_STYLES, STATUS_ORDER } from './structured';
export { commentCellText, commentRanges, commentsFromCells, commentLines, judgementOfLabel, judgementText, originText, parseOrigin, statusIsJudged, statusWord, statusCellText, computedStatusOfActivity } from './activity-text';
export type { Origin } from './activity-text';
export type { StructuredOptions } from './structured';
export { importedRecordOf, importedCellText, textHash, eventsHash, goalKey, partyKey, periodCount } from './imported';
export type { ImportedRecord } from './imported';
export { planEvents, isoToSerial, serialToIso } from './events';
export { planFindings, FINDING_COLS, tableText } from './findings';
export { planSummary, barFormula, statusStyle, BAR_WIDTH } from './summary';
export type { SummaryOptions } from './summary';
export { readSummaryAnalysis } from './summary-analysis';
export { readStructured } from './read-structured';
export type { StructuredSheets } from './read-structured';
export {
  STRUCTURED_ROWS,
  REPORTED_CELL,
  REPORTED_REF,
  EVENT_COLS,
  structuredColumns,
  eventsLastRow,
  formulaString,
} from './layout';
export type { StructuredColumns } from './layout';

/** The sheets an import writes, in order: structured, Händelser, Kontroller. */
export function planImportSheets(f: FollowUp): SheetPlan[] {
  return [planStructured(f), planEvents(f), planFindings(f)];
}
