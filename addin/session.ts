// The task pane's workflow over the Excel adapter and the core: read → preview → structure → summary → report → undo.
import type { FollowUp } from '../shared/model/follow-up';
import { gridIsEmpty, type Grid } from '../shared/model/grid';
import type { SheetPlan } from '../shared/model/sheet-plan';
import { importFollowUp } from '../shared/import/import-follow-up';
import { EVENTS_SHEET, FINDINGS_SHEET, structuredSheetName, summarySheetName } from '../shared/plan/names';
import type { ReportDoc } from '../shared/report/report-doc';
import type { CitizenDoc } from '../shared/citizen/citizen-doc';
import type { RollupReportDoc } from '../shared/rollup/rollup-report-doc';
import type { PreparedRollup, RollupDeps } from './rollup';
import { previewOf, type Preview } from '../shared/app/preview';
import { findStructuredSheet, generatedKind, isGeneratedSheet } from '../shared/app/generated-sheets';
import type { UndoRecord } from '../shared/app/snapshot';
import type { UndoStore } from './undo-store';
import { PlanTooLargeError } from '../shared/app/split-plan';
import { UI } from '../shared/i18n/sv-ui';
import { DOCX_ACTION } from '../shared/i18n/sv-docx-action';
import { applyPlans, inspectSheets, listSheets, readSource, selectCell, SourceSheetError, NO_EXTRAS, type Capabilities, type ExcelHost, type SheetsState } from './excel-adapter';

/** An error whose message is plain Swedish for the user. */
export class UserError extends Error {}

/** Performance mark the task pane sets once it answers clicks (read by the first-render benchmark). */
export const PANE_READY_MARK = 'medborgarloften:pane-ready';

/** A write that is ready to go once the user has confirmed replacing `replacing`. */
export interface PreparedWrite {
  action: string;
  plans: SheetPlan[];
  /** Generated sheets that exist and will be replaced (ask first when non-empty). */
  replacing: string[];
  state: SheetsState;
  /** The follow-up the plans were built from. */
  followUp: FollowUp;
}

/** YYYY-MM-DD in local time. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A file name for the report: "Medborgarlöften Eskilstuna 2019 T3.docx". */
export function reportFileName(f: FollowUp): string {
  const period = f.reportedPeriod ? `T${f.reportedPeriod}` : '';
  const name = ['Medborgarlöften', f.kommun ?? '', f.year ?? '', period].filter((x) => x !== '').join(' ');
  return `${name.replace(/[\\/:*?"<>|]+/g, '-')}.docx`;
}

/** Turns anything thrown into a Swedish message; never shows a raw exception. */
export function userMessage(e: unknown, what: string): string {
  if (e instanceof UserError || e instanceof SourceSheetError || e instanceof PlanTooLargeError) return e.message;
  const code = (e as { code?: string } | null)?.code;
  if (code === 'InvalidOperationInCellEditMode') return UI.errors.busy;
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'PayloadTooLarge') return UI.errors.tooLarge;
  if (code === 'ResponsePayloadSizeLimitExceeded') return UI.errors.responseTooLarge;
  return UI.errors.unexpected(what);
}

/**
 * The plan builders, the reader of the structured sheet, the report builder and the undo record:
 * loaded with the first action that writes or reads back (their own chunk, with the schema
 * library), so the pane's first script holds only what Läs in needs.
 */
function writers() {
  return import(/* webpackChunkName: "writers" */ './writers');
}

/** The reader of a summary's "Sammanfattande analys" and the report's analysis section: in the writers' chunk. */
async function analysisReader() {
  const [{ readSummaryAnalysis }, { withAnalysis }] = await Promise.all([
    import(/* webpackChunkName: "writers" */ '../shared/plan/summary-analysis'),
    import(/* webpackChunkName: "writers" */ '../shared/app/report-analysis'),
  ]);
  return { readSummaryAnalysis, withAnalysis };
}

/** Holds what the pane has read and the last run's undo record. One instance per pane. */
export class AddinSession {
  source: { grid: Grid; sheet: string; address: string } | null = null;
  followUp: FollowUp | null = null;
  sheetNames: string[] = [];
  undo: UndoRecord | null = null;
  /** Sheet the findings shown in the pane refer to. */
  findingsSheet: string | null = null;

