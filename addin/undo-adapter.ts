// Exact undo in Excel: a run renames each sheet it replaces to a hidden backup (in the run's own first sync); undo deletes what the run wrote and renames the backups back.
//
// Why renaming and not copying or reading the sheet into the record (Microsoft's documentation):
// - Worksheet.name is settable and Worksheet.visibility is settable from ExcelApi 1.2; delete and
//   position are ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.worksheet;
//   @types/office-js marks each member). The add-in's minimum is ExcelApi 1.8 (manifest.xml), so
//   this works the same on desktop at 1.8 and on the web at 1.18: no fallback, no message.
// - The backup IS the sheet the user had: its values, formulas, number formats, styles, merges,
//   validation, conditional formats, notes, comments, hyperlinks, charts, frozen panes, column
//   widths and tab colour never leave it, and hiding a sheet does not move it, so its place in the
//   workbook is kept. Reading all of that into the record would need a load per kind (several not
//   readable at 1.8: notes are ExcelApi 1.18, merged areas 1.13, Range.getCellProperties 1.9) and a
//   chart can only be rebuilt approximately; Worksheet.copy (1.7) + Range.copyFrom (1.9) copy
//   cells but not charts, widths or panes, and the copy's formulas point at the originals.
// - References stay live: Excel updates every formula that refers to a sheet when it is renamed
//   and turns them into #REF! when it is deleted ("How to correct a #REF! error",
//   https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d00-b4b8-7e3e45b8d3f9).
//   The run never deletes a sheet it replaces, so the structured sheet's COUNTIFS over Händelser
//   follow Händelser into its backup and back, and a user's formulas over the structured sheet
//   come back with it; nothing points at a deleted sheet.
//   The price: between a run and the next, a user's own formula over a replaced sheet reads its
//   backup (as before the run) rather than the new sheet; before, the run's delete made it #REF!.
// - Hidden, not VeryHidden: Worksheet.delete "will fail with an InvalidOperation exception" on a
//   VeryHidden sheet (office-js#365), and the next run deletes the previous run's backups.
// A backup is addressed by its name (WorksheetCollection.getItem takes a name or an id).
import type { ExcelHost } from './excel-adapter';
import type { SheetVisibility, UndoRecord } from '../shared/app/snapshot';

/** A host whose first `Excel.run` also makes the run's backups, and what that run learnt. */
export interface BackupHost {
  host: ExcelHost;
  /** True once the backups were queued (the write reached Excel; undo may then be needed). */
  readonly started: boolean;
  /** Makes the backups in a sync of their own when the write never called `Excel.run` (nothing to write). */
  finish(): Promise<void>;
}

/**
 * Wraps `host` so the first `Excel.run` of a write begins with: delete `drop` (the previous run's
 * backups: only the last run can be undone), then for each sheet `rec` says is replaced, remember
 * its visibility, rename it to its backup name and hide it. The write that follows in the same
 * batch adds the new sheets under the freed names, so it costs no sync of its own. Writes
 * `rec.restore[i].visibility` once that batch has synced.
 */
export function backupHost(host: ExcelHost, rec: UndoRecord, drop: string[]): BackupHost {
  let started = false;
  const queue = (context: Excel.RequestContext): (() => void) => {
    started = true;
    const sheets = context.workbook.worksheets;
    for (const name of drop) sheets.getItem(name).delete();
    const probes = rec.restore.map((r) => {
      // A proxy of its own for the load, queued before the rename: the host runs a batch's actions
      // in order, so it reads the sheet as the user had it, and no setter below touches its value.
      const probe = sheets.getItem(r.name);
      probe.load('visibility');
      const ws = sheets.getItem(r.name);
      ws.name = r.backup;
      ws.visibility = 'Hidden';
      return { r, probe };
    });
    return () => {
      for (const { r, probe } of probes) r.visibility = (['Visible', 'Hidden', 'VeryHidden'].includes(probe.visibility) ? probe.visibility : 'Visible') as SheetVisibility;
    };
  };
  const wrapped: ExcelHost = {
    run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      if (started) return host.run(batch);
      return host.run(async (context) => {
        const learnt = queue(context);
        const out = await batch(context);
        learnt();
        return out;
      });
    },
  };
  return {
    host: wrapped,
    get started() {
      return started;
    },
    async finish() {
      if (started || (!drop.length && !rec.restore.length)) return;
      await wrapped.run(async (context) => context.sync());
    },
  };
}

/** What undo did: sheets deleted (the run created them) and sheets given back. */
export interface UndoResult {
  deleted: string[];
  restored: string[];
}

/**
 * Undoes the run `rec` records, given the workbook's sheet names now (`names`, read in a sync
 * before): in ONE sync, shows the backups again as they were, deletes the sheets the run created
 * and the ones it wrote over replaced sheets, then gives each backup its name back. A sheet whose
 * backup the user deleted is left as the run wrote it (and not listed as restored).
 */
export async function undoRun(host: ExcelHost, rec: UndoRecord, names: string[]): Promise<UndoResult> {
  const have = new Set(names);
  const back = rec.restore.filter((r) => have.has(r.backup));
  const deleted = rec.created.filter((n) => have.has(n));
  const overwritten = back.map((r) => r.name).filter((n) => have.has(n));
  if (!back.length && !deleted.length) return { deleted, restored: [] };
  await host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const backups = back.map((r) => ({ r, ws: sheets.getItem(r.backup) }));
    // Visible first, so the workbook keeps a visible sheet while the run's sheets go.
    for (const { r, ws } of backups) if (r.visibility === 'Visible') ws.visibility = 'Visible';
    for (const n of [...deleted, ...overwritten]) sheets.getItem(n).delete();
    for (const { r, ws } of backups) {
      ws.name = r.name;
      if (r.visibility !== 'Visible' && r.visibility !== 'Hidden') ws.visibility = r.visibility;
    }
    await context.sync();
  });
  return { deleted, restored: back.map((r) => r.name) };
}
