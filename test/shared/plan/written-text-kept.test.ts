// Property tests: every non-empty source cell's text is in the sheets a build writes (structured, Händelser, Kontroller, Sammanfattning), not only in the model.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildFromGrid, runBuild } from '../../../cli/commands/build';
import { readInput } from '../../../cli/read-input';
import type { CellValue, Grid } from '../../../shared/model/grid';
import { SEEDS, seedGrid } from '../../support/seeds';
import { squash } from '../../../shared/parse/text';
import { planImportSheets, planSummary } from '../../../shared/plan';
import { joinTexts, keptParts, lostCells, lostIn, lostInPlans, planTexts } from '../../support/text-kept';
import { followUpArb } from './arbitrary-follow-up';

const FIX = join(__dirname, '..', '..', 'fixtures');

const words = [
  'Aktivitet', 'Aktivitet/åtgärd', 'Tertial 1', 'Tertial 2', 'Tertial 3', 'T1', 'T2', 'T3', 'Utfall T1 2021', 'Kvartal 2', 'Mål', 'Ansvarig',
  'Kommentar', 'Kommentarer', 'Status', 'Egen status', 'Genomförd', 'Delvis', 'Pågår', 'Inställd',
  'Genomfört sex riktade insatser.', 'Sammanlagt genomfört fjorton', '479 (1019)', 'Göksten 19-11-08', 'Löfte 1', '- Att öka tryggheten i centrum',
  'Polisen lovar:', 'ett tjugotal', 'minst 40', 'kan anses vara uppfyllt', 'Genomförts tillsammans med polisen', 'Målet är uppfyllt.',
  'Sammanfattning', 'STORM: 701 händelserapporter', 'rad ett\nrad två', '#REF!', '=SUM(A1:A3)', '+46 70', '@kommun', 'X kommun',
  'Uppföljningen avser Tertial 2 2019', '',
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#NAME?'),
);

/** Any grid at all. */
const looseGrid: fc.Arbitrary<CellValue[][]> = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 25 });

/** A follow-up table as kommuner keep it: prose above, a header row with periods and perhaps comment and status columns, rows of cells. */
const tableGrid: fc.Arbitrary<CellValue[][]> = fc
  .record({
    above: fc.array(fc.array(cell, { maxLength: 2 }), { maxLength: 4 }),
    periods: fc.constantFrom(['Tertial 1', 'Tertial 2', 'Tertial 3'], ['T1 2021', 'T2 2021', 'T3 2021'], ['Q1', 'Q2', 'Q3', 'Q4']),
    extra: fc.subarray(['Kommentar', 'Status', 'Mål', 'Ansvarig']),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 8 }),
    below: fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 4 }),
  })
  .map(({ above, periods, extra, rows, below }) => [...above, ['Aktivitet', ...periods, ...extra], ...rows, ...below]);

const grid: fc.Arbitrary<Grid> = fc
  .tuple(fc.oneof(looseGrid, tableGrid), fc.option(fc.constantFrom('Blad1', 'Uppföljning 2021', 'Kontroller'), { nil: null }))
  .map(([values, sheetName]) => ({ sheetName, origin: { row: 0, col: 0 }, values }));

/** Text cells of every sheet of a written .xlsx except the copied source sheet (links as their text, rich text joined). */
async function writtenTexts(path: string, source: string): Promise<{ sheets: string[]; texts: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const texts: string[] = [];
  const sheets = wb.worksheets.map((w) => w.name).filter((n) => n !== source);
  for (const ws of wb.worksheets) {
    if (ws.name === source) continue;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as unknown;
        if (typeof v === 'string') texts.push(v);
        else if (v && typeof v === 'object') {
          const o = v as { richText?: { text: string }[]; hyperlink?: string; text?: unknown };
          if (Array.isArray(o.richText)) texts.push(o.richText.map((t) => t.text).join(''));
          else if (typeof o.hyperlink === 'string' && typeof o.text === 'string') texts.push(o.text);
        }
      }),
    );
  }
  return { sheets, texts };
}

