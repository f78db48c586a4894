// The Excel adapter against a recording fake of the Excel API: one sync to read, one to write, text stays text, same grid as ExcelJS.
import { applyPlans, blockFormulas, columnRuns, inspectSheets, needsQuotePrefix, readSource, SourceSheetError, type ExcelHost } from '../../addin/excel-adapter';
import { EXCEL_DESKTOP, FakeWorkbook, type FakeSheet } from '../support/excel-fake';
import { allFeaturesPlans, excelJsWrittenGrids, trimGrid } from '../support/contract';
import { importSeed, seedGrid, SEEDS } from '../support/seeds';
import { importFollowUp } from '../../shared/import/import-follow-up';
import { planImportSheets } from '../../shared/plan/index';
import type { PlanCell } from '../../shared/model/sheet-plan';
import { generateFollowUp } from '../bench/generate';
import { batchPlans, DEFAULT_REQUEST_BUDGET, planBytes } from '../../shared/app/split-plan';

const hostOf = (book: FakeWorkbook) => book as unknown as ExcelHost;

/**
 * A fake sheet's cells as ExcelJS reports them after reading the .xlsx back: numbers in a date
 * format come back as Dates (ISO strings in the contract's PlanCell form).
 */
function asRead(sheet: FakeSheet): PlanCell[][] {
  const g = sheet.grid() as PlanCell[][];
  return trimGrid(
    g.map((row, r) =>
      row.map((v, c) => {
        const nf = sheet.cell(r, c)?.numberFormat ?? 'General';
        if (typeof v === 'number' && /y/.test(nf) && /d/.test(nf)) return new Date(Date.UTC(1899, 11, 30) + v * 86400000).toISOString();
        return v;
      }),
    ),
  );
}

function bookWithSeed(name: string): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addGrid(name, seedGrid(name).values as (string | null)[][]);
  book.active = name;
  return book;
}

describe('readSource', () => {
  it.each(SEEDS)('reads the %s sheet in one sync and imports it like the seed text', async (seed) => {
    const book = bookWithSeed(seed);
    const res = await readSource(hostOf(book));
    expect(book.syncs).toBe(1);
    expect(res.grid.sheetName).toBe(seed);
    expect(res.sheetNames).toEqual([seed]);
    const viaExcel = importFollowUp(res.grid);
    const direct = importSeed(seed);
    const acts = (f: typeof direct) => f.promises.flatMap((p) => p.activities).map((a) => [a.text, a.total, a.status]);
    expect(acts(viaExcel)).toEqual(acts(direct));
    expect(viaExcel.kommun).toBe(direct.kommun);
  });

  it('reads only the selection when asked, keeping its position for cell names', async () => {
    const book = bookWithSeed('eskilstuna-2019');
    book.selection = { sheet: 'eskilstuna-2019', address: 'A50:D60' };
    const res = await readSource(hostOf(book), { selectionOnly: true });
    expect(book.syncs).toBe(1);
    expect(res.grid.origin).toEqual({ row: 49, col: 0 });
    expect(res.grid.values.length).toBe(11);
  });

  it('falls back to the used range when the selection is a single cell', async () => {
    const book = bookWithSeed('eksjo-2019');
    book.selection = { sheet: 'eksjo-2019', address: 'C3' };
    const res = await readSource(hostOf(book), { selectionOnly: true });
    expect(res.grid.origin.row + res.grid.values.length).toBe(seedGrid('eksjo-2019').values.length);
  });
});

describe('text stays text', () => {
  it('quote-prefixes strings Excel would turn into formulas, numbers, dates or booleans', () => {
    for (const s of ['=1+1', '+46 70 123 45 67', '-5 minuter', '@polisen', '2019-05-02', '19-11-08', '540', '12,5', '95 %', 'TRUE', "'citat"]) expect(needsQuotePrefix(s)).toBe(true);
    for (const s of ['Trafikkontroll', '479 (1019) st', 'Göksten 19-11-08', '', 'T3']) expect(needsQuotePrefix(s)).toBe(false);
    expect(blockFormulas([['=1+1', { f: '=SUM(A1:A2)' }, 3, null, true]], 6)).toEqual([["'=1+1", '=SUM(A1:A2)', 3, '', true, '']]);
  });

  it('writes hostile text from the contract plan as text in the fake Excel', async () => {
    const book = new FakeWorkbook();
    await applyPlans(hostOf(book), allFeaturesPlans(), { source: null, existing: [] });
    const ws = book.sheet('Medborgarlöften 2019')!;
    const cellAt = (a: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a)!;
      return ws.cell(Number(m[2]) - 1, m[1].charCodeAt(0) - 65)!;
    };
    expect(cellAt('B9')).toMatchObject({ value: '=HYPERLINK("http://evil.example","klicka")', formula: null });
    expect(cellAt('B10')).toMatchObject({ value: '-5 minuter per möte', formula: null });
    expect(cellAt('J10')).toMatchObject({ value: '@polisen', formula: null });
    expect(cellAt('J9')).toMatchObject({ value: '+46 70 123 45 67', formula: null });
    expect(cellAt('F7').formula).toBe('=SUM(C7:E7)');
  });
});

