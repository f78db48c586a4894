// Excel host adapter: reads a sheet into a Grid in one sync and applies SheetPlans in one more (Office.js batches).
import { cleanValue as toCellValue, normalizeGrid, type Grid, type Merge } from '../shared/model/grid';
import { looksLikeFormula, type Block, type PlanCell, type SheetPlan, type Style } from '../shared/model/sheet-plan';
import { a1, a1Range, columnLetters, parseA1, parseA1Range, quoteSheet } from '../shared/model/a1';
import type { SheetReadBack } from '../shared/app/snapshot';
import { batchPlans, DEFAULT_REQUEST_BUDGET, readRequests, type ReadBand, type ReadProp } from '../shared/app/split-plan';
import { columnRuns } from '../shared/app/request-estimate';

/** What the adapter needs of the Excel global: `Excel.run`. Tests pass a recording fake. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Optional APIs, decided once at start-up with `Office.context.requirements.isSetSupported`. */
export interface Capabilities {
  /** ExcelApi 1.18: `worksheet.notes` (classic notes). */
  notes: boolean;
  /** ExcelApi 1.10: threaded comments, the fallback for notes. */
  comments: boolean;
  /**
   * Bytes per request and per response as Office.js serialises them: Excel on the web refuses
   * either past 5 MB, so there writes and reads are split at DEFAULT_REQUEST_BUDGET (estimated per
   * operation); desktop Excel has no such limit and reads and writes each action in one sync.
   */
  requestBudget: number;
}

export const NO_EXTRAS: Capabilities = { notes: false, comments: false, requestBudget: Number.POSITIVE_INFINITY };

/** The capabilities of the running host (no extras outside Office). */
export function detectCapabilities(): Capabilities {
  const ctx = typeof Office !== 'undefined' ? Office.context : undefined;
  const req = ctx?.requirements;
  const has = (v: string) => Boolean(req && typeof req.isSetSupported === 'function' && req.isSetSupported('ExcelApi', v));
  const web = String(ctx?.platform ?? '') === 'OfficeOnline';
  return { notes: has('1.18'), comments: has('1.10'), requestBudget: web ? DEFAULT_REQUEST_BUDGET : Number.POSITIVE_INFINITY };
}

/** What "Läs in" read: the grid handed to the core and the workbook's sheet names. */
export interface SourceRead {
  grid: Grid;
  sheetNames: string[];
  /** "Hela bladet" or the selection's address, for the pane. */
  address: string;
}

/** ExcelApi 1.13: `Range.getMergedAreasOrNullObject()`. Older hosts read without merges (values still top-left only). */
export function supportsMergedAreas(): boolean {
  const req = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  return Boolean(req && typeof req.isSetSupported === 'function' && req.isSetSupported('ExcelApi', '1.13'));
}

/**
 * Merged ranges of a RangeAreas address ("Blad1!A3:A4, Blad1!D3:F3", quoted sheet names
 * allowed), zero-based and relative to the range read at (row, col); single cells are left out.
 */
export function mergesFromAddress(address: string, row: number, col: number): Merge[] {
  const out: Merge[] = [];
  for (const part of address.replace(/'(?:[^']|'')*'!/g, '!').split(',')) {
    const box = parseA1Range(part.slice(part.lastIndexOf('!') + 1).trim());
    if (box && box.rows * box.cols > 1 && box.row >= row && box.col >= col) out.push({ row: box.row - row, col: box.col - col, rows: box.rows, cols: box.cols });
  }
  return out;
}

/**
 * Reads the active sheet's used range, or the selection when `selectionOnly` is set and more
 * than one cell is selected, as values plus display texts and the sheet's merged ranges: ONE
 * `context.sync()` (on the web, with a finite `budget`: one to size the range, then as many as keep
 * each response within the budget, one at the seeds' size). Merges are asked for only where ExcelApi 1.13 is supported (`mergedAreas`
 * overrides the check); should the host still refuse them (over 512 merged areas), the sheet is
 * read again without.
 */
export async function readSource(host: ExcelHost, opts: { selectionOnly?: boolean; mergedAreas?: boolean; budget?: number } = {}): Promise<SourceRead> {
  const withMerges = opts.mergedAreas ?? supportsMergedAreas();
  const budget = opts.budget ?? Number.POSITIVE_INFINITY;
  const read = (merges: boolean) => (Number.isFinite(budget) ? readBanded(host, opts.selectionOnly === true, merges, budget) : readOnce(host, opts.selectionOnly === true, merges));
  try {
    return await read(withMerges);
  } catch (e) {
    if (!withMerges) throw e;
    return read(false);
  }
}

