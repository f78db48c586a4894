// A recording fake of the Excel JavaScript API (Excel.run, worksheets, ranges, formats, rules, notes, charts) that counts syncs.
// Modelled on the real shapes: loaded properties are readable only after context.sync(), null objects,
// errors surface at sync, values typed like Excel does (formulas, numbers, quote prefix). Browser-safe (no Node imports).
import { a1Range, parseA1, parseA1Range } from '../../shared/model/a1';
import { rewriteReferences, sheetNameProblem, visibleSheets, type FakeVisibility } from './excel-fake-state';

export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  formula: string | null;
  quotePrefix: boolean;
  numberFormat: string;
  format: Record<string, unknown>;
  hyperlink?: Record<string, unknown>;
}

export interface FakeRule {
  range: string;
  type: string;
  rule: unknown;
  format: { fill: { color?: string }; font: { color?: string; bold?: boolean } };
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  series: { name: string; values: string; xValues: string | null }[];
  position: [string, string] | null;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  conditionalFormats: FakeRule[] = [];
  validations: { range: string; rule?: unknown; prompt?: unknown; errorAlert?: unknown; ignoreBlanks?: boolean }[] = [];
  notes: { cell: string; text: string }[] = [];
  comments: { cell: string; text: string }[] = [];
  charts: FakeChart[] = [];
  merges: string[] = [];
  frozen: { rows: number; cols: number } = { rows: 0, cols: 0 };
  columnWidths = new Map<number, number>();
  tabColor = '';
  /** Worksheet.visibility (ExcelApi 1.1 to read, 1.2 to set); see excel-fake-state.ts. */
  visibility: FakeVisibility = 'Visible';
  constructor(public name: string) {}

  cell(r: number, c: number, create = false): FakeCell | undefined {
    const k = `${r},${c}`;
    let cell = this.cells.get(k);
    if (!cell && create) {
      cell = { value: null, formula: null, quotePrefix: false, numberFormat: 'General', format: {} };
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Bounding box of cells holding a value or formula, or null. */
  usedBox(): { row: number; col: number; rows: number; cols: number } | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [k, cell] of this.cells) {
      if ((cell.value === null || cell.value === '') && !cell.formula) continue;
      const [r, c] = k.split(',').map(Number);
      r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** The sheet's content as the host holds it: formulas as { f }, values otherwise, null for empty. */
  grid(): (FakeValue | { f: string })[][] {
    const box = this.usedBox();
    if (!box) return [];
    const rows = box.row + box.rows;
    const cols = box.col + box.cols;
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const cell = this.cell(r, c);
        if (!cell) return null;
        if (cell.formula) return { f: cell.formula };
        return cell.value === '' ? null : cell.value;
      }),
    );
  }
}

/** How Excel types what a user (or `values`/`formulas`) enters in a cell. */
export function typeEntry(input: unknown, numberFormat: string): { value: FakeValue; formula: string | null; quotePrefix: boolean } {
  if (input === null || input === undefined || input === '') return { value: null, formula: null, quotePrefix: false };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: null, quotePrefix: false };
  const s = String(input);
  if (s.startsWith("'")) return { value: s.slice(1), formula: null, quotePrefix: true };
  if (numberFormat === '@') return { value: s, formula: null, quotePrefix: false };
  if (/^[=+\-@]/.test(s) && s.length > 1 && !/^[+-]\d+([.,]\d+)?$/.test(s)) return { value: 0, formula: s.startsWith('=') ? s : `=${s.replace(/^@/, '')}`, quotePrefix: false };
  if (/^[+-]?\d+(\.\d+)?$/.test(s.trim())) return { value: Number(s), formula: null, quotePrefix: false };
  if (/^(true|false)$/i.test(s.trim())) return { value: s.trim().toLowerCase() === 'true', formula: null, quotePrefix: false };
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (d) return { value: Math.round((Date.UTC(+d[1], +d[2] - 1, +d[3]) - Date.UTC(1899, 11, 30)) / 86400000), formula: null, quotePrefix: false };
  const pc = /^(\d+(?:\.\d+)?)%$/.exec(s.trim());
  if (pc) return { value: Number(pc[1]) / 100, formula: null, quotePrefix: false };
  return { value: s, formula: null, quotePrefix: false };
}

