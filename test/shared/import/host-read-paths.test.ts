// The same sheet imports the same in every host: one merged layout through the CLI's xlsx reader, the Excel adapter and the Apps Script reader.
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { gridFromXlsx } from '../../../cli/read-input';
import { mergesFromAddress, readSource, type ExcelHost } from '../../../addin/excel-adapter';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { normalizeGrid, type Grid } from '../../../shared/model/grid';
import { previewOf } from '../../../shared/app/preview';
import { parseA1Range } from '../../../shared/model/a1';
import { FakeWorkbook } from '../../support/excel-fake';
import { loadBundle, makeGasEnv } from '../../support/gas-fakes';
import { LAYOUT_DIR, layoutFixtures } from '../../fixtures/layouts/score';

// The Apps Script reader, as the bundle has it (its file uses Apps Script types, which the test build does not load).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSheetGrid } = require('../../../apps-script/server/sheets-adapter') as { readSheetGrid: (sheet: unknown) => Grid };

type Value = string | number | Date | null;

/** A sheet as its owner keeps it: values (dates as dates), number formats and merged ranges. */
interface Sheet {
  name: string;
  rows: Value[][];
  formats: Record<string, string>;
  merges: string[];
}

const DATE_SERIAL_ZERO = Date.UTC(1899, 11, 30);
const serial = (d: Date) => Math.round((d.getTime() - DATE_SERIAL_ZERO) / 86400000);

/** One merged layout with what hosts disagree on: a two-row header, merged Löfte cells, digit groups, a date, a line break. */
const MERGED: Sheet = {
  name: 'Uppföljning 2023',
  rows: [
    ['Uppföljning av medborgarlöftet i Kalmar kommun'],
    [],
    ['Löfte', 'Åtgärd', 'Mål', 'Utfall 2023', null, null, 'Totalt', 'Kommentar'],
    [null, null, null, 'T1', 'T2', 'T3', null, null],
    ['Tryggare Kalmar centrum kvällstid', 'Alkoholutandningsprov vid nykterhetskontroller', 3000, 412, 1019, 1386, 2817, 'Kontroller på\nStensö och Varvsholmen'],
    [null, 'Trygghetsvandringar', 4, 1, 1, 2, 4, new Date('2023-10-12T00:00:00Z')],
    ['Färre unga i kriminalitet', 'Föräldramöten', 6, 2, 0, 3, 6, null],
  ],
  formats: { C5: '#,##0', D5: '#,##0', E5: '#,##0', F5: '#,##0', G5: '#,##0', H6: 'yyyy-mm-dd' },
  merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4', 'H3:H4', 'A5:A6'],
};

async function xlsxOf(s: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(s.name);
  s.rows.forEach((row, r) => row.forEach((v, c) => { if (v !== null) ws.getCell(r + 1, c + 1).value = v; }));
  for (const [a, f] of Object.entries(s.formats)) ws.getCell(a).numFmt = f;
  for (const m of s.merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The sheet as an .xlsx file holds it (ExcelJS), back as a Sheet: values, formats and merges. */
async function sheetOfXlsx(file: string): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(LAYOUT_DIR, file)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: Value[][] = [];
  const formats: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    rows[r - 1] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      rows[r - 1][c - 1] = cell.value as Value;
      if (cell.numFmt) formats[cell.address] = cell.numFmt;
    });
  });
  return { name: ws.name, rows: Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null)), formats, merges: (ws.model as { merges?: string[] }).merges ?? [] };
}

/** Excel holds a merge's value in its top-left cell, dates as serial numbers with a date format. */
function excelBook(s: Sheet, requirementSets?: string[]): FakeWorkbook {
  const book = new FakeWorkbook(requirementSets);
  const sheet = book.addGrid(s.name, s.rows.map((r) => r.map((v) => (v instanceof Date ? serial(v) : v))));
  for (const [a, f] of Object.entries(s.formats)) {
    const p = parseA1Range(a)!;
    sheet.cell(p.row, p.col, true)!.numberFormat = f;
  }
  sheet.merges.push(...s.merges);
  return book;
}