  /** Bytes per request and response the host takes (Capabilities.requestBudget): reads and writes are split by it. */
  get requestBudget(): number {
    return this.caps.requestBudget;
  }

  constructor(
    private host: ExcelHost,
    private caps: Capabilities = NO_EXTRAS,
    private now: () => Date = () => new Date(),
    /** Where the undo record outlives the pane (the document's add-in settings); null keeps it in memory only. */
    private store: UndoStore | null = null,
  ) {
    this.undo = store?.load() ?? null;
  }

  /** Läs in: reads the active sheet (or the selection) and imports it; writes nothing. One sync. */
  async read(opts: { selectionOnly?: boolean; reportedPeriod?: number | null } = {}): Promise<Preview> {
    const res = await readSource(this.host, { selectionOnly: opts.selectionOnly, budget: this.caps.requestBudget });
    this.sheetNames = res.sheetNames;
    const sheet = res.grid.sheetName ?? '';
    if (isGeneratedSheet(sheet)) throw new UserError(UI.errors.sourceIsGenerated(sheet));
    if (gridIsEmpty(res.grid)) throw new UserError(UI.errors.emptySheet);
    this.source = { grid: res.grid, sheet, address: res.address };
    return this.reimport(opts.reportedPeriod ?? null);
  }

  /**
   * Öppna Word-fil: reads a .docx (the Word reader is loaded only now, as its own chunk), writes
   * it as a new source sheet "Underlag – <filnamn>" (a name no sheet has: never over an existing
   * one), then reads that sheet as Läs in does, so what is imported is what the user sees. A file
   * the reader refuses is a UserError with its Swedish message, and then nothing is written.
   * Three syncs: the sheet names, the write (split only past the web's request limit), the read.
   */
  async openWordFile(bytes: Uint8Array, fileName: string, opts: { reportedPeriod?: number | null } = {}): Promise<{ preview: Preview; sheet: string }> {
    const word = await import(/* webpackChunkName: "word-reader" */ '../shared/docx/open-docx');
    let grid: Grid;
    try {
      grid = await word.readDocx(bytes, { fileName });
    } catch (e) {
      if (word.isDocxError(e)) throw new UserError(e.message);
      throw e;
    }
    const names = await listSheets(this.host);
    const sheet = word.wordSheetName(fileName, names);
    // Undone like every run: Ångra deletes the new source sheet.
    await this.writeWithUndo(DOCX_ACTION.open, [word.planWordSheet(grid, sheet)], { [sheet]: null }, names, { source: null, activate: sheet });
    this.sheetNames = [...names, sheet];
    return { preview: await this.read({ reportedPeriod: opts.reportedPeriod ?? null }), sheet };
  }

  /** Imports the grid read last with another reported period (no Excel call). */
  reimport(reportedPeriod: number | null): Preview {
    if (!this.source) throw new UserError(UI.errors.readFirst);
    const f = importFollowUp(this.source.grid, reportedPeriod ? { reportedPeriod } : {});
    if (!f.promises.some((p) => p.activities.length)) throw new UserError(UI.errors.noActivities);
    this.followUp = f;
    this.findingsSheet = this.source.sheet;
    return previewOf(f);
  }

  /** Skapa strukturerat blad, step 1: plans, and which existing sheets they replace. One sync. */
  async prepareStructure(): Promise<PreparedWrite> {
    const f = this.followUp;
    if (!f || !this.source) throw new UserError(UI.errors.readFirst);
    const { planImportSheets } = await writers();
    const plans = planImportSheets(f);
    const state = await inspectSheets(this.host, plans.map((p) => p.name), [], { budget: this.caps.requestBudget });
    this.sheetNames = state.sheetNames;
    return { action: UI.actions.structure, plans, replacing: plans.map((p) => p.name).filter((n) => state.existing[n]), state, followUp: f };
  }

