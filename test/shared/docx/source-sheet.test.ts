// The sheet a Word file becomes: a new, valid name "Underlag – <filnamn>" and a plan that writes the grid as read (text as text, merges, wrapped cells).
import { readFileSync } from 'fs';
import { join } from 'path';
import { planWordSheet, wordSheetName } from '../../../shared/docx/source-sheet';
import { readDocx } from '../../../shared/docx/open-docx';
import { SheetPlanSchema } from '../../../shared/model/sheet-plan-schema';
import { planToGrid } from '../../../shared/plan';
import { isGeneratedSheet } from '../../../shared/app/generated-sheets';
import { a1Range } from '../../../shared/model/a1';

describe('wordSheetName', () => {
  it('is "Underlag – <file name>" without .docx, never an existing sheet (compared without case)', () => {
    expect(wordSheetName('Eksjö 2019.docx', [])).toBe('Underlag – Eksjö 2019');
    expect(wordSheetName('C:\\Users\\anna\\Eksjö 2019.DOCX', ['Blad1'])).toBe('Underlag – Eksjö 2019');
    expect(wordSheetName('Eksjö 2019.docx', ['underlag – eksjö 2019'])).toBe('Underlag – Eksjö 2019 (2)');
    expect(wordSheetName('Eksjö 2019.docx', ['Underlag – Eksjö 2019', 'Underlag – Eksjö 2019 (2)'])).toBe('Underlag – Eksjö 2019 (3)');
  });

  it('is valid in Excel: at most 31 characters, none of [ ] : * ? / \\, no apostrophe at the end', () => {
    const long = wordSheetName('Uppföljning: medborgarlöften [T3] 2019 *slutlig*?.docx', []);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/[[\]:*?/\\]/);
    expect(long.startsWith('Underlag – Uppföljning')).toBe(true);
    const taken = [long];
    const next = wordSheetName('Uppföljning: medborgarlöften [T3] 2019 *slutlig*?.docx', taken);
    expect(next.length).toBeLessThanOrEqual(31);
    expect(next.endsWith(' (2)')).toBe(true);
    expect(wordSheetName("rapport'.docx", [])).toBe('Underlag – rapport');
    expect(wordSheetName('.docx', [])).toBe('Underlag – Word');
    expect(isGeneratedSheet(wordSheetName('Medborgarlöften 2019.docx', []))).toBe(false);
  });
});

describe('planWordSheet', () => {
  it('writes every value of the grid where it was read, merges the merged cells and wraps multi-line table cells', async () => {
    const file = join(__dirname, '..', '..', 'fixtures', 'docx', 'eskilstuna-2019.libreoffice.docx');
    const g = await readDocx(new Uint8Array(readFileSync(file)), { fileName: 'eskilstuna-2019.docx' });
    const plan = planWordSheet(g, 'Underlag – eskilstuna-2019');
    expect(SheetPlanSchema.parse(plan)).toEqual(plan);
    const written = planToGrid(plan);
    g.values.forEach((r, i) => r.forEach((v, c) => expect(written[i]?.[c] ?? null).toEqual(v)));
    expect(plan.merges).toEqual((g.merges ?? []).map((m) => a1Range(m.row, m.col, m.rows, m.cols)));
    expect(plan.merges).toContain('A25:D25');
    const i = g.values.findIndex((r) => r[0] === 'Trygghetsvandring');
    expect(plan.blocks[0].styles?.[i][3]).toBe('wrap');
    expect(plan.styles.wrap).toEqual({ wrap: true, vAlign: 'top' });
    expect(plan.columnWidths.every((w) => w !== null && w >= 10 && w <= 60)).toBe(true);
  });

  it('names merges as shared/model/a1 does, also past column Z', () => {
    const merges = [{ row: 0, col: 25, rows: 2, cols: 2 }, { row: 9, col: 700, rows: 1, cols: 30 }, { row: 99, col: 0, rows: 3, cols: 1 }];
    const plan = planWordSheet({ sheetName: null, origin: { row: 0, col: 0 }, values: [['x']], merges }, 'Underlag – x');
    expect(plan.merges).toEqual(merges.map((m) => a1Range(m.row, m.col, m.rows, m.cols)));
  });

  it('keeps text that looks like a formula as a plain string (adapters write it as text)', () => {
    const plan = planWordSheet({ sheetName: null, origin: { row: 0, col: 0 }, values: [['=SUM(A1:A3)', '+46 70'], ['540', null]] }, 'Underlag – x');
    expect(plan.blocks[0].values).toEqual([['=SUM(A1:A3)', '+46 70'], ['540', null]]);
  });
});
