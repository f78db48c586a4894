// Sammanställ flera kommuner in Excel, against the recording Excel fake: the same syncs for 2, 10 and 50 kommuner, the same sheets as the CLI's roll-up of the same follow-ups, structured sheets found by their header, undo like every run.
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { applyPlans, NO_EXTRAS, type Capabilities, type ExcelHost } from '../../addin/excel-adapter';
import { AddinSession, UserError } from '../../addin/session';
import { runRollup } from '../../cli/commands/rollup';
import { DEFAULT_REQUEST_BUDGET, readBytes, readRequests, type ReadProp } from '../../shared/app/split-plan';
import { isBackupSheet } from '../../shared/app/snapshot';
import { STATUS_LABEL } from '../../shared/i18n/sv';
import { ROLLUP, ROLLUP_HOST, ROLLUP_SHEET, THEME_LABEL } from '../../shared/i18n/sv-rollup';
import type { PlanCell } from '../../shared/model/sheet-plan';
import { STATUS_ORDER } from '../../shared/plan/structured';
import { ACTIVITY_COLS, ACTIVITY_ROWS, KOMMUN_COLS, THEME_COLS, THEME_IDS } from '../../shared/rollup';
import { readXlsxGrids, trimGrid } from '../support/contract';
import { EXCEL_WEB, FakeWorkbook, type HostProfile } from '../support/excel-fake';
import { kommunBuilds, kommunSheets, regionSheets, writeBuildWorkbooks, type KommunBuild } from '../support/rollup-workbook';
import { hyperFormulaEvaluator } from './fake-evaluator';

const hostOf = (book: FakeWorkbook) => book as unknown as ExcelHost;
const NOW = new Date(2026, 4, 4, 12, 0, 0);
const DATE = '2026-05-04';
const WEB: Capabilities = { ...NO_EXTRAS, requestBudget: DEFAULT_REQUEST_BUDGET };

/** A region's workbook: a user's sheet of notes, then every kommun's structured sheet, Händelser and Kontroller as copied in ("… (2)"), calculated like Excel. */
async function regionBook(kbs: KommunBuild[], profile?: HostProfile): Promise<FakeWorkbook> {
  const book = new FakeWorkbook(profile);
  book.evaluator = hyperFormulaEvaluator;
  book.addGrid('Läsanvisning', [['Region Syd: kommunernas uppföljningar, ett strukturerat blad per kommun'], ['Aktivitet', 'Att göra'], ['Sammanställ', 'Klicka på Sammanställ flera kommuner']]);
  // Built as a user of that host would have: on the web in requests within its limit.
  await applyPlans(hostOf(book), regionSheets(kbs), { source: null, existing: [], capabilities: profile === EXCEL_WEB ? WEB : NO_EXTRAS });
  return book;
}

/** Syncs used by `fn`. */
async function syncsOf<T>(book: FakeWorkbook, fn: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = book.syncs;
  const result = await fn();
  return { result, syncs: book.syncs - before };
}

/** A sheet of the fake as the plan's cells (formulas `{ f }`), trimmed like the contract's grids. */
const written = (book: FakeWorkbook, name: string): PlanCell[][] => trimGrid(book.sheet(name)!.grid() as PlanCell[][]);

/** Rows of the kommun table on Sammanställning (zero-based), found by its heading. */
function kommunRows(grid: PlanCell[][], n: number): number[] {
  const at = grid.findIndex((r) => r[0] === ROLLUP.perKommun);
  return Array.from({ length: n }, (_, i) => at + 2 + i);
}

