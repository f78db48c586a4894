// buildReport turns a follow-up into a Swedish report model shaped like the published follow-ups (both seeds, samples, earlier periods, judgements and comments).
import JSZip from 'jszip';
import { withStatus } from '../../../shared/calc/status';
import { buildReport, periodText, renderDocx, renderHtml, ReportDocSchema, type ReportBlock, type ReportDoc } from '../../../shared/report';
import { STATUS_COLOUR } from '../../../shared/i18n/sv';
import { eksjoSample, eskilstunaSample } from '../../support/sample-follow-ups';
import { importSeed } from '../../support/seeds';

type Table = Extract<ReportBlock, { type: 'table' }>;
const opts = { generatedAt: '2026-11-21T09:30:00.000Z' };

function texts(doc: ReportDoc): string[] {
  return doc.blocks.flatMap((b) => (b.type === 'heading' || b.type === 'paragraph' ? [b.text] : []));
}
/** The table that follows the heading `heading` (and its promise paragraph). */
function tableAfter(doc: ReportDoc, heading: string): Table {
  const i = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === heading);
  const t = doc.blocks.slice(i + 1).find((b) => b.type === 'table' || b.type === 'heading');
  if (!t || t.type !== 'table') throw new Error(`no table after ${heading}`);
  return t;
}
function row(t: Table, activityPrefix: string): string[] {
  const r = t.rows.find((x) => x[0].text.startsWith(activityPrefix));
  if (!r) throw new Error(`no row ${activityPrefix}`);
  return r.map((c) => c.text);
}

