// The Excel fake's whole-sheet state as plain data (for toEqual), and what renaming, hiding and deleting a sheet does to the rest of the workbook, as Microsoft documents it.
//
// What is modelled, and from where:
// - Worksheet.name is settable (ExcelApi 1.1) and "must be fewer than 32 characters"; Excel's
//   sheet-name rules (no : \ / ? * [ ], no apostrophe at either end, unique whatever the case,
//   "History" reserved): https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
// - Renaming a sheet updates every formula that refers to it; deleting one turns those references
//   into #REF! ("How to correct a #REF! error": https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d00-b4b8-7e3e45b8d3f9).
//   Conditional-format and validation formulas are formulas too. Hyperlinks to a place in the
//   document are text (Range.hyperlink.documentReference) and are not rewritten.
// - Worksheet.visibility is readable in ExcelApi 1.1 and settable in 1.2; "if the worksheet's
//   visibility is set to VeryHidden, the delete operation will fail with an InvalidOperation
//   exception" (Worksheet.delete, @types/office-js; office-js#365); a workbook keeps at least one
//   visible sheet, so hiding or deleting the last visible one fails.
// Excel stores references as tokens and renders the sheet name with quotes only where needed; the
// fake keeps formula text, so a reference is rendered quoted when the new name needs quotes or
// when it was quoted although the old name did not need them (so a rename and its reverse give
// the text back, as Excel does).
import type { FakeSheet, FakeWorkbook } from './excel-fake';

export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** Why Excel refuses `name` for a sheet of `book` (other than `self`), or null when it takes it. */
export function sheetNameProblem(book: FakeWorkbook, name: string, self?: FakeSheet): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'The sheet name is empty.';
  if (name.length > 31) return `The sheet name "${name}" is longer than 31 characters.`;
  if (/[:\\/?*[\]]/.test(name)) return `The sheet name "${name}" contains a character Excel does not allow (: \\ / ? * [ ]).`;
  if (name.startsWith("'") || name.endsWith("'")) return `The sheet name "${name}" begins or ends with an apostrophe.`;
  if (name.toLowerCase() === 'history') return 'History is a reserved sheet name.';
  const other = book.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
  return other ? `A sheet named ${other.name} already exists.` : null;
}

/** True when Excel writes the name in quotes in a reference (anything but a plain ASCII identifier that is not a cell address). */
export function needsQuotes(name: string): boolean {
  return !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name);
}

function render(name: string, wasQuoted: boolean, oldName: string): string {
  const quote = needsQuotes(name) || (wasQuoted && !needsQuotes(oldName));
  return quote ? `'${name.replace(/'/g, "''")}'` : name;
}

/**
 * A formula with its references to sheet `from` renamed to `to`, or made #REF! when `to` is null
 * (the sheet was deleted). Text in string literals is left alone.
 */
