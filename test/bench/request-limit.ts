// Excel on the web's 5 MB request limit: the largest follow-up whose plans fit one request, a split 50,000-activity write landing whole, and every action's syncs and sizes on the strict fake's web profile.
import { applyPlans, type Capabilities, type ExcelHost } from '../../addin/excel-adapter';
import { AddinSession } from '../../addin/session';
import { prepareUpdate } from '../../addin/update';
import { batchPlans, DEFAULT_REQUEST_BUDGET, EXCEL_WEB_REQUEST_LIMIT, planBytes, requestBytes } from '../../shared/app/split-plan';
import { importFollowUp } from '../../shared/import/import-follow-up';
import type { SheetPlan } from '../../shared/model/sheet-plan';
import { planImportSheets } from '../../shared/plan/index';
import { expectedGrid, trimGrid } from '../support/contract';
import { EXCEL_WEB, FakeWorkbook } from '../support/excel-fake';
import { generateFollowUp } from './generate';

/** The import plans (structured, Händelser, Kontroller) of a generated follow-up of n activities. */
export function plansFor(n: number): SheetPlan[] {
  return planImportSheets(importFollowUp(generateFollowUp(n)));
}

/** Largest n whose import plans fit in one request under `limit` bytes (binary search on real plans). */
export function largestSingleRequest(limit = EXCEL_WEB_REQUEST_LIMIT): { activities: number; bytes: number } {
  let lo = 10;
  let hi = 4000;
  while (requestBytes(plansFor(hi)) <= limit) hi *= 2;
  let best = { activities: lo, bytes: requestBytes(plansFor(lo)) };
  while (hi - lo > 10) {
    const mid = Math.floor((lo + hi) / 2);
    const bytes = requestBytes(plansFor(mid));
    if (bytes <= limit) {
      lo = mid;
      best = { activities: mid, bytes };
    } else hi = mid;
  }
  return best;
}

export interface SplitWrite {
  activities: number;
  planBytes: number;
  requests: number;
  largestRequestBytes: number;
  /** The largest request the strict fake measured (its serialisation of what Office.js sends). */
  measuredLargestRequestBytes: number;
  /** Each request's estimate divided by what the fake measured for it (never below 1). */
  estimateOverMeasured: { min: number; max: number };
  syncs: number;
  /** Sheets whose written grid differs from the plan (must be none). */
  mismatched: string[];
}

/** Writes n activities' plans to the fake Excel on the web (4,500,000-byte budget, strict web profile) and checks every sheet landed whole. */
export async function splitWrite(n: number): Promise<SplitWrite> {
  const plans = plansFor(n);
  const batches = batchPlans(plans, DEFAULT_REQUEST_BUDGET);
  const book = new FakeWorkbook(EXCEL_WEB);
  const syncs = await applyPlans(book as unknown as ExcelHost, plans, {
    source: null,
    existing: [],
    capabilities: { notes: true, comments: true, requestBudget: DEFAULT_REQUEST_BUDGET },
  });
  const mismatched = plans
    .filter((p) => JSON.stringify(trimGrid(book.sheet(p.name)!.grid() as never)) !== JSON.stringify(expectedGrid(p)))
    .map((p) => p.name);
  return {
    activities: n,
    planBytes: planBytes(plans),
    requests: batches.length,
    largestRequestBytes: Math.max(...batches.map((b) => requestBytes(b))),
    measuredLargestRequestBytes: book.largest().requestBytes,
    estimateOverMeasured: ratios(batches.map((b) => requestBytes(b)), book.requests.map((r) => r.requestBytes)),
    syncs,
    mismatched,
  };
}

function ratios(estimates: number[], measured: number[]): { min: number; max: number } {
  const rs = estimates.map((e, i) => e / measured[i]);
  return { min: Math.min(...rs), max: Math.max(...rs) };
}

/** What one action did on the web profile: syncs, the largest request and response, requests the host refused. */
export interface WebAction {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  refused: number;
}

/** Every Excel action of a generated follow-up of n activities, through the add-in's session, on the strict fake's Excel on the web profile. */
export interface WebActions {
  activities: number;
  actions: Record<string, WebAction>;
  /** Writes through applyPlans alone (no undo backups): each request's estimate over the fake's measure. */
  writeEstimate: { requests: number; minRatio: number; maxRatio: number };
}

const WEB_CAPS: Capabilities = { notes: true, comments: true, requestBudget: DEFAULT_REQUEST_BUDGET };

export async function webActions(n: number): Promise<WebActions> {
  const book = new FakeWorkbook(EXCEL_WEB);
  book.addGrid('Uppföljning', generateFollowUp(n).values as (string | null)[][]);
  book.active = 'Uppföljning';
  const host = book as unknown as ExcelHost;
  const session = new AddinSession(host, WEB_CAPS, () => new Date('2019-12-31T12:00:00Z'));
  const actions: Record<string, WebAction> = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const from = book.requests.length;
    await fn();
    const rs = book.requests.slice(from);
    actions[name] = { syncs: rs.length, largestRequestBytes: Math.max(0, ...rs.map((r) => r.requestBytes)), largestResponseBytes: Math.max(0, ...rs.map((r) => r.responseBytes)), refused: rs.filter((r) => r.refused).length };
  };
  await step('Läs in', () => session.read());
  await step('Skapa strukturerat blad', async () => session.commit(await session.prepareStructure()));
  await step('Skapa sammanfattning', async () => session.commit(await session.prepareSummary()));
  await step('Exportera rapport', () => session.report());
  await step('Uppdatera', async () => {
    const prep = await prepareUpdate(host, session.followUp!, session.sheetNames, WEB_CAPS.requestBudget);
    if (!prep || !('plans' in prep)) throw new Error('no update');
    await session.commit(prep);
  });
  await step('Sammanställ flera kommuner', async () => session.commit(await session.prepareRollup()));
  await step('Sammanställning i Word', () => session.rollupReport());
  // The write alone, on a fresh web book: each request's estimate against the fake's measure.
  const plans = plansFor(n);
  const fresh = new FakeWorkbook(EXCEL_WEB);
  await applyPlans(fresh as unknown as ExcelHost, plans, { source: null, existing: [], capabilities: WEB_CAPS });
  const r = ratios(batchPlans(plans, DEFAULT_REQUEST_BUDGET).map((b) => requestBytes(b)), fresh.requests.map((x) => x.requestBytes));
  return { activities: n, actions, writeEstimate: { requests: fresh.requests.length, minRatio: r.min, maxRatio: r.max } };
}

if (require.main === module) {
  const what = process.argv[2];
  const run = what === 'largest' ? Promise.resolve(largestSingleRequest()) : what === 'web' ? webActions(Number(process.argv[3] ?? 1000)) : splitWrite(Number(process.argv[3] ?? 50000));
  void run.then((r) => process.stdout.write(JSON.stringify(r)));
}
