// Loads the seed follow-ups (test/fixtures/*.txt) as grids and imported models.
import { readFileSync } from 'fs';
import { join } from 'path';
import { gridFromTsv, type Grid } from '../../shared/model/grid';
import { importFollowUp } from '../../shared/import/import-follow-up';
import type { Activity, FollowUp } from '../../shared/model/follow-up';

export const SEEDS = ['eksjo-2019', 'eskilstuna-2019'] as const;

export function seedText(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', `${name}.txt`), 'utf8');
}

export function seedGrid(name: string): Grid {
  return gridFromTsv(seedText(name), name);
}

export function importSeed(name: string, reportedPeriod?: number): FollowUp {
  return importFollowUp(seedGrid(name), { reportedPeriod });
}

/** The activity whose text starts with `prefix` (case-insensitive). */
export function activity(f: FollowUp, prefix: string): Activity {
  const a = f.promises.flatMap((p) => p.activities).find((x) => x.text.toLowerCase().startsWith(prefix.toLowerCase()));
  if (!a) throw new Error(`no activity ${prefix}`);
  return a;
}
