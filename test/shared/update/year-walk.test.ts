// A follow-up's whole year through the core: T1 import → the user's judgements, comments and counts → T2 and T3 updates from newer sources (cells changed, an activity added, one removed); nothing the user entered is lost.
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { a1 } from '../../../shared/model/a1';
import type { Activity, FollowUp } from '../../../shared/model/follow-up';
import { gridFromRows, type Grid } from '../../../shared/model/grid';
import { planImportSheets, planSummary, planToGrid, readStructured, structuredColumns } from '../../../shared/plan';
import { buildReport } from '../../../shared/report/build-report';
import { planUpdate, readSheetState } from '../../../shared/update';
import { loadCorpus } from '../../support/corpus';
import { seedGrid } from '../../support/seeds';
import { expectedCells, shownCells } from '../plan/agree';
import { Book, copyGrid, lostEntries, NEW_TEXT, periodCol, yearSources, type Entry } from './walk';

const acts = (f: FollowUp) => f.promises.flatMap((p) => p.activities);
const byText = (f: FollowUp, text: string) => acts(f).find((a) => a.text === text);

/** What a walk did, for the tests to look at. */
interface Walk {
  /** The user's entries, each with the step after which it was made (0: after T1, 1: after T2). */
  entries: (Entry & { at: number })[];
  backs: FollowUp[];
  books: Book[];
  removed: Activity | null;
  /** The activity whose T1 count the newer sources change (+2) and the user leaves alone. */
  followed: Activity | null;
  conflicts: string[][];
}

/**
 * Walks a source through the year. After T1 the user raises one count by 10, judges another
 * counted activity "Delvis uppnått" (an override), judges a prose-only activity "Pågår" and
 * writes a comment. The T2 source changes the raised count's cell (+1: a conflict) and another
 * count (+2: followed), drops an activity and adds one. After T2 the user judges the new activity
 * and raises a T2 count; the T3 source changes that T2 cell too.
 */
function walk(full: Grid): Walk {
  const c = structuredColumns(3);
  const { f1, counted, prose, removed, source } = yearSources(full);
  const a1s = acts(f1);
  let book = new Book(planImportSheets(f1));
  const entries: (Entry & { at: number })[] = [];
  let step = 0;
  const conflicts: string[][] = [];
  const comment = (a: Activity, text: string) => {
    const before = book.value(book.rowOf(a.id), c.comment);
    book.set(a.id, c.comment, before ? `${before}\n${text}` : text);
    entries.push({ kind: 'comment', id: a.id, text, at: step });
  };
  // The user after T1.
  const t1Conflicts: string[] = [];
  if (counted[0]) {
    const v = (counted[0].periods[0].value as number) + 10;
    t1Conflicts.push(book.set(counted[0].id, periodCol(f1, 0), v));
    entries.push({ kind: 'count', id: counted[0].id, k: 0, value: v, at: step });
  }
  if (counted[1]) {
    book.set(counted[1].id, c.judgement, 'Delvis uppnått');
    entries.push({ kind: 'judgement', id: counted[1].id, value: 'partly-met', at: step });
  }
  if (prose[0]) {
    book.set(prose[0].id, c.judgement, 'Pågår');
    entries.push({ kind: 'judgement', id: prose[0].id, value: 'in-progress', at: step });
  }
  comment(a1s[0], 'Vår kommentar efter tertial 1: arbetet fortsätter.');
  const backs: FollowUp[] = [readStructured(book.sheets())];
  const books = [book];

  for (const t of [2, 3]) {
    const incoming = importFollowUp(source(t));
    const before = backs[backs.length - 1];
    const { result, plans } = planUpdate(readSheetState(book.sheets()), incoming);
    if (!result.ok) throw new Error(result.reason);
    book = new Book(plans);
    books.push(book);
    const back = readStructured(book.sheets());
    backs.push(back);
    conflicts.push(back.findings.filter((x) => x.code === 'update-conflict').map((x) => x.cell ?? ''));
    // Every activity the sheet had is still there, under its ID.
    for (const a of acts(before)) expect([t, a.id, acts(back).some((b) => b.id === a.id)]).toEqual([t, a.id, true]);
    // The user after T2: judges the new activity, raises a T2 count.
    if (t === 2) {
      step = 1;
      const added = byText(back, NEW_TEXT);
      if (added) {
        book.set(added.id, c.judgement, 'Genomförd');
        entries.push({ kind: 'judgement', id: added.id, value: 'done', at: step });
      }
      const a = counted[1] && acts(back).find((x) => x.id === counted[1].id);
      if (a && a.periods[1].value !== null) {
        book.set(a.id, periodCol(back, 1), a.periods[1].value + 5);
        entries.push({ kind: 'count', id: a.id, k: 1, value: a.periods[1].value + 5, at: step });
      }
      comment(acts(back)[acts(back).length - 1], 'Ny rad efter tertial 2.');
      backs[backs.length - 1] = readStructured(book.sheets());
    }
  }
  void t1Conflicts;
  return { entries, backs, books, removed, followed: counted[2] ?? null, conflicts };
}

