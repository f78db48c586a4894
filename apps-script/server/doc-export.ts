// Saves a ReportDoc as a Google Doc and a PDF with the Advanced Drive service (Drive API v3, drive.file scope only): beside the spreadsheet when allowed, else in My Drive.
import type { ReportDoc } from '../../shared/report/report-doc';
import { DOC_CHARACTER_LIMIT, docCharacters, renderDocHtml } from '../../shared/report/render-doc-html';
import { SHEETS_UI } from '../../shared/i18n/sv-ui';

/** What the export made: links to show the user. */
export interface ExportResult {
  docName: string;
  docUrl: string;
  pdfName: string;
  pdfUrl: string;
  /** False when the spreadsheet's folder could not be reached (drive.file) and the files went to My Drive. */
  besideSpreadsheet: boolean;
}

/** The step an export stopped at ('size': refused before any file was made). */
export type ExportStep = keyof typeof SHEETS_UI.exportSteps | 'size';

/**
 * An export that stopped half-way. What it had created is removed before this is thrown;
 * `leftOver` names what could not be removed. `userMessage` is the Swedish text for the user.
 */
export class ExportError extends Error {
  constructor(public step: ExportStep, public leftOver: string[], public cause: unknown, private chars = 0) {
    super(`Export stopped at ${step}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  get userMessage(): string {
    if (this.step === 'size') return SHEETS_UI.reportTooLarge(this.chars, DOC_CHARACTER_LIMIT);
    const step = SHEETS_UI.exportSteps[this.step];
    return this.leftOver.length ? SHEETS_UI.exportLeftFiles(step, this.leftOver) : SHEETS_UI.exportFailed(step);
  }
}

const DOC_MIME = 'application/vnd.google-apps.document';
const PDF_MIME = 'application/pdf';
/** v3 returns only id, name, mimeType and kind unless `fields` asks for more (Drive API v3 "Return specific fields"). */
const FILE_FIELDS = 'id,name,webViewLink,parents';

function drive(): GoogleAppsScript.Drive {
  // The Advanced Drive service is enabled in appsscript.json (dependencies.enabledAdvancedServices).
  if (typeof Drive === 'undefined' || !Drive) throw new Error('The Advanced Drive service (Drive API v3) is not enabled.');
  return Drive;
}

/**
 * The spreadsheet's folder, or null. Under drive.file the Drive API reaches only files the app
 * created or the user opened with it ("Choose Google Drive API scopes"); an editor add-on's own
 * spreadsheet is not among them, so this answers 404 File not found and the files go to My Drive.
 */
function spreadsheetFolder(spreadsheetId: string): string | null {
  try {
    const f = drive().Files!.get(spreadsheetId, { fields: 'parents', supportsAllDrives: true });
    return f.parents?.[0] ?? null;
  } catch {
    return null;
  }
}

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

function create(resource: DriveFile, blob: GoogleAppsScript.Base.Blob): DriveFile {
  return drive().Files!.create(resource, blob, { fields: FILE_FIELDS, supportsAllDrives: true });
}

/**
 * The Doc, converted by Drive from the report's HTML (files.create with the Google Docs MIME type
 * "imports" an upload: Drive API "Upload file data", import to Google Docs types). Tried in the
 * spreadsheet's folder first; a folder drive.file does not reach answers 404/403, then My Drive.
 */
function createDoc(name: string, html: GoogleAppsScript.Base.Blob, folder: string | null): { doc: DriveFile; beside: boolean } {
  if (folder) {
    try {
      return { doc: create({ name, mimeType: DOC_MIME, parents: [folder] }, html), beside: true };
    } catch {
      // Not the app's folder under drive.file: fall through to My Drive.
    }
  }
  return { doc: create({ name, mimeType: DOC_MIME }, html), beside: false };
}

/**
 * The Doc as PDF bytes (files.export). The Advanced Drive service needs `alt: 'media'` here, or
 * it answers "Export requires alt=media to download the exported content" (issuetracker.google.com
 * 468534237, brucemcpherson/gas-fakes#117); files.export caps the export at 10 MB.
 */
function exportPdf(docId: string, name: string): GoogleAppsScript.Base.Blob {
  const out = (drive().Files!.export as unknown as (id: string, mime: string, o: object) => unknown)(docId, PDF_MIME, { alt: 'media' });
  const blob = out as GoogleAppsScript.Base.Blob | null;
  if (!blob || typeof blob.getBytes !== 'function' || blob.getBytes().length === 0) throw new Error('files.export returned no PDF content.');
  return blob.setName(name).setContentType(PDF_MIME);
}

/** Deletes a file the export created (files.delete is `Drive.Files.remove`: delete is reserved in JavaScript); false when that failed too. */
function removeQuietly(id: string): boolean {
  try {
    drive().Files!.remove(id, { supportsAllDrives: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves the report as a Google Doc named `fileName` and a PDF of it, both beside the spreadsheet
 * when the drive.file scope reaches its folder, otherwise in My Drive (`besideSpreadsheet` says
 * which). A failure after the Doc exists removes the Doc (and the PDF) before an ExportError.
 */
export function exportReport(report: ReportDoc, spreadsheetId: string, fileName: string): ExportResult {
  const pdfName = `${fileName}.pdf`;
  // Drive would refuse to convert it (or make a Doc Docs cannot open): say so before making anything.
  const chars = docCharacters(report);
  if (chars > DOC_CHARACTER_LIMIT) throw new ExportError('size', [], new Error(`${chars} characters`), chars);
  const html = Utilities.newBlob(renderDocHtml(report), 'text/html', `${fileName}.html`);
  const folder = spreadsheetFolder(spreadsheetId);
  let made: { doc: DriveFile; beside: boolean };
  try {
    made = createDoc(fileName, html, folder);
  } catch (e) {
    throw new ExportError('doc', [], e);
  }
  const { doc, beside } = made;
  const docId = doc.id!;
  let step: ExportStep = 'pdf';
  try {
    const bytes = exportPdf(docId, pdfName);
    step = 'savePdf';
    const pdf = create({ name: pdfName, mimeType: PDF_MIME, ...(beside && folder ? { parents: [folder] } : {}) }, bytes);
    return {
      docName: fileName,
      docUrl: doc.webViewLink ?? `https://docs.google.com/document/d/${docId}/edit`,
      pdfName,
      pdfUrl: pdf.webViewLink ?? `https://drive.google.com/file/d/${pdf.id}/view`,
      besideSpreadsheet: beside,
    };
  } catch (e) {
    throw new ExportError(step, removeQuietly(docId) ? [] : [fileName], e);
  }
}