  /** Skapa sammanfattning, step 1: reads the structured sheet back as edited, plans the summary. One sync. */
  async prepareSummary(): Promise<PreparedWrite> {
    const { followUp, state } = await this.readBack(true);
    const [{ planSummary }, { readSummaryAnalysis }] = await Promise.all([writers(), analysisReader()]);
    const name = planSummary(followUp, { generatedAt: isoDate(this.now()) }).name;
    // The summary's name is known only now; its snapshot was read with every summary sheet. A summary made again keeps its "Sammanfattande analys".
    const existing = state.existing[name] !== undefined ? state.existing[name] : null;
    const plan = planSummary(followUp, { generatedAt: isoDate(this.now()), analysis: readSummaryAnalysis(existing) });
    const narrowed: SheetsState = { ...state, existing: { [plan.name]: existing } };
    return { action: UI.actions.summary, plans: [plan], replacing: existing ? [plan.name] : [], state: narrowed, followUp };
  }

  /** Step 2 of a write: applies the plans (one sync unless split), the replaced sheets kept whole as hidden backups for undo. */
  async commit(prep: Omit<PreparedWrite, 'followUp'>): Promise<string[]> {
    // The sheets the plans write: those that exist are backed up, the others undo deletes (a sheet no plan writes stays as it is).
    const existing = Object.fromEntries(prep.plans.map((p) => [p.name, prep.state.existing[p.name] ?? null]));
    await this.writeWithUndo(prep.action, prep.plans, existing, prep.state.sheetNames, {
      source: this.source?.sheet ?? null,
      activate: prep.plans[0]?.name ?? null,
    });
    const names = prep.plans.map((p) => p.name);
    this.sheetNames = [...new Set([...this.sheetNames, ...names])];
    if (prep.plans[0]?.kind === 'structured') this.findingsSheet = this.source?.sheet ?? null;
    return names;
  }

  /** Exportera rapport: the report built from the structured sheet as edited, the "Sammanfattande analys" of the period's summary first. One sync. */
  async report(): Promise<{ doc: ReportDoc; fileName: string }> {
    const { followUp, state } = await this.readBack(true);
    const [{ buildReport }, { readSummaryAnalysis, withAnalysis }] = await Promise.all([writers(), analysisReader()]);
    const summary = state.existing[summarySheetName(followUp.reportedPeriod, followUp.year, followUp.periodKind)] ?? null;
    return { doc: withAnalysis(buildReport(followUp, { generatedAt: isoDate(this.now()) }), readSummaryAnalysis(summary)), fileName: reportFileName(followUp) };
  }

  /** Exportera medborgarversion: the citizen version built from the structured sheet as edited; `fileBase` has no extension. One sync; the builder is a lazy chunk. */
  async citizen(): Promise<{ doc: CitizenDoc; fileBase: string }> {
    const { followUp } = await this.readBack(false);
    // The citizen builder and words load only now (their own chunk), keeping the pane's first script small.
    const [{ buildCitizen }, { CITIZEN_HOST }] = await Promise.all([
      import(/* webpackChunkName: "citizen" */ '../shared/citizen/build-citizen'),
      import(/* webpackChunkName: "citizen" */ '../shared/i18n/sv-citizen'),
    ]);
    return { doc: buildCitizen(followUp, { generatedAt: isoDate(this.now()) }), fileBase: CITIZEN_HOST.fileBase(followUp.kommun, followUp.year, followUp.reportedPeriod) };
  }

  /**
   * Sammanställ flera kommuner, step 1: reads every kommun's structured sheet of the workbook (known
   * by its table header, whatever it is called) with its own Händelser and Kontroller, and plans the
   * three roll-up sheets; `commit` writes them and keeps the undo record. The roll-up's code is a
   * chunk of its own, loaded only now. Three syncs whatever the number of kommuner.
   */
  async prepareRollup(): Promise<PreparedRollup> {
    const { prepareRollup } = await import(/* webpackChunkName: "rollup" */ './rollup');
    const prep = await prepareRollup(this.rollupDeps(), isoDate(this.now()));
    this.sheetNames = prep.state.sheetNames;
    return prep;
  }

  /** Sammanställning i Word: the region's report from every kommun's structured sheet as edited. Three syncs; the code is the roll-up's chunk. */
  async rollupReport(): Promise<{ doc: RollupReportDoc; fileName: string }> {
    const { rollupReport } = await import(/* webpackChunkName: "rollup" */ './rollup');
    return rollupReport(this.rollupDeps(), isoDate(this.now()));
  }

