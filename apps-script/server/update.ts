// Uppdatera in Sheets: the structured sheet's state for an update, the offer Läs in shows, and a summary's analysis read back.
import { findStructuredSheet } from '../../shared/app/generated-sheets';
import { previewOfUpdate, type UpdatePreview } from '../../shared/app/update-preview';
import type { FollowUp } from '../../shared/model/follow-up';
import type { SheetPlan } from '../../shared/model/sheet-plan';
import { EVENTS_SHEET, FINDINGS_SHEET, readSummaryAnalysis, structuredSheetName } from '../../shared/plan';
import { planUpdate, readSheetState, type UpdateResult } from '../../shared/update';
import { readSheetGrid } from './sheets-adapter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What Läs in offers when a structured sheet of the same follow-up exists: its name and what Uppdatera would do. */
export interface UpdateOffer {
  sheet: string;
  preview: UpdatePreview;
}

/**
 * The update of the structured sheet for `incoming` (the source as imported), nothing written:
 * reads the structured sheet of the same year (Händelser and Kontroller too: three calls each,
 * whatever their size) and plans the update. Null when there is no structured sheet.
 */
export function planSheetUpdate(ss: Spreadsheet, incoming: FollowUp): { sheet: string; result: UpdateResult; plans: SheetPlan[] } | null {
  const names = ss.getSheets().map((s) => s.getName());
  const sheet = findStructuredSheet(names, structuredSheetName(incoming.year));
  if (!sheet) return null;
  const read = (n: string) => {
    const s = names.includes(n) ? ss.getSheetByName(n) : null;
    return s ? readSheetGrid(s) : null;
  };
  const structured = read(sheet);
  if (!structured) return null;
  const state = readSheetState({ structured, events: read(EVENTS_SHEET), findings: read(FINDINGS_SHEET) });
  return { sheet, ...planUpdate(state, incoming) };
}

/** The offer Läs in shows beside Ersätt, or null when no structured sheet of the same follow-up (kommun, year, periods) exists. */
export function updateOffer(ss: Spreadsheet, incoming: FollowUp): UpdateOffer | null {
  const planned = planSheetUpdate(ss, incoming);
  if (!planned || !planned.result.ok) return null;
  return { sheet: planned.sheet, preview: previewOfUpdate(planned.result) };
}

/** The "Sammanfattande analys" of the summary sheet `name`, or null when it does not exist or says nothing. */
export function summaryAnalysis(ss: Spreadsheet, name: string): string | null {
  const s = ss.getSheetByName(name);
  return s ? readSummaryAnalysis(readSheetGrid(s)) : null;
}
