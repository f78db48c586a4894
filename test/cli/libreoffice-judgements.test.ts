// LibreOffice recalculates a built workbook with judgements (suggestions, a user's over a count, prose judged, both scales) and an updated one: Status, Beräknad status and Totalt equal the core's at every reported period.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runBuild, buildFromGrid } from '../../cli/commands/build';
import { xlsxBuffer } from '../../cli/xlsx-adapter';
import { gridFromXlsx } from '../../cli/read-input';
import { withStatus } from '../../shared/calc/status';
import type { FollowUp } from '../../shared/model/follow-up';
import { EVENTS_SHEET, FINDINGS_SHEET, planImportSheets, structuredColumns, STRUCTURED_ROWS } from '../../shared/plan';
import { readSheetState } from '../../shared/update';
import { LibreOffice, libreOfficeAvailable, parseCsv } from '../support/libreoffice';
import { seedGrid } from '../support/seeds';
import { expectedCells } from '../shared/plan/agree';
import { gridToTsv, yearSources } from '../shared/update/walk';

const run = libreOfficeAvailable('LibreOffice-omräkning av status med bedömningar');
const d = run ? describe : describe.skip;
const SHEET = 'Medborgarlöften 2019';
const c = structuredColumns(3);

/** A number as LibreOffice writes it in CSV ("" for blank). */
const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s.replace(/\s/g, '').replace(',', '.')));

/** Rows of the structured sheet keyed by activity ID, with columns by header name. */
function rowsOf(csv: string): Map<string, Record<string, string>> {
  const rows = parseCsv(csv);
  const h = rows.findIndex((r) => r[0] === 'ID');
  const out = new Map<string, Record<string, string>>();
  for (const r of rows.slice(h + 1)) if (/^A\d+$/.test(r[0] ?? '')) out.set(r[0], Object.fromEntries(rows[h].map((name, i) => [name, r[i] ?? ''])));
  return out;
}

/** The follow-up a workbook file holds, as an update reads it (literal cells, event counts from Händelser; the core computes the statuses). */
async function modelOf(path: string): Promise<FollowUp> {
  const data = readFileSync(path);
  return readSheetState({ structured: await gridFromXlsx(data, SHEET, path), events: await gridFromXlsx(data, EVENTS_SHEET, path), findings: await gridFromXlsx(data, FINDINGS_SHEET, path) }).followUp;
}

/** Sets cells of activity rows by ID (and B4) in a workbook file, as a user would in a spreadsheet. */
async function edit(path: string, to: string, cells: { id?: string; row?: number; col: number; value: string | number | null }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(SHEET)!;
  for (const x of cells) {
    let row = x.row ?? 0;
    if (x.id) ws.eachRow((r, i) => { if (r.getCell(1).value === x.id) row = i - 1; });
    ws.getCell(row + 1, x.col + 1).value = x.value;
  }
  await wb.xlsx.writeFile(to);
}

