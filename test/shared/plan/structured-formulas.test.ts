// The structured sheet's live formulas, evaluated in HyperFormula, agree with computeStatus at every reported period.
import fc from 'fast-check';
import { computeStatus, computedStatus, judgementStatus, statusInputOf, withStatus } from '../../../shared/calc/status';
import { JUDGEMENT_LABEL, JUDGEMENT_ORDER, STATUS_LABEL } from '../../../shared/i18n/sv';
import type { Activity, FollowUp } from '../../../shared/model/follow-up';
import { planImportSheets, structuredColumns, STRUCTURED_ROWS, EVENTS_SHEET, EVENT_COLS } from '../../../shared/plan';
import { eksjoSample, eskilstunaSample } from '../../support/sample-follow-ups';
import { importSeed } from '../../support/seeds';
import { followUpArb } from './arbitrary-follow-up';
import { evaluatePlans, type Workbook } from './evaluate';

/** Rows of the activities in the plan, in model order (a promise row precedes its activities). */
function activityRows(f: FollowUp): { a: Activity; row: number }[] {
  const out: { a: Activity; row: number }[] = [];
  let row = STRUCTURED_ROWS.firstData;
  for (const p of f.promises) {
    row++;
    for (const a of p.activities) out.push({ a, row: row++ });
  }
  return out;
}

const blankOrNull = (v: unknown) => (v === '' || v === null ? null : v);

/** Asserts every activity's Totalt / Andel / Förväntat / Status equal the core's at reported period `reported`. */
function expectAgrees(wb: Workbook, f: FollowUp, reported: number | null): void {
  const name = wb.plans[0].name;
  const c = structuredColumns(f.periodLabels.length);
  wb.set(name, STRUCTURED_ROWS.reported, 1, reported);
  for (const { a, row } of activityRows(f)) {
    const input = statusInputOf(a, reported);
    const want = computeStatus(input);
    const judged = !!a.judgement && (want.total === null || a.judgement.source === 'user');
    const got = {
      total: blankOrNull(wb.value(name, row, c.total)),
      share: blankOrNull(wb.value(name, row, c.share)),
      expected: blankOrNull(wb.value(name, row, c.expected)),
      status: wb.value(name, row, c.status),
      computed: wb.value(name, row, c.computedStatus),
    };
    expect({ id: a.id, reported, ...got }).toEqual({
      id: a.id,
      reported,
      total: want.total,
      share: want.share,
      expected: want.expected,
      status: judged ? `${STATUS_LABEL[want.status]} (bedömd)` : STATUS_LABEL[want.status],
      computed: STATUS_LABEL[computedStatus(input)],
    });
  }
}