describe('syncs of the roll-up whatever the number of kommuner', () => {
  const counts: Record<number, Record<string, number>> = {};
  const web: Record<number, Record<string, number>> = {};
  const webSizes: Record<number, { requestBytes: number; responseBytes: number; refused: number }> = {};

  beforeAll(async () => {
    for (const n of [2, 10, 50]) {
      const kbs = kommunBuilds(n);
      for (const [caps, out] of [[NO_EXTRAS, counts], [WEB, web]] as const) {
        const book = await regionBook(kbs, caps === WEB ? EXCEL_WEB : undefined);
        const session = new AddinSession(hostOf(book), caps, () => NOW);
        const prepare = await syncsOf(book, () => session.prepareRollup());
        expect(prepare.result.data.kommuner).toHaveLength(n);
        expect(prepare.result.replacing).toEqual([]);
        const commit = await syncsOf(book, () => session.commit(prepare.result));
        expect(commit.result).toEqual([ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities]);
        const again = await syncsOf(book, () => session.prepareRollup());
        expect(again.result.replacing).toEqual([ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities]);
        const replace = await syncsOf(book, () => session.commit(again.result));
        const report = await syncsOf(book, () => session.rollupReport());
        expect(report.result.doc.title).toBe(`Medborgarlöften – sammanställning för ${n} kommuner`);
        const undo = await syncsOf(book, () => session.undoLast());
        expect(undo.result.restored).toEqual([ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities]);
        if (caps === WEB) webSizes[n] = { ...book.largest(), refused: book.requests.filter((r) => r.refused).length };
        out[n] = { prepare: prepare.syncs, commit: commit.syncs, 'prepare (replace)': again.syncs, 'commit (replace)': replace.syncs, report: report.syncs, undo: undo.syncs };
      }
    }
    console.log(`Excel syncs per roll-up action at 2 / 10 / 50 kommuner: ${JSON.stringify(counts)}; Excel on the web: ${JSON.stringify(web)}`);
  }, 240000);

  it('reads in three syncs (names, a probe of every sheet, the sheets it needs) and writes in one, for 2, 10 and 50 kommuner alike', () => {
    const want = { prepare: 3, commit: 1, 'prepare (replace)': 3, 'commit (replace)': 1, report: 3, undo: 2 };
    expect(counts[2]).toEqual(want);
    expect(counts[10]).toEqual(want);
    expect(counts[50]).toEqual(want);
  });

  it('uses the same syncs within Excel on the web\u2019s request limit, a read past its response budget split', () => {
    expect(web[2]).toEqual(counts[2]);
    expect(web[10]).toEqual(counts[2]);
    // 50 kommuner's sheets (and the three roll-up sheets' snapshot) are estimated past 4,500,000 bytes of response: the reads take a request or two more; writes and undo do not.
    for (const [action, n] of Object.entries(web[50])) {
      if (/^prepare|^report/.test(action)) {
        expect(n).toBeGreaterThanOrEqual(counts[2][action]);
        expect(n).toBeLessThanOrEqual(counts[2][action] + 2);
      } else expect([action, n]).toEqual([action, counts[2][action]]);
    }
    for (const n of [2, 10, 50]) {
      expect(webSizes[n].refused).toBe(0);
      expect(webSizes[n].requestBytes).toBeLessThan(5_000_000);
      expect(webSizes[n].responseBytes).toBeLessThan(5_000_000);
    }
  });
});

describe('reads past the web\u2019s request limit', () => {
  it('plans a read in requests that each stay within the budget, a big sheet in bands of rows, and keeps it whole below it', () => {
    const targets = [
      { name: 'Sammanställning', rows: 100, cols: 50, props: ['values', 'formulas', 'numberFormat'] as ReadProp[] },
      { name: 'A', rows: 400, cols: 25, props: ['values', 'text'] as ReadProp[] },
      { name: 'B', rows: 4000, cols: 25, props: ['values', 'text'] as ReadProp[] },
    ];
    expect(readRequests(targets, Number.POSITIVE_INFINITY)).toEqual([[{ name: 'Sammanställning', from: 0, to: 100 }, { name: 'A', from: 0, to: 400 }, { name: 'B', from: 0, to: 4000 }]]);
    const budget = 1_000_000;
    const requests = readRequests(targets, budget);
    expect(requests.length).toBeGreaterThan(2);
    for (const r of requests) expect(r.reduce((n, b) => n + readBytes(b.to - b.from, targets.find((t) => t.name === b.name)!.cols, targets.find((t) => t.name === b.name)!.props), 0)).toBeLessThanOrEqual(budget);
    // Every row of every sheet is read exactly once, in order.
    for (const t of targets) {
      const bands = requests.flat().filter((b) => b.name === t.name);
      expect(bands[0].from).toBe(0);
      bands.forEach((b, i) => i && expect(b.from).toBe(bands[i - 1].to));
      expect(bands[bands.length - 1].to).toBe(t.rows);
    }
  });
});