/**
 * Läs in on Excel on the web: one sync for the sheet's name, the used range's (or selection's)
 * position and size and the merges, then the cells in requests whose responses stay within
 * `budget` (one for a sheet of the seeds' size), a big sheet in bands of rows.
 */
async function readBanded(host: ExcelHost, selectionOnly: boolean, withMerges: boolean, budget: number): Promise<SourceRead> {
  const probe = await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const dims = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address'];
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(dims);
    const sel = selectionOnly ? context.workbook.getSelectedRange() : null;
    sel?.load([...dims, 'cellCount']);
    const merged = withMerges ? sheet.getRange().getMergedAreasOrNullObject() : null;
    merged?.load('address');
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const range = sel && sel.cellCount > 1 ? sel : used.isNullObject ? null : used;
    return {
      sheetName: sheet.name,
      sheetNames: sheets.items.map((s) => s.name),
      box: range ? { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount } : null,
      address: range ? range.address : '',
      mergedAddress: merged && !merged.isNullObject ? merged.address : null,
    };
  });
  const { sheetName, box } = probe;
  if (!box) return { grid: { sheetName, origin: { row: 0, col: 0 }, values: [], texts: [] }, sheetNames: probe.sheetNames, address: '' };
  const values: unknown[][] = [];
  const texts: string[][] = [];
  for (const request of readRequests([{ name: sheetName, rows: box.rows, cols: box.cols, props: ['values', 'text'] }], budget)) {
    const got = await readBandsSplitting(host, request.map((b) => ({ ...b, box, props: ['values', 'text'] as ReadProp[] })));
    for (const { data } of got.bands) {
      for (const row of data.values ?? []) values.push(row);
      for (const row of (data.text ?? []) as string[][]) texts.push(row);
    }
  }
  const merges = probe.mergedAddress ? mergesFromAddress(probe.mergedAddress, box.row, box.col) : [];
  return { grid: normalizeGrid({ sheetName, origin: { row: box.row, col: box.col }, values, texts, merges }), sheetNames: probe.sheetNames, address: probe.address };
}

function readOnce(host: ExcelHost, selectionOnly: boolean, withMerges: boolean): Promise<SourceRead> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(['values', 'text', 'rowIndex', 'columnIndex', 'address']);
    const sel = selectionOnly ? context.workbook.getSelectedRange() : null;
    sel?.load(['values', 'text', 'rowIndex', 'columnIndex', 'address', 'cellCount']);
    // The whole sheet's merges (a range that always exists), in the same request.
    const merged = withMerges ? sheet.getRange().getMergedAreasOrNullObject() : null;
    merged?.load('address');
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    const range = sel && sel.cellCount > 1 ? sel : used.isNullObject ? null : used;
    if (!range) return { grid: { sheetName: sheet.name, origin: { row: 0, col: 0 }, values: [], texts: [] }, sheetNames: names, address: '' };
    const merges = merged && !merged.isNullObject ? mergesFromAddress(merged.address, range.rowIndex, range.columnIndex) : [];
    return {
      grid: normalizeGrid({ sheetName: sheet.name, origin: { row: range.rowIndex, col: range.columnIndex }, values: range.values, texts: range.text, merges }),
      sheetNames: names,
      address: range.address,
    };
  });
}

/** Existing state of the sheets an action will write, read in ONE sync before anything is written. */
export interface SheetsState {
  sheetNames: string[];
  /** Per name: the sheet's content (for the undo snapshot), or null when it does not exist. */
  existing: Record<string, SheetReadBack | null>;
  /** Sheets asked for with `readBack` (the structured sheet and its companions) as Grids; missing ones are absent. */
  readBack: Record<string, Grid>;
}

