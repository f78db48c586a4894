// Building blocks of the roll-up sheets: rows in blocks as wide as their tables, the share formula, the sheets' styles.
import { STATUS_COLOUR } from '../i18n/sv';
import { a1Range } from '../model/a1';
import type { Block, PlanCell, Style } from '../model/sheet-plan';
import { PLAN_STYLES, STATUS_ORDER } from '../plan/structured';
import { statusStyle } from '../plan/summary';

/** Rows of a roll-up sheet being built, `width` columns wide: values, styles and number formats kept the same shape. */
export class Rows {
  private readonly values: PlanCell[][] = [];
  private readonly styles: (string | null)[][] = [];
  private readonly formats: (string | null)[][] = [];
  merges: string[] = [];
  constructor(private readonly width: number) {}
  /** The row the next `add` writes. */
  get next(): number {
    return this.values.length;
  }
  /** Appends a row (cells from column A, a style per cell or one for all); returns its zero-based row. */
  add(cells: PlanCell[] = [], style: (string | null)[] | string | null = null): number {
    const v = Array<PlanCell>(this.width).fill(null);
    cells.forEach((x, i) => (v[i] = x));
    this.values.push(v);
    this.styles.push(Array.isArray(style) ? [...style, ...Array(Math.max(0, this.width - style.length)).fill(null)] : Array(this.width).fill(style));
    this.formats.push(Array(this.width).fill(null));
    return this.values.length - 1;
  }
  /** A row whose first cell spans the sheet's width. */
  wide(text: string, style: string): number {
    const r = this.add([text], style);
    this.merges.push(a1Range(r, 0, 1, this.width));
    return r;
  }
  set(r: number, c: number, v: PlanCell, format: string | null = null): void {
    this.values[r][c] = v;
    if (format) this.formats[r][c] = format;
  }
  format(r: number, c: number, format: string): void {
    this.formats[r][c] = format;
  }
  style(r: number, c: number, style: string | null): void {
    this.styles[r][c] = style;
  }
  /** The sheet's one block, anchored at A1. */
  toBlocks(): Block[] {
    return [{ row: 0, col: 0, values: this.values, styles: this.styles, numberFormats: this.formats }];
  }
}

/** "=IF(F7=0,"",G7/F7)". */
export function shareFormula(part: string, whole: string): string {
  return `=IF(${whole}=0,"",${part}/${whole})`;
}

/** Styles of the roll-up sheets: the generated sheets' own, status colours for the status headers, severities, totals. */
export function rollupStyles(): Record<string, Style> {
  const out: Record<string, Style> = {
    ...PLAN_STYLES,
    rollTitle: { bold: true, fontSize: 16 },
    note: { italic: true, fontColor: '#595959', wrap: true, vAlign: 'top' },
    heading: { bold: true, fontSize: 12, vAlign: 'top' },
    bar: { fontColor: '#2F5597' },
    total: { bold: true, hAlign: 'right', fill: '#F2F2F2' },
    errors: { fontColor: '#9C0006', bold: true },
    'sev-error': { bold: true, fill: '#FFC7CE', fontColor: '#9C0006', vAlign: 'top' },
    'sev-warning': { bold: true, fill: '#FFEB9C', fontColor: '#9C5700', vAlign: 'top' },
    'sev-info': { fill: '#DDEBF7', fontColor: '#1F4E78', vAlign: 'top' },
  };
  for (const s of STATUS_ORDER) {
    out[`${statusStyle(s)}-head`] = { bold: true, wrap: true, vAlign: 'top', borderBottom: true, fill: STATUS_COLOUR[s].fill, fontColor: STATUS_COLOUR[s].font };
  }
  return out;
}
