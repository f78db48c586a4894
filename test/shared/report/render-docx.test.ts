// renderDocx writes the report as a real .docx (zip with Word XML) holding the Swedish text and status shading.
import JSZip from 'jszip';
import { buildReport, renderDocx } from '../../../shared/report';
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { STATUS_COLOUR } from '../../../shared/i18n/sv';
import { eskilstunaSample } from '../../support/sample-follow-ups';
import { importSeed } from '../../support/seeds';

const opts = { generatedAt: '2026-11-21' };

/** Concatenated text of all w:t runs. */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('renderDocx', () => {
  let bytes: Uint8Array;
  let xml: string;
  beforeAll(async () => {
    bytes = await renderDocx(buildReport(importSeed('eskilstuna-2019'), opts));
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  });

  it('returns a Uint8Array that is a zip with the Word parts', async () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const zip = await JSZip.loadAsync(bytes);
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']) expect(zip.file(part)).not.toBeNull();
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('Uppföljning av medborgarlöften – Eskilstuna 2019');
  });

  it('holds the title, reported tertial, the tables and the findings as text', () => {
    const text = wordText(xml);
    for (const s of [
      'Uppföljning av medborgarlöften – Eskilstuna 2019',
      'Uppföljningen avser tredje tertialet 2019.',
      'Översikt',
      'Löfte 3 (Polisen)',
      '479 (1019)',
      '451 (1470)',
      'Göksten 2019-11-08',
      'Ej uppnått (95 %)',
      'Totalt mot mål',
      'Kontroller',
      'Händelsen Fröslunda 2019-05-02 i cellen B119',
    ]) expect(text).toContain(s);
  });

  it('shades status cells in the status colour and repeats table header rows', () => {
    const fill = (s: keyof typeof STATUS_COLOUR) => `w:fill="${STATUS_COLOUR[s].fill.slice(1)}"`;
    expect(xml).toContain(fill('met'));
    expect(xml).toContain(fill('not-met'));
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('escapes markup-looking sheet text into plain Word text', async () => {
    const f = eskilstunaSample();
    const hostile = FollowUpSchema.parse({ ...f, kommun: '<img src=x onerror=alert(1)> & Co' });
    const out = await renderDocx(buildReport(hostile, opts));
    const doc = await (await JSZip.loadAsync(out)).file('word/document.xml')!.async('string');
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(doc).not.toContain('<img');
  });
});
