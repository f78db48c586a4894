// Sheets adapter: reads a sheet into a Grid with three calls and applies a SheetPlan with one 2D setter per attribute per block.
import type { CellValue, Grid, Merge } from '../../shared/model/grid';
import type { Block, ConditionalFormat, PlanCell, SheetPlan, Style, Validation } from '../../shared/model/sheet-plan';
import { a1Range, parseA1, parseA1Range } from '../../shared/model/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type CfRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type DvRule = GoogleAppsScript.Spreadsheet.DataValidation;

/**
 * Reads a sheet's data range as a Grid: ONE getValues(), ONE getDisplayValues() and ONE
 * getMergedRanges() (plus each merged range's A1 notation). Date values (Sheets hands them over
 * as Date objects) become their display text, so the grid stays JSON-safe and the importer sees
 * what the user sees; the core's normalizeGrid irons out what differs from other hosts.
 */
export function readSheetGrid(sheet: Sheet): Grid {
  const range = sheet.getDataRange();
  const raw = range.getValues();
  const texts = range.getDisplayValues();
  const merges: Merge[] = [];
  for (const m of range.getMergedRanges()) {
    const box = parseA1Range(m.getA1Notation());
    if (box && box.rows * box.cols > 1) merges.push(box);
  }
  const values: CellValue[][] = raw.map((row, r) =>
    row.map((v, c) => {
      if (v === null || v === undefined || v === '') return null;
      if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
      // Date (or anything else a host may hand over): keep what the user sees.
      return texts[r]?.[c] ?? String(v);
    }),
  );
  return { sheetName: sheet.getName(), origin: { row: 0, col: 0 }, values, texts, ...(merges.length ? { merges } : {}) };
}

/**
 * What setValues gets for a plan cell. Sheets parses strings given to setValues like typed
 * input: "=…" becomes a formula and "2019-05-02" or "479" may become a date or number. A leading
 * apostrophe makes Sheets store the rest verbatim as text (the apostrophe itself is not part of
 * the value), so every plain string is written with one: text always stays text.
 */
export function sheetsCellValue(v: PlanCell, formulaOf: (f: string) => string = (f) => f): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'object') return formulaOf(v.f);
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  return v;
}

/** True when any style of the block uses attribute `k`. */
/** Rows and columns (block-relative, inclusive) of the cells whose style sets attribute k, or null when none does. */
interface Box { r0: number; r1: number; c0: number; c1: number }

function usedBox(block: Block, styles: Record<string, Style>, k: keyof Style): Box | null {
  let box: Box | null = null;
  (block.styles ?? []).forEach((row, i) => row.forEach((s, j) => {
    if (s === null || styles[s]?.[k] === undefined) return;
    if (!box) box = { r0: i, r1: i, c0: j, c1: j };
    else {
      if (i > box.r1) box.r1 = i;
      if (j < box.c0) box.c0 = j;
      if (j > box.c1) box.c1 = j;
    }
  }));
  return box;
}

function styleGrid<T>(block: Block, styles: Record<string, Style>, pick: (s: Style | undefined) => T): T[][] {
  return block.values.map((row, i) => row.map((_v, j) => {
    const name = block.styles?.[i]?.[j] ?? null;
    return pick(name === null ? undefined : styles[name]);
  }));
}

/** Pads ragged rows so every 2D array handed to Sheets is rectangular. */
function rectangular(block: Block): Block {
  const width = Math.max(0, ...block.values.map((r) => r.length));
  const pad = <T>(rows: T[][] | undefined, fill: T): T[][] | undefined =>
    rows?.map((r) => (r.length === width ? r : [...r, ...Array<T>(width - r.length).fill(fill)]));
  return {
    ...block,
    values: pad(block.values, null as PlanCell) as PlanCell[][],
    numberFormats: pad(block.numberFormats, null),
    styles: pad(block.styles, null),
  };
}

/** Options of applyPlan. */
export interface ApplyOptions {
  /** Turns an invariant formula into what this spreadsheet accepts (identity by default). */
  formulaOf?: (f: string) => string;
  /** Sheet ids by name, for links to other sheets (the plan's own sheet is looked up). */
  sheetIds?: Record<string, number>;
}

