// The add-on's actions (menu items and the sidebar's server functions), each under the document lock; all results JSON-safe.
import { importFollowUp } from '../../shared/import/import-follow-up';
import type { FollowUp } from '../../shared/model/follow-up';
import { gridIsEmpty } from '../../shared/model/grid';
import type { SheetPlan } from '../../shared/model/sheet-plan';
import { planImportSheets, planSummary, readStructured, EVENTS_SHEET, FINDINGS_SHEET } from '../../shared/plan';
import { buildReport } from '../../shared/report/build-report';
import type { ReportDoc } from '../../shared/report/report-doc';
import { previewOf, isGeneratedSheet, findStructuredSheet, type Preview } from '../../shared/app';
import { UI, SHEETS_UI } from '../../shared/i18n/sv-ui';
import { applyPlan, clearForRewrite, readSheetGrid } from './sheets-adapter';
import { formulaForLocale } from './formula-locale';
import { beginRun, lastRun, undoLastRun } from './undo';
import { exportReport, ExportError, type ExportResult } from './doc-export';
import { readWordFile } from './word-file';
import { isDocxError } from '../../shared/docx/errors';
import { planWordSheet, wordSheetName } from '../../shared/docx/source-sheet';
import { DOCX_ACTION } from '../../shared/i18n/sv-docx-action';
import { buildCitizen } from '../../shared/citizen/build-citizen';
import { renderCitizenHtml } from '../../shared/citizen/render-html';
import { citizenAsReportDoc } from '../../shared/citizen/as-report-doc';
import { CITIZEN_HOST } from '../../shared/i18n/sv-citizen';
import { UPDATE_UI } from '../../shared/i18n/sv-ui';
import { withAnalysis } from '../../shared/app/report-analysis';
import { previewOfUpdate, type UpdatePreview } from '../../shared/app/update-preview';
import { summarySheetName } from '../../shared/plan/names';
import { planSheetUpdate, summaryAnalysis, updateOffer, type UpdateOffer } from './update';
import { ROLLUP_HOST } from '../../shared/i18n/sv-rollup';
import { buildRollupReportFromData } from '../../shared/rollup/build-rollup-report';
import { readRollupSheets, rollupAsReportDoc, rollupOf, type RollupRead } from './rollup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What every server function returns to the sidebar (and what menu actions show). */
export interface ActionResult {
  ok: boolean;
  message: string;
  /** Set when sheets exist and the caller must confirm before they are replaced. */
  needsConfirm?: string[];
  preview?: Preview;
  written?: string[];
  report?: ExportResult;
  /** The citizen page for the sidebar to download (Exportera medborgarversion). */
  citizen?: { fileName: string; html: string };
  /** Label of the report links when they are not the council report's ("Medborgarversion"). */
  reportLabel?: string;
  lastRun?: string | null;
  /** Läs in: a structured sheet of the same follow-up exists, and what Uppdatera would do to it. */
  update?: UpdateOffer | null;
  /** Uppdatera: what the update did. */
  updated?: UpdatePreview;
}

const SOURCE_KEY = 'medborgarloften.source';
const PERIOD_KEY = 'medborgarloften.period';

/** Thrown for problems the user can fix; the message is Swedish and shown as is. */
class UserError extends Error {}

/** Runs `fn` holding the document lock, so two people clicking at once cannot interleave. */
export function withLock(what: string, fn: () => ActionResult): ActionResult {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(20000)) return { ok: false, message: SHEETS_UI.busy };
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError) return { ok: false, message: e.message };
    console.error(e);
    return { ok: false, message: UI.errors.unexpected(what) };
  } finally {
    lock.releaseLock();
  }
}

