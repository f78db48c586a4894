// Recording fakes of the Apps Script services the add-on uses (SpreadsheetApp, HtmlService, the Advanced Drive service, LockService, PropertiesService, Utilities, Charts), with a service-call counter; every call checked against the manifest's OAuth scopes (gas-scopes.ts).
import { readFileSync } from 'fs';
import { join } from 'path';
import vm from 'vm';
import { HyperFormula } from 'hyperformula';
import type { PlanCell } from '../../shared/model/sheet-plan';
import { a1Range, parseA1Range } from '../../shared/model/a1';
import { trimGrid } from './contract';
import { ensureBuilt } from './build';
import { refusal } from './gas-scopes';
import { FakeDrive, FakeDriveBlob, type DocChild, type DriveFakeFile, pdfText } from './gas-drive-fake';

/** Every service call, as "Class.method", in order. */
export class CallLog {
  calls: string[] = [];
  /** Cell attributes written by 2D setters (values, formulas, formats, fonts, fills, notes …): one per cell per call. */
  cellsWritten = 0;
  /** cellsWritten per setter. */
  cellsBy: Record<string, number> = {};
  /** Runs before every recorded call (makeGasEnv: the OAuth scope and AuthMode check); throws to refuse it. */
  guard: ((call: string) => void) | null = null;
  count(prefix = ''): number {
    return prefix ? this.calls.filter((c) => c.startsWith(prefix)).length : this.calls.length;
  }
  /** Calls per "Class.method". */
  histogram(): Record<string, number> {
    const h: Record<string, number> = {};
    for (const c of this.calls) h[c] = (h[c] ?? 0) + 1;
    return h;
  }
  reset(): void {
    this.calls = [];
    this.cellsWritten = 0;
    this.cellsBy = {};
  }
}

/** Builders (rules, rich text) assemble a value inside the script: no round trip to the spreadsheet. */
export const isBuilderCall = (k: string): boolean => /Builder\.|^SpreadsheetApp\.new/.test(k);
/** Growing a sheet past its 1,000 default rows or 26 columns: at most one call per sheet and dimension. */
export const isGrowthCall = (k: string): boolean => /^Sheet\.insert(Rows|Columns)After$/.test(k);
/**
 * DocumentApp element edits change the script's copy of a new Doc; they are "pending updates" that
 * `Document.saveAndClose()` flushes in one go (DocumentApp reference), not a round trip each.
 */
export const isDocElementCall = (k: string): boolean => /^(Body|Paragraph|Table|TableRow|TableCell|Text)\./.test(k);
/** Calls that reach a Google service (not builders, sheet growth or buffered Doc edits), by "Class.method". */
export function roundTripCalls(h: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(h).filter(([k]) => !isBuilderCall(k) && !isGrowthCall(k) && !isDocElementCall(k)));
}

/** Wraps an object so every method call is recorded as `name.method`. */
function recorded<T extends object>(log: CallLog, name: string, target: T): T {
  const proxy: T = new Proxy(target, {
    get(t, prop, recv) {
      const v = Reflect.get(t, prop, recv);
      if (typeof v !== 'function' || typeof prop !== 'string' || prop === 'constructor' || prop.startsWith('_')) return v;
      return (...args: unknown[]) => {
        log.guard?.(`${name}.${prop}`);
        log.calls.push(`${name}.${prop}`);
        const r = (v as (...a: unknown[]) => unknown).apply(t, args);
        // Chained builders and setters return the wrapper, so the rest of the chain is counted too.
        return r === t ? proxy : r;
      };
    },
  });
  return proxy;
}

/** What one cell holds in the fake. */
export interface FakeCell {
  value: string | number | boolean | Date | null;
  formula: string | null;
  numberFormat?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  fontColor?: string | null;
  background?: string | null;
  wrap?: boolean;
  hAlign?: string | null;
  vAlign?: string | null;
  note?: string;
  validation?: FakeDataValidation | null;
  link?: string | null;
  borderBottom?: boolean;
}

/** Sheets' reading of a string given to setValues, like typed input. */
function parseInput(v: unknown): { value: FakeCell['value']; formula: string | null } {
  if (v === null || v === undefined || v === '') return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: null };
  if (v instanceof Date) return { value: v, formula: null };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1), formula: null };
  if (s.startsWith('=')) return { value: null, formula: s };
  // "+46 70 …" or "-5 minuter" typed into Sheets is parsed as a formula and fails.
  if (/^[+-]/.test(s) && !/^[+-]\d+(\.\d+)?$/.test(s)) return { value: '#ERROR!', formula: `=${s}` };
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return { value: Number(s), formula: null };
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { value: new Date(`${s}T00:00:00Z`), formula: null };
  if (/^(TRUE|FALSE)$/i.test(s)) return { value: /^true$/i.test(s), formula: null };
  return { value: s, formula: null };
}

