// Sammanställ flera kommuner in the BUILT Apps Script bundle on strict recording fakes: service calls at 2, 10 and 50 kommuner, the sheets the CLI writes for the same follow-ups, undo, the menu item and the region's report as a Google Doc.
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runRollup } from '../../cli/commands/rollup';
import { SHEETS_UI, UI } from '../../shared/i18n/sv-ui';
import { STATUS_COLOUR, STATUS_LABEL } from '../../shared/i18n/sv';
import { ROLLUP, ROLLUP_HOST, ROLLUP_SHEET } from '../../shared/i18n/sv-rollup';
import type { PlanCell } from '../../shared/model/sheet-plan';
import { STATUS_ORDER } from '../../shared/plan/structured';
import { KOMMUN_COLS } from '../../shared/rollup';
import { readXlsxGrids } from '../support/contract';
import { invariantFormula, loadBundle, makeGasEnv, roundTripCalls, type GasEnv } from '../support/gas-fakes';
import { kommunBuilds, regionSpreadsheet, SHEETS_COPY, writeBuildWorkbooks, type KommunBuild } from '../support/rollup-workbook';

type Hist = Record<string, number>;
interface Result {
  ok: boolean;
  message: string;
  needsConfirm?: string[];
  written?: string[];
  report?: { docName: string; docUrl: string; pdfName: string; pdfUrl: string; besideSpreadsheet: boolean };
  reportLabel?: string;
  lastRun?: string | null;
}

const ROLLUP_NAMES = [ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities];
const sum = (h: Hist) => Object.values(h).reduce((a, b) => a + b, 0);
/** The date the bundle stamps (the Utilities fake formats "now" in Stockholm time). */
const today = () => new Date(Date.now() + 3600_000).toISOString().slice(0, 10);

/** Calls that read a sheet (its name, its data range, values and display texts): a fixed number per sheet. */
const READS = ['Sheet.getName', 'Sheet.getDataRange', 'Range.getValues', 'Range.getDisplayValues'];
const withoutReads = (h: Hist) => Object.fromEntries(Object.entries(h).filter(([k]) => !READS.includes(k)));
const readsOf = (h: Hist) => Object.fromEntries(Object.entries(h).filter(([k]) => READS.includes(k)));

describe('service calls of the roll-up at 2, 10 and 50 kommuner', () => {
  const calls: Record<number, Record<string, Hist>> = {};

  beforeAll(() => {
    loadBundle(makeGasEnv());
    for (const n of [2, 10, 50]) {
      const env = regionSpreadsheet(kommunBuilds(n));
      const { run } = loadBundle(env);
      const out: Record<string, Hist> = {};
      const step = (name: string, fn: string, ...args: unknown[]): Result => {
        env.log.reset();
        const r = run<Result>(fn, ...args);
        out[name] = roundTripCalls(env.log.histogram());
        expect([name, env.errors.map(String)]).toEqual([name, []]);
        return r;
      };
      expect(step('rollup (new sheets)', 'rollup', false).written).toEqual(ROLLUP_NAMES);
      expect(step('rollup (asks)', 'rollup', false).needsConfirm).toEqual(ROLLUP_NAMES);
      expect(step('rollup (replace)', 'rollup', true).ok).toBe(true);
      expect(step('rollupDoc', 'rollupDoc').ok).toBe(true);
      expect(step('undo', 'undo').ok).toBe(true);
      calls[n] = out;
    }
    const line = (n: number) => Object.entries(calls[n]).map(([a, h]) => `${a} ${sum(h)} (${sum(readsOf(h))} reading sheets)`).join(', ');
    console.log(`Sheets service calls per roll-up action:\n  2 kommuner: ${line(2)}\n  10 kommuner: ${line(10)}\n  50 kommuner: ${line(50)}`);
  }, 300000);

  const ACTIONS = ['rollup (new sheets)', 'rollup (asks)', 'rollup (replace)', 'rollupDoc', 'undo'];

  it.each(ACTIONS)('%s: every call but reading the kommuner\u2019s sheets is the same for 2, 10 and 50 kommuner', (action) => {
    expect(withoutReads(calls[10][action])).toEqual(withoutReads(calls[2][action]));
    expect(withoutReads(calls[50][action])).toEqual(withoutReads(calls[2][action]));
  });

  it.each(ACTIONS.filter((a) => a !== 'undo'))('%s: reads each kommun with a fixed number of calls (its three sheets\u2019 names, one data range, values and texts each)', (action) => {
    const perKommun = (a: number, b: number) => (sum(readsOf(calls[b][action])) - sum(readsOf(calls[a][action]))) / (b - a);
    expect(perKommun(2, 10)).toBe(perKommun(10, 50));
    // Each kommun is three sheets: a name each, then a data range, display texts and values each.
    expect(perKommun(10, 50)).toBe(3 * 4);
  });

  it('undo makes the same calls whatever the number of kommuner', () => {
    expect(calls[50].undo).toEqual(calls[2].undo);
  });
});

