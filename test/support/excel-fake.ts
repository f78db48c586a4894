// A strict fake of the Excel JavaScript API (Excel.run, worksheets, ranges, formats, rules, notes, charts) modelled on Office.js: queued actions run at context.sync().
// Every proxy is an object path with an Instantiate action, every setter and method an action, serialised as Office.js sends them (Actions + ObjectPaths JSON) and
// refused past the host profile's payload limits; unloaded properties throw PropertyNotLoaded, errors surface at sync as OfficeExtension.Error, members above the
// profile's ExcelApi set throw ApiNotFound (table from @types/office-js), proxies of a finished Excel.run throw InvalidObjectPath. Browser-safe (no Node imports).
import { a1Range, parseA1, parseA1Range } from '../../shared/model/a1';
import { EXCEL_API_SETS } from './excel-api-sets';
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

/**
 * What the fake claims to be: Office.context.platform, the highest ExcelApi set it supports
 * (`Office.context.requirements.isSetSupported`), and the payload limits of one request and its
 * response ("Excel on the web has a payload size limit for requests and responses of 5MB",
 * Resource limits and performance optimization for Office Add-ins; none documented elsewhere).
 */
export interface HostProfile {
  name: string;
  platform: 'OfficeOnline' | 'PC' | 'Mac';
  /** Highest supported ExcelApi set, e.g. "1.18". */
  excelApi: string;
  /** Bytes of one request's JSON (Actions + ObjectPaths) the host accepts. */
  requestLimit: number;
  /** Bytes of one response's JSON (Results) the host returns. */
  responseLimit: number;
}

/** Excel on the web: ExcelApi 1.18, 5,000,000 bytes per request and per response (decimal, the stricter reading of "5MB"). */
export const EXCEL_WEB: HostProfile = { name: 'Excel på webben', platform: 'OfficeOnline', excelApi: '1.18', requestLimit: 5_000_000, responseLimit: 5_000_000 };
/** Excel 2019 on Windows: ExcelApi 1.8, no documented payload limit. */
export const EXCEL_DESKTOP_2019: HostProfile = { name: 'Excel 2019 (Windows)', platform: 'PC', excelApi: '1.8', requestLimit: Infinity, responseLimit: Infinity };
/** Microsoft 365 desktop: ExcelApi 1.18, no documented payload limit. */
export const EXCEL_DESKTOP: HostProfile = { name: 'Excel för Microsoft 365 (Windows)', platform: 'PC', excelApi: '1.18', requestLimit: Infinity, responseLimit: Infinity };

/** A range is limited to five million cells for get operations, on every platform (same reference). */
export const READ_CELL_LIMIT = 5_000_000;

const minorOf = (v: string) => Number(/^1\.(\d+)$/.exec(v)?.[1] ?? 0);

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

// --- errors as Office.js raises them ---------------------------------------------------------------

/** OfficeExtension.Error: `code`, `message` and `debugInfo` ({ code, message, errorLocation }), name "RichApi.Error". */
export class OfficeError extends Error {
  override name = 'RichApi.Error';
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(public code: string, message: string, errorLocation?: string) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** Microsoft's messages (Office.js resource strings and the Excel error-code reference). */
export const MESSAGES = {
  propertyNotLoaded: (p: string) => `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  invalidObjectPath: (path: string) => `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
  apiNotFound: (member: string, set: string) => `The method or property ${member} is part of the ${set} requirement set, which is not available in your version of Excel.`,
  sizeMismatch: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  itemNotFound: "The requested resource doesn't exist.",
  itemAlreadyExists: 'The resource you are creating already exists.',
  invalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  requestTooLarge: 'The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.',
  responseTooLarge: 'The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.',
  rangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number. See the Resource limits and performance optimization for Office Add-ins article for more information.',
  mergedAreas: 'There are more than 512 merged areas in the range.',
} as const;

// --- the request: object paths and actions, as Office.js serialises them ----------------------------

/** ObjectPathType and ActionType as in OfficeExtension. */
const PATH = { GlobalObject: 1, NewObject: 2, Method: 3, Property: 4, Indexer: 5 } as const;
const ACTION = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4 } as const;

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}
interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select: string[]; Expand: string[] };
}
interface Queued {
  info: ActionInfo;
  /** Runs at sync; its return value is the action's result (Instantiate: null for a null object; Query: the loaded values). */
  run: () => unknown;
  /** Called with the result once the whole sync succeeded. */
  done?: (value: unknown) => void;
  reads?: boolean;
}

/** One sync as the host saw it: sizes of the request and the response JSON (UTF-8 bytes), actions and object paths. */
export interface RequestRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  objectPaths: number;
  /** Set when the host refused the request (error code). */
  refused?: string;
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** UTF-8 byte length (no TextEncoder needed). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; } else n += 3;
  }
  return n;
}

/** Members every client object has (OfficeExtension.ClientObject), in every set. */
const BASE_MEMBERS: Record<string, ['m' | 'n' | 'p', number]> = { load: ['m', 1], toJSON: ['m', 1], track: ['m', 1], untrack: ['m', 1], set: ['m', 1], isNullObject: ['p', 1], context: ['p', 1] };

/**
 * Base of every proxy: an object path (parent, kind, name, arguments) with an Instantiate action;
 * loaded values are readable only after the sync that loaded them. Wrapped in a JS Proxy that
 * refuses members above the profile's ExcelApi set (ApiNotFound, thrown where Office.js's
 * generated code throws it: at the call) and any new operation once the Excel.run is over.
 */
