// readStructured gives back the model from a structured sheet (plan → grid → formulas evaluated → read), and reads user edits.
import fc from 'fast-check';
import { withStatus } from '../../../shared/calc/status';
import type { FollowUp } from '../../../shared/model/follow-up';
import { EVENTS_SHEET, FINDINGS_SHEET, planImportSheets, readStructured, structuredColumns, STRUCTURED_ROWS } from '../../../shared/plan';
import { eksjoSample, eskilstunaSample } from '../../support/sample-follow-ups';
import { importSeed } from '../../support/seeds';
import { followUpArb } from './arbitrary-follow-up';
import { evaluatePlans, hostGrid, type Workbook } from './evaluate';

/** The parts of a FollowUp the structured sheet carries. */
function essence(f: FollowUp) {
  return {
    kommun: f.kommun,
    year: f.year,
    reportedPeriod: f.reportedPeriod,
    statedPeriod: f.statedPeriod,
    periodKind: f.periodKind,
    periodLabels: f.periodLabels,
    title: f.title,
    sheetName: f.sheetName,
    findings: f.findings.map((x) => ({ severity: x.severity, code: x.code, cell: x.cell, message: x.message })),
    promises: f.promises.map((p) => ({
      id: p.id,
      text: p.text,
      party: p.party,
      cell: p.cell,
      activities: p.activities.map((a) => ({
        id: a.id,
        text: a.text,
        party: a.party,
        cell: a.cell,
        unit: a.unit ?? a.goal?.unit ?? null,
        goal: a.goal && { ...a.goal, unit: a.unit ?? a.goal.unit },
        total: a.total,
        share: a.share,
        expected: a.expected,
        status: a.status,
        comments: a.comments,
        sourceStatus: a.sourceStatus,
        judgement: a.judgement,
        periods: a.periods.map((q) => ({
          value: q.value,
          approx: q.value !== null && q.approx,
          lowerBound: q.value !== null && q.lowerBound,
          events: q.events,
          text: q.text.trim() === '' ? '' : q.text,
        })),
      })),
    })),
  };
}

function roundTrip(f: FollowUp): { wb: Workbook; back: FollowUp } {
  const plans = planImportSheets(f);
  const wb = evaluatePlans(plans);
  const back = readStructured({ structured: hostGrid(wb, plans[0]), events: hostGrid(wb, plans[1]), findings: hostGrid(wb, plans[2]) });
  return { wb, back };
}

