// `rollup FILES… | DIR -o REGION.xlsx [--docx REGION.docx] [--html REGION.html]`: many kommuners' follow-ups (sources or build workbooks) rolled up into one workbook and report.
import { writeOut } from '../write-out';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { basename, extname, join, resolve } from 'path';
import ExcelJS from 'exceljs';
import { generatedKind } from '../../shared/app/generated-sheets';
import { CLI } from '../../shared/i18n/sv-cli';
import { BUILD } from '../../shared/i18n/sv-report';
import { ROLLUP_CLI, ROLLUP_SHEET } from '../../shared/i18n/sv-rollup';
import { importFollowUp } from '../../shared/import/import-follow-up';
import { withStatus } from '../../shared/calc/status';
import type { FollowUp } from '../../shared/model/follow-up';
import { EVENTS_SHEET, FINDINGS_SHEET, readStructured } from '../../shared/plan';
import { buildRollupReportFromData, planRollupSheets, readRollupThemes, renderRollupDocx, renderRollupHtml, rollupData, type RollupInput, type ThemeOverride } from '../../shared/rollup';
import { gridFromXlsx, InputError, readInput } from '../read-input';
import { xlsxBuffer } from '../xlsx-adapter';
import { formatSize, today } from './build';
import { failed, type Io } from './check';

/** What `readInput` reads (and a folder is searched for). */
const INPUT_EXT = new Set(['.txt', '.tsv', '.csv', '.tab', '.xlsx', '.xlsm', '.docx', '.docm', '.doc']);

interface RollupArgs {
  paths: string[];
  out: string;
  docx: string | null;
  html: string | null;
}

/** Parses argv; throws InputError (Swedish) on bad usage. */
export function parseRollupArgs(argv: string[]): RollupArgs {
  const paths: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (['-o', '--out', '--docx', '--html'].includes(a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) throw new InputError(CLI.missingValue(a));
      opts.set(a === '--out' ? '-o' : a, v);
    } else if (a.startsWith('-')) throw new InputError(CLI.unknownOption(a));
    else paths.push(a);
  }
  if (!paths.length) throw new InputError(`${ROLLUP_CLI.missingFiles}\n\n${CLI.usage}`);
  const out = opts.get('-o');
  if (!out) throw new InputError(`${ROLLUP_CLI.missingOut}\n\n${CLI.usage}`);
  if (extname(out).toLowerCase() !== '.xlsx') throw new InputError(BUILD.badExt(out, '.xlsx'));
  const docx = opts.get('--docx') ?? null;
  if (docx && extname(docx).toLowerCase() !== '.docx') throw new InputError(BUILD.badExt(docx, '.docx'));
  return { paths, out, docx, html: opts.get('--html') ?? null };
}

/** The files to read: each path as given, a folder as its follow-up files (sorted; hidden and lock files and the outputs left out). */
export function expandPaths(paths: string[], outputs: string[], skip: (line: string) => void): string[] {
  const own = new Set(outputs.map((p) => resolve(p)));
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p) || !statSync(p).isDirectory()) {
      files.push(p);
      continue;
    }
    const inDir = readdirSync(p)
      .filter((n) => !n.startsWith('.') && !n.startsWith('~$') && INPUT_EXT.has(extname(n).toLowerCase()))
      .sort()
      .map((n) => join(p, n))
      .filter((f) => !own.has(resolve(f)) && statSync(f).isFile());
    if (!inDir.length) skip(ROLLUP_CLI.emptyDir(p));
    files.push(...inDir);
  }
  return files;
}

/**
 * Counts of event activities in a workbook written by ExcelJS and never opened in a spreadsheet:
 * its formulas carry no computed values, so the count cells read empty; the count is the number
 * of events listed for the period on Händelser (what the COUNTIFS there computes).
 */
export function eventCountsFromEvents(f: FollowUp): FollowUp {
  return {
    ...f,
    promises: f.promises.map((p) => ({
      ...p,
      activities: p.activities.map((a) =>
        a.periods.some((x) => x.kind === 'events')
          ? withStatus({ ...a, periods: a.periods.map((x) => (x.value === null ? { ...x, value: x.events.length } : x)) }, f.reportedPeriod)
          : a,
      ),
    })),
  };
}

/** True when some formula of the sheet has no computed value (a file no spreadsheet has calculated). */
function uncomputed(ws: ExcelJS.Worksheet | undefined): boolean {
  let missing = false;
  ws?.eachRow((row) => {
    if (missing) return;
    row.eachCell((cell) => {
      const v = cell.value as unknown;
      if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && (v as { result?: unknown }).result === undefined) missing = true;
    });
  });
  return missing;
}

async function loadWorkbook(data: Buffer, path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new InputError(CLI.badXlsx(path));
  }
  return wb;
}