describe('the roll-up of a region\u2019s spreadsheet', () => {
  let dir: string;
  let kbs: KommunBuild[];
  let env: GasEnv;
  let run: <T = Result>(fn: string, ...a: unknown[]) => T;
  let first: Result;
  let day: string;
  let cli: Record<string, PlanCell[][]>;
  const sheetGrid = (name: string) => env.ss.sheet(name)!.writtenGrid((f) => invariantFormula(f, 'sv_SE'));

  beforeAll(async () => {
    kbs = kommunBuilds(10);
    env = regionSpreadsheet(kbs);
    ({ run } = loadBundle(env));
    day = today();
    first = run<Result>('rollup', false);
    dir = mkdtempSync(join(tmpdir(), 'rollup-gas-'));
    await writeBuildWorkbooks(kbs, join(dir, 'in'));
    const [y, m, d] = day.split('-').map(Number);
    const quiet = { out: () => undefined, err: () => undefined };
    await runRollup([join(dir, 'in'), '-o', join(dir, 'region.xlsx')], quiet, { now: new Date(y, m - 1, d, 12) });
    cli = await readXlsxGrids(readFileSync(join(dir, 'region.xlsx')));
  }, 120000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes Sammanställning, Teman and Aktiviteter per tema as the CLI writes them for the same follow-ups (the Underlag column names the sheet)', () => {
    expect(first).toMatchObject({ ok: true, written: ROLLUP_NAMES, lastRun: ROLLUP_HOST.action });
    expect(first.message).toBe(ROLLUP_HOST.wrote(10, kbs.reduce((n, kb) => n + kb.build.followUp.promises.reduce((m, p) => m + p.activities.length, 0), 0), ROLLUP_NAMES));
    const heading = cli[ROLLUP_SHEET.summary].findIndex((r) => r[0] === ROLLUP.perKommun);
    const rows = kbs.map((_, i) => heading + 2 + i);
    const mask = (g: PlanCell[][]) => g.map((r, i) => (rows.includes(i) ? r.map((v, c) => (c === KOMMUN_COLS.source ? null : v)) : r));
    expect(mask(sheetGrid(ROLLUP_SHEET.summary))).toEqual(mask(cli[ROLLUP_SHEET.summary]));
    expect(sheetGrid(ROLLUP_SHEET.themes)).toEqual(cli[ROLLUP_SHEET.themes]);
    expect(sheetGrid(ROLLUP_SHEET.activities)).toEqual(cli[ROLLUP_SHEET.activities]);
    expect(rows.map((r) => sheetGrid(ROLLUP_SHEET.summary)[r][KOMMUN_COLS.source])).toEqual(kbs.map((_, i) => SHEETS_COPY('Medborgarlöften 2019', i + 1)));
    // The chart of status per kommun is drawn by Sheets.
    expect(env.ss.sheet(ROLLUP_SHEET.summary)!.charts).toHaveLength(1);
  });

  it('asks before replacing the roll-up sheets, keeps them on No, and Ångra gives the earlier sheets back', () => {
    const before = sheetGrid(ROLLUP_SHEET.summary);
    const asks = run<Result>('rollup', false);
    expect(asks).toMatchObject({ ok: false, needsConfirm: ROLLUP_NAMES, message: UI.pane.confirmReplace(ROLLUP_NAMES) });
    env.alertAnswers.push('NO');
    expect(run<Result>('menuRollup')).toMatchObject({ ok: false, message: UI.pane.cancel });
    expect(run<Result>('rollup', true)).toMatchObject({ ok: true, written: ROLLUP_NAMES });
    // The backups are hidden sheets, never read as a kommun's: the roll-up still has ten kommuner.
    expect(env.ss.sheets.filter((s) => s.hidden)).toHaveLength(3);
    expect(run<Result>('rollup', true).message).toMatch(/^Sammanställde 10 kommuner/);
    const undone = run<Result>('undo');
    expect(undone).toMatchObject({ ok: true, message: UI.result.undone([], ROLLUP_NAMES) });
    expect(sheetGrid(ROLLUP_SHEET.summary)).toEqual(before);
    expect(env.ss.sheets.filter((s) => s.hidden)).toHaveLength(0);
    expect(env.lockHeld).toBe(false);
  });

  it('Sammanställning som Google-dokument: the region\u2019s report as a Doc and a PDF beside the spreadsheet, the status chart as a status-coloured table', () => {
    // The user opened the spreadsheet and its folder with the add-on: drive.file reaches them.
    env.drive.grant(env.ss.id, 'folder-kommun');
    const r = run<Result>('rollupDoc');
    const doc = env.docs[env.docs.length - 1];
    expect(r).toMatchObject({ ok: true, reportLabel: ROLLUP_HOST.docLink, message: `${ROLLUP_HOST.docSaved(doc.name)} ${SHEETS_UI.reportBeside}` });
    expect(doc.name).toBe(ROLLUP_HOST.fileBase(day));
    expect(env.driveFiles.find((f) => f.id === doc.id)!.folder).toBe('folder-kommun');
    expect(r.report!.pdfName).toBe(`${doc.name}.pdf`);
    expect(doc.children.find((c) => c.heading === 'HEADING1')?.text).toBe('Medborgarlöften – sammanställning för 10 kommuner');
    const chart = doc.children.find((c) => c.type === 'TABLE' && c.cells![0].join('|') === ['Kommun', ...STATUS_ORDER.map((s) => STATUS_LABEL[s]), 'Totalt'].join('|'))!;
    expect(chart.cells!.slice(1).map((row) => row[0])).toEqual(kbs.map((kb) => kb.build.followUp.kommun));
    // Data rows (row 0 is the header, shaded as the HTML report's header is).
    expect(chart.boldRows).toContain(0);
    const shaded = Object.entries(chart.fills!).filter(([k]) => !k.startsWith('0,'));
    expect(shaded.length).toBeGreaterThan(0);
    for (const [, fill] of shaded) expect(STATUS_ORDER.map((s) => STATUS_COLOUR[s].fill)).toContain(fill);
  });

});

