// Ångra senaste körning in Excel gives the workbook back exactly (every sheet's whole state, in order) after every pane action, on both seeds and a generated big follow-up, at ExcelApi 1.8 (desktop) and 1.18 (web); references elsewhere stay live; two syncs per undo whatever the size.
import { readFileSync } from 'fs';
import { join } from 'path';
import { AddinSession } from '../../addin/session';
import { NO_EXTRAS, type Capabilities, type ExcelHost } from '../../addin/excel-adapter';
import { prepareUpdate, type PreparedUpdate } from '../../addin/update';
import { DEFAULT_REQUEST_BUDGET } from '../../shared/app/split-plan';
import { ROLLUP_SHEET } from '../../shared/i18n/sv-rollup';
import { EVENTS_SHEET, FINDINGS_SHEET, summarySheetName } from '../../shared/plan';
import { EXCEL_DESKTOP_2019, EXCEL_WEB, FakeWorkbook, typeEntry, type FakeValue, type HostProfile } from '../support/excel-fake';
import { sheetState, workbookState } from '../support/excel-fake-state';
import { SEEDS, seedGrid } from '../support/seeds';
import { generateFollowUp } from '../bench/generate';
import { hyperFormulaEvaluator } from './fake-evaluator';
import { settingsUndoStore, UNDO_SETTING } from '../../addin/undo-store';

const NOW = new Date(2026, 10, 21, 12, 0, 0);
const SOURCE = 'Uppföljning';
const STRUCTURED = 'Medborgarlöften 2019';
const SUMMARY = summarySheetName(3, 2019);
const OWN = 'Egen analys';
/** Activities of the generated big follow-up: the largest whose structure write lands in one request on the web before split-plan.ts budgets per operation (another change); undo itself is two syncs at any size. */
const BIG = 600;
const host = (book: FakeWorkbook) => book as unknown as ExcelHost;

/** The two hosts the issue tests: desktop Excel at the manifest's minimum, and Excel on the web with its request budget. */
const HOSTS: { name: string; profile: HostProfile; caps: Capabilities }[] = [
  { name: 'desktop, ExcelApi 1.8', profile: EXCEL_DESKTOP_2019, caps: NO_EXTRAS },
  { name: 'web, ExcelApi 1.18', profile: EXCEL_WEB, caps: { notes: true, comments: true, requestBudget: DEFAULT_REQUEST_BUDGET } },
];

/** Every formula of the workbook (cells, conditional formats, validation) that Excel would show as #REF!. */
function brokenReferences(book: FakeWorkbook): string[] {
  const out: string[] = [];
  for (const s of book.sheets) {
    for (const [k, c] of s.cells) if (c.formula?.includes('#REF!')) out.push(`${s.name}!${k} ${c.formula}`);
    if (JSON.stringify([s.conditionalFormats, s.validations]).includes('#REF!')) out.push(`${s.name}: rules`);
  }
  return out;
}

/** A user's own sheet whose formulas refer to the structured sheet, Händelser (quoted) and Kontroller (bare, as Excel writes an ASCII name). */
function addOwnSheet(book: FakeWorkbook): void {
  const s = book.addSheet(OWN);
  const put = (r: number, c: number, v: string) => Object.assign(s.cell(r, c, true)!, typeEntry(v, 'General'));
  put(0, 0, 'Rader på det strukturerade bladet');
  put(0, 1, `=COUNTA('${STRUCTURED}'!A1:A400)`);
  put(1, 0, 'Händelser');
  put(1, 1, `=COUNTA('${EVENTS_SHEET}'!A2:A2000)`);
  put(2, 0, 'Kontroller');
  put(2, 1, `=COUNTA(${FINDINGS_SHEET}!A1:A400)`);
  s.tabColor = '#2E7D32';
  s.columnWidths.set(0, 180);
  book.dirty = true;
}

/** Syncs `fn` takes. */
async function syncsOf(book: FakeWorkbook, fn: () => Promise<unknown>): Promise<number> {
  const before = book.syncs;
  await fn();
  return book.syncs - before;
}

