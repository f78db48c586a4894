// The Word reader's core: a document's parts (document.xml, numbering.xml, styles.xml as text) to a Grid, paragraphs and tables in document order.
import type { CellValue, Merge } from '../model/grid';
import { docxError } from './errors';
import { DOCX_LIMITS } from './limits';
import { ListCounters, parseNumbering } from './numbering';
import type { WordGrid, WordRowSource } from './positions';
import { walkXml, wordLocal, wordPrefix, XmlSyntaxError } from './xml';

/** The parts of a .docx the reader needs, as text (UTF-8 decoded by the host's unzip). */
export interface DocxParts {
  /** word/document.xml. */
  document: string;
  /** word/numbering.xml: what list paragraphs show ("• ", "1. "); without it every list item reads as a bullet. */
  numbering?: string | null;
  /** word/styles.xml: list numbering carried by paragraph styles ("Punktlista"). */
  styles?: string | null;
}

/** How docxToGrid names what it reads: the file (in messages) and the grid's sheet. */
export interface DocxReadOptions {
  /** The file's name, for messages ("rapport.docx"). */
  fileName?: string;
  /** The grid's sheet name (the hosts name the sheet they write it to). */
  sheetName?: string | null;
}

/** A paragraph being read. */
interface Para {
  parts: string[];
  numId: string | null;
  ilvl: number | null;
  style: string | null;
}