describe('applyPlans', () => {
  it('writes every sheet of an action in one sync with calculation suspended', async () => {
    const book = new FakeWorkbook();
    const syncs = await applyPlans(hostOf(book), allFeaturesPlans(), { source: null, existing: [] });
    expect(syncs).toBe(1);
    expect(book.syncs).toBe(1);
    expect(book.log[0]).toBe('suspendApiCalculationUntilNextSync');
    // Values come before any formatting of the same block.
    const firstValues = book.log.findIndex((l) => l.startsWith('formulas '));
    const firstFormat = book.log.findIndex((l) => l.startsWith('format.') || l.startsWith('numberFormat'));
    expect(firstValues).toBeGreaterThan(-1);
    expect(firstValues).toBeLessThan(firstFormat);
  });

  it('writes the same grid as the ExcelJS adapter for the same plans (host contract)', async () => {
    const plans = allFeaturesPlans();
    const book = new FakeWorkbook();
    await applyPlans(hostOf(book), plans, { source: null, existing: [] });
    const excelJs = await excelJsWrittenGrids(plans);
    for (const p of plans) expect(asRead(book.sheet(p.name)!)).toEqual(excelJs[p.name]);
  });

  it.each(SEEDS)('writes the imported %s sheets exactly as the ExcelJS adapter does', async (seed) => {
    const plans = planImportSheets(importSeed(seed));
    const book = bookWithSeed(seed);
    await applyPlans(hostOf(book), plans, { source: seed, existing: [] });
    const excelJs = await excelJsWrittenGrids(plans);
    for (const p of plans) expect(asRead(book.sheet(p.name)!)).toEqual(excelJs[p.name]);
    // The source sheet is untouched.
    const src = bookWithSeed(seed).sheet(seed)!;
    expect(book.sheet(seed)!.grid()).toEqual(src.grid());
  });

  it('maps rules, validation, notes, links, frozen panes, merges and the chart onto the Excel API shapes', async () => {
    const book = new FakeWorkbook();
    await applyPlans(hostOf(book), allFeaturesPlans(), { source: null, existing: [], capabilities: { notes: true, comments: true, requestBudget: Infinity } });
    const ws = book.sheet('Medborgarlöften 2019')!;
    expect(ws.conditionalFormats).toEqual([
      { range: 'I7:I10', type: 'CellValue', rule: { formula1: '="Uppnått"', operator: 'EqualTo' }, format: { fill: { color: '#C6EFCE' }, font: { color: '#006100' } } },
      { range: 'I7:I10', type: 'CellValue', rule: { formula1: '="Ej uppnått"', operator: 'EqualTo' }, format: { fill: { color: '#FFC7CE' }, font: { color: '#9C0006', bold: true } } },
      { range: 'C7:E10', type: 'Custom', rule: { formula: '=AND(ISNUMBER(C7),C7<0)' }, format: { fill: { color: '#FFC7CE' }, font: {} } },
    ]);
    expect(ws.validations[0]).toEqual({ range: 'B4', rule: { list: { inCellDropDown: true, source: '1,2,3' } }, ignoreBlanks: true, prompt: { showPrompt: true, title: 'Redovisad tertial', message: 'Välj 1, 2 eller 3.' } });
    expect(ws.validations[1].rule).toEqual({ wholeNumber: { operator: 'GreaterThanOrEqualTo', formula1: 0 } });
    expect(ws.validations[1].errorAlert).toMatchObject({ showAlert: true, style: 'Stop', message: 'Antal måste vara ett heltal ≥ 0.' });
    expect(ws.validations[2].rule).toEqual({ decimal: { operator: 'Between', formula1: 0, formula2: 100000 } });
    expect(ws.notes).toEqual([{ cell: 'C9', text: 'Cellen B70 anger ett ungefärligt antal; det räknas som 20.' }]);
    expect(ws.frozen).toEqual({ rows: 6, cols: 2 });
    expect(ws.merges).toEqual(['A1:J1']);
    expect(ws.tabColor).toBe('#2F5597');
    expect(ws.columnWidths.get(1)).toBeGreaterThan(ws.columnWidths.get(0)!);
    const k = book.sheet('Kontroller')!;
    expect(k.cell(1, 1)!.hyperlink).toEqual({ documentReference: "'Medborgarlöften 2019'!C9", textToDisplay: 'C9', screenTip: 'Medborgarlöften 2019!C9' });
    expect(k.charts).toEqual([{ type: 'BarClustered', source: 'F7:F10', seriesBy: 'Columns', title: 'Totalt mot mål', series: [{ name: 'Totalt', values: 'F7:F10', xValues: 'B7:B10' }], position: ['E2', 'L16'] }]);
    // Styles land as few column runs, not per cell.
    expect(ws.cell(5, 0)!.format).toMatchObject({ 'font.bold': true, 'fill.color': '#DDEBF7', 'border.EdgeBottom.style': 'Continuous' });
  });

  it('falls back from notes to comments, and to neither on old hosts, without failing', async () => {
    const older = new FakeWorkbook(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10']);
    await applyPlans(hostOf(older), allFeaturesPlans(), { source: null, existing: [], capabilities: { notes: false, comments: true, requestBudget: Infinity } });
    expect(older.sheet('Medborgarlöften 2019')!.comments).toHaveLength(1);
    const oldest = new FakeWorkbook(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8']);
    await applyPlans(hostOf(oldest), allFeaturesPlans(), { source: null, existing: [], capabilities: { notes: false, comments: false, requestBudget: Infinity } });
    expect(oldest.sheet('Medborgarlöften 2019')!.notes).toHaveLength(0);
    expect(oldest.syncs).toBe(1);
  });

  it('replaces existing generated sheets whole and never touches the source sheet', async () => {
    const book = bookWithSeed('eskilstuna-2019');
    const plans = planImportSheets(importSeed('eskilstuna-2019'));
    await applyPlans(hostOf(book), plans, { source: 'eskilstuna-2019', existing: [] });
    book.sheet(plans[0].name)!.cell(200, 30, true)!.value = 'kvar från förra körningen';
    await applyPlans(hostOf(book), plans, { source: 'eskilstuna-2019', existing: plans.map((p) => p.name) });
    expect(book.sheet(plans[0].name)!.cell(200, 30)).toBeUndefined();
    expect(book.sheets.map((s) => s.name)).toEqual(['eskilstuna-2019', ...plans.map((p) => p.name)]);
    await expect(applyPlans(hostOf(book), [{ ...plans[2], name: 'eskilstuna-2019' }], { source: 'eskilstuna-2019', existing: [] })).rejects.toThrow(SourceSheetError);
  });

  it('uses 2 syncs per action whether the follow-up has 10 or 5,000 activities (desktop Excel)', async () => {
    for (const n of [10, 5000]) {
      const book = new FakeWorkbook(EXCEL_DESKTOP);
      book.addGrid('Uppföljning', generateFollowUp(n).values as (string | null)[][]);
      book.active = 'Uppföljning';
      const res = await readSource(hostOf(book));
      const f = importFollowUp(res.grid);
      expect(f.promises.flatMap((p) => p.activities)).toHaveLength(n);
      const plans = planImportSheets(f);
      const state = await inspectSheets(hostOf(book), plans.map((p) => p.name));
      const before = book.syncs;
      await applyPlans(hostOf(book), plans, { source: 'Uppföljning', existing: Object.keys(state.existing).filter((k) => state.existing[k]) });
      expect(book.syncs - before).toBe(1);
      expect(book.syncs).toBe(3); // read (Läs in) + inspect and write (Skapa strukturerat blad)
      if (n === 5000) {
        // The same plans would pass Excel on the web's 5 MB request limit: there they are split.
        expect(planBytes(plans)).toBeGreaterThan(5 * 1024 * 1024);
        expect(batchPlans(plans, DEFAULT_REQUEST_BUDGET).length).toBeGreaterThan(1);
      }
    }
  });

  it('on Excel on the web, splits plans past the request budget into pieces that each land whole', async () => {
    const f = importFollowUp(generateFollowUp(400));
    const plans = planImportSheets(f);
    const book = new FakeWorkbook();
    const budget = 100_000;
    const syncs = await applyPlans(hostOf(book), plans, { source: null, existing: [], capabilities: { notes: true, comments: true, requestBudget: budget } });
    expect(syncs).toBe(batchPlans(plans, budget).length);
    expect(syncs).toBeGreaterThan(2);
    expect(book.syncs).toBe(syncs);
    const excelJs = await excelJsWrittenGrids(plans);
    for (const p of plans) expect(asRead(book.sheet(p.name)!)).toEqual(excelJs[p.name]);
  });
});


describe('columnRuns', () => {
  it('groups equal styles down each column into ranges', () => {
    expect(columnRuns([['h', 'h'], ['t', null], ['t', null]], 5, 0)).toEqual([['h', 'A6'], ['t', 'A7:A8'], ['h', 'B6']]);
  });
});
