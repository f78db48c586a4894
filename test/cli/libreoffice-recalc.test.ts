// LibreOffice recalculates the built .xlsx (live formulas agree with the core, also after a user edit) and renders the .docx with the expected text.
// What LibreOffice renders is compared by words (test/support/pdf-text.ts), so other fonts and other line breaks pass too.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { buildFromGrid, writeBuild, type BuildResult } from '../../cli/commands/build';
import { STATUS_LABEL } from '../../shared/i18n/sv';
import { LibreOffice, libreOfficeAvailable, parseCsv } from '../support/libreoffice';
import { docxContent, missingInOrder, pdfStreamText, shows, type Shown } from '../support/pdf-text';
import { seedGrid } from '../support/seeds';

const run = libreOfficeAvailable('LibreOffice-omräkning av .xlsx och .docx → PDF');
const d = run ? describe : describe.skip;

const TRAFFIC = 'Trafikkontroll i utsatta områden (inklusive synlighet och kommunikativt förhållningssätt: STORM-HOBIT)';

/**
 * What each report must say, in document order: phrases, and table rows cell by cell (Aktivitet |
 * Tertial 1–3 | Totalt | Mål | Status). Written out here, not taken from the build, so a wrong report fails.
 */
const EXPECTED: Record<string, Shown[]> = {
  'eksjo-2019': [
    'Uppföljning av medborgarlöften – Eksjö 2019',
    'Uppföljningen avser tredje tertialet 2019.',
    'Sammanställd 2026-11-21 ur uppföljningens tabeller.',
    'Översikt',
    'Uppföljningen omfattar 2 löften och 7 aktiviteter med redovisning i tabell. Status: 3 Uppnått, 1 Inget mål, 3 Bedöm manuellt.',
    ['Ökad polisiär närvaro vid resecentrum', 'ca 20', 'ca 10 (ca 30)', 'minst 10 (minst 40)', 'minst 40', '', 'Inget mål'],
    [
      'Kommunen ska genomföra en trygghetsvandring vid andra samlingsplatser i övriga orter i Eksjö kommun.',
      '',
      'Genomfört intervjuer med ca 200 personer i de östra delarna av kommunen, där trygghetsaspekt varit ett område som berörts.',
      'Arbetsgruppsmöten med medborgare, tjänstepersoner och politik i den östra delen av kommunen där trygghet varit ett område som har diskuterats.',
      '',
      '1 trygghetsvandring',
      'Bedöm manuellt',
    ],
    ['Genomföra minst tio riktade insatser mot alkohol och droger i hela kommunen.', '6', '5 (11)', '3 (14)', '14', 'minst 10 riktade insatser', 'Uppnått (140 %)'],
    'Totalt mot mål',
    'Kontroller',
  ],
  'eskilstuna-2019': [
    'Uppföljning av medborgarlöften – Eskilstuna 2019',
    'Uppföljningen avser tredje tertialet 2019.',
    'Sammanställd 2026-11-21 ur uppföljningens tabeller.',
    'Översikt',
    'Uppföljningen omfattar 10 löften och 4 aktiviteter med redovisning i tabell. Status: 2 Uppnått, 1 Ej uppnått, 1 Inget mål.',
    ['Ingripande narkotikabrott (enligt STATUS; brottskod 5010, 5011)', '540', '479 (1019)', '451 (1470)', '1470', '', 'Inget mål'],
    [
      'Trygghetsvandring',
      '',
      '',
      'Göksten 2019-11-08\nStadsparken 2019-11-12\nCentrala Thla 2019-11-20\nNyfors 2019-11-26',
      '4',
      '2 trygghetsvandringar (Skiftinge, Lagersberg)',
      'Uppnått (200 %)',
    ],
    [TRAFFIC, '83', '43 (126)', '64 (190)', '190', '200 trafik- och trafikrelaterade kontroller', 'Ej uppnått (95 %)'],
    'Totalt mot mål',
    [TRAFFIC, '', 'Ej uppnått: 190 av 200 (95 %)'],
    'Kontroller',
  ],
};

/** A number as LibreOffice writes it in CSV ("1470", "0.95", "95%", "" for blank). */
function num(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const t = s.replace(/\s/g, '').replace(',', '.');
  return t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
}

