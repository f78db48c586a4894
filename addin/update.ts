// Uppdatera in the task pane, a chunk of its own loaded on first use: reads the structured sheet of the same follow-up with Händelser and Kontroller in one sync and plans the update; AddinSession.commit writes it and keeps the undo record.
import { findStructuredSheet } from '../shared/app/generated-sheets';
import { previewOfUpdate, type UpdatePreview } from '../shared/app/update-preview';
import { UPDATE_UI } from '../shared/i18n/sv-ui';
import type { FollowUp } from '../shared/model/follow-up';
import type { SheetPlan } from '../shared/model/sheet-plan';
import { EVENTS_SHEET, FINDINGS_SHEET, structuredSheetName } from '../shared/plan/names';
import { planUpdate, readSheetState } from '../shared/update/plan-update';
import { inspectSheets, type ExcelHost, type SheetsState } from './excel-adapter';

/** An update ready to be written with AddinSession.commit, and what it will do. */
export interface PreparedUpdate {
  action: string;
  plans: SheetPlan[];
  /** Nothing to confirm: the preview is the confirmation, and undo restores the sheets. */
  replacing: string[];
  /** The sheets as they are now (the undo snapshot), read in the same sync. */
  state: SheetsState;
  /** The merged follow-up the plans write. */
  followUp: FollowUp;
  /** The structured sheet updated. */
  sheet: string;
  preview: UpdatePreview;
}

/** The structured sheet an update of `incoming` would write into, among the workbook's sheets, or null. */
export function updateTarget(incoming: FollowUp, sheetNames: string[]): string | null {
  return findStructuredSheet(sheetNames, structuredSheetName(incoming.year));
}

/**
 * Plans the update of the structured sheet of the same follow-up from `incoming` (the source as
 * imported): ONE sync reads the structured sheet, Händelser and Kontroller (values and texts for
 * the update, formulas and formats for the undo snapshot; on the web, with a finite `budget`, a
 * probe and as many reads as keep each response within it); nothing is written. Null when the
 * workbook has no structured sheet; `{ ok: false, reason }` when it is another follow-up's.
 */
export async function prepareUpdate(host: ExcelHost, incoming: FollowUp, sheetNames: string[], budget = Number.POSITIVE_INFINITY): Promise<PreparedUpdate | { ok: false; reason: string } | null> {
  const sheet = updateTarget(incoming, sheetNames);
  if (!sheet) return null;
  const names = [sheet, EVENTS_SHEET, FINDINGS_SHEET];
  const state = await inspectSheets(host, names, names, { budget });
  const structured = state.readBack[sheet];
  if (!structured) return null;
  const { result, plans } = planUpdate(readSheetState({ structured, events: state.readBack[EVENTS_SHEET] ?? null, findings: state.readBack[FINDINGS_SHEET] ?? null }), incoming);
  if (!result.ok) return { ok: false, reason: result.reason };
  return { action: UPDATE_UI.update, plans, replacing: [], state, followUp: result.followUp, sheet, preview: previewOfUpdate(result) };
}
