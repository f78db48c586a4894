// The layout phase on its own: header cells against the lexicon, one- and two-row headers, activity columns found by their cells.
import fc from 'fast-check';
import { classifyHeader, detectTable, isTotalRowLabel, periodHeader, sheetView } from '../../../shared/import/layout';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { gridFromRows, normalizeGrid, type CellValue } from '../../../shared/model/grid';
import { lostCells } from '../../support/text-kept';

const view = (rows: CellValue[][]) => sheetView(rows.length, (r) => rows[r].map((v) => (v === null ? '' : String(v))));

describe('header cells', () => {
  test.each(['Aktivitet', 'Aktivitet/åtgärd', 'Aktiviteter / åtgärder', 'Åtgärd', 'Insats', 'Insatser', 'Aktiviteter', 'Delmål', 'Aktivitet:'])('"%s" names the activity column', (h) => {
    expect(classifyHeader(h).kind).toBe('activity');
  });

  test.each([
    ['T1 2021', 'tertial', 1, 2021],
    ['Tertial 2', 'tertial', 2, null],
    ['Utfall T1', 'tertial', 1, null],
    ['Resultat tertial 3', 'tertial', 3, null],
    ['Tertial 1 (jan–apr)', 'tertial', 1, null],
    ['Jan–apr', 'tertial', 1, null],
    ['maj-aug 2022', 'tertial', 2, 2022],
    ['Delår 3', 'tertial', 3, null],
    ['Q4', 'quarter', 4, null],
    ['Kv. 2', 'quarter', 2, null],
    ['Jul–dec 2022', 'half', 2, 2022],
    ['Helår', 'year', 1, null],
  ])('"%s" is period %s %s (year %s)', (h, kind, index, year) => {
    const c = classifyHeader(h);
    expect(c).toMatchObject({ kind: 'period', period: { kind, index }, year });
    expect(periodHeader(h)).toEqual({ kind, index });
  });

  test.each([
    ['Kommentar', 'comment'],
    ['Kommentar T1', 'comment'],
    ['Status', 'status'],
    ['Utfall totalt', 'statedTotal'],
    ['Totalt', 'statedTotal'],
    ['Summa', 'statedTotal'],
    ['Mål 2023', 'goal'],
    ['Mål för året', 'goal'],
    ['Ansvarig part', 'party'],
    ['Löfte', 'promise'],
  ])('"%s" is a %s column, not a period', (h, kind) => {
    expect(classifyHeader(h).kind).toBe(kind);
  });

  test('a year alone or "Utfall 2023" can stand over period columns; prose is no header', () => {
    expect(classifyHeader('Utfall 2023')).toMatchObject({ group: true, year: 2023 });
    expect(classifyHeader('2022')).toMatchObject({ group: true, year: 2022 });
    expect(classifyHeader('Genomfört sex riktade insatser.').kind).toBe('unknown');
    expect(classifyHeader('Löfte 1: Tryggare Västervik centrum')).toMatchObject({ kind: 'unknown', promise: 'Tryggare Västervik centrum' });
  });

  test('Summa and Totalt rows are told from activities', () => {
    expect(['Summa', 'Totalt:', 'totalt antal'].map(isTotalRowLabel)).toEqual([true, true, true]);
    expect(isTotalRowLabel('Totalt 40 kontroller')).toBe(false);
  });
});

