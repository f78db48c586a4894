// Uppdatera in the BUILT Apps Script bundle: the year's walk (Läs in offers Uppdatera with its preview, the update keeps the user's entries, undo restores), summaries per tertial with their analysis, and service calls that do not grow with the rows.
import { makeGasEnv, loadBundle, hyperFormulaEvaluator, roundTripCalls, type GasEnv, type FakeSheet } from '../support/gas-fakes';
import { seedGrid } from '../support/seeds';
import { generateFollowUp } from '../bench/generate';
import { readStructured, EVENTS_SHEET, FINDINGS_SHEET, readSummaryAnalysis } from '../../shared/plan';
import { structuredColumns } from '../../shared/plan/layout';
import type { Grid } from '../../shared/model/grid';
import type { FollowUp } from '../../shared/model/follow-up';
import type { UpdatePreview } from '../../shared/app/update-preview';
import { expectedCells, shownCells } from '../shared/plan/agree';
import { lostEntries, NEW_TEXT, yearSources, type Entry } from '../shared/update/walk';

interface Result {
  ok: boolean;
  message: string;
  written?: string[];
  update?: { sheet: string; preview: UpdatePreview } | null;
  updated?: UpdatePreview;
  lastRun?: string | null;
}

const SHEET = 'Medborgarlöften 2019';
const c = structuredColumns(3);
const acts = (f: FollowUp) => f.promises.flatMap((p) => p.activities);

/** A sheet as Sheets hands it to a script (values and display texts, formulas computed), not recorded. */
function hostGrid(s: FakeSheet): Grid {
  const r = s.getDataRange();
  const texts = r.getDisplayValues();
  const values = r.getValues().map((row, i) => row.map((v, j) => (v === '' ? null : v instanceof Date ? texts[i][j] : v)));
  return { sheetName: s.name, origin: { row: 0, col: 0 }, values, texts };
}

function readBack(env: GasEnv): FollowUp {
  const opt = (n: string) => (env.ss.sheet(n) ? hostGrid(env.ss.sheet(n)!) : null);
  return readStructured({ structured: hostGrid(env.ss.sheet(SHEET)!), events: opt(EVENTS_SHEET), findings: opt(FINDINGS_SHEET) });
}

/** A user's edit of an activity row's cell (text typed as text). */
function type(env: GasEnv, id: string, col: number, value: string | number): void {
  const s = env.ss.sheet(SHEET)!;
  const values = s.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === id);
  if (row < 0) throw new Error(`no row ${id}`);
  const before = values[row][col];
  const v = typeof value === 'string' && col === c.comment && before ? `${before}\n${value}` : value;
  s.getRange(row + 1, col + 1).setValues([[typeof v === 'string' ? `'${v}` : v]]);
}

/** Puts a newer source in a sheet of its own and makes it the active one, as a user pasting the new Word table does. */
function paste(env: GasEnv, name: string, g: Grid): void {
  const s = env.ss.addSheetWithRows(name, g.values);
  env.ss.active = s;
}

beforeAll(() => {
  loadBundle(makeGasEnv());
}, 120000);

