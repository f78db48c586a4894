// Cell patterns from real follow-ups: counts, running totals, words, approximations, events, milestones, other units.
import { parseCell, type CellContext } from '../../../shared/parse/cell';

const ctx = (unit: string | null = null, activity = ''): CellContext => ({ unit, activityNouns: activity.match(/[\p{L}-]{4,}/gu) ?? [], year: 2019 });

describe('counts', () => {
  test.each([
    ['540', 540],
    ['1 470', 1470],
    ['12 st', 12],
    ['Genomfört 1', 1],
    ['Genomfört sex riktade insatser.', 6],
    ['genomfört fem riktade insatser', 5],
    ['Vi har genomfört tolv riktade insatser under perioden.', 12],
    ['Polisen har haft tjugoen trafikkontroller', 21],
    ['Totalt har 3 föräldramöten genomförts.', 3],
    ['Endast ett informationsmöte har hållits', 1],
    ['Ett informationsmöte har hållits i Höglandsskolan', 1],
    ['Trettiofem kontroller i centrum', 35],
    ['Hundra kontroller i centrum', 100],
  ])('%s → %d', (text, value) => {
    const c = parseCell(text, ctx());
    expect(c.value).toBe(value);
  });

  test('running total in brackets: 479 (1019)', () => {
    expect(parseCell('479 (1019)', ctx())).toMatchObject({ kind: 'count', value: 479, statedCumulative: 1019 });
    expect(parseCell('Genomfört 5 (12) insatser', ctx('insatser'))).toMatchObject({ value: 5, statedCumulative: 12 });
  });

  test.each([
    ['Sammanlagt genomfört fjorton riktade insatser', 14],
    ['Genomfört sammanlagt fyra', 4],
    ['Totalt 12 kontroller hittills i år', 12],
    ['Hittills har 9 trygghetsvandringar genomförts', 9],
    ['Sammantaget 30 besök', 30],
  ])('running total in prose: %s', (text, value) => {
    expect(parseCell(text, ctx())).toMatchObject({ kind: 'cumulative', value, statedCumulative: value });
  });

  test('"Sammanlagt 2019 genomfört minst 40 tillsyner": 2019 is a year, 40 a lower-bound running total', () => {
    expect(parseCell('Sammanlagt 2019 genomfört minst 40 tillsyner på och i anslutning till resecentrum', ctx())).toMatchObject({
      kind: 'cumulative',
      value: 40,
      lowerBound: true,
    });
  });
});

describe('approximations', () => {
  test.each([
    ['Genomfört ett tjugotal tillsyner på resecentrum', 20],
    ['Genomfört ett tiotal tillsyner', 10],
    ['ett 20-tal kontroller', 20],
    ['ett tio-tal besök på skolor', 10],
    ['Ett hundratal samtal med ungdomar', 100],
    ['ca 15 insatser', 15],
    ['cirka 15 insatser', 15],
    ['Drygt 30 insatser i centrum', 30],
    ['knappt 12 kontroller', 12],
    ['Genomfört ett par trygghetsvandringar', 2],
  ])('%s → ~%d', (text, value) => {
    expect(parseCell(text, ctx())).toMatchObject({ value, approx: true });
  });
});

