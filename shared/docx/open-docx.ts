// Opens a .docx file's bytes in Node and the browser (JSZip): checks them, unpacks the parts the reader needs, and reads them into a Grid.
import JSZip from 'jszip';
import { docxError, isDocxError } from './errors';
import { DOCX_LIMITS } from './limits';
import type { WordGrid } from './positions';
import { docxToGrid, type DocxParts } from './read-docx';
import { checkDocxBytes } from './sniff';
import { mainPartPath, sidePartPaths, WORD_MAIN } from './package';

export { DocxError, isDocxError } from './errors';
export { DOCX_LIMITS } from './limits';
export { planWordSheet, wordSheetName } from './source-sheet';

/** Unpacked size of a zip entry as its header states it (JSZip keeps it on a private field), or null. */
function statedSize(file: JSZip.JSZipObject): number | null {
  const n = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/**
 * The parts of a .docx the reader needs (document.xml, numbering.xml, styles.xml) from its bytes.
 * Throws a DocxError (Swedish message naming `fileName`) for a file that is not a readable .docx:
 * empty, too large, a Word 97–2003 .doc, password-protected, not a zip, a damaged zip, a zip
 * without word/document.xml, or a document.xml past the size limit.
 */
export async function docxParts(bytes: Uint8Array, fileName: string): Promise<DocxParts> {
  checkDocxBytes(bytes, fileName);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    // JSZip: "Encrypted zip are not supported" for a zip with a password of its own.
    throw docxError(/encrypt/i.test(e instanceof Error ? e.message : '') ? 'encrypted' : 'bad-zip', fileName);
  }
  // _rels/.rels is read only when word/document.xml is not there.
  const relsFile = zip.file('_rels/.rels');
  const rels = zip.file(WORD_MAIN) || !relsFile ? null : await relsFile.async('string').catch(() => null);
  const path = mainPartPath((p) => zip.file(p) !== null, rels);
  if (!path) throw docxError('no-document', fileName);
  const main = zip.file(path) as JSZip.JSZipObject;
  const size = statedSize(main);
  if (size !== null && size > DOCX_LIMITS.xmlChars) throw docxError('too-large-text', fileName);
  const side = sidePartPaths(path);
  const text = async (p: string): Promise<string | null> => {
    const f = zip.file(p);
    if (!f) return null;
    const n = statedSize(f);
    return n !== null && n > DOCX_LIMITS.xmlChars ? null : f.async('string');
  };
  try {
    const [document, numbering, styles] = await Promise.all([main.async('string'), text(side.numbering), text(side.styles)]);
    return { document, numbering, styles };
  } catch (e) {
    if (isDocxError(e)) throw e;
    throw docxError('bad-zip', fileName);
  }
}

/**
 * Reads a .docx file (its bytes) into a Grid: see `docxToGrid` for the layout and `docxParts` for
 * the files it refuses; a document without any text is refused too. Every problem is a DocxError
 * with a Swedish message; nothing else escapes.
 */
export async function readDocx(bytes: Uint8Array, opts: { fileName: string; sheetName?: string | null }): Promise<WordGrid> {
  const parts = await docxParts(bytes, opts.fileName);
  try {
    const grid = docxToGrid(parts, { fileName: opts.fileName, sheetName: opts.sheetName ?? null });
    if (!grid.values.some((r) => r.some((v) => v !== null && String(v).trim() !== ''))) throw docxError('no-text', opts.fileName);
    return grid;
  } catch (e) {
    if (isDocxError(e)) throw e;
    // Anything unforeseen inside the reader still reaches the user as a Swedish sentence.
    throw docxError('bad-xml', opts.fileName);
  }
}
