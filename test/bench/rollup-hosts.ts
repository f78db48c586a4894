// Benchmark worker: Excel syncs and Apps Script service calls per roll-up action ("Sammanställ flera kommuner") for N kommuner (recording fakes); prints JSON.
// `npx tsx test/bench/rollup-hosts.ts 2 10 50`
import { applyPlans, NO_EXTRAS, type Capabilities, type ExcelHost } from '../../addin/excel-adapter';
import { AddinSession } from '../../addin/session';
import { DEFAULT_REQUEST_BUDGET } from '../../shared/app/split-plan';
import { hyperFormulaEvaluator } from '../addin/fake-evaluator';
import { EXCEL_DESKTOP, EXCEL_WEB, FakeWorkbook } from '../support/excel-fake';
import { loadBundle, makeGasEnv, roundTripCalls } from '../support/gas-fakes';
import { kommunBuilds, regionSheets, regionSpreadsheet, type KommunBuild } from '../support/rollup-workbook';

/** Calls that read one sheet (its name, data range, values, display texts): a fixed number per sheet. */
const SHEET_READS = ['Sheet.getName', 'Sheet.getDataRange', 'Range.getValues', 'Range.getDisplayValues'];

/** Per kommun count: Excel syncs per action (desktop and Excel on the web), Sheets service calls per action. */
export interface RollupHosts {
  kommuner: number;
  excel: Record<string, number>;
  excelWeb: Record<string, number>;
  /** Round trips (builders and sheet growth left out), and of them the calls reading sheets. */
  gas: Record<string, { roundTrips: number; sheetReads: number }>;
}

async function excelSyncs(kbs: KommunBuild[], caps: Capabilities): Promise<Record<string, number>> {
  // The strict fake's web profile (5,000,000-byte requests and responses) when the budget is the web's.
  const book = new FakeWorkbook(Number.isFinite(caps.requestBudget) ? EXCEL_WEB : EXCEL_DESKTOP);
  book.evaluator = hyperFormulaEvaluator;
  book.addGrid('Läsanvisning', [['Region Syd: kommunernas uppföljningar'], ['Aktivitet', 'Att göra']]);
  await applyPlans(book as unknown as ExcelHost, regionSheets(kbs), { source: null, existing: [], capabilities: caps });
  const session = new AddinSession(book as unknown as ExcelHost, caps, () => new Date('2026-05-04T12:00:00Z'));
  const out: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const before = book.syncs;
    const r = await fn();
    out[name] = book.syncs - before;
    return r;
  };
  const first = await step('Sammanställ (läs)', () => session.prepareRollup());
  await step('Sammanställ (skriv)', () => session.commit(first));
  const again = await step('Sammanställ igen (läs)', () => session.prepareRollup());
  await step('Sammanställ igen (ersätt)', () => session.commit(again));
  await step('Regionens rapport', () => session.rollupReport());
  await step('Ångra senaste körning', () => session.undoLast());
  return out;
}

function gasCalls(kbs: KommunBuild[]): RollupHosts['gas'] {
  const env = regionSpreadsheet(kbs);
  const { run } = loadBundle(env);
  const out: RollupHosts['gas'] = {};
  const step = (name: string, fn: string, ...args: unknown[]) => {
    env.log.reset();
    const r = run<{ ok: boolean; message: string }>(fn, ...args);
    if (!r.ok || env.errors.length) throw new Error(`${name}: ${r.message} ${env.errors.join('; ')}`);
    const h = roundTripCalls(env.log.histogram());
    const sum = (keys: string[]) => keys.reduce((s, k) => s + (h[k] ?? 0), 0);
    out[name] = { roundTrips: sum(Object.keys(h)), sheetReads: sum(SHEET_READS) };
  };
  step('Sammanställ (nya blad)', 'rollup', false);
  step('Sammanställ igen (ersätt)', 'rollup', true);
  step('Regionens rapport', 'rollupDoc');
  step('Ångra senaste körning', 'undo');
  return out;
}

async function main(): Promise<void> {
  loadBundle(makeGasEnv());
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const out: RollupHosts[] = [];
  for (const n of counts.length ? counts : [2, 10, 50]) {
    const kbs = kommunBuilds(n);
    out.push({
      kommuner: n,
      excel: await excelSyncs(kbs, NO_EXTRAS),
      excelWeb: await excelSyncs(kbs, { ...NO_EXTRAS, requestBudget: DEFAULT_REQUEST_BUDGET }),
      gas: gasCalls(kbs),
    });
  }
  process.stdout.write(JSON.stringify(out));
}

if (require.main === module) void main();