describe('the roll-up\u2019s menu item and messages', () => {
  it('is in the add-on menu, asks with a dialog before replacing, and says in Swedish when there is no structured sheet', () => {
    const env = makeGasEnv();
    env.ss.addSheetWithRows('Blad1', [['Uppföljning av medborgarlöften'], ['Aktivitet', 'Tertial 1'], ['Trafikkontroller', 5]]);
    const { run } = loadBundle(env);
    run('onOpen');
    expect(env.menus[0].items).toContainEqual({ label: ROLLUP_HOST.action, fn: 'menuRollup' });
    env.log.reset();
    expect(run<Result>('menuRollup')).toEqual({ ok: false, message: ROLLUP_HOST.noKommuner });
    expect(env.alerts[env.alerts.length - 1]).toEqual({ title: UI.appName, message: ROLLUP_HOST.noKommuner });
    expect(run<Result>('rollupDoc')).toEqual({ ok: false, message: ROLLUP_HOST.noKommuner });
    expect(env.ss.sheets.map((s) => s.name)).toEqual(['Blad1']);
    expect(env.docs).toHaveLength(0);
    expect(env.log.calls.some((c) => /^(Range\.set|Spreadsheet\.insertSheet)/.test(c))).toBe(false);
    expect(SHEETS_UI.busy).toBeTruthy();
  });

  it('never reads the hidden backup of a structured sheet (the last run\u2019s undo copy) as another kommun', () => {
    const env = regionSpreadsheet(kommunBuilds(2, 4));
    const backup = env.ss.sheet('Medborgarlöften 2019')!.copyTo(env.ss);
    backup.setName('Ångra 1 – Medborgarlöften 2019');
    backup.hideSheet();
    env.props.set('medborgarloften.undo', JSON.stringify({ action: UI.actions.readAndStructure, at: '2026-05-04T10:00:00.000Z', created: [], replaced: [{ name: 'Medborgarlöften 2019', backup: backup.name }] }));
    const { run } = loadBundle(env);
    expect(run<Result>('rollup', false).message).toMatch(/^Sammanställde 2 kommuner/);
  });

  it('answers "busy" under another user\u2019s document lock and writes nothing', () => {
    const env = regionSpreadsheet(kommunBuilds(2, 4));
    const { run } = loadBundle(env);
    env.lockAvailable = false;
    expect(run<Result>('rollup', false)).toEqual({ ok: false, message: SHEETS_UI.busy });
    expect(env.ss.sheets.some((s) => ROLLUP_NAMES.includes(s.name as never))).toBe(false);
  });
});