/**
 * Writes one block: values (text with a leading apostrophe, formulas as "=…") in one
 * setValues, then number formats and each used style attribute as one 2D setter.
 */
function writeBlock(sheet: Sheet, raw: Block, styles: Record<string, Style>, formulaOf: (f: string) => string): string[] {
  const block = rectangular(raw);
  const rows = block.values.length;
  const cols = rows ? block.values[0].length : 0;
  if (!rows || !cols) return [];
  const range = sheet.getRange(block.row + 1, block.col + 1, rows, cols);
  range.setValues(block.values.map((r) => r.map((v) => sheetsCellValue(v, formulaOf))));
  if (block.numberFormats?.some((r) => r.some((f) => f !== null))) {
    range.setNumberFormats(block.numberFormats.map((r) => r.map((f) => f ?? 'General')));
  }
  // Each style attribute as one 2D setter over the smallest rectangle of the cells that set it
  // (the sheet is new or cleared, so the cells outside it already have the default).
  const styleSetter = <T>(k: keyof Style, pick: (s: Style | undefined) => T, set: (r: Range, v: T[][]) => void) => {
    const box = usedBox(block, styles, k);
    if (!box) return;
    const grid = styleGrid(block, styles, pick).slice(box.r0, box.r1 + 1).map((r) => r.slice(box.c0, box.c1 + 1));
    const whole = box.r0 === 0 && box.c0 === 0 && box.r1 === rows - 1 && box.c1 === cols - 1;
    set(whole ? range : sheet.getRange(block.row + 1 + box.r0, block.col + 1 + box.c0, box.r1 - box.r0 + 1, box.c1 - box.c0 + 1), grid);
  };
  styleSetter('bold', (s) => (s?.bold ? 'bold' : 'normal'), (r, v) => r.setFontWeights(v));
  styleSetter('italic', (s) => (s?.italic ? 'italic' : 'normal'), (r, v) => r.setFontStyles(v));
  styleSetter('fontSize', (s) => s?.fontSize ?? 10, (r, v) => r.setFontSizes(v));
  styleSetter('fontColor', (s) => s?.fontColor ?? '#000000', (r, v) => r.setFontColors(v));
  styleSetter('fill', (s) => s?.fill ?? '#ffffff', (r, v) => r.setBackgrounds(v));
  styleSetter('wrap', (s) => s?.wrap ?? false, (r, v) => r.setWraps(v));
  styleSetter('hAlign', (s) => s?.hAlign ?? 'left', (r, v) => r.setHorizontalAlignments(v));
  styleSetter('vAlign', (s) => s?.vAlign ?? 'bottom', (r, v) => r.setVerticalAlignments(v));
  // Cells whose style has a bottom border, as A1 ranges (one run per block row segment).
  const borders: string[] = [];
  block.values.forEach((r, i) => {
    let start = -1;
    for (let j = 0; j <= r.length; j++) {
      const name = j < r.length ? block.styles?.[i]?.[j] ?? null : null;
      const on = name !== null && styles[name]?.borderBottom === true;
      if (on && start < 0) start = j;
      if (!on && start >= 0) {
        borders.push(a1Range(block.row + i, block.col + start, 1, j - start));
        start = -1;
      }
    }
  });
  return borders;
}

/** A data-validation rule for one plan validation. */
function dvRule(v: Validation, formulaOf: (f: string) => string): DvRule {
  let b = SpreadsheetApp.newDataValidation();
  const r = v.rule;
  if (r.type === 'list') b = b.requireValueInList(r.values, true);
  else {
    const whole = r.type === 'wholeNumber';
    if (r.min !== undefined && r.max !== undefined) b = b.requireNumberBetween(r.min, r.max);
    else if (r.min !== undefined) b = b.requireNumberGreaterThanOrEqualTo(r.min);
    else if (r.max !== undefined) b = b.requireNumberLessThanOrEqualTo(r.max);
    else b = b.requireNumberBetween(-1e15, 1e15);
    if (whole) {
      // Sheets' builder has no "whole number" criterion: a custom formula does it. It names the
      // cell itself (INDIRECT("RC",FALSE)), so one rule is right for every cell of a 2D
      // setDataValidations, wherever the range starts.
      const me = 'INDIRECT("RC",FALSE)';
      const bounds = [r.min !== undefined ? `${me}>=${r.min}` : null, r.max !== undefined ? `${me}<=${r.max}` : null].filter(Boolean);
      b = SpreadsheetApp.newDataValidation().requireFormulaSatisfied(formulaOf(`=AND(ISNUMBER(${me}),${me}=INT(${me})${bounds.map((x) => `,${x}`).join('')})`));
    }
  }
  const help = [v.inputTitle, v.inputMessage ?? v.errorMessage].filter((x) => x).join(': ');
  if (help) b = b.setHelpText(help);
  return b.setAllowInvalid(false).build();
}