/** Rows of the structured sheet keyed by activity ID, with columns by header name. */
function structuredRows(csv: string): Map<string, Record<string, string>> {
  const rows = parseCsv(csv);
  const h = rows.findIndex((r) => r[0] === 'ID');
  const header = rows[h];
  const out = new Map<string, Record<string, string>>();
  for (const r of rows.slice(h + 1)) {
    if (!/^A\d+/.test(r[0] ?? '')) continue;
    out.set(r[0], Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
  }
  return out;
}

d('LibreOffice on the built files', () => {
  let lo: LibreOffice;
  let dir: string;
  const built: Record<string, BuildResult> = {};
  beforeAll(async () => {
    lo = new LibreOffice();
    dir = mkdtempSync(join(tmpdir(), 'lo-build-'));
    for (const seed of ['eksjo-2019', 'eskilstuna-2019']) {
      built[seed] = buildFromGrid(seedGrid(seed), { generatedAt: '2026-11-21' });
      await writeBuild(built[seed], { xlsx: join(dir, `${seed}.xlsx`), docx: join(dir, `${seed}.docx`) });
    }
  });
  afterAll(() => {
    lo?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(['eksjo-2019', 'eskilstuna-2019'])('%s: recalculated Totalt, Andel av mål and Status equal the core’s numbers', (seed) => {
    const r = built[seed];
    const names = r.plans.map((p) => p.name);
    const csv = lo.xlsxToCsvSheets(join(dir, `${seed}.xlsx`), names);
    expect(Object.keys(csv).sort()).toEqual([...names].sort());
    const rows = structuredRows(csv['Medborgarlöften 2019']);
    const activities = r.followUp.promises.flatMap((p) => p.activities);
    expect(rows.size).toBe(activities.length);
    for (const a of activities) {
      const row = rows.get(a.id)!;
      expect([a.id, num(row.Totalt)]).toEqual([a.id, a.total]);
      const share = num(row['Andel av mål']);
      if (a.share === null) expect(share).toBeNull();
      else expect(share).toBeCloseTo(a.share, 2);
      expect([a.id, row.Status]).toEqual([a.id, STATUS_LABEL[a.status]]);
      a.periods.forEach((p, k) => expect([a.id, k, num(row[r.followUp.periodLabels[k]])]).toEqual([a.id, k, p.value]));
    }
    // The summary shows the same status words, and in-cell bars stand in for the chart ExcelJS cannot write.
    const summary = csv[names[3]];
    expect(summary).toContain(`Uppföljning av medborgarlöften – ${r.followUp.kommun} 2019`);
    for (const a of activities) expect(summary).toContain(STATUS_LABEL[a.status]);
    if (activities.some((a) => a.share !== null)) expect(summary).toMatch(/█+░*/);
  });

  it('follows a user’s edit: one more traffic check makes Eskilstuna’s goal met', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'eskilstuna-2019.xlsx'));
    const ws = wb.getWorksheet('Medborgarlöften 2019')!;
    let row = 0;
    ws.eachRow((r, i) => {
      if (r.getCell(1).value === 'A4') row = i;
    });
    expect(ws.getRow(row).getCell(10).value).toBe(64);
    ws.getRow(row).getCell(10).value = 74;
    ws.getCell('B4').value = 3;
    const edited = join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const rows = structuredRows(lo.xlsxToCsvSheets(edited, ['Medborgarlöften 2019'])['Medborgarlöften 2019']);
    expect(num(rows.get('A4')!.Totalt)).toBe(200);
    expect(rows.get('A4')!.Status).toBe('Uppnått');
  });

  it.each(['eksjo-2019', 'eskilstuna-2019'])('%s: the .docx converts to a PDF with the report’s text', async (seed) => {
    const docx = join(dir, `${seed}.docx`);
    // The .docx itself (its XML, no fonts involved) says what the report must say, cell by cell.
    const content = await docxContent(docx);
    expect(content.length).toBeGreaterThan(20);
    for (const item of EXPECTED[seed]) expect(content).toContainEqual(item);
    // LibreOffice's PDF shows all of it, in document order: every paragraph, and every table row
    // with its cells' words in order and no other words between them, wherever the lines break.
    const text = pdfStreamText(lo.toPdf(docx));
    expect(missingInOrder(text, EXPECTED[seed])).toEqual([]);
    expect(missingInOrder(text, content)).toEqual([]);
    // And not just any text: the same row with a wrong share or a wrong total is not shown.
    const [row] = EXPECTED[seed].filter((x): x is readonly string[] => Array.isArray(x) && x.length === 7).slice(-1);
    expect(shows(text, row)).toBe(true);
    expect(shows(text, [...row.slice(0, 6), row[6].replace(/\d+ %/, '96 %')])).toBe(false);
    expect(shows(text, [...row.slice(0, 4), '0', ...row.slice(5)])).toBe(false);
  });
});

describe('pdf-text: words of a rendered PDF, whatever the fonts and line breaks', () => {
  const row = [TRAFFIC, '83', '43 (126)', '64 (190)', '190', '200 trafik- och trafikrelaterade kontroller', 'Ej uppnått (95 %)'];
  // pdftotext -raw of that row as rendered with DejaVu Sans in place of Arial: cells in order, each wrapped its own way.
  const raw = [
    'Trafikkontroll i utsatta',
    'områden (inklusive synlighet',
    'och kommunikativt',
    'förhållningssätt: STORM-',
    'HOBIT)',
    '83 43 (126) 64 (190) 190 200 trafik- och',
    'trafikrelaterade',
    'kontroller',
    'Ej uppnått (95',
    '%)',
    'Löfte 5 (Kommunen)',
  ].join('\n');

  it('finds a row and its phrases across line breaks, also a break after a hyphen or inside a word', () => {
    expect(shows(raw, row)).toBe(true);
    expect(shows(raw, 'Ej uppnått (95 %)')).toBe(true);
    expect(shows('Stadsparken 2019-11-\n12', 'Stadsparken 2019-11-12')).toBe(true);
    expect(shows('2 trygghetsvandring\nar (Skiftinge,\nLagersberg)', '2 trygghetsvandringar (Skiftinge, Lagersberg)')).toBe(true);
    expect(missingInOrder(raw, [TRAFFIC, 'Ej uppnått (95 %)', 'Löfte 5 (Kommunen)'])).toEqual([]);
  });

  it('rejects another number, words of another column in between, a part of a word and the wrong order', () => {
    expect(shows(raw, [...row.slice(0, 6), 'Ej uppnått (96 %)'])).toBe(false);
    // How pdftotext -layout interleaved the cells on the other machine: not one row, not the phrase.
    const layout = '190 200 trafik- och Ej uppnått (95\nområden (inklusive synlighet trafikrelaterade %)';
    expect(shows(layout, 'Ej uppnått (95 %)')).toBe(false);
    expect(shows(layout, row)).toBe(false);
    expect(shows(raw, 'uppnå')).toBe(false);
    expect(shows('Ej uppnått', 'uppnått')).toBe(true);
    expect(shows('Ejuppnått', 'uppnått')).toBe(false);
    expect(missingInOrder(raw, ['Löfte 5 (Kommunen)', TRAFFIC])).toEqual([TRAFFIC]);
  });
});