/**
 * Runs `run` (one pane action that writes), checks it changed the workbook, undoes it and checks
 * the whole workbook is as before: every sheet's whole state, in order, hidden sheets included.
 * Returns the undo's syncs.
 */
async function expectExactUndo(book: FakeWorkbook, session: AddinSession, run: () => Promise<unknown>): Promise<number> {
  await book.recalc();
  const before = workbookState(book);
  await run();
  expect(workbookState(book)).not.toEqual(before);
  const syncs = await syncsOf(book, () => session.undoLast());
  await book.recalc();
  expect(workbookState(book)).toEqual(before);
  expect(brokenReferences(book)).toEqual([]);
  expect(session.undo).toBeNull();
  return syncs;
}

function prepared(p: Awaited<ReturnType<typeof prepareUpdate>>): PreparedUpdate {
  if (!p || !('plans' in p)) throw new Error(`no update: ${JSON.stringify(p)}`);
  return p;
}

describe.each(HOSTS)('Ångra senaste körning restores the workbook exactly ($name)', ({ profile, caps }) => {
  it.each(SEEDS)('after every action on the %s seed', async (seed) => {
    const book = new FakeWorkbook(profile);
    book.evaluator = hyperFormulaEvaluator;
    book.addGrid(SOURCE, seedGrid(seed).values as FakeValue[][]);
    book.active = SOURCE;
    const s = new AddinSession(host(book), caps, () => NOW);
    await s.read();
    const undoSyncs: Record<string, number> = {};

    // Skapa strukturerat blad, the first time (undo deletes the three sheets), then again to keep them.
    undoSyncs['structure (new)'] = await expectExactUndo(book, s, async () => s.commit(await s.prepareStructure()));
    await s.commit(await s.prepareStructure());
    // The user's own sheet refers to the generated ones, hides Kontroller and colours a cell.
    addOwnSheet(book);
    book.sheet(FINDINGS_SHEET)!.visibility = 'Hidden';
    book.sheet(STRUCTURED)!.cell(0, 0, true)!.format['fill.color'] = '#FFF59D';
    await book.recalc();
    expect(book.sheet(OWN)!.cell(0, 1)!.value).toBeGreaterThan(0);
    const structuredBefore = sheetState(book.sheet(STRUCTURED)!, book);
    // The status colours, the count cells' validation, frozen panes, widths and Kontroller's links are part of what is compared.
    expect(structuredBefore.conditionalFormats.length).toBeGreaterThan(0);
    expect(structuredBefore.validations.length).toBeGreaterThan(0);
    expect(structuredBefore.frozen.rows).toBeGreaterThan(0);
    expect(structuredBefore.columnWidths.length).toBeGreaterThan(0);
    expect(Object.values(sheetState(book.sheet(FINDINGS_SHEET)!).cells).some((c) => c.hyperlink)).toBe(true);

    // Skapa strukturerat blad over the existing sheets: the structured sheet, Händelser and Kontroller come back whole, in their places; the user's formulas still count them.
    undoSyncs['structure (replace)'] = await expectExactUndo(book, s, async () => {
      const prep = await s.prepareStructure();
      // The backups cost no sync of their own: they go in the write's request.
      expect(await syncsOf(book, () => s.commit(prep))).toBe(1);
      expect(book.sheets.filter((x) => x.visibility === 'Visible').map((x) => x.name)).toEqual([SOURCE, OWN, STRUCTURED, EVENTS_SHEET, FINDINGS_SHEET]);
    });
    expect(book.sheets.map((x) => x.name)).toEqual([SOURCE, STRUCTURED, EVENTS_SHEET, FINDINGS_SHEET, OWN]);
    expect(book.sheet(FINDINGS_SHEET)!.visibility).toBe('Hidden');

    // Skapa sammanfattning: new, then made again (merges, chart, frozen row, widths, tab colour, every cell's format).
    undoSyncs['summary (new)'] = await expectExactUndo(book, s, async () => s.commit(await s.prepareSummary()));
    await s.commit(await s.prepareSummary());
    const summary = sheetState(book.sheet(SUMMARY)!, book);
    expect(summary.charts.length).toBe(1);
    expect(summary.merges.length).toBeGreaterThan(0);
    expect(summary.frozen.rows).toBeGreaterThan(0);
    expect(summary.tabColor).not.toBe('');
    expect(Object.values(summary.cells).filter((c) => Object.keys(c.format as object).length).length).toBeGreaterThan(100);
    undoSyncs['summary (replace)'] = await expectExactUndo(book, s, async () => {
      const prep = await s.prepareSummary();
      expect(await syncsOf(book, () => s.commit(prep))).toBe(1);
    });

    // Uppdatera from the same source: the three sheets come back as they were.
    undoSyncs.update = await expectExactUndo(book, s, async () => s.commit(prepared(await prepareUpdate(host(book), s.followUp!, book.sheets.map((x) => x.name)))));

    // Sammanställ flera kommuner: new, then made again.
    undoSyncs['rollup (new)'] = await expectExactUndo(book, s, async () => s.commit(await s.prepareRollup()));
    await s.commit(await s.prepareRollup());
    undoSyncs['rollup (replace)'] = await expectExactUndo(book, s, async () => s.commit(await s.prepareRollup()));

    // Öppna Word-fil: the new source sheet is deleted.
    const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'docx', `${seed}.docx`)));
    undoSyncs['Word import'] = await expectExactUndo(book, s, async () => s.openWordFile(bytes, `${seed}.docx`));

    expect(Object.values(undoSyncs).every((n) => n === 2)).toBe(true);
    expect(Object.keys(undoSyncs)).toHaveLength(8);
  }, 120000);
});

