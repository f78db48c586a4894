// The BUILT Apps Script bundle in a Node vm with recording fakes: menu, every action on each seed, contract with ExcelJS, locks, undo, constant service calls.
import { makeGasEnv, loadBundle, isBuilderCall, roundTripCalls, sheetState, type GasEnv, type FakeSheet } from '../support/gas-fakes';
import { excelJsWrittenGrids } from '../support/contract';
import { SEEDS, seedGrid } from '../support/seeds';
import { generateFollowUp } from '../bench/generate';
import { importFollowUp } from '../../shared/import/import-follow-up';
import { planImportSheets } from '../../shared/plan';
import { gridFromTsv, type Grid } from '../../shared/model/grid';
import { UI } from '../../shared/i18n/sv-ui';
import { toLocaleFormula } from '../../apps-script/server/formula-locale';
import { ROLLUP_HOST } from '../../shared/i18n/sv-rollup';

interface Result {
  ok: boolean;
  message: string;
  needsConfirm?: string[];
  written?: string[];
  preview?: { kommun: string | null; year: number | null; activityCount: number; sheetName: string | null; findings: { cell: string | null; message: string }[] };
  report?: { docUrl: string; pdfUrl: string; besideSpreadsheet: boolean };
}

/** A fake spreadsheet holding `grid` on the sheet "Uppföljning", with the bundle loaded. */
function setup(grid: Grid, locale = 'en_US'): { env: GasEnv; run: <T = Result>(fn: string, ...a: unknown[]) => T; source: FakeSheet } {
  const env = makeGasEnv();
  env.ss.locale = locale;
  const source = env.ss.addSheetWithRows('Uppföljning', grid.values.map((r) => r.map((v) => (v === null ? null : v))));
  const { run } = loadBundle(env);
  return { env, run, source };
}

function snapshot(s: FakeSheet): string {
  return JSON.stringify([...s.cells.entries()].sort((a, b) => a[0] - b[0]));
}

beforeAll(() => {
  // Builds dist/apps-script if missing or stale (first test pays the webpack run).
  loadBundle(makeGasEnv());
}, 120000);

describe('onOpen', () => {
  it('adds the Medborgarlöften add-on menu using only the UI service (no authorisation needed)', () => {
    const { env, run } = setup(seedGrid('eksjo-2019'));
    env.log.reset();
    run('onOpen');
    expect(env.menus).toHaveLength(1);
    expect(env.menus[0].items.map((i) => i.label)).toEqual([
      UI.actions.readAndStructure, UI.actions.summary, UI.actions.report, UI.actions.sidebar, UI.actions.undo, ROLLUP_HOST.action,
    ]);
    expect(env.log.calls.every((c) => /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.)/.test(c))).toBe(true);
    // Every menu item names a top-level function of the bundle.
    for (const item of env.menus[0].items) expect(() => run(item.fn === 'menuSidebar' ? 'menuSidebar' : 'onInstall')).not.toThrow();
  });
});

