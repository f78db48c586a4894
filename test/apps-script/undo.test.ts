// Ångra senaste körning in the BUILT Apps Script bundle: after every action that can be undone, on both seeds, every sheet's WHOLE state (cells with formats, notes, validation and links, merges, conditional formats, charts, frozen panes, widths, tab colour, grid size, position, id) is what it was before.
import { readFileSync } from 'fs';
import { join } from 'path';
import { makeGasEnv, loadBundle, hyperFormulaEvaluator, spreadsheetState, roundTripCalls, isBuilderCall, type GasEnv, type FakeSheet, type SheetState } from '../support/gas-fakes';
import { generateFollowUp } from '../bench/generate';
import { SEEDS, seedGrid } from '../support/seeds';
import { withWordUtilities } from '../shared/docx/gas-utilities';
import { kommunBuilds, regionSpreadsheet } from '../support/rollup-workbook';
import { EVENTS_SHEET, FINDINGS_SHEET } from '../../shared/plan';
import { ROLLUP_SHEET } from '../../shared/i18n/sv-rollup';

interface Result { ok: boolean; message: string; written?: string[]; needsConfirm?: string[] }
type Run = <T = Result>(fn: string, ...a: unknown[]) => T;

const STRUCTURED = 'Medborgarlöften 2019';
const DOCX_DIR = join(__dirname, '..', 'fixtures', 'docx');

/** A spreadsheet holding the seed on "Uppföljning" (Sheets recalculating as it does), the bundle loaded. */
function seeded(seed: string, locale = 'en_US'): { env: GasEnv; run: Run } {
  const env = withWordUtilities(makeGasEnv());
  env.ss.locale = locale;
  env.ss.evaluator = hyperFormulaEvaluator;
  env.ss.addSheetWithRows('Uppföljning', seedGrid(seed).values);
  const { run } = loadBundle(env);
  return { env, run };
}

function ok(run: Run, fn: string, ...args: unknown[]): Result {
  const r = run(fn, ...args);
  expect([fn, r.ok, r.message]).toEqual([fn, true, r.message]);
  return r;
}

/**
 * What a user does to generated sheets between runs, with the calls a script or the UI makes:
 * a typed count, a note, a tab colour, a wider column, a frozen column, a rule of their own, their
 * own chart, and a sheet of their own whose formula reads the generated sheet.
 */
function userEdits(env: GasEnv, name: string): void {
  const s = env.ss.sheet(name)!;
  const w = env.ss._wrapSheet(s);
  w.getRange(3, 2).setValues([["'Ändrat av mig"]]);
  w.getRange(2, 5).setNotes([['Min anteckning']]);
  w.setTabColor('#ff9900');
  w.setColumnWidth(3, 240);
  w.setFrozenColumns(1);
  const rule = (env.globals.SpreadsheetApp as { newConditionalFormatRule: () => { whenTextEqualTo: (t: string) => { setBackground: (c: string) => { setRanges: (r: unknown[]) => { build: () => unknown } } } } })
    .newConditionalFormatRule().whenTextEqualTo('Klar').setBackground('#00ff00').setRanges([w.getRange('B2:B40')]).build();
  w.setConditionalFormatRules([...w.getConditionalFormatRules(), rule as never]);
  w.insertChart(w.newChart().setChartType('COLUMN').addRange(w.getRange('A1:B10')).setPosition(4, 6, 10, 5).setOption('title', 'Min egen').build());
  if (!env.ss.sheet('Mina formler')) env.ss.addSheetWithRows('Mina formler', [['Läser']]);
  env.ss._wrapSheet(env.ss.sheet('Mina formler')!).getRange(2, 1).setValues([[`=COUNTA('${name}'!A:A)`]]);
}

/** The whole spreadsheet's state (every sheet, in order), recalculated first as Sheets would be. */
function state(env: GasEnv): SheetState[] {
  env.ss._recalc();
  return spreadsheetState(env.ss);
}

/** How much of a sheet's state there is to restore (for the log). */
function counts(states: SheetState[], names: string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const s of states.filter((x) => names.includes(x.name))) {
    const cells = Object.values(s.cells);
    out[s.name] = {
      cells: cells.length,
      validations: cells.filter((c) => c.validation).length,
      notes: cells.filter((c) => c.note).length,
      links: cells.filter((c) => c.link).length,
      conditionalFormats: s.conditionalFormats.length,
      charts: s.charts.length,
      merges: s.merges.length,
    };
  }
  return out;
}