describe('backups between runs', () => {
  it('keeps only the last run’s backups, hidden, and never reads them as a kommun', async () => {
    const book = new FakeWorkbook();
    book.addGrid(SOURCE, seedGrid('eskilstuna-2019').values as FakeValue[][]);
    book.active = SOURCE;
    const s = new AddinSession(host(book), NO_EXTRAS, () => NOW);
    await s.read();
    await s.commit(await s.prepareStructure());
    await s.commit(await s.prepareStructure());
    const hidden = () => book.sheets.filter((x) => x.visibility !== 'Visible').map((x) => x.name);
    expect(hidden()).toEqual(['Ångra 1 – Medborgarlöften 2019', 'Ångra 2 – Händelser', 'Ångra 3 – Kontroller']);
    await s.commit(await s.prepareStructure());
    expect(hidden()).toEqual(['Ångra 1 – Medborgarlöften 2019', 'Ångra 2 – Händelser', 'Ångra 3 – Kontroller']);
    expect(book.sheets.filter((x) => x.visibility === 'Visible').map((x) => x.name)).toEqual([SOURCE, STRUCTURED, EVENTS_SHEET, FINDINGS_SHEET]);
    const prep = await s.prepareRollup();
    expect(prep.data.kommuner.map((k) => k.source)).toEqual([STRUCTURED]);
    await s.commit(prep);
    // The roll-up replaced nothing: the structure run's backups are gone, none left behind.
    expect(hidden()).toEqual([]);
    await s.undoLast();
    expect(book.sheets.map((x) => x.name)).toEqual([SOURCE, STRUCTURED, EVENTS_SHEET, FINDINGS_SHEET]);
    await expect(s.undoLast()).rejects.toThrow('Det finns ingen körning att ångra.');
  });

  it('gives the sheets back after a run that failed half-way', async () => {
    const book = new FakeWorkbook();
    book.addGrid(SOURCE, seedGrid('eksjo-2019').values as FakeValue[][]);
    book.active = SOURCE;
    const s = new AddinSession(host(book), NO_EXTRAS, () => NOW);
    await s.read();
    await s.commit(await s.prepareStructure());
    const before = workbookState(book);
    const prep = await s.prepareStructure();
    // A sheet name Excel refuses at sync: the write fails after the backups were made and some sheets were written.
    const broken = { ...prep, plans: prep.plans.map((p, i) => (i === 1 ? { ...p, name: 'Händelser:' } : p)) };
    await expect(s.commit(broken)).rejects.toThrow();
    expect(s.undo?.restore.map((r) => r.name)).toEqual([STRUCTURED, FINDINGS_SHEET]);
    expect(s.undo?.created).toEqual(['Händelser:']);
    await s.undoLast();
    expect(workbookState(book)).toEqual(before);
  });
});