/** True for number formats that show a date (Sheets then hands the value to getValues as a Date). */
function isDateFormat(fmt: string | undefined): boolean {
  return !!fmt && /(^|[^"])(yy|dd)/i.test(fmt.replace(/"[^"]*"/g, ''));
}

/** A number as a number format shows it: literal prefix ('"ca "# ##0' → "ca 20"), percent, decimals. */
function formatNumber(v: number, fmt: string | undefined, locale = 'en_US'): string {
  if (!fmt || fmt === 'General') return String(v);
  if (isDateFormat(fmt)) return new Date(Math.round((v - 25569) * 86400000)).toISOString().slice(0, 10);
  const prefix = /^"([^"]*)"/.exec(fmt)?.[1] ?? '';
  const body = fmt.replace(/^"[^"]*"/, '');
  const decimals = /\.(0+|#+)/.exec(body)?.[1].length ?? 0;
  if (body.includes('%')) return `${prefix}${(v * 100).toFixed(0)} %`;
  const n = Number(v.toFixed(decimals));
  const digits = /\.0/.test(body) ? n.toFixed(decimals) : String(n);
  // "#,##0" groups the digits with the spreadsheet locale's separator (a no-break space in sv_SE, "," in en_US).
  if (/#,##0/.test(body) && Number.isInteger(n)) return `${prefix}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator(locale))}`;
  return `${prefix}${digits}`;
}

/** The digit-group separator a spreadsheet locale shows: a no-break space in sv_SE, "." in de_DE, "," in en_US. */
function groupSeparator(locale: string): string {
  if (/^(sv|nb|nn|no|fi|fr|cs|pl|ru)(_|$)/i.test(locale)) return '\u00A0';
  if (/^(de|da|nl|it|es|pt)(_|$)/i.test(locale)) return '.';
  return ',';
}

function displayOf(c: FakeCell | undefined, locale = 'en_US'): string {
  if (!c) return '';
  const v = c.value;
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return formatNumber(v, c.numberFormat, locale);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** What getValues hands over for a cell: computed value for formulas, a Date for date-formatted numbers. */
function valueOf(c: FakeCell | undefined): string | number | boolean | Date {
  if (!c || c.value === null) return '';
  if (typeof c.value === 'number' && isDateFormat(c.numberFormat)) return new Date(Math.round((c.value - 25569) * 86400000));
  return c.value;
}

export class FakeDataValidation {
  constructor(public criteria: string, public args: unknown[], public helpText: string, public allowInvalid: boolean) {}
  getCriteriaType(): string { return this.criteria; }
  getCriteriaValues(): unknown[] { return this.args; }
  getHelpText(): string { return this.helpText; }
  getAllowInvalid(): boolean { return this.allowInvalid; }
}

class DvBuilder {
  private criteria = 'NONE';
  private args: unknown[] = [];
  private help = '';
  private allow = true;
  requireValueInList(values: string[], show?: boolean) { this.criteria = 'VALUE_IN_LIST'; this.args = [values, show ?? true]; return this; }
  requireNumberBetween(a: number, b: number) { this.criteria = 'NUMBER_BETWEEN'; this.args = [a, b]; return this; }
  requireNumberGreaterThanOrEqualTo(a: number) { this.criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO'; this.args = [a]; return this; }
  requireNumberLessThanOrEqualTo(a: number) { this.criteria = 'NUMBER_LESS_THAN_OR_EQUAL_TO'; this.args = [a]; return this; }
  requireFormulaSatisfied(f: string) { this.criteria = 'CUSTOM_FORMULA'; this.args = [f]; return this; }
  setHelpText(t: string) { this.help = t; return this; }
  setAllowInvalid(b: boolean) { this.allow = b; return this; }
  build() { return new FakeDataValidation(this.criteria, this.args, this.help, this.allow); }
}

export class FakeCfRule {
  constructor(public type: string, public values: string[], public background: string | null, public fontColor: string | null, public bold: boolean | null, public ranges: FakeRange[]) {}
  getBooleanCondition() {
    return {
      getCriteriaType: () => this.type,
      getCriteriaValues: () => this.values,
      getBackground: () => this.background,
      getFontColor: () => this.fontColor,
      getBold: () => this.bold,
    };
  }
  getRanges() { return this.ranges; }
  /** "Returns a rule builder preset with this rule's settings" (ConditionalFormatRule.copy). */
  copy() { return new CfBuilder(this); }
}

class CfBuilder {
  private type = 'NONE';
  private values: string[] = [];
  private bg: string | null = null;
  private font: string | null = null;
  private bold: boolean | null = null;
  private ranges: FakeRange[] = [];
  constructor(of?: FakeCfRule) {
    if (of) Object.assign(this, { type: of.type, values: [...of.values], bg: of.background, font: of.fontColor, bold: of.bold, ranges: [...of.ranges] });
  }
  whenTextEqualTo(t: string) { this.type = 'TEXT_EQUAL_TO'; this.values = [t]; return this; }
  whenFormulaSatisfied(f: string) { this.type = 'CUSTOM_FORMULA'; this.values = [f]; return this; }
  setBackground(c: string) { this.bg = c; return this; }
  setFontColor(c: string) { this.font = c; return this; }
  setBold(b: boolean) { this.bold = b; return this; }
  setRanges(r: FakeRange[]) { this.ranges = r; return this; }
  build() { return new FakeCfRule(this.type, this.values, this.bg, this.font, this.bold, this.ranges); }
}

class RichTextBuilder {
  private text = '';
  private url: string | null = null;
  setText(t: string) { this.text = t; return this; }
  setLinkUrl(u: string) { this.url = u; return this; }
  build() { return { text: this.text, url: this.url, getText: () => this.text, getLinkUrl: () => this.url }; }
}

/** Sets `value` at a dotted option path ("legend.position"), as Google's chart options name nested options. */
function setPath(o: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = o;
  for (const k of keys.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
}

function getPath(o: Record<string, unknown>, path: string): unknown {
  let at: unknown = o;
  for (const k of path.split('.')) {
    if (typeof at !== 'object' || at === null) return null;
    at = (at as Record<string, unknown>)[k];
  }
  return at === undefined ? null : at;
}

let chartIdSeq = 1;

/** What an embedded chart holds: type, data ranges (on their sheet), position (ContainerInfo) and options. */
export interface FakeChartSpec {
  type: string | null;
  ranges: FakeRange[];
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

/**
 * EmbeddedChart as the reference describes it: getRanges, getContainerInfo (anchor row/column,
 * offsets), getOptions().get(option) and modify(), which hands back a builder for THIS chart, to be
 * saved with Sheet.updateChart (developers.google.com/apps-script/reference/spreadsheet/embedded-chart,
 * .../embedded-chart-builder, .../container-info).
 */
export class FakeChart {
  constructor(public id: string, public spec: FakeChartSpec) {}
  getChartId() { return this.id; }
  getRanges() { return [...this.spec.ranges]; }
  getContainerInfo() {
    const p = this.spec.position;
    return { getAnchorRow: () => p.anchorRow, getAnchorColumn: () => p.anchorColumn, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  getOptions() { return { get: (k: string) => getPath(this.spec.options, k) }; }
  modify() { return new ChartBuilder(null, this); }
}

/**
 * EmbeddedChartBuilder: Sheet.newChart() starts an empty one, EmbeddedChart.modify() one holding the
 * chart's type, ranges, position and options. build() "does not automatically draw the chart";
 * "a new chart must be inserted via sheet.insertChart(chart), and an existing chart should be
 * updated via sheet.updateChart(chart)" (EmbeddedChartBuilder.build reference).
 */
class ChartBuilder {
  spec: FakeChartSpec;
  constructor(public sheet: FakeSheet | null, public of: FakeChart | null = null) {
    this.spec = of
      ? { type: of.spec.type, ranges: [...of.spec.ranges], position: { ...of.spec.position }, options: JSON.parse(JSON.stringify(of.spec.options)) }
      : { type: null, ranges: [], position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 }, options: {} };
  }
  setChartType(t: string) { this.spec.type = t; return this; }
  getChartType() { return this.spec.type; }
  /** "Adds a range to the chart this builder modifies. Does not add the range if it has already been added." */
  addRange(r: FakeRange) {
    if (!this.spec.ranges.some((x) => x.sheet === r.sheet && x.getA1Notation() === r.getA1Notation())) this.spec.ranges.push(r);
    return this;
  }
  clearRanges() { this.spec.ranges = []; return this; }
  getRanges() { return [...this.spec.ranges]; }
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number) {
    this.spec.position = { anchorRow, anchorColumn, offsetX, offsetY };
    return this;
  }
  setOption(k: string, v: unknown) { setPath(this.spec.options, k, v); return this; }
  build() {
    const spec: FakeChartSpec = { ...this.spec, ranges: [...this.spec.ranges], position: { ...this.spec.position }, options: JSON.parse(JSON.stringify(this.spec.options)) };
    return new FakeChart(this.of ? this.of.id : `chart-${chartIdSeq++}`, spec);
  }
}

/**
 * Google's check of a 2-D setter's data against its range (rows first, then each row's columns),
 * with Google's own wording, e.g. "The number of columns in the data does not match the number of
 * columns in the range. The data has 5 but the range has 4." (quoted from Apps Script in
 * github.com/alpatania/sassafras/issues/8 and boilermaker-ben/Google-Sheets-NFL-Pick-Ems-and-Survivor-Pool/issues/27).
 */
export function checkDataShape(rows: number, cols: number, data: unknown[][]): void {
  if (data.length !== rows) throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rows}.`);
  for (const r of data) {
    if (r.length !== cols) throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${cols}.`);
  }
}

function sameShape(range: FakeRange, data: unknown[][]): void {
  checkDataShape(range.nr, range.nc, data);
}

/**
 * Google's refusals of a range's coordinates: "The starting row of the range is too small.",
 * "The number of rows in the range must be at least 1." (Elijas/auto-youtube-subscription-playlist-2/issues/99)
 * and, past the grid (getMaxRows × getMaxColumns), "The coordinates of the range are outside the
 * dimensions of the sheet." (the text Apps Script code matches on, e.g. in the public scripts the code
 * index holds; Sheets never grows a sheet for getRange).
 */
export function checkRangeCoordinates(row: number, col: number, nr: number, nc: number, maxRows: number, maxCols: number): void {
  if (!(row >= 1)) throw new Error('The starting row of the range is too small.');
  if (!(col >= 1)) throw new Error('The starting column of the range is too small.');
  if (!(nr >= 1)) throw new Error('The number of rows in the range must be at least 1.');
  if (!(nc >= 1)) throw new Error('The number of columns in the range must be at least 1.');
  if (row + nr - 1 > maxRows || col + nc - 1 > maxCols) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
}

export class FakeRange {
  constructor(public sheet: FakeSheet, public row: number, public col: number, public nr: number, public nc: number) {
    checkRangeCoordinates(row, col, nr, nc, sheet.maxRows, sheet.maxCols);
  }
  private each(fn: (cell: FakeCell, i: number, j: number) => void): void {
    for (let i = 0; i < this.nr; i++) for (let j = 0; j < this.nc; j++) fn(this.sheet._cell(this.row - 1 + i, this.col - 1 + j), i, j);
  }
  private map<T>(fn: (cell: FakeCell | undefined) => T): T[][] {
    return Array.from({ length: this.nr }, (_, i) => Array.from({ length: this.nc }, (_, j) => fn(this.sheet._peek(this.row - 1 + i, this.col - 1 + j))));
  }
  private set2d<T>(data: T[][], what: string, fn: (cell: FakeCell, v: T) => void): FakeRange {
    sameShape(this, data);
    this.sheet.ss.version++;
    this.sheet.ss.log.cellsWritten += this.nr * this.nc;
    this.sheet.ss.log.cellsBy[what] = (this.sheet.ss.log.cellsBy[what] ?? 0) + this.nr * this.nc;
    this.each((c, i, j) => fn(c, data[i][j]));
    return this;
  }
  getA1Notation(): string { return a1Range(this.row - 1, this.col - 1, this.nr, this.nc); }
  getRow(): number { return this.row; }
  getColumn(): number { return this.col; }
  getNumRows(): number { return this.nr; }
  getNumColumns(): number { return this.nc; }
  getSheet(): FakeSheet { return this.sheet; }
  getValues() { this.sheet.ss._recalc(); return this.map(valueOf); }
  getDisplayValues() { this.sheet.ss._recalc(); return this.map((c) => displayOf(c, this.sheet.ss.locale)); }
  getFormulas() { return this.map((c) => c?.formula ?? ''); }
  getNumberFormats() { return this.map((c) => c?.numberFormat ?? 'General'); }
  getNotes() { return this.map((c) => c?.note ?? ''); }
  getBackgrounds() { return this.map((c) => c?.background ?? '#ffffff'); }
  getFontWeights() { return this.map((c) => c?.fontWeight ?? 'normal'); }
  getDataValidations() { return this.map((c) => c?.validation ?? null); }
  setValues(v: unknown[][]) { return this.set2d(v, 'setValues', (c, x) => { const p = parseInput(x); c.value = p.value; c.formula = p.formula; c.link = null; }); }
  setFormulas(v: string[][]) { return this.set2d(v, 'setFormulas', (c, x) => { const p = parseInput(x); c.value = p.value; c.formula = p.formula; }); }
  setNumberFormats(v: string[][]) { return this.set2d(v, 'setNumberFormats', (c, x) => { c.numberFormat = x; }); }
  setFontWeights(v: (string | null)[][]) { return this.set2d(v, 'setFontWeights', (c, x) => { c.fontWeight = x ?? 'normal'; }); }
  setFontStyles(v: (string | null)[][]) { return this.set2d(v, 'setFontStyles', (c, x) => { c.fontStyle = x ?? 'normal'; }); }
  setFontSizes(v: number[][]) { return this.set2d(v, 'setFontSizes', (c, x) => { c.fontSize = x; }); }
  setFontColors(v: (string | null)[][]) { return this.set2d(v, 'setFontColors', (c, x) => { c.fontColor = x; }); }
  setBackgrounds(v: (string | null)[][]) { return this.set2d(v, 'setBackgrounds', (c, x) => { c.background = x; }); }
  setWraps(v: boolean[][]) { return this.set2d(v, 'setWraps', (c, x) => { c.wrap = x; }); }
  setHorizontalAlignments(v: (string | null)[][]) { return this.set2d(v, 'setHorizontalAlignments', (c, x) => { c.hAlign = x; }); }
  setVerticalAlignments(v: (string | null)[][]) { return this.set2d(v, 'setVerticalAlignments', (c, x) => { c.vAlign = x; }); }
  setNotes(v: (string | null)[][]) { return this.set2d(v, 'setNotes', (c, x) => { c.note = x ?? ''; }); }
  setDataValidations(v: (FakeDataValidation | null)[][]) { return this.set2d(v, 'setDataValidations', (c, x) => { c.validation = x; }); }
  setRichTextValues(v: { text: string; url: string | null }[][]) {
    return this.set2d(v, 'setRichTextValues', (c, x) => { c.value = x.text === '' ? null : x.text; c.formula = null; c.link = x.url; });
  }
  setRichTextValue(x: { text: string; url: string | null }) { return this.setRichTextValues([[x]]); }
  setBorder(_t: unknown, _l: unknown, bottom: boolean | null) { this.each((c) => { if (bottom !== null) c.borderBottom = bottom; }); return this; }
  merge() { this.sheet.merges.push(this.getA1Notation()); return this; }
  /** Merged ranges fully within this range or holding at least one of its cells (Range.getMergedRanges). */
  getMergedRanges() {
    return this.sheet.merges
      .map((m) => parseA1Range(m)!)
      .filter((b) => b.row + 1 <= this.row + this.nr - 1 && b.row + b.rows >= this.row && b.col + 1 <= this.col + this.nc - 1 && b.col + b.cols >= this.col)
      .map((b) => this.sheet.ss._wrapRange(new FakeRange(this.sheet, b.row + 1, b.col + 1, b.rows, b.cols)));
  }
  breakApart() {
    this.sheet.merges = this.sheet.merges.filter((m) => {
      const r = parseA1Range(m)!;
      return r.row + 1 > this.row + this.nr - 1 || r.row + r.rows < this.row || r.col + 1 > this.col + this.nc - 1 || r.col + r.cols < this.col;
    });
    return this;
  }
  clearDataValidations() { this.each((c) => { c.validation = null; }); return this; }
  activate() { this.sheet.ss.activeRange = this; this.sheet.ss.active = this.sheet; return this; }
  /**
   * Range.copyTo(destination[, copyPasteType, transposed]) as the reference documents it. The
   * CopyPasteType enum says what each paste carries: PASTE_NORMAL "values, formulas, formats and
   * merges", PASTE_DATA_VALIDATION "the data validation only", PASTE_CONDITIONAL_FORMATTING "the
   * color rules only", PASTE_COLUMN_WIDTHS "the column widths only", PASTE_VALUES "the values ONLY"
   * (developers.google.com/apps-script/reference/spreadsheet/copy-paste-type). The fake carries
   * exactly that and nothing more: notes, validation and conditional formats do NOT come with a
   * normal paste here, and embedded charts never do (they are not cells). A one-cell destination
   * takes the source's size. Formulas are pasted as written, so only a paste to the same position
   * is modelled (Sheets would shift relative references otherwise).
   */
  copyTo(dest: FakeRange, type: string = 'PASTE_NORMAL', transposed = false) {
    if (transposed) throw new Error('fake: transposed paste is not modelled');
    const rows = this.nr;
    const cols = this.nc;
    const dr = dest.row - this.row;
    const dc = dest.col - this.col;
    if (type === 'PASTE_COLUMN_WIDTHS') {
      for (let j = 0; j < cols; j++) dest.sheet.columnWidths.set(dest.col + j, this.sheet.getColumnWidth(this.col + j));
      return;
    }
    dest.sheet._ensure(dest.row + rows - 1, dest.col + cols - 1);
    dest.sheet.ss.version++;
    const at = (i: number, j: number) => this.sheet._peek(this.row - 1 + i, this.col - 1 + j);
    const put = (i: number, j: number, c: FakeCell | undefined) => dest.sheet._put(dest.row - 1 + i, dest.col - 1 + j, c);
    const old = (i: number, j: number) => dest.sheet._peek(dest.row - 1 + i, dest.col - 1 + j);
    if (type === 'PASTE_DATA_VALIDATION') {
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
        const v = at(i, j)?.validation ?? null;
        const c = old(i, j);
        if (c) c.validation = v;
        else if (v) put(i, j, { value: null, formula: null, validation: v });
      }
      return;
    }
    if (type === 'PASTE_CONDITIONAL_FORMATTING') {
      for (const rule of this.sheet.cfRules) {
        const inside = rule.ranges.filter((r) => r.row >= this.row && r.col >= this.col && r.row + r.nr <= this.row + rows && r.col + r.nc <= this.col + cols);
        if (inside.length) dest.sheet.cfRules.push(new FakeCfRule(rule.type, rule.values, rule.background, rule.fontColor, rule.bold, inside.map((r) => new FakeRange(dest.sheet, r.row + dr, r.col + dc, r.nr, r.nc))));
      }
      return;
    }
    if (type !== 'PASTE_NORMAL' && type !== 'PASTE_VALUES') throw new Error(`fake: ${type} is not modelled`);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const src = at(i, j);
        const kept = old(i, j);
        if (src?.formula && (dr !== 0 || dc !== 0)) throw new Error('fake: pasting formulas at an offset is not modelled');
        if (type === 'PASTE_VALUES') {
          const c = kept ?? { value: null, formula: null };
          c.value = src?.value ?? null;
          c.formula = null;
          put(i, j, c);
          continue;
        }
        // Values, formulas, formats (rich text links are part of the value); the destination keeps its own note and validation.
        const c: FakeCell = src ? { ...src } : { value: null, formula: null };
        delete c.note;
        delete c.validation;
        if (kept?.note) c.note = kept.note;
        if (kept?.validation) c.validation = kept.validation;
        put(i, j, c);
      }
    }
    if (type === 'PASTE_NORMAL') {
      dest.sheet.merges = dest.sheet.merges.filter((m) => {
        const r = parseA1Range(m)!;
        return r.row + 1 > dest.row + rows - 1 || r.row + r.rows < dest.row || r.col + 1 > dest.col + cols - 1 || r.col + r.cols < dest.col;
      });
      for (const m of this.sheet.merges) {
        const r = parseA1Range(m)!;
        if (r.row + 1 >= this.row && r.col + 1 >= this.col && r.row + r.rows <= this.row - 1 + rows && r.col + r.cols <= this.col - 1 + cols) {
          dest.sheet.merges.push(a1Range(r.row + dr, r.col + dc, r.rows, r.cols));
        }
      }
    }
  }
}