/** A table cell: its paragraphs' texts and how it spans the table grid. */
interface CellDraft {
  paragraphs: string[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
  hMerge: 'restart' | 'continue' | null;
}

interface RowDraft {
  cells: CellDraft[];
  /** Grid columns left empty before the first cell (w:gridBefore) and after the last (w:gridAfter). */
  before: number;
  after: number;
}

interface TableDraft {
  gridCols: number;
  rows: RowDraft[];
  row: RowDraft | null;
  cell: CellDraft | null;
  inGrid: boolean;
}

type Block = { kind: 'p'; text: string } | { kind: 'table'; table: TableDraft };

/**
 * Elements whose content is not the document's visible body text: tracked deletions and moves,
 * field codes, drawings and text boxes (their text is not read), references to notes and
 * comments, and tracked formatting changes (they hold old list settings).
 */
const SKIP = new Set([
  'del', 'moveFrom', 'delText', 'delInstrText', 'instrText', 'fldData',
  'drawing', 'pict', 'object',
  'footnoteReference', 'endnoteReference', 'commentReference', 'annotationRef',
  'pPrChange', 'rPrChange', 'tblPrChange', 'tcPrChange', 'trPrChange', 'sectPrChange', 'numberingChange', 'tblGridChange',
  'sectPr', 'rPr',
]);

const isBlank = (s: string) => !/\S/.test(s);

function intOf(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}

/** Walks document.xml into blocks (paragraph texts with their list prefix, tables of cells). */
function readBlocks(parts: DocxParts, name: string): Block[] {
  const counters = new ListCounters(parseNumbering(parts.numbering, parts.styles));
  const blocks: Block[] = [];
  const paras: Para[] = [];
  const tables: TableDraft[] = [];
  let prefix = 'w';
  let root = true;
  let skip = 0;
  let inText = false;
  let inPPr = false;
  let rows = 0;
  const count = () => {
    if (++rows > DOCX_LIMITS.rows) throw docxError('too-many-rows', name);
  };
  const openTable = () => tables[tables.length - 1] ?? null;
  const push = (s: string) => {
    const p = paras[paras.length - 1];
    if (p && !inPPr) p.parts.push(s);
  };

  const endParagraph = (p: Para) => {
    const list = counters.listOf(p.numId, p.ilvl, p.style);
    const body = p.parts.join('');
    // A list item is counted even when empty (Word numbers it); an empty one still reads as empty.
    const mark = list ? counters.next(list.numId, list.ilvl) : '';
    const text = isBlank(body) ? '' : mark + body;
    const t = openTable();
    if (t && t.cell) t.cell.paragraphs.push(text);
    else {
      count();
      blocks.push({ kind: 'p', text });
    }
  };

  const endTable = (t: TableDraft) => {
    const parent = openTable();
    if (parent && parent.cell) {
      // A table inside a cell: each of its rows becomes a line of the cell, cells joined by " | ".
      for (const r of t.rows) {
        const line = r.cells.map((c) => c.paragraphs.filter((x) => !isBlank(x)).join(' ')).filter((x) => x !== '').join(' | ');
        parent.cell.paragraphs.push(line);
      }
    } else blocks.push({ kind: 'table', table: t });
  };

  walkXml(parts.document, {
    open(el, attrs) {
      if (root) {
        prefix = wordPrefix(attrs);
        root = false;
        // The main part of a spreadsheet or presentation (an .xlsx picked by mistake) is no Word document.
        if (wordLocal(el, prefix) !== 'document') throw docxError('no-document', name);
      }
      if (skip > 0) {
        skip++;
        return;
      }
      const local = wordLocal(el, prefix);
      if (local === null) {
        // Markup compatibility blocks hold drawings and text boxes twice (choice and fallback).
        if (el === 'AlternateContent' || el.endsWith(':AlternateContent')) skip = 1;
        return;
      }
      if (SKIP.has(local)) {
        skip = 1;
        return;
      }
      const val = attrs[prefix ? `${prefix}:val` : 'val'];
      const p = paras[paras.length - 1];
      const t = openTable();
      switch (local) {
        case 'p':
          paras.push({ parts: [], numId: null, ilvl: null, style: null });
          break;
        case 'pPr':
          inPPr = true;
          break;
        case 'pStyle':
          if (p && inPPr) p.style = val ?? null;
          break;
        case 'numId':
          if (p && inPPr) p.numId = val ?? null;
          break;
        case 'ilvl':
          if (p && inPPr) p.ilvl = intOf(val, 0);
          break;
        case 't':
          inText = true;
          break;
        case 'tab':
        case 'ptab':
          push(' ');
          break;
        case 'br':
        case 'cr':
          push('\n');
          break;
        case 'noBreakHyphen':
          push('-');
          break;
        case 'tbl':
          tables.push({ gridCols: 0, rows: [], row: null, cell: null, inGrid: false });
          break;
        case 'tblGrid':
          if (t) t.inGrid = true;
          break;
        case 'gridCol':
          if (t && t.inGrid) t.gridCols++;
          break;
        case 'tr':
          if (t) {
            if (tables.length === 1) count();
            t.row = { cells: [], before: 0, after: 0 };
            t.rows.push(t.row);
          }
          break;
        case 'gridBefore':
          if (t && t.row && !t.cell) t.row.before = Math.max(0, intOf(val, 0));
          break;
        case 'gridAfter':
          if (t && t.row && !t.cell) t.row.after = Math.max(0, intOf(val, 0));
          break;
        case 'tc':
          if (t) {
            if (!t.row) {
              t.row = { cells: [], before: 0, after: 0 };
              t.rows.push(t.row);
            }
            t.cell = { paragraphs: [], span: 1, vMerge: null, hMerge: null };
            t.row.cells.push(t.cell);
          }
          break;
        case 'gridSpan':
          if (t && t.cell) t.cell.span = Math.min(DOCX_LIMITS.columns + 1, Math.max(1, intOf(val, 1)));
          break;
        case 'vMerge':
          if (t && t.cell) t.cell.vMerge = val === 'restart' ? 'restart' : 'continue';
          break;
        case 'hMerge':
          if (t && t.cell) t.cell.hMerge = val === 'restart' ? 'restart' : 'continue';
          break;
        default:
      }
    },
    close(el) {
      if (skip > 0) {
        skip--;
        return;
      }
      const local = wordLocal(el, prefix);
      if (local === null) return;
      const t = openTable();
      switch (local) {
        case 't':
          inText = false;
          break;
        case 'pPr':
          inPPr = false;
          break;
        case 'p': {
          const p = paras.pop();
          if (p) endParagraph(p);
          break;
        }
        case 'tc':
          if (t) t.cell = null;
          break;
        case 'tr':
          if (t) t.row = null;
          break;
        case 'tblGrid':
          if (t) t.inGrid = false;
          break;
        case 'tbl': {
          const done = tables.pop();
          if (done) endTable(done);
          break;
        }
        default:
      }
    },
    text(s) {
      if (inText && skip === 0) push(s);
    },
  });
  return blocks;
}

/** A cell's text: its paragraphs joined with "\n", empty paragraphs at either end left out. */
function cellText(paragraphs: string[]): string {
  let a = 0;
  let b = paragraphs.length;
  while (a < b && isBlank(paragraphs[a])) a++;
  while (b > a && isBlank(paragraphs[b - 1])) b--;
  return paragraphs.slice(a, b).join('\n');
}

/** A header text as a column label: one line, at most 40 characters. */
function label(text: string): string | null {
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/**
 * Lays a table out on its grid: each row a grid row, each cell at its grid column (after
 * w:gridBefore and the spans left of it), a horizontal span (w:gridSpan, legacy w:hMerge) or a
 * vertical merge (w:vMerge restart … continue) as one merge with its text in the top-left cell.
 * Text in a continued cell (Word hides it) is added to the merged cell's, so nothing is lost; a
 * "continue" that does not line up with the cell above (another column or width) is a cell of its own.
 */
function layoutTable(t: TableDraft, name: string): { rows: CellValue[][]; merges: Merge[]; labels: (string | null)[] } {
  const rows = t.rows.map((r) => {
    // Legacy horizontal merges: a "continue" cell widens the cell before it.
    const cells: CellDraft[] = [];
    for (const c of r.cells) {
      const prev = cells[cells.length - 1];
      if (c.hMerge === 'continue' && prev) {
        prev.span += c.span;
        prev.paragraphs.push(...c.paragraphs.filter((x) => !isBlank(x)));
      } else cells.push({ ...c, paragraphs: [...c.paragraphs] });
    }
    return { ...r, cells };
  });
  let width = t.gridCols;
  for (const r of rows) width = Math.max(width, r.before + r.cells.reduce((s, c) => s + c.span, 0) + r.after);
  if (width > DOCX_LIMITS.columns) throw docxError('too-wide', name);
  const out: CellValue[][] = rows.map(() => Array<CellValue>(width).fill(null));
  const spans: number[][] = rows.map(() => Array<number>(width).fill(0));
  const merges: Merge[] = [];
  /** Vertical merges still open, by start column. */
  const open = new Map<number, { row: number; col: number; cols: number; last: number }>();
  const closed: { row: number; col: number; cols: number; last: number }[] = [];
  rows.forEach((r, i) => {
    let c = r.before;
    for (const cell of r.cells) {
      const text = cellText(cell.paragraphs);
      const m = open.get(c);
      if (cell.vMerge === 'continue' && m && m.last === i - 1 && m.cols === cell.span) {
        m.last = i;
        if (text) {
          const above = out[m.row][m.col];
          out[m.row][m.col] = above ? `${above}\n${text}` : text;
        }
      } else {
        for (const [k, o] of open) {
          if (k < c + cell.span && k + o.cols > c) {
            closed.push(o);
            open.delete(k);
          }
        }
        out[i][c] = text === '' ? null : text;
        spans[i][c] = cell.span;
        if (cell.vMerge === 'restart') open.set(c, { row: i, col: c, cols: cell.span, last: i });
        else if (cell.span > 1) merges.push({ row: i, col: c, rows: 1, cols: cell.span });
      }
      c += cell.span;
    }
  });
  closed.push(...open.values());
  for (const o of closed) if ((o.last - o.row + 1) * o.cols > 1) merges.push({ row: o.row, col: o.col, rows: o.last - o.row + 1, cols: o.cols });
  merges.sort((a, b) => a.row - b.row || a.col - b.col);
  // Column labels from the header row: the first row with two or more filled cells of one column each
  // (a title row spanning the table is not it); a column it leaves empty takes the text above it.
  const labels: (string | null)[] = Array<string | null>(width).fill(null);
  const header = out.findIndex((r, i) => r.filter((v, c) => v !== null && spans[i][c] === 1).length >= 2);
  if (header >= 0) {
    for (let c = 0; c < width; c++) {
      for (let r = header; r >= 0 && labels[c] === null; r--) {
        const v = out[r][c];
        if (v !== null && (r === header || spans[r][c] === 1)) labels[c] = label(String(v));
      }
    }
  }
  return { rows: out, merges, labels };
}

/**
 * Reads a Word document into a Grid, in document order: each paragraph outside tables is a row
 * with its text in the first column (a list item keeps what Word shows before it: "• " for a
 * bullet, "1. " for a numbered item; headings are text like any paragraph), each table row is a
 * row with each cell's paragraphs joined by "\n", merged cells (w:gridSpan, w:vMerge) are the
 * grid's `merges` with the value in the top-left cell only, and one blank row separates a table
 * from what is around it (as between tables on a sheet). Runs of empty paragraphs become one blank
 * row. Line breaks inside a paragraph are "\n", tabs a space. Deleted text (tracked changes), field
 * codes, drawings and text boxes are not read. Every row's Word origin is in `wordSource`.
 *
 * Pure: text in, grid out. Throws a DocxError (Swedish message) for XML that is not well-formed and
 * for a document past DOCX_LIMITS; never for content it does not know.
 */
export function docxToGrid(parts: DocxParts, opts: DocxReadOptions = {}): WordGrid {
  const name = opts.fileName ?? 'Word-filen';
  if (typeof parts.document !== 'string' || parts.document.length === 0) throw docxError('no-document', name);
  if (parts.document.length > DOCX_LIMITS.xmlChars) throw docxError('too-large-text', name);
  let blocks: Block[];
  try {
    blocks = readBlocks(parts, name);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw docxError('bad-xml', name);
    throw e;
  }
  const values: CellValue[][] = [];
  const sources: (WordRowSource | null)[] = [];
  const merges: Merge[] = [];
  const tables: { columnLabels: (string | null)[] }[] = [];
  let lastBlank = true;
  let blankAfterTable = false;
  const blank = () => {
    if (lastBlank) return;
    values.push([null]);
    sources.push(null);
    lastBlank = true;
  };
  let paragraph = 0;
  for (const b of blocks) {
    if (b.kind === 'p') {
      if (isBlank(b.text)) {
        blank();
        continue;
      }
      if (blankAfterTable) blank();
      blankAfterTable = false;
      values.push([b.text]);
      sources.push({ kind: 'paragraph', paragraph: ++paragraph });
      lastBlank = false;
      continue;
    }
    const laid = layoutTable(b.table, name);
    blank();
    const top = values.length;
    const table = tables.length + 1;
    laid.rows.forEach((r, i) => {
      values.push(r);
      sources.push({ kind: 'table', table, row: i + 1 });
    });
    for (const m of laid.merges) merges.push({ ...m, row: m.row + top });
    tables.push({ columnLabels: laid.labels });
    if (laid.rows.length) lastBlank = false;
    blankAfterTable = true;
  }
  while (values.length && sources[sources.length - 1] === null) {
    values.pop();
    sources.pop();
  }
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  for (const r of values) while (r.length < width) r.push(null);
  return {
    sheetName: opts.sheetName ?? null,
    origin: { row: 0, col: 0 },
    values,
    ...(merges.length ? { merges } : {}),
    wordSource: { rows: sources, tables },
  };
}