/** What one file adds to the roll-up: its follow-ups (a build workbook's structured sheets, else the file imported), or a note that it is a roll-up itself. */
async function readFollowUps(path: string): Promise<{ inputs: (RollupInput & { sheet: string | null })[]; rollup: boolean }> {
  const source = basename(path);
  if (['.xlsx', '.xlsm'].includes(extname(path).toLowerCase()) && existsSync(path)) {
    const data = readFileSync(path);
    const wb = await loadWorkbook(data, path);
    const names = wb.worksheets.map((w) => w.name);
    const structured = names.filter((n) => generatedKind(n) === 'structured');
    if (structured.length) {
      const events = names.includes(EVENTS_SHEET) ? await gridFromXlsx(data, EVENTS_SHEET, path) : null;
      const findings = names.includes(FINDINGS_SHEET) ? await gridFromXlsx(data, FINDINGS_SHEET, path) : null;
      const inputs = [];
      for (const s of structured) {
        const read = readStructured({ structured: await gridFromXlsx(data, s, path), events, findings });
        const followUp = uncomputed(wb.getWorksheet(s)) ? eventCountsFromEvents(read) : read;
        inputs.push({ followUp, source: structured.length > 1 ? `${source}: ${s}` : source, sheet: s });
      }
      return { inputs, rollup: false };
    }
    if (names.includes(ROLLUP_SHEET.activities)) return { inputs: [], rollup: true };
  }
  const followUp = importFollowUp(await readInput(path));
  if (followUp.findings.some((x) => x.code === 'empty' || x.code === 'no-tables')) throw new InputError(ROLLUP_CLI.notFollowUp(path));
  return { inputs: [{ followUp, source, sheet: null }], rollup: false };
}

/** The themes users chose in an earlier roll-up at `path` (its activity sheet), or none when there is none to read. */
async function keptThemes(path: string): Promise<ThemeOverride[]> {
  if (!existsSync(path)) return [];
  try {
    const data = readFileSync(path);
    const wb = await loadWorkbook(data, path);
    if (!wb.getWorksheet(ROLLUP_SHEET.activities)) return [];
    return readRollupThemes(await gridFromXlsx(data, ROLLUP_SHEET.activities, path)).themes;
  } catch {
    return [];
  }
}

/**
 * Runs `rollup`: reads every file (a file that cannot be read is named with a Swedish message
 * and the rest still roll up), keeps the theme corrections of an earlier roll-up at the output
 * path, writes the roll-up workbook and the report. Exit code 2 when any file could not be read
 * (or bad usage), else 1 when the data holds errors, else 0.
 */
export async function runRollup(argv: string[], io: Io, opts: { now?: Date } = {}): Promise<number> {
  try {
    const args = parseRollupArgs(argv);
    let skipped = 0;
    const skip = (line: string) => {
      skipped++;
      io.err(line);
    };
    const files = expandPaths(args.paths, [args.out, args.docx, args.html].filter((x): x is string => !!x), skip);
    const inputs: RollupInput[] = [];
    for (const file of files) {
      try {
        const read = await readFollowUps(file);
        if (read.rollup) io.err(ROLLUP_CLI.rollupWorkbook(file));
        for (const x of read.inputs) {
          inputs.push(x);
          io.out(ROLLUP_CLI.read(file, x.followUp.kommun ?? x.source ?? file, x.followUp.promises.reduce((n, p) => n + p.activities.length, 0), x.sheet));
        }
      } catch (e) {
        skip(ROLLUP_CLI.skipped(file, e instanceof InputError ? e.message : CLI.unexpected(e instanceof Error ? e.message : String(e))));
      }
    }
    if (!inputs.length) throw new InputError(ROLLUP_CLI.nothingRead);
    const themes = await keptThemes(args.out);
    if (themes.length) io.out(ROLLUP_CLI.keptThemes(themes.length, args.out));
    const data = rollupData(inputs, { generatedAt: today(opts.now), themes });
    const xlsx = await xlsxBuffer(planRollupSheets(data));
    io.out(ROLLUP_CLI.wroteXlsx(args.out, data.kommuner.length, data.total.activities, formatSize(writeOut(args.out, xlsx))));
    if (args.docx || args.html) {
      const report = buildRollupReportFromData(data);
      if (args.docx) io.out(ROLLUP_CLI.wroteDocx(args.docx, formatSize(writeOut(args.docx, await renderRollupDocx(report)))));
      if (args.html) io.out(ROLLUP_CLI.wroteHtml(args.html, formatSize(writeOut(args.html, renderRollupHtml(report)))));
    }
    io.out(ROLLUP_CLI.findingsLine(data.total.errors, data.kommuner.filter((k) => k.errors > 0).length, skipped));
    return skipped ? 2 : data.total.errors ? 1 : 0;
  } catch (e) {
    return failed(e, io);
  }
}
