// `build FILE -o OUT.xlsx [--update EXISTING.xlsx] [--docx OUT.docx] [--period N] [--sheet NAME]`: import (or update an earlier build's workbook); the source sheet as read plus structured/events/findings/summary sheets into .xlsx, report into .docx.
import { writeOut } from '../write-out';
import { existsSync } from 'fs';
import { extname } from 'path';
import { isGeneratedSheet } from '../../shared/app/generated-sheets';
import { importFollowUp } from '../../shared/import/import-follow-up';
import type { FollowUp } from '../../shared/model/follow-up';
import type { CellValue, Grid } from '../../shared/model/grid';
import type { PlanCell, SheetPlan } from '../../shared/model/sheet-plan';
import { STATUS_LABEL } from '../../shared/i18n/sv';
import { CLI } from '../../shared/i18n/sv-cli';
import { BUILD } from '../../shared/i18n/sv-report';
import {
  EVENTS_SHEET,
  FINDINGS_SHEET,
  STRUCTURED_ROWS,
  planImportSheets,
  planSummary,
  planToGrid,
  readStructured,
  sourceSheetName,
  structuredColumns,
  statusCellText,
  computedStatusOfActivity,
} from '../../shared/plan';
import { buildReport, renderDocx, renderHtml, type ReportDoc } from '../../shared/report';
import { InputError, readInput } from '../read-input';
import { failed, parseArgs, type Io } from './check';
import { xlsxBuffer } from '../xlsx-adapter';
import { buildUpdate, updateLines, updateXlsx } from './build-update';
import { citizenTargets, writeCitizen } from './citizen-out';

/** Everything one build produces, before anything is written. */
export interface BuildResult {
  /** The source grid as read, named as its sheet in the workbook (the source's own name made valid, or "Underlag"). */
  source: Grid & { sheetName: string };
  /** The follow-up as imported from the source. */
  imported: FollowUp;
  /** The follow-up as read back from the structured sheet (what the summary and report show). */
  followUp: FollowUp;
  /** Sheets in workbook order: structured, Händelser, Kontroller, summary. */
  plans: SheetPlan[];
  report: ReportDoc;
}

/** The literal prefix of a number format ('"ca "# ##0' → "ca "), for display texts. */
function formatPrefix(fmt: string | null | undefined): string {
  const m = fmt ? /^"([^"]*)"/.exec(fmt) : null;
  return m ? m[1] : '';
}

/**
 * The structured (or events) sheet as a spreadsheet host would read it back, for a host without
 * a calculation engine: literal cells as written, formula cells replaced by the values the core
 * computed for the same cells (the formulas implement the same rule; the HyperFormula and
 * LibreOffice tests check that they agree), display texts with number-format prefixes ("ca 20").
 */
export function hostGridFromPlan(plan: SheetPlan, f: FollowUp): Grid {
  const cells = planToGrid(plan);
  const formats: (string | null)[][] = cells.map((r) => r.map(() => null));
  for (const b of plan.blocks) b.numberFormats?.forEach((r, i) => r.forEach((nf, j) => { formats[b.row + i][b.col + j] = nf; }));
  const byId = new Map(f.promises.flatMap((p) => p.activities).map((a) => [a.id, a]));
  const c = structuredColumns(f.periodLabels.length);
  const computed = (r: number, col: number): CellValue => {
    if (plan.kind !== 'structured' || r < STRUCTURED_ROWS.firstData) return null;
    const id = cells[r][c.id];
    const a = typeof id === 'string' ? byId.get(id) : undefined;
    if (!a) return null;
    if (col >= c.periodStart && col < c.periodStart + c.n) return a.periods[col - c.periodStart]?.value ?? null;
    if (col === c.total) return a.total;
    if (col === c.share) return a.share;
    if (col === c.expected) return a.expected;
    if (col === c.status) return statusCellText(a);
    if (col === c.computedStatus) return STATUS_LABEL[computedStatusOfActivity(a, f.reportedPeriod)];
    return null;
  };
  const values: CellValue[][] = cells.map((row, r) =>
    row.map((v: PlanCell, col) => (v !== null && typeof v === 'object' ? computed(r, col) : v)),
  );
  const texts = values.map((row, r) =>
    row.map((v, col) => (v === null ? '' : typeof v === 'number' ? `${formatPrefix(formats[r][col])}${v}` : String(v))),
  );
  return { sheetName: plan.name, origin: { row: 0, col: 0 }, values, texts };
}

/**
 * The whole pipeline without I/O: name the source sheet (its own name made valid for Excel, or
 * "Underlag", never a generated sheet's name) → import → structured/events/findings plans →
 * read the structured sheet back (so the summary and report show what the sheet holds) →
 * summary plan and report. `generatedAt` is YYYY-MM-DD.
 */
