// `build NEW --update EXISTING.xlsx -o OUT.xlsx`: a workbook from build updated from a newer source, keeping everything its user entered and the earlier summaries.
import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { findStructuredSheet, generatedKind, isGeneratedSheet } from '../../shared/app/generated-sheets';
import { withAnalysis } from '../../shared/app/report-analysis';
import { previewOfUpdate, type UpdatePreview } from '../../shared/app/update-preview';
import { CLI } from '../../shared/i18n/sv-cli';
import { importFollowUp } from '../../shared/import/import-follow-up';
import type { Grid } from '../../shared/model/grid';
import type { SheetPlan } from '../../shared/model/sheet-plan';
import { EVENTS_SHEET, FINDINGS_SHEET, planSummary, readStructured, readSummaryAnalysis, sourceSheetName, summarySheetName } from '../../shared/plan';
import { buildReport } from '../../shared/report';
import { planUpdate, readSheetState, type UpdateResult } from '../../shared/update';
import { gridFromXlsx, InputError } from '../read-input';
import { applyPlansToWorkbook, writeSourceSheet } from '../xlsx-adapter';
import { hostGridFromPlan, type BuildResult } from './build';

/** An update build: what `buildFromGrid` gives, plus the workbook it updates and what the update did. */
export interface UpdateBuild extends BuildResult {
  /** The existing workbook, loaded; the plans replace its generated sheets of the same names. */
  base: ExcelJS.Workbook;
  update: Extract<UpdateResult, { ok: true }>;
  preview: UpdatePreview;
  /** Summaries of other periods the workbook holds and keeps. */
  keptSummaries: string[];
}

/**
 * Display texts as a spreadsheet shows numbers with a prefix format ('"ca "# ##0' → "ca 20"),
 * which ExcelJS does not apply: readStructured reads "ca" and "minst" from them.
 */
function withFormatTexts(g: Grid, ws: ExcelJS.Worksheet | undefined): Grid {
  if (!ws) return g;
  const texts = g.values.map((row, r) => row.map((v, c) => g.texts?.[r]?.[c] ?? (v === null ? '' : String(v))));
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'number') return;
      const m = /^"([^"]*)"/.exec(ws.getCell(g.origin.row + r + 1, g.origin.col + c + 1).numFmt ?? '');
      if (m) texts[r][c] = `${m[1]}${v}`;
    }),
  );
  return { ...g, texts };
}

/**
 * The update without writing: reads the existing workbook's structured sheet (with Händelser,
 * Kontroller and the "Importerat" cells), imports the newer source (named as a sheet the workbook
 * does not have yet, "Underlag 2" …), merges them (`planUpdate`), reads the merged sheet back
 * for the summary of its reported period (keeping the "Sammanfattande analys" of a summary of the
 * same name) and the report (which prints that analysis first). Summaries of other periods stay.
 * Throws InputError (Swedish) when the workbook has no structured sheet or the update is refused.
 */
export async function buildUpdate(grid: Grid, existing: string, opts: { reportedPeriod?: number | null; generatedAt: string }): Promise<UpdateBuild> {
  const data = readFileSync(existing);
  const base = new ExcelJS.Workbook();
  try {
    await base.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new InputError(CLI.badXlsx(existing));
  }
  const names = base.worksheets.map((w) => w.name);
  const structured = findStructuredSheet(names, null);
  if (!structured) throw new InputError(CLI.update.noStructured(existing));
  const read = async (name: string) => (names.includes(name) ? withFormatTexts(await gridFromXlsx(data, name, existing), base.getWorksheet(name)) : null);
  const state = readSheetState({ structured: (await read(structured)) as Grid, events: await read(EVENTS_SHEET), findings: await read(FINDINGS_SHEET) });
  const source = { ...grid, sheetName: sourceSheetName(grid.sheetName, (n) => isGeneratedSheet(n) || names.includes(n)) };
  const imported = importFollowUp(source, { reportedPeriod: opts.reportedPeriod ?? undefined });
  const { result, plans } = planUpdate(state, imported);
  if (!result.ok) throw new InputError(CLI.update.refused(result.reason));
  const merged = result.followUp;
  const [plan, events, findings] = plans;
  const followUp = readStructured({ structured: hostGridFromPlan(plan, merged), events: hostGridFromPlan(events, merged), findings: hostGridFromPlan(findings, merged) });
  const summaryName = summarySheetName(followUp.periodKind === 'year' ? null : followUp.reportedPeriod, followUp.year, followUp.periodKind);
  const analysis = readSummaryAnalysis(await read(summaryName));
  const summary = planSummary(followUp, { generatedAt: opts.generatedAt, analysis });
  const report = withAnalysis(buildReport(followUp, { generatedAt: opts.generatedAt }), analysis);
  const keptSummaries = names.filter((n) => generatedKind(n) === 'summary' && n !== summary.name);
  const all: SheetPlan[] = [...plans, summary];
  return { source, imported, followUp, plans: all, report, base, update: result, preview: previewOfUpdate(result), keptSummaries };
}

/** The .xlsx bytes of an updated workbook: the existing one, the newer source added as a sheet, its generated sheets replaced in place. */
export async function updateXlsx(u: UpdateBuild): Promise<Uint8Array> {
  writeSourceSheet(u.base.addWorksheet(u.source.sheetName), u.source);
  applyPlansToWorkbook(u.base, u.plans);
  const buf = await u.base.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** The Swedish lines `build --update` prints about the update: what it did, the conflicts, the summaries kept. */
export function updateLines(u: UpdateBuild): string[] {
  const lines = [CLI.update.done(u.plans[0].name, u.preview.summary)];
  const conflicts = u.preview.items.filter((x) => x.kind === 'conflict');
  if (conflicts.length) lines.push(CLI.update.conflictsHeading, ...conflicts.map((x) => `  ${x.text}`));
  if (u.keptSummaries.length) lines.push(CLI.update.keptSummaries(u.keptSummaries));
  return lines;
}
