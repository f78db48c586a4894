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
