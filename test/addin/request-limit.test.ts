// Excel on the web's 5,000,000-byte request and response limits on the strict fake: every sync of every action stays under them at 1,000, 10,000 and 50,000 activities, and the per-operation estimate is never below what the fake serialises.
import { execFileSync } from 'child_process';
import { join } from 'path';
import { applyPlans, NO_EXTRAS, type ExcelHost } from '../../addin/excel-adapter';
import { userMessage } from '../../addin/session';
import { batchPlans, DEFAULT_REQUEST_BUDGET, EXCEL_WEB_REQUEST_LIMIT, requestBytes } from '../../shared/app/split-plan';
import { UI } from '../../shared/i18n/sv-ui';
import { importFollowUp } from '../../shared/import/import-follow-up';
import { planImportSheets } from '../../shared/plan/index';
import { planSummary } from '../../shared/plan/summary';
import { generateFollowUp } from '../bench/generate';
import { webActions, type WebActions } from '../bench/request-limit';
import { allFeaturesPlans } from '../support/contract';
import { EXCEL_DESKTOP, EXCEL_WEB, FakeWorkbook, OfficeError } from '../support/excel-fake';
import { ROOT } from '../support/build';

/** webActions in a fresh Node process with a heap big enough for the fake's cells (tens of millions at 50,000 activities). */
function webActionsInProcess(n: number, heapMb: number): WebActions {
  const out = execFileSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', join(ROOT, 'test/bench/request-limit.ts'), 'web', String(n)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  return JSON.parse(out) as WebActions;
}

function expectWithinLimits(r: WebActions): void {
  for (const [name, a] of Object.entries(r.actions)) {
    expect([name, a.refused]).toEqual([name, 0]);
    expect(a.largestRequestBytes).toBeLessThan(EXCEL_WEB_REQUEST_LIMIT);
    expect(a.largestResponseBytes).toBeLessThan(EXCEL_WEB_REQUEST_LIMIT);
  }
  expect(r.writeEstimate.minRatio).toBeGreaterThanOrEqual(1);
}

describe('the per-operation estimate against the strict fake\u2019s serialisation', () => {
  it('is never below what the fake measures, and within half again of it, for every plan kind', async () => {
    const f = importFollowUp(generateFollowUp(300));
    const cases = [allFeaturesPlans(), planImportSheets(f), [planSummary(f, { generatedAt: '2019-12-31' })], ...planImportSheets(f).map((p) => [p])];
    for (const plans of cases) {
      const book = new FakeWorkbook(EXCEL_DESKTOP);
      await applyPlans(book as unknown as ExcelHost, plans, { source: null, existing: [], capabilities: { notes: true, comments: true, requestBudget: Infinity } });
      const measured = book.requests[0].requestBytes;
      expect(requestBytes(plans)).toBeGreaterThanOrEqual(measured);
      expect(requestBytes(plans)).toBeLessThan(measured * 1.6);
    }
  });

  it('splits the 1,260-activity structure write the web refused (5.4 MB in one piece) into requests that each fit', async () => {
    const plans = planImportSheets(importFollowUp(generateFollowUp(1260)));
    const book = new FakeWorkbook(EXCEL_WEB);
    const syncs = await applyPlans(book as unknown as ExcelHost, plans, { source: null, existing: [], capabilities: { notes: true, comments: true, requestBudget: DEFAULT_REQUEST_BUDGET } });
    expect(syncs).toBe(batchPlans(plans, DEFAULT_REQUEST_BUDGET).length);
    expect(syncs).toBeGreaterThan(1);
    expect(book.requests.every((r) => !r.refused && r.requestBytes < EXCEL_WEB_REQUEST_LIMIT)).toBe(true);
    // With a budget that ignores the limit (the desktop's), the web host refuses the write, and the pane says why in Swedish.
    const refused = new FakeWorkbook(EXCEL_WEB);
    let err: unknown = null;
    try {
      await applyPlans(refused as unknown as ExcelHost, plans, { source: null, existing: [], capabilities: NO_EXTRAS });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OfficeError);
    expect(userMessage(err, UI.errors.whatWrite)).toBe(UI.errors.tooLarge);
    expect(userMessage(new OfficeError('ResponsePayloadSizeLimitExceeded', 'x'), UI.errors.whatRead)).toBe(UI.errors.responseTooLarge);
  }, 60000);
});

describe('every sync of every action within Excel on the web\u2019s limits (strict fake, web profile)', () => {
  it('1,000 activities: Läs in, structure, summary, report, update, roll-up and its report', async () => {
    const r = await webActions(1000);
    expectWithinLimits(r);
    // At this size the structure write is split (its request is estimated past the budget) and the reads are not.
    expect(r.actions['Skapa strukturerat blad'].syncs).toBeGreaterThan(2);
    expect(r.actions['Läs in'].syncs).toBe(2);
  }, 120000);

  it('10,000 activities', () => {
    expectWithinLimits(webActionsInProcess(10000, 6144));
  }, 600000);

  it('50,000 activities', () => {
    expectWithinLimits(webActionsInProcess(50000, 12288));
  }, 1500000);
});