let sheetIdSeq = 1000;

export class FakeSheet {
  cells = new Map<number, FakeCell>();
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  merges: string[] = [];
  cfRules: FakeCfRule[] = [];
  charts: FakeChart[] = [];
  columnWidths = new Map<number, number>();
  id = sheetIdSeq++;
  /** Which log key this sheet's wrapper records under. */
  constructor(public ss: FakeSpreadsheet, public name: string) {}
  private key(r: number, c: number): number { return r * 100000 + c; }
  _peek(r: number, c: number): FakeCell | undefined { return this.cells.get(this.key(r, c)); }
  _cell(r: number, c: number): FakeCell {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: null, formula: null };
      this.cells.set(k, cell);
    }
    return cell;
  }
  _put(r: number, c: number, cell: FakeCell | undefined): void {
    this.ss.version++;
    if (cell) this.cells.set(this.key(r, c), cell);
    else this.cells.delete(this.key(r, c));
  }
  _ensure(rows: number, cols: number): void {
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxCols = Math.max(this.maxCols, cols);
  }
  /** Last row/column (1-based) holding a value or formula. */
  _extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [k, c] of this.cells) {
      if (c.value === null && !c.formula) continue;
      rows = Math.max(rows, Math.floor(k / 100000) + 1);
      cols = Math.max(cols, (k % 100000) + 1);
    }
    return { rows, cols };
  }
  getName() { return this.name; }
  setName(n: string) {
    this.ss._checkSheetName(n, this);
    this.ss.version++;
    this.name = n;
    return this;
  }
  getSheetId() { return this.id; }
  getParent() { return this.ss.wrapped; }
  getMaxRows() { return this.maxRows; }
  getMaxColumns() { return this.maxCols; }
  getLastRow() { return this._extent().rows; }
  getLastColumn() { return this._extent().cols; }
  /** 1-based position among the spreadsheet's sheets, hidden ones included (Sheet.getIndex). */
  getIndex() { return this.ss.sheets.indexOf(this) + 1; }
  insertRowsAfter(after: number, n: number) {
    if (after !== this.maxRows) throw new Error('fake: inserting rows inside the sheet is not modelled');
    this.maxRows += n;
    return this;
  }
  insertColumnsAfter(after: number, n: number) {
    if (after !== this.maxCols) throw new Error('fake: inserting columns inside the sheet is not modelled');
    this.maxCols += n;
    return this;
  }
  /**
   * Sheet.deleteRows(rowPosition, howMany) / deleteColumns: the grid shrinks. Sheets refuses to
   * delete every row or column that is not frozen ("Sorry, it is not possible to delete all
   * non-frozen rows."). Only deleting the last rows or columns is modelled.
   */
  deleteRows(start: number, n: number) {
    checkRangeCoordinates(start, 1, n, 1, this.maxRows, this.maxCols);
    if (n >= this.maxRows - this.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    if (start + n - 1 !== this.maxRows) throw new Error('fake: deleting rows inside the sheet is not modelled');
    this._dropOutside(start - 1, this.maxCols);
    this.maxRows -= n;
    return this;
  }
  deleteColumns(start: number, n: number) {
    checkRangeCoordinates(1, start, 1, n, this.maxRows, this.maxCols);
    if (n >= this.maxCols - this.frozenCols) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    if (start + n - 1 !== this.maxCols) throw new Error('fake: deleting columns inside the sheet is not modelled');
    this._dropOutside(this.maxRows, start - 1);
    this.maxCols -= n;
    return this;
  }
  /** Forgets cells, merges, rules and widths past `rows` × `cols` (0-based counts). */
  _dropOutside(rows: number, cols: number): void {
    this.ss.version++;
    for (const k of [...this.cells.keys()]) if (Math.floor(k / 100000) >= rows || k % 100000 >= cols) this.cells.delete(k);
    this.merges = this.merges.filter((m) => { const r = parseA1Range(m)!; return r.row + r.rows <= rows && r.col + r.cols <= cols; });
    for (const rule of this.cfRules) rule.ranges = rule.ranges.filter((r) => r.row - 1 < rows && r.col - 1 < cols).map((r) => new FakeRange(r.sheet, r.row, r.col, Math.min(r.nr, rows - r.row + 1), Math.min(r.nc, cols - r.col + 1)));
    this.cfRules = this.cfRules.filter((rule) => rule.ranges.length > 0);
    for (const c of [...this.columnWidths.keys()]) if (c > cols) this.columnWidths.delete(c);
  }
  getDataRange() {
    const e = this._extent();
    return this.ss._wrapRange(new FakeRange(this, 1, 1, Math.max(1, e.rows), Math.max(1, e.cols)));
  }
  getRange(a: number | string, b?: number, c?: number, d?: number) {
    if (typeof a === 'string') {
      const r = parseA1Range(a);
      if (!r) throw new Error(`Range not found: ${a}`);
      return this.ss._wrapRange(new FakeRange(this, r.row + 1, r.col + 1, r.rows, r.cols));
    }
    return this.ss._wrapRange(new FakeRange(this, a, b as number, c ?? 1, d ?? 1));
  }
  getRangeList(a1s: string[]) {
    const ranges = a1s.map((x) => {
      const r = parseA1Range(x)!;
      return new FakeRange(this, r.row + 1, r.col + 1, r.rows, r.cols);
    });
    return this.ss._wrap('RangeList', {
      getRanges: () => ranges,
      setBorder: (...args: [unknown, unknown, boolean | null]) => { ranges.forEach((r) => r.setBorder(...args)); },
    });
  }
  activate() { this.ss.active = this; return this; }
  hideSheet() { this.hidden = true; return this; }
  showSheet() { this.hidden = false; return this; }
  isSheetHidden() { return this.hidden; }
  clear() {
    this.ss.version++;
    for (const c of this.cells.values()) {
      const note = c.note;
      const validation = c.validation;
      for (const k of Object.keys(c)) delete (c as unknown as Record<string, unknown>)[k];
      c.value = null;
      c.formula = null;
      if (note) c.note = note;
      if (validation) c.validation = validation;
    }
    // "Clears the sheet of content and formatting information" (Sheet.clear): frozen panes, widths and the tab colour are the sheet's, and stay.
    return this;
  }
  clearNotes() { for (const c of this.cells.values()) c.note = ''; return this; }
  getCharts() { return this.charts.map((c) => this.ss._wrap('EmbeddedChart', c)); }
  removeChart(ch: FakeChart) {
    const id = ch.getChartId();
    if (!this.charts.some((x) => x.id === id)) throw new Error('fake: the chart is not on this sheet');
    this.charts = this.charts.filter((x) => x.id !== id);
  }
  newChart() { return this.ss._wrap('EmbeddedChartBuilder', new ChartBuilder(this)); }
  /** A chart built from newChart(); one built from EmbeddedChart.modify() is an existing chart and goes to updateChart (EmbeddedChartBuilder.build reference). */
  insertChart(ch: FakeChart) {
    const id = ch.getChartId();
    if (this.ss.sheets.some((s) => s.charts.some((x) => x.id === id))) throw new Error('fake: this chart is already on a sheet; an existing chart is saved with updateChart');
    if (!ch.spec.type) throw new Error('fake: a chart needs a chart type');
    this.charts.push(new FakeChart(id, ch.spec));
  }
  updateChart(ch: FakeChart) {
    const i = this.charts.findIndex((x) => x.id === ch.getChartId());
    if (i < 0) throw new Error('fake: the chart is not on this sheet');
    this.charts[i] = new FakeChart(ch.getChartId(), ch.spec);
  }
  /** Columns past the grid are refused: "Those columns are out of bounds." (Apps Script's message in github.com/mogsdad/SheetConverter/issues/20, from getColumnWidth past the last column). */
  _checkColumns(start: number, n: number): void {
    if (!(start >= 1) || !(n >= 1) || start + n - 1 > this.maxCols) throw new Error('Those columns are out of bounds.');
  }
  setColumnWidths(start: number, n: number, w: number) { this._checkColumns(start, n); for (let i = 0; i < n; i++) this.columnWidths.set(start + i, w); return this; }
  setColumnWidth(col: number, w: number) { this._checkColumns(col, 1); this.columnWidths.set(col, w); return this; }
  getColumnWidth(col: number) { this._checkColumns(col, 1); return this.columnWidths.get(col) ?? 100; }
  setFrozenRows(n: number) { this.frozenRows = n; return this; }
  setFrozenColumns(n: number) { this.frozenCols = n; return this; }
  getFrozenRows() { return this.frozenRows; }
  getFrozenColumns() { return this.frozenCols; }
  /** "A color code in CSS notation (like '#ffffff' or 'white'), or null to reset the tab color" (Sheet.setTabColor). */
  setTabColor(c: string | null) { this.tabColor = c === null || c === '' ? null : c; return this; }
  /** The tab colour, or null when the tab has none (Sheet.getTabColor). */
  getTabColor() { return this.tabColor; }
  getConditionalFormatRules() { return [...this.cfRules]; }
  setConditionalFormatRules(rules: FakeCfRule[]) { this.cfRules = [...rules]; }
  /**
   * Sheet.copyTo(spreadsheet): "Copies the sheet to a given spreadsheet, which can be the same
   * spreadsheet as the source. The copied sheet is named "Copy of [original name]"." The copy is
   * the whole sheet, as duplicating a tab is: cells with formats, notes, validation and links,
   * merges, conditional formats, embedded charts (their ranges on this sheet now on the copy),
   * grid size, frozen panes, widths and tab colour. It is added after the last sheet, visible.
   */
  copyTo(ss: FakeSpreadsheet) {
    if (ss !== this.ss.wrapped && ss !== this.ss) throw new Error('fake: copying to another spreadsheet is not modelled');
    let name = `Copy of ${this.name}`;
    for (let i = 2; this.ss.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()); i++) name = `Copy of ${this.name} ${i}`;
    const copy = new FakeSheet(this.ss, name);
    for (const [k, c] of this.cells) copy.cells.set(k, { ...c });
    Object.assign(copy, { maxRows: this.maxRows, maxCols: this.maxCols, frozenRows: this.frozenRows, frozenCols: this.frozenCols, tabColor: this.tabColor, merges: [...this.merges] });
    const here = (x: FakeRange) => (x.sheet === this ? new FakeRange(copy, x.row, x.col, x.nr, x.nc) : x);
    copy.cfRules = this.cfRules.map((r) => new FakeCfRule(r.type, r.values, r.background, r.fontColor, r.bold, r.ranges.map(here)));
    copy.columnWidths = new Map(this.columnWidths);
    copy.charts = this.charts.map((c) => new FakeChart(`chart-${chartIdSeq++}`, { ...c.spec, ranges: c.spec.ranges.map(here), position: { ...c.spec.position }, options: JSON.parse(JSON.stringify(c.spec.options)) }));
    this.ss.version++;
    this.ss.sheets.push(copy);
    return this.ss._wrapSheet(copy);
  }

  /** Every cell as the evaluator gets it: formulas in invariant syntax `{ f }`, dates as serial numbers. */
  _contents(locale: string): PlanCell[][] {
    const e = this._extent();
    return Array.from({ length: e.rows }, (_, r) =>
      Array.from({ length: e.cols }, (_, c) => {
        const cell = this._peek(r, c);
        if (!cell) return null;
        if (cell.formula) return { f: invariantFormula(cell.formula, locale) };
        const v = cell.value;
        if (v instanceof Date) return v.getTime() / 86400000 + 25569;
        return v;
      }),
    );
  }

  /** What the sheet holds, as PlanCells (formulas `{ f }`), trimmed like the contract's grids. */
  writtenGrid(formulaBack: (f: string) => string = (f) => f): PlanCell[][] {
    const e = this._extent();
    const g: PlanCell[][] = Array.from({ length: e.rows }, (_, r) =>
      Array.from({ length: e.cols }, (_, c) => {
        const cell = this._peek(r, c);
        if (!cell) return null;
        if (cell.formula) return { f: formulaBack(cell.formula) };
        const v = cell.value;
        if (v === null) return null;
        if (v instanceof Date) return v.toISOString();
        // Sheets hands date-formatted numbers back as dates (getValues gives a Date).
        if (typeof v === 'number' && cell.numberFormat && /(^|[^"])(yy|dd)/i.test(cell.numberFormat)) {
          return new Date(Math.round((v - 25569) * 86400000)).toISOString();
        }
        return v;
      }),
    );
    return trimGrid(g);
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  locale = 'en_US';
  timeZone = 'Europe/Stockholm';
  id = 'ss-1';
  wrapped!: FakeSpreadsheet;
  /** Bumped by every write; formulas are recomputed on the next read when it changed. */
  version = 0;
  private evaluated = -1;
  /**
   * Optional calculation engine (like Sheets' own): given every sheet's content (formulas in
   * invariant syntax as { f }), returns computed values of formula cells. Without one, formula
   * cells read back empty.
   */
  evaluator: ((sheets: Record<string, PlanCell[][]>) => Record<string, (string | number | boolean | null)[][]>) | null = null;
  constructor(public log: CallLog) {}
  /** Recomputes formula cells (not recorded: Sheets recalculates by itself). */
  _recalc(): void {
    if (!this.evaluator || this.evaluated === this.version) return;
    const input: Record<string, PlanCell[][]> = {};
    for (const s of this.sheets) input[s.name] = s._contents(this.locale);
    const out = this.evaluator(input);
    for (const s of this.sheets) {
      const vals = out[s.name];
      if (!vals) continue;
      for (const [k, cell] of s.cells) {
        if (!cell.formula) continue;
        const v = vals[Math.floor(k / 100000)]?.[k % 100000];
        cell.value = v === undefined || v === '' ? null : v;
      }
    }
    this.evaluated = this.version;
  }
  _wrap<T extends object>(name: string, o: T): T { return recorded(this.log, name, o); }
  _wrapSheet(s: FakeSheet): FakeSheet { return this._wrap('Sheet', s); }
  _wrapRange(r: FakeRange): FakeRange { return this._wrap('Range', r); }
  /** Adds a sheet holding rows of cell values (as a user's pasted follow-up), without recording. */
  addSheetWithRows(name: string, rows: (string | number | boolean | null)[][]): FakeSheet {
    const s = new FakeSheet(this, name);
    rows.forEach((r, i) => r.forEach((v, j) => {
      if (v !== null && v !== '') s._put(i, j, { value: v, formula: null });
    }));
    s._ensure(rows.length, Math.max(0, ...rows.map((r) => r.length)));
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }
  sheet(name: string): FakeSheet | undefined { return this.sheets.find((s) => s.name === name); }
  getId() { return this.id; }
  getName() { return 'Uppföljning medborgarlöften'; }
  getUrl() { return `https://docs.google.com/spreadsheets/d/${this.id}/edit`; }
  getSpreadsheetLocale() { return this.locale; }
  getSpreadsheetTimeZone() { return this.timeZone; }
  getSheets() { return this.sheets.map((s) => this._wrapSheet(s)); }
  getNumSheets() { return this.sheets.length; }
  getSheetByName(n: string) {
    const s = this.sheets.find((x) => x.name === n);
    return s ? this._wrapSheet(s) : null;
  }
  getActiveSheet() { return this._wrapSheet(this.active ?? this.sheets[0]); }
  setActiveSheet(s: FakeSheet) {
    const raw = this.sheets.find((x) => x.id === s.id);
    if (!raw) throw new Error('fake: the sheet is not in this spreadsheet');
    this.active = raw;
    return this._wrapSheet(raw);
  }
  /**
   * Spreadsheet.moveActiveSheet(pos): "Moves the active sheet to the given position in the list of
   * sheets. Throws an exception if the position is negative or greater than the number of sheets."
   * Positions count from 1, as Sheet.getIndex does.
   */
  moveActiveSheet(pos: number) {
    const s = this.active ?? this.sheets[0];
    if (!(pos >= 1) || pos > this.sheets.length) throw new Error(`fake: position ${pos} is outside 1..${this.sheets.length}`);
    this.version++;
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(pos - 1, 0, s);
  }
  /**
   * The names Sheets refuses for insertSheet and setName: a name another sheet has, compared
   * without case as formulas resolve sheet names ('A sheet with the name "X" already exists.
   * Please enter another name.', quoted from the service in
   * github.com/asimlqt/php-google-spreadsheet-client/issues/170), and names over 100 characters
   * ("The sheet name cannot be greater than 100 characters", github.com/getodk/collect/issues/2918;
   * hildogjr/KiCost#52 measures Sheets' limit at 100). Unlike Excel, Sheets documents no forbidden
   * characters, so none are refused here; an empty name is refused.
   */
  _checkSheetName(name: string, self: FakeSheet | null): void {
    if (typeof name !== 'string' || name.trim() === '') throw new Error('fake: a sheet name cannot be empty');
    if (name.length > 100) throw new Error('The sheet name cannot be greater than 100 characters.');
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
  insertSheet(name: string, index?: number) {
    this._checkSheetName(name, null);
    if (index !== undefined && (index < 0 || index > this.sheets.length)) throw new Error(`fake: sheet index ${index} is outside 0..${this.sheets.length}`);
    this.version++;
    const s = new FakeSheet(this, name);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(s);
    else this.sheets.splice(index, 0, s);
    this.active = s;
    return this._wrapSheet(s);
  }
  deleteSheet(s: FakeSheet) {
    this.version++;
    const raw = this.sheets.find((x) => x.id === s.id);
    if (!raw) throw new Error('fake: the sheet is not in this spreadsheet');
    // The Sheets service refuses to leave a spreadsheet without sheets (googleapis/google-api-php-client#1293).
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((x) => x !== raw);
    if (this.active === raw) this.active = this.sheets[0] ?? null;
  }
}

/** One cell of a sheet's state: only what differs from a blank cell. */
export type CellState = Record<string, unknown>;

/** The WHOLE state of a sheet as plain data, for comparing a sheet before and after undo with toEqual. */
export interface SheetState {
  id: number;
  name: string;
  /** 1-based position among all sheets (Sheet.getIndex). */
  index: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  /** Every column's width in pixels (Sheet.getColumnWidth), 1..maxColumns. */
  columnWidths: number[];
  /** Non-blank cells by A1: value, formula, number format, font, fill, alignment, wrap, border, note, validation, link. */
  cells: Record<string, CellState>;
  merges: string[];
  conditionalFormats: { type: string; values: string[]; background: string | null; fontColor: string | null; bold: boolean | null; ranges: string[] }[];
  charts: { type: string | null; ranges: string[]; position: FakeChartSpec['position']; options: Record<string, unknown> }[];
}

const CELL_DEFAULTS: Record<string, unknown[]> = {
  value: [null], formula: [null, ''], numberFormat: [undefined, 'General'], fontWeight: [undefined, 'normal'], fontStyle: [undefined, 'normal'],
  fontSize: [undefined, 10], fontColor: [undefined, null, '#000000'], background: [undefined, null, '#ffffff'], wrap: [undefined, false],
  hAlign: [undefined, null, 'general'], vAlign: [undefined, null, 'bottom'], note: [undefined, ''], validation: [undefined, null], link: [undefined, null], borderBottom: [undefined, false],
};

/** A range as a sheet's state names it: A1 on the sheet itself, 'Other sheet'!A1 elsewhere (a rule or chart left pointing at a backup shows). */
function rangeName(r: FakeRange, own: FakeSheet): string {
  return r.sheet === own ? r.getA1Notation() : `'${r.sheet.name}'!${r.getA1Notation()}`;
}

/** The whole state of `sheet` (not recorded as service calls). */
export function sheetState(sheet: FakeSheet): SheetState {
  const cells: Record<string, CellState> = {};
  for (const k of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const c = sheet.cells.get(k)!;
    const out: CellState = {};
    for (const [attr, v] of Object.entries(c)) {
      if (v === undefined || (CELL_DEFAULTS[attr] ?? [undefined]).includes(v as never)) continue;
      if (v instanceof Date) out[attr] = v.toISOString();
      else if (v instanceof FakeDataValidation) out[attr] = { criteria: v.criteria, args: JSON.parse(JSON.stringify(v.args)), helpText: v.helpText, allowInvalid: v.allowInvalid };
      else out[attr] = v;
    }
    if (Object.keys(out).length) cells[a1Range(Math.floor(k / 100000), k % 100000, 1, 1)] = out;
  }
  return {
    id: sheet.id,
    name: sheet.name,
    index: sheet.getIndex(),
    hidden: sheet.hidden,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxCols,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenCols,
    tabColor: sheet.tabColor,
    columnWidths: Array.from({ length: sheet.maxCols }, (_, i) => sheet.getColumnWidth(i + 1)),
    cells,
    merges: [...sheet.merges].sort(),
    conditionalFormats: sheet.cfRules.map((r) => ({ type: r.type, values: [...r.values], background: r.background, fontColor: r.fontColor, bold: r.bold, ranges: r.ranges.map((x) => rangeName(x, sheet)) })),
    charts: sheet.charts.map((c) => ({ type: c.spec.type, ranges: c.spec.ranges.map((x) => rangeName(x, sheet)), position: { ...c.spec.position }, options: JSON.parse(JSON.stringify(c.spec.options)) })),
  };
}

/** Every sheet's whole state, in the spreadsheet's order. */
export function spreadsheetState(ss: FakeSpreadsheet): SheetState[] {
  return ss.sheets.map(sheetState);
}

/**
 * A formula as a semicolon-locale spreadsheet stores it, back in the invariant syntax
 * ("," between arguments, "." as decimal point); other locales' formulas are returned as is.
 */
export function invariantFormula(f: string, locale: string): string {
  if (!/^(sv|da|nb|nn|no|fi|de|fr|nl|it|es|pt|pl|cs|ru)(_|$)/i.test(locale)) return f;
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < f.length) {
        if (f[j] === ch && f[j + 1] === ch) j += 2;
        else if (f[j] === ch) break;
        else j++;
      }
      out += f.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === ',' && /\d/.test(f[i - 1] ?? '') && /\d/.test(f[i + 1] ?? '')) out += '.';
    else if (ch === ';' || ch === '\\') out += ',';
    else out += ch;
  }
  return out;
}

