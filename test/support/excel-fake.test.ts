// Self-test of the strict Office.js fake: it refuses what Microsoft documents (deferred execution, PropertyNotLoaded, errors at sync, sheet names, requirement sets, payload limits, dead proxies).
import { readFileSync } from 'fs';
import { join } from 'path';
import { EXCEL_DESKTOP, EXCEL_DESKTOP_2019, EXCEL_WEB, FakeWorkbook, MESSAGES, OfficeError, type FakeContext } from './excel-fake';
import { apiSetsSource, parseExcelApiSets } from './office-api-sets';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is driven as the untyped Excel API a batch sees */
type Ctx = FakeContext & { workbook: any };

function bookWith(profile = EXCEL_WEB): FakeWorkbook {
  const book = new FakeWorkbook(profile);
  book.addGrid('Blad1', [['a', 1], ['b', 2]]);
  return book;
}
const run = <T>(book: FakeWorkbook, batch: (ctx: Ctx) => Promise<T>) => book.run((ctx) => batch(ctx as Ctx));

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(p: Promise<unknown>): Promise<OfficeError> {
  try {
    await p;
  } catch (e) {
    return e as OfficeError;
  }
  throw new Error('expected the promise to reject');
}

describe('deferred execution', () => {
  it('runs queued writes only at context.sync()', async () => {
    const book = bookWith();
    await run(book, async (ctx) => {
      ctx.workbook.worksheets.getItem('Blad1').getRange('A1').values = [['ny']];
      expect(book.sheet('Blad1')!.cell(0, 0)!.value).toBe('a');
      await ctx.sync();
      expect(book.sheet('Blad1')!.cell(0, 0)!.value).toBe('ny');
    });
  });

  it('throws PropertyNotLoaded, with Microsoft\u2019s message, for a property not loaded, or loaded but not yet synced', async () => {
    const book = bookWith();
    await run(book, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Blad1').getRange('A1:B2');
      expect(() => range.values).toThrow(MESSAGES.propertyNotLoaded('values'));
      range.load('values');
      let err: OfficeError | null = null;
      try {
        void range.values;
      } catch (e) {
        err = e as OfficeError;
      }
      expect(err).toMatchObject({ code: 'PropertyNotLoaded', message: "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context." });
      expect(() => range.text).toThrow(OfficeError);
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Blad1');
      expect(() => ws.isNullObject).toThrow(MESSAGES.propertyNotLoaded('isNullObject'));
      await ctx.sync();
      expect(range.values).toEqual([['a', 1], ['b', 2]]);
      expect(() => range.text).toThrow(MESSAGES.propertyNotLoaded('text'));
      expect(ws.isNullObject).toBe(false);
    });
  });
});

