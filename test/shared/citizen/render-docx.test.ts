// The citizen version as .docx, read back with JSZip: Word heading styles in order, language sv-SE, the same text and verdict words as the page, escaped text.
import JSZip from 'jszip';
import { buildCitizen, citizenAsReportDoc, citizenParagraphs, renderCitizenDocx, type CitizenDoc } from '../../../shared/citizen';
import { ReportDocSchema } from '../../../shared/report';
import { importSeed } from '../../support/seeds';

const opts = { generatedAt: '2026-11-21' };

async function documentXml(doc: CitizenDoc): Promise<{ xml: string; styles: string; core: string }> {
  const zip = await JSZip.loadAsync(await renderCitizenDocx(doc));
  return {
    xml: await zip.file('word/document.xml')!.async('string'),
    styles: await zip.file('word/styles.xml')!.async('string'),
    core: await zip.file('docProps/core.xml')!.async('string'),
  };
}

/** Paragraphs of document.xml as [style, text]. */
function paragraphs(xml: string): [string | null, string][] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null;
    const text = [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    return [style, text];
  });
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe('the citizen version as .docx', () => {
  const doc = buildCitizen(importSeed('eskilstuna-2019'), opts);

  it('uses Heading 1 for the title and Heading 2 for each promise and the contact section', async () => {
    const { xml } = await documentXml(doc);
    const heads = paragraphs(xml).filter(([s]) => s && /^Heading/.test(s));
    expect(heads[0]).toEqual(['Heading1', 'Medborgarlöften i Eskilstuna 2019']);
    expect(heads.slice(1).map(([s]) => s).every((s) => s === 'Heading2')).toBe(true);
    expect(heads.slice(1).map(([, t]) => t)).toEqual([...Array.from({ length: 10 }, (_, i) => `Löfte ${i + 1}`), 'Vill du veta mer?']);
  });

  it('is in Swedish (sv-SE) for Word\'s proofing and screen readers', async () => {
    const { styles, core } = await documentXml(doc);
    expect(styles).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="sv-SE"\/>[\s\S]*<\/w:rPrDefault>/);
    expect(core).toContain('<dc:title>Medborgarlöften i Eskilstuna 2019</dc:title>');
  });

  it('holds the same text as the page, verdict words included', async () => {
    const { xml } = await documentXml(doc);
    const text = paragraphs(xml).map(([, t]) => unescape(t).replace(/\s+/g, ' ').trim());
    const expected = citizenParagraphs(doc).map((p) => p.map((s) => s.text).join('').replace(/\s+/g, ' ').trim());
    for (const p of expected.filter((e) => !e.startsWith('Så gick det:'))) expect(text.some((t) => t.startsWith(p.replace(/ (Klart|Delvis klart|Inte klart|Ingen uppgift)\.$/, '')))).toBe(true);
    expect(text.filter((t) => t.startsWith('Så gick det:'))).toEqual(doc.verdicts.map((v) => `Så gick det: ${{ done: 'Klart', partly: 'Delvis klart', 'not-done': 'Inte klart', unknown: 'Ingen uppgift' }[v]}`));
    expect(text.join('\n')).toContain('Det blev 190 trafik- och trafikrelaterade kontroller. Målet var 200. Det saknas tio.');
  });

  it('lists the activities as bullets', async () => {
    const { xml } = await documentXml(doc);
    expect((xml.match(/<w:numPr>/g) ?? []).length).toBe(4);
  });

  it('escapes the kommun\'s markup', async () => {
    const f = importSeed('eksjo-2019');
    f.promises[0].text = 'Att <w:p>bryta</w:p> & "ut".';
    const { xml } = await documentXml(buildCitizen(f, opts));
    expect(xml).toContain('att &lt;w:p&gt;bryta&lt;/w:p&gt; &amp; &quot;ut&quot;.');
  });
});

describe('the citizen version as a ReportDoc (for the Google Doc export)', () => {
  it('keeps headings and the text, one paragraph per activity, the verdict as a lead paragraph', () => {
    const doc = buildCitizen(importSeed('eksjo-2019'), opts);
    const r = ReportDocSchema.parse(citizenAsReportDoc(doc));
    expect(r.title).toBe(doc.title);
    expect(r.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? [b.level, b.text] : null))).toEqual([
      [1, 'Medborgarlöften i Eksjö 2019'],
      [2, 'Löfte 1'],
      [2, 'Löfte 2'],
      [2, 'Vill du veta mer?'],
    ]);
    const texts = r.blocks.map((b) => (b.type === 'paragraph' ? b.text : ''));
    expect(texts).toContain('• Genomföra minst tio riktade insatser mot alkohol och droger i hela kommunen. Det blev 14 riktade insatser. Målet var minst tio. (Klart)');
    expect(r.blocks.filter((b) => b.type === 'paragraph' && b.tone === 'lead' && b.text.startsWith('Så gick det:'))).toHaveLength(2);
  });
});