describe('Uppdatera (Sheets)', () => {
  it('walks the year: Läs in offers Uppdatera with what it will do, the update keeps every entry, lists conflicts, undo restores, summaries per tertial keep their analysis', () => {
    const { f1, counted, prose, source } = yearSources(seedGrid('eksjo-2019'));
    const env = makeGasEnv();
    env.ss.locale = 'sv_SE';
    env.ss.evaluator = hyperFormulaEvaluator;
    env.ss.addSheetWithRows('Uppföljning T1', source(1).values);
    const { run } = loadBundle(env);
    // No structured sheet yet: no offer.
    expect(run<Result>('preview', null).update).toBeNull();
    expect(run<Result>('menuReadAndStructure').ok).toBe(true);
    expect(run<Result>('menuSummary').written).toEqual(['Sammanfattning T1 2019']);

    // The user after T1.
    const raised = (counted[0].periods[0].value as number) + 10;
    type(env, counted[0].id, c.periodStart, raised);
    type(env, counted[1].id, c.judgement, 'Delvis uppnått');
    type(env, prose[0].id, c.judgement, 'Pågår');
    type(env, f1.promises[0].activities[0].id, c.comment, 'Vår kommentar efter tertial 1.');
    const entries: Entry[] = [
      { kind: 'count', id: counted[0].id, k: 0, value: raised },
      { kind: 'judgement', id: counted[1].id, value: 'partly-met' },
      { kind: 'judgement', id: prose[0].id, value: 'in-progress' },
      { kind: 'comment', id: f1.promises[0].activities[0].id, text: 'Vår kommentar efter tertial 1.' },
    ];
    const beforeUpdate = readBack(env);

    // T2: Läs in on the newer source offers Uppdatera, with its preview; nothing is written.
    paste(env, 'Uppföljning T2', source(2));
    const sheetsBefore = env.ss.sheets.map((s) => s.name);
    const offered = run<Result>('preview', null);
    expect(offered.update).toMatchObject({ sheet: SHEET, preview: { ok: true, added: 1, conflicts: 1, gone: 1 } });
    expect(offered.update!.preview.items[0].text).toContain(`bladet har ca ${raised}`);
    expect(env.ss.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(lostEntries(readBack(env), entries)).toEqual([]);

    const updated = run<Result>('update');
    expect(updated).toMatchObject({ ok: true, lastRun: 'Uppdatera', updated: { added: 1, conflicts: 1, gone: 1 } });
    expect(updated.written).toEqual([SHEET, 'Händelser', 'Kontroller']);
    const t2 = readBack(env);
    expect(lostEntries(t2, entries)).toEqual([]);
    expect(t2.reportedPeriod).toBe(2);
    expect(acts(t2).some((a) => a.text === NEW_TEXT)).toBe(true);
    expect(t2.findings.filter((x) => x.code === 'update-conflict')).toHaveLength(1);
    // The sheet's formulas (recalculated as Sheets does) give the core's statuses, judgements included.
    const s = env.ss.sheet(SHEET)!;
    const vals = s.getDataRange().getValues();
    expect(shownCells(t2, (r, col) => (vals[r]?.[col] ?? null) as never)).toEqual(expectedCells(t2, 2));
    expect(env.lockHeld).toBe(false);

    // Undo puts the sheets back as they were before the update, the user's entries with them.
    expect(run<Result>('undo').ok).toBe(true);
    const undone = readBack(env);
    expect(acts(undone).map((a) => [a.id, a.text, a.periods.map((p) => p.value), a.judgement?.value ?? null])).toEqual(
      acts(beforeUpdate).map((a) => [a.id, a.text, a.periods.map((p) => p.value), a.judgement?.value ?? null]),
    );
    expect(run<Result>('update').ok).toBe(true);

    // The tertial turns: the T2 summary is made beside T1's; its analysis stays when it is made again.
    expect(run<Result>('summary', true).written).toEqual(['Sammanfattning T2 2019']);
    const t2sum = env.ss.sheet('Sammanfattning T2 2019')!;
    const row = t2sum.getDataRange().getValues().findIndex((r) => r[0] === 'Sammanfattande analys') + 2;
    t2sum.getRange(row, 1).setValues([['Halvvägs: det mesta enligt plan.']]);
    expect(run<Result>('summary', true).ok).toBe(true);
    expect(readSummaryAnalysis(hostGrid(env.ss.sheet('Sammanfattning T2 2019')!))).toBe('Halvvägs: det mesta enligt plan.');
    expect(env.ss.sheet('Sammanfattning T1 2019')).toBeDefined();
    // The report prints the analysis first.
    expect(run<Result>('report').ok).toBe(true);
    const doc = env.docs[env.docs.length - 1];
    const headings = doc.children.filter((x) => x.heading === 'HEADING2').map((x) => x.text);
    expect(headings[0]).toBe('Sammanfattande analys');
    expect(doc.children.some((x) => x.text === 'Halvvägs: det mesta enligt plan.')).toBe(true);

    // T3.
    type(env, acts(t2).find((a) => a.text === NEW_TEXT)!.id, c.judgement, 'Genomförd');
    entries.push({ kind: 'judgement', id: acts(t2).find((a) => a.text === NEW_TEXT)!.id, value: 'done' });
    paste(env, 'Uppföljning T3', source(3));
    expect(run<Result>('preview', null).update?.preview.ok).toBe(true);
    expect(run<Result>('update').ok).toBe(true);
    const t3 = readBack(env);
    expect(lostEntries(t3, entries)).toEqual([]);
    expect(t3.reportedPeriod).toBe(3);
    expect(run<Result>('summary', false).written).toEqual(['Sammanfattning T3 2019']);
    expect(env.ss.sheets.filter((x) => /^Sammanfattning/.test(x.name)).map((x) => x.name)).toEqual(['Sammanfattning T1 2019', 'Sammanfattning T2 2019', 'Sammanfattning T3 2019']);
  }, 60000);

  it('another kommun\'s source is not offered as an update; Uppdatera then says why, writing nothing', () => {
    const env = makeGasEnv();
    env.ss.addSheetWithRows('Eksjö', seedGrid('eksjo-2019').values);
    const { run } = loadBundle(env);
    expect(run<Result>('menuReadAndStructure').ok).toBe(true);
    paste(env, 'Eskilstuna', seedGrid('eskilstuna-2019'));
    expect(run<Result>('preview', null).update).toBeNull();
    const names = env.ss.sheets.map((s) => s.name);
    const r = run<Result>('update');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('inte samma uppföljning');
    expect(env.ss.sheets.map((s) => s.name)).toEqual(names);
  });
});

describe('Uppdatera: service calls', () => {
  /** The calls of Läs in (with the offer) and Uppdatera on a follow-up of `n` activities whose structured sheet exists. */
  function calls(n: number): { preview: Record<string, number>; update: Record<string, number> } {
    const env = makeGasEnv();
    env.ss.locale = 'sv_SE';
    env.ss.evaluator = n <= 10 ? hyperFormulaEvaluator : null;
    env.ss.addSheetWithRows('Uppföljning', generateFollowUp(n).values);
    const { run } = loadBundle(env);
    expect(run<Result>('menuReadAndStructure').ok).toBe(true);
    env.ss.active = env.ss.sheet('Uppföljning')!;
    env.log.reset();
    const p = run<Result>('preview', null);
    expect(p.update?.preview.ok).toBe(true);
    const preview = env.log.histogram();
    env.log.reset();
    expect(run<Result>('update').ok).toBe(true);
    return { preview, update: env.log.histogram() };
  }

  it('Läs in with the offer and Uppdatera make the same Sheets, lock and properties calls for 10 and 2,000 activities', () => {
    const small = calls(10);
    const large = calls(2000);
    expect(roundTripCalls(large.preview)).toEqual(roundTripCalls(small.preview));
    expect(roundTripCalls(large.update)).toEqual(roundTripCalls(small.update));
    // Läs in reads the source and the three sheets of the update: one getValues each.
    expect(small.preview['Range.getValues']).toBe(4);
  }, 120000);
});