describe('readStructured', () => {
  test.each([
    ['Eskilstuna sample', eskilstunaSample(3)],
    ['Eksjö sample at tertial 2', eksjoSample(2)],
    ['Eskilstuna seed import', importSeed('eskilstuna-2019')],
    ['Eksjö seed import', importSeed('eksjo-2019')],
  ])('%s: plan → sheet → readStructured gives back promises, activities, goals, values, events, texts and statuses', (_, f) => {
    const { back } = roundTrip(f);
    expect(essence(back)).toEqual(essence(f));
  });

  test('generated follow-ups round-trip (property)', () => {
    fc.assert(
      fc.property(followUpArb(), (f) => {
        const { back } = roundTrip(f);
        expect(essence(back)).toEqual(essence(f));
      }),
      { numRuns: 60 },
    );
  });

  test('a user edit of a count and of the reported period is reflected, with totals and status recomputed', () => {
    const f = eskilstunaSample(3);
    const plans = planImportSheets(f);
    const wb = evaluatePlans(plans);
    const c = structuredColumns(3);
    const row = STRUCTURED_ROWS.firstData + 6; // L1, A1, L3, A2, A3, L4, A4
    expect(wb.value(plans[0].name, row, c.id)).toBe('A4');
    wb.set(plans[0].name, row, c.periodStart + 2, 117); // 83 + 43 + 117 = 243 ≥ 200
    const back = readStructured({ structured: hostGrid(wb, plans[0]), events: hostGrid(wb, plans[1]) });
    const a4 = back.promises[2].activities[0];
    expect([a4.total, a4.status, back.reportedPeriod]).toEqual([243, 'met', 3]);
    wb.set(plans[0].name, STRUCTURED_ROWS.reported, 1, 1);
    const t1 = readStructured({ structured: hostGrid(wb, plans[0]), events: hostGrid(wb, plans[1]) });
    expect([t1.reportedPeriod, t1.promises[2].activities[0].total, t1.promises[2].activities[0].status]).toEqual([1, 83, 'on-track']);
  });

  test('text typed into a count cell becomes a finding naming the cell, and is not counted', () => {
    const f = eksjoSample(3);
    const plans = planImportSheets(f);
    const wb = evaluatePlans(plans);
    const c = structuredColumns(3);
    const row = STRUCTURED_ROWS.firstData + 4; // L1, A1, A2, L2, A3
    expect(wb.value(plans[0].name, row, c.id)).toBe('A3');
    wb.set(plans[0].name, row, c.periodStart + 1, "'fem stycken");
    wb.set(plans[0].name, row, c.target, "'tio");
    const back = readStructured({ structured: hostGrid(wb, plans[0]) });
    const a3 = back.promises[1].activities[0];
    expect(a3.periods.map((p) => p.value)).toEqual([6, null, 3]);
    expect(a3.goal).toBeNull();
    expect([a3.total, a3.status]).toEqual([9, 'no-goal']);
    const cell = `${String.fromCharCode(65 + c.periodStart + 1)}${row + 1}`;
    const bad = back.findings.find((x) => x.code === 'structured-not-a-number');
    expect(bad).toMatchObject({ cell, severity: 'warning' });
    expect(bad!.message).toContain(`Cellen ${cell} innehåller "fem stycken"`);
    expect(back.findings.some((x) => x.code === 'structured-bad-target' && x.message.includes('"tio"'))).toBe(true);
  });

  test('numbers typed as text ("12", "1 470") are read as counts; a count typed where there was no goal keeps no goal', () => {
    const f = eksjoSample(3);
    const plans = planImportSheets(f);
    const wb = evaluatePlans(plans);
    const c = structuredColumns(3);
    const row = STRUCTURED_ROWS.firstData + 1; // A1, no goal
    wb.set(plans[0].name, row, c.periodStart, "'1 470");
    const a1 = readStructured({ structured: hostGrid(wb, plans[0]) }).promises[0].activities[0];
    expect([a1.periods[0].value, a1.total, a1.status]).toEqual([1470, 1490, 'no-goal']);
  });

  test('a goal typed by the user counts as a user goal; events of unknown activities become findings', () => {
    const f = eskilstunaSample(3);
    const plans = planImportSheets(f);
    const wb = evaluatePlans(plans);
    const c = structuredColumns(3);
    const row = STRUCTURED_ROWS.firstData + 1; // A1 narkotikabrott, no goal
    wb.set(plans[0].name, row, c.target, 1500);
    wb.set(plans[0].name, row, c.op, "'minst");
    wb.set(EVENTS_SHEET, 1, 0, "'A9");
    const back = readStructured({ structured: hostGrid(wb, plans[0]), events: hostGrid(wb, plans[1]), findings: hostGrid(wb, plans[2]) });
    const a1 = back.promises[0].activities[0];
    expect(a1.goal).toMatchObject({ op: '>=', value: 1500, source: 'user' });
    expect([a1.total, a1.status]).toEqual([1470, 'not-met']);
    expect(back.findings.filter((x) => x.code === 'structured-event-no-activity').map((x) => x.cell)).toEqual(['A2']);
    expect(back.findings.filter((x) => x.code === 'event-outside-period')).toHaveLength(1);
  });

  test('Bedömning: a suggestion kept stays the text\'s; changed, it is the user\'s; cleared, it is gone; a word outside the list is a finding', () => {
    const f = eksjoSample(3);
    const suggestion = { value: 'met' as const, phrase: 'kan anses vara uppfyllt', cell: 'D9', source: 'text' as const };
    f.promises[0].activities[1] = withStatus({ ...f.promises[0].activities[1], judgement: suggestion }, 3);
    const plans = planImportSheets(f);
    const wb = evaluatePlans(plans);
    const name = plans[0].name;
    const c = structuredColumns(3);
    const row = STRUCTURED_ROWS.firstData + 2; // L1, A1, A2
    expect(wb.value(name, row, c.id)).toBe('A2');
    const read = () => {
      const back = readStructured({ structured: hostGrid(wb, plans[0]), events: hostGrid(wb, plans[1]) });
      return { a: back.promises[0].activities[1], findings: back.findings };
    };
    expect([read().a.judgement, read().a.status]).toEqual([suggestion, 'met']);
    wb.set(name, row, c.judgement, 'Delvis uppnått');
    expect([read().a.judgement, read().a.status]).toEqual([{ value: 'partly-met', phrase: '', cell: null, source: 'user' }, 'not-met']);
    wb.set(name, row, c.judgement, 'Uppnått'); // back to what was suggested: the suggestion, kept
    expect(read().a.judgement).toEqual(suggestion);
    wb.set(name, row, c.judgement, null);
    expect([read().a.judgement, read().a.status]).toEqual([null, 'manual']);
    wb.set(name, row, c.judgement, 'Klart');
    const { a, findings } = read();
    expect(a.judgement).toBeNull();
    const cell = `${String.fromCharCode(65 + c.judgement)}${row + 1}`;
    expect(findings.find((x) => x.code === 'structured-bad-judgement')).toMatchObject({ cell, severity: 'info' });
    // A judgement typed where none was suggested is the user's.
    wb.set(name, row, c.origin, 'Bedömningens cell: D9');
    wb.set(name, row, c.suggestion, null);
    wb.set(name, row, c.judgement, 'genomförd');
    expect(read().a.judgement).toEqual({ value: 'done', phrase: 'kan anses vara uppfyllt', cell: 'D9', source: 'user' });
  });

  test('Kommentar: the source\'s comments come back with their cells, lines a user adds are a comment of their own; own status verbatim', () => {
    const f = eksjoSample(3);
    const comments = [{ cell: 'E9', text: 'Möten med\nföreningar' }, { cell: null, text: '-5 möten kvar' }, { cell: 'F9', text: 'Klart i maj' }];
    f.promises[0].activities[1] = withStatus({ ...f.promises[0].activities[1], comments, sourceStatus: { cell: 'G9', text: 'Delvis' } }, 3);
    const plans = planImportSheets(f);
    const wb = evaluatePlans(plans);
    const name = plans[0].name;
    const c = structuredColumns(3);
    const row = STRUCTURED_ROWS.firstData + 2;
    expect(wb.value(name, row, c.comment)).toBe('Möten med\nföreningar\n-5 möten kvar\nKlart i maj');
    expect(wb.value(name, row, c.origin)).toBe('Egen status, cell: G9\nKommentar: E9 (rad 1–2)\nKommentar: – (rad 3)\nKommentar: F9 (rad 4)');
    expect(wb.value(name, row, c.sourceStatus)).toBe('Delvis');
    const read = () => readStructured({ structured: hostGrid(wb, plans[0]) }).promises[0].activities[1];
    expect([read().comments, read().sourceStatus]).toEqual([comments, { cell: 'G9', text: 'Delvis' }]);
    wb.set(name, row, c.comment, 'Möten med\nföreningar\n-5 möten kvar\nKlart i maj\nVi fortsätter i höst.');
    expect(read().comments).toEqual([...comments, { cell: null, text: 'Vi fortsätter i höst.' }]);
    wb.set(name, row, c.comment, 'Helt omskrivet');
    expect(read().comments).toEqual([{ cell: null, text: 'Helt omskrivet' }]);
    wb.set(name, row, c.comment, null);
    expect(read().comments).toEqual([]);
  });

  test('a sheet of the layout before Bedömning and Kommentar (columns found by their headers) still reads', () => {
    const f = eskilstunaSample(3);
    const plans = planImportSheets(f);
    const wb = evaluatePlans(plans);
    const c = structuredColumns(3);
    // Drop the three new columns as an older sheet lacks them: everything right of Status moves left.
    const g = hostGrid(wb, plans[0]);
    const drop = (r: unknown[]) => [...r.slice(0, c.judgement), ...r.slice(c.comment + 1)];
    const old = { ...g, values: g.values.map((r) => drop(r) as typeof r), texts: g.texts?.map((r) => drop(r) as typeof r) };
    const back = readStructured({ structured: old, events: hostGrid(wb, plans[1]), findings: hostGrid(wb, plans[2]) });
    expect(essence(back)).toEqual(essence(f));
  });

  test('never throws: an unrelated grid gives a finding, not an exception', () => {
    const back = readStructured({ structured: { sheetName: 'x', origin: { row: 0, col: 0 }, values: [['hej', 1], [null, '=A1']] } });
    expect(back.promises).toEqual([]);
    expect(back.findings.map((x) => x.code)).toEqual(['structured-no-header']);
    expect(FINDINGS_SHEET).toBe('Kontroller');
  });
});
