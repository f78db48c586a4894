// The Word reader's one error type: a code for tests and hosts, and a Swedish message to show as is.
import { DOCX } from '../i18n/sv-docx';
import { DOCX_LIMITS } from './limits';

/** What is wrong with a Word file. */
export type DocxErrorCode =
  | 'empty'
  | 'not-zip'
  | 'encrypted'
  | 'legacy-doc'
  | 'other-office'
  | 'bad-zip'
  | 'no-document'
  | 'bad-xml'
  | 'too-large-file'
  | 'too-large-text'
  | 'too-many-rows'
  | 'too-wide'
  | 'no-text';

/** A Word file that cannot be read; `message` is Swedish, says what to do, and nothing has been written. */
export class DocxError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocxError';
  }
}

/** The DocxError for `code` about the file `name` (sizes in bytes where the message names one). */
export function docxError(code: DocxErrorCode, name: string, size = 0): DocxError {
  const e = DOCX.errors;
  const messages: Record<DocxErrorCode, () => string> = {
    empty: () => e.empty(name),
    'not-zip': () => e.notZip(name),
    encrypted: () => e.encrypted(name),
    'legacy-doc': () => e.legacyDoc(name),
    'other-office': () => e.otherOffice(name),
    'bad-zip': () => e.badZip(name),
    'no-document': () => e.noDocument(name),
    'bad-xml': () => e.badXml(name),
    'too-large-file': () => e.tooLargeFile(name, size, DOCX_LIMITS.fileBytes),
    'too-large-text': () => e.tooLargeText(name, DOCX_LIMITS.xmlChars),
    'too-many-rows': () => e.tooManyRows(name, DOCX_LIMITS.rows),
    'too-wide': () => e.tooWide(name, DOCX_LIMITS.columns),
    'no-text': () => e.noText(name),
  };
  return new DocxError(code, messages[code]());
}

/** True for a DocxError, also one thrown by another copy of this module (a lazily loaded chunk, the Apps Script bundle). */
export function isDocxError(e: unknown): e is DocxError {
  return e instanceof DocxError || (e instanceof Error && e.name === 'DocxError' && typeof (e as { code?: unknown }).code === 'string');
}