describe('tables', () => {
  test('one header row: columns of every kind', () => {
    const t = detectTable(view([['Löfte', 'Insats', 'Mål', 'Q1', 'Q2', 'Q3', 'Q4', 'Totalt', 'Status', 'Kommentar'], ['Tryggt centrum', 'Fotpatrull', 40, 9, 10, 11, 12, 42, 'Genomförd', '']]), 0);
    expect(t).toMatchObject({ headerRows: [0], activity: 1, promise: 0, goal: 2, kind: 'quarter', count: 4, statedTotal: 7, status: 8, comments: [9] });
    expect([...t!.periods]).toEqual([[3, 0], [4, 1], [5, 2], [6, 3]]);
  });

  test('two header rows: "Utfall 2023" over T1–T3, the year read from it and pointed at', () => {
    const rows = [
      ['Löfte', 'Åtgärd', 'Utfall 2023', null, null, 'Kommentar'],
      [null, null, 'T1', 'T2', 'T3', null],
      ['Tryggt centrum', 'Trygghetsvandringar', 1, 1, 2, ''],
    ];
    const t = detectTable(view(rows), 0);
    expect(t).toMatchObject({ headerRows: [0, 1], firstDataRow: 2, activity: 1, promise: 0, comments: [5], kind: 'tertial', year: { value: 2023, row: 0, col: 2 } });
  });

  test('no header word for the activities: the column is known by its cells', () => {
    const t = detectTable(view([[null, 'Tertial 1', 'Tertial 2', 'Tertial 3'], ['Trygghetsvandringar', 1, 1, 1], ['Fotpatrullering', 9, 12, 10]]), 0);
    expect(t).toMatchObject({ activity: 0, kind: 'tertial' });
    expect(detectTable(view([['Nr', 'T1', 'T2'], [1, 4, 5]]), 0)).toBeNull();
  });

  test('a promise written over the activity column becomes the promise of its rows', () => {
    const f = importFollowUp(gridFromRows([['Löfte 1: Tryggare centrum', 'T1', 'T2', 'T3'], ['Trygghetsvandringar', 1, 2, 1]]));
    expect(f.promises.map((p) => [p.text, p.activities.map((a) => a.text)])).toEqual([['Tryggare centrum', ['Trygghetsvandringar']]]);
  });

  test('an empty Löfte cell belongs to the promise above it; a Summa row is checked, not imported', () => {
    const f = importFollowUp(
      gridFromRows([
        ['Löfte', 'Aktivitet', 'T1', 'T2', 'T3'],
        ['Tryggt centrum', 'Vandringar', 1, 1, 1],
        [null, 'Fotpatrull', 5, 6, 7],
        ['Färre unga i kriminalitet', 'Skolbesök', 2, 2, 2],
        ['Summa', null, 8, 10, 11],
      ]),
    );
    expect(f.promises.filter((p) => p.activities.length).map((p) => [p.text, p.activities.map((a) => a.text)])).toEqual([
      ['Tryggt centrum', ['Vandringar', 'Fotpatrull']],
      ['Färre unga i kriminalitet', ['Skolbesök']],
    ]);
    expect(f.findings.filter((x) => x.code === 'stated-total-mismatch').map((x) => x.cell)).toEqual(['D5', 'E5']);
  });

  test('the seeds\' header rows are found exactly as before', () => {
    const t = detectTable(view([['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3'], ['Ingripande narkotikabrott', 540, '479 (1019)', '451 (1470)']]), 0);
    expect(t).toMatchObject({ headerRows: [0], activity: 0, kind: 'tertial', comments: [], statedTotal: null });
  });
});

describe('any own layout', () => {
  const words = ['Löfte', 'Aktivitet/åtgärd', 'Insats', 'Delmål', 'Mål', 'Ansvarig', 'Status', 'Kommentar', 'Kommentar T1', 'Utfall totalt', 'Totalt', 'Summa',
    'T1 2023', 'T2 2023', 'T3 2023', 'Q1', 'Q4', 'Jan–apr', 'Delår 2', 'Utfall 2023', '2022', 'Löfte 1: Tryggare centrum', 'Genomförd', 'Delvis', 'Pågår',
    '1 019', 'ca 20', 'Trygghetsvandringar', 'Fotpatrullering\r\nhelger', '2023-10-12', ''];
  const cell: fc.Arbitrary<CellValue> = fc.oneof(fc.constantFrom(...words), fc.integer({ min: 0, max: 2000 }), fc.constant(null), fc.string({ maxLength: 12 }));
  const merge = fc.record({ row: fc.nat(12), col: fc.nat(6), rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 1, max: 3 }) });

  test('imports without throwing, as a valid FollowUp, losing no text, merges or not', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 14 }), fc.array(merge, { maxLength: 4 }), (values, merges) => {
        const grid = { sheetName: null, origin: { row: 0, col: 0 }, values, merges };
        const f = importFollowUp(grid);
        expect(FollowUpSchema.parse(f)).toEqual(f);
        expect(lostCells(normalizeGrid(grid), f)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
