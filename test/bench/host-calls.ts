// Benchmark worker: Excel syncs and Apps Script service calls per action for a generated follow-up of N activities (recording fakes).
import { AddinSession } from '../../addin/session';
import type { ExcelHost, Capabilities } from '../../addin/excel-adapter';
import { DEFAULT_REQUEST_BUDGET, planBytes } from '../../shared/app/split-plan';
import { importFollowUp } from '../../shared/import/import-follow-up';
import { planImportSheets } from '../../shared/plan/index';
import { EXCEL_DESKTOP, EXCEL_WEB, FakeWorkbook, type HostProfile } from '../support/excel-fake';
import { isDocElementCall, isGrowthCall, loadBundle, makeGasEnv, roundTripCalls } from '../support/gas-fakes';
import { generateFollowUp } from './generate';


export interface HostCalls {
  n: number;
  planMb: number;
  planCells: number;
  excel: Record<string, number>;
  excelWeb: Record<string, number>;
  /** Excel on the web: the largest request and response of any sync (bytes, the strict fake's serialisation). */
  excelWebLargest: { requestBytes: number; responseBytes: number };
  /** Per action; `refused`: the action said no before writing anything (a report too long for a Google Doc). */
  gas: Record<string, { calls: number; roundTrips: number; growth: number; docEdits: number; setters: number; cellsWritten: number; refused: boolean }>;
}

async function excelSyncs(n: number, caps: Capabilities, profile: HostProfile = EXCEL_DESKTOP, largest?: (l: { requestBytes: number; responseBytes: number }) => void): Promise<Record<string, number>> {
  const book = new FakeWorkbook(profile);
  book.addGrid('Uppföljning', generateFollowUp(n).values as (string | null)[][]);
  book.active = 'Uppföljning';
  const session = new AddinSession(book as unknown as ExcelHost, caps, () => new Date('2019-12-31T12:00:00Z'));
  const out: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const before = book.syncs;
    await fn();
    out[name] = book.syncs - before;
  };
  await step('Läs in', () => session.read());
  await step('Skapa strukturerat blad', async () => session.commit(await session.prepareStructure()));
  await step('Skapa sammanfattning', async () => session.commit(await session.prepareSummary()));
  await step('Exportera rapport', () => session.report());
  await step('Ångra senaste körning', () => session.undoLast());
  largest?.(book.largest());
  return out;
}

function gasCalls(n: number): HostCalls['gas'] {
  const env = makeGasEnv();
  env.ss.addSheetWithRows('Uppföljning', generateFollowUp(n).values);
  const { run } = loadBundle(env);
  const out: HostCalls['gas'] = {};
  const step = (name: string, fn: string, ...args: unknown[]) => {
    env.log.reset();
    const r = run<{ ok: boolean; message: string }>(fn, ...args);
    // A report longer than a Google Doc holds (1.02 million characters, above ~3,000 activities) is refused before Drive: counted as it is.
    const refused = !r.ok && fn === 'report' && /för stor för ett Google-dokument/.test(r.message);
    if (!r.ok && !refused) throw new Error(`${fn}: ${r.message}`);
    const h = env.log.histogram();
    const keys = Object.keys(h);
    out[name] = {
      calls: env.log.count(),
      roundTrips: Object.values(roundTripCalls(h)).reduce((s, v) => s + v, 0),
      growth: keys.filter(isGrowthCall).reduce((s, k) => s + h[k], 0),
      // DocumentApp element edits (the export before it moved to the Drive API); 0 now that the report is one HTML upload.
      docEdits: keys.filter(isDocElementCall).reduce((s, k) => s + h[k], 0),
      setters: keys.filter((k) => /^Range\.set/.test(k)).reduce((s, k) => s + h[k], 0),
      cellsWritten: env.log.cellsWritten,
      refused,
    };
  };
  step('Läs in (sidopanel)', 'preview');
  step('Läs in och strukturera', 'structure', true);
  step('Skapa sammanfattning', 'summary', true);
  step('Exportera rapport', 'report');
  step('Ångra senaste körning', 'undo');
  return out;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2]);
  const excelOnly = process.argv.includes('--excel-only');
  let webLargest = { requestBytes: 0, responseBytes: 0 };
  const plans = planImportSheets(importFollowUp(generateFollowUp(n)));
  const planCells = plans.reduce((s, p) => s + p.blocks.reduce((t, b) => t + b.values.length * (b.values[0]?.length ?? 0), 0), 0);
  const result: HostCalls = {
    n,
    planMb: planBytes(plans) / 2 ** 20,
    planCells,
    excel: await excelSyncs(n, { notes: true, comments: true, requestBudget: Number.POSITIVE_INFINITY }),
    excelWeb: await excelSyncs(n, { notes: true, comments: true, requestBudget: DEFAULT_REQUEST_BUDGET }, EXCEL_WEB, (l) => (webLargest = l)),
    excelWebLargest: { requestBytes: 0, responseBytes: 0 },
    gas: excelOnly ? {} : gasCalls(n),
  };
  result.excelWebLargest = webLargest;
  process.stdout.write(JSON.stringify(result));
}

if (require.main === module) void main();