  /** What the roll-up's chunk gets of the pane's modules (it imports none of them; see RollupDeps). */
  private rollupDeps(): RollupDeps {
    return { host: this.host, caps: this.caps, listSheets, inspectSheets, userError: (m) => new UserError(m) };
  }

  /**
   * Writes `plans` with the undo record of the run: `existing` names every sheet the plans write,
   * null for a new one. The sheets that exist are renamed to hidden backups and the previous run's
   * backups deleted, all in the write's first sync (see undo-adapter.ts), so the write takes the
   * syncs it took before. The record is kept even when the write fails half-way, so Ångra can
   * give the sheets back.
   */
  private async writeWithUndo(action: string, plans: SheetPlan[], existing: Record<string, unknown>, sheetNames: string[], opts: { source: string | null; activate: string | null }): Promise<void> {
    const { undoRecordOf, backupsOf, backupHost } = await writers();
    // The previous run's backups go first in the same batch, so their names are free again.
    const drop = backupsOf(this.undo).filter((n) => sheetNames.includes(n));
    const rec = undoRecordOf(action, existing, this.now(), sheetNames.filter((n) => !drop.includes(n)));
    const backed = backupHost(this.host, rec, drop);
    try {
      // The replaced sheets' names are free once they are backups: every planned sheet is added new.
      await applyPlans(backed.host, plans, { source: opts.source, existing: [], capabilities: this.caps, activate: opts.activate });
      await backed.finish();
    } finally {
      if (backed.started) {
        this.undo = rec;
        await this.store?.save(rec);
      }
    }
  }

  /**
   * Ångra senaste körning: deletes the sheets the last run created or wrote and gives the replaced
   * sheets back whole, in their places, under their names (formulas elsewhere that refer to them
   * keep working). Two syncs whatever the size: the sheet names, then the undo.
   */
  async undoLast(): Promise<{ deleted: string[]; restored: string[] }> {
    const rec = this.undo;
    if (!rec) throw new UserError(UI.pane.undoNothing);
    const [{ undoRun }, all] = await Promise.all([writers(), listSheets(this.host)]);
    const result = await undoRun(this.host, rec, all);
    this.undo = null;
    await this.store?.save(null);
    this.sheetNames = this.sheetNames.filter((n) => !rec.created.includes(n));
    return result;
  }

  /** Selects a finding's cell in the sheet the findings refer to. */
  async select(cell: string): Promise<boolean> {
    const sheet = this.findingsSheet ?? this.source?.sheet;
    if (!sheet) return false;
    return selectCell(this.host, sheet, cell);
  }

  /** Reads the structured sheet (+ Händelser, Kontroller, and for a summary every summary sheet) in one sync. */
  private async readBack(withSummaries: boolean): Promise<{ followUp: FollowUp; state: SheetsState }> {
    if (!this.sheetNames.length) this.sheetNames = await listSheets(this.host);
    const preferred = this.followUp ? structuredSheetName(this.followUp.year) : null;
    const structured = findStructuredSheet(this.sheetNames, preferred);
    if (!structured) throw new UserError(UI.errors.noStructured);
    const summaries = withSummaries ? this.sheetNames.filter((n) => generatedKind(n) === 'summary') : [];
    const state = await inspectSheets(this.host, summaries, [structured, EVENTS_SHEET, FINDINGS_SHEET], { budget: this.caps.requestBudget });
    this.sheetNames = state.sheetNames;
    const grid = state.readBack[structured];
    if (!grid) throw new UserError(UI.errors.noStructured);
    const { readStructured } = await writers();
    const followUp = readStructured({ structured: grid, events: state.readBack[EVENTS_SHEET] ?? null, findings: state.readBack[FINDINGS_SHEET] ?? null });
    if (withSummaries) {
      const name = summarySheetName(followUp.reportedPeriod, followUp.year, followUp.periodKind);
      if (!(name in state.existing)) state.existing[name] = null;
    }
    return { followUp, state };
  }
}
