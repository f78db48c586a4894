// Upper-bound estimate of the bytes Office.js sends (request) and gets back (response) for writing and reading plans, per queued operation as the Excel adapter queues them.
import type { Block, ConditionalFormat, PlanLink, PlanNote, SheetPlan, Style, Validation } from '../model/sheet-plan';
import { a1Range } from '../model/a1';

/*
 * How Office.js serialises a batch (OfficeExtension.ClientRequest.buildRequestMessageBody): one
 * JSON body { Actions: [...], ObjectPaths: { id: {...} } }. Every proxy the code creates
 * (getRange, range.format, format.font …) is an object path plus an Instantiate action; every
 * property set is a SetProperty action carrying its value, every method call a Method action
 * carrying its arguments. With ids of up to seven digits:
 *   Instantiate  {"Id":1234567,"ActionType":1,"Name":"","ObjectPathId":1234567},            63 bytes
 *   object path  "1234567":{"Id":1234567,"ObjectPathType":3,"Name":N,"ParentObjectPathId":1234567}, 83 + N
 *                plus ,"ArgumentInfo":{"Arguments":[…]} (32 + arguments) for a method path
 *   set / call   {"Id":1234567,"ActionType":4,"Name":N,"ObjectPathId":1234567,"ArgumentInfo":{"Arguments":[V]}}, 95 + N + V
 * Checked against the strict fake's serialisation (test/support/excel-fake.ts), which builds the
 * body the same way: the estimate must never be below what the fake measures.
 */

/** Bytes of an object (path + Instantiate) whose path is named `name` (PascalCase), with its arguments' JSON when it is a method path. */
export function objectBytes(name: string, args?: string): number {
  return 63 + 83 + name.length + (args === undefined ? 0 : 32 + utf8(args) + 32);
}

/** Bytes of a SetProperty or Method action named `name` with its value's (arguments') JSON. */
export function actionBytes(name: string, value: string): number {
  return 95 + name.length + utf8(value) + 32;
}

/** Bytes of each object's result in the response ({"ActionId":1234567,"Value":{}}). */
export const RESULT_BYTES_PER_OBJECT = 34;

/** UTF-8 byte length of a string (no TextEncoder: the core compiles without DOM or Node types). */
export function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const json = (v: unknown) => JSON.stringify(v) ?? 'null';

/** Vertical runs of equal non-null entries per column of a 2D attribute array: [style, A1 range] (what the adapter styles one range at a time). */
export function columnRuns<T>(rows: (T | null | undefined)[][], top: number, left: number): [T, string][] {
  const out: [T, string][] = [];
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let start = 0;
    while (start < rows.length) {
      const v = rows[start]?.[c];
      let end = start + 1;
      while (end < rows.length && rows[end]?.[c] === v) end++;
      if (v !== null && v !== undefined) out.push([v, a1Range(top + start, left + c, end - start, 1)]);
      start = end;
    }
  }
  return out;
}

/** The longest A1 range address (as JSON, with quotes) the adapter passes to getRange: "XFD1048576:XFD1048576". */
const ADDRESS = 24;

/** Bytes of styling one range with a plan style (range.format, its font/fill/borders and each property set). */
export function styleBytes(s: Style): number {
  let n = objectBytes('GetRange', 'x'.repeat(ADDRESS)) + objectBytes('Format');
  const font = [s.bold, s.italic, s.fontSize, s.fontColor].filter((x) => x !== undefined && x !== '');
  if (font.length) n += objectBytes('Font') + font.reduce<number>((t, x) => t + actionBytes('FontColor', json(x)), 0);
  if (s.fill) n += objectBytes('Fill') + actionBytes('Color', json(s.fill));
  if (s.wrap !== undefined) n += actionBytes('WrapText', 'false');
  if (s.hAlign) n += actionBytes('HorizontalAlignment', '"Center"');
  if (s.vAlign) n += actionBytes('VerticalAlignment', '"Center"');
  if (s.borderBottom) n += objectBytes('Borders') + objectBytes('GetItem', '"EdgeBottom"') + actionBytes('Style', '"Continuous"') + actionBytes('Color', '"#808080"');
  return n;
}

