// The undo record of a run ("Ångra senaste körning"): sheets the run created (undo deletes them) and sheets it replaced, each kept whole as a hidden backup sheet that undo puts back.
import type { Grid } from '../model/grid';
import { isUndoBackupSheet, undoBackupSheet } from '../i18n/sv-plan';

/** A sheet as a host read it back (its values): undo keeps the sheet itself, so nothing more is read. */
export type SheetReadBack = Grid;

/** A sheet's visibility as Excel names it (Worksheet.visibility). */
export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** A sheet a run replaced: the run renamed it to `backup` and hid it before writing the new one. */
export interface ReplacedSheet {
  /** The sheet's own name ("Händelser"), which undo gives it back. */
  name: string;
  /** The hidden backup's name ("Ångra 2 – Händelser"). */
  backup: string;
  /** Its visibility before the run (what undo sets again); "Visible" until the host has read it. */
  visibility: SheetVisibility;
}

/** What "Ångra senaste körning" needs: sheets to delete (created by the run) and the replaced sheets' backups. JSON-safe. */
export interface UndoRecord {
  /** Swedish name of the action that made the record ("Skapa strukturerat blad"). */
  action: string;
  /** ISO time of the run. */
  at: string;
  /** Sheets the run created; undo deletes them. */
  created: string[];
  /** Sheets the run replaced, each kept whole (cells, formats, rules, notes, charts, panes, widths, tab colour, place) under its backup name. */
  restore: ReplacedSheet[];
}

/**
 * A backup name for the `i`-th sheet of a run ("Ångra 1 – Händelser"): the first of "Ångra i+1",
 * "Ångra i+2" … that no sheet in `taken` has, whatever the case (Excel's sheet names are unique
 * case-insensitively, at most 31 characters).
 */
export function backupName(i: number, name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  for (let n = i + 1; ; n++) {
    const candidate = undoBackupSheet(n, name);
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** True for the hidden backup sheets undo records name: never a kommun's sheet, never read as one. */
export function isBackupSheet(name: string): boolean {
  return isUndoBackupSheet(name);
}

/**
 * The undo record of a run that writes the sheets named in `existing`: a null entry means the
 * sheet does not exist (the run creates it, undo deletes it); any other entry means it is
 * replaced, and gets a backup name no sheet in `taken` (the workbook's names) has.
 */
export function undoRecordOf(action: string, existing: Record<string, unknown>, at: Date | string = new Date(), taken: Iterable<string> = []): UndoRecord {
  const created: string[] = [];
  const restore: ReplacedSheet[] = [];
  const names = new Set([...taken, ...Object.keys(existing)]);
  Object.entries(existing).forEach(([name, rb], i) => {
    if (rb === null || rb === undefined) {
      created.push(name);
      return;
    }
    const backup = backupName(i, name, names);
    names.add(backup);
    restore.push({ name, backup, visibility: 'Visible' });
  });
  return { action, at: typeof at === 'string' ? at : at.toISOString(), created, restore };
}

/** The backups a record keeps (what the next run deletes: only the last run can be undone). */
export function backupsOf(rec: UndoRecord | null): string[] {
  return rec ? rec.restore.map((r) => r.backup) : [];
}

const VISIBILITIES: readonly string[] = ['Visible', 'Hidden', 'VeryHidden'];
const isString = (x: unknown): x is string => typeof x === 'string';

/**
 * An undo record read back from where a host kept it (the document's add-in settings), or null
 * when it is not one: anything else stored under the key, or a record of an older shape.
 */
export function undoRecordFrom(value: unknown): UndoRecord | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (!isString(v.action) || !isString(v.at) || !Array.isArray(v.created) || !v.created.every(isString) || !Array.isArray(v.restore)) return null;
  const restore: ReplacedSheet[] = [];
  for (const r of v.restore as unknown[]) {
    const x = (r ?? {}) as Record<string, unknown>;
    if (!isString(x.name) || !isString(x.backup) || !isBackupSheet(x.backup)) return null;
    restore.push({ name: x.name, backup: x.backup, visibility: VISIBILITIES.includes(x.visibility as string) ? (x.visibility as SheetVisibility) : 'Visible' });
  }
  return { action: v.action, at: v.at, created: [...(v.created as string[])], restore };
}