/** Sheets likewise: the top-left cell holds the value; the spreadsheet is Swedish (digit groups with a no-break space). */
function gasEnv(s: Sheet) {
  const env = makeGasEnv();
  env.ss.locale = 'sv_SE';
  const sheet = env.ss.addSheetWithRows(s.name, s.rows.map((r) => r.map((v) => (v instanceof Date ? serial(v) : v))));
  for (const [a, f] of Object.entries(s.formats)) {
    const p = parseA1Range(a)!;
    sheet._cell(p.row, p.col).numberFormat = f;
  }
  sheet.merges.push(...s.merges);
  return { env, sheet };
}

const host = (b: FakeWorkbook) => b as unknown as ExcelHost;

/** The three read paths' grids for one sheet. */
async function readEverywhere(s: Sheet) {
  const cli = await gridFromXlsx(await xlsxOf(s), undefined, `${s.name}.xlsx`);
  const book = excelBook(s);
  const excel = (await readSource(host(book), { mergedAreas: true })).grid;
  const { env, sheet } = gasEnv(s);
  env.log.reset();
  const gas = readSheetGrid(env.ss._wrapSheet(sheet));
  return { cli, excel, gas, book, env };
}

describe('one merged layout through every host', () => {
  test('the hosts hand over different grids: ExcelJS repeats merged values, Office.js and Sheets show digit groups and dates their way', async () => {
    const { cli, excel, gas } = await readEverywhere(MERGED);
    // Before the core's normalisation (what ExcelJS itself gives).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxOf(MERGED)) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('E3').value).toBe('Utfall 2023');
    expect(excel.values[4][4]).toBe(1019);
    expect(excel.values[5][7]).toBe(45211);
    expect(gas.texts?.[4][4]).toBe('1\u00A0019');
    // After: one grid.
    for (const g of [cli, excel, normalizeGrid(gas)]) {
      expect(g.values[2].slice(3, 6)).toEqual(['Utfall 2023', null, null]);
      expect(g.texts?.[4][4]).toBe('1019');
      expect(g.texts?.[5][7]).toBe('2023-10-12');
      expect(g.merges).toEqual(expect.arrayContaining([{ row: 2, col: 3, rows: 1, cols: 3 }, { row: 4, col: 0, rows: 2, cols: 1 }]));
    }
  });

  test('gives the same FollowUp through the CLI reader, the Excel adapter and the Apps Script reader', async () => {
    const { cli, excel, gas, book, env } = await readEverywhere(MERGED);
    const viaCli = importFollowUp(cli);
    expect(importFollowUp(excel)).toEqual(viaCli);
    expect(importFollowUp(gas)).toEqual(viaCli);
    // And what it is: the year from "Utfall 2023", both rows under the merged Löfte, counts from digit groups, comments kept.
    expect(viaCli).toMatchObject({ kommun: 'Kalmar', year: 2023, periodKind: 'tertial', reportedPeriod: 3 });
    const acts = viaCli.promises.flatMap((p) => p.activities.map((a) => [p.text, a.text, a.periods.map((x) => x.value), a.total, a.comments.map((c) => c.text)]));
    expect(acts).toEqual([
      ['Tryggare Kalmar centrum kvällstid', 'Alkoholutandningsprov vid nykterhetskontroller', [412, 1019, 1386], 2817, ['Kontroller på\nStensö och Varvsholmen']],
      ['Tryggare Kalmar centrum kvällstid', 'Trygghetsvandringar', [1, 1, 2], 4, ['2023-10-12']],
      ['Färre unga i kriminalitet', 'Föräldramöten', [2, 0, 3], 5, []],
    ]);
    expect(viaCli.findings.filter((f) => f.code === 'stated-total-mismatch').map((f) => f.cell)).toEqual(['G7']);
    // Round trips: one sync in Excel, merged areas asked for once; one getMergedRanges (and one A1 notation per merge) in Sheets.
    expect(book.syncs).toBe(1);
    expect(book.reads).toEqual(['getMergedAreasOrNullObject Uppföljning 2023!A1:XFD1048576']);
    expect(book.log.filter((l) => l !== 'sync')).toEqual([]);
    const h = env.log.histogram();
    expect([h['Range.getValues'], h['Range.getDisplayValues'], h['Range.getMergedRanges']]).toEqual([1, 1, 1]);
    expect(h['Range.getA1Notation']).toBe(MERGED.merges.length);
  });

  test('an Excel host older than ExcelApi 1.13 is read without merges, in one sync, to the same FollowUp', async () => {
    const old = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12'];
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: (_s: string, v: string) => old.includes(v) } } };
    try {
      const book = excelBook(MERGED, old);
      const res = await readSource(host(book));
      expect(book.syncs).toBe(1);
      expect(book.reads).toEqual([]);
      expect(res.grid.merges).toBeUndefined();
      expect(importFollowUp(res.grid)).toEqual(importFollowUp(await gridFromXlsx(await xlsxOf(MERGED), undefined, 'x.xlsx')));
    } finally {
      delete g.Office;
    }
  });

  test('the fake refuses merged areas on an old host, and the adapter recovers by reading without them', async () => {
    const book = excelBook(MERGED, ['1.1', '1.12']);
    const res = await readSource(host(book), { mergedAreas: true });
    expect(book.runs).toBe(2);
    expect(res.grid.values[4][1]).toBe('Alkoholutandningsprov vid nykterhetskontroller');
  });

  test('RangeAreas addresses with quoted sheet names become grid-relative merges', () => {
    expect(mergesFromAddress("'Blad 1, 2023'!A3:A4, 'Blad 1, 2023'!$D$3:$F$3, 'Blad 1, 2023'!H9", 2, 0)).toEqual([
      { row: 0, col: 0, rows: 2, cols: 1 },
      { row: 0, col: 3, rows: 1, cols: 3 },
    ]);
  });

  test('the built Apps Script bundle previews the same import as the CLI', async () => {
    const { env } = gasEnv(MERGED);
    const { run } = loadBundle(env);
    const res = run<{ ok: boolean; preview: unknown }>('preview');
    const viaCli = importFollowUp(await gridFromXlsx(await xlsxOf(MERGED), undefined, 'x.xlsx'));
    expect(res.ok).toBe(true);
    expect(res.preview).toEqual(JSON.parse(JSON.stringify(previewOf(viaCli))));
  }, 180000);
});

