// Renders a ReportDoc as a .docx (the `docx` package; no Node-only APIs, so the add-in can lazy-load it in the browser).
import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { STATUS_COLOUR, STATUS_LABEL } from '../i18n/sv';
import { REPORT } from '../i18n/sv-report';
import type { ReportBar, ReportBlock, ReportCell, ReportDoc } from './report-doc';

/** A4 landscape with 2 cm margins, in twips: room for seven table columns. */
const PAGE = { width: 16838, height: 11906, margin: 1134 };
const CONTENT = PAGE.width - 2 * PAGE.margin;
const HEADER_FILL = 'DDEBF7';
const hex = (c: string) => c.replace('#', '').toUpperCase();

function runs(text: string, opts: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }));
}

function twips(widths: number[]): number[] {
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  return widths.map((w) => Math.round((w / sum) * CONTENT));
}

function dataCell(c: ReportCell, width: number): TableCell {
  const colour = c.status ? STATUS_COLOUR[c.status] : null;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: colour ? { type: ShadingType.CLEAR, color: 'auto', fill: hex(colour.fill) } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        children: runs(c.text, { bold: c.bold || undefined, italics: c.muted || undefined, color: colour ? hex(colour.font) : c.muted ? '7F7F7F' : undefined, size: 18 }),
      }),
    ],
  });
}

/** The repeated header row of a table: bold labels on the header fill. */
function headerRow(labels: readonly string[], w: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    children: labels.map(
      (h, i) =>
        new TableCell({
          width: { size: w[i], type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          children: [new Paragraph({ children: runs(h, { bold: true, size: 18 }) })],
        }),
    ),
  });
}

function table(header: string[], rows: ReportCell[][], widths: number[]): Table {
  const w = twips(widths);
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    rows: [
      headerRow(header, w),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => dataCell(c, w[i])) })),
    ],
  });
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** One bar as a borderless nested table: a shaded cell as long as the share (full width = 100 % or more). */
function barCell(b: ReportBar, width: number): TableCell {
  const inner = width - 160;
  const filled = Math.max(60, Math.round(Math.min(b.share, 1) * inner));
  const c = STATUS_COLOUR[b.status];
  const edge = { style: BorderStyle.SINGLE, size: 4, color: hex(c.font) };
  const cells = [
    new TableCell({
      width: { size: filled, type: WidthType.DXA },
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(c.fill) },
      borders: { top: edge, bottom: edge, left: edge, right: edge },
      children: [new Paragraph({ children: [new TextRun({ text: ' ', size: 16 })] })],
    }),
  ];
  if (inner - filled > 0) {
    cells.push(new TableCell({ width: { size: inner - filled, type: WidthType.DXA }, borders: NO_BORDERS, children: [new Paragraph('')] }));
  }
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Table({ width: { size: inner, type: WidthType.DXA }, columnWidths: cells.length === 2 ? [filled, inner - filled] : [filled], layout: TableLayoutType.FIXED, borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top, insideVertical: NO_BORDERS.top }, rows: [new TableRow({ children: cells })] }),
      new Paragraph(''),
    ],
  });
}

function chart(bars: ReportBar[]): Table {
  const w = twips([34, 36, 30]);
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    rows: [
      headerRow(REPORT.chartColumns, w),
      ...bars.map(
        (b) =>
          new TableRow({
            cantSplit: true,
            children: [
              dataCell({ text: b.label, status: null, bold: false, muted: false }, w[0]),
              barCell(b, w[1]),
              dataCell({ text: `${STATUS_LABEL[b.status]}: ${b.text}`, status: b.status, bold: false, muted: false }, w[2]),
            ],
          }),
      ),
    ],
  });
}

function blockChildren(b: ReportBlock, next: ReportBlock | undefined): (Paragraph | Table)[] {
  // Keep headings with what follows, and a paragraph with the table it introduces (not whole chains of sections).
  const keepNext = next !== undefined && (next.type === 'table' || next.type === 'chart');
  switch (b.type) {
    case 'heading': {
      const level = b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      return [new Paragraph({ heading: level, keepNext: true, children: runs(b.text) })];
    }
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          keepNext,
          children: runs(b.text, b.tone === 'lead' ? { size: 26 } : b.tone === 'muted' ? { color: '595959', size: 18, italics: true } : {}),
        }),
      ];
    case 'table':
      return [table(b.header, b.rows, b.widths), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'chart':
      return [chart(b.bars), new Paragraph({ spacing: { after: 120 }, children: [] })];
  }
}

/** The report as .docx bytes (A4 landscape, Swedish, status cells shaded in the status colour next to the word). */
export async function renderDocx(doc: ReportDoc): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Medborgarlöften',
    title: doc.title,
    description: REPORT.docTitle,
    styles: {
      default: { document: { run: { font: 'Arial', size: 21 } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 36, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 160 } } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, bold: true, color: '2F5597' }, paragraph: { spacing: { before: 280, after: 100 } } },
        { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 24, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children: doc.blocks.flatMap((b, i) => blockChildren(b, doc.blocks[i + 1])),
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}