/** The checks every walk must pass, whatever the source. */
function expectWalk(w: Walk, label: string): void {
  const [, t2, t3] = w.backs;
  // Nothing the user entered is lost, at any step.
  w.backs.forEach((b, i) => expect({ label, step: i + 1, lost: lostEntries(b, w.entries.filter((e) => e.at <= i)) }).toEqual({ label, step: i + 1, lost: [] }));
  expect({ label, lost: lostEntries(t3, w.entries) }).toEqual({ label, lost: [] });
  // The period moved with the source: T2, then T3.
  expect([label, t2.reportedPeriod, t3.reportedPeriod]).toEqual([label, 2, 3]);
  // Statuses on the sheet (HyperFormula) are the core's, judgements and overrides included.
  w.books.forEach((book, i) => {
    const back = i === 0 ? readStructured(book.sheets()) : readStructured(book.sheets());
    expect({ label, step: i + 1, cells: shownCells(back, (r, col) => book.value(r, col) as never) }).toEqual({ label, step: i + 1, cells: expectedCells(back, back.reportedPeriod) });
  });
  // The dropped activity stays, flagged; the new one is there.
  if (w.removed) {
    const kept = acts(t3).find((a) => a.id === w.removed!.id);
    expect([label, kept?.text]).toEqual([label, w.removed.text]);
    expect(t3.findings.some((x) => x.code === 'update-gone' && x.message.includes(w.removed!.text.slice(0, 20)))).toBe(true);
  }
  expect([label, !!byText(t3, NEW_TEXT)]).toEqual([label, true]);
  expect(t2.findings.some((x) => x.code === 'update-new')).toBe(true);
  // A count the user left alone follows the newer source, and the change is listed.
  if (w.followed) {
    const f = acts(t2).find((a) => a.id === w.followed!.id)!;
    expect([label, f.periods[0].value]).toEqual([label, (w.followed.periods[0].value as number) + 2]);
    expect(t2.findings.some((x) => x.code === 'update-changed' && x.message.includes(String((w.followed!.periods[0].value as number) + 2)))).toBe(true);
  }
  // The report and the summary follow: judged statuses say so, the user's comments are printed.
  const report = JSON.stringify(buildReport(t3, { generatedAt: '2020-01-10' }));
  for (const e of w.entries) if (e.kind === 'comment') expect(report).toContain(e.text);
  if (w.entries.some((e) => e.kind === 'judgement')) expect(report).toContain('(bedömd');
  const summary = planToGrid(planSummary(t3, { generatedAt: '2020-01-10' }));
  expect(summary[0][0]).toMatch(/tertial 3$/);
}

describe('a year of updates (seeds)', () => {
  test.each(['eksjo-2019', 'eskilstuna-2019'])('%s: T1 → user entries → T2 → T3 loses nothing, lists conflicts, follows the source elsewhere', (seed) => {
    const w = walk(seedGrid(seed));
    expectWalk(w, seed);
    if (seed === 'eksjo-2019') expect([w.removed?.text, w.followed?.text]).toEqual([expect.any(String), expect.any(String)]);
    const [t1, t2] = w.backs;
    // The raised T1 count is a conflict at its cell in both updates (the source says +1, the user +10); T2's raised count is one at T3.
    const raised = w.entries.find((e) => e.kind === 'count' && e.k === 0)!;
    const cell = (f: FollowUp, id: string, k: number) => a1(w.books[w.backs.indexOf(f)].rowOf(id), periodCol(f, k));
    expect(w.conflicts[0]).toContain(cell(t2, raised.id, 0));
    const msg = t2.findings.find((x) => x.code === 'update-conflict' && x.cell === cell(t2, raised.id, 0))!.message;
    expect(msg).toContain(String((raised as { value: number }).value));
    expect(msg).toContain(String((raised as { value: number }).value - 9));
    const t2raise = w.entries.find((e) => e.kind === 'count' && e.k === 1);
    if (t2raise) expect(w.conflicts[1]).toContain(cell(w.backs[2], t2raise.id, 1));
    // Periods the sheet had empty are filled from the newer source.
    expect(acts(t1).every((a) => a.periods[1].value === null)).toBe(true);
    expect(acts(t2).some((a) => a.periods[1].value !== null)).toBe(true);
  });
});

describe('a year of updates (real corpus)', () => {
  /** A corpus case laid out with its outcome in every tertial (the sources of the walk take what each tertial has). */
  const full = (c: ReturnType<typeof loadCorpus>[number]): Grid =>
    gridFromRows([
      [`Uppföljning av medborgarlöften för ${c.kommun} kommun ${c.year}`],
      [`Uppföljningen avser tertial 3 ${c.year}`],
      [],
      ['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3'],
      ...c.activities.map((a) => [a.text, a.outcome, a.outcome, a.outcome]),
    ], c.name);
  const cases = loadCorpus().filter((c) => c.activities.length >= 3);

  test(`${cases.length} real follow-ups: every walk loses nothing and its statuses agree with the core`, () => {
    let conflicts = 0;
    let removed = 0;
    let followed = 0;
    for (const c of cases) {
      const w = walk(copyGrid(full(c)));
      expectWalk(w, c.name);
      conflicts += w.conflicts.flat().length;
      if (w.removed) removed++;
      if (w.followed) followed++;
    }
    // The walks did what they say: conflicts listed, activities dropped and counts followed in most cases.
    expect(conflicts).toBeGreaterThan(cases.length / 2);
    expect(removed).toBeGreaterThan(cases.length / 2);
    expect(followed).toBeGreaterThan(cases.length / 4);
  });
});