describe('the roll-up of a region\u2019s workbook', () => {
  let dir: string;
  let kbs: KommunBuild[];
  let book: FakeWorkbook;
  let session: AddinSession;
  let cli: Record<string, PlanCell[][]>;

  beforeAll(async () => {
    kbs = kommunBuilds(10);
    book = await regionBook(kbs);
    session = new AddinSession(hostOf(book), NO_EXTRAS, () => NOW);
    await session.commit(await session.prepareRollup());
    // The CLI over the same follow-ups, as `build` workbooks in a folder.
    dir = mkdtempSync(join(tmpdir(), 'rollup-addin-'));
    await writeBuildWorkbooks(kbs, join(dir, 'in'));
    const quiet = { out: () => undefined, err: () => undefined };
    // Exit 1: the generated follow-ups hold errors (running totals that do not add up), as real ones do.
    expect(await runRollup([join(dir, 'in'), '-o', join(dir, 'region.xlsx')], quiet, { now: NOW })).toBe(1);
    cli = await readXlsxGrids(readFileSync(join(dir, 'region.xlsx')));
  }, 120000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the three sheets the CLI writes for the same follow-ups, cell for cell (the Underlag column names the sheet, not the file)', () => {
    expect(Object.keys(cli)).toEqual([ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities]);
    const rows = kommunRows(cli[ROLLUP_SHEET.summary], kbs.length);
    const mask = (g: PlanCell[][]) => g.map((r, i) => (rows.includes(i) ? r.map((v, c) => (c === KOMMUN_COLS.source ? null : v)) : r));
    expect(mask(written(book, ROLLUP_SHEET.summary))).toEqual(mask(cli[ROLLUP_SHEET.summary]));
    expect(written(book, ROLLUP_SHEET.themes)).toEqual(cli[ROLLUP_SHEET.themes]);
    expect(written(book, ROLLUP_SHEET.activities)).toEqual(cli[ROLLUP_SHEET.activities]);
    const ours = written(book, ROLLUP_SHEET.summary);
    expect(rows.map((r) => ours[r][KOMMUN_COLS.source])).toEqual(kbs.map((_, i) => (i === 0 ? 'Medborgarlöften 2019' : `Medborgarlöften 2019 (${i + 1})`)));
    expect(rows.map((r) => cli[ROLLUP_SHEET.summary][r][KOMMUN_COLS.source])).toEqual(kbs.map((kb) => `${kb.file}.xlsx`));
    expect(rows.map((r) => ours[r][KOMMUN_COLS.kommun])).toEqual(kbs.map((kb) => kb.build.followUp.kommun));
  });

  it('has one row per kommun with its activities per status, and theme formulas that Excel computes to the activity sheet\u2019s counts', () => {
    const grid = written(book, ROLLUP_SHEET.summary);
    const rows = kommunRows(grid, kbs.length);
    kbs.forEach((kb, i) => {
      const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0]));
      for (const p of kb.build.followUp.promises) for (const a of p.activities) counts[a.status]++;
      expect(STATUS_ORDER.map((_, j) => grid[rows[i]][KOMMUN_COLS.firstStatus + j])).toEqual(STATUS_ORDER.map((s) => counts[s]));
    });
    const themes = book.sheet(ROLLUP_SHEET.themes)!;
    const list = written(book, ROLLUP_SHEET.activities).slice(ACTIVITY_ROWS.firstData);
    const themeGrid = written(book, ROLLUP_SHEET.themes);
    for (const t of THEME_IDS) {
      const at = themeGrid.findIndex((r) => r[0] === ROLLUP.theme(THEME_LABEL[t]));
      const total = at + 2 + kbs.length;
      expect(themes.cell(total, THEME_COLS.activities)?.value ?? 0).toBe(list.filter((r) => r[ACTIVITY_COLS.theme] === THEME_LABEL[t]).length);
    }
    expect(STATUS_ORDER.map((s) => STATUS_LABEL[s])).toContain(grid[rows[0] - 1][KOMMUN_COLS.firstStatus]);
  });

  it('keeps a Tema the user corrected when the roll-up is made again, asks first, and undo gives the earlier sheets back', async () => {
    const list = book.sheet(ROLLUP_SHEET.activities)!;
    const row = ACTIVITY_ROWS.firstData;
    const was = list.cell(row, ACTIVITY_COLS.theme)!.value;
    const other = THEME_LABEL[THEME_IDS.find((t) => THEME_LABEL[t] !== was)!];
    Object.assign(list.cell(row, ACTIVITY_COLS.theme)!, { value: other, formula: null });
    const before = written(book, ROLLUP_SHEET.summary);
    const prep = await session.prepareRollup();
    expect(prep.replacing).toEqual([ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities]);
    expect(prep.data.activities.filter((a) => a.byUser)).toHaveLength(1);
    await session.commit(prep);
    expect(book.sheet(ROLLUP_SHEET.activities)!.cell(row, ACTIVITY_COLS.theme)!.value).toBe(other);
    expect(session.undo?.action).toBe(ROLLUP_HOST.action);
    expect(session.undo?.restore.map((p) => p.name)).toEqual([ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities]);
    // Undo gives the replaced sheets back as they were (the corrected Tema included) from their hidden backups, and keeps every kommun's sheets.
    const names = book.sheets.map((s) => s.name).filter((n) => !isBackupSheet(n));
    expect(await session.undoLast()).toEqual({ deleted: [], restored: [ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities] });
    expect(written(book, ROLLUP_SHEET.summary)).toEqual(before);
    expect(book.sheet(ROLLUP_SHEET.activities)!.cell(row, ACTIVITY_COLS.theme)!.value).toBe(other);
    expect(book.sheets.map((s) => s.name).sort()).toEqual(names.sort());
  });
});