export function buildFromGrid(grid: Grid, opts: { reportedPeriod?: number | null; generatedAt: string }): BuildResult {
  const source = { ...grid, sheetName: sourceSheetName(grid.sheetName, isGeneratedSheet) };
  const imported = importFollowUp(source, { reportedPeriod: opts.reportedPeriod ?? undefined });
  const sheets = planImportSheets(imported);
  const byName = (name: string) => sheets.find((p) => p.name === name) ?? null;
  const structured = sheets.find((p) => p.kind === 'structured') as SheetPlan;
  const events = byName(EVENTS_SHEET);
  const findings = byName(FINDINGS_SHEET);
  const followUp = readStructured({
    structured: hostGridFromPlan(structured, imported),
    events: events ? hostGridFromPlan(events, imported) : null,
    findings: findings ? hostGridFromPlan(findings, imported) : null,
  });
  const summary = planSummary(followUp, { generatedAt: opts.generatedAt });
  return { source, imported, followUp, plans: [...sheets, summary], report: buildReport(followUp, { generatedAt: opts.generatedAt }) };
}

/** "23,4 kB". */
export function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1).replace('.', ',')} kB`;
}

export interface WriteTargets {
  xlsx: string;
  docx?: string | null;
  html?: string | null;
}

/** The .xlsx bytes of a build's workbook: the source sheet as read first, then the generated sheets. */
export async function buildXlsx(result: BuildResult): Promise<Uint8Array> {
  return xlsxBuffer(result.plans, { source: { grid: result.source, name: result.source.sheetName } });
}

/** Writes a build's workbook (`xlsx`, when given, instead of a new one) and report, and returns one Swedish line per file written. */
export async function writeBuild(result: BuildResult, to: WriteTargets, xlsx?: Uint8Array): Promise<string[]> {
  const lines: string[] = [];
  const bytes = xlsx ?? (await buildXlsx(result));
  lines.push(BUILD.wroteXlsx(to.xlsx, [result.source.sheetName, ...result.plans.map((p) => p.name)], formatSize(writeOut(to.xlsx, bytes))));
  if (to.docx) lines.push(BUILD.wroteDocx(to.docx, formatSize(writeOut(to.docx, await renderDocx(result.report)))));
  if (to.html) lines.push(BUILD.wroteHtml(to.html, formatSize(writeOut(to.html, renderHtml(result.report)))));
  return lines;
}

/** Today as YYYY-MM-DD in local time (the host reads the clock, the core never does). */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Runs `build`; returns the exit code (0 ok, 1 error findings, 2 unreadable input or bad usage). */
export async function runBuild(argv: string[], io: Io, opts: { now?: Date } = {}): Promise<number> {
  try {
    const args = parseArgs(argv, ['-o', '--out', '--docx', '--html', '--citizen', '--citizen-docx', '--update']);
    if (args.json) throw new InputError(CLI.unknownOption('--json'));
    if (!args.file) throw new InputError(`${CLI.missingFile}\n\n${CLI.usage}`);
    const out = args.rest.get('-o') ?? args.rest.get('--out');
    if (!out) throw new InputError(`${BUILD.missingOut}\n\n${CLI.usage}`);
    if (extname(out).toLowerCase() !== '.xlsx') throw new InputError(BUILD.badExt(out, '.xlsx'));
    const docx = args.rest.get('--docx') ?? null;
    if (docx && extname(docx).toLowerCase() !== '.docx') throw new InputError(BUILD.badExt(docx, '.docx'));
    const html = args.rest.get('--html') ?? null;
    const citizen = citizenTargets(args.rest);
    const existing = args.rest.get('--update') ?? null;
    if (existing && extname(existing).toLowerCase() !== '.xlsx') throw new InputError(BUILD.badExt(existing, '.xlsx'));
    if (existing && !existsSync(existing)) throw new InputError(CLI.notFound(existing));
    const grid = await readInput(args.file, { sheet: args.sheet });
    let result: BuildResult;
    if (existing) {
      // Read the existing workbook whole before anything is written (OUT may be the same file).
      const updated = await buildUpdate(grid, existing, { reportedPeriod: args.period, generatedAt: today(opts.now) });
      result = updated;
      for (const line of await writeBuild(result, { xlsx: out, docx, html }, await updateXlsx(updated))) io.out(line);
      for (const line of updateLines(updated)) io.out(line);
    } else {
      result = buildFromGrid(grid, { reportedPeriod: args.period, generatedAt: today(opts.now) });
      for (const line of await writeBuild(result, { xlsx: out, docx, html })) io.out(line);
    }
    for (const line of await writeCitizen(result.followUp, citizen, today(opts.now))) io.out(line);
    const errors = result.followUp.findings.filter((x) => x.severity === 'error').length;
    io.out(BUILD.findingsLine(errors, result.followUp.findings.length - errors));
    return errors ? 1 : 0;
  } catch (e) {
    return failed(e, io);
  }
}
