// Planned-not-done clauses, milestones that settle a goal of one, stycken and "tillsammans" (together) in real wording.
import { parseCell, type CellContext } from '../../../../shared/parse/cell';
import { parseGoals } from '../../../../shared/parse/goal';

const ctx = (unit: string | null, goalValue: number | null = null): CellContext => ({ unit, activityNouns: [], year: 2019, goalValue });

describe('planned, not done', () => {
  test('"Två föräldramöten är inplanerade i höst" is no count of held meetings', () => {
    expect(parseCell('Två föräldramöten är inplanerade i höst.', ctx('föräldramöten')).value).toBeNull();
  });

  test('a count beside a planned clause still counts', () => {
    expect(parseCell('Tre föräldramöten har hållits. Ytterligare två är inplanerade i höst.', ctx('föräldramöten')).value).toBe(3);
  });
});

describe('milestones', () => {
  test('a done milestone settles a goal of one', () => {
    expect(parseCell('Genomförts tillsammans med polisen', ctx('föreläsning', 1))).toMatchObject({ kind: 'count', value: 1, milestone: 'done' });
  });

  test('a done milestone does not count a goal of several', () => {
    expect(parseCell('Genomförts tillsammans med polisen', ctx('föreläsningar', 3))).toMatchObject({ kind: 'milestone', value: null });
  });

  test('"har inte kommit igång" is not started', () => {
    expect(parseCell('Arbetet med grannsamverkan i Norrby har inte kommit igång under året på grund av sjukskrivningar.', ctx(null)).milestone).toBe('not-started');
  });
});

describe('number and noun', () => {
  test('"stycken" between number and noun', () => {
    expect(parseGoals('Att genomföra minst sex stycken hastighetskontroller med polisens mobila hastighetskamera (ATK) i Hällekis.')[0]).toMatchObject({ op: '>=', value: 6, unit: 'hastighetskontroller' });
    expect(parseGoals('Minst 4 st trygghetsvandringar ska genomföras')[0]).toMatchObject({ value: 4 });
  });

  test('"Tillsammans lovar vi" is together, not a running total', () => {
    expect(parseGoals('Tillsammans lovar vi att genomföra två trygghetsvandringar i kommunen.')[0]).toMatchObject({ value: 2, unit: 'trygghetsvandringar' });
    expect(parseGoals('Att tillsammans med föreningar i Skara kommun, genomföra tre nattvandringar under utvalda tillfällen.')[0]).toMatchObject({ value: 3 });
  });

  test('a cut-off word after the noun does not hide the unit ("3 insatser ge")', () => {
    expect(parseCell('3 insatser ge', ctx('insatser')).value).toBe(3);
  });
});

describe('wording families of real follow-ups', () => {
  test('goals in hours and occasions', () => {
    expect(parseGoals('Polisen ska genomföra minst 2 500 timmar fotpatrullering i centrum')[0]).toMatchObject({ op: '>=', value: 2500, unit: 'timmar fotpatrullering' });
    expect(parseCell('Polisen har fotpatrullerat 2 600 timmar', ctx('timmar fotpatrullering')).value).toBe(2600);
    expect(parseGoals('Polisen ska vid minst sextio tillfällen besöka skolorna')[0]).toMatchObject({ op: '>=', value: 60 });
  });

  test('rates: per termin, varannan vecka; multi-year goals', () => {
    expect(parseGoals('Kommunen genomför två trygghetsvandringar per termin')[0]).toMatchObject({ value: 2, rate: 'termin' });
    expect(parseGoals('Polisen besöker skolorna två gånger per termin')[0]).toMatchObject({ value: 2, rate: 'termin' });
    expect(parseGoals('Polisen ska varannan vecka delta i skolornas raster')[0]).toMatchObject({ value: 1, rate: 'varannan vecka' });
    expect(parseGoals('Minst 70 hastighetskontroller utifrån medborgarnas önskemål under den totala tre-års-perioden. (Polis)')[0]).toMatchObject({ op: '>=', value: 70, unit: 'hastighetskontroller', rate: 'treårsperiod' });
  });

  test('counts split over places add up', () => {
    expect(parseCell('120 i centrum samt 85 i Norrby', ctx('kontroller')).value).toBe(205);
    expect(parseCell('Genomfört 12 kontroller i Hallsberg, 8 i Pålsboda och 5 i Vretstorp', ctx('kontroller')).value).toBe(25);
  });

  test('by-products beside the count are not it', () => {
    expect(parseCell('64 trafikkontroller har genomförts där 21 personer rapporterades', ctx(null)).value).toBe(64);
  });

  test('negation: zero for a counted activity, not started otherwise', () => {
    expect(parseCell('Har inte genomförts på grund av pandemin', ctx('trygghetsvandringar', 2))).toMatchObject({ kind: 'count', value: 0, milestone: 'not-started' });
    expect(parseCell('Har inte genomförts på grund av pandemin', ctx(null))).toMatchObject({ kind: 'milestone', value: null, milestone: 'not-started' });
    expect(parseCell('Ingen insats under perioden', ctx('insatser')).value).toBe(0);
  });

  test('compound number words and "ytterligare en"', () => {
    expect(parseCell('Polisen har genomfört trettiosju kontroller', ctx('kontroller')).value).toBe(37);
    expect(parseCell('Sammanlagt tvåhundrafyrtio kontroller', ctx('kontroller'))).toMatchObject({ kind: 'cumulative', value: 240 });
    expect(parseCell('Genomfört ytterligare en trygghetsvandring', ctx('trygghetsvandringar')).value).toBe(1);
  });
});

describe('en/ett as article or count', () => {
  test('before a comparative or participle adjective it is an article', () => {
    expect(parseCell('Vingåkers kommun har arbetat aktivt med en säkrare trafikmiljö.', ctx(null)).value).toBeNull();
    expect(parseGoals('Ett intensifierat arbete mot narkotikaförsäljning och mot illegala vapen, främst i Biskopsgården')).toEqual([]);
  });

  test('after a passive report verb it counts', () => {
    expect(parseCell('I början av mars förra året skickades ett informationsbrev om mopedåkning ut till alla föräldrar.', ctx(null)).value).toBe(1);
  });
});
