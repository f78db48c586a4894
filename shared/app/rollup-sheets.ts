// Which sheets of an open workbook the roll-up across kommuner reads: every kommun's structured sheet (known by its table header), each with its own Händelser and Kontroller.
import { SHEET, STRUCTURED } from '../i18n/sv-plan';
import { ROLLUP_SHEET } from '../i18n/sv-rollup-sheets';
import { cellText, type Grid } from '../model/grid';
import type { KommunSheets } from '../rollup/from-sheets';
import { generatedKind } from './generated-sheets';

/** Rows at the top of a sheet within which a structured sheet has its table header (as `readStructured` looks for it). */
export const HEADER_ROWS = 60;
/** The corner a host reads to tell a structured sheet from any other (columns A–C of the first HEADER_ROWS rows). */
export const PROBE_RANGE = `A1:C${HEADER_ROWS}`;

/**
 * The sheets that may be a kommun's structured sheet: every sheet but the other generated ones
 * (Händelser, Kontroller, summaries, the roll-up's own three) and those `skip` names (Sheets'
 * hidden undo backups). Which of them are structured sheets the content says (`isStructuredGrid`).
 */
export function rollupCandidates(names: string[], skip: (name: string) => boolean = () => false): string[] {
  return names.filter((n) => {
    const kind = generatedKind(n);
    return (kind === null || kind === 'structured') && !skip(n);
  });
}

/**
 * True when a grid (a whole sheet, or just its PROBE_RANGE corner) is a structured sheet: a row
 * within its first HEADER_ROWS whose column A says "ID" and column C "Aktivitet", the header
 * `readStructured` reads by. A renamed or copied structured sheet ("Eksjö", "Medborgarlöften
 * 2019 (2)", "Kopia av Medborgarlöften 2019") counts; a source sheet or a list does not.
 */
export function isStructuredGrid(grid: Grid | null | undefined): boolean {
  if (!grid) return false;
  const { row, col } = grid.origin;
  const at = (r: number, c: number) => (c - col < 0 ? '' : cellText(grid, r - row, c - col).trim());
  for (let r = row; r < row + Math.min(grid.values.length, HEADER_ROWS); r++) {
    if (at(r, 0) === STRUCTURED.columns.id && at(r, 2) === STRUCTURED.columns.activity) return true;
  }
  return false;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "Medborgarlöften" with an optional year, and what a copy or a user put around it. */
const DECORATED = new RegExp(`^(.*?)${escape(SHEET.structured)}(?: \\d{4})?(.*)$`);

/** The Händelser and Kontroller that belong to one structured sheet (null when the workbook has none of that name). */
export interface Companions {
  events: string | null;
  findings: string | null;
}

/**
 * The Händelser and Kontroller of a kommun's structured sheet among `names`: the companions with
 * the same decoration around the base name, as a copy of the three sheets gets it in Excel
 * ("Medborgarlöften 2019 (2)" → "Händelser (2)", "Kontroller (2)") and in Sheets ("Kopia av
 * Medborgarlöften 2019" → "Kopia av Händelser"). A sheet whose name does not hold
 * "Medborgarlöften" ("Eksjö") has none: another kommun's Händelser must not be read as its own.
 */
export function companionsOf(structured: string, names: string[]): Companions {
  const m = DECORATED.exec(structured);
  if (!m) return { events: null, findings: null };
  const named = (base: string) => {
    const n = `${m[1]}${base}${m[2]}`;
    return names.includes(n) ? n : null;
  };
  return { events: named(SHEET.events), findings: named(SHEET.findings) };
}

/** What a host reads for the roll-up, by sheet name. */
export interface RollupReadPlan {
  /** The kommuner's structured sheets, in workbook order. */
  kommuner: { sheet: string; events: string | null; findings: string | null }[];
  /** Every sheet to read as a grid (values and texts): the structured sheets, their companions and, when present, the roll-up's activity sheet. */
  readBack: string[];
  /** The roll-up's activity sheet when the workbook has one (its Tema column keeps users' corrections), else null. */
  activities: string | null;
}

/** The sheets to read, once the host knows which candidates are structured sheets (`structured`, in workbook order). */
export function rollupReadPlan(names: string[], structured: string[]): RollupReadPlan {
  const kommuner = structured.map((sheet) => ({ sheet, ...companionsOf(sheet, names) }));
  const activities = names.includes(ROLLUP_SHEET.activities) ? ROLLUP_SHEET.activities : null;
  const readBack = [...new Set([...kommuner.flatMap((k) => [k.sheet, k.events, k.findings]), activities].filter((n): n is string => n !== null))];
  return { kommuner, readBack, activities };
}

/**
 * The kommuner's sheets as `rollupFromSheets` takes them, from the grids a host read for `plan`
 * (a structured sheet that could not be read is left out); each named by its sheet.
 */
export function kommunSheetsOf(plan: RollupReadPlan, grids: Record<string, Grid | undefined>): KommunSheets[] {
  const grid = (n: string | null) => (n === null ? null : grids[n] ?? null);
  return plan.kommuner.flatMap((k) => {
    const structured = grids[k.sheet];
    return structured ? [{ source: k.sheet, structured, events: grid(k.events), findings: grid(k.findings) }] : [];
  });
}

/** The roll-up's three sheet names, in the order the core plans them. */
export const ROLLUP_SHEETS: string[] = [ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities];
