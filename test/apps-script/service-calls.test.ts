// Service calls of every action of the BUILT bundle at 10 and at 5,000 activities: the Sheets round trips do not grow with the rows.
import { makeGasEnv, loadBundle, hyperFormulaEvaluator, roundTripCalls as roundTrips, type GasEnv } from '../support/gas-fakes';
import { generateFollowUp } from '../bench/generate';

type Hist = Record<string, number>;
interface Result { ok: boolean; message: string; preview?: { findings: { cell: string | null }[] } }

/** Activities whose report still fits a Google Doc (1.02 million characters; about 360 per activity). */
const REPORT_FITS = 2500;

const sum = (h: Hist) => Object.values(h).reduce((a, b) => a + b, 0);

/** Every action once, in the order a user runs them, with the calls each made. */
function callsPerAction(n: number): Record<string, Hist> {
  const env: GasEnv = makeGasEnv();
  env.ss.locale = 'sv_SE';
  // Sheets recalculates by itself; HyperFormula does it for the small case (too slow for 5,000 rows of COUNTIFS
  // over whole columns), and formula cells read back empty in the large one: the calls made do not depend on it.
  env.ss.evaluator = n <= 10 ? hyperFormulaEvaluator : null;
  env.ss.addSheetWithRows('Uppföljning', generateFollowUp(n).values);
  const { run } = loadBundle(env);
  const out: Record<string, Hist> = {};
  const step = (name: string, fn: string, ...args: unknown[]): Result => {
    env.log.reset();
    const r = run<Result>(fn, ...args);
    out[name] = env.log.histogram();
    const ok = fn === 'menuSidebar' || fn === 'onOpen' ? r?.ok : fn === 'menuReport' ? n <= REPORT_FITS : true;
    if (r) expect([name, r.ok, env.errors.map(String)]).toEqual([name, ok, []]);
    return r;
  };
  step('onOpen', 'onOpen');
  const p = step('preview', 'preview', null);
  const cell = p.preview!.findings.find((f) => f.cell)!.cell!;
  step('selectCell', 'selectCell', 'Uppföljning', cell);
  step('structure (new sheets)', 'menuReadAndStructure');
  step('structure (replace)', 'structure', true);
  step('summary', 'menuSummary');
  step('summary (replace)', 'summary', true);
  step('report', 'menuReport');
  step('sidebar', 'menuSidebar');
  step('undo', 'menuUndo');
  return out;
}

describe('service calls of every action', () => {
  let small: Record<string, Hist>;
  let large: Record<string, Hist>;
  beforeAll(() => {
    loadBundle(makeGasEnv());
    large = callsPerAction(5000);
    small = callsPerAction(10);
  }, 120000);

  const ACTIONS = ['onOpen', 'preview', 'selectCell', 'structure (new sheets)', 'structure (replace)', 'summary', 'summary (replace)', 'sidebar', 'undo'];

  it.each(ACTIONS)('%s makes the same Sheets, Drive, lock and properties calls for 10 and 5,000 activities', (action) => {
    expect(roundTrips(large[action])).toEqual(roundTrips(small[action]));
    // Growing a new sheet beyond its 1000 rows: at most one call per sheet written.
    expect(large[action]['Sheet.insertRowsAfter'] ?? 0).toBeLessThanOrEqual(4);
  });

  it('reads each sheet with one getValues and one getDisplayValues', () => {
    expect(small.preview['Range.getValues']).toBe(1);
    expect(small.preview['Range.getDisplayValues']).toBe(1);
    // Summary and report read the structured, Händelser and Kontroller sheets, and the summary of
    // the period when it exists (its "Sammanfattande analys": kept when it is made again, first in the report).
    expect(small.summary['Range.getValues']).toBe(3);
    expect(small['summary (replace)']['Range.getValues']).toBe(4);
    expect(small.report['Range.getValues']).toBe(4);
  });

  it(`report: every call is the same for 10 and ${REPORT_FITS} activities; Drive gets the whole report in one upload; at 5,000 it is refused before Drive`, () => {
    const mid = callsPerAction(REPORT_FITS);
    expect(mid.report).toEqual(small.report);
    // Too long for a Google Doc: the same Sheets reads, no Drive call, a message instead of the dialog.
    expect(Object.keys(large.report).filter((k) => k.startsWith('Drive.'))).toEqual([]);
    expect(large.report['Ui.showModalDialog']).toBeUndefined();
    // The spreadsheet's folder (404 under drive.file), the Doc converted from HTML, its PDF export, the PDF saved.
    expect(Object.entries(small.report).filter(([k]) => k.startsWith('Drive.'))).toEqual([['Drive.Files.get', 1], ['Drive.Files.create', 2], ['Drive.Files.export', 1]]);
    expect(Object.keys(small.report).some((k) => /^(DocumentApp|Document|Body|DriveApp|File|Folder)\./.test(k))).toBe(false);
    console.log(
      `Service calls at 10 / 5,000 activities: ${ACTIONS.map((a) => `${a} ${sum(roundTrips(small[a]))}/${sum(roundTrips(large[a]))}`).join(', ')}; ` +
        `report ${sum(small.report)}/${sum(mid.report)} (10/${REPORT_FITS})`,
    );
  });
});