/** Runs `act`, checks it changed the spreadsheet, then Ångra, and checks every sheet is back exactly. */
function undoRestores(env: GasEnv, run: Run, act: () => void, label: string, log = true): void {
  const before = state(env);
  act();
  expect(state(env)).not.toEqual(before);
  const r = run<Result & { lastRun: string | null }>('undo');
  expect([label, r.ok]).toEqual([label, true]);
  expect(env.errors.map(String)).toEqual([]);
  const after = state(env);
  expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
  for (let i = 0; i < before.length; i++) expect([label, after[i]]).toEqual([label, before[i]]);
  if (log) console.log(`${label}: restored ${JSON.stringify(counts(before, [STRUCTURED, EVENTS_SHEET, FINDINGS_SHEET, ...before.map((s) => s.name).filter((n) => /Sammanfattning|Sammanställning|Teman|Aktiviteter/.test(n))]))}`);
}

beforeAll(() => {
  loadBundle(makeGasEnv());
}, 120000);

describe.each(SEEDS)('Ångra restores every sheet exactly (seed %s)', (seed) => {
  it('after Läs in och strukturera on a spreadsheet without generated sheets: the three new sheets are deleted, nothing else changes', () => {
    const { env, run } = seeded(seed);
    undoRestores(env, run, () => ok(run, 'structure', false), `${seed} structure (new)`, false);
  });

  it('after Läs in och strukturera replaced the edited structured sheet, Händelser and Kontroller', () => {
    const { env, run } = seeded(seed);
    ok(run, 'structure', false);
    userEdits(env, STRUCTURED);
    userEdits(env, EVENTS_SHEET);
    undoRestores(env, run, () => ok(run, 'structure', true), `${seed} structure (replace)`);
    // The same sheets, not copies: the user's formula still reads the structured sheet by its id.
    expect(env.ss.sheets.every((s) => !s.hidden)).toBe(true);
  });

  it('after Skapa sammanfattning replaced an edited summary (its chart, merges, frozen row, widths, tab colour)', () => {
    const { env, run } = seeded(seed);
    ok(run, 'structure', false);
    ok(run, 'summary', false);
    const summary = env.ss.sheets.find((s) => /Sammanfattning/.test(s.name))!;
    expect(summary.charts.length).toBeGreaterThan(0);
    userEdits(env, summary.name);
    undoRestores(env, run, () => ok(run, 'summary', true), `${seed} summary (replace)`);
    expect(env.ss.sheet(summary.name)!.charts.length).toBeGreaterThan(1);
  });

  it('after Skapa sammanfattning made a new summary: it is deleted', () => {
    const { env, run } = seeded(seed);
    ok(run, 'structure', false);
    undoRestores(env, run, () => ok(run, 'summary', false), `${seed} summary (new)`, false);
  });

  it('after Uppdatera rewrote the structured sheet, Händelser and Kontroller the user had edited', () => {
    const { env, run } = seeded(seed);
    ok(run, 'structure', false);
    userEdits(env, STRUCTURED);
    userEdits(env, FINDINGS_SHEET);
    undoRestores(env, run, () => ok(run, 'update'), `${seed} update`);
  });

  it('after Öppna Word-fil: the new source sheet is deleted, the earlier sheets are as they were', () => {
    const { env, run } = seeded(seed);
    ok(run, 'structure', false);
    userEdits(env, STRUCTURED);
    undoRestores(env, run, () => ok(run, 'openWordFile', `${seed}.docx`, readFileSync(join(DOCX_DIR, `${seed}.docx`)).toString('base64')), `${seed} Word file`, false);
  });
});

describe('Ångra after Sammanställ flera kommuner', () => {
  const NAMES = [ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities];

  it('deletes the roll-up sheets it created', () => {
    const env = regionSpreadsheet(kommunBuilds(3));
    const { run } = loadBundle(env);
    undoRestores(env, run, () => expect(ok(run, 'rollup', false).written).toEqual(NAMES), 'rollup (new)', false);
  });

  it('puts back the roll-up sheets it replaced, edited as the user left them', () => {
    const env = regionSpreadsheet(kommunBuilds(3));
    const { run } = loadBundle(env);
    ok(run, 'rollup', false);
    for (const n of NAMES) userEdits(env, n);
    undoRestores(env, run, () => ok(run, 'rollup', true), 'rollup (replace)');
  });
});

describe('Ångra in a Swedish-locale spreadsheet (formulas with semicolons)', () => {
  it('restores the re-made structure and summary exactly', () => {
    const { env, run } = seeded('eskilstuna-2019', 'sv_SE');
    ok(run, 'structure', false);
    expect([...env.ss.sheet(STRUCTURED)!.cells.values()].some((c) => c.formula?.includes(';'))).toBe(true);
    userEdits(env, STRUCTURED);
    undoRestores(env, run, () => ok(run, 'structure', true), 'sv_SE structure (replace)', false);
    ok(run, 'summary', false);
    undoRestores(env, run, () => ok(run, 'summary', true), 'sv_SE summary (replace)', false);
  });
});