/** Bytes of one row of a block: its `formulas` entries (text may gain a quote prefix, missing cells are "") and its number formats. */
export function rowBytes(b: Block, r: number, width: number): number {
  const row = b.values[r] ?? [];
  let n = utf8(json(row)) + 1 + 3 * Math.max(0, width - row.length);
  for (const v of row) if (typeof v === 'string') n += 1;
  if (b.numberFormats) {
    const nf = b.numberFormats[r] ?? [];
    for (let c = 0; c < width; c++) n += utf8(json(nf[c] ?? 'General')) + 1;
    n += 2;
  }
  return n;
}

/** Bytes of the styles a block's rows from..to start (a new run starts where a column's style changes). */
export function rowStyleBytes(b: Block, r: number, from: number, styles: Record<string, Style>): number {
  const row = b.styles?.[r];
  if (!row) return 0;
  let n = 0;
  row.forEach((name, c) => {
    if (name === null || name === undefined) return;
    if (r > from && b.styles?.[r - 1]?.[c] === name) return;
    const s = styles[name];
    if (s) n += styleBytes(s);
  });
  return n;
}

/** Columns of a block: its longest row (a loop: blocks can have more rows than a spread takes arguments). */
export function blockWidth(b: Block): number {
  let w = 0;
  for (const r of b.values) if (r.length > w) w = r.length;
  return w;
}

/** Bytes of a block's own frame: its range, the formulas and number-format actions. */
export function blockFrameBytes(b: Block): number {
  return objectBytes('GetRange', 'x'.repeat(ADDRESS)) + actionBytes('Formulas', '[]') + (b.numberFormats ? actionBytes('NumberFormat', '[]') : 0);
}

/** Bytes of writing rows from..to of a block (frame, cells, number formats, styles). */
export function blockBytes(b: Block, styles: Record<string, Style>, from = 0, to = b.values.length): number {
  const width = blockWidth(b);
  let n = blockFrameBytes(b);
  for (let r = from; r < to; r++) n += rowBytes(b, r, width) + rowStyleBytes(b, r, from, styles);
  return n;
}

/** Bytes of one list item (merge, rule, validation, note, link) as the adapter writes it. */
export function itemBytes(kind: 'merges' | 'conditionalFormats' | 'validations' | 'notes' | 'links', item: unknown): number {
  const range = objectBytes('GetRange', 'x'.repeat(ADDRESS));
  switch (kind) {
    case 'merges':
      return range + actionBytes('Merge', 'false');
    case 'conditionalFormats': {
      const cf = item as ConditionalFormat;
      const rule = cf.when.type === 'textEquals' ? { formula1: `="${cf.when.text.replace(/"/g, '""')}"`, operator: 'EqualTo' } : cf.when.formula;
      let n = range + objectBytes('ConditionalFormats') + objectBytes('Add', '"CellValue"') + objectBytes('CellValue') + objectBytes('Rule') + actionBytes('Formula', json(rule));
      n += objectBytes('Format') + objectBytes('Fill') + objectBytes('Font');
      if (cf.style.fill) n += actionBytes('Color', json(cf.style.fill));
      if (cf.style.fontColor) n += actionBytes('Color', json(cf.style.fontColor));
      if (cf.style.bold !== undefined) n += actionBytes('Bold', 'false');
      return n;
    }
    case 'validations': {
      const v = item as Validation;
      return range + objectBytes('DataValidation') + actionBytes('Rule', json(v.rule)) + 96 + actionBytes('IgnoreBlanks', 'false') + actionBytes('Prompt', json({ showPrompt: true, title: v.inputTitle ?? '', message: v.inputMessage ?? '' })) + actionBytes('ErrorAlert', json({ showAlert: true, style: 'Stop', title: v.inputTitle ?? '', message: v.errorMessage ?? '' }));
    }
    case 'notes': {
      const n = item as PlanNote;
      return range + objectBytes('Notes') + objectBytes('Add', `1234567,${json(n.text)},"ReferencedObjectPathIds":[1234567,0]`);
    }
    case 'links': {
      const l = item as PlanLink;
      return range + actionBytes('Hyperlink', json({ documentReference: `'${l.sheet}'!${l.target}`, textToDisplay: l.text, screenTip: `${l.sheet}!${l.target}` }));
    }
  }
  return 0;
}