describe('numbers that are not counts', () => {
  test.each([
    'Ingripande narkotikabrott (enligt STATUS; brottskod 5010, 5011)',
    'Föreläsning för 5-åringar i förskolan',
    'Information till årskurs 7-8 och åk 9',
    'Hastighetskontroller där 50 km/h gäller',
    'Under 2019 har det erbjudits SFI för föräldralediga på Integrationscentrum.',
    'Mötet hölls kl. 18.00-19.30 i Lagersbergsskolan',
    'Uppföljning vecka 45',
    'Andelen trygga ökade till 85 %',
    'Budget 20 000 kr för belysning',
  ])('%s has no count', (text) => {
    expect(parseCell(text, ctx()).value).toBeNull();
  });

  test('counts of another unit than the goal are not counts for it', () => {
    expect(parseCell('Genomfört intervjuer med ca 200 personer i de östra delarna av kommunen', ctx('trygghetsvandring'))).toMatchObject({ kind: 'other-unit', value: null });
    expect(parseCell('Två föräldrträffar med socialen och polisen', ctx('drogförebyggande föreläsning'))).toMatchObject({ kind: 'other-unit', value: null });
  });

  test('people counts are not the activity count even without a goal', () => {
    expect(parseCell('Samtal med ca 40 ungdomar på fritidsgården', ctx(null, 'Trygghetsvandring')).value).toBeNull();
  });

  test('with several counts, the one whose noun matches the unit wins (typos tolerated)', () => {
    expect(parseCell('Med 25 deltagare genomfördes 3 trygghetsvandingar', ctx('trygghetsvandringar')).value).toBe(3);
    expect(parseCell('12 personer deltog i 2 trygghetsvandringar', ctx('trygghetsvandring')).value).toBe(2);
    expect(parseCell('Genomfört två gånger', ctx('föreläsningar')).value).toBe(2);
  });
});

describe('events', () => {
  test('place + YY-MM-DD list', () => {
    const c = parseCell('Göksten 19-11-08 Stadsparken 19-11-12 Centrala Thla 19-11-20', ctx());
    expect(c.kind).toBe('events');
    expect(c.value).toBe(3);
    expect(c.events).toEqual([
      { place: 'Göksten', date: '2019-11-08' },
      { place: 'Stadsparken', date: '2019-11-12' },
      { place: 'Centrala Thla', date: '2019-11-20' },
    ]);
  });

  test('ISO dates, Swedish month names and date-first lists', () => {
    expect(parseCell('Fröslunda 2019-10-17, Lagersberg 2019-10-01', ctx()).events.map((e) => e.date)).toEqual(['2019-10-17', '2019-10-01']);
    expect(parseCell('Lagersbergsskolan 1 oktober 2019', ctx()).events).toEqual([{ place: 'Lagersbergsskolan', date: '2019-10-01' }]);
    expect(parseCell('2019-11-08 Göksten, 2019-11-12 Stadsparken', ctx()).events.map((e) => e.place)).toEqual(['Göksten', 'Stadsparken']);
  });

  test('an impossible date is not an event', () => {
    expect(parseCell('Göksten 19-13-45', ctx()).kind).not.toBe('events');
  });
});

describe('milestones and prose', () => {
  test.each([
    ['Genomförts tillsammans med polisen', 'done'],
    ['Klart', 'done'],
    ['Pågår', 'in-progress'],
    ['Arbetet har påbörjats', 'in-progress'],
    ['Ej påbörjat', 'not-started'],
    ['Inställt på grund av sjukdom', 'cancelled'],
  ])('%s → %s', (text, milestone) => {
    const c = parseCell(text, ctx());
    expect(c.kind).toBe('milestone');
    expect(c.milestone).toBe(milestone);
  });

  test('prose without a number is a comment', () => {
    expect(parseCell('Förändringar har gjorts i järnvägsparken i Eksjö med fler lampor och nedtagen häck.', ctx()).kind).toBe('comment');
  });

  test('error values are kept as text and flagged', () => {
    expect(parseCell('#REF!', ctx())).toMatchObject({ kind: 'comment', error: '#REF!' });
  });

  test('empty', () => {
    expect(parseCell('   ', ctx()).kind).toBe('empty');
  });
});

describe('zero and sums', () => {
  test.each([['-', 0], ['Nej', 0], ['Inga', 0], ['Inga insatser denna period', 0], ['Inget att rapportera', 0], ['4 + 3', 7], ['0', 0]])('%s → %d', (text, value) => {
    expect(parseCell(text, ctx())).toMatchObject({ kind: 'count', value });
  });
  test('"Ej aktuellt" is a comment, not zero', () => {
    expect(parseCell('Ej aktuellt', ctx()).value).toBeNull();
  });
});