/** A used range's position and size (zero-based), as a probe reads it. */
export interface UsedBox {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Options of inspectSheets. */
export interface InspectOptions {
  /**
   * Bytes per response (the capabilities' requestBudget): Excel on the web refuses responses over
   * 5 MB, so there the used ranges are probed first and read in requests of at most this many
   * bytes, a big sheet in bands of rows; unlimited (desktop) reads everything in one sync.
   */
  budget?: number;
  /** The used ranges when a probe already read them (null: the sheet is empty; absent: it does not exist): saves the probe's sync. */
  used?: Record<string, UsedBox | null>;
}

/**
 * Looks up the sheets named in `names` and reads their used ranges' values (whether a run
 * replaces them, and the summary's own analysis; undo keeps the sheets themselves); also reads the sheets in `readBack` as Grids (values and
 * display texts: the structured sheet the summary and report are built from). ONE sync on the
 * desktop; on the web (a finite `budget`) one sync to probe the used ranges and one per request
 * of readRequests (one for sheets of the seeds' size), so no response passes the budget.
 */
export async function inspectSheets(host: ExcelHost, names: string[], readBack: string[] = [], opts: InspectOptions = {}): Promise<SheetsState> {
  const budget = opts.budget ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(budget)) return inspectOnce(host, names, readBack);
  const wanted = [...new Set([...names, ...readBack])];
  const probe = opts.used ? { sheetNames: null, used: opts.used } : await probeUsed(host, wanted);
  const propsOf = (name: string): ReadProp[] => ['values', ...(readBack.includes(name) ? (['text'] as const) : [])];
  const targets = wanted.filter((n) => probe.used[n]).map((n) => ({ name: n, rows: probe.used[n]!.rows, cols: probe.used[n]!.cols, props: propsOf(n) }));
  const parts: Record<string, Record<ReadProp, unknown[][]>> = {};
  let sheetNames = probe.sheetNames;
  for (const request of readRequests(targets, budget)) {
    const got = await readBandsSplitting(host, request.map((b) => ({ ...b, box: probe.used[b.name]!, props: propsOf(b.name) })));
    sheetNames = got.sheetNames;
    for (const { band, data } of got.bands) {
      const into = (parts[band.name] ??= { values: [], text: [], formulas: [], numberFormat: [] });
      for (const p of propsOf(band.name)) for (const row of data[p] ?? []) into[p].push(row);
    }
  }
  if (!sheetNames) sheetNames = await listSheets(host);
  const existing: Record<string, SheetReadBack | null> = {};
  const back: Record<string, Grid> = {};
  for (const name of wanted) {
    const box = probe.used[name];
    const exists = box !== undefined;
    const part = parts[name] ?? { values: [], text: [], formulas: [], numberFormat: [] };
    const origin = box ? { row: box.row, col: box.col } : { row: 0, col: 0 };
    const values = part.values.map((r) => r.map(toCellValue));
    if (names.includes(name)) {
      existing[name] = exists ? { sheetName: name, origin, values } : null;
    }
    if (readBack.includes(name) && exists) back[name] = { sheetName: name, origin, values, texts: part.text.map((r) => r.map((t) => String(t ?? ''))) };
  }
  return { sheetNames, existing, readBack: back };
}

/** One sync: the workbook's sheet names and the used range of each sheet in `names` (null when empty; absent when the sheet does not exist). */
export async function probeUsed(host: ExcelHost, names: string[]): Promise<{ sheetNames: string[]; used: Record<string, UsedBox | null> }> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const probes = names.map((name) => {
      const ws = sheets.getItemOrNullObject(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      return { name, ws, used };
    });
    await context.sync();
    const out: Record<string, UsedBox | null> = {};
    for (const { name, ws, used } of probes) {
      if (ws.isNullObject) continue;
      out[name] = used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    }
    return { sheetNames: sheets.items.map((s) => s.name), used: out };
  });
}

type Band = ReadBand & { box: UsedBox; props: ReadProp[] };

/** Reads bands of rows in one sync; should the host still refuse the response as too large, each band is halved and read again. */
async function readBandsSplitting(host: ExcelHost, bands: Band[]): Promise<{ sheetNames: string[]; bands: { band: Band; data: Partial<Record<ReadProp, unknown[][]>> }[] }> {
  try {
    return await readBands(host, bands);
  } catch (e) {
    const code = (e as { code?: string } | null)?.code;
    if (code !== 'ResponsePayloadSizeLimitExceeded' || bands.every((b) => b.to - b.from <= 1)) throw e;
    const halves = bands.flatMap((b) => (b.to - b.from <= 1 ? [b] : [{ ...b, to: b.from + Math.ceil((b.to - b.from) / 2) }, { ...b, from: b.from + Math.ceil((b.to - b.from) / 2) }]));
    const mid = Math.ceil(halves.length / 2);
    const a = await readBandsSplitting(host, halves.slice(0, mid));
    const b = await readBandsSplitting(host, halves.slice(mid));
    return { sheetNames: b.sheetNames, bands: [...a.bands, ...b.bands] };
  }
}

