// The update's rules one by one: the value rule, pairing, judgements, events, the reported period, old sheets, refusals, the preview; and a property walk on generated follow-ups.
import fc from 'fast-check';
import { withStatus } from '../../../shared/calc/status';
import { previewOfUpdate } from '../../../shared/app/update-preview';
import type { Activity, FollowUp, Period } from '../../../shared/model/follow-up';
import { EVENT_COLS, EVENTS_SHEET, FINDINGS_SHEET, planImportSheets, readStructured, structuredColumns, STRUCTURED_ROWS } from '../../../shared/plan';
import { matchActivities, planUpdate, readSheetState, resolve, updateFollowUp } from '../../../shared/update';
import { eksjoSample, eskilstunaSample } from '../../support/sample-follow-ups';
import { followUpArb } from '../plan/arbitrary-follow-up';
import { expectedCells, shownCells } from '../plan/agree';
import { Book, lostEntries, periodCol, type Entry } from './walk';

const acts = (f: FollowUp) => f.promises.flatMap((p) => p.activities);
const c = structuredColumns(3);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const empty: Period = { value: null, cumulative: null, statedCumulative: null, approx: false, lowerBound: false, kind: 'empty', milestone: null, events: [], text: '', cell: null };

/** A newer import: the same follow-up changed by `edit`, activities numbered again in document order (as the importer does). */
function newer(f: FollowUp, edit: (g: FollowUp) => void): FollowUp {
  const g = clone(f);
  edit(g);
  let n = 0;
  g.promises = g.promises.map((p) => ({ ...p, activities: p.activities.map((a) => withStatus({ ...a, id: `A${++n}` }, g.reportedPeriod)) }));
  return g;
}

/** The follow-up as a source shows it at period `t`: later periods empty. */
const at = (f: FollowUp, t: number): FollowUp => ({
  ...f,
  reportedPeriod: t,
  promises: f.promises.map((p) => ({ ...p, activities: p.activities.map((a) => withStatus({ ...a, periods: a.periods.map((q, k) => (k < t ? q : { ...empty })) }, t)) })),
});

function update(book: Book, incoming: FollowUp) {
  const { result, plans } = planUpdate(readSheetState(book.sheets()), incoming);
  if (!result.ok) throw new Error(result.reason);
  const next = new Book(plans);
  return { result, book: next, back: readStructured(next.sheets()) };
}

describe('the value rule', () => {
  test.each([
    ['same', '5', '5', '5', 'sheet', 'same'],
    ['the source has nothing', '5', '5', '', 'sheet', 'kept'],
    ['empty, untouched', '', '', '7', 'source', 'filled'],
    ['untouched, the source changed it', '5', '5', '6', 'source', 'changed'],
    ['the user changed it', '9', '5', '6', 'sheet', 'conflict'],
    ['the user changed it, the source still says the old', '9', '5', '5', 'sheet', 'conflict'],
    ['the user cleared it', '', '5', '6', 'sheet', 'conflict'],
    ['no record: a filled cell is the user\'s', '5', undefined, '6', 'sheet', 'conflict'],
    ['no record: an empty cell is filled', '', undefined, '6', 'source', 'filled'],
  ] as const)('%s', (_, sheet, imported, source, take, outcome) => {
    expect(resolve(sheet, imported, source)).toEqual({ take, outcome });
  });
});