describe('errors at sync', () => {
  it('refuses a 2-D array whose size differs from the range\u2019s (values, formulas, numberFormat) with InvalidArgument at sync; earlier actions stay done', async () => {
    for (const prop of ['values', 'formulas', 'numberFormat']) {
      const book = bookWith();
      const err = await rejection(
        run(book, async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('Blad1');
          ws.getRange('C1').values = [['först']];
          ws.getRange('A1:B2')[prop] = [['x', 'y', 'z']];
          await ctx.sync();
        }),
      );
      expect(err).toBeInstanceOf(OfficeError);
      expect(err).toMatchObject({ name: 'RichApi.Error', code: 'InvalidArgument', message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range." });
      expect(err.debugInfo).toMatchObject({ code: 'InvalidArgument', errorLocation: `Range.${prop}` });
      expect(book.sheet('Blad1')!.cell(0, 2)!.value).toBe('först');
      expect(book.sheet('Blad1')!.cell(0, 0)!.value).toBe('a');
    }
  });

  it('lets getItem of a missing sheet pass when queued and fails the sync with ItemNotFound', async () => {
    const book = bookWith();
    const err = await rejection(
      run(book, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Finns inte');
        ws.getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: 'ItemNotFound', message: "The requested resource doesn't exist.", debugInfo: { code: 'ItemNotFound', errorLocation: 'WorksheetCollection.getItem' } });
  });

  it('resolves a sheet when the request runs: added, then found, in the same batch', async () => {
    const book = bookWith();
    await run(book, async (ctx) => {
      ctx.workbook.worksheets.add('Ny');
      ctx.workbook.worksheets.getItem('Ny').getRange('A1').values = [['där']];
      await ctx.sync();
    });
    expect(book.sheet('Ny')!.cell(0, 0)!.value).toBe('där');
  });
});

describe('sheet names', () => {
  const add = (book: FakeWorkbook, name: string) =>
    rejection(
      run(book, async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
    );
  it.each([['x'.repeat(32)], ['a:b'], ['a\\b'], ['a/b'], ['a?b'], ['a*b'], ['a[b'], ['a]b'], [''], ['   '], ["'citat"], ["citat'"]])('refuses %j (InvalidArgument)', async (name) => {
    const book = bookWith();
    expect(await add(book, name)).toMatchObject({ code: 'InvalidArgument' });
    expect(book.sheets.map((s) => s.name)).toEqual(['Blad1']);
  });

  it('refuses a name another sheet has, whatever the case (ItemAlreadyExists), also when renaming', async () => {
    const book = bookWith();
    expect(await add(book, 'BLAD1')).toMatchObject({ code: 'ItemAlreadyExists' });
    book.addSheet('Blad2');
    const err = await rejection(
      run(book, async (ctx) => {
        ctx.workbook.worksheets.getItem('Blad2').name = 'blad1';
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: 'ItemAlreadyExists' });
    expect(book.sheets.map((s) => s.name)).toEqual(['Blad1', 'Blad2']);
  });

  it('takes 31 characters, Swedish letters and inner apostrophes', async () => {
    const book = bookWith();
    await run(book, async (ctx) => {
      ctx.workbook.worksheets.add('Å'.repeat(31));
      ctx.workbook.worksheets.add("Polisens 'löften'!");
      await ctx.sync();
    });
    expect(book.sheets).toHaveLength(3);
  });
});

describe('requirement sets', () => {
  it('derives the member table from @types/office-js, not by hand', () => {
    const table = parseExcelApiSets();
    expect(readFileSync(join(__dirname, 'excel-api-sets.ts'), 'utf8')).toBe(apiSetsSource(table));
    expect(Object.keys(table).length).toBeGreaterThan(150);
    expect(table.Worksheet.notes).toEqual(['n', 18]);
    expect(table.Range.getMergedAreasOrNullObject).toEqual(['m', 13]);
    expect(table.Worksheet.freezePanes).toEqual(['n', 7]);
    expect(table.Range.values).toEqual(['p', 1]);
  });

  it('throws ApiNotFound for a member above the profile\u2019s ExcelApi set, where Office.js throws it: at the call', async () => {
    const book = bookWith(EXCEL_DESKTOP_2019);
    expect(book.supports('1.8')).toBe(true);
    expect(book.supports('1.9')).toBe(false);
    await run(book, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Blad1');
      let err: OfficeError | null = null;
      try {
        void ws.notes;
      } catch (e) {
        err = e as OfficeError;
      }
      expect(err).toMatchObject({ code: 'ApiNotFound', message: 'The method or property Worksheet.notes is part of the ExcelApi 1.18 requirement set, which is not available in your version of Excel.' });
      expect(() => ws.getRange().getMergedAreasOrNullObject()).toThrow(/ExcelApi 1\.13/);
      expect(() => ws.comments).toThrow(/ExcelApi 1\.10/);
      // 1.8 and below work.
      ws.getRange('A1').dataValidation.ignoreBlanks = true;
      ws.freezePanes.freezeRows(1);
      await ctx.sync();
    });
    expect(book.sheet('Blad1')!.frozen).toEqual({ rows: 1, cols: 0 });
    await run(bookWith(EXCEL_DESKTOP), async (ctx) => {
      ctx.workbook.worksheets.getItem('Blad1').notes.add('A1', 'En anteckning');
      await ctx.sync();
    });
  });

  it('leaves members the fake does not model undefined, as a missing member is', async () => {
    await run(bookWith(), async (ctx) => {
      expect(ctx.workbook.worksheets.getItem('Blad1').getRange('A1').getSpillingToRangeOrNullObject).toBeUndefined();
    });
  });
});

describe('request and response size as Office.js serialises them', () => {
  it('sends object paths and actions as Office.js builds them', async () => {
    const book = bookWith();
    book.bodies = [];
    await run(book, async (ctx) => {
      ctx.workbook.worksheets.getItem('Blad1').getRange('A1').values = [['x']];
      await ctx.sync();
    });
    expect(JSON.parse(book.bodies[0])).toEqual({
      Actions: [
        { Id: 3, ActionType: 1, Name: '', ObjectPathId: 2 },
        { Id: 5, ActionType: 1, Name: '', ObjectPathId: 4 },
        { Id: 7, ActionType: 1, Name: '', ObjectPathId: 6 },
        { Id: 8, ActionType: 4, Name: 'Values', ObjectPathId: 6, ArgumentInfo: { Arguments: [[['x']]] } },
      ],
      ObjectPaths: {
        1: { Id: 1, ObjectPathType: 1, Name: '' },
        2: { Id: 2, ObjectPathType: 4, Name: 'Worksheets', ParentObjectPathId: 1 },
        4: { Id: 4, ObjectPathType: 3, Name: 'GetItem', ParentObjectPathId: 2, ArgumentInfo: { Arguments: ['Blad1'] } },
        6: { Id: 6, ObjectPathType: 3, Name: 'GetRange', ParentObjectPathId: 4, ArgumentInfo: { Arguments: ['A1'] } },
      },
    });
    expect(book.requests[0].requestBytes).toBe(Buffer.byteLength(book.bodies[0], 'utf8'));
  });

  it('refuses a request past 5,000,000 bytes on the web (RequestPayloadSizeLimitExceeded, nothing written) and takes it on the desktop', async () => {
    const big = Array.from({ length: 1000 }, () => ['x'.repeat(5000)]);
    const write = (book: FakeWorkbook) =>
      run(book, async (ctx) => {
        ctx.workbook.worksheets.getItem('Blad1').getRange('D1:D1000').values = big;
        await ctx.sync();
      });
    const web = bookWith(EXCEL_WEB);
    expect(await rejection(write(web))).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded', message: MESSAGES.requestTooLarge });
    expect(web.sheet('Blad1')!.cell(0, 3)).toBeUndefined();
    expect(web.requests[0]).toMatchObject({ refused: 'RequestPayloadSizeLimitExceeded' });
    expect(web.requests[0].requestBytes).toBeGreaterThan(5_000_000);
    const desktop = bookWith(EXCEL_DESKTOP);
    await write(desktop);
    expect(desktop.sheet('Blad1')!.cell(999, 3)!.value).toBe('x'.repeat(5000));
  });

  it('refuses a response past 5,000,000 bytes on the web (ResponsePayloadSizeLimitExceeded), values left unloaded', async () => {
    const book = new FakeWorkbook(EXCEL_DESKTOP);
    book.addGrid('Stort', Array.from({ length: 1100 }, () => ['y'.repeat(5000)]));
    book.profile = EXCEL_WEB;
    let range: any = null;
    const err = await rejection(
      run(book, async (ctx) => {
        range = ctx.workbook.worksheets.getItem('Stort').getUsedRange(true);
        range.load('values');
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded', message: MESSAGES.responseTooLarge });
    expect(book.requests[0].responseBytes).toBeGreaterThan(5_000_000);
    expect(book.requests[0].requestBytes).toBeLessThan(1000);
    expect(() => range.values).toThrow(/not available/);
  });

  it('refuses reading more than five million cells at once (RangeExceedsLimit), on every platform', async () => {
    const book = bookWith(EXCEL_DESKTOP);
    const err = await rejection(
      run(book, async (ctx) => {
        ctx.workbook.worksheets.getItem('Blad1').getRange('A1:E1000001').load('values');
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: 'RangeExceedsLimit' });
  });
});

describe('proxies after their Excel.run', () => {
  it('refuses a proxy used after its batch ended (InvalidObjectPath); values loaded in the batch stay readable', async () => {
    const book = bookWith();
    let range: any = null;
    await run(book, async (ctx) => {
      range = ctx.workbook.worksheets.getItem('Blad1').getRange('A1');
      range.load('values');
      await ctx.sync();
    });
    expect(range.values).toEqual([['a']]);
    let err: OfficeError | null = null;
    try {
      range.values = [['sent']];
    } catch (e) {
      err = e as OfficeError;
    }
    expect(err).toMatchObject({ code: 'InvalidObjectPath' });
    expect(err!.message).toMatch(/isn't working for what you're trying to do.*context\.trackedObjects\.add\(\)/);
    expect(() => range.load('text')).toThrow(/InvalidObjectPath|isn't working/);
    expect(() => range.format).toThrow(/isn't working/);
    expect(book.sheet('Blad1')!.cell(0, 0)!.value).toBe('a');
  });

  it('refuses context.sync() after the batch ended', async () => {
    const book = bookWith();
    let saved: Ctx | null = null;
    await run(book, async (ctx) => {
      saved = ctx;
    });
    await expect(saved!.sync()).rejects.toMatchObject({ code: 'InvalidRequestContext' });
  });
});