/** Sheets-like calculation for the fake: HyperFormula (GPL-3.0, test oracle only) over every sheet. */
export function hyperFormulaEvaluator(sheets: Record<string, PlanCell[][]>): Record<string, (string | number | boolean | null)[][]> {
  const input: Record<string, (string | number | boolean | null)[][]> = {};
  for (const [name, rows] of Object.entries(sheets)) {
    input[name] = rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? c.f : typeof c === 'string' ? `'${c}` : c)));
  }
  const hf = HyperFormula.buildFromSheets(input, { licenseKey: 'gpl-v3', smartRounding: false });
  const out: Record<string, (string | number | boolean | null)[][]> = {};
  for (const name of Object.keys(sheets)) {
    const id = hf.getSheetId(name)!;
    out[name] = sheets[name].map((row, r) =>
      row.map((_, c) => {
        const v = hf.getCellValue({ sheet: id, row: r, col: c });
        return v !== null && typeof v === 'object' ? '#VALUE!' : (v as string | number | boolean | null);
      }),
    );
  }
  hf.destroy();
  return out;
}

/** A fake HtmlOutput. */
export class FakeHtmlOutput {
  title = '';
  width = 0;
  height = 0;
  constructor(public content: string) {}
  setTitle(t: string) { this.title = t; return this; }
  setWidth(w: number) { this.width = w; return this; }
  setHeight(h: number) { this.height = h; return this; }
  getContent() { return this.content; }
}

