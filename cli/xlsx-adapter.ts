// File host adapter: applies SheetPlans to an ExcelJS workbook (every plan feature ExcelJS can write), copies the source sheet, and writes .xlsx.
import ExcelJS from 'exceljs';
import type { Grid } from '../shared/model/grid';
import { type PlanCell, type SheetPlan, type Style } from '../shared/model/sheet-plan';
import { a1, parseA1, parseA1Range, quoteSheet } from '../shared/model/a1';

/** Functions newer than Excel 2007 must carry the `_xlfn.` prefix in OOXML, or Excel shows #NAME?. */
const XLFN = [
  'IFS', 'SWITCH', 'TEXTJOIN', 'CONCAT', 'MAXIFS', 'MINIFS', 'XLOOKUP', 'XMATCH', 'IFNA', 'DAYS', 'ISOWEEKNUM',
  'FILTER', 'SORT', 'UNIQUE', 'SEQUENCE', 'LET',
];
const XLFN_RE = new RegExp(`(^|[^A-Za-z0-9_.])(${XLFN.join('|')})\\(`, 'g');

/**
 * Turns a plan formula ("=SUM(H7:J7)") into what ExcelJS stores: no leading "=", and the
 * `_xlfn.` prefix on post-2007 functions. Text inside string literals is left alone.
 */
export function toExcelJsFormula(f: string): string {
  const body = f.startsWith('=') ? f.slice(1) : f;
  // Split on string literals ("..." with "" escapes) so only code parts get prefixed.
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(XLFN_RE, (_m, pre: string, fn: string) => `${pre}_xlfn.${fn}(`)))
    .join('');
}

/** Inverse of toExcelJsFormula: "=SUM(…)" without `_xlfn.` prefixes. */
export function fromExcelJsFormula(f: string): string {
  return `=${f.replace(/_xlfn\./g, '')}`;
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function applyStyle(cell: ExcelJS.Cell, s: Style): void {
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
    cell.font = {
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) }, bgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.hAlign || s.vAlign) {
    cell.alignment = {
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign } : {}),
    };
  }
  if (s.borderBottom) cell.border = { bottom: { style: 'thin', color: { argb: 'FF808080' } } };
}

function setValue(cell: ExcelJS.Cell, v: PlanCell): void {
  if (v === null) return;
  if (typeof v === 'object') {
    cell.value = { formula: toExcelJsFormula(v.f) } as ExcelJS.CellFormulaValue;
    return;
  }
  if (typeof v === 'string') {
    // A plain string is literal text: ExcelJS stores it as a shared string (t="s"), never as a
    // formula, so "=1+1" or "-5 st" stays text when Excel or LibreOffice opens the file.
    cell.value = v;
    return;
  }
  cell.value = v;
}

/** The cell a note/link/chart anchor names, in a worksheet. */
function cellAt(ws: ExcelJS.Worksheet, ref: string): ExcelJS.Cell {
  const p = parseA1(ref);
  if (!p) throw new Error(`Ogiltig celladress "${ref}" i bladet "${ws.name}".`);
  return ws.getCell(p.row + 1, p.col + 1);
}

/** Lines a wrapped text needs in a column `width` characters wide (a rough Calibri 11 estimate). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.05) / usable)), 0);
}

/**
 * Neither Excel nor LibreOffice grows a row to fit wrapped text in a file written without row
 * heights, so set the height of rows whose wrapped cells need more than one line.
 */
