// Uppdatera in the Excel add-in against the recording fake: the year's walk (offer with its preview at Läs in, update keeps the user's entries, undo restores), syncs counted and constant per action.
import { AddinSession } from '../../addin/session';
import { inspectSheets, NO_EXTRAS, type ExcelHost } from '../../addin/excel-adapter';
import { prepareUpdate, type PreparedUpdate } from '../../addin/update';
import type { FollowUp } from '../../shared/model/follow-up';
import { EVENTS_SHEET, FINDINGS_SHEET, readStructured, structuredColumns } from '../../shared/plan';
import { FakeWorkbook, typeEntry } from '../support/excel-fake';
import { seedGrid } from '../support/seeds';
import { generateFollowUp } from '../bench/generate';
import { expectedCells, shownCells } from '../shared/plan/agree';
import { lostEntries, NEW_TEXT, yearSources, type Entry } from '../shared/update/walk';
import { hyperFormulaEvaluator } from './fake-evaluator';

const SHEET = 'Medborgarlöften 2019';
const c = structuredColumns(3);
const acts = (f: FollowUp) => f.promises.flatMap((p) => p.activities);
const host = (book: FakeWorkbook) => book as unknown as ExcelHost;

/** A user typing into an activity row's cell (text as Excel types it). */
function type(book: FakeWorkbook, id: string, col: number, value: string | number): void {
  const s = book.sheet(SHEET)!;
  const g = s.grid();
  const row = g.findIndex((r) => r[0] === id);
  if (row < 0) throw new Error(`no row ${id}`);
  const before = g[row][col];
  const v = typeof value === 'string' && col === c.comment && typeof before === 'string' && before ? `${before}\n${value}` : value;
  Object.assign(s.cell(row, col, true)!, typeEntry(typeof v === 'string' ? `'${v}` : v, 'General'));
  book.dirty = true;
}

/** The structured sheet read back as the add-in reads it (one extra sync, outside the counted steps). */
async function readBack(book: FakeWorkbook): Promise<{ f: FollowUp; values: unknown[][] }> {
  const st = await inspectSheets(host(book), [], [SHEET, EVENTS_SHEET, FINDINGS_SHEET]);
  const structured = st.readBack[SHEET];
  return { f: readStructured({ structured, events: st.readBack[EVENTS_SHEET], findings: st.readBack[FINDINGS_SHEET] }), values: structured.values };
}

/** Syncs one step takes. */
async function syncs(book: FakeWorkbook, step: () => Promise<unknown>): Promise<number> {
  const before = book.syncs;
  await step();
  return book.syncs - before;
}

function prepared(p: Awaited<ReturnType<typeof prepareUpdate>>): PreparedUpdate {
  if (!p || !('plans' in p)) throw new Error(`no update: ${JSON.stringify(p)}`);
  return p;
}

