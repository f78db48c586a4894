// Undo for Sheets: sheets a run replaces are copied whole to hidden backup sheets and written back whole into the same sheet; a small manifest in document properties says what to restore.
//
// Why hidden sheets and not properties: a snapshot of a 5,000-row sheet is megabytes, while the
// documented quotas are 9 KB per property value and 500 KB per property store
// (https://developers.google.com/apps-script/guides/services/quotas, "Properties value size" /
// "Properties total storage"; https://developers.google.com/apps-script/guides/properties).
// Measurements put the real per-value limit a little lower and count the key too
// (https://gist.github.com/tanaikech/8b057d10fb5f2af014794e57b021c6aa), so nothing here comes
// near it: Sheet.copyTo keeps the whole sheet in ONE call, and the only property written is the
// manifest (action, time, at most four sheet names of at most 100 characters and their
// positions: under 1 KB). The tests' PropertiesService fake throws past 9 KB per key+value and
// 500 KB in total.
//
// Why undo writes the backup back INTO the replaced sheet rather than deleting it and renaming the
// backup: other sheets point at the replaced sheet by its identity. Of the generated sheets, the
// structured sheet counts Händelser with COUNTIFS, Teman counts Aktiviteter per tema, and Kontroller
// links to the structured sheet's cells by `#gid=<its id>`; users add formulas of their own over any
// of them. Deleting a sheet turns every formula reference to it into #REF! and leaves the links
// pointing at nothing. So the sheet keeps its id and position, and everything a sheet holds is put back
// through documented calls, each constant in the number of rows:
//   - the grid size first (getMaxRows/getMaxColumns, insertRowsAfter/deleteRows …), so the whole
//     backup fits and nothing of the run's larger grid remains;
//   - Range.copyTo over the backup's WHOLE grid (not its data range: Händelser's validation runs
//     below the data) with CopyPasteType PASTE_NORMAL ("values, formulas, formats and merges"),
//     PASTE_DATA_VALIDATION ("the data validation only") and PASTE_COLUMN_WIDTHS ("the column
//     widths only") (https://developers.google.com/apps-script/reference/spreadsheet/copy-paste-type,
//     https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range,CopyPasteType,Boolean));
//   - notes with ONE getNotes/setNotes (over the rectangle that has notes) and the conditional
//     formats with ONE setConditionalFormatRules of the backup's rules re-aimed at this sheet
//     (ConditionalFormatRule.copy().setRanges): the CopyPasteType reference does not promise that a
//     normal paste carries them, and setting them explicitly is right whether it does or not;
//   - frozen rows and columns (setFrozenRows/setFrozenColumns) and the tab colour
//     (getTabColor/setTabColor, "null to reset the tab color");
//   - embedded charts, which Range.copyTo does not copy (they are not cells): each is built again
//     on this sheet with newChart() from the backup chart's type (modify().getChartType()), its
//     ranges (getRanges, re-aimed here), its position (getContainerInfo: anchor row and column,
//     offsets) and the options the add-on sets (getOptions().get), then insertChart
//     (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart,
//     .../embedded-chart-builder, .../container-info). A chart built from modify() stays the
//     backup's chart ("an existing chart should be updated via sheet.updateChart"), hence newChart.
//   - the position among the sheets (Sheet.getIndex, Spreadsheet.moveActiveSheet), should it
//     have changed.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

import { clearForRewrite } from './sheets-adapter';

const KEY = 'medborgarloften.undo';

/** Chart options the add-on writes (sheets-adapter writeChart), carried over when a chart is rebuilt. */
const CHART_OPTIONS = ['title', 'width', 'height', 'legend.position', 'colors', 'hAxis.title', 'vAxis.title', 'isStacked'];