describe('nothing typed is lost in the written sheets', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'written-text-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('any grid: every non-empty cell\'s text is in the plans of the structured sheet, Händelser, Kontroller and the summary', () => {
    fc.assert(
      fc.property(grid, fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), (g, period) => {
        const r = buildFromGrid(g, { reportedPeriod: period, generatedAt: '2026-11-21' });
        expect(r.plans.map((p) => p.kind)).toEqual(['structured', 'events', 'findings', 'summary']);
        // Neither the import nor the writing loses a cell: every source text is in the written plans.
        expect(lostCells(g, r.imported)).toEqual([]);
        expect(lostInPlans(g, r.plans)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test('generated follow-ups: every text the model keeps (comments, own status, judgement words, notes, table headers …) is in the written plans', () => {
    fc.assert(
      fc.property(followUpArb(), (f) => {
        const written = joinTexts(planTexts([...planImportSheets(f), planSummary(f, { generatedAt: '2026-11-21' })]));
        expect(keptParts(f).filter((t) => squash(t) !== '' && !written.includes(squash(t)))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  test('mutated seeds (rows shuffled, cells truncated or doubled): every cell\'s text is in the written plans', () => {
    for (const name of SEEDS) {
      const base = seedGrid(name);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 12 }), (muts) => {
          const values = base.values.map((row) => [...row]);
          for (const [a, b, kind] of muts) {
            const r = a % values.length;
            const c = b % Math.max(1, values[r].length);
            const v = values[r][c];
            if (kind === 0) [values[r], values[b % values.length]] = [values[b % values.length], values[r]];
            else if (kind === 1 && typeof v === 'string') values[r][c] = v.slice(0, Math.floor(v.length / 2));
            else if (kind === 2 && typeof v === 'string') values[r][c] = `${v} ${v}`;
            else values[r][c] = 'Kommentar: =inte en formel';
          }
          const g = { ...base, values };
          expect(lostInPlans(g, buildFromGrid(g, { generatedAt: '2026-11-21' }).plans)).toEqual([]);
        }),
        { numRuns: 25 },
      );
    }
  });

  test.each(SEEDS)('%s: every non-empty source cell is in the .xlsx the CLI writes, read back with ExcelJS, not counting the copied source sheet', async (seed) => {
    const src = join(FIX, `${seed}.txt`);
    const out = join(dir, `${seed}.xlsx`);
    const io = { out: () => undefined, err: (s: string) => { throw new Error(s); } };
    expect(await runBuild([src, '-o', out], io)).toBe(0);
    const g = await readInput(src);
    const { sheets, texts } = await writtenTexts(out, 'Underlag');
    expect(sheets).toEqual(['Medborgarlöften 2019', 'Händelser', 'Kontroller', 'Sammanfattning T3 2019']);
    expect(lostIn(g, joinTexts(texts))).toEqual([]);
    // The seed's own words reach the sheets, e.g. Eskilstuna's "Sammanfattning" bullets and STORM line.
    if (seed === 'eskilstuna-2019') {
      expect(texts).toContain('STORM: 701 händelserapporter - 701 prickar i kartan (0 saknar koordinater)');
      expect(texts).toContain('- Synlighet genom trafikkontroll i stort sett uppfyllt.');
    }
  });

  test('the check has teeth: a cell no sheet carries is reported', () => {
    const g: Grid = { sheetName: null, origin: { row: 0, col: 0 }, values: [['Aktivitet', 'Tertial 1'], ['Insatser', 'Genomfört 3']] };
    const plans = buildFromGrid(g, { generatedAt: '2026-11-21' }).plans;
    expect(lostInPlans(g, plans)).toEqual([]);
    expect(lostIn({ ...g, values: [...g.values, ['aldrig skrivet någonstans']] }, joinTexts(plans.flatMap((p) => p.blocks.flatMap((b) => b.values.flat().filter((v): v is string => typeof v === 'string')))))).toEqual([
      '2,0: aldrig skrivet någonstans',
    ]);
  });
});
