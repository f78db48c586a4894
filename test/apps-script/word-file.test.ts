// The BUILT Apps Script bundle's Öppna Word-fil: a .docx sent as base64 becomes a new source sheet and imports to the seed's follow-up; bad files write nothing; service calls do not grow with the document.
import { readFileSync } from 'fs';
import { join } from 'path';
import { makeGasEnv, loadBundle, hyperFormulaEvaluator, roundTripCalls, type GasEnv } from '../support/gas-fakes';
import { seedGrid } from '../support/seeds';
import { withWordUtilities } from '../shared/docx/gas-utilities';
import { docxOf, documentXml, p, tbl, tc, tr } from '../shared/docx/wordml';
import { importFollowUp } from '../../shared/import/import-follow-up';
import { previewOf, type Preview } from '../../shared/app/preview';
import { DOCX } from '../../shared/i18n/sv-docx';
import { DOCX_ACTION } from '../../shared/i18n/sv-docx-action';
import { DOCX_LIMITS } from '../../shared/docx/limits';

interface Result {
  ok: boolean;
  message: string;
  preview?: Preview;
  written?: string[];
}

const DOCX_DIR = join(__dirname, '..', 'fixtures', 'docx');
const b64 = (file: string) => readFileSync(join(DOCX_DIR, file)).toString('base64');

/** A fake spreadsheet holding one sheet of the user's, with Utilities.unzip, and the bundle loaded. */
function sheets(existing: { name: string; rows: (string | null)[][] }[] = [{ name: 'Blad1', rows: [['Egen text']] }]): { env: GasEnv; run: <T = Result>(fn: string, ...a: unknown[]) => T } {
  const env = withWordUtilities(makeGasEnv());
  env.ss.evaluator = hyperFormulaEvaluator;
  for (const s of existing) env.ss.addSheetWithRows(s.name, s.rows);
  const { run } = loadBundle(env);
  return { env, run };
}

/** A preview without the sheet's cell addresses and name (they differ between a paste and a Word sheet). */
const comparable = (pv: Preview) => ({ ...pv, sheetName: null, promises: pv.promises.map((x) => ({ ...x, cell: null, activities: x.activities.map((a) => ({ ...a, cell: null })) })), findings: pv.findings.map((f) => `${f.severity} ${f.code}`) });

describe('Öppna Word-fil in the Apps Script bundle', () => {
  it.each(['eskilstuna-2019.docx', 'eskilstuna-2019.libreoffice.docx', 'eksjo-2019.docx', 'eksjo-2019.libreoffice.docx'])(
    '%s: a new source sheet "Underlag – <filnamn>" holding the document as read, imported to the seed text\'s follow-up',
    (file) => {
      const seed = file.replace(/\..*$/, '');
      const { env, run } = sheets();
      const r = run<Result>('openWordFile', file, b64(file), null);
      const sheet = `Underlag – ${file.replace(/\.docx$/, '')}`.slice(0, 31);
      expect(r).toMatchObject({ ok: true, message: DOCX_ACTION.opened(sheet), written: [sheet] });
      expect(env.ss.sheets.map((s) => s.name)).toEqual(['Blad1', sheet]);
      expect(env.ss.active?.name).toBe(sheet);
      expect(comparable(r.preview!)).toEqual(comparable(JSON.parse(JSON.stringify(previewOf(importFollowUp(seedGrid(seed)))))));
      expect(r.preview!.sheetName).toBe(sheet);
      // The Word tables' merged title row is merged on the sheet too; text stays text.
      expect(env.ss.sheet(sheet)!.merges.length).toBeGreaterThan(0);
      // The usual steps go on from the new sheet: structuring reads it.
      const s = run<Result>('structure', false);
      expect(s.ok).toBe(true);
      expect(env.ss.sheets.map((x) => x.name)).toEqual(['Blad1', sheet, 'Medborgarlöften 2019', 'Händelser', 'Kontroller']);
    },
  );

  it('never writes over a sheet of the same name: the new one is "… (2)", the old one untouched', () => {
    const { env, run } = sheets([{ name: 'Underlag – eksjo-2019', rows: [['Mitt eget'], ['underlag']] }]);
    const before = JSON.stringify([...env.ss.sheet('Underlag – eksjo-2019')!.cells.entries()]);
    const r = run<Result>('openWordFile', 'eksjo-2019.docx', b64('eksjo-2019.docx'), null);
    expect(r.message).toBe(DOCX_ACTION.opened('Underlag – eksjo-2019 (2)'));
    expect(JSON.stringify([...env.ss.sheet('Underlag – eksjo-2019')!.cells.entries()])).toBe(before);
  });

  it('bad files: a .doc, a text file, a damaged base64, an .xlsx and a file over the limit get their Swedish message, and nothing is written', () => {
    const { env, run } = sheets();
    const xlsx = readFileSync(join(__dirname, '..', 'fixtures', 'layouts', 'vimmerby-2023-summa-rad.xlsx')).toString('base64');
    const cases: [string, string, string][] = [
      ['eksjo-2019.doc', b64('eksjo-2019.doc'), DOCX.errors.legacyDoc('eksjo-2019.doc')],
      ['uppföljning.docx', Buffer.from('Aktivitet\tTertial 1\n').toString('base64'), DOCX.errors.notZip('uppföljning.docx')],
      ['trasig.docx', '%%% inte base64 %%%', DOCX.errors.notZip('trasig.docx')],
      ['blad.docx', xlsx, DOCX.errors.noDocument('blad.docx')],
    ];
    for (const [name, data, message] of cases) expect(run<Result>('openWordFile', name, data, null)).toEqual({ ok: false, message });
    const big = 'A'.repeat(Math.ceil(((DOCX_LIMITS.fileBytes + 3) * 4) / 3));
    const r = run<Result>('openWordFile', 'stor.docx', big, null);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^"stor\.docx" är för stor \(10 MB\)/);
    expect(env.ss.sheets.map((s) => s.name)).toEqual(['Blad1']);
    expect(env.errors).toEqual([]);
  });

  it('service calls do not grow with the number of rows (10 or 1,000 activities)', async () => {
    const doc = async (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => tr([tc(`Trygghetsvandring ${i + 1}`), tc(['Göksten 19-11-08', 'Nyfors 19-11-26']), tc(String(i)), tc('')]));
      const xml = documentXml(p('Uppföljning av medborgarlöften för Eksjö kommun 2019') + p('Löfte 1: Att öka tryggheten i centrum genom fler vandringar') + tbl(4, [tr([tc('∎ Medborgarlöfte 1', { span: 4 })]), tr([tc('Aktivitet'), tc('Tertial 1'), tc('Tertial 2'), tc('Tertial 3')]), ...rows]));
      return Buffer.from(await docxOf(xml)).toString('base64');
    };
    const calls = async (n: number) => {
      const { env, run } = sheets();
      const data = await doc(n);
      env.log.reset();
      expect(run<Result>('openWordFile', `uppföljning-${n}.docx`, data, null).ok).toBe(true);
      return roundTripCalls(env.log.histogram());
    };
    const small = await calls(10);
    const large = await calls(1000);
    expect(large).toEqual(small);
    expect(small['Utilities.unzip']).toBe(1);
    if (process.env.SHOW_CALLS) process.stdout.write(`${JSON.stringify(small, null, 1)}\n`);
    expect(small['Sheet.setValues'] ?? small['Range.setValues']).toBe(1);
  });
});