export class FakeObject {
  _loaded = new Map<string, unknown>();
  /** Set by the Instantiate result: true for a null object (…OrNullObject that found nothing). */
  _isNull: boolean | undefined = undefined;
  _path: PathInfo;
  _nav = new Map<string, FakeObject>();
  _argObjects: FakeObject[] = [];
  constructor(
    public _ctx: FakeContext,
    public _type: string,
    public _parent: FakeObject | null,
    kind: number,
    name: string,
    args: unknown[] | undefined,
    /** Runs when the host instantiates the object (at sync); returns false for a null object. */
    public _instantiate: () => boolean | void = () => undefined,
  ) {
    this._path = { Id: _ctx._nextId(), ObjectPathType: kind, Name: name };
    if (_parent) this._path.ParentObjectPathId = _parent._path.Id;
    if (args) this._path.ArgumentInfo = _ctx._arguments(args, this._argObjects);
    const self = wrap(this);
    if (kind !== PATH.GlobalObject) {
      _ctx._queue(self, { ActionType: ACTION.Instantiate, Name: '', ObjectPathId: this._path.Id }, () => {
        if (this._parent && this._parent._nullAtRun()) return null;
        return this._instantiate() === false ? null : {};
      }, (v) => { this._isNull = v === null; });
    } else this._isNull = false;
    return self;
  }
  /** Runs `fn` when the host instantiates the object (for a method path: the method runs then). */
  _then(fn: () => void): this {
    this._instantiate = () => { fn(); };
    return this;
  }
  /** True while running the request when this object (or a parent) turned out null. */
  _nullAtRun(): boolean {
    return this._runNull === true || (this._parent?._nullAtRun() ?? false);
  }
  _runNull = false;
  /** The object expression for messages ("Worksheet.getRange()"). */
  _expr(): string {
    return `${this._type}.${this._path.Name.charAt(0).toLowerCase()}${this._path.Name.slice(1)}`;
  }
  /** A navigation property (range.format, format.font): one object per parent, as Office.js caches it. */
  _navigate<T extends FakeObject>(name: string, make: () => T): T {
    let o = this._nav.get(name) as T | undefined;
    if (!o) {
      o = make();
      this._nav.set(name, o);
    }
    return o;
  }
  /** Queues a SetProperty action; `apply` runs at sync. The set value is readable at once, as in Office.js. */
  _set(name: string, value: unknown, apply: () => void): void {
    this._loaded.set(name, value);
    this._ctx._queue(this, { ActionType: ACTION.SetProperty, Name: pascal(name), ObjectPathId: this._path.Id, ArgumentInfo: this._ctx._arguments([value], []) }, () => {
      if (this._nullAtRun()) return undefined;
      apply();
      return undefined;
    });
  }
  /** Queues a Method action that returns nothing the code reads; `apply` runs at sync. */
  _call(name: string, args: unknown[], apply: () => void): void {
    const refs: FakeObject[] = [];
    const argumentInfo = this._ctx._arguments(args, refs);
    this._ctx._queue(this, { ActionType: ACTION.Method, Name: pascal(name), ObjectPathId: this._path.Id, ArgumentInfo: argumentInfo }, () => {
      if (this._nullAtRun()) return undefined;
      apply();
      return undefined;
    }, undefined, refs);
  }
  /** Properties `read` can answer at sync (what `load` may ask for). */
  protected _read(_p: string): unknown {
    return undefined;
  }
  /** Values of the loadable properties for a `load()` without arguments (scalar properties). */
  protected _scalars(): string[] {
    return [];
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    let list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : Array.isArray(props) ? props : props ? Object.keys(props) : this._scalars();
    list = list.filter(Boolean);
    const self = this;
    this._ctx._queue(this, { ActionType: ACTION.Query, Name: '', ObjectPathId: this._path.Id, QueryInfo: { Select: list, Expand: [] } }, () => {
      if (self._nullAtRun()) return null;
      const out: Record<string, unknown> = {};
      for (const p of list) out[p] = self._read(p);
      return out;
    }, (v) => {
      if (!v) return;
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) this._loaded.set(k, x);
    }, undefined, true);
    return this;
  }
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw new OfficeError('PropertyNotLoaded', MESSAGES.propertyNotLoaded('isNullObject'));
    return this._isNull;
  }
  /** A loaded property's value; PropertyNotLoaded when it was not loaded (or loaded but not yet synced). A null object's properties read as undefined. */
  _get<T>(p: string): T {
    if (this._loaded.has(p)) return this._loaded.get(p) as T;
    if (this._isNull === true) return undefined as T;
    throw new OfficeError('PropertyNotLoaded', MESSAGES.propertyNotLoaded(p));
  }
}

/** The JS Proxy over every fake object: requirement sets and the end of Excel.run, checked on each Excel member. */
function wrap<T extends FakeObject>(obj: T): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !prop.startsWith('_')) {
        const info = check(target, prop, false);
        // A part's scalar property (fill.color …) reads back what was set or loaded.
        if (info?.[0] === 'p' && target instanceof FakePart && prop !== 'isNullObject') return target._get(prop);
      }
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === 'string' && !prop.startsWith('_')) {
        const info = check(target, prop, true);
        // A part's scalar property (fill.color = …) is one SetProperty action.
        if (info?.[0] === 'p' && target instanceof FakePart) {
          target._assign(prop, value);
          return true;
        }
      }
      return Reflect.set(target, prop, value, receiver);
    },
  });
}

function check(target: FakeObject, prop: string, setting: boolean): ['m' | 'n' | 'p', number] | undefined {
  const info = EXCEL_API_SETS[target._type]?.[prop] ?? BASE_MEMBERS[prop];
  if (!info) return undefined;
  const ctx = target._ctx;
  if (info[1] > ctx.book.apiMinor) throw new OfficeError('ApiNotFound', MESSAGES.apiNotFound(`${target._type}.${prop}`, `ExcelApi 1.${info[1]}`), `${target._type}.${prop}`);
  // Reading a value loaded earlier works after the run (it is client-side); anything that queues does not.
  if (ctx._ended && (setting || info[0] !== 'p' || prop === 'load')) throw new OfficeError('InvalidObjectPath', MESSAGES.invalidObjectPath(target._expr()), `${target._type}.${prop}`);
  return info;
}

// --- ranges and their parts ---------------------------------------------------------------------------

type Box = { row: number; col: number; rows: number; cols: number };

/** A simple object with scalar properties only (fill, font, border, chart title …): each set is one SetProperty action. */
/** What setting a part's property does: called when queued (for the log), returns what runs at sync. */
type OnSet = (p: string, v: unknown) => (() => void) | void;