function active(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

function docProps(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The source sheet: the active sheet, or the last source when a generated sheet is active. */
function sourceSheet(ss: Spreadsheet): Sheet {
  const sheet = ss.getActiveSheet();
  if (!isGeneratedSheet(sheet.getName())) return sheet;
  const remembered = docProps().getProperty(SOURCE_KEY);
  const s = remembered ? ss.getSheetByName(remembered) : null;
  if (!s) throw new UserError(UI.errors.sourceIsGenerated(sheet.getName()));
  return s;
}

/** The reported period the user chose in the sidebar (null = automatic). */
function chosenPeriod(): number | null {
  const v = docProps().getProperty(PERIOD_KEY);
  return v ? Number(v) : null;
}

/** Reads and imports the source sheet; nothing is written. */
function importSource(ss: Spreadsheet): { sheet: Sheet; followUp: FollowUp } {
  const sheet = sourceSheet(ss);
  const grid = readSheetGrid(sheet);
  if (gridIsEmpty(grid)) throw new UserError(UI.errors.emptySheet);
  const followUp = importFollowUp(grid, { reportedPeriod: chosenPeriod() });
  return { sheet, followUp };
}

function today(ss: Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone() || 'Europe/Stockholm', 'yyyy-MM-dd');
}

/**
 * Writes plans: existing generated sheets are backed up (undo) and rewritten in place, new
 * ones added at the end. Never touches `protect` (the source sheet).
 */
function writePlans(ss: Spreadsheet, action: string, plans: SheetPlan[], protect: string | null): string[] {
  const names = plans.map((p) => p.name);
  if (protect && names.includes(protect)) throw new UserError(UI.errors.wouldWriteSource(protect));
  const existing: Record<string, Sheet | null> = {};
  for (const n of names) existing[n] = ss.getSheetByName(n);
  beginRun(ss, action, names, existing);
  try {
    const sheets = plans.map((p) => {
      const s = existing[p.name];
      if (s) {
        clearForRewrite(s);
        return s;
      }
      return ss.insertSheet(p.name, ss.getNumSheets());
    });
    const sheetIds: Record<string, number> = {};
    sheets.forEach((s, i) => { sheetIds[plans[i].name] = s.getSheetId(); });
    const formulaOf = formulaForLocale(ss.getSpreadsheetLocale());
    plans.forEach((p, i) => applyPlan(ss, sheets[i], p, { formulaOf, sheetIds }));
    sheets[0].activate();
  } catch (e) {
    // A half-written run is rolled back from its backups, so "nothing was overwritten" holds.
    undoLastRun(ss);
    throw e;
  }
  return names;
}

/** Names among `plans` that already exist (and would be replaced). */
function existingOf(ss: Spreadsheet, plans: SheetPlan[]): string[] {
  return plans.map((p) => p.name).filter((n) => ss.getSheetByName(n) !== null);
}

/** Reads the structured sheet (and Händelser/Kontroller) as the user has edited them. */
function readStructuredFollowUp(ss: Spreadsheet): FollowUp {
  const names = ss.getSheets().map((s) => s.getName());
  const name = findStructuredSheet(names, null);
  if (!name) throw new UserError(UI.errors.noStructured);
  const read = (n: string) => {
    const s = ss.getSheetByName(n);
    return s ? readSheetGrid(s) : null;
  };
  return readStructured({ structured: read(name)!, events: read(EVENTS_SHEET), findings: read(FINDINGS_SHEET) });
}

/**
 * The report's Doc + PDF (doc-export.ts); an export that stopped half-way has removed what it made
 * and becomes a UserError with its Swedish message. The message says where the files are.
 */
function exportTo(doc: ReportDoc, ss: Spreadsheet, name: string, saved: (docName: string) => string): { res: ExportResult; message: string } {
  let res: ExportResult;
  try {
    res = exportReport(doc, ss.getId(), name);
  } catch (e) {
    if (!(e instanceof ExportError)) throw e;
    // A refusal by size is the user's answer, not a failure to log.
    if (e.step !== 'size') console.error(e);
    throw new UserError(e.userMessage);
  }
  return { res, message: `${saved(res.docName)} ${res.besideSpreadsheet ? SHEETS_UI.reportBeside : SHEETS_UI.reportInRoot}` };
}

// ---- server functions (sidebar via google.script.run; menu items wrap them) ----

/** Läs in: the preview and findings of the source sheet, before anything is written. */
export function preview(period?: number | null): ActionResult {
  return withLock(UI.errors.whatRead, () => {
    if (period !== undefined) {
      if (period === null) docProps().deleteProperty(PERIOD_KEY);
      else docProps().setProperty(PERIOD_KEY, String(period));
    }
    const ss = active();
    const { sheet, followUp } = importSource(ss);
    docProps().setProperty(SOURCE_KEY, sheet.getName());
    const p = previewOf({ ...followUp, sheetName: followUp.sheetName ?? sheet.getName() });
    return { ok: true, message: UI.result.read(p.kommun, p.year), preview: p, lastRun: lastRun()?.action ?? null, update: updateOffer(ss, followUp) };
  });
}

/**
 * Öppna Word-fil: the sidebar sends the chosen .docx as base64; it is read here (Utilities.unzip
 * and the core's Word reader), written as a new sheet "Underlag – <filnamn>" (a name no sheet
 * has: never over an existing one), made the source and read back as Läs in reads it, so the
 * preview is of exactly what the sheet shows. A file the reader refuses writes nothing.
 */
export function openWordFile(fileName: string, base64: string, period?: number | null): ActionResult {
  return withLock(DOCX_ACTION.what, () => {
    const name = String(fileName || 'Word.docx');
    if (period !== undefined) {
      if (period === null) docProps().deleteProperty(PERIOD_KEY);
      else docProps().setProperty(PERIOD_KEY, String(period));
    }
    const ss = active();
    const sheetName = wordSheetName(name, ss.getSheets().map((s) => s.getName()));
    let grid: ReturnType<typeof readWordFile>;
    try {
      grid = readWordFile(name, String(base64 ?? ''), sheetName);
    } catch (e) {
      if (isDocxError(e)) throw new UserError(e.message);
      throw e;
    }
    // A run of its own for Ångra: it created this one sheet, which undo deletes.
    beginRun(ss, DOCX_ACTION.open, [sheetName], { [sheetName]: null });
    const sheet = ss.insertSheet(sheetName, ss.getNumSheets());
    applyPlan(ss, sheet, planWordSheet(grid, sheetName));
    sheet.activate();
    const { followUp } = importSource(ss);
    docProps().setProperty(SOURCE_KEY, sheetName);
    const p = previewOf({ ...followUp, sheetName: followUp.sheetName ?? sheetName });
    return { ok: true, message: DOCX_ACTION.opened(sheetName), preview: p, written: [sheetName], lastRun: DOCX_ACTION.open };
  });
}

/** Läs in och strukturera: writes the structured, Händelser and Kontroller sheets. */
export function structure(confirmed: boolean): ActionResult {
  return withLock(UI.errors.whatWrite, () => {
    const ss = active();
    const { sheet, followUp } = importSource(ss);
    docProps().setProperty(SOURCE_KEY, sheet.getName());
    const plans = planImportSheets(followUp);
    const existing = existingOf(ss, plans);
    if (existing.length && !confirmed) return { ok: false, needsConfirm: existing, message: UI.pane.confirmReplace(existing) };
    const written = writePlans(ss, UI.actions.readAndStructure, plans, sheet.getName());
    return { ok: true, message: UI.result.wrote(written), written, preview: previewOf(followUp), lastRun: UI.actions.readAndStructure };
  });
}

/**
 * Uppdatera: the source read in again into the structured sheet of the same follow-up, keeping
 * everything the user entered (see shared/update); the structured, Händelser and Kontroller sheets
 * are backed up first, so "Ångra senaste körning" restores them.
 */
export function update(): ActionResult {
  return withLock(UPDATE_UI.what, () => {
    const ss = active();
    const { sheet, followUp } = importSource(ss);
    docProps().setProperty(SOURCE_KEY, sheet.getName());
    const planned = planSheetUpdate(ss, followUp);
    if (!planned) throw new UserError(UI.errors.noStructured);
    if (!planned.result.ok) throw new UserError(planned.result.reason);
    const written = writePlans(ss, UPDATE_UI.update, planned.plans, sheet.getName());
    const updated = previewOfUpdate(planned.result);
    return { ok: true, message: UPDATE_UI.done(planned.sheet, updated.summary), written, updated, preview: previewOf(planned.result.followUp), lastRun: UPDATE_UI.update };
  });
}

/** Skapa sammanfattning: from the structured sheet as edited; the "Sammanfattande analys" of a summary made again stays. */
export function summary(confirmed: boolean): ActionResult {
  return withLock(UI.errors.whatWrite, () => {
    const ss = active();
    const f = readStructuredFollowUp(ss);
    const name = planSummary(f, { generatedAt: today(ss) }).name;
    const plan = planSummary(f, { generatedAt: today(ss), analysis: summaryAnalysis(ss, name) });
    const existing = existingOf(ss, [plan]);
    if (existing.length && !confirmed) return { ok: false, needsConfirm: existing, message: UI.pane.confirmReplace(existing) };
    const written = writePlans(ss, UI.actions.summary, [plan], docProps().getProperty(SOURCE_KEY));
    return { ok: true, message: UI.result.wrote(written), written, lastRun: UI.actions.summary };
  });
}

/** Exportera rapport: Google Doc + PDF next to the spreadsheet. */
export function report(): ActionResult {
  return withLock(UI.errors.whatReport, () => {
    const ss = active();
    const f = readStructuredFollowUp(ss);
    // The summary of the reported period's "Sammanfattande analys" comes first.
    const analysis = summaryAnalysis(ss, summarySheetName(f.periodKind === 'year' ? null : f.reportedPeriod, f.year, f.periodKind));
    const doc = withAnalysis(buildReport(f, { generatedAt: today(ss) }), analysis);
    const name = `${doc.title} (${today(ss)})`;
    const { res, message } = exportTo(doc, ss, name, UI.result.reportSaved);
    return { ok: true, message, report: res };
  });
}

/** Exportera medborgarversion: the citizen page of the structured sheet as edited, for the sidebar to download. */
export function citizenPage(): ActionResult {
  return withLock(CITIZEN_HOST.what, () => {
    const ss = active();
    const f = readStructuredFollowUp(ss);
    const fileName = `${CITIZEN_HOST.fileBase(f.kommun, f.year, f.reportedPeriod)}.html`;
    return { ok: true, message: CITIZEN_HOST.saved(fileName), citizen: { fileName, html: renderCitizenHtml(buildCitizen(f, { generatedAt: today(ss) })) } };
  });
}

/** Medborgarversion som Google-dokument: the citizen version through the report's Doc export (Doc + PDF beside the spreadsheet). */
export function citizenDoc(): ActionResult {
  return withLock(CITIZEN_HOST.what, () => {
    const ss = active();
    const f = readStructuredFollowUp(ss);
    const doc = citizenAsReportDoc(buildCitizen(f, { generatedAt: today(ss) }));
    const { res, message } = exportTo(doc, ss, `${CITIZEN_HOST.fileBase(f.kommun, f.year, f.reportedPeriod)} (${today(ss)})`, CITIZEN_HOST.docSaved);
    return { ok: true, message, report: res, reportLabel: CITIZEN_HOST.docLink };
  });
}

/** Ångra senaste körning. */
export function undo(): ActionResult {
  return withLock(UI.errors.whatUndo, () => {
    const r = undoLastRun(active());
    if (!r) return { ok: false, message: UI.pane.undoNothing, lastRun: null };
    return { ok: true, message: UI.result.undone(r.deleted, r.restored), lastRun: null };
  });
}

/** Selects a finding's cell on the sheet it concerns (the source sheet unless named). */
export function selectCell(sheetName: string | null, cell: string): ActionResult {
  const ss = active();
  const name = sheetName ?? docProps().getProperty(SOURCE_KEY);
  const sheet = name ? ss.getSheetByName(name) : ss.getActiveSheet();
  if (!sheet) return { ok: false, message: UI.errors.sheetMissing(name ?? '') };
  try {
    sheet.activate();
    sheet.getRange(cell).activate();
  } catch {
    return { ok: false, message: UI.errors.cellNotFound(cell) };
  }
  return { ok: true, message: UI.result.selected(cell) };
}

// ---- menu items: the same actions, with ui.alert for confirmation and results ----

function ui(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

function confirmThen(first: ActionResult, again: () => ActionResult): ActionResult {
  if (!first.needsConfirm) return first;
  const u = ui();
  const answer = u.alert(UI.pane.confirmTitle, first.message, u.ButtonSet.YES_NO);
  if (answer !== u.Button.YES) return { ok: false, message: UI.pane.cancel };
  return again();
}

function show(r: ActionResult): ActionResult {
  if (r.ok || r.message !== UI.pane.cancel) ui().alert(UI.appName, r.message, ui().ButtonSet.OK);
  return r;
}

export function menuReadAndStructure(): ActionResult {
  return show(confirmThen(structure(false), () => structure(true)));
}

export function menuSummary(): ActionResult {
  return show(confirmThen(summary(false), () => summary(true)));
}

export function menuUndo(): ActionResult {
  return show(undo());
}

/** Export from the menu: a small dialog with both links (texts escaped). */
export function menuReport(): ActionResult {
  const r = report();
  if (!r.ok || !r.report) return show(r);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const html = HtmlService.createHtmlOutput(
    `<div style="font-family:Arial,sans-serif;font-size:13px">` +
      `<p>${esc(r.message)}</p>` +
      `<p><a href="${esc(r.report.docUrl)}" target="_blank" rel="noopener">${esc(SHEETS_UI.reportDoc)}</a><br>` +
      `<a href="${esc(r.report.pdfUrl)}" target="_blank" rel="noopener">${esc(SHEETS_UI.reportPdf)}</a></p></div>`,
  )
    .setWidth(420)
    .setHeight(180);
  ui().showModalDialog(html, SHEETS_UI.reportTitle);
  return r;
}

/** Visa sidopanel. */
export function menuSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(UI.appName);
  ui().showSidebar(html);
}

// ---- roll-up across kommuner (Sammanställ flera kommuner) ----

/** Every kommun's structured sheet of the spreadsheet, read as `readRollupSheets` reads it (the hidden undo backups left out); a UserError when there is none. */
function readRollup(ss: Spreadsheet): RollupRead {
  const backups = new Set((lastRun()?.replaced ?? []).map((r) => r.backup));
  const read = readRollupSheets(ss, (n) => backups.has(n));
  if (!read) throw new UserError(ROLLUP_HOST.noKommuner);
  return read;
}

/**
 * Sammanställ flera kommuner: every structured sheet of the spreadsheet (one per kommun, found by
 * its table header whatever it is called, each with its own Händelser and Kontroller) as edited,
 * rolled up into Sammanställning, Teman and Aktiviteter per tema. Themes users corrected in an
 * earlier Aktiviteter per tema stay. Existing roll-up sheets are replaced only when `confirmed`,
 * backed up first, so "Ångra senaste körning" restores them (or deletes new ones).
 */
export function rollup(confirmed: boolean): ActionResult {
  return withLock(ROLLUP_HOST.what, () => {
    const ss = active();
    const { plans, data } = rollupOf(readRollup(ss), today(ss));
    const existing = existingOf(ss, plans);
    if (existing.length && !confirmed) return { ok: false, needsConfirm: existing, message: UI.pane.confirmReplace(existing) };
    const written = writePlans(ss, ROLLUP_HOST.action, plans, docProps().getProperty(SOURCE_KEY));
    const kept = data.activities.filter((a) => a.byUser).length;
    const message = [ROLLUP_HOST.wrote(data.kommuner.length, data.total.activities, written), kept ? ROLLUP_HOST.keptThemes(kept) : ''].filter(Boolean).join(' ');
    return { ok: true, message, written, lastRun: ROLLUP_HOST.action };
  });
}

/** Sammanställning som Google-dokument: the region's report through the report's Doc export (Doc + PDF beside the spreadsheet). */
export function rollupDoc(): ActionResult {
  return withLock(ROLLUP_HOST.whatReport, () => {
    const ss = active();
    const { data } = rollupOf(readRollup(ss), today(ss));
    const doc = rollupAsReportDoc(buildRollupReportFromData(data));
    const { res, message } = exportTo(doc, ss, `${ROLLUP_HOST.fileBase(today(ss))}`, ROLLUP_HOST.docSaved);
    return { ok: true, message, report: res, reportLabel: ROLLUP_HOST.docLink };
  });
}

/** Sammanställ flera kommuner from the menu: asks before replacing, then says what was written. */
export function menuRollup(): ActionResult {
  return show(confirmThen(rollup(false), () => rollup(true)));
}
