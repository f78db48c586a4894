// Renders the core's ReportDoc into a Google Doc (DocumentApp) next to the spreadsheet, plus a PDF of it.
import type { ReportBlock, ReportDoc } from '../../shared/report/report-doc';
import { STATUS_COLOUR } from '../../shared/i18n/sv';

type Body = GoogleAppsScript.Document.Body;

/** What the export made: links to show the user. */
export interface ExportResult {
  docName: string;
  docUrl: string;
  pdfName: string;
  pdfUrl: string;
  /** False when the spreadsheet's folder could not be reached and the files stayed in My Drive. */
  besideSpreadsheet: boolean;
}

const HEADING: Record<1 | 2 | 3, () => GoogleAppsScript.Document.ParagraphHeading> = {
  1: () => DocumentApp.ParagraphHeading.HEADING1,
  2: () => DocumentApp.ParagraphHeading.HEADING2,
  3: () => DocumentApp.ParagraphHeading.HEADING3,
};

/** Text bar for the chart block ("██████░░░░" of 20): DocumentApp cannot draw the core's SVG. */
export function textBar(share: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round(Math.min(share, 1) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function appendBlock(body: Body, block: ReportBlock): void {
  switch (block.type) {
    case 'heading':
      body.appendParagraph(block.text).setHeading(HEADING[block.level]());
      return;
    case 'paragraph': {
      const p = body.appendParagraph(block.text);
      if (block.tone === 'muted') p.editAsText().setForegroundColor('#595959');
      if (block.tone === 'lead') p.editAsText().setBold(true);
      return;
    }
    case 'table': {
      const cells = [block.header, ...block.rows.map((r) => r.map((c) => c.text))];
      const table = body.appendTable(cells);
      table.setBorderColor('#BFBFBF');
      table.getRow(0).editAsText().setBold(true);
      // Status cells: fill and font of the status colour; the word is in the cell too.
      block.rows.forEach((r, i) =>
        r.forEach((c, j) => {
          if (c.status) {
            const colour = STATUS_COLOUR[c.status];
            table.getCell(i + 1, j).setBackgroundColor(colour.fill).editAsText().setForegroundColor(colour.font);
          } else if (c.muted) table.getCell(i + 1, j).editAsText().setForegroundColor('#808080');
        }),
      );
      return;
    }
    case 'chart': {
      body.appendParagraph(block.title).setHeading(DocumentApp.ParagraphHeading.HEADING3);
      if (!block.bars.length) return;
      const table = body.appendTable(block.bars.map((b) => [b.label, textBar(b.share), b.text]));
      table.setBorderColor('#FFFFFF');
      block.bars.forEach((b, i) => table.getCell(i, 1).editAsText().setForegroundColor(STATUS_COLOUR[b.status].font));
      return;
    }
  }
}

/**
 * Writes the report as a Google Doc named after its title, moves it into the spreadsheet's
 * folder, saves a PDF of it there, and returns links to both.
 */
export function exportReport(report: ReportDoc, spreadsheetId: string, fileName: string): ExportResult {
  const doc = DocumentApp.create(fileName);
  const body = doc.getBody();
  for (const block of report.blocks) appendBlock(body, block);
  // A new document starts with one empty paragraph; drop it when the report began after it.
  if (body.getNumChildren() > 1) {
    const first = body.getChild(0);
    if (first.getType() === DocumentApp.ElementType.PARAGRAPH && first.asParagraph().getText() === '') body.removeChild(first);
  }
  doc.saveAndClose();
  const file = DriveApp.getFileById(doc.getId());
  let folder: GoogleAppsScript.Drive.Folder | null = null;
  try {
    const parents = DriveApp.getFileById(spreadsheetId).getParents();
    folder = parents.hasNext() ? parents.next() : null;
    if (folder) file.moveTo(folder);
  } catch {
    folder = null;
  }
  const pdfBlob = file.getAs('application/pdf').setName(`${fileName}.pdf`);
  const pdf = folder ? folder.createFile(pdfBlob) : DriveApp.createFile(pdfBlob);
  // The Document is closed after saveAndClose(); its Drive file gives the link.
  return { docName: fileName, docUrl: file.getUrl(), pdfName: `${fileName}.pdf`, pdfUrl: pdf.getUrl(), besideSpreadsheet: folder !== null };
}
