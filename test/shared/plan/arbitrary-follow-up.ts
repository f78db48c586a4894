// fast-check generator of FollowUps that look like imported follow-ups (counts, prose, event lists, goals, judgements, comments, tricky texts).
import fc from 'fast-check';
import { withStatus } from '../../../shared/calc/status';
import { FollowUpSchema, JudgementValueSchema, type Activity, type FollowUp, type Judgement, type Note, type Period, type PeriodKind } from '../../../shared/model/follow-up';
import { PERIOD_COUNT, periodLabels } from '../../../shared/model/periods';

const WORDS = ['Trygghetsvandring', 'Riktade insatser', 'Samverkansmöte', 'Medborgarforum', 'Trafikkontroll', 'tillsyner', 'Genomfört', 'i centrum', 'Fröslunda', 'Nyfors', 'enligt plan', 'ca 20', '(5010, 5011)', '"citat"', "o'hej", 'å ä ö'];
/** Text as users write it, sometimes starting with = + - @ (must stay text). */
const text = fc
  .tuple(fc.constantFrom('', '', '=', '+', '-', '@', '=SUM(A1:A3)', '- '), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }))
  .map(([pre, ws]) => `${pre}${ws.join(' ')}`.trim())
  .filter((s) => s !== '');
/** Comments as sources carry them: one line or several (a cell with line breaks). */
const commentText = fc.oneof(text, fc.array(text, { minLength: 2, maxLength: 3 }).map((ls) => ls.join('\n')));
const sourceCell = fc.option(fc.constantFrom('E12', 'F30', 'C7', 'H101'), { nil: null });
const note: fc.Arbitrary<Note> = fc.record({ cell: sourceCell, text: commentText });
const sourceStatus = fc.option(
  fc.record({ cell: sourceCell, text: fc.oneof(fc.constantFrom('Genomförd', 'Delvis', 'Pågår', 'Ej påbörjad', 'Klar!', '- inställd'), text) }),
  { nil: null, freq: 2 },
);
const judgement: fc.Arbitrary<Judgement | null> = fc.option(
  fc.record({
    value: fc.constantFrom(...JudgementValueSchema.options),
    phrase: fc.oneof(fc.constantFrom('kan anses vara uppfyllt', 'Genomförts tillsammans med polisen', 'pågår', 'inställt'), text, fc.constant('')),
    cell: sourceCell,
    source: fc.constantFrom('text' as const, 'user' as const),
  }),
  { nil: null, freq: 2 },
);
const place = fc.constantFrom('Göksten', 'Stadsparken', 'Centrala Thla', 'Nyfors', 'Skiftinge', 'Lagersberg', 'Fröslunda');
const party = fc.constantFrom(null, 'police' as const, 'municipality' as const, 'joint' as const);