/** An object with scalar properties only (fill, font, border, chart title …): each property set is one SetProperty action. */
class FakePart extends FakeObject {
  _onSet: OnSet;
  constructor(ctx: FakeContext, type: string, parent: FakeObject, name: string, onSet: OnSet, args?: unknown[]) {
    super(ctx, type, parent, args ? PATH.Method : PATH.Property, name, args);
    this._onSet = onSet;
  }
  _assign(p: string, v: unknown) {
    const apply = this._onSet(p, v);
    this._set(p, v, apply ?? (() => undefined));
  }
}

class FakeFormat extends FakeObject {
  _range: FakeRange;
  constructor(ctx: FakeContext, range: FakeRange) {
    super(ctx, 'RangeFormat', range, PATH.Property, 'Format', undefined);
    this._range = range;
  }
  private _setAll(key: string, v: unknown) {
    const r = this._range;
    this._ctx.record(`format.${key} ${r._a1}=${JSON.stringify(v)}`);
    return () => r._eachCell((c) => (c.format[key] = v));
  }
  get fill() {
    return this._navigate('fill', () => {
      const fill = new FakePart(this._ctx, 'RangeFill', this, 'Fill', (p, v) => this._setAll(`fill.${p}`, v));
      (fill as unknown as { clear: () => void }).clear = () => fill._call('clear', [], this._setAll('fill.color', undefined));
      return fill;
    }) as unknown as { color: string; clear(): void };
  }
  get font() {
    return this._navigate('font', () => new FakePart(this._ctx, 'RangeFont', this, 'Font', (p, v) => this._setAll(`font.${p}`, v))) as unknown as { bold: boolean; italic: boolean; size: number; color: string };
  }
  set wrapText(v: boolean) { this._set('wrapText', v, this._setAll('wrapText', v)); }
  set horizontalAlignment(v: string) { this._set('horizontalAlignment', v, this._setAll('horizontalAlignment', v)); }
  set verticalAlignment(v: string) { this._set('verticalAlignment', v, this._setAll('verticalAlignment', v)); }
  set columnWidth(v: number) {
    const r = this._range;
    this._ctx.record(`format.columnWidth ${r._a1}=${v}`);
    this._set('columnWidth', v, () => { for (let c = r._box.col; c < r._box.col + r._box.cols; c++) r._sheet().columnWidths.set(c, v); });
  }
  get borders() {
    return this._navigate('borders', () => {
      const coll = new FakePart(this._ctx, 'RangeBorderCollection', this, 'Borders', () => undefined);
      (coll as unknown as { getItem: (edge: string) => FakePart }).getItem = (edge: string) =>
        new FakePart(this._ctx, 'RangeBorder', coll, 'GetItem', (p, v) => this._setAll(`border.${edge}.${p}`, v), [edge]);
      return coll;
    }) as unknown as { getItem(edge: string): { style: string; color: string } };
  }
  autofitColumns() {
    this._ctx.record(`autofitColumns ${this._range._a1}`);
    this._call('autofitColumns', [], () => undefined);
  }
}

export class FakeRange extends FakeObject {
  /** The worksheet's sheet, resolved when the host instantiates the worksheet. */
  _sheet: () => FakeSheet;
  constructor(
    ctx: FakeContext,
    parent: FakeObject,
    kind: number,
    name: string,
    args: unknown[] | undefined,
    sheet: () => FakeSheet,
    public _box: Box,
    instantiate: () => boolean | void = () => undefined,
  ) {
    super(ctx, 'Range', parent, kind, name, args, instantiate);
    this._sheet = sheet;
  }
  /** The range's A1 address without the sheet (internal; `addressLocal` must be loaded). */
  get _a1(): string {
    return a1Range(this._box.row, this._box.col, this._box.rows, this._box.cols);
  }
  _eachCell(fn: (c: FakeCell, r: number, col: number) => void): void {
    const s = this._sheet();
    for (let r = 0; r < this._box.rows; r++) for (let c = 0; c < this._box.cols; c++) fn(s.cell(this._box.row + r, this._box.col + c, true)!, r, c);
  }
  private _matrix<T>(fn: (c: FakeCell | undefined) => T): T[][] {
    const s = this._sheet();
    return Array.from({ length: this._box.rows }, (_, r) => Array.from({ length: this._box.cols }, (_, c) => fn(s.cell(this._box.row + r, this._box.col + c))));
  }
  protected override _scalars(): string[] {
    return ['address', 'addressLocal', 'cellCount', 'columnCount', 'columnIndex', 'rowCount', 'rowIndex', 'values', 'text', 'formulas', 'numberFormat'];
  }
  protected override _read(p: string): unknown {
    const cells = this._box.rows * this._box.cols;
    if (['values', 'text', 'formulas', 'numberFormat', 'valueTypes', 'formulasLocal'].includes(p) && cells > READ_CELL_LIMIT) throw new OfficeError('RangeExceedsLimit', MESSAGES.rangeExceedsLimit, 'Range.load');
    switch (p) {
      case 'values': return this._matrix((c) => (c ? c.value ?? '' : ''));
      case 'text': return this._matrix((c) => displayText(c));
      case 'formulas': return this._matrix((c) => (c ? c.formula ?? c.value ?? '' : ''));
      case 'numberFormat': return this._matrix((c) => (c ? c.numberFormat : 'General'));
      case 'rowIndex': return this._box.row;
      case 'columnIndex': return this._box.col;
      case 'rowCount': return this._box.rows;
      case 'columnCount': return this._box.cols;
      case 'cellCount': return cells;
      case 'address': return `${quoteName(this._sheet().name)}!${this._a1}`;
      case 'addressLocal': return `${quoteName(this._sheet().name)}!${this._a1}`;
    }
    return undefined;
  }
  get values(): unknown[][] { return this._get('values'); }
  get text(): string[][] { return this._get('text'); }
  get formulas(): unknown[][] { return this._get('formulas'); }
  get numberFormat(): string[][] { return this._get('numberFormat'); }
  get rowIndex(): number { return this._get('rowIndex'); }
  get columnIndex(): number { return this._get('columnIndex'); }
  get rowCount(): number { return this._get('rowCount'); }
  get columnCount(): number { return this._get('columnCount'); }
  get cellCount(): number { return this._get('cellCount'); }
  get address(): string { return this._get('address'); }
  get addressLocal(): string { return this._get('addressLocal'); }