/**
 * All validations of a plan as ONE 2D setDataValidations over their bounding box (cells
 * without a rule get null, which leaves them without validation).
 */
function writeValidations(sheet: Sheet, validations: Validation[], formulaOf: (f: string) => string): void {
  const rects = validations.map((v) => ({ v, r: parseA1Range(v.range) })).filter((x) => x.r !== null) as { v: Validation; r: NonNullable<ReturnType<typeof parseA1Range>> }[];
  if (!rects.length) return;
  const top = Math.min(...rects.map((x) => x.r.row));
  const left = Math.min(...rects.map((x) => x.r.col));
  const bottom = Math.max(...rects.map((x) => x.r.row + x.r.rows));
  const right = Math.max(...rects.map((x) => x.r.col + x.r.cols));
  const grid: (DvRule | null)[][] = Array.from({ length: bottom - top }, () => Array<DvRule | null>(right - left).fill(null));
  // Equal rules share one built rule, so the builder calls do not grow with the number of ranges.
  const cache = new Map<string, DvRule>();
  for (const { v, r } of rects) {
    const key = JSON.stringify([v.rule, v.inputTitle, v.inputMessage, v.errorMessage]);
    let rule = cache.get(key);
    if (!rule) {
      rule = dvRule(v, formulaOf);
      cache.set(key, rule);
    }
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) grid[r.row - top + i][r.col - left + j] = rule;
  }
  sheet.getRange(top + 1, left + 1, bottom - top, right - left).setDataValidations(grid);
}

/** Identifies rules this add-on writes, so rules users added themselves survive a rewrite. */
function ruleKey(kind: string, value: string, fill: string | null, font: string | null): string {
  return [kind, value, (fill ?? '').toLowerCase(), (font ?? '').toLowerCase()].join('\u0001');
}

function planRuleKey(cf: ConditionalFormat): string {
  return cf.when.type === 'textEquals'
    ? ruleKey('TEXT_EQUAL_TO', cf.when.text, cf.style.fill ?? null, cf.style.fontColor ?? null)
    : ruleKey('CUSTOM_FORMULA', cf.when.formula, cf.style.fill ?? null, cf.style.fontColor ?? null);
}

function existingRuleKey(rule: CfRule): string | null {
  const c = rule.getBooleanCondition();
  if (!c) return null;
  const values = c.getCriteriaValues();
  return ruleKey(String(c.getCriteriaType()), String(values[0] ?? ''), c.getBackground(), c.getFontColor());
}

/**
 * The plan's conditional formats plus every existing rule the add-on does not own, in ONE
 * setConditionalFormatRules call.
 */
function writeConditionalFormats(sheet: Sheet, cfs: ConditionalFormat[], formulaOf: (f: string) => string): void {
  const ours = new Set(cfs.map(planRuleKey));
  const existing = sheet.getConditionalFormatRules();
  const kept = existing.filter((r) => {
    const k = existingRuleKey(r);
    return k === null || !ours.has(k);
  });
  if (!cfs.length && kept.length === existing.length) return;
  const built = cfs.map((cf) => {
    let b = SpreadsheetApp.newConditionalFormatRule();
    b = cf.when.type === 'textEquals' ? b.whenTextEqualTo(cf.when.text) : b.whenFormulaSatisfied(formulaOf(cf.when.formula));
    if (cf.style.fill) b = b.setBackground(cf.style.fill);
    if (cf.style.fontColor) b = b.setFontColor(cf.style.fontColor);
    if (cf.style.bold !== undefined) b = b.setBold(cf.style.bold);
    return b.setRanges([sheet.getRange(cf.range)]).build();
  });
  sheet.setConditionalFormatRules([...kept, ...built]);
}

