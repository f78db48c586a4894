// Tells a .docx (a zip) from what users pick by mistake — an old .doc, a password-protected file, anything else — by its first bytes.
import { docxError } from './errors';
import { DOCX_LIMITS } from './limits';

/** Compound File Binary (OLE2) signature: Word 97–2003 .doc, and every password-protected Office 2007+ file. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** True when `bytes` hold the UTF-16LE name of a CFB stream (its directory lists "EncryptionInfo", "WordDocument" …). */
function hasStreamName(bytes: Uint8Array, name: string): boolean {
  const n = name.length * 2;
  outer: for (let i = 0; i + n <= bytes.length; i++) {
    if (bytes[i] !== name.charCodeAt(0) || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < name.length; j++) if (bytes[i + 2 * j] !== name.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * Checks that `bytes` can be a .docx before anything unpacks them; throws a DocxError (Swedish
 * message naming `name`) for an empty or too large file, a password-protected Word file (an
 * encrypted OOXML package is a CFB file holding "EncryptionInfo"), a Word 97–2003 .doc (a CFB
 * file holding "WordDocument"), another old Office file, and anything that is not a zip.
 */
export function checkDocxBytes(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw docxError('empty', name);
  if (bytes.length > DOCX_LIMITS.fileBytes) throw docxError('too-large-file', name, bytes.length);
  if (startsWith(bytes, CFB)) {
    if (hasStreamName(bytes, 'EncryptionInfo') || hasStreamName(bytes, 'EncryptedPackage')) throw docxError('encrypted', name);
    if (hasStreamName(bytes, 'WordDocument')) throw docxError('legacy-doc', name);
    throw docxError('other-office', name);
  }
  // A zip starts with a local file header "PK\x03\x04" (an empty zip with "PK\x05\x06": no document in it).
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw docxError('not-zip', name);
  if (bytes[2] === 0x05 && bytes[3] === 0x06) throw docxError('no-document', name);
  if (bytes[2] !== 0x03 || bytes[3] !== 0x04) throw docxError('not-zip', name);
}