describe('buildReport on the imported Eskilstuna seed', () => {
  const f = importSeed('eskilstuna-2019');
  const doc = buildReport(f, opts);

  it('has the title, the reported tertial and the contradiction with the stated one', () => {
    expect(doc.title).toBe('Uppföljning av medborgarlöften – Eskilstuna 2019');
    expect(doc.blocks[0]).toEqual({ type: 'heading', level: 1, text: doc.title });
    expect(texts(doc)).toContain('Uppföljningen avser tredje tertialet 2019.');
    expect(texts(doc).some((t) => t.includes('anger tertial 1') && t.includes('till och med tertial 3'))).toBe(true);
    expect(texts(doc)).toContain('Sammanställd 2026-11-21 ur uppföljningens tabeller.');
  });

  it('counts activities per status word in the overview, with the rule behind each', () => {
    const overview = texts(doc).find((t) => t.startsWith('Uppföljningen omfattar'))!;
    expect(overview).toBe('Uppföljningen omfattar 10 löften och 4 aktiviteter med redovisning i tabell. Status: 2 Uppnått, 1 Ej uppnått, 1 Inget mål.');
    const t = tableAfter(doc, 'Översikt');
    expect(t.rows.map((r) => [r[0].text, r[1].text, r[0].status])).toEqual([
      ['Uppnått', '2', 'met'],
      ['Ej uppnått', '1', 'not-met'],
      ['Inget mål', '1', 'no-goal'],
    ]);
    expect(t.rows[1][2].text).toMatch(/Året är slut/);
  });

  it('writes one table per promise with cells as readers know them', () => {
    const l1 = tableAfter(doc, 'Löfte 1 (Polisen)');
    expect(l1.header).toEqual(['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3', 'Totalt', 'Mål', 'Status (andel av mål)']);
    expect(row(l1, 'Ingripande narkotikabrott')).toEqual([expect.any(String), '540', '479 (1019)', '451 (1470)', '1470', '', 'Inget mål']);
    const l3 = tableAfter(doc, 'Löfte 3 (Polisen)');
    expect(row(l3, 'Trygghetsvandring')[3]).toBe('Göksten 2019-11-08\nStadsparken 2019-11-12\nCentrala Thla 2019-11-20\nNyfors 2019-11-26');
    expect(row(l3, 'Trygghetsvandring')[5]).toContain('(Skiftinge, Lagersberg)');
    expect(row(l3, 'Medborgarforum')[1]).toBe('Fröslunda 2019-05-02');
    const l4 = tableAfter(doc, 'Löfte 4 (Polisen)');
    const traffic = l4.rows[0];
    expect(traffic.map((c) => c.text).slice(1, 5)).toEqual(['83', '43 (126)', '64 (190)', '190']);
    expect(traffic[6]).toMatchObject({ text: 'Ej uppnått (95 %)', status: 'not-met', bold: true });
  });

  it('says so for promises that have no follow-up table', () => {
    const i = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Löfte 2 (Polisen)');
    expect(doc.blocks[i + 2]).toEqual({ type: 'paragraph', tone: 'muted', text: 'Ingen uppföljningstabell för detta löfte.' });
  });

  it('charts total against goal for activities with a numeric goal', () => {
    const chart = doc.blocks.find((b) => b.type === 'chart');
    if (!chart || chart.type !== 'chart') throw new Error('no chart');
    expect(chart.bars.map((b) => [b.label.slice(0, 16), b.status, b.text])).toEqual([
      ['Trygghetsvandrin', 'met', '4 av 2 (200 %)'],
      ['Medborgarforum', 'met', '3 av 1 (300 %)'],
      ['Trafikkontroll i', 'not-met', '190 av 200 (95 %)'],
    ]);
    expect(chart.svg).toContain(`fill="${STATUS_COLOUR['not-met'].fill}"`);
    expect(chart.svg).toContain('Ej uppnått: 190 av 200 (95 %)');
  });

  it('lists every finding, errors first, with its cell', () => {
    const t = tableAfter(doc, 'Kontroller');
    expect(t.rows).toHaveLength(f.findings.length);
    expect(t.rows.map((r) => r[2].text).sort()).toEqual(f.findings.map((x) => x.message).sort());
    expect(t.rows.some((r) => r[1].text === 'B119' && r[2].text.includes('Fröslunda 2019-05-02'))).toBe(true);
    const order = t.rows.map((r) => ['Fel', 'Varning', 'Info'].indexOf(r[0].text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('is JSON-safe and valid against its schema', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(ReportDocSchema.parse(doc)).toEqual(doc);
  });
});

describe('buildReport on the imported Eksjö seed', () => {
  const doc = buildReport(importSeed('eksjo-2019'), opts);

  it('shows approximate counts and running totals as written, and asks for manual assessment of prose', () => {
    const l1 = tableAfter(doc, 'Löfte 1');
    expect(row(l1, 'Ökad polisiär närvaro').slice(1, 7)).toEqual(['ca 20', 'ca 10 (ca 30)', 'minst 10 (minst 40)', 'minst 40', '', 'Inget mål']);
    const walks = row(l1, 'Kommunen ska genomföra en trygghetsvandring');
    expect(walks[6]).toBe('Bedöm manuellt');
    expect(walks[2]).toContain('intervjuer med ca 200 personer');
    const l2 = tableAfter(doc, 'Löfte 2');
    expect(row(l2, 'Genomföra minst tio riktade insatser').slice(1, 7)).toEqual(['6', '5 (11)', '3 (14)', '14', 'minst 10 riktade insatser', 'Uppnått (140 %)']);
    expect(row(l2, 'Polisen och kommunen lovar').slice(1, 5)).toEqual(['1', '1 (2)', '2 (4)', '4']);
    expect(texts(doc)).toContain('Uppföljningen avser tredje tertialet 2019.');
    expect(texts(doc).some((t) => t.startsWith('Dokumentet anger'))).toBe(false);
  });
});

describe('buildReport at an earlier tertial', () => {
  it('greys data after the reported tertial and judges against the expected share', () => {
    const doc = buildReport(eskilstunaSample(2), opts);
    expect(texts(doc)).toContain('Uppföljningen avser andra tertialet 2019.');
    // The sample numbers promises 1–3 (its Löfte 4 is the third promise).
    const t = tableAfter(doc, 'Löfte 3 (Polisen)');
    const traffic = t.rows[0];
    expect(traffic[3]).toMatchObject({ text: '64 (190)', muted: true });
    expect(traffic[2].muted).toBe(false);
    expect(traffic[4].text).toBe('126');
    // 126 < 200 × 2/3 ≈ 133 with a tertial left: behind plan.
    expect(traffic[6]).toMatchObject({ text: 'Efter plan (63 %)', status: 'behind' });
  });

  it('works on the hand-built Eksjö sample with no findings', () => {
    const doc = buildReport(eksjoSample(1), opts);
    expect(texts(doc)).toContain('Uppföljningen avser första tertialet 2019.');
    const i = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Kontroller');
    expect(doc.blocks[i + 1]).toEqual({ type: 'paragraph', tone: 'normal', text: 'Inga anmärkningar.' });
    const l2 = tableAfter(doc, 'Löfte 2');
    // 6 ≥ 10 × 1/3 → on track after tertial 1.
    expect(row(l2, 'Genomföra minst tio')[6]).toBe('Enligt plan (60 %)');
  });
});

describe('periodText', () => {
  const base = { approx: false, lowerBound: false, kind: 'count' as const, milestone: null, events: [], cell: null };
  it('shows the running total again when the kept text states it and it adds up', () => {
    expect(periodText({ ...base, value: 479, cumulative: 1019, statedCumulative: null, text: '479 (1019)' })).toBe('479 (1019)');
  });
  it('shows the recomputed running total, not a stated one that does not add up', () => {
    expect(periodText({ ...base, value: 479, cumulative: 1019, statedCumulative: 1090, text: '479 (1090)' })).toBe('479 (1019)');
  });
  it('shows no bracket in the first period or when nothing was added before', () => {
    expect(periodText({ ...base, value: 540, cumulative: 540, statedCumulative: null, text: '540' })).toBe('540');
  });
  it('lists events one per line', () => {
    const events = [{ place: 'Göksten', date: '2019-11-08', cell: null }, { place: 'Stadsparken', date: '2019-11-12', cell: null }];
    expect(periodText({ ...base, kind: 'events', value: 2, cumulative: 2, statedCumulative: null, events, text: '' } as never)).toBe('Göksten 2019-11-08\nStadsparken 2019-11-12');
  });
});

describe('buildReport with judgements and comments', () => {
  /** Eksjö with a suggested judgement, an own status and comments on the prose-only walk, and a user's judgement on a counted activity. */
  function judged() {
    const f = eksjoSample(3);
    const walk = f.promises[0].activities[1];
    f.promises[0].activities[1] = withStatus(
      {
        ...walk,
        judgement: { value: 'done', phrase: 'Genomförts tillsammans med polisen', cell: 'D24', source: 'text' },
        sourceStatus: { cell: 'E24', text: 'Klar' },
        comments: [{ cell: 'F24', text: 'Vandringen i Mariannelund flyttades till hösten.' }, { cell: null, text: '<b>Ny</b> vandring 2020' }],
      },
      3,
    );
    f.promises[1].activities[0] = withStatus({ ...f.promises[1].activities[0], judgement: { value: 'partly-met', phrase: '', cell: null, source: 'user' } }, 3);
    return f;
  }

  it('a status a judgement gave says "bedömd"; a column carries the judgement (a suggestion says so), the own status and the comments', () => {
    const doc = buildReport(judged(), opts);
    const l1 = tableAfter(doc, 'Löfte 1');
    expect(l1.header).toEqual(['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3', 'Totalt', 'Mål', 'Status (andel av mål)', 'Bedömning och kommentar']);
    const walk = row(l1, 'Kommunen ska genomföra en trygghetsvandring');
    expect(walk[6]).toBe('Uppnått (bedömd)');
    expect(walk[7]).toBe(
      'Bedömning: Genomförd (förslag från texten: «Genomförts tillsammans med polisen»)\nEgen status i underlaget: Klar\nVandringen i Mariannelund flyttades till hösten.\n<b>Ny</b> vandring 2020',
    );
    expect(row(l1, 'Ökad polisiär närvaro')[7]).toBe('');
    // The user's judgement overrides the count's status; what the counts give stays visible.
    const l2 = tableAfter(doc, 'Löfte 2');
    expect(row(l2, 'Genomföra minst tio')[6]).toBe('Ej uppnått (bedömd; beräknad: Uppnått) (140 %)');
    expect(row(l2, 'Genomföra minst tio')[7]).toBe('Bedömning: Delvis uppnått');
    expect(ReportDocSchema.parse(doc)).toEqual(doc);
  });

  it('tables of promises without judgements or comments keep their columns', () => {
    const doc = buildReport(eksjoSample(3), opts);
    expect(tableAfter(doc, 'Löfte 1').header).toHaveLength(7);
  });

  it('the HTML and .docx show the judgement column, with sheet text escaped', async () => {
    const doc = buildReport(judged(), opts);
    const html = renderHtml(doc);
    expect(html).toContain('<th scope="col">Bedömning och kommentar</th>');
    expect(html).toContain('&lt;b&gt;Ny&lt;/b&gt; vandring 2020');
    expect(html).toContain('Uppnått (bedömd)');
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Bedömning och kommentar');
    expect(xml).toContain('Egen status i underlaget: Klar');
  });
});