/** A Google Doc the app made in the fake Drive, as older tests read it: its body as Docs converted the uploaded HTML. */
export interface FakeDoc {
  id: string;
  name: string;
  children: DocChild[];
}
export type FakeDocChild = DocChild;

export interface GasEnv {
  log: CallLog;
  ss: FakeSpreadsheet;
  /** Answers ui.alert YES_NO gets, in order (YES when empty). */
  alertAnswers: ('YES' | 'NO')[];
  alerts: { title: string; message: string }[];
  sidebars: FakeHtmlOutput[];
  dialogs: { html: FakeHtmlOutput; title: string }[];
  menus: { name: string; items: { label: string; fn: string }[] }[];
  /** The user's Drive (Advanced Drive service): the spreadsheet in folder-kommun, and what the app created. */
  drive: FakeDrive;
  /** Google Docs the app created (read from `drive`). */
  readonly docs: FakeDoc[];
  /** Files the app created (read from `drive`): `folder` is null in My Drive's root. */
  readonly driveFiles: { id: string; name: string; mime: string; folder: string | null; url: string }[];
  /** Text of the PDFs the app created, by file id (read from `drive`). */
  readonly pdfTexts: Record<string, string>;
  /** The manifest's oauthScopes; null until read from the built bundle's appsscript.json on the first call. */
  scopes: string[] | null;
  /** Authorisation mode of the running call: onOpen without an event, or with authMode NONE, runs in NONE. */
  authMode: 'NONE' | 'LIMITED' | 'FULL';
  props: Map<string, string>;
  lockAvailable: boolean;
  lockHeld: boolean;
  errors: unknown[];
  /** HTML files HtmlService serves by name (loadBundle adds the built sidebar). */
  files: Record<string, string>;
  /** The globals to put in a vm context. */
  globals: Record<string, unknown>;
}

