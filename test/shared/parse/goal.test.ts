// Goals read from activity and promise text: minst/högst, number words, sums, places, rates; years and codes are not goals.
import { parseGoals } from '../../../shared/parse/goal';
import { parseNumberWord } from '../../../shared/parse/swedish-numbers';

const first = (t: string) => parseGoals(t)[0] ?? null;

test.each([
  ['en', 1], ['ett', 1], ['två', 2], ['tre', 3], ['tolv', 12], ['tretton', 13], ['nitton', 19], ['tjugo', 20],
  ['tjugoen', 21], ['trettio', 30], ['fyrtiofem', 45], ['hundra', 100], ['etthundra', 100], ['tvåhundrafemtio', 250], ['tusen', 1000],
  ['tretusenfemhundra', 3500], ['Fjorton', 14],
])('number word %s = %d', (w, v) => expect(parseNumberWord(w)).toBe(v));

test('non-numbers are not number words', () => {
  for (const w of ['tredje', 'tjugotal', 'hej', 'ten', 'femte']) expect(parseNumberWord(w)).toBeNull();
});

test('"minst tio riktade insatser" → ≥ 10 riktade insatser', () => {
  expect(first('Genomföra minst tio riktade insatser mot alkohol och droger i hela kommunen.')).toMatchObject({ op: '>=', value: 10, unit: 'riktade insatser' });
});

test('"minst fyra samverkansmöten" → ≥ 4', () => {
  expect(first('Polisen och kommunen lovar att under året genomföra minst fyra samverkansmöten om pågående aktiviteter')).toMatchObject({ op: '>=', value: 4 });
});

test('"Att genom 200 trafik- och trafikrelaterade kontroller" → 200 kontroller', () => {
  const g = first('Att genom 200 trafik- och trafikrelaterade kontroller vara tillgängliga');
  expect(g).toMatchObject({ op: '=', value: 200 });
  expect(g?.unit).toMatch(/kontroller$/);
});

test('"en trygghetsvandring" → 1', () => {
  expect(first('Kommunen ska genomföra en trygghetsvandring vid andra samlingsplatser i övriga orter i Eksjö kommun.')).toMatchObject({ value: 1, unit: 'trygghetsvandring', places: [] });
});

test('sums: "två ... samt två trygghetsvandringar" → 4', () => {
  expect(first('Kommunen ska genomföra två trygghetsvandringar på resecentrum och i närområdet samt två trygghetsvandringar i Mariannelund.')).toMatchObject({ value: 4 });
});

test('named places: "i två av de prioriterade stadsdelarna (Skiftinge och Lagersberg)" and "ett medborgarforum i Fröslunda"', () => {
  const gs = parseGoals('Att samfällt med kommunen genomföra trygghetsvandringar i två av de prioriterade stadsdelarna (Skiftinge och Lagersberg) och ett medborgarforum i Fröslunda i syfte att ytterligare lyfta trygghetsfrågan');
  expect(gs).toHaveLength(2);
  expect(gs[0]).toMatchObject({ value: 2, unit: 'trygghetsvandringar', places: ['Skiftinge', 'Lagersberg'] });
  expect(gs[1]).toMatchObject({ value: 1, unit: 'medborgarforum', places: ['Fröslunda'] });
});

test('högst turns the goal around', () => {
  expect(first('Högst 5 anmälda inbrott i skolorna')).toMatchObject({ op: '<=', value: 5 });
});

test('rates are kept: "minst en trygghetsvandring per vecka"', () => {
  expect(first('Polisen ska genomföra minst en trygghetsvandring per vecka i centrum')).toMatchObject({ op: '>=', value: 1, rate: 'vecka' });
  expect(first('Två fotpatruller varje månad i Tunaparken')).toMatchObject({ value: 2, rate: 'månad' });
});

test('years, crime codes and prose without numbers give no goal', () => {
  expect(parseGoals('Ingripande narkotikabrott (enligt STATUS; brottskod 5010, 5011)')).toEqual([]);
  expect(parseGoals('Att under 2019 arbeta för nolltolerans mot droger')).toEqual([]);
  expect(parseGoals('Att skapa trygghet och förebygga brott genom synlighet')).toEqual([]);
});

test('counts of people are not goals of the activity', () => {
  expect(parseGoals('Samtal med 200 personer om trygghet')).toEqual([]);
});