/** The last run, as stored in document properties (JSON, a few hundred bytes). */
export interface UndoManifest {
  action: string;
  at: string;
  /** Sheets the run created: undo deletes them. */
  created: string[];
  /** Sheets the run replaced, the hidden copy made before, and the sheet's position then (1-based). */
  replaced: { name: string; backup: string; index?: number }[];
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

/**
 * Gives a backup its name; should a sheet of the user's already be called that (setName refuses a
 * name in use), a numbered one. No calls beyond the one setName when the name is free.
 */
function nameBackup(backup: Sheet, wanted: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${wanted.slice(0, 94)} (${n})`;
    try {
      backup.setName(name);
      return name;
    } catch (e) {
      if (n >= 9) throw e;
    }
  }
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
 * Before a run writes `names`: copies every existing one whole to a hidden backup sheet
 * (Sheet.copyTo, added after the last sheet, so no other sheet moves) and records which are new.
 * Returns the manifest it stored.
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
    const index = sheet.getIndex();
    const backup = sheet.copyTo(ss);
    const bname = nameBackup(backup, backupName(i, name));
    backup.hideSheet();
    m.replaced.push({ name, backup: bname, index });
  });
  props().setProperty(KEY, JSON.stringify(m));
  return m;
}

/** Gives `sheet` exactly `rows` × `cols` cells (rows and columns are added or removed at the end). */
function fitGrid(sheet: Sheet, rows: number, cols: number): void {
  const r = sheet.getMaxRows();
  if (r < rows) sheet.insertRowsAfter(r, rows - r);
  else if (r > rows) sheet.deleteRows(rows + 1, r - rows);
  const c = sheet.getMaxColumns();
  if (c < cols) sheet.insertColumnsAfter(c, cols - c);
  else if (c > cols) sheet.deleteColumns(cols + 1, c - cols);
}

/** The smallest rectangle (1-based row, column, rows, columns) of the non-empty strings in `grid`, or null. */
function usedBox(grid: string[][]): { row: number; col: number; rows: number; cols: number } | null {
  let r0 = -1, r1 = -1, c0 = Infinity, c1 = -1;
  grid.forEach((row, i) => row.forEach((v, j) => {
    if (v === '' || v === null || v === undefined) return;
    if (r0 < 0) r0 = i;
    r1 = i;
    if (j < c0) c0 = j;
    if (j > c1) c1 = j;
  }));
  return r0 < 0 ? null : { row: r0 + 1, col: c0 + 1, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** Writes the whole of `backup` into `target`, which keeps its id (see the top of this file for what is put back and how). */
function restoreInto(target: Sheet, backup: Sheet): void {
  const rows = backup.getMaxRows();
  const cols = backup.getMaxColumns();
  clearForRewrite(target);
  target.setConditionalFormatRules([]);
  fitGrid(target, rows, cols);
  const src = backup.getRange(1, 1, rows, cols);
  const dest = target.getRange(1, 1, rows, cols);
  const paste = SpreadsheetApp.CopyPasteType;
  src.copyTo(dest, paste.PASTE_NORMAL, false);
  src.copyTo(dest, paste.PASTE_DATA_VALIDATION, false);
  src.copyTo(dest, paste.PASTE_COLUMN_WIDTHS, false);
  const notes = src.getNotes();
  const box = usedBox(notes);
  if (box) target.getRange(box.row, box.col, box.rows, box.cols).setNotes(notes.slice(box.row - 1, box.row - 1 + box.rows).map((r) => r.slice(box.col - 1, box.col - 1 + box.cols)));
  const backupId = backup.getSheetId();
  const here = (r: GoogleAppsScript.Spreadsheet.Range) => (r.getSheet().getSheetId() === backupId ? target.getRange(r.getA1Notation()) : r);
  const rules = backup.getConditionalFormatRules();
  if (rules.length) target.setConditionalFormatRules(rules.map((rule) => rule.copy().setRanges(rule.getRanges().map(here)).build()));
  target.setFrozenRows(backup.getFrozenRows());
  target.setFrozenColumns(backup.getFrozenColumns());
  target.setTabColor(backup.getTabColor() as string);
  for (const chart of backup.getCharts()) {
    let b = target.newChart().setChartType(chart.modify().getChartType());
    for (const r of chart.getRanges()) b = b.addRange(here(r));
    const at = chart.getContainerInfo();
    b = b.setPosition(at.getAnchorRow(), at.getAnchorColumn(), at.getOffsetX(), at.getOffsetY());
    const options = chart.getOptions();
    for (const k of CHART_OPTIONS) {
      const v = options.get(k);
      if (v !== null && v !== undefined) b = b.setOption(k, v);
    }
    target.insertChart(b.build());
  }
}

/**
 * Puts the restored sheets back at the positions they had before the run (1-based, as
 * Sheet.getIndex counts; the backups are gone by now), should anything have moved them: the
 * sheets' order with these taken out and put in at their positions, reached with
 * Spreadsheet.moveActiveSheet ("moves the active sheet to the given position"), one sheet at a
 * time from the first position on. Nothing is read beyond getIndex when nothing moved.
 */
function restoreOrder(ss: Spreadsheet, wanted: { name: string; index: number }[]): void {
  const moved = wanted.some((w) => {
    const s = ss.getSheetByName(w.name);
    return s !== null && s.getIndex() !== w.index;
  });
  if (!moved) return;
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const placed = wanted.filter((w) => names.includes(w.name)).sort((a, b) => a.index - b.index);
  const order = names.filter((n) => !placed.some((w) => w.name === n));
  for (const w of placed) order.splice(Math.min(w.index - 1, order.length), 0, w.name);
  const current = [...names];
  order.forEach((name, i) => {
    if (current[i] === name) return;
    ss.setActiveSheet(sheets[names.indexOf(name)]);
    ss.moveActiveSheet(i + 1);
    current.splice(current.indexOf(name), 1);
    current.splice(i, 0, name);
  });
}

/** Restores the last run: deletes sheets it created, writes replaced sheets back whole from their backups, in their places. */
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
      // The user deleted the sheet since: the backup becomes it (nothing can point at a deleted sheet's id).
      backup.setName(r.name);
      backup.showSheet();
      restored.push(r.name);
      continue;
    }
    restoreInto(target, backup);
    ss.deleteSheet(backup);
    restored.push(r.name);
  }
  restoreOrder(ss, m.replaced.filter((r) => r.index && restored.includes(r.name)) as { name: string; index: number }[]);
  props().deleteProperty(KEY);
  return { deleted, restored };
}
