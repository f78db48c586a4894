// The seeds import exactly as DOMAIN.md's acceptance table says, with the listed findings.
import { placeholdersIn } from '../../../shared/import/document-meta';
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { SEEDS, activity, importSeed } from '../../support/seeds';

const values = (a: { periods: { value: number | null }[] }) => a.periods.map((p) => p.value);

describe('Eksjö 2019', () => {
  const f = importSeed('eksjo-2019');

  test('document: kommun, year, reported tertial 3 as stated', () => {
    expect(f.kommun).toBe('Eksjö');
    expect(f.year).toBe(2019);
    expect(f.statedPeriod).toBe(3);
    expect(f.reportedPeriod).toBe(3);
    expect(f.periodLabels).toEqual(['Tertial 1', 'Tertial 2', 'Tertial 3']);
  });

  test('two promises, each table under the promise heading above it', () => {
    const withActs = f.promises.filter((p) => p.activities.length);
    expect(withActs.map((p) => p.text)).toEqual([
      'Att öka den upplevda tryggheten på resecentrum och i närområdet.',
      'Att minska risken för unga att hamna i drogberoende och kriminalitet.',
    ]);
    expect(withActs[0].activities).toHaveLength(3);
    expect(withActs[1].activities).toHaveLength(4);
  });

  test('riktade insatser: 6, 5, then "sammanlagt fjorton" gives 3; goal ≥ 10 met', () => {
    const a = activity(f, 'Genomföra minst tio');
    expect(values(a)).toEqual([6, 5, 3]);
    expect(a.periods[2].kind).toBe('cumulative');
    expect(a.periods[2].cumulative).toBe(14);
    expect(a.total).toBe(14);
    expect(a.goal).toMatchObject({ op: '>=', value: 10, unit: 'riktade insatser' });
    expect(a.status).toBe('met');
  });

  test('samverkansmöten: 1, 1, "sammanlagt fyra" gives 2; goal ≥ 4 met', () => {
    const a = activity(f, 'Polisen och kommunen lovar');
    expect(values(a)).toEqual([1, 1, 2]);
    expect(a.total).toBe(4);
    expect(a.goal).toMatchObject({ op: '>=', value: 4 });
    expect(a.status).toBe('met');
    expect(a.party).toBe('joint');
  });

  test('tillsyner: ~20, ~10, then "minst 40" in total gives ≥ 10; no goal', () => {
    const a = activity(f, 'Ökad polisiär');
    expect(values(a)).toEqual([20, 10, 10]);
    expect(a.periods.map((p) => p.approx)).toEqual([true, true, true]);
    expect(a.periods[2].lowerBound).toBe(true);
    expect(a.periods[2].statedCumulative).toBe(40);
    expect(a.total).toBe(40);
    expect(a.totalLowerBound).toBe(true);
    expect(a.goal).toBeNull();
    expect(a.status).toBe('no-goal');
  });

  test('prose-only activities keep their text and ask for a manual assessment', () => {
    const intro = activity(f, 'Kommunen ska ordna en föräldraintroduktion');
    expect(intro.status).toBe('manual');
    expect(intro.periods[0].text).toContain('Homepartyprojektet');
    const walks = activity(f, 'Kommunen ska genomföra två trygghetsvandringar');
    expect(walks.status).toBe('manual');
    expect(walks.goal).toMatchObject({ value: 4 });
    expect(walks.periods[1].kind).toBe('comment');
  });

  test('"ca 200 personer" is not a count of trygghetsvandringar', () => {
    const a = activity(f, 'Kommunen ska genomföra en trygghetsvandring');
    expect(a.goal).toMatchObject({ value: 1, unit: 'trygghetsvandring' });
    expect(a.periods[1].kind).toBe('other-unit');
    expect(a.periods[1].value).toBeNull();
  });

  test('"Två föräldrträffar" counts another unit than the föreläsning; typo kept verbatim', () => {
    const a = activity(f, 'Kommunen ska ordna en drogförebyggande');
    expect(a.periods[0].kind).toBe('other-unit');
    expect(a.periods[0].text).toBe('Två föräldrträffar med socialen och polisen');
    expect(a.periods[2].milestone).toBe('done');
  });

  test('"Genomförts tillsammans med polisen" settles the goal of one föreläsning: 1, met', () => {
    const a = activity(f, 'Kommunen ska ordna en drogförebyggande');
    expect(a.goal).toMatchObject({ value: 1 });
    expect(a.periods[2]).toMatchObject({ kind: 'count', value: 1, milestone: 'done' });
    expect(a.total).toBe(1);
    expect(a.status).toBe('met');
  });

  test('no errors: the running totals add up', () => {
    expect(f.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });
});

describe('Eskilstuna 2019', () => {
  const f = importSeed('eskilstuna-2019');

  test('document: kommun, year; stated tertial 1 contradicted by the data, reported period 3', () => {
    expect(f.kommun).toBe('Eskilstuna');
    expect(f.year).toBe(2019);
    expect(f.statedPeriod).toBe(1);
    expect(f.reportedPeriod).toBe(3);
    expect(f.findings.find((x) => x.code === 'period-contradicted')?.message).toMatch(/tertial 1.*tertial 3/);
  });

  test('ingripande narkotikabrott: 540, 479, 451 = 1470; crime codes are not a goal', () => {
    const a = activity(f, 'Ingripande narkotikabrott');
    expect(values(a)).toEqual([540, 479, 451]);
    expect(a.periods.map((p) => p.statedCumulative)).toEqual([null, 1019, 1470]);
    expect(a.total).toBe(1470);
    expect(a.goal).toBeNull();
    expect(a.status).toBe('no-goal');
  });

  test('trygghetsvandring: 4 events in T3 (continuation row joined); goal 2 in Skiftinge and Lagersberg; places not met', () => {
    const a = activity(f, 'Trygghetsvandring');
    expect(values(a)).toEqual([null, null, 4]);
    expect(a.periods[2].events.map((e) => e.place)).toEqual(['Göksten', 'Stadsparken', 'Centrala Thla', 'Nyfors']);
    expect(a.periods[2].events[0].date).toBe('2019-11-08');
    expect(a.goal).toMatchObject({ value: 2, places: ['Skiftinge', 'Lagersberg'], source: 'promise' });
    expect(a.status).toBe('met');
    const missing = f.findings.filter((x) => x.code === 'goal-place-missing').map((x) => x.message);
    expect(missing.join(' ')).toMatch(/Skiftinge/);
    expect(missing.join(' ')).toMatch(/Lagersberg/);
  });

  test('medborgarforum: 1 event dated in T2 under T1, 2 in T3; goal 1 in Fröslunda met', () => {
    const a = activity(f, 'Medborgarforum');
    expect(values(a)).toEqual([1, null, 2]);
    expect(a.total).toBe(3);
    expect(a.goal).toMatchObject({ value: 1, places: ['Fröslunda'] });
    expect(a.status).toBe('met');
    const wrong = f.findings.find((x) => x.code === 'event-outside-period');
    expect(wrong?.message).toMatch(/2019-05-02.*Tertial 1.*tertial 2/);
  });

  test('trafikkontroll: 83, 43, 64 = 190 of goal 200 from the promise text: not met (95 %)', () => {
    const a = activity(f, 'Trafikkontroll');
    expect(values(a)).toEqual([83, 43, 64]);
    expect(a.total).toBe(190);
    expect(a.goal).toMatchObject({ value: 200, source: 'promise' });
    expect(a.share).toBeCloseTo(0.95);
    expect(a.status).toBe('not-met');
  });

  test('tables belong to the nearest promise above (Löfte 2 has none); the second copy is merged', () => {
    const acts = f.promises.flatMap((p) => p.activities);
    expect(acts).toHaveLength(4);
    const owner = (t: string) => f.promises.find((p) => p.activities.some((a) => a.text.startsWith(t)))!.text;
    expect(owner('Trafikkontroll')).toMatch(/^Att genom 200 trafik/);
    expect(owner('Medborgarforum')).toMatch(/medborgarforum i Fröslunda/);
    expect(f.promises.find((p) => /^Att skapa trygghet/.test(p.text))!.activities).toEqual([]);
    expect(f.findings.filter((x) => x.code === 'duplicate-activity')).toHaveLength(4);
  });

  test('finds the Fröstunda typo and the "X kommun" placeholder', () => {
    const typo = f.findings.filter((x) => x.code === 'place-near-duplicate');
    expect(typo.length).toBeGreaterThan(0);
    expect(typo[0].message).toMatch(/Fröstunda.*Fröslunda/);
    expect(f.findings.find((x) => x.code === 'template-placeholder')?.message).toMatch(/X kommun/);
  });

  test('the police promises carry their party', () => {
    expect(f.promises[0].party).toBe('police');
    expect(f.promises.some((p) => p.party === 'municipality')).toBe(true);
  });
});

test('a reported-period setting overrides the data and flags later cells', () => {
  const f = importSeed('eskilstuna-2019', 2);
  expect(f.reportedPeriod).toBe(2);
  const a = activity(f, 'Trafikkontroll');
  expect(a.total).toBe(126);
  expect(a.expected).toBeCloseTo(133.33, 1);
  expect(a.status).toBe('behind');
  expect(f.findings.some((x) => x.code === 'data-after-period')).toBe(true);
});

test('an empty cell up to the reported period in a counted activity is flagged; event activities are not', () => {
  const { importFollowUp } = require('../../../shared/import/import-follow-up');
  const f = importFollowUp({ sheetName: null, origin: { row: 0, col: 0 }, values: [
    ['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3'],
    ['Kontroller', 5, '', 7],
    ['Trygghetsvandring', '', '', 'Nyfors 19-11-26'],
  ] });
  const empty = f.findings.filter((x: { code: string }) => x.code === 'period-empty');
  expect(empty.map((x: { cell: string }) => x.cell)).toEqual(['C2']);
  expect(f.promises[0].activities[1].periods[0].cell).toBe('B3');
});

test.each(SEEDS)('the %s import is a complete, schema-valid FollowUp', (seed) => {
  const f = importSeed(seed);
  expect(FollowUpSchema.parse(f)).toEqual(f);
});

describe('template placeholders in any case', () => {
  test('"x kommun" and "klicka här för att ange text" in lower case are found', () => {
    expect(placeholdersIn('Uppföljning av medborgarlöften för x kommun 2019')).toEqual(['x kommun']);
    expect(placeholdersIn('klicka här för att ange text')).toEqual(['klicka här för att ange text']);
  });
});