/** Links as rich text: one setRichTextValues per column run of link cells. */
function writeLinks(sheet: Sheet, plan: SheetPlan, spreadsheetSheetIds: Record<string, number>): void {
  const links = (plan.links ?? []).map((l) => ({ l, p: parseA1(l.cell) })).filter((x) => x.p !== null) as { l: SheetPlan['links'][number]; p: { row: number; col: number } }[];
  if (!links.length) return;
  const byCol = new Map<number, typeof links>();
  for (const x of links) {
    const list = byCol.get(x.p.col);
    if (list) list.push(x);
    else byCol.set(x.p.col, [x]);
  }
  for (const [col, list] of byCol) {
    const top = Math.min(...list.map((x) => x.p.row));
    const bottom = Math.max(...list.map((x) => x.p.row));
    const at = new Map(list.map((x) => [x.p.row, x.l]));
    const content = planCellsAt(plan, top, bottom, col);
    const cells = content.map((v, i) => {
      const l = at.get(top + i);
      if (l) {
        const gid = spreadsheetSheetIds[l.sheet];
        const url = gid === undefined ? null : `#gid=${gid}&range=${l.target}`;
        const b = SpreadsheetApp.newRichTextValue().setText(l.text);
        return (url ? b.setLinkUrl(url) : b).build();
      }
      return SpreadsheetApp.newRichTextValue().setText(typeof v === 'string' ? v : '').build();
    });
    // Cells between links that hold numbers or formulas would be flattened to text: write those runs apart.
    if (content.some((v, i) => !at.has(top + i) && v !== null && typeof v !== 'string')) {
      for (const x of list) sheet.getRange(x.p.row + 1, col + 1).setRichTextValue(cells[x.p.row - top]);
    } else {
      sheet.getRange(top + 1, col + 1, bottom - top + 1, 1).setRichTextValues(cells.map((c) => [c]));
    }
  }
}

/** The plan cells of column `col` from row `top` to `bottom` (what blocks write there). */
function planCellsAt(plan: SheetPlan, top: number, bottom: number, col: number): PlanCell[] {
  const out: PlanCell[] = Array<PlanCell>(bottom - top + 1).fill(null);
  for (const b of plan.blocks) {
    if (col < b.col) continue;
    b.values.forEach((r, i) => {
      const row = b.row + i;
      if (row >= top && row <= bottom && col - b.col < r.length) out[row - top] = r[col - b.col];
    });
  }
  return out;
}

/** Notes as ONE setNotes over their bounding box. */
function writeNotes(sheet: Sheet, plan: SheetPlan): void {
  const notes = (plan.notes ?? []).map((n) => ({ n, p: parseA1(n.cell) })).filter((x) => x.p !== null) as { n: { text: string }; p: { row: number; col: number } }[];
  if (!notes.length) return;
  const top = Math.min(...notes.map((x) => x.p.row));
  const left = Math.min(...notes.map((x) => x.p.col));
  const bottom = Math.max(...notes.map((x) => x.p.row));
  const right = Math.max(...notes.map((x) => x.p.col));
  const grid: (string | null)[][] = Array.from({ length: bottom - top + 1 }, () => Array<string | null>(right - left + 1).fill(null));
  for (const { n, p } of notes) grid[p.row - top][p.col - left] = n.text;
  sheet.getRange(top + 1, left + 1, bottom - top + 1, right - left + 1).setNotes(grid);
}

/** Column widths in characters → pixels (about 7 px per character plus padding, like Excel's default font). */
export function widthPx(chars: number): number {
  return Math.round(chars * 7 + 5);
}

/** Sets column widths, one call per run of equal widths. */
function writeColumnWidths(sheet: Sheet, widths: (number | null)[]): void {
  let i = 0;
  while (i < widths.length) {
    const w = widths[i];
    if (w === null || w === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < widths.length && widths[j] === w) j++;
    sheet.setColumnWidths(i + 1, j - i, widthPx(w));
    i = j;
  }
}

