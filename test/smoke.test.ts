// Smoke test: the seeds are present as fixtures and split into grids.
import { readFileSync } from 'fs';
import { join } from 'path';
import { gridFromTsv } from '../shared/model/grid';

test('seed fixtures split into rows and tab-separated cells', () => {
  const grid = gridFromTsv(readFileSync(join(__dirname, 'fixtures/eksjo-2019.txt'), 'utf8'));
  expect(grid.values.some((r) => r[0] === 'Aktivitet' && r[3] === 'Tertial 3')).toBe(true);
});
