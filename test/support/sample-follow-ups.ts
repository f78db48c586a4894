// Hand-built FollowUps shaped like the seeds' expected import (for plan/report/host tests).
import { FollowUpSchema, type Activity, type FollowUp, type Period } from '../../shared/model/follow-up';
import { withStatus } from '../../shared/calc/status';

function p(text: string, value: number | null, extra: Partial<Period> = {}): Period {
  return {
    value,
    cumulative: null,
    statedCumulative: null,
    approx: false,
    lowerBound: false,
    kind: text === '' ? 'empty' : value === null ? 'comment' : 'count',
    milestone: null,
    events: [],
    text,
    cell: null,
    ...extra,
  };
}

function act(a: Omit<Activity, 'total' | 'share' | 'expected' | 'status' | 'totalApprox' | 'totalLowerBound' | 'cell' | 'unit' | 'comments' | 'sourceStatus' | 'judgement'> & Partial<Activity>, reported: number): Activity {
  let run = 0;
  const periods = a.periods.map((q) => {
    if (q.value === null) return { ...q, cumulative: null };
    run += q.value;
    return { ...q, cumulative: run };
  });
  return withStatus(
    { cell: null, unit: null, comments: [], sourceStatus: null, judgement: null, total: null, share: null, expected: null, status: 'no-data', totalApprox: false, totalLowerBound: false, ...a, periods },
    reported,
  );
}

/** Eskilstuna 2019 as the importer should see it (reported period 3). */
export function eskilstunaSample(reported = 3): FollowUp {
  const ev = (place: string, date: string) => ({ place, date });
  return FollowUpSchema.parse({
    kommun: 'Eskilstuna',
    year: 2019,
    reportedPeriod: reported,
    statedPeriod: 1,
    periodKind: 'tertial',
    periodLabels: ['Tertial 1', 'Tertial 2', 'Tertial 3'],
    promises: [
      {
        id: 'L1',
        party: 'police',
        text: 'Att ingripa mot de lokala kriminella nätverk som finns i Eskilstuna kommun genom att arbeta för nolltolerans mot droger',
        activities: [
          act({ id: 'A1', party: 'police', goal: null, text: 'Ingripande narkotikabrott (enligt STATUS; brottskod 5010, 5011)',
            periods: [p('540', 540, { cell: 'B58' }), p('479 (1019)', 479, { statedCumulative: 1019, cell: 'C58' }), p('451 (1470)', 451, { statedCumulative: 1470, cell: 'D58' })] }, reported),
        ],
      },
      {
        id: 'L3',
        party: 'police',
        text: 'Att samfällt med kommunen genomföra trygghetsvandringar i två av de prioriterade stadsdelarna (Skiftinge och Lagersberg) och ett medborgarforum i Fröslunda',
        activities: [
          act({ id: 'A2', party: 'police', text: 'Trygghetsvandring',
            goal: { op: '=', value: 2, unit: 'trygghetsvandringar', places: ['Skiftinge', 'Lagersberg'], rate: null, source: 'promise', phrase: 'trygghetsvandringar i två av de prioriterade stadsdelarna (Skiftinge och Lagersberg)' },
            periods: [p('', null), p('', null), p('Göksten 19-11-08 Stadsparken 19-11-12 Centrala Thla 19-11-20\nNyfors 19-11-26', 4, { kind: 'events', events: [ev('Göksten', '2019-11-08'), ev('Stadsparken', '2019-11-12'), ev('Centrala Thla', '2019-11-20'), ev('Nyfors', '2019-11-26')] })] }, reported),
          act({ id: 'A3', party: 'police', text: 'Medborgarforum',
            goal: { op: '=', value: 1, unit: 'medborgarforum', places: ['Fröslunda'], rate: null, source: 'promise', phrase: 'ett medborgarforum i Fröslunda' },
            periods: [p('Fröslunda 19-05-02', 1, { kind: 'events', events: [ev('Fröslunda', '2019-05-02')] }), p('', null), p('Lagersberg 19-10-01 Fröslunda 19-10-17', 2, { kind: 'events', events: [ev('Lagersberg', '2019-10-01'), ev('Fröslunda', '2019-10-17')] })] }, reported),
        ],
      },
      {
        id: 'L4',
        party: 'police',
        text: 'Att genom 200 trafik- och trafikrelaterade kontroller vara tillgängliga och effektiva genom hög synlighet i de prioriterade stadsdelarna',
        activities: [
          act({ id: 'A4', party: 'police', text: 'Trafikkontroll i utsatta områden (inklusive synlighet och kommunikativt förhållningssätt: STORM-HOBIT)',
            goal: { op: '=', value: 200, unit: 'kontroller', places: [], rate: null, source: 'promise', phrase: '200 trafik- och trafikrelaterade kontroller' },
            periods: [p('83', 83), p('43 (126)', 43, { statedCumulative: 126 }), p('64 (190)', 64, { statedCumulative: 190 })] }, reported),
        ],
      },
    ],
    notes: [{ cell: 'A6', text: 'Medborgarlöftet 2019' }],
    findings: [
      { severity: 'warning', code: 'event-outside-period', cell: 'B70', message: 'Händelsen Fröslunda 2019-05-02 ligger i tertial 2 men står under Tertial 1.' },
      { severity: 'info', code: 'template-placeholder', cell: 'A154', message: 'Texten "X kommun" ser ut som en platshållare från en mall.' },
    ],
  });
}