describe('what undo rests on', () => {
  it('restores a sheet the user grew by rows and columns (a value far below and right of the data) to its grid before the run', () => {
    const { env, run } = seeded('eskilstuna-2019');
    ok(run, 'structure', false);
    const events: FakeSheet = env.ss.sheet(EVENTS_SHEET)!;
    const w = env.ss._wrapSheet(events);
    w.insertRowsAfter(events.maxRows, 700);
    w.insertColumnsAfter(events.maxCols, 4);
    w.getRange(1500, 28).setValues([['långt ner']]);
    undoRestores(env, run, () => ok(run, 'structure', true), 'grown grid', false);
  });

  it('puts a replaced sheet back in its place when the user moved it after the run', () => {
    const { env, run } = seeded('eksjo-2019');
    ok(run, 'structure', false);
    undoRestores(env, run, () => {
      ok(run, 'structure', true);
      const w = env.ss._wrapSheet(env.ss.sheet(EVENTS_SHEET)!);
      env.ss.setActiveSheet(w);
      env.ss.moveActiveSheet(1);
    }, 'moved sheet', false);
  });

  it('rolls a run that fails half-way back to exactly what was there', () => {
    const { env, run } = seeded('eskilstuna-2019');
    ok(run, 'structure', false);
    userEdits(env, STRUCTURED);
    const before = state(env);
    // Händelser's validation write (the run's second) fails, as a timeout would.
    const proto = Object.getPrototypeOf(env.ss.sheet(EVENTS_SHEET)!.getRange(1, 1)) as { setDataValidations: (...a: unknown[]) => unknown };
    const real = proto.setDataValidations;
    let n = 0;
    proto.setDataValidations = function (this: unknown, ...a: unknown[]) {
      if (++n === 2) throw new Error('Service Spreadsheets timed out while accessing document');
      return real.apply(this, a);
    };
    try {
      const r = run('structure', true);
      expect(r.ok).toBe(false);
    } finally {
      proto.setDataValidations = real;
    }
    env.errors.length = 0;
    expect(state(env)).toEqual(before);
  });

  it('names a backup apart from a sheet of the user\u2019s that has its name', () => {
    const { env, run } = seeded('eksjo-2019');
    ok(run, 'structure', false);
    env.ss.addSheetWithRows('Ångra 2 – Händelser', [['mitt eget blad']]);
    undoRestores(env, run, () => {
      ok(run, 'structure', true);
      expect(env.ss.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(['Ångra 1 – Medborgarlöften 2019', 'Ångra 2 – Händelser (2)', 'Ångra 3 – Kontroller']);
    }, 'backup name taken', false);
  });

  it('keeps the restored sheets\u2019 ids, so formulas and #gid links of other sheets still point at them', () => {
    const { env, run } = seeded('eksjo-2019');
    ok(run, 'structure', false);
    const ids = env.ss.sheets.map((s) => [s.name, s.id]);
    ok(run, 'structure', true);
    ok(run, 'undo');
    expect(env.ss.sheets.map((s) => [s.name, s.id])).toEqual(ids);
  });
});

describe('the cost of Ångra', () => {
  /** Läs in och strukturera twice on `n` generated activities, then Ångra: its calls and the cell attributes it writes. */
  function undoCost(n: number): { calls: Record<string, number>; all: number; cells: number; runNotes: number } {
    const env = makeGasEnv();
    env.ss.addSheetWithRows('Uppföljning', generateFollowUp(n).values);
    const { run } = loadBundle(env);
    ok(run, 'structure', false);
    env.log.reset();
    ok(run, 'structure', true);
    const runNotes = env.log.cellsBy.setNotes ?? 0;
    env.log.reset();
    ok(run, 'undo');
    const h = env.log.histogram();
    return { calls: roundTripCalls(h), all: Object.entries(h).filter(([k]) => !isBuilderCall(k)).reduce((t, [, v]) => t + v, 0), cells: env.log.cellsWritten, runNotes };
  }

  it('makes the same service calls whatever the number of activities, and writes cells only for notes', () => {
    const small = undoCost(10);
    const large = undoCost(3000);
    expect(large.calls).toEqual(small.calls);
    // Only notes are written as cells (one setNotes over their rectangle, as the run writes them); the rest is pasted.
    expect(large.cells).toBeGreaterThan(0);
    expect(large.cells).toBeLessThanOrEqual(large.runNotes);
    const seconds = large.all * 0.007 + large.cells * 0.0001;
    console.log(`Ångra after a re-structure: ${large.all} calls (${Object.values(large.calls).reduce((a, b) => a + b, 0)} round trips), ${large.cells} cell attributes written, at 10 and 3,000 activities alike: ${seconds.toFixed(1)} s on paper`);
  }, 120000);
});