describe('pairing activities', () => {
  test('same texts pair whatever their IDs; a reworded text pairs by its word stems; a new one and a gone one are left over', () => {
    const sheet = eksjoSample(1);
    const incoming = newer(sheet, (g) => {
      g.promises[0].activities.splice(0, 1); // Ökad polisiär närvaro … dropped: every ID below shifts
      g.promises[1].activities[0].text = 'Genomföra minst tio riktade insatser mot alkohol och narkotika i hela kommunen';
      g.promises[1].activities.push({ ...g.promises[1].activities[1], text: 'Föräldramöten om droger på alla högstadieskolor' });
    });
    const m = matchActivities(sheet, incoming);
    const pairs = m.pairs.map((p) => [sheet.promises[p.sheet.p].activities[p.sheet.a].id, incoming.promises[p.incoming.p].activities[p.incoming.a].id, p.by]);
    expect(pairs).toEqual(expect.arrayContaining([['A2', 'A1', 'text'], ['A4', 'A3', 'text'], ['A3', 'A2', 'similar']]));
    expect(m.gone.map((x) => sheet.promises[x.p].activities[x.a].id)).toEqual(['A1']);
    expect(m.added.map((x) => incoming.promises[x.p].activities[x.a].text)).toEqual(['Föräldramöten om droger på alla högstadieskolor']);
  });

  test('an activity whose text the user rewrote pairs by what the last import wrote: the user\'s wording stays, the counts fill, nothing is gone or new', () => {
    const f = at(eksjoSample(1), 1);
    const book = new Book(planImportSheets(f));
    book.set('A3', c.activity, 'Tio insatser mot droger (omskrivet av oss)');
    const { back, result } = update(book, newer(at(eksjoSample(2), 2), () => {}));
    expect(result.ok && [result.counts.added, result.counts.gone]).toEqual([0, 0]);
    const a = acts(back).find((x) => x.id === 'A3')!;
    expect([a.text, a.periods.map((p) => p.value)]).toEqual(['Tio insatser mot droger (omskrivet av oss)', [6, 5, null]]);
  });

  test('two activities of the same text in two promises each pair with their own promise\'s', () => {
    const sheet = eksjoSample(3);
    sheet.promises[0].activities[0].text = 'Trygghetsvandring';
    sheet.promises[1].activities[0].text = 'Trygghetsvandring';
    const incoming = newer(sheet, () => {});
    const m = matchActivities(sheet, incoming);
    expect(m.pairs.every((p) => p.sheet.p === p.incoming.p && p.sheet.a === p.incoming.a)).toBe(true);
  });
});

