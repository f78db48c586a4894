// Undo for Sheets: sheets a run replaces are copied to hidden backup sheets; a small manifest in document properties says what to restore.
//
// Why hidden sheets and not properties: a snapshot of a 5,000-row sheet is megabytes, while the
// documented quotas are 9 KB per property value and 500 KB per property store
// (https://developers.google.com/apps-script/guides/services/quotas, "Properties value size" /
// "Properties total storage"; https://developers.google.com/apps-script/guides/properties).
// Measurements put the real per-value limit a little lower and count the key too
// (https://gist.github.com/tanaikech/8b057d10fb5f2af014794e57b021c6aa), so nothing here comes
// near it: Sheet.copyTo keeps everything (values, formulas, formats, rules, validation, notes)
// in ONE call, and the only property written is the manifest (action, time, at most four
// sheet names of at most 100 characters: under 1 KB). The tests' PropertiesService fake throws
// past 9 KB per key+value and 500 KB in total.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

import { clearForRewrite } from './sheets-adapter';

const KEY = 'medborgarloften.undo';

/** The last run, as stored in document properties (JSON, a few hundred bytes). */
export interface UndoManifest {
  action: string;
  at: string;
  /** Sheets the run created: undo deletes them. */
  created: string[];
  /** Sheets the run replaced, and the hidden copy made before. */
  replaced: { name: string; backup: string }[];
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The last run's manifest, or null. */
export function lastRun(): UndoManifest | null {
  const raw = props().getProperty(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as UndoManifest;
  } catch {
    return null;
  }
}

/** Name of a backup sheet (hidden; never one of the generated names). */
export function backupName(i: number, name: string): string {
  return `Ångra ${i + 1} – ${name}`.slice(0, 99);
}

/** Deletes the previous run's backups: only the last run can be undone. */
function dropBackups(ss: Spreadsheet, m: UndoManifest | null): void {
  if (!m) return;
  for (const r of m.replaced) {
    const b = ss.getSheetByName(r.backup);
    if (b) ss.deleteSheet(b);
  }
}

/**
 * Before a run writes `names`: copies every existing one to a hidden backup sheet and
 * records which are new. Returns the manifest it stored.
 */
export function beginRun(ss: Spreadsheet, action: string, names: string[], existing: Record<string, Sheet | null>): UndoManifest {
  dropBackups(ss, lastRun());
  const m: UndoManifest = { action, at: new Date().toISOString(), created: [], replaced: [] };
  names.forEach((name, i) => {
    const sheet = existing[name];
    if (!sheet) {
      m.created.push(name);
      return;
    }
    const backup = sheet.copyTo(ss);
    const bname = backupName(i, name);
    backup.setName(bname);
    backup.hideSheet();
    m.replaced.push({ name, backup: bname });
  });
  props().setProperty(KEY, JSON.stringify(m));
  return m;
}

/** Restores the last run: deletes sheets it created, writes replaced sheets back from their backups. */
export function undoLastRun(ss: Spreadsheet): { deleted: string[]; restored: string[] } | null {
  const m = lastRun();
  if (!m) return null;
  const deleted: string[] = [];
  const restored: string[] = [];
  for (const name of m.created) {
    const s = ss.getSheetByName(name);
    if (s) {
      ss.deleteSheet(s);
      deleted.push(name);
    }
  }
  for (const r of m.replaced) {
    const backup = ss.getSheetByName(r.backup);
    if (!backup) continue;
    const target = ss.getSheetByName(r.name);
    if (!target) {
      backup.setName(r.name);
      backup.showSheet();
      restored.push(r.name);
      continue;
    }
    // Write back into the same sheet (same id), so formulas and links elsewhere keep pointing at it.
    clearForRewrite(target);
    target.setConditionalFormatRules([]);
    const src = backup.getDataRange();
    const dest = target.getRange(1, 1);
    src.copyTo(dest);
    src.copyTo(dest, SpreadsheetApp.CopyPasteType.PASTE_COLUMN_WIDTHS, false);
    target.setFrozenRows(backup.getFrozenRows());
    target.setFrozenColumns(backup.getFrozenColumns());
    ss.deleteSheet(backup);
    restored.push(r.name);
  }
  props().deleteProperty(KEY);
  return { deleted, restored };
}