describe.each(SEEDS)('seed %s', (seed) => {
  it('Läs in och strukturera writes the same grids as the ExcelJS adapter and leaves the source untouched', async () => {
    const grid = seedGrid(seed);
    const { env, run, source } = setup(grid);
    const before = snapshot(source);
    const r = run('menuReadAndStructure');
    expect(r.ok).toBe(true);
    const plans = planImportSheets(importFollowUp({ ...grid, sheetName: 'Uppföljning' }, { reportedPeriod: null }));
    expect(r.written).toEqual(plans.map((p) => p.name));
    const expected = await excelJsWrittenGrids(plans);
    for (const p of plans) expect(env.ss.sheet(p.name)!.writtenGrid()).toEqual(expected[p.name]);
    expect(snapshot(source)).toBe(before);
    // Structured sheet: frozen header, status rules and count validation are there.
    const s = env.ss.sheet(plans[0].name)!;
    expect(s.frozenRows).toBe(plans[0].frozenRows);
    expect(s.cfRules.length).toBe(plans[0].conditionalFormats.length);
    expect([...s.cells.values()].some((c) => c.validation?.criteria === 'CUSTOM_FORMULA')).toBe(true);
    expect(env.lockHeld).toBe(false);
  });

  it('the sidebar preview shows what was found and the findings with cells, writing nothing', () => {
    const { env, run } = setup(seedGrid(seed));
    const sheetsBefore = env.ss.sheets.length;
    const r = run('preview', null);
    expect(r.ok).toBe(true);
    expect(r.preview!.sheetName).toBe('Uppföljning');
    expect(r.preview!.activityCount).toBeGreaterThan(0);
    expect(r.preview!.findings.length).toBeGreaterThan(0);
    expect(env.ss.sheets.length).toBe(sheetsBefore);
    expect(env.log.calls.filter((c) => /^Range\.set/.test(c))).toEqual([]);
    const cell = r.preview!.findings.find((f) => f.cell)!.cell!;
    const sel = run('selectCell', r.preview!.sheetName, cell);
    expect(sel.ok).toBe(true);
    expect(env.ss.activeRange!.getA1Notation()).toBe(cell);
    expect(env.ss.active!.name).toBe('Uppföljning');
  });
});

describe('text stays text', () => {
  it('writes imported text starting with = + - @ or looking like a date as literal text', async () => {
    const tsv = [
      'Medborgarlöfte 2019 för Eskilstuna kommun',
      'Löfte 1',
      'Att genomföra minst tio riktade insatser',
      'Aktivitet\tTertial 1\tTertial 2\tTertial 3',
      '=HYPERLINK("http://evil.example","klicka")\t3\t2\t-5 minuter',
      '+46 70 123 45 67\t2019-05-02\t@polisen\t<img src=x onerror=alert(1)>',
    ].join('\n');
    const grid = gridFromTsv(tsv, 'Uppföljning');
    const { env, run } = setup(grid);
    expect(run('menuReadAndStructure').ok).toBe(true);
    const plans = planImportSheets(importFollowUp(grid, { reportedPeriod: null }));
    const expected = await excelJsWrittenGrids(plans);
    const got = env.ss.sheet(plans[0].name)!.writtenGrid();
    expect(got).toEqual(expected[plans[0].name]);
    const texts = got.flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('=HYPERLINK("http://evil.example","klicka")');
    expect(texts.some((t) => t.includes('-5 minuter'))).toBe(true);
  });
});

describe('replacing, undo and the lock', () => {
  it('asks before replacing generated sheets; No changes nothing, Yes replaces and Ångra restores the edited sheet', () => {
    const { env, run } = setup(seedGrid('eskilstuna-2019'));
    expect(run('menuReadAndStructure').ok).toBe(true);
    const name = env.ss.sheets[1].name;
    const structured = env.ss.sheet(name)!;
    structured.getRange(8, 3).setValues([["'Min egen ändring"]]);
    const edited = snapshot(structured);
    const editedState = sheetState(structured);

    env.alertAnswers.push('NO');
    const cancelled = run('menuReadAndStructure');
    expect(cancelled.ok).toBe(false);
    expect(env.alerts.some((a) => a.title === UI.pane.confirmTitle && a.message.includes(name))).toBe(true);
    expect(snapshot(env.ss.sheet(name)!)).toBe(edited);

    env.alertAnswers.push('YES');
    expect(run('menuReadAndStructure').ok).toBe(true);
    expect(snapshot(env.ss.sheet(name)!)).not.toBe(edited);
    const backups = env.ss.sheets.filter((s) => s.hidden);
    expect(backups).toHaveLength(3);
    expect([...env.props.values()].every((v) => Buffer.byteLength(v) < 9 * 1024)).toBe(true);

    expect(run('menuUndo').ok).toBe(true);
    expect(sheetState(env.ss.sheet(name)!)).toEqual(editedState);
    expect(env.ss.sheet(name)!.getRange(8, 3).getValues()[0][0]).toBe('Min egen ändring');
    expect(env.ss.sheets.filter((s) => s.hidden)).toHaveLength(0);
    expect(env.ss.sheet(name)!.id).toBe(structured.id);
  });

  it('Ångra after a first run deletes the sheets it created; a second Ångra has nothing to undo', () => {
    const { env, run } = setup(seedGrid('eksjo-2019'));
    run('menuReadAndStructure');
    expect(env.ss.sheets.length).toBe(4);
    expect(run('menuUndo').ok).toBe(true);
    expect(env.ss.sheets.map((s) => s.name)).toEqual(['Uppföljning']);
    const again = run('undo');
    expect(again).toMatchObject({ ok: false, message: UI.pane.undoNothing });
  });

  it('refuses to run while another user holds the document lock, and writes nothing', () => {
    const { env, run } = setup(seedGrid('eksjo-2019'));
    env.lockAvailable = false;
    const r = run('structure', true);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/försök igen/i);
    expect(env.ss.sheets.length).toBe(1);
  });

  it('the source sheet is never written, even when the user runs the import from a generated sheet', () => {
    const { env, run, source } = setup(seedGrid('eskilstuna-2019'));
    const before = snapshot(source);
    run('menuReadAndStructure');
    env.ss.active = env.ss.sheets[1];
    env.alertAnswers.push('YES');
    expect(run('menuReadAndStructure').ok).toBe(true);
    expect(snapshot(source)).toBe(before);
  });
});

