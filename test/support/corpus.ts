// The real-follow-up corpus (test/fixtures/real): builds each case's importer input and checks its hand-made expectations.
import { readFileSync, readdirSync, existsSync } from 'fs';
import { join } from 'path';
import { goalTarget } from '../../shared/calc/status';
import { importFollowUp } from '../../shared/import/import-follow-up';
import type { Activity, FollowUp } from '../../shared/model/follow-up';
import { gridFromRows, type Grid } from '../../shared/model/grid';

export const CORPUS_DIR = join(__dirname, '..', 'fixtures', 'real');

/** What a careful reader concludes from one row; a key left out means either reading is fine. */
export interface Expectation {
  goal?: null | [string | null, number];
  total?: number | null;
  approx?: boolean;
  status?: string;
}

export interface CorpusRow {
  text: string;
  outcome: string;
  expect?: Expectation;
}

export interface CorpusCase {
  name: string;
  kommun: string;
  year: number;
  activities: CorpusRow[];
  extra?: CorpusRow[];
}

/** A known expectation the importer does not meet, with the reason (test/fixtures/real/exceptions.json). */
export interface KnownException {
  text: string;
  key: keyof Expectation;
  why: string;
}

export interface CheckResult {
  case: string;
  row: number;
  text: string;
  key: keyof Expectation;
  expected: unknown;
  actual: unknown;
  held: boolean;
  exception: string | null;
}

/** Every case of the corpus, sorted by name. */
export function loadCorpus(): CorpusCase[] {
  const dir = join(CORPUS_DIR, 'expected');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<CorpusCase, 'name'>) }));
}

/** The known exceptions per case. */
export function loadExceptions(): Record<string, KnownException[]> {
  const p = join(CORPUS_DIR, 'exceptions.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Record<string, KnownException[]>) : {};
}

/**
 * The importer input of a case, as the corpus README says: a yearly table of the rows (promise
 * text in Aktivitet, outcome in Tertial 3) under a title naming the kommun and the year.
 */
export function caseGrid(c: CorpusCase): Grid {
  const rows: string[][] = [
    [`Uppföljning av medborgarlöften för ${c.kommun} kommun ${c.year}`],
    [`Uppföljningen avser tertial 3 ${c.year}`],
    [],
    ['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3'],
    ...c.activities.map((a) => [a.text, '', '', a.outcome]),
  ];
  return gridFromRows(rows, c.name);
}

/** First data row of caseGrid (1-based sheet row of activities[0]). */
const FIRST_ROW = 5;

function activityAtRow(f: FollowUp, row: number): Activity | null {
  const cell = `A${row}`;
  for (const p of f.promises) for (const a of p.activities) if (a.cell === cell) return a;
  return null;
}

function goalHolds(a: Activity | null, e: null | [string | null, number]): boolean {
  if (!a) return false;
  if (e === null) return a.goal === null;
  if (!a.goal) return false;
  const [op, value] = e;
  const opOk = op === null ? a.goal.op === '=' || a.goal.op === '>=' : a.goal.op === op;
  return opOk && (a.goal.value === value || goalTarget(a.goal) === value);
}

function actualOf(a: Activity | null, key: keyof Expectation): unknown {
  if (!a) return 'ingen aktivitet';
  if (key === 'goal') return a.goal ? [a.goal.op, a.goal.value, a.goal.rate] : null;
  if (key === 'total') return a.total;
  if (key === 'approx') return a.totalApprox;
  return a.status;
}

/** Imports a case and checks every expectation of it. */
export function checkCase(c: CorpusCase, exceptions: KnownException[] = []): { followUp: FollowUp; results: CheckResult[] } {
  const followUp = importFollowUp(caseGrid(c));
  const results: CheckResult[] = [];
  c.activities.forEach((row, i) => {
    if (!row.expect) return;
    const a = activityAtRow(followUp, FIRST_ROW + i);
    for (const key of Object.keys(row.expect) as (keyof Expectation)[]) {
      const expected = row.expect[key];
      let held: boolean;
      if (key === 'goal') held = goalHolds(a, expected as null | [string | null, number]);
      else if (key === 'approx') held = !!a && a.totalApprox === expected;
      else held = !!a && actualOf(a, key) === expected;
      const ex = exceptions.find((x) => x.key === key && row.text.startsWith(x.text));
      results.push({ case: c.name, row: i, text: row.text, key, expected, actual: actualOf(a, key), held, exception: ex?.why ?? null });
    }
  });
  return { followUp, results };
}
