// The last run's undo record kept in the document's add-in settings (Office.Settings), so Ångra works after the pane is reopened and the next run deletes the backups the last one left.
//
// Office.Settings "are saved per add-in and per document", are "automatically loaded as part of
// the Document object" when the add-in is activated, and are written to the document by
// saveAsync (https://learn.microsoft.com/javascript/api/office/office.settings). The record is a
// few hundred bytes (an action, a time, at most three sheet names and their backups' names).
import { undoRecordFrom, type UndoRecord } from '../shared/app/snapshot';

/** Where a session keeps its undo record between panes. */
export interface UndoStore {
  /** The record kept, or null. */
  load(): UndoRecord | null;
  /** Keeps `rec` (null forgets it). Never throws: a failed save only means a reopened pane cannot undo. */
  save(rec: UndoRecord | null): Promise<void>;
}

/** The settings key of the record. */
export const UNDO_SETTING = 'medborgarloften.undo';

/** What the store needs of Office.Settings. */
export type SettingsLike = Pick<Office.Settings, 'get' | 'set' | 'remove'> & { saveAsync(callback?: (result: { status: unknown }) => void): void };

/** An UndoStore over the document's add-in settings, or null when the host has none (outside Office). */
export function settingsUndoStore(settings: SettingsLike | null | undefined): UndoStore | null {
  if (!settings || typeof settings.get !== 'function' || typeof settings.saveAsync !== 'function') return null;
  return {
    load() {
      try {
        return undoRecordFrom(settings.get(UNDO_SETTING));
      } catch {
        return null;
      }
    },
    save(rec) {
      return new Promise((resolve) => {
        try {
          if (rec) settings.set(UNDO_SETTING, JSON.parse(JSON.stringify(rec)));
          else settings.remove(UNDO_SETTING);
          settings.saveAsync(() => resolve());
        } catch {
          resolve();
        }
      });
    },
  };
}
