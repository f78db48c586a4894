// Other kommuners' table shapes: quarters, a Löfte column, Mål and Ansvarig columns, comments, högst goals.
import { readFileSync } from 'fs';
import { join } from 'path';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { gridFromTsv } from '../../../shared/model/grid';
import { lostCells } from '../../support/text-kept';

const grid = gridFromTsv(readFileSync(join(__dirname, '..', '..', 'fixtures', 'vetlanda-2021-kvartal.tsv'), 'utf8'));
const f = importFollowUp(grid);
const acts = f.promises.flatMap((p) => p.activities);

test('quarterly follow-up: four Kvartal columns, reported quarter 3 as stated', () => {
  expect(f.kommun).toBe('Vetlanda');
  expect(f.year).toBe(2021);
  expect(f.periodKind).toBe('quarter');
  expect(f.periodLabels).toEqual(['Kvartal 1', 'Kvartal 2', 'Kvartal 3', 'Kvartal 4']);
  expect(f.reportedPeriod).toBe(3);
});

test('a Löfte column groups rows into promises, with (Polis) tags giving the party', () => {
  expect(f.promises.map((p) => p.activities.length)).toEqual([2, 2]);
  expect(f.promises[0].party).toBe('police');
});

test('Mål and Ansvarig columns give goal and party per activity', () => {
  expect(acts[0]).toMatchObject({ party: 'police', goal: { op: '>=', value: 40 } });
  expect(acts[1]).toMatchObject({ party: 'municipality', goal: { value: 2 } });
  expect(acts[2]).toMatchObject({ party: 'joint', goal: { op: '<=', value: 6 } });
});

test('"Totalt 33 hittills" after 12 and 9 (21) gives 12 in quarter 3; on track for 40 by Q3 (30)', () => {
  expect(acts[0].periods.map((p) => p.value)).toEqual([12, 9, 12, null]);
  expect(acts[0].total).toBe(33);
  expect(acts[0].status).toBe('on-track');
});

test('högst goal: 3 + ca 2 = 5 ≤ 6 so far is on track (≤ 6 × 3/4 = 4.5 is not, so behind)', () => {
  expect(acts[2].total).toBe(5);
  expect(acts[2].totalApprox).toBe(true);
  expect(acts[2].status).toBe('behind');
  expect(acts[2].periods[2].milestone).toBe('cancelled');
});

test('comment column text is kept as the activity\'s comment', () => {
  expect(acts.flatMap((a) => a.comments.map((c) => c.text))).toContain('Fler pass under sommaren');
  expect(f.notes.map((n) => n.text)).not.toContain('Fler pass under sommaren');
  expect(lostCells(grid, f)).toEqual([]);
});

test('headers like "Tertial 1 (jan-apr)", "Utfall T2" and "Resultat tertial 3" are period columns', () => {
  const g = importFollowUp(gridFromTsv('Löfte 1\n- Att genomföra minst 9 trygghetsvandringar\n\nAktiviteter\tTertial 1 (jan-apr)\tUtfall T2\tResultat tertial 3\nTrygghetsvandringar\t3 st\t-\t4 + 2\n'));
  const a = g.promises[0].activities[0];
  expect(a.periods.map((p) => p.value)).toEqual([3, 0, 6]);
  expect(a.goal).toMatchObject({ op: '>=', value: 9 });
  expect(a.status).toBe('met');
});