function writeChart(sheet: Sheet, plan: SheetPlan): void {
  const c = plan.chart;
  if (!c) return;
  const anchor = parseA1(c.anchor) ?? { row: 0, col: 0 };
  let b = sheet.newChart().setChartType(c.type === 'bar' ? Charts.ChartType.BAR : Charts.ChartType.COLUMN);
  b = b.addRange(sheet.getRange(c.categories));
  for (const s of c.series) b = b.addRange(sheet.getRange(s.values));
  b = b
    .setPosition(anchor.row + 1, anchor.col + 1, 0, 0)
    .setOption('title', c.title)
    .setOption('width', c.widthCols * 100)
    .setOption('height', c.heightRows * 21)
    .setOption('legend', { position: 'bottom' });
  sheet.insertChart(b.build());
}

/**
 * Makes an existing sheet blank for a rewrite, keeping its id (links and formulas elsewhere still
 * point at it). Sheet.clear() "clears the sheet of content and formatting information"; merges,
 * validation, notes and charts go with their own calls, and the frozen panes and the tab colour,
 * which are the sheet's and not its cells', are reset too (setTabColor: "null to reset").
 */
export function clearForRewrite(sheet: Sheet): void {
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.breakApart();
  all.clearDataValidations();
  sheet.clear();
  sheet.clearNotes();
  for (const ch of sheet.getCharts()) sheet.removeChart(ch);
  sheet.setFrozenRows(0);
  sheet.setFrozenColumns(0);
  sheet.setTabColor(null as unknown as string);
}

/**
 * Applies one SheetPlan to a (new or cleared) sheet. The number of service calls depends on
 * the plan's shape (blocks, styles used, rules, columns), never on its number of rows.
 */
export function applyPlan(ss: Spreadsheet, sheet: Sheet, plan: SheetPlan, options: ApplyOptions = {}): void {
  const formulaOf = options.formulaOf ?? ((f: string) => f);
  const styles = plan.styles ?? {};
  // Make room first (a new sheet has 1000 rows × 26 columns): for the blocks and for every
  // range the plan's rules, notes, links and merges name.
  let rows = 0;
  let cols = 0;
  const grow = (r: { row: number; col: number; rows: number; cols: number } | null) => {
    if (!r) return;
    rows = Math.max(rows, r.row + r.rows);
    cols = Math.max(cols, r.col + r.cols);
  };
  for (const b of plan.blocks) grow({ row: b.row, col: b.col, rows: b.values.length, cols: Math.max(0, ...b.values.map((r) => r.length)) });
  for (const x of [...(plan.validations ?? []), ...(plan.conditionalFormats ?? [])]) grow(parseA1Range(x.range));
  for (const x of [...(plan.notes ?? []), ...(plan.links ?? [])]) grow(parseA1Range(x.cell));
  for (const m of plan.merges ?? []) grow(parseA1Range(m));
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  const borders: string[] = [];
  for (const b of plan.blocks) borders.push(...writeBlock(sheet, b, styles, formulaOf));
  if (borders.length) sheet.getRangeList(borders).setBorder(null, null, true, null, null, null, '#808080', SpreadsheetApp.BorderStyle.SOLID);
  writeColumnWidths(sheet, plan.columnWidths ?? []);
  for (const m of plan.merges ?? []) sheet.getRange(m).merge();
  writeConditionalFormats(sheet, plan.conditionalFormats ?? [], formulaOf);
  writeValidations(sheet, plan.validations ?? [], formulaOf);
  writeNotes(sheet, plan);
  if ((plan.links ?? []).length) {
    const ids: Record<string, number> = { ...(options.sheetIds ?? {}) };
    if (ids[plan.name] === undefined) ids[plan.name] = sheet.getSheetId();
    writeLinks(sheet, plan, ids);
  }
  if ((plan.frozenRows ?? 0) > 0) sheet.setFrozenRows(plan.frozenRows);
  if ((plan.frozenColumns ?? 0) > 0) sheet.setFrozenColumns(plan.frozenColumns);
  if (plan.tabColor) sheet.setTabColor(plan.tabColor);
  writeChart(sheet, plan);
  void ss;
}