function readBands(host: ExcelHost, bands: Band[]): Promise<{ sheetNames: string[]; bands: { band: Band; data: Partial<Record<ReadProp, unknown[][]>> }[] }> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const ranges = bands.map((band) => {
      const range = sheets.getItem(band.name).getRange(a1Range(band.box.row + band.from, band.box.col, band.to - band.from, band.box.cols));
      range.load(band.props);
      return { band, range };
    });
    await context.sync();
    return {
      sheetNames: sheets.items.map((s) => s.name),
      bands: ranges.map(({ band, range }) => ({ band, data: Object.fromEntries(band.props.map((p) => [p, range[p] as unknown[][]])) })),
    };
  });
}

/** The desktop read: every sheet's used range in ONE sync. */
async function inspectOnce(host: ExcelHost, names: string[], readBack: string[]): Promise<SheetsState> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const wanted = [...new Set([...names, ...readBack])];
    const probes = wanted.map((name) => {
      const ws = sheets.getItemOrNullObject(name);
      const used = ws.getUsedRangeOrNullObject(true);
      const props = ['values', 'rowIndex', 'columnIndex'];
      if (readBack.includes(name)) props.push('text');
      used.load(props);
      return { name, ws, used };
    });
    await context.sync();
    const existing: Record<string, SheetReadBack | null> = {};
    const back: Record<string, Grid> = {};
    for (const { name, ws, used } of probes) {
      const empty = used.isNullObject;
      const origin = empty ? { row: 0, col: 0 } : { row: used.rowIndex, col: used.columnIndex };
      const values = empty ? [] : (used.values as unknown[][]).map((r) => r.map(toCellValue));
      if (names.includes(name)) {
        existing[name] = ws.isNullObject ? null : { sheetName: name, origin, values };
      }
      if (readBack.includes(name) && !ws.isNullObject) {
        back[name] = { sheetName: name, origin, values, texts: empty ? [] : (used.text as unknown[][]).map((r) => r.map((t) => String(t ?? ''))) };
      }
    }
    return { sheetNames: sheets.items.map((s) => s.name), existing, readBack: back };
  });
}

/** The workbook's sheet names (start-up, and when the pane has not read anything yet). One sync. */
export async function listSheets(host: ExcelHost): Promise<string[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

/**
 * Strings Excel would not keep as typed text: formulas (= + - @), numbers, dates, times,
 * percentages and booleans. They get Excel's quote prefix (a leading apostrophe) so the cell
 * holds exactly the plan's text; Excel hides the apostrophe and `values` reads the text back.
 */
export function needsQuotePrefix(s: string): boolean {
  if (s === '') return false;
  if (looksLikeFormula(s) || s.startsWith("'")) return true;
  const t = s.trim();
  if (/^(true|false|sant|falskt)$/i.test(t)) return true;
  // Anything made only of digits and number/date/time/currency punctuation with at least one digit.
  return /\d/.test(t) && /^[\d\s.,:/%()$€£kr+\-]*$/i.test(t);
}

/** The 2D array handed to `range.formulas` for a block: formulas as "=…", text quote-prefixed when needed. */
export function blockFormulas(values: PlanCell[][], width: number): (string | number | boolean)[][] {
  return values.map((row) => {
    const out: (string | number | boolean)[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = c < row.length ? row[c] : null;
      if (v === null || v === undefined) out[c] = '';
      else if (typeof v === 'object') out[c] = v.f;
      else if (typeof v === 'string') out[c] = needsQuotePrefix(v) ? `'${v}` : v;
      else if (typeof v === 'number') out[c] = Number.isFinite(v) ? v : '';
      else out[c] = v;
    }
    return out;
  });
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function styleRange(range: Excel.Range, s: Style): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.fontColor) f.font.color = s.fontColor;
  if (s.fill) f.fill.color = s.fill;
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.hAlign) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.borderBottom) {
    const edge = f.borders.getItem('EdgeBottom');
    edge.style = 'Continuous';
    edge.color = '#808080';
  }
}

/** Vertical runs of equal non-null entries per column of a 2D attribute array (the core's, shared with the request estimate). */
export { columnRuns };