d('LibreOffice agrees with the core on statuses with judgements', () => {
  let lo: LibreOffice;
  let dir: string;
  beforeAll(() => {
    lo = new LibreOffice();
    dir = mkdtempSync(join(tmpdir(), 'lo-judgements-'));
  });
  afterAll(() => {
    lo?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Recalculates a workbook in LibreOffice and compares every activity's Status, Beräknad status and Totalt with the core. */
  async function expectAgrees(path: string, label: string): Promise<FollowUp> {
    const f = await modelOf(path);
    const rows = rowsOf(lo.xlsxToCsvSheets(path, [SHEET])[SHEET]);
    const want = expectedCells(f, f.reportedPeriod);
    expect(rows.size).toBe(want.length);
    for (const w of want) {
      const r = rows.get(w.id)!;
      expect({ label, id: w.id, status: r.Status, computed: r['Beräknad status'], total: num(r.Totalt) }).toEqual({ label, id: w.id, status: w.status, computed: w.computed, total: w.total });
    }
    return f;
  }

  it('Eksjö with a suggestion kept, a user\'s judgement over a count, prose judged on both scales, at reported periods 3, 2 and 1', async () => {
    const f = buildFromGrid(seedGrid('eksjo-2019'), { generatedAt: '2020-01-10' }).imported;
    // Suggestions the importer read from the text: one on prose, one on a counted activity (which never overrides the count).
    const acts0 = f.promises.flatMap((p) => p.activities);
    const prose0 = acts0.filter((a) => a.total === null);
    const counted0 = acts0.filter((a) => a.total !== null);
    const suggest = (id: string, value: 'in-progress' | 'met') => {
      for (const p of f.promises) p.activities = p.activities.map((a) => (a.id === id ? withStatus({ ...a, judgement: { value, phrase: 'enligt texten', cell: a.cell, source: 'text' } }, 3) : a));
    };
    suggest(prose0[prose0.length - 1].id, 'in-progress');
    suggest(counted0[counted0.length - 1].id, 'met');
    writeFileSync(join(dir, 'eksjo.xlsx'), await xlsxBuffer(planImportSheets(f)));
    const acts = f.promises.flatMap((p) => p.activities);
    const counted = acts.filter((a) => a.total !== null);
    const prose = acts.filter((a) => a.total === null && !a.judgement);
    await edit(join(dir, 'eksjo.xlsx'), join(dir, 'eksjo-j3.xlsx'), [
      { id: counted[0].id, col: c.judgement, value: 'Ej uppnått' },
      { id: counted[1].id, col: c.judgement, value: 'Pågår' },
      ...prose.slice(0, 4).map((a, i) => ({ id: a.id, col: c.judgement, value: ['Uppnått', 'Delvis uppnått', 'Ej påbörjad', 'Inställd'][i] })),
    ]);
    const f3 = await expectAgrees(join(dir, 'eksjo-j3.xlsx'), 'T3');
    const judged = f3.promises.flatMap((p) => p.activities).filter((a) => a.judgement);
    expect(judged.filter((a) => a.judgement!.source === 'text')).toHaveLength(2);
    expect(judged.filter((a) => a.judgement!.source === 'user' && a.total !== null)).toHaveLength(2);
    for (const period of [2, 1]) {
      await edit(join(dir, 'eksjo-j3.xlsx'), join(dir, `eksjo-j${period}.xlsx`), [{ row: STRUCTURED_ROWS.reported, col: 1, value: period }]);
      await expectAgrees(join(dir, `eksjo-j${period}.xlsx`), `T${period}`);
    }
  });

  it('an updated workbook (T1 → user judgements → T2 update from the CLI) agrees too', async () => {
    const { counted, prose, source } = yearSources(seedGrid('eskilstuna-2019'));
    writeFileSync(join(dir, 'e1.txt'), gridToTsv(source(1)));
    writeFileSync(join(dir, 'e2.txt'), gridToTsv(source(2)));
    const io = { out: () => undefined, err: () => undefined };
    await runBuild([join(dir, 'e1.txt'), '-o', join(dir, 'e1.xlsx')], io);
    await edit(join(dir, 'e1.xlsx'), join(dir, 'e1j.xlsx'), [
      { id: counted[0].id, col: c.judgement, value: 'Delvis uppnått' },
      ...(prose[0] ? [{ id: prose[0].id, col: c.judgement, value: 'Genomförd' }] : []),
    ]);
    // Exit code 1: the raised T1 count no longer adds up to the source's running totals (an error finding of the source).
    expect(await runBuild([join(dir, 'e2.txt'), '--update', join(dir, 'e1j.xlsx'), '-o', join(dir, 'e2.xlsx')], io)).toBeLessThanOrEqual(1);
    const f = await expectAgrees(join(dir, 'e2.xlsx'), 'update');
    expect(f.promises.flatMap((p) => p.activities).find((a) => a.id === counted[0].id)!.judgement).toMatchObject({ value: 'partly-met', source: 'user' });
  });
});
