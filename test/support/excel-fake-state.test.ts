// Self-test of the Excel fake's sheet renaming, hiding and deleting and of its whole-sheet state: it refuses what Microsoft documents Excel refuses, and references follow a rename and break on delete.
import { EXCEL_DESKTOP_2019, FakeWorkbook, typeEntry } from './excel-fake';
import { needsQuotes, rewriteFormula, sheetState, workbookState } from './excel-fake-state';

type Ctx = { workbook: { worksheets: { getItem(n: string): { name: string; visibility: string; delete(): void; load(p: string): void } } }; sync(): Promise<void> };
const run = (book: FakeWorkbook, fn: (ctx: Ctx) => Promise<unknown>) => book.run((ctx) => fn(ctx as unknown as Ctx));
const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

function book3(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addGrid('Data', [['x', 1]]);
  book.addGrid('Händelser', [['id'], ['A1']]);
  const own = book.addSheet('Egen');
  Object.assign(own.cell(0, 0, true)!, typeEntry("=COUNTA('Händelser'!A1:A9)+Data!B1+SUM(\"Data!B1\")", 'General'));
  own.conditionalFormats.push({ range: 'A1', type: 'Custom', rule: { formula: '=Data!B1>0' }, format: { fill: {}, font: {} } });
  book.active = 'Data';
  return book;
}

describe('rewriteFormula', () => {
  it('renames quoted and bare references, leaves string literals and other sheets alone, and gives the text back on the reverse rename', () => {
    const f = "=COUNTA('Händelser'!A1:A9)+Data!B1+\"Data!B1\"+Datum!A1";
    const there = rewriteFormula(rewriteFormula(f, 'Data', 'Ångra 1 – Data'), 'Händelser', 'Ångra 2 – Händelser');
    expect(there).toBe("=COUNTA('Ångra 2 – Händelser'!A1:A9)+'Ångra 1 – Data'!B1+\"Data!B1\"+Datum!A1");
    expect(rewriteFormula(rewriteFormula(there, 'Ångra 1 – Data', 'Data'), 'Ångra 2 – Händelser', 'Händelser')).toBe(f);
    // Quotes that were only there because the old name needed them go when the new one does not.
    expect(rewriteFormula("='It''s'!A1", "It's", 'Ny')).toBe('=Ny!A1');
    expect(rewriteFormula('=Ny!A1', 'Ny', "It's")).toBe("='It''s'!A1");
  });

  it('turns references to a deleted sheet into #REF!', () => {
    expect(rewriteFormula("=SUM('Händelser'!A1:A3)+Data!A1", 'Händelser', null)).toBe('=SUM(#REF!A1:A3)+Data!A1');
  });

  it('quotes names Excel quotes', () => {
    expect(['Data', 'Blad_1'].map(needsQuotes)).toEqual([false, false]);
    expect(['Händelser', 'Ångra 1 – Data', 'A1', '2019', 'R1C1'].map(needsQuotes)).toEqual([true, true, true, true, true]);
  });
});

describe('Worksheet.name, visibility and delete in the fake', () => {
  it('renames at sync: formulas and rule formulas elsewhere follow, the sheet keeps its place', async () => {
    const book = book3();
    await run(book, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').name = 'Ångra 1 – Data';
      await ctx.sync();
    });
    const own = book.sheet('Egen')!;
    expect(own.cell(0, 0)!.formula).toBe("=COUNTA('Händelser'!A1:A9)+'Ångra 1 – Data'!B1+SUM(\"Data!B1\")");
    expect(own.conditionalFormats[0].rule).toEqual({ formula: "='Ångra 1 – Data'!B1>0" });
    expect(book.sheets.map((s) => s.name)).toEqual(['Ångra 1 – Data', 'Händelser', 'Egen']);
  });

  it('refuses a name another sheet has (whatever the case), one over 31 characters or with : \\ / ? * [ ]', async () => {
    for (const name of ['händelser', 'x'.repeat(32), 'A:B', 'History', "'x"]) {
      const book = book3();
      const got = await code(run(book, async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').name = name;
        await ctx.sync();
      }));
      expect([name, got]).toEqual([name, name === 'händelser' ? 'ItemAlreadyExists' : 'InvalidArgument']);
      expect(book.sheet('Data')).toBeDefined();
    }
  });

  it('deletes a sheet and makes references to it #REF!; refuses to delete a very hidden one or the last visible one', async () => {
    const book = book3();
    await run(book, async (ctx) => {
      ctx.workbook.worksheets.getItem('Händelser').delete();
      await ctx.sync();
    });
    expect(book.sheet('Egen')!.cell(0, 0)!.formula).toBe('=COUNTA(#REF!A1:A9)+Data!B1+SUM("Data!B1")');
    book.sheet('Data')!.visibility = 'VeryHidden';
    expect(await code(run(book, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').delete();
      await ctx.sync();
    }))).toBe('InvalidOperation');
    expect(await code(run(book, async (ctx) => {
      ctx.workbook.worksheets.getItem('Egen').visibility = 'Hidden';
      await ctx.sync();
    }))).toBe('InvalidOperation');
    expect(await code(run(book, async (ctx) => {
      ctx.workbook.worksheets.getItem('Egen').delete();
      await ctx.sync();
    }))).toBe('InvalidOperation');
  });

  it('reads visibility in batch order: a load queued before a change sees the sheet as it was', async () => {
    const book = book3();
    const seen = await run(book, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Händelser');
      ws.load('visibility');
      ws.visibility = 'Hidden';
      await ctx.sync();
      return ws.visibility;
    });
    expect(seen).toBe('Visible');
    expect(book.sheet('Händelser')!.visibility).toBe('Hidden');
  });

  it('sets visibility only from ExcelApi 1.2 (here at 1.8, the add-in’s minimum, it works)', async () => {
    const book = new FakeWorkbook(EXCEL_DESKTOP_2019);
    book.addGrid('A', [[1]]);
    book.addGrid('B', [[2]]);
    await run(book, async (ctx) => {
      ctx.workbook.worksheets.getItem('B').visibility = 'Hidden';
      await ctx.sync();
    });
    expect(book.sheet('B')!.visibility).toBe('Hidden');
  });
});

describe('sheetState', () => {
  it('holds every part of a sheet as plain data and tells two sheets apart by any of them', () => {
    const book = book3();
    const s = book.sheet('Data')!;
    const base = JSON.stringify(sheetState(s, book));
    expect(JSON.parse(base)).toEqual(sheetState(s, book));
    const changes: (() => void)[] = [
      () => (s.tabColor = '#FF0000'),
      () => (s.frozen = { rows: 1, cols: 0 }),
      () => s.columnWidths.set(2, 40),
      () => s.merges.push('A3:B3'),
      () => (s.cell(0, 0)!.format['font.bold'] = true),
      () => (s.cell(0, 0)!.numberFormat = '@'),
      () => (s.cell(0, 1)!.hyperlink = { documentReference: "'Egen'!A1" }),
      () => s.notes.push({ cell: 'A1', text: 'n' }),
      () => s.validations.push({ range: 'B1', rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } } }),
      () => (s.visibility = 'Hidden'),
    ];
    for (const change of changes) {
      const before = JSON.stringify(sheetState(s, book));
      change();
      expect(JSON.stringify(sheetState(s, book))).not.toBe(before);
    }
    expect(workbookState(book).map((x) => [x.name, x.position])).toEqual([['Data', 0], ['Händelser', 1], ['Egen', 2]]);
  });
});
