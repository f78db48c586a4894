// Reads a follow-up file (.txt/.tsv, .csv, .xlsx, .docx) into a Grid; unreadable input raises an InputError in Swedish.
import { existsSync, readFileSync } from 'fs';
import { basename, extname } from 'path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { gridFromTsv, normalizeGrid, type CellValue, type Grid, type Merge } from '../shared/model/grid';
import { parseA1Range } from '../shared/model/a1';
import { CLI } from '../shared/i18n/sv-cli';
import { isDocxError, readDocx, wordSheetName } from '../shared/docx/open-docx';
import type { WordGrid } from '../shared/docx/positions';

/** A problem with the input file itself; its message is Swedish and shown as is. */
export class InputError extends Error {}

/** Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8. BOM stripped. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** Parses CSV text with comma or semicolon (Swedish Excel) separators. */
export function gridFromCsv(text: string, sheetName: string | null = null): Grid {
  const res = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  const rows = res.data.map((r) => (Array.isArray(r) ? r.map((c) => (c == null ? '' : String(c))) : []));
  while (rows.length && rows[rows.length - 1].every((c) => c === '')) rows.pop();
  return { sheetName, origin: { row: 0, col: 0 }, values: rows };
}

/**
 * The separator of a CSV: the one in the "Aktivitet" header row if there is one, else semicolon when
 * many lines have one (prose is full of commas), else Papa Parse's guess.
 */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.find((l) => /^"?\s*aktivitet/i.test(l));
  if (header) for (const d of ['\t', ';', ',']) if (header.includes(d)) return d;
  const withSemi = lines.filter((l) => l.includes(';')).length;
  if (lines.length && withSemi / lines.length >= 0.3) return ';';
  return '';
}

/**
 * A date cell (or a formula's date result) as YYYY-MM-DD, else null. ExcelJS hands a date over as
 * the UTC instant of the cell's serial, so its UTC day is the cell's day in every time zone; its
 * cell.text is Date#toString(), in the machine's local time (and the day before west of UTC).
 */
function cellDay(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown;
  const d = v instanceof Date ? v : v !== null && typeof v === 'object' && (v as { result?: unknown }).result instanceof Date ? (v as { result: Date }).result : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : null;
}

function excelValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return cellDay(cell);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result;
      if (r === undefined || r === null) return cell.text || null;
      if (r instanceof Date) return cellDay(cell);
      if (typeof r === 'object' && r && 'error' in (r as object)) return String((r as { error: string }).error);
      return r as CellValue;
    }
    if ('text' in o) return String(o.text);
  }
  return cell.text ?? null;
}

/** Reads the first (or named) worksheet of an .xlsx buffer into a normalised Grid with its merged ranges. */
export async function gridFromXlsx(data: Buffer, sheet: string | undefined, label: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new InputError(CLI.badXlsx(label));
  }
  const names = wb.worksheets.map((w) => w.name);
  if (!names.length) throw new InputError(CLI.noSheets(label));
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) throw new InputError(CLI.sheetNotFound(sheet as string, names));
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const cols = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const vr: CellValue[] = [];
    const tr: string[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const v = excelValue(cell);
      vr.push(v);
      let t = cellDay(cell) ?? '';
      try {
        if (!t) t = cell.text ?? '';
      } catch {
        t = v === null ? '' : String(v);
      }
      tr.push(t);
    }
    values.push(vr);
    texts.push(tr);
  }
  // ExcelJS repeats a merged range's value in every cell of it; the core keeps it in the top-left cell only.
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseA1Range).filter((m): m is Merge => m !== null);
  return normalizeGrid({ sheetName: ws.name, origin: { row: 0, col: 0 }, values, texts, merges });
}

/**
 * Reads a Word document into a Grid through the core's Word reader (its Word positions kept, the
 * sheet named "Underlag – <file name>"); a file it cannot read raises an InputError with the
 * reader's Swedish message (a .doc, a password-protected file, not a zip, too large …).
 */
export async function gridFromDocx(data: Buffer, path: string): Promise<WordGrid> {
  try {
    return await readDocx(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { fileName: path, sheetName: wordSheetName(basename(path), []) });
  } catch (e) {
    throw new InputError(isDocxError(e) ? e.message : CLI.unexpected(e instanceof Error ? e.message : String(e)));
  }
}

/** Reads FILE into a Grid by its extension. Throws InputError (Swedish) when it cannot. */
export async function readInput(path: string, opts: { sheet?: string } = {}): Promise<Grid> {
  if (!existsSync(path)) throw new InputError(CLI.notFound(path));
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (e) {
    throw new InputError(CLI.unreadable(path, (e as Error).message));
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return gridFromXlsx(data, opts.sheet, path);
  if (ext === '.docx' || ext === '.docm' || ext === '.doc') return gridFromDocx(data, path);
  if (ext !== '.txt' && ext !== '.tsv' && ext !== '.csv' && ext !== '.tab') throw new InputError(CLI.unsupported(path));
  if (data.length === 0) throw new InputError(CLI.emptyFile(path));
  const text = decodeText(new Uint8Array(data));
  return ext === '.csv' ? gridFromCsv(text, null) : gridFromTsv(text, null);
}