/** Builds the fake services around one spreadsheet; `files` are the HTML files HtmlService can serve. */
export function makeGasEnv(files: Record<string, string> = {}): GasEnv {
  const log = new CallLog();
  const ss = new FakeSpreadsheet(log);
  const ssW = recorded(log, 'Spreadsheet', ss);
  ss.wrapped = ssW;
  const env: GasEnv = {
    log, ss, alertAnswers: [], alerts: [], sidebars: [], dialogs: [], menus: [], props: new Map(),
    lockAvailable: true, lockHeld: false, errors: [], files, globals: {},
    drive: undefined as unknown as FakeDrive, scopes: null, authMode: 'FULL',
    get docs() {
      return env.drive.created().filter((f) => f.mimeType === 'application/vnd.google-apps.document').map((f) => ({ id: f.id, name: f.name, children: f.body ?? [] }));
    },
    get driveFiles() {
      const url = (f: DriveFakeFile) => (f.mimeType === 'application/pdf' ? `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk` : `https://docs.google.com/document/d/${f.id}/edit?usp=drivesdk`);
      return env.drive.created().map((f) => ({ id: f.id, name: f.name, mime: f.mimeType, folder: f.parents[0] === env.drive.root ? null : f.parents[0] ?? null, url: url(f) }));
    },
    get pdfTexts() {
      return Object.fromEntries(env.drive.created().filter((f) => f.mimeType === 'application/pdf').map((f) => [f.id, pdfText(f)]));
    },
  };
  env.drive = new FakeDrive(() => declaredScopes(env));
  env.drive.addUserFile({ id: 'folder-kommun', name: 'Trygghet och säkerhet', mimeType: 'application/vnd.google-apps.folder', parents: [env.drive.root] });
  env.drive.addUserFile({ id: ss.id, name: ss.getName(), mimeType: 'application/vnd.google-apps.spreadsheet', parents: ['folder-kommun'] });
  log.guard = (call) => {
    const why = refusal(call, declaredScopes(env), env.authMode);
    if (why) throw new Error(why);
  };
  const Button = { YES: 'YES', NO: 'NO', OK: 'OK', CANCEL: 'CANCEL', CLOSE: 'CLOSE' };
  const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  const ui = recorded(log, 'Ui', {
    Button, ButtonSet,
    createAddonMenu() {
      const m = { name: 'addon', items: [] as { label: string; fn: string }[] };
      return recorded(log, 'Menu', {
        addItem(label: string, fn: string) { m.items.push({ label, fn }); return this; },
        addSeparator() { return this; },
        addToUi() { env.menus.push(m); },
      });
    },
    createMenu(name: string) {
      const m = { name, items: [] as { label: string; fn: string }[] };
      return recorded(log, 'Menu', { addItem(label: string, fn: string) { m.items.push({ label, fn }); return this; }, addSeparator() { return this; }, addToUi() { env.menus.push(m); } });
    },
    alert(title: string, message?: string, buttons?: string) {
      env.alerts.push({ title, message: message ?? '' });
      if (buttons === 'YES_NO') return env.alertAnswers.shift() ?? 'YES';
      return 'OK';
    },
    showSidebar(h: FakeHtmlOutput) { env.sidebars.push(h); },
    showModalDialog(h: FakeHtmlOutput, title: string) { env.dialogs.push({ html: h, title }); },
  });
  const SpreadsheetApp = recorded(log, 'SpreadsheetApp', {
    getActiveSpreadsheet: () => ssW,
    getActive: () => ssW,
    getUi: () => ui,
    flush: () => undefined,
    newDataValidation: () => recorded(log, 'DataValidationBuilder', new DvBuilder()),
    newConditionalFormatRule: () => recorded(log, 'ConditionalFormatRuleBuilder', new CfBuilder()),
    newRichTextValue: () => recorded(log, 'RichTextValueBuilder', new RichTextBuilder()),
    BorderStyle: { SOLID: 'SOLID', DOTTED: 'DOTTED' },
    CopyPasteType: {
      PASTE_NORMAL: 'PASTE_NORMAL', PASTE_NO_BORDERS: 'PASTE_NO_BORDERS', PASTE_FORMAT: 'PASTE_FORMAT', PASTE_FORMULA: 'PASTE_FORMULA', PASTE_DATA_VALIDATION: 'PASTE_DATA_VALIDATION',
      PASTE_VALUES: 'PASTE_VALUES', PASTE_CONDITIONAL_FORMATTING: 'PASTE_CONDITIONAL_FORMATTING', PASTE_COLUMN_WIDTHS: 'PASTE_COLUMN_WIDTHS',
    },
    WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' },
  });
  const HtmlService = recorded(log, 'HtmlService', {
    createHtmlOutputFromFile(name: string) {
      const c = files[name] ?? files[`${name}.html`];
      if (c === undefined) throw new Error(`No HTML file named ${name}`);
      return recorded(log, 'HtmlOutput', new FakeHtmlOutput(c));
    },
    createHtmlOutput(html: string) { return recorded(log, 'HtmlOutput', new FakeHtmlOutput(html)); },
  });
  // The Advanced Drive service (Drive API v3); present in the script only when the manifest enables it (loadBundle).
  const Drive = { Files: recorded(log, 'Drive.Files', env.drive.filesApi()) };
  // DriveApp and DocumentApp are not used any more: their calls need drive/drive.readonly and documents, which the
  // manifest does not declare, so the scope check refuses them before these stubs run.
  const notModelled = (what: string) => () => { throw new Error(`${what} is not modelled by the fakes any more.`); };
  const DriveApp = recorded(log, 'DriveApp', { getFileById: notModelled('DriveApp.getFileById'), createFile: notModelled('DriveApp.createFile'), getRootFolder: notModelled('DriveApp.getRootFolder') });
  const DocumentApp = recorded(log, 'DocumentApp', {
    create: notModelled('DocumentApp.create'), openById: notModelled('DocumentApp.openById'),
    ParagraphHeading: { HEADING1: 'HEADING1', HEADING2: 'HEADING2', HEADING3: 'HEADING3', NORMAL: 'NORMAL' }, ElementType: { PARAGRAPH: 'PARAGRAPH', TABLE: 'TABLE' },
  });
  const LockService = recorded(log, 'LockService', {
    getDocumentLock: () => recorded(log, 'Lock', {
      tryLock: (_ms: number) => {
        if (!env.lockAvailable || env.lockHeld) return false;
        env.lockHeld = true;
        return true;
      },
      waitLock: (_ms: number) => { if (!env.lockAvailable) throw new Error('Lock timeout'); env.lockHeld = true; },
      releaseLock: () => { env.lockHeld = false; },
      hasLock: () => env.lockHeld,
    }),
  });
  const docProps = recorded(log, 'Properties', {
    getProperty: (k: string) => env.props.get(k) ?? null,
    setProperty(k: string, v: string) {
      // Documented quota: 9 KB per value, 500 KB per property store.
      if (Buffer.byteLength(k + v, 'utf8') > 9 * 1024) throw new Error('Argument too large: value');
      env.props.set(k, v);
      const total = [...env.props].reduce((s, [a, b]) => s + Buffer.byteLength(a + b, 'utf8'), 0);
      if (total > 500 * 1024) throw new Error('You have exceeded the property storage quota.');
      return this;
    },
    deleteProperty(k: string) { env.props.delete(k); return this; },
    getProperties: () => Object.fromEntries(env.props),
  });
  const PropertiesService = recorded(log, 'PropertiesService', { getDocumentProperties: () => docProps });
  const Utilities = recorded(log, 'Utilities', {
    newBlob: (data: string | number[], contentType?: string, name?: string) =>
      new FakeDriveBlob(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 255)), contentType ?? null, name ?? null),
    formatDate: (d: Date, _tz: string, fmt: string) => {
      const iso = new Date(d.getTime() + 3600_000).toISOString();
      return fmt === 'yyyy-MM-dd' ? iso.slice(0, 10) : iso;
    },
  });
  const Charts = { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN' } };
  env.globals = {
    SpreadsheetApp, HtmlService, Drive, DocumentApp, DriveApp, LockService, PropertiesService, Utilities, Charts,
    Logger: { log: () => undefined },
    console: { log: () => undefined, warn: () => undefined, error: (e: unknown) => { env.errors.push(e); } },
  };
  return env;
}

