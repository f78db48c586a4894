// Property tests: random Word documents of paragraphs, lists and tables (merged cells, line breaks) never make the reader throw, and every non-empty paragraph's text is in the grid.
import fc from 'fast-check';
import { docxToGrid } from '../../../shared/docx/read-docx';
import { readDocx } from '../../../shared/docx/open-docx';
import { isWordGrid } from '../../../shared/docx/positions';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { normalizeGrid } from '../../../shared/model/grid';
import { NUMBERING, docxOf, documentXml, p, run, tbl, tc, tr } from './wordml';

const WORDS = ['Aktivitet', 'Tertial 1', 'Tertial 2', 'Genomfört sex riktade insatser.', '479 (1019)', 'Göksten 19-11-08', 'Löfte 1', 'Att öka tryggheten',
  '∎ Medborgarlöfte 1', 'Polisen lovar:', '<b>&amp;</b>', '"citat" & \'apostrof\'', '=SUM(A1:A3)', '  indrag', 'rad ett\nrad två', 'kolumn\tefter tabb', ''];

/** Text a Word document can hold: no control characters but tab and line break, no lone surrogates (XML 1.0 forbids them). */
const text: fc.Arbitrary<string> = fc
  .oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 12 }))
  .map((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/g, '?').replace(/[\ud800-\udfff]/g, '?'));

interface GenPara {
  text: string;
  list: number | null;
}
interface GenCell {
  paragraphs: GenPara[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
}
type GenBlock = { kind: 'p'; para: GenPara } | { kind: 'table'; cols: number; rows: GenCell[][] };

const para: fc.Arbitrary<GenPara> = fc.record({ text, list: fc.option(fc.constantFrom(1, 2, 3, 9), { nil: null, freq: 3 }) });
const cell: fc.Arbitrary<GenCell> = fc.record({
  paragraphs: fc.array(para, { maxLength: 3 }),
  span: fc.oneof(fc.constant(1), fc.constant(1), fc.integer({ min: 1, max: 3 })),
  vMerge: fc.constantFrom<GenCell['vMerge']>(null, null, 'restart', 'continue'),
});
const block: fc.Arbitrary<GenBlock> = fc.oneof(
  para.map((x) => ({ kind: 'p' as const, para: x })),
  fc.record({ kind: fc.constant('table' as const), cols: fc.integer({ min: 1, max: 5 }), rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }) }),
);
const documentArb = fc.array(block, { maxLength: 14 });

const xmlOf = (gp: GenPara) => p([run(gp.text)], gp.list ? { list: { numId: gp.list } } : {});
function bodyOf(blocks: GenBlock[]): string {
  return blocks
    .map((b) => (b.kind === 'p' ? xmlOf(b.para) : tbl(b.cols, b.rows.map((r) => tr(r.map((c) => tc(c.paragraphs.map(xmlOf), { span: c.span > 1 ? c.span : undefined, vMerge: c.vMerge ?? undefined })))))))
    .join('');
}

/** Each non-empty paragraph's text as the grid should hold it (a tab reads as a space), and whether it stood in a table. */
function expectedTexts(blocks: GenBlock[]): { text: string; inTable: boolean }[] {
  const out: { text: string; inTable: boolean }[] = [];
  const add = (gp: GenPara, inTable: boolean) => {
    const t = gp.text.replace(/\t/g, ' ');
    if (/\S/.test(t)) out.push({ text: t, inTable });
  };
  for (const b of blocks) {
    if (b.kind === 'p') add(b.para, false);
    else for (const r of b.rows) for (const c of r) for (const x of c.paragraphs) add(x, true);
  }
  return out;
}

test('any document of paragraphs, lists and tables (merges, line breaks) reads without throwing and keeps every non-empty paragraph', () => {
  fc.assert(
    fc.property(documentArb, fc.boolean(), (blocks, withNumbering) => {
      const g = docxToGrid({ document: documentXml(bodyOf(blocks)), numbering: withNumbering ? NUMBERING : null });
      expect(isWordGrid(g)).toBe(true);
      const width = g.values[0]?.length ?? 0;
      for (const r of g.values) expect(r).toHaveLength(width);
      expect(g.wordSource.rows).toHaveLength(g.values.length);
      const cells = g.values.flatMap((r) => r.filter((v): v is string => typeof v === 'string'));
      const firstColumn = g.values.filter((_, i) => g.wordSource.rows[i]?.kind === 'paragraph').map((r) => String(r[0]));
      for (const e of expectedTexts(blocks)) {
        if (e.inTable) expect(cells.some((c) => c.includes(e.text))).toBe(true);
        // A body paragraph is its own row: its text, after the list mark Word shows ("• ", "2. ", "b) ").
        else expect(firstColumn.some((c) => c === e.text || (c.endsWith(e.text) && /^(?:• |\d+(?:\.\d+)*\. |[a-z]+\) )$/.test(c.slice(0, c.length - e.text.length))))).toBe(true);
      }
      // Merges lie on the grid, do not overlap, and hold their value in the top-left cell only.
      const taken = new Set<string>();
      for (const m of g.merges ?? []) {
        expect(m.row + m.rows).toBeLessThanOrEqual(g.values.length);
        expect(m.col + m.cols).toBeLessThanOrEqual(width);
        for (let r = m.row; r < m.row + m.rows; r++) {
          for (let c = m.col; c < m.col + m.cols; c++) {
            expect(taken.has(`${r},${c}`)).toBe(false);
            taken.add(`${r},${c}`);
            if (r !== m.row || c !== m.col) expect(g.values[r][c]).toBeNull();
          }
        }
      }
      // The grid is what the importer takes: normalisation changes nothing, the import does not throw.
      expect(normalizeGrid(g).values).toEqual(g.values);
      importFollowUp(g);
    }),
    { numRuns: 300 },
  );
});

test('the same documents zipped as .docx files read the same through the file reader', async () => {
  await fc.assert(
    fc.asyncProperty(documentArb, async (blocks) => {
      const xml = documentXml(bodyOf(blocks));
      const direct = docxToGrid({ document: xml, numbering: NUMBERING });
      const hasText = direct.values.some((r) => r.some((v) => v !== null));
      try {
        const viaZip = await readDocx(await docxOf(xml, NUMBERING), { fileName: 'slump.docx' });
        expect(viaZip.values).toEqual(direct.values);
        expect(viaZip.merges).toEqual(direct.merges);
      } catch (e) {
        // The one refusal a well-formed document can get: it has no text at all.
        expect(hasText).toBe(false);
        expect((e as { code?: string }).code).toBe('no-text');
      }
    }),
    { numRuns: 40 },
  );
});
