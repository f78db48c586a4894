// Kommuner's own sheet layouts (test/fixtures/layouts): each fixture imports as its hand-written expectations say.
import { join } from 'path';
import { readInput } from '../../../cli/read-input';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { LAYOUT_DIR, expectedFor, layoutFixtures, scoreLayout } from '../../fixtures/layouts/score';
import { lostCells } from '../../support/text-kept';

const fixtures = layoutFixtures();

test('there are at least 15 own-layout fixtures, each with expectations', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(15);
  expect(new Set(fixtures.map((f) => f.split('.').pop()))).toEqual(new Set(['xlsx', 'csv', 'tsv']));
});

describe.each(fixtures)('%s', (file) => {
  test('imports as its expectations say, loses no text and is a valid FollowUp', async () => {
    const grid = await readInput(join(LAYOUT_DIR, file));
    const f = importFollowUp(grid);
    const missed = scoreLayout(f, expectedFor(file))
      .filter((r) => !r.held)
      .map((r) => `${r.key}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.actual)}`);
    expect(missed).toEqual([]);
    expect(lostCells(grid, f)).toEqual([]);
    expect(() => FollowUpSchema.parse(f)).not.toThrow();
  });
});

test('a stated total that differs from the sum is a Swedish finding naming the cell; the Summa row is no activity', async () => {
  const f = importFollowUp(await readInput(join(LAYOUT_DIR, 'vimmerby-2023-summa-rad.xlsx')));
  const found = f.findings.filter((x) => x.code === 'stated-total-mismatch');
  expect(found).toEqual([
    expect.objectContaining({ cell: 'C7', message: 'Summaraden anger 12 i cellen C7 (Tertial 2), men aktiviteterna ovanför (A5–A6) blir tillsammans 11. Rätta summan eller antalen.' }),
  ]);
  expect(f.promises.flatMap((p) => p.activities).map((a) => a.text)).not.toContain('Summa');
  const col = importFollowUp(await readInput(join(LAYOUT_DIR, 'uppvidinge-2022-utfall-totalt.xlsx'))).findings.find((x) => x.code === 'stated-total-mismatch');
  expect(col?.message).toBe('Cellen E8 anger totalt 6, men summan av Tertial 1 + Tertial 2 blir 5. Rätta summan eller antalen.');
});

test('comments are never read as counts: "3 av 4 skolor" and "85 deltagare" stay comments', async () => {
  const f = importFollowUp(await readInput(join(LAYOUT_DIR, 'lessebo-2022-kommentar-per-period.xlsx')));
  const a = f.promises.flatMap((p) => p.activities)[0];
  expect(a.periods.map((p) => p.value)).toEqual([3, 2, 4]);
  expect(a.comments).toEqual([
    { cell: 'C4', text: '3 av 4 skolor besökta' },
    { cell: 'G4', text: 'Alla skolor i Hovmantorp besökta' },
  ]);
});