describe('structured sheet formulas (HyperFormula)', () => {
  const samples: [string, (r: number) => FollowUp][] = [
    ['Eskilstuna sample', eskilstunaSample],
    ['Eksjö sample', eksjoSample],
    ['Eskilstuna seed import', (r) => importSeed('eskilstuna-2019', r)],
    ['Eksjö seed import', (r) => importSeed('eksjo-2019', r)],
  ];
  for (const [label, make] of samples) {
    test(`${label}: totals, shares, expected and status words equal computeStatus at periods 1, 2, 3 and blank`, () => {
      const f = make(3);
      const wb = evaluatePlans(planImportSheets(f));
      for (const r of [1, 2, 3, null]) expectAgrees(wb, f, r);
    });
  }

  test('Eskilstuna: traffic controls 190 of 200 is "Ej uppnått" at 95 %, "Efter plan" at tertial 2', () => {
    const f = eskilstunaSample(3);
    const wb = evaluatePlans(planImportSheets(f));
    const name = wb.plans[0].name;
    const c = structuredColumns(3);
    const row = activityRows(f).find((x) => x.a.id === 'A4')!.row;
    expect([wb.value(name, row, c.total), wb.value(name, row, c.share), wb.value(name, row, c.status)]).toEqual([190, 0.95, 'Ej uppnått']);
    wb.set(name, STRUCTURED_ROWS.reported, 1, 2);
    // 126 < 200 × 2/3 ≈ 133,3: behind.
    expect([wb.value(name, row, c.total), wb.value(name, row, c.status)]).toEqual([126, 'Efter plan']);
  });

  test('event-list counts come from Händelser by COUNTIFS: walks 4 in T3, forum 1 + 2', () => {
    const f = eskilstunaSample(3);
    const wb = evaluatePlans(planImportSheets(f));
    const name = wb.plans[0].name;
    const c = structuredColumns(3);
    const rows = activityRows(f);
    const walk = rows.find((x) => x.a.id === 'A2')!.row;
    const forum = rows.find((x) => x.a.id === 'A3')!.row;
    expect([0, 1, 2].map((k) => wb.value(name, walk, c.periodStart + k))).toEqual(['', '', 4]);
    expect([0, 1, 2].map((k) => wb.value(name, forum, c.periodStart + k))).toEqual([1, '', 2]);
    // Moving the May forum to T2 in Händelser moves the count.
    const ev = wb.grid(EVENTS_SHEET).values.findIndex((r) => r[EVENT_COLS.id] === 'A3');
    wb.set(EVENTS_SHEET, ev, EVENT_COLS.listedPeriod, 2);
    expect([0, 1, 2].map((k) => wb.value(name, forum, c.periodStart + k))).toEqual(['', 1, 2]);
    expect(wb.value(EVENTS_SHEET, ev, EVENT_COLS.check)).toBe('');
  });

  test('editing a count cell changes Totalt and Status as the core predicts', () => {
    const f = eksjoSample(2);
    const wb = evaluatePlans(planImportSheets(f));
    const name = wb.plans[0].name;
    const c = structuredColumns(3);
    const { a, row } = activityRows(f).find((x) => x.a.id === 'A3')!; // minst tio riktade insatser: 6, 5, 3
    wb.set(name, STRUCTURED_ROWS.reported, 1, 2);
    expect([wb.value(name, row, c.total), wb.value(name, row, c.status)]).toEqual([11, 'Uppnått']);
    wb.set(name, row, c.periodStart + 1, 2); // T2 edited to 2: 8 ≥ 10 × 2/3
    const want = computeStatus({ values: [6, 2, 3], hasText: a.periods.map(() => true), goal: a.goal, reportedPeriod: 2, periodCount: 3 });
    expect(want).toMatchObject({ total: 8, status: 'on-track' });
    expect([wb.value(name, row, c.total), wb.value(name, row, c.expected), wb.value(name, row, c.status)]).toEqual([8, want.expected, 'Enligt plan']);
    wb.set(name, row, c.periodStart, 1); // T1 edited to 1: 3 < 6.67
    expect(wb.value(name, row, c.status)).toBe('Efter plan');
    wb.set(name, row, c.periodStart, null);
    wb.set(name, row, c.periodStart + 1, null); // counts cleared, texts remain → manual
    expect([wb.value(name, row, c.total), wb.value(name, row, c.status)]).toEqual(['', 'Bedöm manuellt']);
  });

  test('Bedömning gives the status where no count is reported, exactly as judgementStatus: both scales, before and after the year ends, marked "(bedömd)" beside the computed one', () => {
    const f = eksjoSample(3);
    const wb = evaluatePlans(planImportSheets(f));
    const name = wb.plans[0].name;
    const c = structuredColumns(3);
    const { a, row } = activityRows(f).find((x) => x.a.id === 'A2')!; // en trygghetsvandring: prose only
    expect(wb.value(name, row, c.status)).toBe('Bedöm manuellt');
    for (const v of JUDGEMENT_ORDER) {
      for (const r of [1, 2, 3]) {
        wb.set(name, STRUCTURED_ROWS.reported, 1, r);
        wb.set(name, row, c.judgement, JUDGEMENT_LABEL[v]);
        const input = { values: a.periods.map((p) => p.value), hasText: a.periods.map((p) => p.text.trim() !== ''), goal: a.goal, reportedPeriod: r, periodCount: 3, judgement: v };
        const want = computeStatus(input);
        expect(want.status).toBe(judgementStatus(v, r === 3));
        expect({ v, r, status: wb.value(name, row, c.status), computed: wb.value(name, row, c.computedStatus) }).toEqual({
          v,
          r,
          status: `${STATUS_LABEL[want.status]} (bedömd)`,
          computed: STATUS_LABEL[computedStatus(input)],
        });
      }
    }
    wb.set(name, STRUCTURED_ROWS.reported, 1, 2);
    wb.set(name, row, c.judgement, 'Ej påbörjad');
    expect(wb.value(name, row, c.status)).toBe('Efter plan (bedömd)');
    wb.set(name, row, c.judgement, 'uppnått'); // typed in lower case: the same word, as readStructured reads it
    expect(wb.value(name, row, c.status)).toBe('Uppnått (bedömd)');
    wb.set(name, row, c.judgement, 'Klart'); // not in the list: the rule without a judgement
    expect(wb.value(name, row, c.status)).toBe('Bedöm manuellt');
  });

  test('a user\'s judgement overrides a computed status: Status says "(bedömd)", Beräknad status keeps what the counts give; the importer\'s suggestion never overrides a count', () => {
    const f = eksjoSample(3);
    const wb = evaluatePlans(planImportSheets(f));
    const name = wb.plans[0].name;
    const c = structuredColumns(3);
    const { a, row } = activityRows(f).find((x) => x.a.id === 'A3')!; // minst tio riktade insatser: 6 + 5 + 3 = 14, met
    expect([wb.value(name, row, c.status), wb.value(name, row, c.computedStatus)]).toEqual(['Uppnått', 'Uppnått']);
    wb.set(name, row, c.judgement, 'Delvis uppnått');
    const user = withStatus({ ...a, judgement: { value: 'partly-met', phrase: '', cell: null, source: 'user' } }, 3);
    expect(user.status).toBe('not-met');
    expect([wb.value(name, row, c.status), wb.value(name, row, c.computedStatus)]).toEqual(['Ej uppnått (bedömd)', 'Uppnått']);
    wb.set(name, STRUCTURED_ROWS.reported, 1, 2);
    expect([wb.value(name, row, c.status), wb.value(name, row, c.computedStatus)]).toEqual(['Efter plan (bedömd)', 'Uppnått']);
    // The same word as the importer's suggestion in Förslag is the suggestion: the count decides.
    wb.set(name, row, c.suggestion, 'Delvis uppnått');
    expect(wb.value(name, row, c.status)).toBe('Uppnått');
    const kept = withStatus({ ...a, judgement: { value: 'partly-met', phrase: 'delvis', cell: 'D9', source: 'text' } }, 2);
    expect(kept.status).toBe('met');
    // Counts cleared: the suggestion decides where nothing is counted.
    for (const k of [0, 1, 2]) wb.set(name, row, c.periodStart + k, null);
    expect([wb.value(name, row, c.status), wb.value(name, row, c.computedStatus)]).toEqual(['Efter plan (bedömd)', 'Bedöm manuellt']);
  });

  test('imported judgements: the suggestion is in Bedömning and the live status follows it', () => {
    const f = eksjoSample(3);
    const a2 = f.promises[0].activities[1];
    f.promises[0].activities[1] = withStatus({ ...a2, judgement: { value: 'done', phrase: 'Genomförts tillsammans med polisen', cell: 'C9', source: 'text' } }, 3);
    expect(f.promises[0].activities[1].status).toBe('met');
    const wb = evaluatePlans(planImportSheets(f));
    const c = structuredColumns(3);
    const { row } = activityRows(f).find((x) => x.a.id === 'A2')!;
    expect([wb.value(wb.plans[0].name, row, c.judgement), wb.value(wb.plans[0].name, row, c.status)]).toEqual(['Genomförd', 'Uppnått (bedömd)']);
    expectAgrees(wb, f, 3);
  });

  test('generated follow-ups: formulas equal computeStatus at every reported period', () => {
    fc.assert(
      fc.property(followUpArb(), (f) => {
        const wb = evaluatePlans(planImportSheets(f));
        const n = f.periodLabels.length;
        for (let r = 1; r <= n; r++) expectAgrees(wb, f, r);
        expectAgrees(wb, f, null);
      }),
      { numRuns: 60 },
    );
  });
});