describe('Uppdatera in the Excel add-in (fake Excel)', () => {
  it('walks the year: the offer previews the update, the update keeps every entry and lists conflicts, undo restores; one sync to preview, two to update', async () => {
    const { f1, counted, prose, source } = yearSources(seedGrid('eksjo-2019'));
    const book = new FakeWorkbook();
    book.evaluator = hyperFormulaEvaluator;
    book.addGrid('Uppföljning T1', source(1).values as (string | null)[][]);
    book.active = 'Uppföljning T1';
    const s = new AddinSession(host(book), NO_EXTRAS);
    await s.read();
    expect(await prepareUpdate(host(book), s.followUp!, s.sheetNames)).toBeNull();
    await s.commit(await s.prepareStructure());

    const raised = (counted[0].periods[0].value as number) + 10;
    type(book, counted[0].id, c.periodStart, raised);
    type(book, counted[1].id, c.judgement, 'Delvis uppnått');
    type(book, prose[0].id, c.judgement, 'Pågår');
    type(book, f1.promises[0].activities[0].id, c.comment, 'Vår kommentar efter tertial 1.');
    const entries: Entry[] = [
      { kind: 'count', id: counted[0].id, k: 0, value: raised },
      { kind: 'judgement', id: counted[1].id, value: 'partly-met' },
      { kind: 'judgement', id: prose[0].id, value: 'in-progress' },
      { kind: 'comment', id: f1.promises[0].activities[0].id, text: 'Vår kommentar efter tertial 1.' },
    ];
    const before = (await readBack(book)).f;

    for (const t of [2, 3]) {
      book.addGrid(`Uppföljning T${t}`, source(t).values as (string | null)[][]);
      book.active = `Uppföljning T${t}`;
      expect(await syncs(book, () => s.read())).toBe(1);
      // The offer: what Uppdatera will do, before anything is written (one sync).
      const writes = book.log.length;
      let offer: PreparedUpdate | null = null;
      expect(await syncs(book, async () => { offer = prepared(await prepareUpdate(host(book), s.followUp!, s.sheetNames)); })).toBe(1);
      expect(book.log.slice(writes).filter((x) => x !== 'sync')).toEqual([]);
      expect(offer!.preview).toMatchObject({ ok: true, added: t === 2 ? 1 : 0, gone: 1 });
      expect(offer!.preview.conflicts).toBeGreaterThanOrEqual(1);
      // Uppdatera: read again (the user may have typed since) and write: two syncs.
      expect(await syncs(book, async () => s.commit(prepared(await prepareUpdate(host(book), s.followUp!, s.sheetNames))))).toBe(2);
      const { f, values } = await readBack(book);
      expect(lostEntries(f, entries)).toEqual([]);
      expect(f.reportedPeriod).toBe(t);
      expect(acts(f).some((a) => a.text === NEW_TEXT)).toBe(true);
      expect(f.findings.some((x) => x.code === 'update-conflict')).toBe(true);
      expect(shownCells(f, (r, col) => (values[r]?.[col] ?? null) as never)).toEqual(expectedCells(f, t));
      if (t === 2) {
        // Undo restores the sheets as they were before the update (two syncs), then the update is done again.
        expect(await syncs(book, () => s.undoLast())).toBe(2);
        const undone = (await readBack(book)).f;
        expect(acts(undone).map((a) => [a.id, a.periods.map((p) => p.value), a.judgement?.value ?? null])).toEqual(acts(before).map((a) => [a.id, a.periods.map((p) => p.value), a.judgement?.value ?? null]));
        await s.commit(prepared(await prepareUpdate(host(book), s.followUp!, s.sheetNames)));
        const added = acts((await readBack(book)).f).find((a) => a.text === NEW_TEXT)!;
        type(book, added.id, c.judgement, 'Genomförd');
        entries.push({ kind: 'judgement', id: added.id, value: 'done' });
      }
    }
    // The source sheets were never written.
    expect(book.log.some((x) => /Uppföljning T\d/.test(x) && !/getItem/.test(x))).toBe(false);
  }, 60000);

  it('another kommun is no update: the reason, and nothing is written', async () => {
    const book = new FakeWorkbook();
    book.addGrid('Eksjö', seedGrid('eksjo-2019').values as (string | null)[][]);
    book.active = 'Eksjö';
    const s = new AddinSession(host(book), NO_EXTRAS);
    await s.read();
    await s.commit(await s.prepareStructure());
    book.addGrid('Eskilstuna', seedGrid('eskilstuna-2019').values as (string | null)[][]);
    book.active = 'Eskilstuna';
    await s.read();
    const r = await prepareUpdate(host(book), s.followUp!, s.sheetNames);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('inte samma uppföljning') });
  });

  it('takes the same syncs per action for 10 and 2,000 activities', async () => {
    const counts = async (n: number) => {
      const book = new FakeWorkbook();
      book.addGrid('Uppföljning', generateFollowUp(n).values as (string | null)[][]);
      book.active = 'Uppföljning';
      const s = new AddinSession(host(book), NO_EXTRAS);
      await s.read();
      await s.commit(await s.prepareStructure());
      book.active = 'Uppföljning';
      return [
        await syncs(book, () => s.read()),
        await syncs(book, () => prepareUpdate(host(book), s.followUp!, s.sheetNames)),
        await syncs(book, async () => s.commit(prepared(await prepareUpdate(host(book), s.followUp!, s.sheetNames)))),
        await syncs(book, () => s.undoLast()),
      ];
    };
    const small = await counts(10);
    expect(small).toEqual([1, 1, 2, 2]);
    expect(await counts(2000)).toEqual(small);
  }, 120000);
});

describe('the tertial turns (Excel)', () => {
  it('the summary follows the reported period and the earlier one stays; a summary made again keeps its analysis, which leads the report; one sync to read', async () => {
    const { source } = yearSources(seedGrid('eskilstuna-2019'));
    const book = new FakeWorkbook();
    book.evaluator = hyperFormulaEvaluator;
    book.addGrid('T1', source(1).values as (string | null)[][]);
    book.active = 'T1';
    const s = new AddinSession(host(book), NO_EXTRAS);
    await s.read();
    await s.commit(await s.prepareStructure());
    await s.commit(await s.prepareSummary());
    book.addGrid('T2', source(2).values as (string | null)[][]);
    book.active = 'T2';
    await s.read();
    await s.commit(prepared(await prepareUpdate(host(book), s.followUp!, s.sheetNames)));
    expect(await syncs(book, async () => s.commit(await s.prepareSummary()))).toBe(2);
    expect(book.sheets.map((x) => x.name).filter((n) => n.startsWith('Sammanfattning'))).toEqual(['Sammanfattning T1 2019', 'Sammanfattning T2 2019']);
    // The user writes an analysis on the T2 summary; made again, it stays.
    const sum = book.sheet('Sammanfattning T2 2019')!;
    const row = sum.grid().findIndex((r) => r[0] === 'Sammanfattande analys') + 1;
    Object.assign(sum.cell(row, 0, true)!, typeEntry("'Halvvägs: trafiken efter plan.", 'General'));
    const again = await s.prepareSummary();
    expect(again.replacing).toEqual(['Sammanfattning T2 2019']);
    await s.commit(again);
    expect(book.sheet('Sammanfattning T2 2019')!.grid()[row][0]).toBe('Halvvägs: trafiken efter plan.');
    let doc: Awaited<ReturnType<AddinSession['report']>>['doc'] | null = null;
    expect(await syncs(book, async () => { doc = (await s.report()).doc; })).toBe(1);
    const h2 = doc!.blocks.filter((b) => b.type === 'heading' && b.level === 2);
    expect(h2[0]).toMatchObject({ text: 'Sammanfattande analys' });
    expect(doc!.blocks).toContainEqual({ type: 'paragraph', tone: 'normal', text: 'Halvvägs: trafiken efter plan.' });
  }, 60000);
});
