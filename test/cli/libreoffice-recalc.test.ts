// LibreOffice recalculates the built .xlsx (live formulas agree with the core, also after a user edit) and renders the .docx with the expected text.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { buildFromGrid, writeBuild, type BuildResult } from '../../cli/commands/build';
import { STATUS_LABEL } from '../../shared/i18n/sv';
import { LibreOffice, libreOfficeAvailable, parseCsv, pdfText } from '../support/libreoffice';
import { seedGrid } from '../support/seeds';

const run = libreOfficeAvailable('LibreOffice-omräkning av .xlsx och .docx → PDF');
const d = run ? describe : describe.skip;

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

  it.each(['eksjo-2019', 'eskilstuna-2019'])('%s: the .docx converts to a PDF with the report’s text', (seed) => {
    const text = pdfText(lo.toPdf(join(dir, `${seed}.docx`))).replace(/\s+/g, ' ');
    const f = built[seed].followUp;
    expect(text).toContain(`Uppföljning av medborgarlöften – ${f.kommun} 2019`);
    expect(text).toContain('Uppföljningen avser tredje tertialet 2019.');
    expect(text).toContain('Översikt');
    expect(text).toContain('Kontroller');
    if (seed === 'eskilstuna-2019') {
      expect(text).toContain('479 (1019)');
      expect(text).toContain("Ej uppnått (95 %");
      expect(text).toMatch(/Göksten 2019-\s?11-08/);
    } else {
      expect(text).toContain('ca 20');
      expect(text).toContain('Bedöm manuellt');
      expect(text).toContain("Uppnått (140 %");
    }
  });
});