/** Excel column width in points for a width in characters (≈ 7 px per character plus padding, 0.75 pt per px). */
export function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function writeBlock(ws: Excel.Worksheet, b: Block, styles: Record<string, Style>): void {
  const rows = b.values.length;
  const width = Math.max(0, ...b.values.map((r) => r.length));
  if (!rows || !width) return;
  const range = ws.getRange(a1Range(b.row, b.col, rows, width));
  // Values (and formulas) first, then number formats, then the look.
  range.formulas = blockFormulas(b.values, width);
  if (b.numberFormats && b.numberFormats.some((r) => r.some((x) => x))) {
    range.numberFormat = Array.from({ length: rows }, (_, i) => Array.from({ length: width }, (_, j) => b.numberFormats?.[i]?.[j] ?? 'General'));
  }
  if (b.styles) {
    for (const [name, addr] of columnRuns(b.styles, b.row, b.col)) {
      const s = styles[name];
      if (s) styleRange(ws.getRange(addr), s);
    }
  }
}

function writeExtras(ws: Excel.Worksheet, plan: SheetPlan, caps: Capabilities): void {
  (plan.columnWidths ?? []).forEach((w, i) => {
    if (w !== null && w !== undefined) ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = columnPoints(w);
  });
  for (const m of plan.merges ?? []) ws.getRange(m).merge(false);
  const fr = plan.frozenRows ?? 0;
  const fc = plan.frozenColumns ?? 0;
  if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(ws.getRange(a1Range(0, 0, fr, fc)));
  else if (fr > 0) ws.freezePanes.freezeRows(fr);
  else if (fc > 0) ws.freezePanes.freezeColumns(fc);
  for (const cf of plan.conditionalFormats ?? []) {
    const range = ws.getRange(cf.range);
    let format: Excel.ConditionalRangeFormat;
    if (cf.when.type === 'textEquals') {
      const c = range.conditionalFormats.add('CellValue');
      c.cellValue.rule = { formula1: `="${cf.when.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      format = c.cellValue.format;
    } else {
      const c = range.conditionalFormats.add('Custom');
      c.custom.rule.formula = cf.when.formula;
      format = c.custom.format;
    }
    if (cf.style.fill) format.fill.color = cf.style.fill;
    if (cf.style.fontColor) format.font.color = cf.style.fontColor;
    if (cf.style.bold !== undefined) format.font.bold = cf.style.bold;
  }
  for (const v of plan.validations ?? []) {
    const dv = ws.getRange(v.range).dataValidation;
    if (v.rule.type === 'list') {
      dv.rule = { list: { inCellDropDown: true, source: v.rule.values.join(',') } };
    } else {
      const { min, max } = v.rule;
      const basic: Excel.BasicDataValidation =
        min !== undefined && max !== undefined
          ? { operator: 'Between', formula1: min, formula2: max }
          : min !== undefined
            ? { operator: 'GreaterThanOrEqualTo', formula1: min }
            : max !== undefined
              ? { operator: 'LessThanOrEqualTo', formula1: max }
              : { operator: 'Between', formula1: -1e15, formula2: 1e15 };
      dv.rule = v.rule.type === 'wholeNumber' ? { wholeNumber: basic } : { decimal: basic };
    }
    dv.ignoreBlanks = v.allowBlank ?? true;
    if (v.inputTitle || v.inputMessage) dv.prompt = { showPrompt: true, title: v.inputTitle ?? '', message: v.inputMessage ?? '' };
    if (v.errorMessage) dv.errorAlert = { showAlert: true, style: 'Stop', title: v.inputTitle ?? '', message: v.errorMessage };
  }
  for (const n of plan.notes ?? []) {
    // Classic notes where the host has them (ExcelApi 1.18), threaded comments otherwise (1.10).
    // Older hosts get neither: the findings column and the Kontroller sheet carry the same text.
    if (caps.notes) ws.notes.add(ws.getRange(n.cell), n.text);
    else if (caps.comments) ws.comments.add(ws.getRange(n.cell), n.text);
  }
  for (const l of plan.links ?? []) {
    ws.getRange(l.cell).hyperlink = { documentReference: `${quoteSheet(l.sheet)}!${l.target}`, textToDisplay: l.text, screenTip: `${l.sheet}!${l.target}` };
  }
  if (plan.chart) {
    const ch = plan.chart;
    const chart = ws.charts.add(ch.type === 'bar' ? 'BarClustered' : 'ColumnClustered', ws.getRange(ch.series[0].values), 'Columns');
    chart.title.text = ch.title;
    const first = chart.series.getItemAt(0);
    first.name = ch.series[0].name;
    first.setXAxisValues(ws.getRange(ch.categories));
    for (const s of ch.series.slice(1)) {
      const series = chart.series.add(s.name);
      series.setValues(ws.getRange(s.values));
      series.setXAxisValues(ws.getRange(ch.categories));
    }
    const at = parseA1(ch.anchor) ?? { row: 0, col: 0 };
    chart.setPosition(a1(at.row, at.col), a1(at.row + (ch.heightRows ?? 15) - 1, at.col + (ch.widthCols ?? 8) - 1));
  }
  if (plan.tabColor) ws.tabColor = plan.tabColor;
}

/** Options of applyPlans. */
export interface ApplyOptions {
  /** The source sheet's name: never written, deleted or replaced. */
  source: string | null;
  /** Names of sheets that exist now (from inspectSheets): they are deleted and written anew. */
  existing: string[];
  /** Extra sheets to delete (undo of a run that created them). */
  remove?: string[];
  capabilities?: Capabilities;
  /** Bytes per request; defaults to the capabilities' budget (4,500,000 bytes on the web, unlimited on desktop). */
  budget?: number;
  /** Sheet to show when done. */
  activate?: string | null;
}

/** Thrown (with a Swedish message) when a plan would touch the source sheet. */
export class SourceSheetError extends Error {}

/**
 * Writes the plans: replaced and removed sheets are deleted, every planned sheet is added and
 * filled (calculation suspended, values, number formats, styles, widths, merges, frozen panes,
 * conditional formats, validation, notes, links, chart, tab colour). All in ONE
 * `context.sync()` unless the plans pass the request budget, in which case batchPlans splits
 * them and each piece is one sync that lands whole. Returns the number of syncs used.
 */
export async function applyPlans(host: ExcelHost, plans: SheetPlan[], opts: ApplyOptions): Promise<number> {
  const source = opts.source;
  const touched = [...plans.map((p) => p.name), ...(opts.remove ?? [])];
  if (source && touched.some((n) => n.toLowerCase() === source.toLowerCase())) {
    throw new SourceSheetError(`Bladet "${source}" är källbladet och skrivs aldrig över. Byt namn på det och försök igen.`);
  }
  const caps = opts.capabilities ?? NO_EXTRAS;
  const batches = batchPlans(plans, opts.budget ?? caps.requestBudget);
  const created = new Set<string>();
  let syncs = 0;
  const existing = new Set(opts.existing);
  const removeFirst = (opts.remove ?? []).filter((n) => existing.has(n));
  if (!batches.length && !removeFirst.length) return 0;
  const rounds = batches.length ? batches : [[]];
  for (let i = 0; i < rounds.length; i++) {
    const batch = rounds[i];
    await host.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      const sheets = context.workbook.worksheets;
      if (i === 0) {
        for (const name of removeFirst) sheets.getItem(name).delete();
      }
      // Delete every sheet being replaced before adding any, so cross-sheet formulas written
      // below (COUNTIFS over Händelser) resolve against the new sheets.
      const fresh = [...new Set(batch.map((p) => p.name))].filter((n) => !created.has(n));
      for (const name of fresh) if (existing.has(name)) sheets.getItem(name).delete();
      const targets = new Map<string, Excel.Worksheet>();
      for (const name of fresh) {
        targets.set(name, sheets.add(name));
        created.add(name);
      }
      for (const p of batch) {
        const ws = targets.get(p.name) ?? sheets.getItem(p.name);
        const styles = p.styles ?? {};
        for (const b of p.blocks) writeBlock(ws, b, styles);
        writeExtras(ws, p, caps);
      }
      const last = i === rounds.length - 1;
      if (last && opts.activate && touched.includes(opts.activate)) sheets.getItem(opts.activate).activate();
      await context.sync();
      syncs++;
    });
  }
  return syncs;
}

/** Selects a cell (or range) of a sheet and shows it: what clicking a finding does. One sync. */
export async function selectCell(host: ExcelHost, sheet: string, cell: string): Promise<boolean> {
  if (!parseA1Range(cell)) return false;
  try {
    return await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
      return true;
    });
  } catch {
    return false;
  }
}