describe('which sheets the roll-up reads', () => {
  it('counts a structured sheet the user renamed and one copied with its Händelser, leaves source and other sheets out, never writes a kommun\u2019s sheet; undo deletes what it made', async () => {
    const kbs = kommunBuilds(3, 6);
    const book = new FakeWorkbook();
    book.evaluator = hyperFormulaEvaluator;
    // Kommun 1 as build names it, with its source sheet; kommun 2 renamed by the user (no Händelser of its own); kommun 3 copied in with its sheets.
    book.addGrid(kbs[0].build.source.sheetName!, kbs[0].build.source.values as (string | null)[][]);
    const k2 = kommunSheets(kbs[1], 1).map((p) => (p.kind === 'structured' ? { ...p, name: 'Eksjö uppföljning' } : p)).filter((p) => p.kind === 'structured');
    await applyPlans(hostOf(book), [...kommunSheets(kbs[0], 1), ...k2, ...kommunSheets(kbs[2], 3)], { source: null, existing: [] });
    const before = JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells.entries()]]));
    const session = new AddinSession(hostOf(book), NO_EXTRAS, () => NOW);
    const prep = await session.prepareRollup();
    expect(prep.data.kommuner.map((k) => [k.kommun, k.source])).toEqual([
      [kbs[0].build.followUp.kommun, 'Medborgarlöften 2019'],
      [kbs[1].build.followUp.kommun, 'Eksjö uppföljning'],
      [kbs[2].build.followUp.kommun, 'Medborgarlöften 2019 (3)'],
    ]);
    // Each kommun's events are its own: no event of one kommun is taken for another's.
    expect(prep.data.digest.map((d) => d.code)).not.toContain('structured-event-no-activity');
    expect(prep.data.kommuner.map((k) => k.activities)).toEqual([6, 6, 6]);
    await session.commit(prep);
    const after = JSON.stringify(book.sheets.filter((s) => !Object.values(ROLLUP_SHEET).includes(s.name as never)).map((s) => [s.name, [...s.cells.entries()]]));
    expect(after).toBe(before);
    expect(book.active).toBe(ROLLUP_SHEET.summary);
    expect(await session.undoLast()).toEqual({ deleted: [ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities], restored: [] });
    expect(book.sheets.some((s) => Object.values(ROLLUP_SHEET).includes(s.name as never))).toBe(false);
  });

  it('says in Swedish that there is nothing to roll up when no sheet is a structured sheet, and writes nothing', async () => {
    const book = new FakeWorkbook();
    book.addGrid('Blad1', [['Uppföljning av medborgarlöften'], ['Aktivitet', 'Tertial 1'], ['Trafikkontroller', '5']]);
    const session = new AddinSession(hostOf(book), NO_EXTRAS, () => NOW);
    await expect(session.prepareRollup()).rejects.toEqual(new UserError(ROLLUP_HOST.noKommuner));
    await expect(session.rollupReport()).rejects.toBeInstanceOf(UserError);
    expect(book.log.filter((l) => l !== 'sync')).toEqual([]);
    expect(book.syncs).toBe(4);
  });

  it('builds the region\u2019s report from the sheets as edited, named by the date', async () => {
    const kbs = kommunBuilds(2, 6);
    const book = await regionBook(kbs);
    book.log = [];
    const session = new AddinSession(hostOf(book), NO_EXTRAS, () => NOW);
    const { doc, fileName } = await session.rollupReport();
    expect(fileName).toBe(`Sammanställning av medborgarlöften ${DATE}.docx`);
    expect(doc.blocks.find((b) => b.type === 'status-chart')).toMatchObject({ rows: kbs.map((kb) => ({ label: kb.build.followUp.kommun })) });
    expect(book.log.filter((l) => l !== 'sync')).toEqual([]);
  });
});