describe.each(layoutFixtures().filter((f) => f.endsWith('.xlsx')))('%s', (file) => {
  test('imports the same through the CLI reader, the Excel adapter and the Apps Script reader', async () => {
    const s = await sheetOfXlsx(file);
    const viaCli = importFollowUp(await gridFromXlsx(readFileSync(join(LAYOUT_DIR, file)), undefined, file));
    const book = excelBook(s);
    expect(importFollowUp((await readSource(host(book), { mergedAreas: true })).grid)).toEqual(viaCli);
    const { env, sheet } = gasEnv(s);
    expect(importFollowUp(readSheetGrid(env.ss._wrapSheet(sheet)))).toEqual(viaCli);
  });
});

test('normalizeGrid: merged cells empty but the top-left, one line break, digit groups dropped, dates and other texts kept', () => {
  const g = normalizeGrid({
    values: [['Löfte', 'Utfall 2023', 'Utfall 2023'], ['Trygg\r\nstad', 1019, 45211], ['Trygg\r\nstad', 20, 0.5]],
    texts: [['Löfte', 'Utfall 2023', 'Utfall 2023'], ['Trygg\r\nstad', '1 019', '2023-10-12'], ['Trygg\r\nstad', 'ca 20', '50 %']],
    merges: [{ row: 0, col: 1, rows: 1, cols: 2 }, { row: 1, col: 0, rows: 2, cols: 1 }, { row: 9, col: 9, rows: 2, cols: 2 }, { row: -1 }],
  });
  expect(g.values).toEqual([['Löfte', 'Utfall 2023', null], ['Trygg\nstad', 1019, 45211], [null, 20, 0.5]]);
  expect(g.texts).toEqual([['Löfte', 'Utfall 2023', ''], ['Trygg\nstad', '1019', '2023-10-12'], ['', 'ca 20', '50 %']]);
  expect(g.merges).toEqual([{ row: 0, col: 1, rows: 1, cols: 2 }, { row: 1, col: 0, rows: 2, cols: 1 }]);
  expect(JSON.parse(JSON.stringify(g))).toEqual(g);
});