describe('what the user did between the run and undo', () => {
  async function structured(book: FakeWorkbook): Promise<AddinSession> {
    book.addGrid(SOURCE, seedGrid('eskilstuna-2019').values as FakeValue[][]);
    book.active = SOURCE;
    const s = new AddinSession(host(book), NO_EXTRAS, () => NOW);
    await s.read();
    await s.commit(await s.prepareStructure());
    return s;
  }

  it('gives a very hidden sheet back very hidden', async () => {
    const book = new FakeWorkbook(EXCEL_DESKTOP_2019);
    const s = await structured(book);
    book.sheet(EVENTS_SHEET)!.visibility = 'VeryHidden';
    const syncs = await expectExactUndo(book, s, async () => s.commit(await s.prepareStructure()));
    expect(syncs).toBe(2);
    expect(book.sheet(EVENTS_SHEET)!.visibility).toBe('VeryHidden');
  });

  it('leaves a sheet as the run wrote it when the user deleted its backup, and says only what it gave back', async () => {
    const book = new FakeWorkbook(EXCEL_DESKTOP_2019);
    const s = await structured(book);
    await s.commit(await s.prepareStructure());
    const backup = s.undo!.restore.find((r) => r.name === FINDINGS_SHEET)!.backup;
    book.sheets = book.sheets.filter((x) => x.name !== backup);
    const written = sheetState(book.sheet(FINDINGS_SHEET)!);
    expect(await s.undoLast()).toEqual({ deleted: [], restored: [STRUCTURED, EVENTS_SHEET] });
    expect(sheetState(book.sheet(FINDINGS_SHEET)!)).toEqual(written);
    expect(book.sheets.map((x) => x.name)).toEqual([SOURCE, STRUCTURED, EVENTS_SHEET, FINDINGS_SHEET]);
    expect(brokenReferences(book)).toEqual([]);
  });

  it('gives a sheet back when the user deleted the one the run wrote', async () => {
    const book = new FakeWorkbook(EXCEL_DESKTOP_2019);
    const s = await structured(book);
    const before = workbookState(book);
    await s.commit(await s.prepareSummary());
    await s.commit(await s.prepareStructure());
    book.sheets = book.sheets.filter((x) => x.name !== EVENTS_SHEET);
    expect(await s.undoLast()).toEqual({ deleted: [], restored: [STRUCTURED, EVENTS_SHEET, FINDINGS_SHEET] });
    expect(workbookState(book).filter((x) => x.name !== SUMMARY).map((x) => ({ ...x, position: null }))).toEqual(before.map((x) => ({ ...x, position: null })));
  });
});

/** Office.Settings as documented: an in-memory property bag per add-in and document, written to the document by saveAsync. */
function fakeSettings() {
  const bag = new Map<string, unknown>();
  const saved = { value: new Map<string, unknown>(), saves: 0 };
  return {
    saved,
    get: (name: string) => (bag.has(name) ? JSON.parse(JSON.stringify(bag.get(name))) : null),
    set: (name: string, value: unknown) => void bag.set(name, JSON.parse(JSON.stringify(value))),
    remove: (name: string) => void bag.delete(name),
    saveAsync: (cb?: (r: { status: string }) => void) => {
      saved.value = new Map(bag);
      saved.saves++;
      cb?.({ status: 'succeeded' });
    },
  };
}