/** The digit-group separator Excel shows with a "#,##0" format: the user's locale's (Swedish: no-break space). */
export const GROUP_SEPARATOR = '\u00A0';

/** True for number formats that show a date (yyyy, mm with dd, d/m/…), outside quoted literals. */
function isDateFormat(fmt: string): boolean {
  const f = fmt.replace(/"[^"]*"/g, '');
  return /y{2,4}|d{1,2}[-/. ]m{1,2}|m{1,2}[-/. ]d{1,2}/i.test(f);
}

/**
 * What Excel shows: the value, with a number format's literal prefix ('"ca "0' → "ca 20"),
 * digit groups ("#,##0" → "1 019"), percent, or a date serial as the date ("yyyy-mm-dd").
 */
function displayText(c: FakeCell | undefined): string {
  if (!c || c.value === null || c.value === '') return '';
  if (typeof c.value === 'number') {
    if (isDateFormat(c.numberFormat)) return new Date(Date.UTC(1899, 11, 30) + Math.round(c.value) * 86400000).toISOString().slice(0, 10);
    const m = /^"([^"]*)"/.exec(c.numberFormat);
    const pct = /%$/.test(c.numberFormat);
    const grouped = /#,##0/.test(c.numberFormat) && Number.isInteger(c.value) ? String(c.value).replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR) : String(c.value);
    return `${m ? m[1] : ''}${pct ? `${Math.round(c.value * 100)} %` : grouped}`;
  }
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return String(c.value);
}

class RequestError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