describe('formulas in a Swedish-locale spreadsheet', () => {
  it('are written with the locale separators and mean the same invariant formulas', async () => {
    const grid = seedGrid('eskilstuna-2019');
    const { env, run } = setup(grid, 'sv_SE');
    expect(run('menuReadAndStructure').ok).toBe(true);
    const plans = planImportSheets(importFollowUp({ ...grid, sheetName: 'Uppföljning' }, { reportedPeriod: null }));
    const sheet = env.ss.sheet(plans[0].name)!;
    const formulas = [...sheet.cells.values()].map((c) => c.formula).filter((f): f is string => !!f);
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.some((f) => f.includes(';'))).toBe(true);
    // Mapping each written formula back must give the plan's own formula.
    const planFormulas = new Set(plans[0].blocks.flatMap((b) => b.values.flat()).filter((v): v is { f: string } => !!v && typeof v === 'object').map((v) => toLocaleFormula(v.f)));
    for (const f of formulas) expect(planFormulas.has(f)).toBe(true);
    void env;
  });
});

describe('service calls', () => {
  function callsFor(n: number): { total: number; hist: Record<string, number> } {
    const { env, run } = setup(generateFollowUp(n));
    env.log.reset();
    const r = run('structure', true);
    expect([r.ok, r.message, env.errors.map(String)]).toEqual([true, r.message, []]);
    return { total: env.log.count(), hist: env.log.histogram() };
  }

  const isBuilder = isBuilderCall;
  const roundTrips = roundTripCalls;

  it('Läs in och strukturera makes the same number of service calls for 10 and 5,000 activities', () => {
    const small = callsFor(10);
    const large = callsFor(5000);
    expect(roundTrips(large.hist)).toEqual(roundTrips(small.hist));
    expect(large.hist['Sheet.insertRowsAfter'] ?? 0).toBeLessThanOrEqual(3);
    // One read: getValues + getDisplayValues once each; one setValues per sheet.
    expect(small.hist['Range.getValues']).toBe(1);
    expect(small.hist['Range.getDisplayValues']).toBe(1);
    expect(small.hist['Range.setValues']).toBe(3);
    expect(small.hist['Sheet.setConditionalFormatRules']).toBeLessThanOrEqual(3);
    expect(small.hist['Range.setDataValidations']).toBeLessThanOrEqual(3);
    // Rule builders do not grow either; only rich-text links are built one per link.
    const builders = (h: Record<string, number>) => Object.entries(h).filter(([k]) => isBuilder(k) && !/RichText/.test(k));
    expect(builders(large.hist)).toEqual(builders(small.hist));
    const total = Object.values(roundTrips(large.hist)).reduce((a, b) => a + b, 0);
    console.log(`Läs in och strukturera: ${total} round-trip calls at 10 and at 5,000 activities`);
  }, 60000);
});
