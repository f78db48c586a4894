// Both seeds as Word documents (docx package and LibreOffice) import to the same follow-up as the seeds' text: promises, activities, periods, totals, statuses, findings.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readDocx } from '../../../shared/docx/open-docx';
import { describeWordCell, type WordGrid } from '../../../shared/docx/positions';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { SEEDS, seedGrid, seedText } from '../../support/seeds';
import { libreOfficeAvailable } from '../../support/libreoffice';
import { convertWithLibreOffice, seedDocument, toHtml, writeWithDocxPackage } from '../../fixtures/docx/make-docx';
import { modelOf } from './model-of';

const DIR = join(__dirname, '..', '..', 'fixtures', 'docx');
const WRITERS = [
  { writer: 'the docx package', file: (s: string) => `${s}.docx` },
  { writer: 'LibreOffice (from HTML)', file: (s: string) => `${s}.libreoffice.docx` },
] as const;

const read = async (file: string) => (await readDocx(new Uint8Array(readFileSync(join(DIR, file))), { fileName: file })) as WordGrid;

describe.each(SEEDS)('%s as a Word document', (seed) => {
  const fromText = importFollowUp(seedGrid(seed));

  describe.each(WRITERS)('written by $writer', ({ file }) => {
    it('imports to the same follow-up as the seed text', async () => {
      const f = importFollowUp(await read(file(seed)));
      expect(FollowUpSchema.parse(f)).toEqual(f);
      expect(modelOf(f)).toEqual(modelOf(fromText));
      expect(f.promises.flatMap((p) => p.activities).length).toBeGreaterThanOrEqual(4);
    });

    it('is laid out as Word has it: multi-paragraph cells, a merged title row, bullets', async () => {
      const g = await read(file(seed));
      const tableCells = g.values.filter((_, r) => g.wordSource.rows[r]?.kind === 'table').flat();
      expect(tableCells.some((v) => typeof v === 'string' && v.includes('\n'))).toBe(true);
      expect(g.merges?.some((m) => m.cols > 1 && m.rows === 1)).toBe(true);
      expect(g.values.some((r) => typeof r[0] === 'string' && r[0].startsWith('• Att '))).toBe(true);
      // The importer's findings name a Word position for every cell they point at.
      for (const x of importFollowUp(g).findings) if (x.cell) expect(describeWordCell(g, x.cell)).toMatch(/^(tabell \d+, rad \d+, kolumn .+|stycke \d+)$/);
    });
  });
});

describe('the fixtures', () => {
  it('the Eskilstuna LibreOffice file has cells merged down (w:vMerge) where the paste had a continuation row', async () => {
    const g = await read('eskilstuna-2019.libreoffice.docx');
    const down = (g.merges ?? []).filter((m) => m.rows > 1);
    expect(down.length).toBeGreaterThan(0);
    expect(g.values[down[0].row][0]).toBe('Trygghetsvandring');
    expect(g.values[down[0].row + 1][3]).toBe('Nyfors 19-11-26');
  });

  it('the docx-package files are what make-docx.ts writes from the seeds', async () => {
    for (const seed of SEEDS) {
      const fresh = await writeWithDocxPackage(seedDocument(seedText(seed), 'paragraphs'), `Uppföljning av medborgarlöften – ${seed}`);
      const a = await readDocx(fresh, { fileName: 'ny.docx' });
      const b = await read(`${seed}.docx`);
      expect(a.values).toEqual(b.values);
      expect(a.merges).toEqual(b.merges);
    }
  });

  it('the LibreOffice files are what soffice makes of the HTML make-docx.ts writes', async () => {
    if (!libreOfficeAvailable('Word-fixturer genom LibreOffice')) return;
    const tmp = mkdtempSync(join(tmpdir(), 'docx-lo-'));
    try {
      for (const seed of SEEDS) {
        const html = join(tmp, `${seed}.libreoffice.html`);
        writeFileSync(html, toHtml(seedDocument(seedText(seed), 'merged-rows'), `Uppföljning av medborgarlöften – ${seed}`));
        expect(readFileSync(html, 'utf8')).toBe(readFileSync(join(DIR, `${seed}.libreoffice.html`), 'utf8'));
        const out = convertWithLibreOffice(html, tmp);
        const a = await readDocx(new Uint8Array(readFileSync(out)), { fileName: 'ny.docx' });
        const b = await read(`${seed}.libreoffice.docx`);
        expect(a.values).toEqual(b.values);
        expect(a.merges).toEqual(b.merges);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120000);
});
