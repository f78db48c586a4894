// Property tests: any grid imports without throwing, and no non-empty source cell is lost.
import fc from 'fast-check';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { gridIsEmpty, type CellValue, type Grid } from '../../../shared/model/grid';
import { lostCells } from '../../support/text-kept';
import { SEEDS, seedGrid } from '../../support/seeds';

const words = ['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3', 'T1', 'T2', 'T3', 'Kvartal 2', 'Utfall', 'Mål', 'Ansvarig',
  'Genomfört sex riktade insatser.', 'Sammanlagt genomfört fjorton', '479 (1019)', 'Göksten 19-11-08', 'Löfte 1', '- Att öka tryggheten i centrum',
  'Polisen lovar:', 'ett tjugotal', 'minst 40', '#REF!', '=SUM(A1:A3)', '+46 70', '@kommun', 'X kommun', 'Uppföljningen avser Tertial 2 2019', ''];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#NAME?'),
);

const grid: fc.Arbitrary<Grid> = fc
  .array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 25 })
  .map((values) => ({ sheetName: null, origin: { row: 0, col: 0 }, values }));

test('any grid of strings, numbers, booleans, nulls and error values imports without throwing and loses no text', () => {
  fc.assert(
    fc.property(grid, fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), (g, period) => {
      const f = importFollowUp(g, { reportedPeriod: period });
      expect(FollowUpSchema.parse(f)).toEqual(f);
      expect(lostCells(g, f)).toEqual([]);
    }),
    { numRuns: 400 },
  );
});

test('mutated seeds (rows shuffled, cells truncated or doubled) import without throwing and lose no text', () => {
  for (const name of SEEDS) {
    const base = seedGrid(name);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }))), (muts) => {
        const values = base.values.map((r) => [...r]);
        for (const [a, b, kind] of muts) {
          const r = a % values.length;
          const c = b % Math.max(1, values[r].length);
          const v = values[r][c];
          if (kind === 0) [values[r], values[b % values.length]] = [values[b % values.length], values[r]];
          else if (kind === 1 && typeof v === 'string') values[r][c] = v.slice(0, Math.floor(v.length / 2));
          else if (kind === 2 && typeof v === 'string') values[r][c] = `${v} ${v}`;
          else values[r][c] = '#REF!';
        }
        const g = { ...base, values };
        const f = importFollowUp(g);
        expect(lostCells(g, f)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }
});

test('the seeds themselves lose no text', () => {
  for (const name of SEEDS) {
    const g = seedGrid(name);
    expect(lostCells(g, importFollowUp(g))).toEqual([]);
  }
});

test('empty sheets, header-only sheets and 10,000-character cells give findings, not exceptions', () => {
  expect(importFollowUp({ sheetName: null, origin: { row: 0, col: 0 }, values: [] }).findings[0].code).toBe('empty');
  const headerOnly = importFollowUp({ sheetName: null, origin: { row: 0, col: 0 }, values: [['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3']] });
  expect(headerOnly.promises.flatMap((p) => p.activities)).toEqual([]);
  const long = 'Genomfört sex riktade insatser. '.repeat(320);
  const f = importFollowUp({ sheetName: null, origin: { row: 0, col: 0 }, values: [['Aktivitet', 'Tertial 1'], ['Insatser', long]] });
  expect(f.promises[0].activities[0].periods[0].text).toBe(long.trim());
  expect(importFollowUp({ sheetName: null, origin: { row: 0, col: 0 }, values: [['bara prosa']] }).findings.map((x) => x.code)).toContain('no-tables');
});

test('a sheet of only blanks, spaces and non-breaking spaces is empty to the importer and both hosts', () => {
  expect(gridIsEmpty({ sheetName: null, origin: { row: 0, col: 0 }, values: [[null, '', '  '], ['\u00A0', null]] })).toBe(true);
  expect(gridIsEmpty({ sheetName: null, origin: { row: 0, col: 0 }, values: [[null, 0]] })).toBe(false);
  expect(importFollowUp({ sheetName: null, origin: { row: 0, col: 0 }, values: [['  ', '\u00A0']] }).findings[0].code).toBe('empty');
});