describe('a pane opened again', () => {
  it('can still undo the last run, and a new run deletes the backups the last one left', async () => {
    const settings = fakeSettings();
    const book = new FakeWorkbook(EXCEL_WEB);
    book.addGrid(SOURCE, seedGrid('eksjo-2019').values as FakeValue[][]);
    book.active = SOURCE;
    const first = new AddinSession(host(book), NO_EXTRAS, () => NOW, settingsUndoStore(settings));
    await first.read();
    await first.commit(await first.prepareStructure());
    const before = workbookState(book);
    await first.commit(await first.prepareStructure());
    expect(settings.saved.value.get(UNDO_SETTING)).toEqual(JSON.parse(JSON.stringify(first.undo)));
    // The pane is closed and opened again: a new session finds the record in the document.
    const again = new AddinSession(host(book), NO_EXTRAS, () => NOW, settingsUndoStore(settings));
    expect(again.undo).toEqual(first.undo);
    expect(await again.undoLast()).toEqual({ deleted: [], restored: [STRUCTURED, EVENTS_SHEET, FINDINGS_SHEET] });
    expect(workbookState(book)).toEqual(before);
    expect(settings.saved.value.has(UNDO_SETTING)).toBe(false);
    // A replace run, the pane reopened, another run: the first run's backups do not stay behind.
    book.active = SOURCE;
    await again.read();
    await again.commit(await again.prepareStructure());
    expect(book.sheets.filter((x) => x.visibility !== 'Visible')).toHaveLength(3);
    const third = new AddinSession(host(book), NO_EXTRAS, () => NOW, settingsUndoStore(settings));
    book.active = SOURCE;
    await third.read();
    await third.commit(await third.prepareSummary());
    expect(book.sheets.filter((x) => x.visibility !== 'Visible')).toEqual([]);
  });

  it('ignores what is not an undo record', () => {
    const settings = fakeSettings();
    settings.set(UNDO_SETTING, { action: 'x', at: 'y', created: [], restore: [{ name: 'Uppföljning', backup: 'Uppföljning' }] });
    expect(settingsUndoStore(settings)!.load()).toBeNull();
    settings.set(UNDO_SETTING, 'text');
    expect(settingsUndoStore(settings)!.load()).toBeNull();
    expect(settingsUndoStore(undefined)).toBeNull();
  });
});

describe('a big follow-up', () => {
  it.each(HOSTS)('is given back exactly in two syncs, as a small one ($name)', async ({ profile, caps }) => {
    const syncsFor = async (n: number) => {
      const book = new FakeWorkbook(profile);
      book.addGrid(SOURCE, generateFollowUp(n).values as FakeValue[][]);
      book.active = SOURCE;
      const s = new AddinSession(host(book), caps, () => NOW);
      await s.read();
      await s.commit(await s.prepareStructure());
      await s.commit(await s.prepareSummary());
      addOwnSheet(book);
      return [
        await expectExactUndo(book, s, async () => s.commit(await s.prepareStructure())),
        await expectExactUndo(book, s, async () => s.commit(await s.prepareSummary())),
      ];
    };
    expect(await syncsFor(BIG)).toEqual([2, 2]);
    expect(await syncsFor(10)).toEqual([2, 2]);
  }, 120000);

  it('is given back exactly when the run was split into several requests', async () => {
    const book = new FakeWorkbook(EXCEL_WEB);
    book.addGrid(SOURCE, generateFollowUp(300).values as FakeValue[][]);
    book.active = SOURCE;
    // A small budget makes the write several requests: the backups go with the first.
    const s = new AddinSession(host(book), { notes: true, comments: true, requestBudget: 200_000 }, () => NOW);
    await s.read();
    await s.commit(await s.prepareStructure());
    addOwnSheet(book);
    let commitSyncs = 0;
    const undo = await expectExactUndo(book, s, async () => {
      const prep = await s.prepareStructure();
      commitSyncs = await syncsOf(book, () => s.commit(prep));
    });
    expect(commitSyncs).toBeGreaterThan(1);
    expect(undo).toBe(2);
  }, 120000);
});