  /** values/formulas/numberFormat: a 2-D array of exactly the range's size, else InvalidArgument at sync. */
  private _write2d(kind: 'values' | 'formulas' | 'numberFormat', data: unknown[][]) {
    this._ctx.record(`${kind} ${this._sheetNameNow()}!${this._a1}`);
    this._set(kind, data, () => {
      if (!Array.isArray(data) || data.length !== this._box.rows || data.some((r) => !Array.isArray(r) || r.length !== this._box.cols)) {
        throw new OfficeError('InvalidArgument', MESSAGES.sizeMismatch, `Range.${kind}`);
      }
      if (kind === 'numberFormat') {
        this._eachCell((cell, r, c) => (cell.numberFormat = String(data[r][c])));
        return;
      }
      // Both `values` and `formulas` type their input as if a user typed it: "=…" becomes a formula.
      this._eachCell((cell, r, c) => {
        Object.assign(cell, typeEntry(data[r][c], cell.numberFormat));
        if (cell.formula) this._ctx.book.dirty = true;
      });
      this._ctx.cellWrites += this._box.rows * this._box.cols;
    });
  }
  /** The sheet's name for the log, when it is already known (sheets added in this batch are). */
  _sheetNameNow(): string {
    if (this._parent instanceof FakeWorksheet) return this._parent._nameNow();
    try {
      return this._sheet().name;
    } catch {
      return '?';
    }
  }
  set values(v: unknown[][]) { this._write2d('values', v); }
  set formulas(v: unknown[][]) { this._write2d('formulas', v); }
  set numberFormat(v: unknown[][]) { this._write2d('numberFormat', v); }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this._ctx.record(`hyperlink ${this._sheetNameNow()}!${this._a1}`);
    this._set('hyperlink', h, () =>
      this._eachCell((cell) => {
        cell.hyperlink = { ...h };
        if (h.textToDisplay !== undefined) Object.assign(cell, { value: h.textToDisplay, formula: null, quotePrefix: false });
      }),
    );
  }
  get format(): FakeFormat {
    return this._navigate('format', () => new FakeFormat(this._ctx, this));
  }
  get conditionalFormats() {
    return this._navigate('conditionalFormats', () => {
      const coll = new FakePart(this._ctx, 'ConditionalFormatCollection', this, 'ConditionalFormats', () => undefined);
      (coll as unknown as { add: (type: string) => FakeConditionalFormat }).add = (type: string) => {
        this._ctx.record(`conditionalFormats.add ${type} ${this._sheetNameNow()}!${this._a1}`);
        const rule: FakeRule = { range: this._a1, type, rule: undefined, format: { fill: {}, font: {} } };
        return new FakeConditionalFormat(this._ctx, coll, rule, () => {
          if (!['Custom', 'CellValue', 'ContainsText', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria'].includes(type)) throw new OfficeError('InvalidArgument', MESSAGES.invalidArgument, 'ConditionalFormatCollection.add');
          this._sheet().conditionalFormats.push(rule);
        });
      };
      return coll;
    }) as unknown as { add(type: string): FakeConditionalFormat };
  }
  get dataValidation() {
    return this._navigate('dataValidation', () => {
      this._ctx.record(`dataValidation ${this._sheetNameNow()}!${this._a1}`);
      let entry: FakeSheet['validations'][number] | null = null;
      const at = () => {
        if (!entry) {
          entry = { range: this._a1 };
          this._sheet().validations.push(entry);
        }
        return entry;
      };
      const dv = new FakePart(this._ctx, 'DataValidation', this, 'DataValidation', (p, v) => () => {
        (at() as Record<string, unknown>)[p] = v;
      });
      (dv as unknown as { clear: () => void }).clear = () => dv._call('clear', [], () => { at().rule = undefined; });
      return dv;
    }) as unknown as { rule: unknown; prompt: unknown; errorAlert: unknown; ignoreBlanks: boolean; clear(): void };
  }
  /**
   * ExcelApi 1.13: the merged areas whose top-left cell is in this range (office-js#3611), as a
   * RangeAreas that is a null object when there are none. Fails at sync, as documented, when
   * there are more than 512 merged areas.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    let inside: string[] = [];
    return new FakeRangeAreas(this._ctx, this, 'GetMergedAreasOrNullObject', () => this._sheet().name, () => inside, () => {
      // Logged when the host runs it, when the (active) sheet is known.
      this._ctx.book.reads.push(`getMergedAreasOrNullObject ${this._sheet().name}!${this._a1}`);
      inside = this._sheet().merges.filter((m) => {
        const b = parseA1Range(m)!;
        return b.row >= this._box.row && b.row < this._box.row + this._box.rows && b.col >= this._box.col && b.col < this._box.col + this._box.cols;
      });
      if (inside.length > 512) throw new OfficeError('GeneralException', MESSAGES.mergedAreas, 'Range.getMergedAreasOrNullObject');
      return inside.length > 0;
    });
  }
  merge(across = false) {
    this._ctx.record(`merge ${this._sheetNameNow()}!${this._a1} ${across}`);
    this._call('merge', [across], () => { this._sheet().merges.push(this._a1); });
  }
  select() {
    this._ctx.record(`select ${this._sheetNameNow()}!${this._a1}`);
    this._call('select', [], () => { this._ctx.book.selection = { sheet: this._sheet().name, address: this._a1 }; });
  }
  clear() {
    this._call('clear', [], () => this._eachCell((c) => Object.assign(c, { value: null, formula: null })));
  }
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeConditionalFormat extends FakeObject {
  constructor(ctx: FakeContext, coll: FakeObject, public _rule: FakeRule, add: () => void) {
    super(ctx, 'ConditionalFormat', coll, PATH.Method, 'Add', [_rule.type], () => { add(); });
  }
  private _format(owner: FakeObject) {
    const r = this._rule;
    const f = new FakePart(this._ctx, 'ConditionalRangeFormat', owner, 'Format', () => undefined);
    const fill = new FakePart(this._ctx, 'ConditionalRangeFill', f, 'Fill', (p, v) => () => { (r.format.fill as Record<string, unknown>)[p] = v; });
    const font = new FakePart(this._ctx, 'ConditionalRangeFont', f, 'Font', (p, v) => () => { (r.format.font as Record<string, unknown>)[p] = v; });
    Object.assign(f, { fill, font });
    return f;
  }
  private _typed(kind: string, type: string, ruleNav: boolean) {
    return this._navigate(kind, () => {
      const r = this._rule;
      const part = new FakePart(this._ctx, type, this, pascal(kind), (p, v) => () => { if (p === 'rule') r.rule = v; });
      part._instantiate = () => {
        if (r.type !== { cellValue: 'CellValue', custom: 'Custom', textComparison: 'ContainsText' }[kind]) throw new OfficeError('InvalidArgument', MESSAGES.invalidArgument, `ConditionalFormat.${kind}`);
      };
      const format = this._format(part);
      if (ruleNav) {
        const rule = new FakePart(this._ctx, 'ConditionalFormatRule', part, 'Rule', (p, v) => () => { r.rule = { ...(r.rule as object | undefined), [p]: v }; });
        Object.assign(part, { rule, format });
      } else Object.assign(part, { format });
      return part;
    });
  }
  get cellValue() { return this._typed('cellValue', 'CellValueConditionalFormat', false) as unknown as { rule: unknown; format: unknown }; }
  get custom() { return this._typed('custom', 'CustomConditionalFormat', true) as unknown as { rule: { formula: string }; format: unknown }; }
  get textComparison() { return this._typed('textComparison', 'TextConditionalFormat', false) as unknown as { rule: unknown; format: unknown }; }
}

/** RangeAreas: `address` lists each area with its sheet ("Blad1!A3:A4, Blad1!D3:F3"); a null object when empty. */
export class FakeRangeAreas extends FakeObject {
  _sheetName: () => string;
  _areas: () => string[];
  constructor(ctx: FakeContext, parent: FakeObject, name: string, sheetName: () => string, areas: () => string[], instantiate: () => boolean) {
    super(ctx, 'RangeAreas', parent, PATH.Method, name, [], instantiate);
    this._sheetName = sheetName;
    this._areas = areas;
  }
  protected override _read(p: string): unknown {
    const areas = this._areas();
    if (!areas.length) return undefined;
    if (p === 'address') return areas.map((a) => `${quoteName(this._sheetName())}!${a}`).join(', ');
    if (p === 'areaCount') return areas.length;
    return undefined;
  }
  get address(): string { return this._get('address'); }
  get areaCount(): number { return this._get('areaCount'); }
}

export class FakeWorksheet extends FakeObject {
  /** The sheet, once the host has instantiated this worksheet (at sync). */
  _found: FakeSheet | null = null;
  constructor(ctx: FakeContext, parent: FakeObject, name: string, args: unknown[], resolve: () => FakeSheet | null, orNull: boolean) {
    super(ctx, 'Worksheet', parent, PATH.Method, name, args);
    this._instantiate = () => {
      const s = resolve();
      if (!s) {
        if (orNull) {
          this._runNull = true;
          return false;
        }
        throw new OfficeError('ItemNotFound', MESSAGES.itemNotFound, `WorksheetCollection.${name.charAt(0).toLowerCase()}${name.slice(1)}`);
      }
      this._found = s;
      return true;
    };
  }
  /** The sheet at sync time (the worksheet is instantiated before anything queued on it runs). */
  _sheet = (): FakeSheet => {
    if (!this._found) throw new OfficeError('ItemNotFound', MESSAGES.itemNotFound, 'Worksheet');
    return this._found;
  };
  protected override _scalars(): string[] {
    return ['id', 'name', 'position', 'tabColor', 'visibility'];
  }
  protected override _read(p: string): unknown {
    const s = this._found;
    if (!s) return undefined;
    if (p === 'name') return s.name;
    if (p === 'position') return this._ctx.book.sheets.indexOf(s);
    if (p === 'tabColor') return s.tabColor;
    if (p === 'id') return `{${String(this._ctx.book.sheets.indexOf(s)).padStart(8, '0')}-0001-0000-0000-000000000000}`;
    if (p === 'visibility') return s.visibility;
    return undefined;
  }
  get name(): string { return this._get('name'); }
  /** Worksheet.name (ExcelApi 1.1): Excel's name rules at sync; every formula that refers to the sheet follows the rename. */
  set name(v: string) {
    this._ctx.record(`rename sheet ${this._nameNow()} -> ${v}`);
    this._set('name', v, () => {
      const s = this._sheet();
      const book = this._ctx.book;
      const problem = sheetNameProblem(book, v, s);
      if (problem) throw new OfficeError(/already exists/.test(problem) ? 'ItemAlreadyExists' : 'InvalidArgument', /already exists/.test(problem) ? MESSAGES.itemAlreadyExists : MESSAGES.invalidArgument, 'Worksheet.name');
      const from = s.name;
      s.name = v;
      if (book.active === from) book.active = v;
      rewriteReferences(book, from, v);
    });
  }
  get visibility(): FakeVisibility { return this._get('visibility'); }
  /** Worksheet.visibility: settable from ExcelApi 1.2; the last visible sheet cannot be hidden. */
  set visibility(v: FakeVisibility) {
    this._ctx.record(`visibility ${this._nameNow()} ${v}`);
    if (!this._ctx.book.supports('1.2')) throw new OfficeError('ApiNotFound', MESSAGES.apiNotFound('Worksheet.visibility', 'ExcelApi 1.2'), 'Worksheet.visibility');
    this._set('visibility', v, () => {
      const s = this._sheet();
      const book = this._ctx.book;
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw new OfficeError('InvalidArgument', MESSAGES.invalidArgument, 'Worksheet.visibility');
      if (v !== 'Visible' && s.visibility === 'Visible' && visibleSheets(book) <= 1) throw new OfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.visibility');
      s.visibility = v;
      if (v !== 'Visible' && book.active === s.name) book.active = book.sheets.find((x) => x.visibility === 'Visible')?.name ?? '';
    });
  }
  get position(): number { return this._get('position'); }
  getRange(address?: string): FakeRange {
    if (!address) return new FakeRange(this._ctx, this, PATH.Method, 'GetRange', [], this._sheet, { row: 0, col: 0, rows: 1048576, cols: 16384 });
    const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
    let box: Box | null = null;
    if (whole) {
      const c0 = parseA1(`${whole[1]}1`)!.col;
      const c1 = parseA1(`${whole[2]}1`)!.col;
      box = { row: 0, col: c0, rows: 1048576, cols: c1 - c0 + 1 };
    } else box = parseA1Range(address);
    const bad = !box;
    return new FakeRange(this._ctx, this, PATH.Method, 'GetRange', [address], this._sheet, box ?? { row: 0, col: 0, rows: 1, cols: 1 }, () => {
      if (bad) throw new OfficeError('InvalidArgument', MESSAGES.invalidArgument, 'Worksheet.getRange');
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    // The used range is computed when the request runs (at sync), like Excel does.
    const range: FakeRange = new FakeRange(this._ctx, this, PATH.Method, 'GetUsedRangeOrNullObject', [valuesOnly], this._sheet, { row: 0, col: 0, rows: 0, cols: 0 }, () => {
      const box = this._sheet().usedBox();
      if (!box) {
        range._runNull = true;
        return false;
      }
      range._box = box;
      return true;
    });
    return range;
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    const range: FakeRange = new FakeRange(this._ctx, this, PATH.Method, 'GetUsedRange', [valuesOnly], this._sheet, { row: 0, col: 0, rows: 1, cols: 1 }, () => {
      range._box = this._sheet().usedBox() ?? { row: 0, col: 0, rows: 1, cols: 1 };
    });
    return range;
  }
  delete() {
    this._ctx.record(`delete sheet ${this._nameNow()}`);
    this._call('delete', [], () => {
      const s = this._sheet();
      const book = this._ctx.book;
      // Worksheet.delete fails on a VeryHidden sheet, and a workbook keeps one visible sheet; references to the sheet become #REF!.
      if (s.visibility === 'VeryHidden') throw new OfficeError('InvalidOperation', 'A very hidden worksheet cannot be deleted.', 'Worksheet.delete');
      if (s.visibility === 'Visible' && visibleSheets(book) <= 1) throw new OfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
      book.removeSheet(s.name);
      rewriteReferences(book, s.name, null);
    });
  }
  activate() {
    this._ctx.record(`activate ${this._nameNow()}`);
    this._call('activate', [], () => { this._ctx.book.active = this._sheet().name; });
  }
  /** The sheet's name for the log: known at once for getItem/add, else once instantiated. */
  _nameNow(): string {
    return this._found?.name ?? (typeof this._path.ArgumentInfo?.Arguments?.[0] === 'string' ? (this._path.ArgumentInfo.Arguments[0] as string) : this._ctx.book.active);
  }
  set tabColor(v: string) {
    this._ctx.record(`tabColor ${v}`);
    this._set('tabColor', v, () => { this._sheet().tabColor = v; });
  }
  get freezePanes() {
    return this._navigate('freezePanes', () => {
      const fp = new FakePart(this._ctx, 'WorksheetFreezePanes', this, 'FreezePanes', () => undefined);
      Object.assign(fp, {
        freezeRows: (n: number) => { this._ctx.record(`freezeRows ${n}`); fp._call('freezeRows', [n], () => { this._sheet().frozen = { rows: n, cols: 0 }; }); },
        freezeColumns: (n: number) => { this._ctx.record(`freezeColumns ${n}`); fp._call('freezeColumns', [n], () => { this._sheet().frozen = { rows: 0, cols: n }; }); },
        freezeAt: (r: FakeRange) => {
          this._ctx.record(`freezeAt ${r._a1}`);
          fp._call('freezeAt', [r], () => { this._sheet().frozen = { rows: r._box.row + r._box.rows, cols: r._box.col + r._box.cols }; });
        },
      });
      return fp;
    }) as unknown as { freezeRows(n: number): void; freezeColumns(n: number): void; freezeAt(r: FakeRange): void };
  }
  private _cellCollection(prop: 'notes' | 'comments', type: string) {
    return this._navigate(prop, () => {
      const coll = new FakePart(this._ctx, type, this, pascal(prop), () => undefined);
      Object.assign(coll, {
        add: (cell: FakeRange | string, text: string) => {
          this._ctx.record(`${prop}.add`);
          const at = typeof cell === 'string' ? cell : cell._a1;
          return new FakePart(this._ctx, prop === 'notes' ? 'Note' : 'Comment', coll, 'Add', () => undefined, [cell, text])._then(() => { this._sheet()[prop].push({ cell: at, text }); });
        },
      });
      return coll;
    }) as unknown as { add(cell: FakeRange | string, text: string): unknown };
  }
  get notes() { return this._cellCollection('notes', 'NoteCollection'); }
  get comments() { return this._cellCollection('comments', 'CommentCollection'); }
  get charts() {
    return this._navigate('charts', () => {
      const coll = new FakePart(this._ctx, 'ChartCollection', this, 'Charts', () => undefined);
      Object.assign(coll, {
        add: (type: string, source: FakeRange, seriesBy: string) => {
          this._ctx.record(`charts.add ${type} ${source._a1}`);
          const chart: FakeChart = { type, source: source._a1, seriesBy, title: '', series: [{ name: '', values: source._a1, xValues: null }], position: null };
          const ch = new FakePart(this._ctx, 'Chart', coll, 'Add', () => undefined, [type, source, seriesBy])._then(() => { this._sheet().charts.push(chart); });
          const title = new FakePart(this._ctx, 'ChartTitle', ch, 'Title', (p, v) => () => { if (p === 'text') chart.title = String(v); });
          const seriesColl = new FakePart(this._ctx, 'ChartSeriesCollection', ch, 'Series', () => undefined);
          const seriesApi = (s: FakePart, at: () => number) =>
            Object.assign(s, {
              setValues: (r: FakeRange) => s._call('setValues', [r], () => { chart.series[at()].values = r._a1; }),
              setXAxisValues: (r: FakeRange) => s._call('setXAxisValues', [r], () => { chart.series[at()].xValues = r._a1; }),
            });
          Object.assign(seriesColl, {
            getItemAt: (i: number) => seriesApi(new FakePart(this._ctx, 'ChartSeries', seriesColl, 'GetItemAt', (p, v) => () => { if (p === 'name') chart.series[i].name = String(v); }, [i]), () => i),
            add: (name: string) => {
              let at = -1;
              const s = new FakePart(this._ctx, 'ChartSeries', seriesColl, 'Add', (p, v) => () => { if (p === 'name') chart.series[at].name = String(v); }, [name])._then(() => {
                chart.series.push({ name, values: '', xValues: null });
                at = chart.series.length - 1;
              });
              return seriesApi(s, () => at);
            },
          });
          Object.assign(ch, {
            title,
            series: seriesColl,
            setPosition: (a: string, b: string) => ch._call('setPosition', [a, b], () => { chart.position = [a, b]; }),
          });
          return ch;
        },
      });
      return coll;
    }) as unknown as { add(type: string, source: FakeRange, seriesBy: string): any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
}


class FakeWorksheetCollection extends FakeObject {
  constructor(ctx: FakeContext, parent: FakeObject) {
    super(ctx, 'WorksheetCollection', parent, PATH.Property, 'Worksheets', undefined);
  }
  protected override _read(p: string) {
    if (p === 'items/name' || p === 'items') return this._ctx.book.sheets.map((s) => ({ name: s.name }));
    return undefined;
  }
  get items(): { name: string }[] {
    if (this._loaded.has('items/name')) return this._get('items/name');
    return this._get('items');
  }
  getItem(name: string) {
    return new FakeWorksheet(this._ctx, this, 'GetItem', [name], () => this._ctx.book.sheet(name) ?? null, false);
  }
  getItemOrNullObject(name: string) {
    return new FakeWorksheet(this._ctx, this, 'GetItemOrNullObject', [name], () => this._ctx.book.sheet(name) ?? null, true);
  }
  getActiveWorksheet() {
    return new FakeWorksheet(this._ctx, this, 'GetActiveWorksheet', [], () => this._ctx.book.sheet(this._ctx.book.active) ?? null, false);
  }
  /** Adds a sheet at sync: Excel's sheet-name rules, unique case-insensitively. */
  add(name?: string) {
    const book = this._ctx.book;
    this._ctx.record(`add sheet ${name}`);
    return new FakeWorksheet(this._ctx, this, 'Add', [name], () => {
      let n = name;
      if (n === undefined) {
        let i = book.sheets.length + 1;
        while (book.sheet(`Blad${i}`)) i++;
        n = `Blad${i}`;
      }
      const problem = sheetNameProblem(book, n);
      if (problem && /already exists/.test(problem)) throw new OfficeError('ItemAlreadyExists', MESSAGES.itemAlreadyExists, 'WorksheetCollection.add');
      if (problem) throw new OfficeError('InvalidArgument', MESSAGES.invalidArgument, 'WorksheetCollection.add');
      return book.addSheet(n);
    }, false);
  }
}

class FakeApplication extends FakeObject {
  constructor(ctx: FakeContext, parent: FakeObject) {
    super(ctx, 'Application', parent, PATH.Property, 'Application', undefined);
  }
  suspendApiCalculationUntilNextSync() {
    this._ctx.record('suspendApiCalculationUntilNextSync');
    this._call('suspendApiCalculationUntilNextSync', [], () => undefined);
  }
}

/** `context.workbook`: the global object. */
class FakeWorkbookObject extends FakeObject {
  constructor(ctx: FakeContext) {
    super(ctx, 'Workbook', null, PATH.GlobalObject, '', undefined);
  }
  get worksheets(): FakeWorksheetCollection {
    return this._navigate('worksheets', () => new FakeWorksheetCollection(this._ctx, this));
  }
  get application(): FakeApplication {
    return this._navigate('application', () => new FakeApplication(this._ctx, this));
  }
  getSelectedRange(): FakeRange {
    const book = this._ctx.book;
    let sheet: FakeSheet | null = null;
    const range: FakeRange = new FakeRange(this._ctx, this, PATH.Method, 'GetSelectedRange', [], () => sheet!, { row: 0, col: 0, rows: 1, cols: 1 }, () => {
      const sel = book.selection ?? { sheet: book.active, address: 'A1' };
      sheet = book.sheet(sel.sheet) ?? null;
      if (!sheet) throw new OfficeError('ItemNotFound', MESSAGES.itemNotFound, 'Workbook.getSelectedRange');
      range._box = parseA1Range(sel.address)!;
    });
    return range;
  }
}

// --- the workbook, Excel.run and the request context ----------------------------------------------------

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
  /** Every request (sync) with its serialised sizes, in order. */
  requests: RequestRecord[] = [];
  /** When set, the JSON body of every request is kept here (the self-test looks at its shape). */
  bodies: string[] | null = null;
  /** Set when a formula was written since the last evaluation. */
  dirty = false;
  profile: HostProfile;
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
  /**
   * A host profile (EXCEL_DESKTOP by default: Microsoft 365 on Windows; pass EXCEL_WEB for the
   * web's payload limits), or, as older tests do, the list of ExcelApi sets a desktop host
   * supports (the highest one counts).
   */
  constructor(profile: HostProfile | string[] = EXCEL_DESKTOP) {
    this.profile = Array.isArray(profile) ? { ...EXCEL_DESKTOP, name: `Excel (ExcelApi ${profile[profile.length - 1]})`, excelApi: profile.reduce((a, b) => (minorOf(b) > minorOf(a) ? b : a), '1.1') } : profile;
  }
  /** The highest ExcelApi minor version of the profile (1.18 → 18). */
  get apiMinor(): number {
    return minorOf(this.profile.excelApi);
  }
  /** The ExcelApi sets the profile claims, as `isSetSupported` answers. */
  get requirementSets(): string[] {
    return Array.from({ length: this.apiMinor }, (_, i) => `1.${i + 1}`);
  }
  /** `Office.context.requirements.isSetSupported('ExcelApi', v)`. */
  supports(v: string): boolean {
    return minorOf(v) <= this.apiMinor && /^1\.\d+$/.test(v);
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
  /** The largest request and response (bytes) of the syncs since `from` (an index into `requests`). */
  largest(from = 0): { requestBytes: number; responseBytes: number } {
    const rs = this.requests.slice(from);
    return { requestBytes: Math.max(0, ...rs.map((r) => r.requestBytes)), responseBytes: Math.max(0, ...rs.map((r) => r.responseBytes)) };
  }
  /** The Excel global's `run`: the batch's pending actions are sent when it returns; its proxies are dead afterwards. */
  run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const ctx = new FakeContext(this);
    try {
      const result = await batch(ctx);
      if (ctx._pending.some((q) => q.info.ActionType !== ACTION.Instantiate)) await ctx.sync();
      return result;
    } finally {
      ctx._ended = true;
    }
  };
}

export class FakeContext {
  _pending: Queued[] = [];
  /** Object paths the pending actions reference (with their parents and argument objects). */
  private _paths = new Map<number, PathInfo>();
  private _id = 0;
  _ended = false;
  /** Cells written by values/formulas in this context. */
  cellWrites = 0;
  /** The workbook as the adapter sees it (`context.workbook`). */
  workbook: FakeWorkbookObject;
  constructor(public book: FakeWorkbook) {
    this.workbook = new FakeWorkbookObject(this);
  }
  _nextId(): number {
    return ++this._id;
  }
  record(s: string) {
    this.book.log.push(s);
  }
  /** Office.js's setMethodArguments: client objects become their object path id in ReferencedObjectPathIds. */
  _arguments(args: unknown[], refs: FakeObject[]): { Arguments: unknown[]; ReferencedObjectPathIds?: number[] } {
    const ids: number[] = [];
    let any = false;
    const out = args.map((a) => {
      if (a instanceof FakeObject) {
        any = true;
        refs.push(a);
        ids.push(a._path.Id);
        return a._path.Id;
      }
      ids.push(0);
      return a;
    });
    return any ? { Arguments: out, ReferencedObjectPathIds: ids } : { Arguments: out };
  }
  private _reference(o: FakeObject | null): void {
    for (let p = o; p; p = p._parent) {
      if (this._paths.has(p._path.Id)) break;
      this._paths.set(p._path.Id, p._path);
      for (const a of p._argObjects) this._reference(a);
    }
  }
  _queue(obj: FakeObject, info: Omit<ActionInfo, 'Id'>, run: () => unknown, done?: (v: unknown) => void, refs: FakeObject[] = [], reads = false): void {
    if (this._ended) throw new OfficeError('InvalidObjectPath', MESSAGES.invalidObjectPath(obj._expr()));
    this._reference(obj);
    for (const r of refs) this._reference(r);
    this._pending.push({ info: { Id: this._nextId(), ...info } as ActionInfo, run, done, reads });
  }
  /** The request body as Office.js builds it (ClientRequest.buildRequestMessageBody). */
  private _body(): { Actions: ActionInfo[]; ObjectPaths: Record<string, PathInfo> } {
    const ObjectPaths: Record<string, PathInfo> = {};
    for (const [id, p] of this._paths) ObjectPaths[id] = p;
    return { Actions: this._pending.map((q) => q.info), ObjectPaths };
  }
  /**
   * Sends the queued actions: refused whole past the profile's request limit; otherwise they run
   * in order, the first failing one rejects the sync with its OfficeExtension.Error (earlier ones
   * stay done, as in Excel), and a response past the limit is refused too. Loaded values and null
   * objects become readable only when the sync succeeds.
   */
  async sync(): Promise<void> {
    if (this._ended) throw new OfficeError('InvalidRequestContext', 'Cannot use the request context after its Excel.run has finished.');
    this.book.syncs++;
    this.record('sync');
    const queued = this._pending;
    const body = this._body();
    this._pending = [];
    this._paths = new Map();
    const text = JSON.stringify(body);
    this.book.bodies?.push(text);
    const rec: RequestRecord = { requestBytes: utf8Bytes(text), responseBytes: 0, actions: body.Actions.length, objectPaths: Object.keys(body.ObjectPaths).length };
    this.book.requests.push(rec);
    if (rec.requestBytes > this.book.profile.requestLimit) {
      rec.refused = 'RequestPayloadSizeLimitExceeded';
      throw new OfficeError('RequestPayloadSizeLimitExceeded', MESSAGES.requestTooLarge);
    }
    const results: { ActionId: number; Value: unknown }[] = [];
    const values: unknown[] = [];
    for (const q of queued) {
      if (q.reads) await this.book.recalc();
      const value = q.run();
      values.push(value);
      if (q.info.ActionType === ACTION.Instantiate || q.info.ActionType === ACTION.Query || value !== undefined) results.push({ ActionId: q.info.Id, Value: value });
    }
    await this.book.recalc();
    rec.responseBytes = utf8Bytes(JSON.stringify({ Results: results }));
    if (rec.responseBytes > this.book.profile.responseLimit) {
      rec.refused = 'ResponsePayloadSizeLimitExceeded';
      throw new OfficeError('ResponsePayloadSizeLimitExceeded', MESSAGES.responseTooLarge);
    }
    queued.forEach((q, i) => q.done?.(values[i]));
  }
}