/** Eksjö 2018–2019 as the importer should see it (reported period 3), the parts with counts. */
export function eksjoSample(reported = 3): FollowUp {
  return FollowUpSchema.parse({
    kommun: 'Eksjö',
    year: 2019,
    reportedPeriod: reported,
    statedPeriod: 3,
    periodKind: 'tertial',
    periodLabels: ['Tertial 1', 'Tertial 2', 'Tertial 3'],
    promises: [
      {
        id: 'L1', party: null, text: 'Att öka den upplevda tryggheten på resecentrum och i närområdet.',
        activities: [
          act({ id: 'A1', party: null, goal: null, text: 'Ökad polisiär närvaro vid resecentrum',
            periods: [p('Genomfört ett tjugotal tillsyner på resecentrum', 20, { approx: true }), p('Genomfört ett tiotal tillsyner på resecentrum', 10, { approx: true }),
              p('Sammanlagt 2019 genomfört minst 40 tillsyner på och i anslutning till resecentrum', 10, { kind: 'cumulative', statedCumulative: 40, lowerBound: true })] }, reported),
          act({ id: 'A2', party: 'municipality', text: 'Kommunen ska genomföra en trygghetsvandring vid andra samlingsplatser i övriga orter i Eksjö kommun.',
            goal: { op: '=', value: 1, unit: 'trygghetsvandring', places: [], rate: null, source: 'activity', phrase: 'en trygghetsvandring' },
            periods: [p('', null), p('Genomfört intervjuer med ca 200 personer i de östra delarna av kommunen', null, { kind: 'other-unit' }), p('Arbetsgruppsmöten med medborgare', null)] }, reported),
        ],
      },
      {
        id: 'L2', party: null, text: 'Att minska risken för unga att hamna i drogberoende och kriminalitet.',
        activities: [
          act({ id: 'A3', party: null, text: 'Genomföra minst tio riktade insatser mot alkohol och droger i hela kommunen.',
            goal: { op: '>=', value: 10, unit: 'riktade insatser', places: [], rate: null, source: 'activity', phrase: 'minst tio riktade insatser' },
            periods: [p('Genomfört sex riktade insatser.', 6), p('Genomfört fem riktade insatser.', 5), p('Sammanlagt genomfört fjorton riktade insatser', 3, { kind: 'cumulative', statedCumulative: 14 })] }, reported),
          act({ id: 'A4', party: 'joint', text: 'Polisen och kommunen lovar att under året genomföra minst fyra samverkansmöten om pågående aktiviteter',
            goal: { op: '>=', value: 4, unit: 'samverkansmöten', places: [], rate: null, source: 'activity', phrase: 'minst fyra samverkansmöten' },
            periods: [p('Genomfört 1', 1), p('Genomfört 1', 1), p('Genomfört sammanlagt fyra', 2, { kind: 'cumulative', statedCumulative: 4 })] }, reported),
        ],
      },
    ],
    notes: [],
    findings: [],
  });
}