function fitRowHeights(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const styles = plan.styles ?? {};
  const widths = plan.columnWidths ?? [];
  const width = (c: number) => widths[c] ?? 9;
  // Covered cells of a merge are skipped; a one-row merge's first cell wraps across all its columns.
  const merged = new Map<string, number | null>();
  for (const m of plan.merges ?? []) {
    const r = parseA1Range(m);
    if (!r) continue;
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) merged.set(`${r.row + i}:${r.col + j}`, null);
    if (r.rows === 1) merged.set(`${r.row}:${r.col}`, Array.from({ length: r.cols }, (_, j) => width(r.col + j)).reduce((a, b) => a + b, 0));
  }
  const need = new Map<number, number>();
  for (const b of plan.blocks) {
    b.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const st = b.styles?.[i]?.[j];
        const style = st ? styles[st] : undefined;
        const key = `${b.row + i}:${b.col + j}`;
        const w = merged.has(key) ? merged.get(key) : width(b.col + j);
        if (typeof v !== 'string' || !style?.wrap || !w) return;
        const lines = wrappedLines(v, w);
        const pt = Math.min(409, lines * 15 * ((style.fontSize ?? 11) / 11));
        need.set(b.row + i, Math.max(need.get(b.row + i) ?? 0, pt));
      }),
    );
  }
  for (const [r, pt] of need) if (pt > 15) ws.getRow(r + 1).height = Math.round(pt);
}

function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const styles = plan.styles ?? {};
  for (const b of plan.blocks) {
    b.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = ws.getCell(b.row + i + 1, b.col + j + 1);
        setValue(cell, v);
        const st = b.styles?.[i]?.[j];
        if (st && styles[st]) applyStyle(cell, styles[st]);
        const nf = b.numberFormats?.[i]?.[j];
        if (nf) cell.numFmt = nf;
      }),
    );
  }
  fitRowHeights(ws, plan);
  (plan.columnWidths ?? []).forEach((w, i) => {
    if (w !== null && w !== undefined) ws.getColumn(i + 1).width = w;
  });
  const fr = plan.frozenRows ?? 0;
  const fc = plan.frozenColumns ?? 0;
  if (fr > 0 || fc > 0) ws.views = [{ state: 'frozen', xSplit: fc, ySplit: fr, topLeftCell: a1(fr, fc) }];
  for (const m of plan.merges ?? []) ws.mergeCells(m);
  for (const cf of plan.conditionalFormats ?? []) {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.style.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cf.style.fill) }, bgColor: { argb: argb(cf.style.fill) } };
    if (cf.style.fontColor || cf.style.bold !== undefined) {
      style.font = { ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}), ...(cf.style.bold !== undefined ? { bold: cf.style.bold } : {}) };
    }
    const rule: ExcelJS.ConditionalFormattingRule =
      cf.when.type === 'textEquals'
        ? ({ type: 'cellIs', operator: 'equal', formulae: [`"${cf.when.text.replace(/"/g, '""')}"`], style } as ExcelJS.CellIsRuleType)
        : ({ type: 'expression', formulae: [toExcelJsFormula(cf.when.formula)], style } as ExcelJS.ExpressionRuleType);
    ws.addConditionalFormatting({ ref: cf.range, rules: [rule] });
  }
  for (const v of plan.validations ?? []) {
    const common = {
      allowBlank: v.allowBlank ?? true,
      ...(v.inputMessage || v.inputTitle ? { showInputMessage: true, promptTitle: v.inputTitle ?? '', prompt: v.inputMessage ?? '' } : {}),
      showErrorMessage: true,
      errorStyle: 'stop',
      ...(v.errorMessage ? { errorTitle: v.inputTitle ?? '', error: v.errorMessage } : {}),
    };
    let dv: ExcelJS.DataValidation;
    if (v.rule.type === 'list') {
      dv = { ...common, type: 'list', formulae: [`"${v.rule.values.join(',').replace(/"/g, '""')}"`] } as ExcelJS.DataValidation;
    } else {
      const type = v.rule.type === 'wholeNumber' ? 'whole' : 'decimal';
      const { min, max } = v.rule;
      const [operator, formulae] =
        min !== undefined && max !== undefined
          ? ['between', [min, max]]
          : min !== undefined
            ? ['greaterThanOrEqual', [min]]
            : max !== undefined
              ? ['lessThanOrEqual', [max]]
              : ['between', [-1e15, 1e15]];
      dv = { ...common, type, operator, formulae } as ExcelJS.DataValidation;
    }
    // ExcelJS's typings omit `dataValidations`; it takes a cell or a range address as key.
    (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, dv);
  }
  for (const n of plan.notes ?? []) {
    cellAt(ws, n.cell).note = n.text;
  }
  for (const l of plan.links ?? []) {
    cellAt(ws, l.cell).value = { text: l.text, hyperlink: `#${quoteSheet(l.sheet)}!${l.target}` };
    const c = cellAt(ws, l.cell);
    c.font = { ...(c.font ?? {}), color: { argb: 'FF0563C1' }, underline: true };
  }
  // plan.chart: ExcelJS cannot write charts. The summary plan carries in-cell REPT bars as
  // formulas, which is what a file written by the CLI shows instead.
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
  // Printing (and PDF export): A4 landscape, all columns on one page width, header rows repeated.
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  if (fr > 0) ws.pageSetup.printTitlesRow = `1:${fr}`;
}