export function rewriteFormula(formula: string, from: string, to: string | null): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  const target = from.toLowerCase();
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < n) {
        if (formula[j] === "'" && formula[j + 1] === "'") { name += "'"; j += 2; continue; }
        if (formula[j] === "'") break;
        name += formula[j++];
      }
      if (formula[j + 1] === '!' && name.toLowerCase() === target) {
        out += to === null ? '#REF!' : `${render(to, true, from)}!`;
        i = j + 2;
        continue;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (/[A-Za-z_\u00C0-\uFFFF]/.test(ch) && !/[A-Za-z0-9_.\u00C0-\uFFFF$]/.test(prev)) {
      let j = i;
      while (j < n && /[A-Za-z0-9_.\u00C0-\uFFFF]/.test(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === '!' && word.toLowerCase() === target) {
        out += to === null ? '#REF!' : `${render(to, false, from)}!`;
        i = j + 1;
        continue;
      }
      out += word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Rewrites every string that is a formula ("=…") inside a rule object (conditional format, validation). */
function rewriteDeep(v: unknown, fn: (f: string) => string): unknown {
  if (typeof v === 'string') return v.startsWith('=') ? fn(v) : v;
  if (Array.isArray(v)) return v.map((x) => rewriteDeep(x, fn));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = rewriteDeep(o[k], fn);
    return o;
  }
  return v;
}

/**
 * What Excel does to the workbook's formulas when sheet `from` is renamed to `to` (references
 * follow) or deleted (`to` null: references become #REF!): cells, conditional formats and data
 * validation of every sheet. Returns the number of cell formulas changed.
 */
export function rewriteReferences(book: FakeWorkbook, from: string, to: string | null): number {
  let changed = 0;
  const fn = (f: string) => rewriteFormula(f, from, to);
  for (const s of book.sheets) {
    for (const cell of s.cells.values()) {
      if (!cell.formula) continue;
      const next = fn(cell.formula);
      if (next !== cell.formula) {
        cell.formula = next;
        if (to === null) cell.value = '#REF!';
        changed++;
      }
    }
    for (const cf of s.conditionalFormats) rewriteDeep(cf.rule, fn);
    for (const dv of s.validations) rewriteDeep(dv.rule, fn);
  }
  if (changed) book.dirty = true;
  return changed;
}

/** How many of the workbook's sheets are visible. */
export function visibleSheets(book: FakeWorkbook): number {
  return book.sheets.filter((s) => s.visibility === 'Visible').length;
}

/** A cell as plain data (every field the fake keeps); undefined for a cell that holds nothing and has no format (as if never touched). */
function cellState(c: FakeSheet['cells'] extends Map<string, infer C> ? C : never): Record<string, unknown> | undefined {
  const format = Object.fromEntries(Object.entries(c.format).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  const empty = (c.value === null || c.value === '') && !c.formula && !c.quotePrefix && c.numberFormat === 'General' && !Object.keys(format).length && !c.hyperlink;
  if (empty) return undefined;
  return clone({ ...c, format }) as Record<string, unknown>;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v ?? null)) as T;

/** A field of a sheet as plain data: a Map as its entries sorted by key, anything else as JSON. */
function plain(v: unknown): unknown {
  if (v instanceof Map) return [...v.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, x]) => [k, plain(x)]);
  if (v instanceof Set) return [...v].sort();
  return clone(v);
}

/** The state of one sheet (see `sheetState`). */
export interface FakeSheetState {
  name: string;
  /** Zero-based place among the workbook's sheets (hidden ones counted), or null without a workbook. */
  position: number | null;
  visibility: FakeVisibility;
  tabColor: string;
  frozen: { rows: number; cols: number };
  columnWidths: [number, number][];
  /** Cells by "row,col", in row-major order, with every field the fake keeps. */
  cells: Record<string, Record<string, unknown>>;
  merges: string[];
  conditionalFormats: unknown[];
  validations: unknown[];
  notes: unknown[];
  comments: unknown[];
  charts: unknown[];
  /** Any other field the fake keeps on a sheet, so what a newer fake models is compared too. */
  [field: string]: unknown;
}

/**
 * The WHOLE state of a sheet as plain data: name, position and visibility in the workbook, and
 * every field the fake keeps on it (tab colour, frozen panes, column widths, merges, conditional
 * formats, validations, notes, comments, charts, …), with every cell (value, formula, quote
 * prefix, number format, format, hyperlink) by address. Two sheets Excel would show the same way
 * give equal states.
 */
export function sheetState(sheet: FakeSheet, book?: FakeWorkbook): FakeSheetState {
  const keys = [...sheet.cells.keys()].map((k) => k.split(',').map(Number) as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cells: Record<string, Record<string, unknown>> = {};
  for (const [r, c] of keys) {
    const st = cellState(sheet.cell(r, c)!);
    if (st) cells[`${r},${c}`] = st;
  }
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(sheet)) if (k !== 'cells' && k !== 'name' && typeof v !== 'function') fields[k] = plain(v);
  return { ...fields, name: sheet.name, position: book ? book.sheets.indexOf(sheet) : null, cells } as FakeSheetState;
}

/** Every sheet's whole state, in workbook order (hidden sheets included). */
export function workbookState(book: FakeWorkbook) {
  return book.sheets.map((s) => sheetState(s, book));
}
