// Öppna Word-fil on the server: the .docx arrives from the sidebar as base64, is unpacked with Utilities.unzip and read by the core's Word reader.
import { docxError, isDocxError } from '../../shared/docx/errors';
import { DOCX_LIMITS } from '../../shared/docx/limits';
import { mainPartPath, sidePartPaths } from '../../shared/docx/package';
import type { WordGrid } from '../../shared/docx/positions';
import { docxToGrid } from '../../shared/docx/read-docx';
import { checkDocxBytes } from '../../shared/docx/sniff';

type Blob = GoogleAppsScript.Base.Blob;

/** Java's signed bytes (what Utilities hands over) as an Uint8Array. */
function unsigned(bytes: GoogleAppsScript.Byte[]): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] & 255;
  return out;
}

/**
 * Reads a .docx sent as base64 into a Grid named `sheetName`. Service calls: one base64Decode,
 * one newBlob, one unzip and one getDataAsString per part read, whatever the document's size.
 * Throws a DocxError (Swedish message naming `fileName`) for a file that is too large, empty, a
 * .doc, password-protected, not a zip, without word/document.xml, or without any text.
 */
export function readWordFile(fileName: string, base64: string, sheetName: string | null): WordGrid {
  // Refused before decoding: 4 base64 characters carry 3 bytes.
  const approx = Math.floor((base64.length * 3) / 4);
  if (approx > DOCX_LIMITS.fileBytes) throw docxError('too-large-file', fileName, approx);
  let raw: GoogleAppsScript.Byte[];
  try {
    raw = Utilities.base64Decode(base64);
  } catch {
    throw docxError('not-zip', fileName);
  }
  checkDocxBytes(unsigned(raw), fileName);
  let files: Blob[];
  try {
    files = Utilities.unzip(Utilities.newBlob(raw, 'application/zip', fileName));
  } catch {
    throw docxError('bad-zip', fileName);
  }
  const byName = new Map<string, Blob>();
  for (const f of files) byName.set(String(f.getName()).replace(/^\/+/, ''), f);
  const text = (path: string): string | null => {
    const f = byName.get(path);
    return f ? f.getDataAsString('UTF-8') : null;
  };
  const path = mainPartPath((p) => byName.has(p), byName.has('word/document.xml') ? null : text('_rels/.rels'));
  if (!path) throw docxError('no-document', fileName);
  const side = sidePartPaths(path);
  const document = text(path) ?? '';
  if (document.length > DOCX_LIMITS.xmlChars) throw docxError('too-large-text', fileName);
  try {
    const grid = docxToGrid({ document, numbering: text(side.numbering), styles: text(side.styles) }, { fileName, sheetName });
    if (!grid.values.some((r) => r.some((v) => v !== null && String(v).trim() !== ''))) throw docxError('no-text', fileName);
    return grid;
  } catch (e) {
    if (isDocxError(e)) throw e;
    throw docxError('bad-xml', fileName);
  }
}
