// Judgements in words from real follow-ups: met, partly met and not met, with the phrase kept as the reason.
import { judgementOf } from '../../../../shared/parse/counts/judgements';
import { parseCell } from '../../../../shared/parse/cell';

describe('judgement phrases', () => {
  test.each([
    ['Målet att fotpatrullera vid minst 200 tillfällen kan anses vara uppfyllt, medräknat hotspot-patrullering och tillsyner.', 'met', 'kan anses vara uppfyllt'],
    ['Löftet får anses uppfyllt.', 'met', 'får anses uppfyllt'],
    ['Målet är uppnått.', 'met', 'Målet är uppnått'],
    ['Löftet har delvis uppfyllts på grund av pandemin.', 'partly-met', 'delvis uppfyllts'],
    ['Målet har inte nåtts under året.', 'not-met', 'Målet har inte nåtts'],
    ['Löftet kan inte anses vara uppfyllt.', 'not-met', 'inte anses vara uppfyllt'],
  ])('%s → %s', (text, value, phrase) => {
    expect(judgementOf(text)).toEqual({ value, phrase });
  });

  test('prose without a verdict has no judgement', () => {
    expect(judgementOf('Arbetet med trygghetsvandringar fortsätter under hösten tillsammans med fastighetsägarna.')).toBeNull();
  });
});

describe('a goal restated inside the outcome', () => {
  test('with a met judgement, the restated goal is the count', () => {
    const c = parseCell('Målet att fotpatrullera vid minst 200 tillfällen kan anses vara uppfyllt, medräknat hotspot-patrullering och tillsyner.', { unit: 'tillfällen', activityNouns: ['fotpatrullerar'], year: 2018 });
    expect(c).toMatchObject({ kind: 'count', value: 200, lowerBound: true, judgement: { value: 'met' } });
  });

  test('without a judgement, the restated goal is no count', () => {
    const c = parseCell('Målet var minst 10 insatser under året; arbetet fortsätter.', { unit: 'insatser', activityNouns: [], year: 2019 });
    expect(c.value).toBeNull();
  });
});