/** Bytes of a plan's sheet-wide part: adding (or finding) and deleting the sheet, widths, frozen panes, chart, tab colour, activation. */
export function skeletonBytes(plan: SheetPlan): number {
  const name = json(plan.name);
  let n = objectBytes('GetItem', name) + actionBytes('Delete', '') + objectBytes('Add', name) + objectBytes('GetItem', name) + actionBytes('Activate', '');
  for (const w of plan.columnWidths ?? []) if (w !== null && w !== undefined) n += objectBytes('GetRange', '"XFD:XFD"') + objectBytes('Format') + actionBytes('ColumnWidth', '1234.56');
  if ((plan.frozenRows ?? 0) > 0 || (plan.frozenColumns ?? 0) > 0) n += objectBytes('FreezePanes') + objectBytes('GetRange', 'x'.repeat(ADDRESS)) + actionBytes('FreezeAt', '1234567,"ReferencedObjectPathIds":[1234567]');
  if (plan.chart) {
    const ch = plan.chart;
    n += objectBytes('Charts') + objectBytes('Add', `"ColumnClustered",1234567,"Columns","ReferencedObjectPathIds":[0,1234567,0]`) + objectBytes('GetRange', 'x'.repeat(ADDRESS));
    n += objectBytes('Title') + actionBytes('Text', json(ch.title)) + objectBytes('Series') + actionBytes('SetPosition', '"XFD1048576","XFD1048576"');
    for (const s of ch.series) n += objectBytes('Add', json(s.name)) + actionBytes('Name', json(s.name)) + 2 * (objectBytes('GetRange', 'x'.repeat(ADDRESS)) + actionBytes('SetXAxisValues', '1234567,"ReferencedObjectPathIds":[1234567]'));
  }
  if (plan.tabColor) n += actionBytes('TabColor', json(plan.tabColor));
  return n;
}

/** Bytes of every request frame: the workbook, its worksheets and application objects, suspending calculation, the body's braces. */
export const REQUEST_FRAME_BYTES = 2 * objectBytes('Worksheets') + objectBytes('Application') + actionBytes('SuspendApiCalculationUntilNextSync', '') + 64;

/** Upper bound of the request Office.js sends to write `plans` in one sync. */
export function writeRequestBytes(plans: SheetPlan[]): number {
  let n = REQUEST_FRAME_BYTES;
  for (const p of plans) {
    n += skeletonBytes(p);
    for (const b of p.blocks) n += blockBytes(b, p.styles ?? {});
    for (const k of ['merges', 'conditionalFormats', 'validations', 'notes', 'links'] as const) for (const item of p[k] ?? []) n += itemBytes(k, item);
  }
  return n;
}

/**
 * Bytes a read returns per cell and property (values, text, formulas, numberFormat), for sizing
 * reads before their content is known: about twice what generated sheets average in the strict
 * fake's response at 1,000 activities (at most 31, 31, 71 and 10 bytes; cells grow with the
 * follow-up, as row numbers in texts and formulas get longer: at 50,000 activities a read sized
 * at 48 bytes a cell for values and text came back at 4.96 MB). A read the host refuses all the
 * same is halved and read again by the adapter.
 */
export const READ_BYTES_PER_CELL: Record<'values' | 'text' | 'formulas' | 'numberFormat', number> = { values: 64, text: 64, formulas: 160, numberFormat: 24 };
