// Opening a .docx's bytes (JSZip): the files users pick by mistake get a clear Swedish message, never a stack trace, and the real ones read.
import { readFileSync } from 'fs';
import { join } from 'path';
import { docxParts, readDocx } from '../../../shared/docx/open-docx';
import { isDocxError, type DocxErrorCode } from '../../../shared/docx/errors';
import { DOCX_LIMITS } from '../../../shared/docx/limits';
import { checkDocxBytes } from '../../../shared/docx/sniff';
import { DOCX } from '../../../shared/i18n/sv-docx';
import { docxOf, documentXml, p, zipOf } from './wordml';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

/** The code and message readDocx rejects `bytes` with. */
async function refusal(bytes: Uint8Array, name = 'uppföljning.docx'): Promise<{ code: DocxErrorCode; message: string }> {
  try {
    await readDocx(bytes, { fileName: name });
  } catch (e) {
    expect(isDocxError(e)).toBe(true);
    const message = (e as Error).message;
    expect(message).not.toMatch(/\bat \S+ \(|Error:|undefined|\n/);
    return { code: (e as { code: DocxErrorCode }).code, message };
  }
  throw new Error('read without complaint');
}

/**
 * A Compound File Binary file (the container of a .doc and of a password-protected .docx) whose
 * directory names `streams`: header, one FAT sector, one directory sector.
 */
function cfbWith(streams: string[]): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 3);
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(0x18, 0x003e, true);
  dv.setUint16(0x1a, 0x0003, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // FAT sectors
  dv.setUint32(0x30, 1, true); // first directory sector
  dv.setUint32(0x38, 0x1000, true);
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  dv.setUint32(0x4c, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) dv.setUint32(0x4c + 4 * i, 0xffffffff, true);
  const fat = sector;
  dv.setUint32(fat, 0xfffffffd, true);
  dv.setUint32(fat + 4, 0xfffffffe, true);
  for (let i = 2; i < 128; i++) dv.setUint32(fat + 4 * i, 0xffffffff, true);
  ['Root Entry', ...streams].forEach((name, k) => {
    const at = sector * 2 + 128 * k;
    for (let i = 0; i < name.length; i++) dv.setUint16(at + 2 * i, name.charCodeAt(i), true);
    dv.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = k === 0 ? 5 : 2;
  });
  return out;
}

describe('files that are not a .docx', () => {
  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(0))).toEqual({ code: 'empty', message: DOCX.errors.empty('uppföljning.docx') });
  });

  it('a text file, a PDF, an .odt renamed', async () => {
    expect((await refusal(bytesOf(join(FIXTURES, 'eksjo-2019.txt')))).code).toBe('not-zip');
    expect((await refusal(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).code).toBe('not-zip');
    const odt = await zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' });
    expect(await refusal(odt)).toEqual({ code: 'no-document', message: DOCX.errors.noDocument('uppföljning.docx') });
  });

  it('a Word 97–2003 .doc (written by LibreOffice from the Eksjö seed)', async () => {
    expect(await refusal(bytesOf(join(FIXTURES, 'docx', 'eksjo-2019.doc')), 'eksjo-2019.doc')).toEqual({ code: 'legacy-doc', message: DOCX.errors.legacyDoc('eksjo-2019.doc') });
  });

  it('a password-protected Word file (an encrypted package in a CFB container) and a zip with a password', async () => {
    expect((await refusal(cfbWith(['EncryptionInfo', 'EncryptedPackage']))).code).toBe('encrypted');
    expect((await refusal(cfbWith(['WordDocument', '1Table']))).code).toBe('legacy-doc');
    expect((await refusal(cfbWith(['Workbook']))).code).toBe('other-office');
    // A zip whose entries say "encrypted" (general purpose bit 0), as a zip tool's password makes them.
    const zip = await docxOf(documentXml(p('Hemligt')));
    const locked = zip.slice();
    for (let i = 0; i + 4 <= locked.length; i++) {
      const sig = locked[i] | (locked[i + 1] << 8) | (locked[i + 2] << 16) | (locked[i + 3] << 24);
      if (sig === 0x04034b50) locked[i + 6] |= 1;
      if (sig === 0x02014b50) locked[i + 8] |= 1;
    }
    expect(await refusal(locked)).toEqual({ code: 'encrypted', message: DOCX.errors.encrypted('uppföljning.docx') });
  });

  it('a damaged zip, an .xlsx (a zip without word/document.xml), an empty zip', async () => {
    const damaged = new Uint8Array(4000);
    damaged.set([0x50, 0x4b, 0x03, 0x04]);
    for (let i = 4; i < damaged.length; i++) damaged[i] = (i * 7919) % 251;
    expect((await refusal(damaged)).code).toBe('bad-zip');
    const xlsx = bytesOf(join(FIXTURES, 'layouts', 'vimmerby-2023-summa-rad.xlsx'));
    expect((await refusal(xlsx, 'vimmerby.xlsx')).message).toBe(DOCX.errors.noDocument('vimmerby.xlsx'));
    expect((await refusal(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))).code).toBe('no-document');
  });

  it('a document.xml that is not XML', async () => {
    expect((await refusal(await docxOf('<w:document><w:body><w:p></w:body>'))).code).toBe('bad-xml');
  });
});

describe('documents past the limits', () => {
  it(`a file over ${DOCX_LIMITS.fileBytes / 1024 / 1024} MB is refused before it is unpacked, saying its size`, async () => {
    const big = new Uint8Array(DOCX_LIMITS.fileBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const r = await refusal(big);
    expect(r.code).toBe('too-large-file');
    expect(r.message).toBe(DOCX.errors.tooLargeFile('uppföljning.docx', big.length, DOCX_LIMITS.fileBytes));
    expect(r.message).toContain('10 MB');
    expect(() => checkDocxBytes(big, 'x.docx')).toThrow(/för stor/);
  });

  it('a small file whose document.xml unpacks past the limit (a zip bomb) is refused from the size its zip states', async () => {
    const filler = '<w:p/>'.repeat(Math.ceil((DOCX_LIMITS.xmlChars + 10) / 6));
    const bomb = await docxOf(documentXml(filler));
    expect(bomb.length).toBeLessThan(DOCX_LIMITS.fileBytes);
    expect((await refusal(bomb)).code).toBe('too-large-text');
  }, 30000);
});

describe('real .docx files', () => {
  it('unpacks document.xml, numbering.xml and styles.xml of a Word document (the docx package\'s)', async () => {
    const parts = await docxParts(bytesOf(join(FIXTURES, 'docx', 'eksjo-2019.docx')), 'eksjo-2019.docx');
    expect(parts.document).toContain('<w:body>');
    expect(parts.numbering).toContain('w:abstractNum');
    expect(parts.styles).toContain('w:style');
  });

  it('finds the main part from _rels/.rels when it is not word/document.xml', async () => {
    const zip = await zipOf({
      '_rels/.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>',
      'word/document2.xml': documentXml(p('Löfte 1')),
    });
    expect((await readDocx(zip, { fileName: 'x.docx', sheetName: 'Underlag – x' })).values).toEqual([['Löfte 1']]);
  });
});

describe('a Word document without text', () => {
  it('is refused with a message saying so (nothing to write as a sheet)', async () => {
    expect(await refusal(await docxOf(documentXml(p('') + p('  '))))).toEqual({ code: 'no-text', message: DOCX.errors.noText('uppföljning.docx') });
  });
});