/** Paths of the built bundle. */
export const DIST = join(__dirname, '..', '..', 'dist', 'apps-script');

/** Builds dist/apps-script when it is missing or stale (see test/support/build.ts). */
export function ensureBundle(): void {
  ensureBuilt('apps-script');
}

/** The built Code.js and sidebar.html. */
export function bundleFiles(): { code: string; sidebar: string; manifest: string } {
  ensureBundle();
  return {
    code: readFileSync(join(DIST, 'Code.js'), 'utf8'),
    sidebar: readFileSync(join(DIST, 'sidebar.html'), 'utf8'),
    manifest: readFileSync(join(DIST, 'appsscript.json'), 'utf8'),
  };
}

/** Runs the built bundle in a fresh vm context holding the fakes; returns a caller of its top-level functions. */
export function loadBundle(env: GasEnv): { context: vm.Context; run: <T = unknown>(fn: string, ...args: unknown[]) => T } {
  const { code, sidebar, manifest } = bundleFiles();
  env.files.sidebar = sidebar;
  const m = JSON.parse(manifest) as Manifest;
  env.scopes = m.oauthScopes ?? [];
  const globals = { ...env.globals };
  // An advanced service exists in the script only under the userSymbol its manifest enables it as.
  const drive = (m.dependencies?.enabledAdvancedServices ?? []).find((x) => x.serviceId === 'drive' && x.version === 'v3');
  delete globals.Drive;
  if (drive) globals[drive.userSymbol] = env.globals.Drive;
  const context = vm.createContext(globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  const run = <T = unknown>(fn: string, ...args: unknown[]): T => {
    const f = (context as Record<string, unknown>)[fn];
    if (typeof f !== 'function') throw new Error(`Code.js has no top-level function ${fn}`);
    // A simple onOpen trigger of an add-on not yet used in this document runs in AuthMode.NONE; so does one called without an event.
    const e = args[0] as { authMode?: string } | undefined;
    const mode = fn === 'onOpen' ? (e?.authMode === 'FULL' || e?.authMode === 'LIMITED' ? e.authMode : 'NONE') : 'FULL';
    const before = env.authMode;
    env.authMode = mode;
    try {
      // Results cross google.script.run as JSON: anything not JSON-safe would be lost there.
      return JSON.parse(JSON.stringify((f as (...a: unknown[]) => unknown)(...args) ?? null)) as T;
    } finally {
      env.authMode = before;
    }
  };
  return { context, run };
}

/** The parts of appsscript.json the fakes read. */
interface Manifest {
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
}

/** The scopes the built bundle's appsscript.json declares (read once per env). */
export function declaredScopes(env: GasEnv): string[] {
  if (!env.scopes) env.scopes = (JSON.parse(bundleFiles().manifest) as Manifest).oauthScopes ?? [];
  return env.scopes;
}
