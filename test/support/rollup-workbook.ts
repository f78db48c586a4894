// Test helpers for the hosts' roll-up: many kommuners' follow-ups as the sheets a region's workbook holds (each kommun's structured sheet, Händelser and Kontroller, copied in as Excel and Sheets name copies), and the same follow-ups as `build` workbooks for the CLI.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildFromGrid, buildXlsx, type BuildResult } from '../../cli/commands/build';
import { quoteSheet } from '../../shared/model/a1';
import { gridFromTsv } from '../../shared/model/grid';
import type { PlanCell, SheetPlan } from '../../shared/model/sheet-plan';
import { formulaForLocale } from '../../apps-script/server/formula-locale';
import { generateKommunFollowUps } from '../bench/rollup';
import { hyperFormulaEvaluator, makeGasEnv, type GasEnv } from './gas-fakes';

/** One kommun's follow-up built as `build` builds it (source named after the file), with the file's name. */
export interface KommunBuild {
  file: string;
  build: BuildResult;
}

/** `n` generated kommuner (three promises of ten activities unless told), each built as `build` does. */
export function kommunBuilds(n: number, activities = 12, generatedAt = '2026-05-04'): KommunBuild[] {
  return generateKommunFollowUps(n, activities).map(({ file, tsv }) => ({
    file: file.replace(/\.txt$/, ''),
    build: buildFromGrid(gridFromTsv(tsv, file.replace(/\.txt$/, '')), { generatedAt }),
  }));
}

/** How a copy of a sheet is named: Excel's "Blad (2)" or Sheets' "Kopia av Blad". */
export type CopyNaming = (name: string, copy: number) => string;
export const EXCEL_COPY: CopyNaming = (name, copy) => (copy <= 1 ? name : `${name} (${copy})`);
export const SHEETS_COPY: CopyNaming = (name, copy) => (copy <= 1 ? name : `Kopia av ${name}${copy > 2 ? ` ${copy - 1}` : ''}`);

/**
 * Plans renamed as copying the sheets together into another workbook renames them: every sheet
 * name in `rename`, and every reference to it in formulas (COUNTIFS over Händelser) and links,
 * follows (Excel's Move or Copy of several sheets keeps their references among each other).
 */
export function renamePlans(plans: SheetPlan[], rename: Record<string, string>): SheetPlan[] {
  const refs = Object.entries(rename).filter(([from, to]) => from !== to);
  const formula = (f: string) => refs.reduce((out, [from, to]) => out.split(`${quoteSheet(from)}!`).join(`${quoteSheet(to)}!`).split(`${from}!`).join(`${quoteSheet(to)}!`), f);
  const cell = (v: PlanCell): PlanCell => (v !== null && typeof v === 'object' ? { f: formula(v.f) } : v);
  return plans.map((p) => ({
    ...p,
    name: rename[p.name] ?? p.name,
    blocks: p.blocks.map((b) => ({ ...b, values: b.values.map((r) => r.map(cell)) })),
    links: (p.links ?? []).map((l) => ({ ...l, sheet: rename[l.sheet] ?? l.sheet })),
    conditionalFormats: (p.conditionalFormats ?? []).map((c) => (c.when.type === 'formula' ? { ...c, when: { ...c.when, formula: formula(c.when.formula) } } : c)),
  }));
}

/** The generated sheets (structured, Händelser, Kontroller; no summary) of kommun number `k` (1-based) as copied into a region's workbook. */
export function kommunSheets(kb: KommunBuild, k: number, naming: CopyNaming = EXCEL_COPY): SheetPlan[] {
  const plans = kb.build.plans.filter((p) => p.kind !== 'summary');
  return renamePlans(plans, Object.fromEntries(plans.map((p) => [p.name, naming(p.name, k)])));
}

/** Every kommun's sheets for one region's workbook, kommun after kommun. */
export function regionSheets(kbs: KommunBuild[], naming: CopyNaming = EXCEL_COPY): SheetPlan[] {
  return kbs.flatMap((kb, i) => kommunSheets(kb, i + 1, naming));
}

/** Writes each kommun's `build` workbook (source sheet first, as the CLI writes it) into `dir`; returns the paths. */
export async function writeBuildWorkbooks(kbs: KommunBuild[], dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const kb of kbs) {
    const path = join(dir, `${kb.file}.xlsx`);
    writeFileSync(path, await buildXlsx(kb.build));
    paths.push(path);
  }
  return paths;
}

/**
 * A Swedish spreadsheet of a region (recalculated like Sheets): a user's sheet of notes, then every
 * kommun's structured sheet, Händelser and Kontroller as "Kopia av …" copies, written by the
 * add-on's own adapter; the calls made to set it up are not counted.
 */
export function regionSpreadsheet(kbs: KommunBuild[]): GasEnv {
  const env = makeGasEnv();
  env.ss.locale = 'sv_SE';
  env.ss.evaluator = hyperFormulaEvaluator;
  env.ss.addSheetWithRows('Läsanvisning', [['Region Syd: kommunernas uppföljningar'], ['Aktivitet', 'Att göra']]);
  // The adapter's source, untyped here (the tests compile without the Apps Script types).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { applyPlan } = require('../../apps-script/server/sheets-adapter') as { applyPlan: (ss: unknown, sheet: unknown, plan: SheetPlan, o: { formulaOf: (f: string) => string }) => void };
  const g = globalThis as Record<string, unknown>;
  const saved = { SpreadsheetApp: g.SpreadsheetApp, Charts: g.Charts };
  Object.assign(g, { SpreadsheetApp: env.globals.SpreadsheetApp, Charts: env.globals.Charts });
  try {
    const formulaOf = formulaForLocale('sv_SE');
    for (const p of regionSheets(kbs, SHEETS_COPY)) applyPlan(env.ss.wrapped, env.ss.wrapped.insertSheet(p.name, env.ss.sheets.length), p, { formulaOf });
  } finally {
    Object.assign(g, saved);
  }
  env.ss.active = env.ss.sheets[0];
  env.log.reset();
  return env;
}