/** Base of loadable proxies: properties are readable after load() + sync(). */
class Loadable {
  private pending = new Set<string>();
  private loaded = new Map<string, unknown>();
  constructor(public ctx: FakeContext) {}
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : Array.isArray(props) ? props : [];
    for (const p of list) this.pending.add(p);
    this.ctx.queue(() => this.resolve());
    return this;
  }
  /** *OrNullObject results: `isNullObject` is readable after the next sync without a load. */
  trackNull(): this {
    this.pending.add('isNullObject');
    this.ctx.queue(() => this.resolve());
    return this;
  }
  private resolve(): void {
    for (const p of this.pending) this.loaded.set(p, this.read(p));
    this.pending.clear();
  }
  protected read(_p: string): unknown {
    return undefined;
  }
  protected get<T>(p: string): T {
    if (!this.loaded.has(p)) throw new RequestError('PropertyNotLoaded', `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(p) as T;
  }
}

class FakeFormat {
  constructor(private range: FakeRange) {}
  setAll(key: string, v: unknown) {
    this.range.ctx.record(`format.${key} ${this.range.addressLocal}=${JSON.stringify(v)}`);
    this.range.eachCell((c) => (c.format[key] = v));
  }
  get fill() {
    const self = this;
    return { set color(v: string) { self.setAll('fill.color', v); }, clear: () => self.setAll('fill.color', undefined) };
  }
  get font() {
    const self = this;
    return {
      set bold(v: boolean) { self.setAll('font.bold', v); },
      set italic(v: boolean) { self.setAll('font.italic', v); },
      set size(v: number) { self.setAll('font.size', v); },
      set color(v: string) { self.setAll('font.color', v); },
    };
  }
  set wrapText(v: boolean) { this.setAll('wrapText', v); }
  set horizontalAlignment(v: string) { this.setAll('horizontalAlignment', v); }
  set verticalAlignment(v: string) { this.setAll('verticalAlignment', v); }
  set columnWidth(v: number) {
    this.range.ctx.record(`format.columnWidth ${this.range.addressLocal}=${v}`);
    for (let c = this.range.box.col; c < this.range.box.col + this.range.box.cols; c++) this.range.sheet.columnWidths.set(c, v);
  }
  get borders() {
    const self = this;
    return {
      getItem: (edge: string) => ({
        set style(v: string) { self.setAll(`border.${edge}.style`, v); },
        set color(v: string) { self.setAll(`border.${edge}.color`, v); },
      }),
    };
  }
  autofitColumns() { this.range.ctx.record(`autofitColumns ${this.range.addressLocal}`); }
}

class FakeConditionalFormat {
  rule: FakeRule;
  constructor(type: string, range: string) {
    const format = { fill: {}, font: {} } as FakeRule['format'];
    this.rule = { range, type, rule: undefined, format };
  }
  private part() {
    const r = this.rule;
    return {
      get rule() { return r.rule as Record<string, unknown>; },
      set rule(v: unknown) { r.rule = v; },
      format: { fill: r.format.fill, font: r.format.font },
    };
  }
  get cellValue() { if (this.rule.type !== 'CellValue') throw new RequestError('InvalidArgument', 'cellValue on a non-CellValue rule'); return this.part(); }
  get custom() {
    if (this.rule.type !== 'Custom') throw new RequestError('InvalidArgument', 'custom on a non-Custom rule');
    const r = this.rule;
    r.rule = r.rule ?? {};
    return { rule: r.rule as { formula: string }, format: { fill: r.format.fill, font: r.format.font } };
  }
  get textComparison() { if (this.rule.type !== 'ContainsText') throw new RequestError('InvalidArgument', 'textComparison on a non-ContainsText rule'); return this.part(); }
}

export class FakeRange extends Loadable {
  constructor(ctx: FakeContext, public sheet: FakeSheet, public box: { row: number; col: number; rows: number; cols: number }, private nullObject = false) {
    super(ctx);
  }
  get addressLocal(): string {
    return a1Range(this.box.row, this.box.col, this.box.rows, this.box.cols);
  }
  eachCell(fn: (c: FakeCell, r: number, col: number) => void): void {
    for (let r = 0; r < this.box.rows; r++) for (let c = 0; c < this.box.cols; c++) fn(this.sheet.cell(this.box.row + r, this.box.col + c, true)!, r, c);
  }
  private matrix<T>(fn: (c: FakeCell | undefined) => T): T[][] {
    return Array.from({ length: this.box.rows }, (_, r) => Array.from({ length: this.box.cols }, (_, c) => fn(this.sheet.cell(this.box.row + r, this.box.col + c))));
  }
  protected override read(p: string): unknown {
    if (this.nullObject && p !== 'isNullObject') return undefined;
    switch (p) {
      case 'values': return this.matrix((c) => (c ? c.value ?? '' : ''));
      case 'text': return this.matrix((c) => displayText(c));
      case 'formulas': return this.matrix((c) => (c ? c.formula ?? c.value ?? '' : ''));
      case 'numberFormat': return this.matrix((c) => (c ? c.numberFormat : 'General'));
      case 'rowIndex': return this.box.row;
      case 'columnIndex': return this.box.col;
      case 'rowCount': return this.box.rows;
      case 'columnCount': return this.box.cols;
      case 'cellCount': return this.box.rows * this.box.cols;
      case 'address': return `${this.sheet.name}!${this.addressLocal}`;
      case 'isNullObject': return this.nullObject;
    }
    return undefined;
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get values(): unknown[][] { return this.get('values'); }
  get text(): string[][] { return this.get('text'); }
  get formulas(): unknown[][] { return this.get('formulas'); }
  get numberFormat(): string[][] { return this.get('numberFormat'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get cellCount(): number { return this.get('cellCount'); }
  get address(): string { return this.get('address'); }

  private write2d(kind: 'values' | 'formulas', data: unknown[][]) {
    this.ctx.record(`${kind} ${this.sheet.name}!${this.addressLocal}`);
    if (!Array.isArray(data) || data.length !== this.box.rows || data.some((r) => !Array.isArray(r) || r.length !== this.box.cols)) {
      this.ctx.fail(new RequestError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${this.addressLocal}).`));
      return;
    }
    // Both `values` and `formulas` type their input as if a user typed it: "=…" becomes a formula.
    this.eachCell((cell, r, c) => {
      Object.assign(cell, typeEntry(data[r][c], cell.numberFormat));
      if (cell.formula) this.ctx.book.dirty = true;
    });
    this.ctx.cellWrites += this.box.rows * this.box.cols;
  }
  set values(v: unknown[][]) { this.write2d('values', v); }
  set formulas(v: unknown[][]) { this.write2d('formulas', v); }
  set numberFormat(v: unknown[][]) {
    this.ctx.record(`numberFormat ${this.sheet.name}!${this.addressLocal}`);
    if (v.length !== this.box.rows || v.some((r) => r.length !== this.box.cols)) {
      this.ctx.fail(new RequestError('InvalidArgument', `numberFormat shape does not match ${this.addressLocal}`));
      return;
    }
    this.eachCell((cell, r, c) => (cell.numberFormat = String(v[r][c])));
  }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.ctx.record(`hyperlink ${this.sheet.name}!${this.addressLocal}`);
    this.eachCell((cell) => {
      cell.hyperlink = { ...h };
      if (h.textToDisplay !== undefined) Object.assign(cell, { value: h.textToDisplay, formula: null, quotePrefix: false });
    });
  }
  get format(): FakeFormat {
    // Writing a whole column's format (A:A) only touches the column width in this fake.
    return new FakeFormat(this);
  }
  get conditionalFormats() {
    return {
      add: (type: string) => {
        if (!['Custom', 'CellValue', 'ContainsText', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria'].includes(type)) this.ctx.fail(new RequestError('InvalidArgument', `conditional format type ${type}`));
        this.ctx.record(`conditionalFormats.add ${type} ${this.sheet.name}!${this.addressLocal}`);
        const cf = new FakeConditionalFormat(type, this.addressLocal);
        this.sheet.conditionalFormats.push(cf.rule);
        return cf;
      },
    };
  }
  get dataValidation() {
    const entry: FakeSheet['validations'][number] = { range: this.addressLocal };
    this.sheet.validations.push(entry);
    this.ctx.record(`dataValidation ${this.sheet.name}!${this.addressLocal}`);
    return {
      set rule(v: unknown) { entry.rule = v; },
      set prompt(v: unknown) { entry.prompt = v; },
      set errorAlert(v: unknown) { entry.errorAlert = v; },
      set ignoreBlanks(v: boolean) { entry.ignoreBlanks = v; },
      clear: () => { entry.rule = undefined; },
    };
  }
  /**
   * ExcelApi 1.13: the merged areas whose top-left cell is in this range (office-js#3611), as a
   * RangeAreas that is a null object when there are none. Fails at sync on older hosts
   * (ApiNotFound) and, as documented, when there are more than 512 merged areas.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.book.reads.push(`getMergedAreasOrNullObject ${this.sheet.name}!${this.addressLocal}`);
    if (!this.ctx.book.supports('1.13')) this.ctx.fail(new RequestError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.'));
    const inside = this.sheet.merges.filter((m) => {
      const b = parseA1Range(m)!;
      return b.row >= this.box.row && b.row < this.box.row + this.box.rows && b.col >= this.box.col && b.col < this.box.col + this.box.cols;
    });
    if (inside.length > 512) this.ctx.fail(new RequestError('GeneralException', 'There are more than 512 merged areas in the range.'));
    return new FakeRangeAreas(this.ctx, this.sheet.name, inside).trackNull();
  }
  merge(across = false) {
    this.ctx.record(`merge ${this.sheet.name}!${this.addressLocal} ${across}`);
    this.sheet.merges.push(this.addressLocal);
  }
  select() {
    this.ctx.record(`select ${this.sheet.name}!${this.addressLocal}`);
    this.ctx.book.selection = { sheet: this.sheet.name, address: this.addressLocal };
  }
  clear() { this.eachCell((c) => Object.assign(c, { value: null, formula: null })); }
}

/** RangeAreas: `address` lists each area with its sheet ("Blad1!A3:A4, Blad1!D3:F3"); a null object when empty. */
export class FakeRangeAreas extends Loadable {
  constructor(ctx: FakeContext, private sheetName: string, private areas: string[]) {
    super(ctx);
  }
  protected override read(p: string): unknown {
    if (p === 'isNullObject') return this.areas.length === 0;
    if (!this.areas.length) return undefined;
    const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(this.sheetName) ? this.sheetName : `'${this.sheetName.replace(/'/g, "''")}'`;
    if (p === 'address') return this.areas.map((a) => `${prefix}!${a}`).join(', ');
    if (p === 'areaCount') return this.areas.length;
    return undefined;
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get address(): string { return this.get('address'); }
  get areaCount(): number { return this.get('areaCount'); }
}

export class FakeWorksheet extends Loadable {
  constructor(ctx: FakeContext, private nameOrSheet: FakeSheet | null, private missingName = '') {
    super(ctx);
  }
  private sheetOrFail(): FakeSheet {
    if (!this.nameOrSheet) {
      this.ctx.fail(new RequestError('ItemNotFound', `The requested resource doesn't exist (${this.missingName}).`));
      return new FakeSheet(this.missingName);
    }
    return this.nameOrSheet;
  }
  protected override read(p: string): unknown {
    if (p === 'isNullObject') return this.nameOrSheet === null;
    if (p === 'name') return this.nameOrSheet?.name;
    if (p === 'position') return this.nameOrSheet ? this.ctx.book.sheets.indexOf(this.nameOrSheet) : undefined;
    if (p === 'visibility') return this.visibilityAtLoad;
    return undefined;
  }
  /** Writes here apply as they are queued, so a load sees the state at its place in the batch (Excel runs a batch in order). */
  private visibilityAtLoad: FakeVisibility | undefined;
  override load(props?: string | string[] | Record<string, unknown>): this {
    if (JSON.stringify(props ?? '').includes('visibility')) this.visibilityAtLoad = this.nameOrSheet?.visibility;
    return super.load(props);
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get name(): string { return this.get('name'); }
  /** Worksheet.name (ExcelApi 1.1): Excel's name rules; every formula that refers to the sheet follows the rename. */
  set name(v: string) {
    const s = this.sheetOrFail();
    const problem = sheetNameProblem(this.ctx.book, v, s);
    this.ctx.record(`rename sheet ${s.name} -> ${v}`);
    if (problem) {
      this.ctx.fail(new RequestError(/already exists/.test(problem) ? 'ItemAlreadyExists' : 'InvalidArgument', problem));
      return;
    }
    const from = s.name;
    s.name = v;
    if (this.ctx.book.active === from) this.ctx.book.active = v;
    rewriteReferences(this.ctx.book, from, v);
  }
  get visibility(): FakeVisibility { return this.get('visibility'); }
  /** Worksheet.visibility: settable from ExcelApi 1.2; the last visible sheet cannot be hidden. */
  set visibility(v: FakeVisibility) {
    const s = this.sheetOrFail();
    this.ctx.record(`visibility ${s.name} ${v}`);
    if (!this.ctx.book.supports('1.2')) {
      this.ctx.fail(new RequestError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.'));
      return;
    }
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) {
      this.ctx.fail(new RequestError('InvalidArgument', `Bad visibility ${v}`));
      return;
    }
    if (v !== 'Visible' && s.visibility === 'Visible' && visibleSheets(this.ctx.book) <= 1) {
      this.ctx.fail(new RequestError('InvalidOperation', 'A workbook must contain at least one visible worksheet.'));
      return;
    }
    s.visibility = v;
    if (v !== 'Visible' && this.ctx.book.active === s.name) this.ctx.book.active = this.ctx.book.sheets.find((x) => x.visibility === 'Visible')?.name ?? '';
  }
  get position(): number { return this.get('position'); }
  getRange(address?: string): FakeRange {
    const s = this.sheetOrFail();
    if (!address) return new FakeRange(this.ctx, s, { row: 0, col: 0, rows: 1048576, cols: 16384 });
    const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
    if (whole) {
      const c0 = parseA1(`${whole[1]}1`)!.col;
      const c1 = parseA1(`${whole[2]}1`)!.col;
      return new FakeRange(this.ctx, s, { row: 0, col: c0, rows: 1048576, cols: c1 - c0 + 1 });
    }
    const box = parseA1Range(address);
    if (!box) {
      this.ctx.fail(new RequestError('InvalidArgument', `Bad address ${address}`));
      return new FakeRange(this.ctx, s, { row: 0, col: 0, rows: 1, cols: 1 });
    }
    return new FakeRange(this.ctx, s, box);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const s = this.nameOrSheet;
    // The used range is computed when the request runs (at sync), like Excel does.
    return new LazyUsedRange(this.ctx, s ?? new FakeSheet(this.missingName), s === null).trackNull();
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.getUsedRangeOrNullObject(valuesOnly);
  }
  delete() {
    const s = this.sheetOrFail();
    this.ctx.record(`delete sheet ${s.name}`);
    // Worksheet.delete fails on a VeryHidden sheet, and a workbook keeps one visible sheet; references to the sheet become #REF!.
    if (s.visibility === 'VeryHidden') return this.ctx.fail(new RequestError('InvalidOperation', 'A very hidden worksheet cannot be deleted.'));
    if (s.visibility === 'Visible' && visibleSheets(this.ctx.book) <= 1) return this.ctx.fail(new RequestError('InvalidOperation', 'A workbook must contain at least one visible worksheet.'));
    this.ctx.book.removeSheet(s.name);
    rewriteReferences(this.ctx.book, s.name, null);
  }
  activate() {
    const s = this.sheetOrFail();
    this.ctx.record(`activate ${s.name}`);
    this.ctx.book.active = s.name;
  }
  set tabColor(v: string) { this.sheetOrFail().tabColor = v; this.ctx.record(`tabColor ${v}`); }
  get freezePanes() {
    const s = this.sheetOrFail();
    return {
      freezeRows: (n: number) => { s.frozen = { rows: n, cols: 0 }; this.ctx.record(`freezeRows ${n}`); },
      freezeColumns: (n: number) => { s.frozen = { rows: 0, cols: n }; this.ctx.record(`freezeColumns ${n}`); },
      freezeAt: (r: FakeRange) => { s.frozen = { rows: r.box.row + r.box.rows, cols: r.box.col + r.box.cols }; this.ctx.record(`freezeAt ${r.addressLocal}`); },
    };
  }
  get notes() {
    const s = this.sheetOrFail();
    if (!this.ctx.book.supports('1.18')) throw new TypeError("Cannot read properties of undefined (reading 'add')");
    return { add: (cell: FakeRange | string, text: string) => { s.notes.push({ cell: typeof cell === 'string' ? cell : cell.addressLocal, text }); this.ctx.record('notes.add'); } };
  }
  get comments() {
    const s = this.sheetOrFail();
    if (!this.ctx.book.supports('1.10')) throw new TypeError("Cannot read properties of undefined (reading 'add')");
    return { add: (cell: FakeRange | string, text: string) => { s.comments.push({ cell: typeof cell === 'string' ? cell : cell.addressLocal, text }); this.ctx.record('comments.add'); } };
  }
  get charts() {
    const s = this.sheetOrFail();
    const ctx = this.ctx;
    return {
      add: (type: string, source: FakeRange, seriesBy: string) => {
        ctx.record(`charts.add ${type} ${source.addressLocal}`);
        const chart: FakeChart = { type, source: source.addressLocal, seriesBy, title: '', series: [{ name: '', values: source.addressLocal, xValues: null }], position: null };
        s.charts.push(chart);
        const seriesApi = (i: number) => ({
          set name(v: string) { chart.series[i].name = v; },
          setValues: (r: FakeRange) => { chart.series[i].values = r.addressLocal; },
          setXAxisValues: (r: FakeRange) => { chart.series[i].xValues = r.addressLocal; },
        });
        return {
          title: { set text(v: string) { chart.title = v; } },
          series: {
            getItemAt: (i: number) => seriesApi(i),
            add: (name: string) => { chart.series.push({ name, values: '', xValues: null }); return seriesApi(chart.series.length - 1); },
          },
          setPosition: (a: string, b: string) => { chart.position = [a, b]; },
        };
      },
    };
  }
}

class LazyUsedRange extends FakeRange {
  constructor(ctx: FakeContext, sheet: FakeSheet, private missingSheet: boolean) {
    super(ctx, sheet, { row: 0, col: 0, rows: 0, cols: 0 });
  }
  protected override read(p: string): unknown {
    const box = this.missingSheet ? null : this.sheet.usedBox();
    if (p === 'isNullObject') return box === null;
    if (!box) return undefined;
    this.box = box;
    return super.read(p);
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  active = '';
  selection: { sheet: string; address: string } | null = null;
  /** Every Excel.run's syncs, in total. */
  syncs = 0;
  runs = 0;
  log: string[] = [];
  /** Read-only requests that are not loads (getMergedAreasOrNullObject), in order; `log` keeps writes and syncs. */
  reads: string[] = [];
  /** Set when a formula was written since the last evaluation. */
  dirty = false;
  /**
   * Optional calculation engine: given every sheet's content (formulas as { f }), returns the
   * computed values of formula cells. Without one, formula cells read back as 0.
   */
  evaluator: ((sheets: Record<string, (FakeValue | { f: string })[][]>) => Record<string, FakeValue[][]> | Promise<Record<string, FakeValue[][]>>) | null = null;
  async recalc(): Promise<void> {
    if (!this.dirty || !this.evaluator) return;
    this.dirty = false;
    const input: Record<string, (FakeValue | { f: string })[][]> = {};
    for (const s of this.sheets) input[s.name] = s.grid();
    const out = await this.evaluator(input);
    for (const s of this.sheets) {
      const vals = out[s.name];
      if (!vals) continue;
      for (const [k, cell] of s.cells) {
        if (!cell.formula) continue;
        const [r, c] = k.split(',').map(Number);
        cell.value = vals[r]?.[c] ?? null;
      }
    }
  }
  constructor(public requirementSets: string[] = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17', '1.18']) {}
  supports(v: string): boolean {
    return this.requirementSets.includes(v);
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.active) this.active = name;
    return s;
  }
  removeSheet(name: string) {
    this.sheets = this.sheets.filter((s) => s.name !== name);
    if (this.active === name) this.active = this.sheets[0]?.name ?? '';
  }
  /** Puts rows of values (strings typed like a paste of text) onto a new sheet. */
  addGrid(name: string, rows: FakeValue[][]): FakeSheet {
    const s = this.addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => {
      if (v === null || v === '') return;
      Object.assign(s.cell(r, c, true)!, typeEntry(typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v, 'General'));
    }));
    return s;
  }
  /** The Excel global's `run`. */
  run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.pendingOps()) await ctx.sync();
    return result;
  };
}

export class FakeContext {
  private ops: (() => void)[] = [];
  private error: Error | null = null;
  /** Cells written by values/formulas in this context. */
  cellWrites = 0;
  /** The workbook as the adapter sees it (`context.workbook`). */
  workbook: ReturnType<typeof facade>;
  constructor(public book: FakeWorkbook) {
    this.workbook = facade(this);
  }
  record(s: string) {
    this.book.log.push(s);
  }
  queue(op: () => void) {
    this.ops.push(op);
  }
  fail(e: Error) {
    this.error = this.error ?? e;
  }
  pendingOps() {
    return this.ops.length > 0 || this.error !== null;
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    this.record('sync');
    const err = this.error;
    this.error = null;
    const ops = this.ops;
    this.ops = [];
    if (err) throw err;
    await this.book.recalc();
    for (const op of ops) op();
  }
}

/** Builds the `workbook` facade the adapter sees through `context.workbook`. */
function facade(ctx: FakeContext) {
  const wb = ctx.book;
  const worksheets = new (class extends Loadable {
    protected override read(p: string) {
      if (p === 'items/name' || p === 'items') return wb.sheets.map((s) => ({ name: s.name }));
      return undefined;
    }
    get items(): { name: string }[] {
      return this.get('items/name');
    }
    getItem(name: string) {
      return new FakeWorksheet(ctx, wb.sheet(name) ?? null, name);
    }
    getItemOrNullObject(name: string) {
      return new FakeWorksheet(ctx, wb.sheet(name) ?? null, name).trackNull();
    }
    getActiveWorksheet() {
      return new FakeWorksheet(ctx, wb.sheet(wb.active) ?? null, wb.active);
    }
    add(name: string) {
      if (wb.sheet(name)) ctx.fail(new RequestError('ItemAlreadyExists', `A sheet named ${name} already exists.`));
      if (name.length > 31 || /[\\/?*[\]:]/.test(name)) ctx.fail(new RequestError('InvalidArgument', `Bad sheet name ${name}`));
      ctx.record(`add sheet ${name}`);
      return new FakeWorksheet(ctx, wb.addSheet(name));
    }
  })(ctx);
  return {
    worksheets,
    application: {
      suspendApiCalculationUntilNextSync: () => {
        if (!wb.supports('1.8')) throw new TypeError('suspendApiCalculationUntilNextSync is not a function');
        ctx.record('suspendApiCalculationUntilNextSync');
      },
    },
    getSelectedRange() {
      const sel = wb.selection ?? { sheet: wb.active, address: 'A1' };
      return new FakeWorksheet(ctx, wb.sheet(sel.sheet) ?? null, sel.sheet).getRange(sel.address);
    },
  };
}