describe('updating a sheet', () => {
  test('the same source again changes nothing and lists nothing', () => {
    const f = eskilstunaSample(3);
    const book = new Book(planImportSheets(f));
    const { result, back } = update(book, f);
    expect(result.ok && result.counts).toEqual({ added: 0, filled: 0, changed: 0, conflicts: 0, gone: 0 });
    expect(back.findings.filter((x) => x.code.startsWith('update-'))).toEqual([]);
    expect(acts(back).map((a) => [a.id, a.total, a.status])).toEqual(acts(f).map((a) => [a.id, a.total, a.status]));
  });

  test('judgements: the user\'s stays (a different suggestion is a conflict); a kept suggestion gives way to the new one; a cleared one stays cleared; none is filled', () => {
    const f = eksjoSample(2);
    const [walk] = [f.promises[0].activities[1]];
    f.promises[0].activities[1] = withStatus({ ...walk, judgement: { value: 'in-progress', phrase: 'pågår', cell: 'C9', source: 'text' } }, 2);
    const book = new Book(planImportSheets(f));
    book.set('A1', c.judgement, 'Ej uppnått'); // the user's, over a count
    book.set('A3', c.judgement, 'Delvis uppnått'); // the user's
    const incoming = newer(f, (g) => {
      g.promises[0].activities[1].judgement = { value: 'done', phrase: 'genomfört', cell: 'D9', source: 'text' };
      g.promises[1].activities[0].judgement = { value: 'met', phrase: 'uppfyllt', cell: 'D12', source: 'text' };
      g.promises[1].activities[1].judgement = { value: 'met', phrase: 'klart', cell: 'D13', source: 'text' };
    });
    const { back, result, book: next } = update(book, incoming);
    const a = (id: string) => acts(back).find((x) => x.id === id)!;
    expect(a('A1').judgement).toMatchObject({ value: 'not-met', source: 'user' });
    expect(a('A1').status).toBe('not-met');
    expect(next.value(next.rowOf('A1'), c.status)).toBe('Ej uppnått (bedömd)');
    expect(next.value(next.rowOf('A1'), c.computedStatus)).toBe('Inget mål');
    expect(a('A2').judgement).toMatchObject({ value: 'done', source: 'text', phrase: 'genomfört' });
    expect(a('A3').judgement).toMatchObject({ value: 'partly-met', source: 'user' });
    expect(a('A4').judgement).toMatchObject({ value: 'met', source: 'text' });
    const conflicts = back.findings.filter((x) => x.code === 'update-conflict');
    expect(conflicts.map((x) => x.cell)).toEqual([`${String.fromCharCode(65 + c.judgement)}${next.rowOf('A3') + 1}`]);
    expect(conflicts[0].message).toContain('bladet har Delvis uppnått, den nya versionen av underlaget Uppnått');
    expect(result.ok && result.counts.filled).toBe(1);
    // Cleared by the user: stays cleared at the next update, with the new suggestion listed.
    next.set('A2', c.judgement, null);
    const again = update(next, newer(incoming, (g) => { g.promises[0].activities[1].judgement = { value: 'cancelled', phrase: 'inställt', cell: 'D9', source: 'text' }; }));
    expect(acts(again.back).find((x) => x.id === 'A2')!.judgement).toBeNull();
  });

  test('events: a user\'s event on Händelser stays, a count typed over the COUNTIFS stays a count, new events fill an empty period', () => {
    const f = eskilstunaSample(2);
    const book = new Book(planImportSheets(f));
    const events = book.wb.grid(EVENTS_SHEET).values;
    const free = events.findIndex((r, i) => i > 0 && r.every((v) => v === null || v === ''));
    const row = free > 0 ? free : events.length;
    book.wb.set(EVENTS_SHEET, row, EVENT_COLS.id, 'A3');
    book.wb.set(EVENTS_SHEET, row, EVENT_COLS.place, 'Skiftinge');
    book.wb.set(EVENTS_SHEET, row, EVENT_COLS.listedPeriod, 2);
    book.set('A2', periodCol(f, 1), 3); // typed over the formula
    const incoming = newer(f, (g) => {
      const walk = g.promises[1].activities[0];
      walk.periods[0] = { ...empty, value: 1, kind: 'events', events: [{ date: '2019-03-01', place: 'Nyfors' }], text: 'Nyfors 19-03-01' };
    });
    const { back, book: next } = update(book, incoming);
    const forum = acts(back).find((x) => x.id === 'A3')!;
    expect(forum.periods[1]).toMatchObject({ value: 1, events: [{ place: 'Skiftinge', date: null }] });
    const walk = acts(back).find((x) => x.id === 'A2')!;
    expect(walk.periods.map((p) => p.value)).toEqual([1, 3, 4]);
    expect(walk.periods[0].events).toEqual([{ date: '2019-03-01', place: 'Nyfors' }]);
    expect(next.value(next.rowOf('A2'), periodCol(f, 1))).toBe(3);
  });

  test('the reported period follows the source unless the user moved it; a user\'s move that the source contradicts is a conflict', () => {
    const f = eksjoSample(1);
    const book = new Book(planImportSheets(f));
    expect(update(book, newer(f, (g) => { g.reportedPeriod = 2; })).back.reportedPeriod).toBe(2);
    book.wb.set(book.name, STRUCTURED_ROWS.reported, 1, 3);
    const { back } = update(book, newer(f, (g) => { g.reportedPeriod = 2; }));
    expect(back.reportedPeriod).toBe(3);
    expect(back.findings.find((x) => x.code === 'update-conflict')).toMatchObject({ cell: 'B4' });
  });

  test('a sheet without Importerat cells (made before them) keeps every filled cell as the user\'s and fills the empty ones', () => {
    const f = eksjoSample(1);
    const plans = planImportSheets(f);
    const old = plans[0].blocks[0].values.map((r) => r.map((v, i) => (i === c.imported ? null : v)));
    old[STRUCTURED_ROWS.header][c.imported] = null;
    plans[0] = { ...plans[0], blocks: [{ ...plans[0].blocks[0], values: old }] };
    const book = new Book(plans);
    const incoming = newer(eksjoSample(2), (g) => { g.promises[1].activities[0].periods[0] = { ...g.promises[1].activities[0].periods[0], value: 7, text: '7' }; });
    const { back } = update(book, incoming);
    const a = acts(back).find((x) => x.id === 'A3')!;
    expect(a.periods.map((p) => p.value)).toEqual([6, 5, 3]);
    expect(back.findings.filter((x) => x.code === 'update-conflict').map((x) => x.message)).toEqual([expect.stringContaining('bladet har 6, den nya versionen av underlaget 7')]);
  });

  test('a row a user added without an ID is kept and gets one; a user\'s comment line and the source\'s new comment both stay', () => {
    const f = eksjoSample(1);
    const plans = planImportSheets(f);
    const book = new Book(plans);
    const last = book.wb.grid(book.name).values.length;
    book.wb.set(book.name, last, c.activity, 'Egen aktivitet: kvällsvandring');
    book.wb.set(book.name, last, c.periodStart, 2);
    const before = String(book.value(book.rowOf('A1'), c.comment) ?? '');
    book.set('A1', c.comment, `${before ? `${before}\n` : ''}Min rad`);
    const incoming = newer(eksjoSample(2), (g) => { g.promises[0].activities[0].comments = [{ cell: 'E23', text: 'Ny kommentar i underlaget' }]; });
    const { back } = update(book, incoming);
    const own = acts(back).find((x) => x.text === 'Egen aktivitet: kvällsvandring')!;
    expect(own.id).toMatch(/^A\d+$/);
    expect(own.periods[0].value).toBe(2);
    expect(back.findings.some((x) => x.code === 'update-gone' && x.message.includes('kvällsvandring'))).toBe(false);
    expect(acts(back).find((x) => x.id === 'A1')!.comments.map((x) => x.text)).toEqual(['Min rad', 'Ny kommentar i underlaget']);
  });

  test('another kommun, year or period count is refused with a Swedish reason', () => {
    const book = new Book(planImportSheets(eksjoSample(1)));
    const state = readSheetState(book.sheets());
    const other = updateFollowUp(state, eskilstunaSample(1));
    expect(other).toEqual({ ok: false, reason: expect.stringContaining('inte samma uppföljning') });
    const quarters = updateFollowUp(state, { ...eksjoSample(1), periodLabels: ['Kvartal 1', 'Kvartal 2', 'Kvartal 3', 'Kvartal 4'] });
    expect(quarters.ok).toBe(false);
    expect(previewOfUpdate(other)).toMatchObject({ ok: false, reason: expect.stringContaining('Ersätt') });
  });

  test('the preview counts what the update will do, conflicts first, before anything is written', () => {
    const f = at(eksjoSample(1), 1);
    const book = new Book(planImportSheets(f));
    book.set('A3', periodCol(f, 0), 9);
    const incoming = newer(eksjoSample(2), (g) => {
      g.promises[1].activities[0].periods[0] = { ...g.promises[1].activities[0].periods[0], value: 7, text: '7' };
      g.promises[0].activities.splice(0, 1);
      g.promises[1].activities.push({ ...g.promises[1].activities[1], text: 'Ny aktivitet: föräldramöten', comments: [] });
    });
    const p = previewOfUpdate(planUpdate(readSheetState(book.sheets()), incoming).result);
    expect(p).toMatchObject({ ok: true, added: 1, conflicts: 1, gone: 1 });
    expect(p.filled).toBeGreaterThan(0);
    expect(p.summary).toMatch(/^1 ny aktivitet, \d+ ifyllda celler, \d+ (ändrad cell|ändrade celler), 1 konflikt, 1 aktivitet saknas i underlaget$/);
    expect(p.items[0]).toMatchObject({ kind: 'conflict', text: expect.stringContaining('bladet har 9') });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('generated follow-ups', () => {
  /** Unique texts, so that the walk's pairing is unambiguous. */
  const unique = (f: FollowUp): FollowUp => {
    let i = 0;
    const tag = () => `kod${(i++).toString(36).padStart(3, 'q')}`;
    return { ...f, promises: f.promises.map((p) => ({ ...p, activities: p.activities.map((a) => ({ ...a, text: `${a.text} ${tag()}`, judgement: a.judgement?.source === 'user' ? null : a.judgement })) })) };
  };

  test('a walk over the periods loses no count, judgement or comment the user entered, and the formulas agree with the core (property)', () => {
    fc.assert(
      fc.property(followUpArb(['tertial']), fc.integer({ min: 0, max: 1000 }), (raw, seed) => {
        const full = unique(raw);
        const all = acts(full);
        if (!all.length) return;
        let book = new Book(planImportSheets(at(full, 1)));
        const entries: Entry[] = [];
        const pick = (k: number) => all[(seed + k) % all.length];
        const a = pick(0);
        book.set(a.id, periodCol(full, 0), 4242);
        entries.push({ kind: 'count', id: a.id, k: 0, value: 4242 });
        const b = pick(1);
        // A judgement other than the importer's suggestion (choosing the suggestion keeps it as the suggestion).
        const mine = b.judgement?.value === 'not-started' ? 'cancelled' : 'not-started';
        book.set(b.id, c.judgement, mine === 'cancelled' ? 'Inställd' : 'Ej påbörjad');
        entries.push({ kind: 'judgement', id: b.id, value: mine });
        const before = String(book.value(book.rowOf(b.id), c.comment) ?? '');
        book.set(b.id, c.comment, `${before ? `${before}\n` : ''}Användarens rad`);
        entries.push({ kind: 'comment', id: b.id, text: 'Användarens rad' });
        for (const t of [2, 3]) {
          const incoming = newer(at(full, t), (g) => {
            if (t === 3 && g.promises[0]?.activities.length > 1) g.promises[0].activities.splice(1, 1);
          });
          const { back, book: next } = update(book, incoming);
          book = next;
          expect(lostEntries(back, entries)).toEqual([]);
          expect(shownCells(back, (r, col) => book.value(r, col) as never)).toEqual(expectedCells(back, back.reportedPeriod));
          expect(acts(back).length).toBeGreaterThanOrEqual(all.length);
          const kept = acts(back).find((x) => x.id === a.id)!;
          const source = acts(incoming).find((x) => x.text === a.text);
          const conflict = back.findings.some((x) => x.code === 'update-conflict' && x.cell === `${String.fromCharCode(65 + periodCol(full, 0))}${book.rowOf(a.id) + 1}`);
          expect(conflict).toBe(!!source && source.periods[0].value !== null && source.periods[0].value !== 4242);
          void kept;
        }
      }),
      { numRuns: 40 },
    );
  });

  test('Kontroller keeps the update\'s findings at their structured cells (read back as they were)', () => {
    const f = eksjoSample(1);
    const book = new Book(planImportSheets(f));
    book.set('A3', periodCol(f, 0), 9);
    const { back, book: next } = update(book, newer(eksjoSample(2), () => {}));
    const conflict = back.findings.find((x) => x.code === 'update-conflict')!;
    expect(conflict.cell).toBe(`${String.fromCharCode(65 + periodCol(f, 0))}${next.rowOf('A3') + 1}`);
    const kontroller = next.wb.grid(FINDINGS_SHEET).values;
    expect(kontroller.some((r) => r[2] === conflict.cell && r[1] === null && r[3] === 'update-conflict')).toBe(true);
    // The row's Kontroller column on the structured sheet says it too.
    expect(String(next.value(next.rowOf('A3'), c.findings))).toContain('Uppdatering: Tertial 1');
  });
});

void ({} as Activity);