/**
 * Applies plans to a workbook: each plan replaces the sheet of the same name (removed and added
 * again at its old position) or adds a new sheet. Sheets no plan names are left untouched.
 */
export function applyPlansToWorkbook(wb: ExcelJS.Workbook, plans: SheetPlan[]): void {
  for (const plan of plans) {
    const old = wb.getWorksheet(plan.name);
    const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
    if (old) wb.removeWorksheet(old.id);
    const ws = wb.addWorksheet(plan.name);
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    writeSheet(ws, plan);
  }
  // Formulas carry no cached results: ask Excel to compute everything when the file opens.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
}

/**
 * Writes a source grid into a worksheet as read: every value at its own cell (the grid's origin
 * kept, so addresses in findings and links match), strings as text (a cell starting with = + -
 * @ stays text: ExcelJS stores plain strings as shared strings, never as formulas), numbers and
 * booleans as they are, merged ranges merged again. Cells with line breaks wrap.
 */
export function writeSourceSheet(ws: ExcelJS.Worksheet, grid: Grid): void {
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const cell = ws.getCell(grid.origin.row + r + 1, grid.origin.col + c + 1);
      cell.value = v;
      if (typeof v === 'string' && v.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
    }),
  );
  for (const m of grid.merges ?? []) {
    if (m.rows * m.cols < 2) continue;
    const top = grid.origin.row + m.row + 1;
    const left = grid.origin.col + m.col + 1;
    try {
      ws.mergeCells(top, left, top + m.rows - 1, left + m.cols - 1);
    } catch {
      // An overlapping merge cannot be written; the values are there regardless.
    }
  }
}

/** What a new workbook holds besides the plans. */
export interface WorkbookOptions {
  /** The source sheet as read, written first under `sourceName` (so Kontroller's links to source cells work). */
  source?: { grid: Grid; name: string } | null;
}

/** A new workbook holding the source sheet (when given, first) and the plans, with Swedish metadata. */
export function workbookFromPlans(plans: SheetPlan[], opts: WorkbookOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Medborgarlöften';
  if (opts.source) writeSourceSheet(wb.addWorksheet(opts.source.name), opts.source.grid);
  applyPlansToWorkbook(wb, plans);
  return wb;
}

/** The .xlsx bytes of a new workbook holding the source sheet (when given) and the plans. */
export async function xlsxBuffer(plans: SheetPlan[], opts: WorkbookOptions = {}): Promise<Uint8Array> {
  const buf = await workbookFromPlans(plans, opts).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** Writes the plans (and the source sheet, when given) as a new .xlsx file at `path`. */
export async function writeXlsx(plans: SheetPlan[], path: string, opts: WorkbookOptions = {}): Promise<void> {
  await workbookFromPlans(plans, opts).xlsx.writeFile(path);
}