function periodArb(kind: PeriodKind, year: number, k: number) {
  const n = PERIOD_COUNT[kind];
  const firstMonth = Math.floor(((k - 1) * 12) / n) + 1;
  const months = 12 / n;
  const event = fc.record({
    date: fc.option(
      fc.tuple(fc.integer({ min: 0, max: months - 1 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${year}-${String(firstMonth + m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      { nil: null, freq: 5 },
    ),
    place: fc.option(place, { nil: null, freq: 6 }),
  });
  const base = { cumulative: null, statedCumulative: null, approx: false, lowerBound: false, milestone: null, events: [], cell: null };
  return fc.oneof(
    fc.constant<Period>({ ...base, value: null, kind: 'empty', text: '' }),
    fc.tuple(fc.integer({ min: 0, max: 1500 }), fc.boolean(), fc.boolean(), fc.option(text, { nil: undefined })).map(
      ([v, approx, lowerBound, t]): Period => ({ ...base, value: v, approx, lowerBound, kind: 'count', text: t ?? String(v) }),
    ),
    text.map((t): Period => ({ ...base, value: null, kind: 'comment', text: t })),
    fc.array(event, { minLength: 1, maxLength: 3 }).map(
      (events): Period => ({ ...base, value: events.length, kind: 'events', events, text: events.map((e) => [e.place, e.date].filter(Boolean).join(' ') || 'händelse').join(' ') }),
    ),
  );
}

const goalArb = (unit: string | null) =>
  fc.option(
    fc.record({
      op: fc.constantFrom('>=' as const, '<=' as const, '=' as const),
      value: fc.integer({ min: 0, max: 400 }),
      unit: fc.constant(unit),
      places: fc.uniqueArray(place, { maxLength: 2 }),
      rate: fc.constantFrom(null, null, null, 'vecka', 'månad'),
      source: fc.constantFrom('activity' as const, 'promise' as const, 'user' as const),
      phrase: fc.option(text, { nil: '' }),
    }),
    { nil: null, freq: 3 },
  );

/** A follow-up with 0–4 promises of 0–4 activities, activity IDs unique (A1, A2 …). */
export function followUpArb(kinds: PeriodKind[] = ['tertial', 'tertial', 'quarter', 'half']): fc.Arbitrary<FollowUp> {
  return fc
    .record({ kind: fc.constantFrom(...kinds), year: fc.integer({ min: 2015, max: 2030 }) })
    .chain(({ kind, year }) => {
      const n = PERIOD_COUNT[kind];
      const activity = fc.record({
        text,
        party,
        unit: fc.option(fc.constantFrom('trygghetsvandringar', 'kontroller', 'riktade insatser'), { nil: null }),
        periods: fc.tuple(...Array.from({ length: n }, (_, k) => periodArb(kind, year, k + 1))),
        cell: fc.option(fc.constantFrom('A12', 'A30', 'B7'), { nil: null }),
        comments: fc.array(note, { maxLength: 3 }),
        sourceStatus,
        judgement,
      }).chain((a) => goalArb(a.unit).map((goal) => ({ ...a, goal })));
      const promise = fc.record({ text: fc.option(text, { nil: '' }), party, cell: fc.option(fc.constantFrom('A5', 'A9'), { nil: null }), activities: fc.array(activity, { maxLength: 4 }) });
      return fc.record({
        kommun: fc.option(fc.constantFrom('Eksjö', 'Eskilstuna', 'Åre', '=X kommun'), { nil: null }),
        reportedPeriod: fc.option(fc.integer({ min: 1, max: n }), { nil: null, freq: 4 }),
        statedPeriod: fc.option(fc.integer({ min: 1, max: n }), { nil: null }),
        title: fc.option(text, { nil: null }),
        sheetName: fc.option(fc.constantFrom('Blad1', 'Uppföljning 2019'), { nil: null }),
        promises: fc.array(promise, { maxLength: 4 }),
        notes: fc.array(note, { maxLength: 4 }),
        tables: fc.array(fc.record({ cell: fc.constantFrom('A4', 'A20'), title: fc.option(text, { nil: null }), headers: fc.array(text, { minLength: 1, maxLength: 5 }) }), { maxLength: 2 }),
      }).map((r) => {
        let next = 1;
        return FollowUpSchema.parse({
          kommun: r.kommun,
          year,
          reportedPeriod: r.reportedPeriod,
          statedPeriod: r.statedPeriod,
          periodKind: kind,
          periodLabels: periodLabels(kind),
          title: r.title,
          sheetName: r.sheetName,
          promises: r.promises.map((p, i) => ({
            id: `L${i + 1}`,
            text: p.text,
            party: p.party,
            cell: p.cell,
            activities: p.activities.map((a) => {
              let run = 0;
              const periods = a.periods.map((q) => (q.value === null ? q : { ...q, cumulative: (run += q.value) }));
              const act: Activity = { id: `A${next++}`, text: a.text, party: a.party, cell: a.cell, goal: a.goal, unit: a.unit, periods, comments: a.comments, sourceStatus: a.sourceStatus, judgement: a.judgement, total: null, totalApprox: false, totalLowerBound: false, share: null, expected: null, status: 'no-data' };
              return withStatus(act, r.reportedPeriod);
            }),
          })),
          notes: r.notes,
          tables: r.tables,
          findings: [],
        });
      });
    });
}
