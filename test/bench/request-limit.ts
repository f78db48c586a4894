// Excel on the web's 5 MB request limit: the largest follow-up whose plans fit one request, and a split 50,000-activity write landing whole.
import { applyPlans, type ExcelHost } from '../../addin/excel-adapter';
import { batchPlans, DEFAULT_REQUEST_BUDGET, EXCEL_WEB_REQUEST_LIMIT, planBytes, requestBytes } from '../../shared/app/split-plan';
import { importFollowUp } from '../../shared/import/import-follow-up';
import type { SheetPlan } from '../../shared/model/sheet-plan';
import { planImportSheets } from '../../shared/plan/index';
import { expectedGrid, trimGrid } from '../support/contract';
import { FakeWorkbook } from '../support/excel-fake';
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
  syncs: number;
  /** Sheets whose written grid differs from the plan (must be none). */
  mismatched: string[];
}

/** Writes n activities' plans to the fake Excel on the web (4 MiB budget) and checks every sheet landed whole. */
export async function splitWrite(n: number): Promise<SplitWrite> {
  const plans = plansFor(n);
  const batches = batchPlans(plans, DEFAULT_REQUEST_BUDGET);
  const book = new FakeWorkbook();
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
    syncs,
    mismatched,
  };
}

if (require.main === module) {
  const what = process.argv[2];
  const run = what === 'largest' ? Promise.resolve(largestSingleRequest()) : splitWrite(Number(process.argv[3] ?? 50000));
  void run.then((r) => process.stdout.write(JSON.stringify(r)));
}
