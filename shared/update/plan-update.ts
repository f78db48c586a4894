// The sheets an update writes (structured, Händelser, Kontroller) from the structured sheet as read back and a newer import.
import { withStatus } from '../calc/status';
import type { FollowUp } from '../model/follow-up';
import type { SheetPlan } from '../model/sheet-plan';
import { planEvents } from '../plan/events';
import { planFindings } from '../plan/findings';
import { readStructured, type StructuredSheets } from '../plan/read-structured';
import { planStructured } from '../plan/structured';
import { readImported } from './read-imported';
import { updateFollowUp, type SheetState, type UpdateResult } from './update-follow-up';

/**
 * Event counts the sheet shows by COUNTIFS, for a workbook no spreadsheet has calculated (a file
 * ExcelJS wrote): a count cell that reads empty while Händelser lists events for the period
 * counts those events.
 */
function withEventCounts(f: FollowUp): FollowUp {
  return {
    ...f,
    promises: f.promises.map((p) => ({
      ...p,
      activities: p.activities.map((a) =>
        a.periods.some((x) => x.value === null && x.events.length)
          ? withStatus({ ...a, periods: a.periods.map((x) => (x.value === null && x.events.length ? { ...x, value: x.events.length, kind: 'events' as const } : x)) }, f.reportedPeriod)
          : a,
      ),
    })),
  };
}

/** The structured sheet (with Händelser and Kontroller) as an update reads it: readStructured's model and the Importerat/Förslag/Inläst period cells. */
export function readSheetState(sheets: StructuredSheets): SheetState {
  return { followUp: withEventCounts(readStructured(sheets)), imported: readImported(sheets.structured) };
}

/**
 * What an update writes: `updateFollowUp` of the sheet and the newer import, and, when it can be
 * done, the plans of the structured sheet (with the new Importerat and Förslag cells and the
 * update's findings at their cells), Händelser and Kontroller, in that order. Nothing is
 * written here: a host shows `result` (see previewOfUpdate) and applies `plans` like any plans.
 */
export function planUpdate(state: SheetState, incoming: FollowUp): { result: UpdateResult; plans: SheetPlan[] } {
  const result = updateFollowUp(state, incoming);
  if (!result.ok) return { result, plans: [] };
  const f = result.followUp;
  return { result, plans: [planStructured(f, { rows: result.rows, importedPeriod: result.importedPeriod }), planEvents(f), planFindings(f)] };
}
