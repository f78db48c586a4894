// `rollup`: a mix of source files and build workbooks (as edited) → one roll-up workbook and report; unreadable files named in Swedish, the rest rolled up; Tema corrections kept.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { main } from '../../cli/main';
import { fromExcelJsFormula } from '../../cli/xlsx-adapter';
import { STATUS_LABEL } from '../../shared/i18n/sv';
import { ROLLUP, ROLLUP_SHEET, THEME_LABEL } from '../../shared/i18n/sv-rollup';
import { STATUS_ORDER, structuredColumns } from '../../shared/plan';
import { ACTIVITY_COLS, ACTIVITY_ROWS, KOMMUN_COLS, THEME_COLS, THEME_IDS } from '../../shared/rollup';
import { kommunFollowUpTsv } from '../bench/rollup';
import { caseGrid, loadCorpus } from '../support/corpus';

const FIX = join(__dirname, '..', 'fixtures');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

type Cell = string | number | boolean | null;

/** A workbook written by the CLI, as HyperFormula computes it: formulas from the file, text kept as text. */
async function evaluateXlsx(path: string): Promise<{ value(sheet: string, row: number, col: number): Cell; sheets: Record<string, Cell[][]> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: Record<string, Cell[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value as unknown;
        out[c - 1] =
          v === null || v === undefined
            ? null
            : typeof v === 'object' && 'formula' in (v as object)
              ? fromExcelJsFormula((v as { formula: string }).formula)
              : typeof v === 'string'
                ? `'${v}`
                : (v as Cell);
      });
      rows[r - 1] = Array.from(out, (x) => x ?? null);
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  return {
    sheets,
    value: (sheet, row, col) => {
      const v = hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
      return v !== null && typeof v === 'object' ? `#ERROR ${(v as { type?: string }).type}` : (v as Cell);
    },
  };
}

/** Rows of the kommun table and of a theme's table in the roll-up sheet's values. */
function tableRows(grid: Cell[][], heading: string, kommuner: number): number[] {
  const at = grid.findIndex((r) => r[0] === `'${heading}`);
  return Array.from({ length: kommuner + 1 }, (_, i) => at + 2 + i);
}

let dir: string;
let inDir: string;
let out: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rollup-test-'));
  inDir = join(dir, 'in');
  mkdirSync(inDir);
  out = join(dir, 'region.xlsx');
  copyFileSync(join(FIX, 'eksjo-2019.txt'), join(inDir, 'eksjo-2019.txt'));
  const vara = loadCorpus().find((c) => c.name === 'vara-2022')!;
  writeFileSync(join(inDir, 'vara-2022.tsv'), caseGrid(vara).values.map((r) => r.join('\t')).join('\n'));
  // Eskilstuna as a workbook written by build (never opened in a spreadsheet), then edited: Trafikkontroll T3 64 → 80 (206 of 200).
  const built = join(inDir, 'eskilstuna.xlsx');
  expect(await main(['build', join(FIX, 'eskilstuna-2019.txt'), '-o', built], capture().io)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(built);
  const ws = wb.getWorksheet('Medborgarlöften 2019')!;
  const c = structuredColumns(3);
  ws.eachRow((row) => {
    if (String(row.getCell(c.activity + 1).value).startsWith('Trafikkontroll i utsatta områden')) row.getCell(c.periodStart + 3).value = 80;
  });
  await wb.xlsx.writeFile(built);
  writeFileSync(join(inDir, 'trasig.xlsx'), 'det här är ingen arbetsbok');
  writeFileSync(join(inDir, 'tom.csv'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rollup over a folder of source files and build workbooks', () => {
  let run: ReturnType<typeof capture>;
  let code: number;
  beforeAll(async () => {
    run = capture();
    code = await main(['rollup', inDir, '-o', out, '--docx', join(dir, 'region.docx'), '--html', join(dir, 'region.html')], run.io);
  });

  it('names each file it cannot read in Swedish, rolls up the rest, and exits with 2', () => {
    const trasig = join(inDir, 'trasig.xlsx');
    const tom = join(inDir, 'tom.csv');
    expect(run.err).toEqual([`Hoppar över ${tom}: Filen "${tom}" är tom.`, `Hoppar över ${trasig}: Filen "${trasig}" är ingen giltig Excel-arbetsbok (.xlsx).`]);
    expect(run.out.filter((l) => l.startsWith('Läste '))).toEqual([
      `Läste ${join(inDir, 'eksjo-2019.txt')}: Eksjö, 7 aktiviteter`,
      `Läste ${join(inDir, 'eskilstuna.xlsx')} (bladet Medborgarlöften 2019): Eskilstuna, 4 aktiviteter`,
      `Läste ${join(inDir, 'vara-2022.tsv')}: Vara, 3 aktiviteter`,
    ]);
    expect(run.out).toContain(`Skrev ${join(dir, 'region.docx')} (${run.out.find((l) => l.includes('region.docx'))!.match(/\(([^;]+);/)![1]}; rapport för regionen)`);
    expect(run.out[run.out.length - 1]).toBe('Inga fel i underlagen. 2 filer kunde inte läsas.');
    expect(code).toBe(2);
  });

  it('writes a workbook that reads back with ExcelJS: Sammanställning with a row per kommun, Aktiviteter per tema with every activity', async () => {
    const x = await evaluateXlsx(out);
    expect(Object.keys(x.sheets)).toEqual([ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities]);
    const grid = x.sheets[ROLLUP_SHEET.summary];
    const rows = tableRows(grid, ROLLUP.perKommun, 3);
    expect(rows.slice(0, 3).map((r) => grid[r][KOMMUN_COLS.kommun])).toEqual(["'Eksjö", "'Eskilstuna", "'Vara"]);
    // Eskilstuna as edited in its structured sheet: the traffic checks now meet 200; the walks and forums count their listed events.
    const esk = rows[1];
    const counts = STATUS_ORDER.map((_, i) => x.value(ROLLUP_SHEET.summary, esk, KOMMUN_COLS.firstStatus + i));
    expect(Object.fromEntries(STATUS_ORDER.map((s, i) => [s, counts[i]]))).toMatchObject({ met: 3, 'no-goal': 1, 'not-met': 0 });
    const list = x.sheets[ROLLUP_SHEET.activities];
    expect(list.length - ACTIVITY_ROWS.firstData).toBe(14);
    const walk = list.find((r) => r[ACTIVITY_COLS.activity] === "'Trygghetsvandring")!;
    expect(walk[ACTIVITY_COLS.total]).toBe(4);
    expect(walk[ACTIVITY_COLS.status]).toBe(`'${STATUS_LABEL.met}`);
  });

  it('has formulas that HyperFormula evaluates to the counts the file holds (totals per status, activities per theme)', async () => {
    const x = await evaluateXlsx(out);
    const grid = x.sheets[ROLLUP_SHEET.summary];
    const rows = tableRows(grid, ROLLUP.perKommun, 3);
    STATUS_ORDER.forEach((_, i) => {
      const col = KOMMUN_COLS.firstStatus + i;
      expect(x.value(ROLLUP_SHEET.summary, rows[3], col)).toBe(rows.slice(0, 3).reduce((n, r) => n + (grid[r][col] as number), 0));
    });
    const list = x.sheets[ROLLUP_SHEET.activities].slice(ACTIVITY_ROWS.firstData);
    for (const t of THEME_IDS) {
      const total = tableRows(x.sheets[ROLLUP_SHEET.themes], ROLLUP.theme(THEME_LABEL[t]), 3)[3];
      expect(x.value(ROLLUP_SHEET.themes, total, THEME_COLS.activities)).toBe(list.filter((r) => r[ACTIVITY_COLS.theme] === `'${THEME_LABEL[t]}`).length);
    }
  });

  it('writes the region\'s report as .docx and as HTML', () => {
    expect(readFileSync(join(dir, 'region.docx')).subarray(0, 2).toString()).toBe('PK');
    const html = readFileSync(join(dir, 'region.html'), 'utf8');
    expect(html).toContain('<h1>Medborgarlöften – sammanställning för 3 kommuner</h1>');
    expect(html).toContain('<svg ');
  });

  it('keeps a Tema corrected in the file when the roll-up is made again (and does not read its own output as input)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet(ROLLUP_SHEET.activities)!.eachRow((row) => {
      if (row.getCell(ACTIVITY_COLS.activity + 1).value === 'Medborgarforum') row.getCell(ACTIVITY_COLS.theme + 1).value = 'Trygghetsvandringar';
    });
    const inside = join(inDir, 'region.xlsx');
    await wb.xlsx.writeFile(inside);
    const again = capture();
    expect(await main(['rollup', join(inDir, 'eksjo-2019.txt'), join(inDir, 'eskilstuna.xlsx'), join(inDir, 'vara-2022.tsv'), '-o', inside], again.io)).toBe(0);
    expect(again.out).toContain(`1 temaändring från ${inside} står kvar.`);
    const x = await evaluateXlsx(inside);
    const forum = x.sheets[ROLLUP_SHEET.activities].find((r) => r[ACTIVITY_COLS.activity] === "'Medborgarforum")!;
    expect(forum.slice(ACTIVITY_COLS.theme, ACTIVITY_COLS.word + 1)).toEqual(["'Trygghetsvandringar", "'Övrigt", "'medborgarforum (aktivitetens text; ändrat i bladet)"]);
    const walks = tableRows(x.sheets[ROLLUP_SHEET.themes], ROLLUP.theme(THEME_LABEL.trygghetsvandringar), 3);
    expect(x.value(ROLLUP_SHEET.themes, walks[1], THEME_COLS.activities)).toBe(2);
    // A folder that holds the roll-up itself: the output is left out, another roll-up is named and skipped.
    copyFileSync(inside, join(inDir, 'kopia.xlsx'));
    const folder = capture();
    expect(await main(['rollup', inDir, '-o', inside], folder.io)).toBe(2);
    expect(folder.err).toContain(`Hoppar över ${join(inDir, 'kopia.xlsx')}: det är en sammanställning, ingen kommuns uppföljning.`);
    expect(folder.out.some((l) => l.startsWith(`Läste ${inside}`))).toBe(false);
    rmSync(join(inDir, 'kopia.xlsx'));
    rmSync(inside);
  });
});

describe('rollup exit codes and usage', () => {
  it('exits 0 when every file reads and no data has errors, 1 when some data has errors', async () => {
    expect(await main(['rollup', join(FIX, 'eksjo-2019.txt'), join(FIX, 'eskilstuna-2019.txt'), '-o', join(dir, 'a.xlsx')], capture().io)).toBe(0);
    const bad = join(dir, 'testby.txt');
    writeFileSync(bad, kommunFollowUpTsv(0, 10));
    const r = capture();
    expect(await main(['rollup', bad, join(FIX, 'eksjo-2019.txt'), '-o', join(dir, 'b.xlsx')], r.io)).toBe(1);
    expect(r.out[r.out.length - 1]).toMatch(/^1 fel i underlagen från 1 kommun: se Kontroller i underlagen\.$/);
  });

  it('finds Word documents in a folder too, and says so when a folder holds no follow-up', async () => {
    const words = join(dir, 'word');
    mkdirSync(words);
    copyFileSync(join(FIX, 'docx', 'eksjo-2019.docx'), join(words, 'eksjo-2019.docx'));
    writeFileSync(join(words, 'läsmig.md'), 'inte en uppföljning');
    const r = capture();
    expect(await main(['rollup', words, '-o', join(dir, 'word.xlsx')], r.io)).toBe(0);
    expect(r.out[0]).toBe(`Läste ${join(words, 'eksjo-2019.docx')}: Eksjö, 7 aktiviteter`);
    const empty = join(dir, 'tom-mapp');
    mkdirSync(empty);
    const e = capture();
    expect(await main(['rollup', empty, join(FIX, 'eksjo-2019.txt'), '-o', join(dir, 'f.xlsx')], e.io)).toBe(2);
    expect(e.err).toEqual([`Mappen "${empty}" innehåller inga uppföljningar (.txt, .tsv, .csv, .xlsx, .docx).`]);
  });

  it('says in Swedish what is missing, writes nothing when no file can be read, and exits 2', async () => {
    const noOut = capture();
    expect(await main(['rollup', inDir], noOut.io)).toBe(2);
    expect(noOut.err[0]).toMatch(/^Ange var sammanställningen ska skrivas: -o REGION\.xlsx/);
    const noFiles = capture();
    expect(await main(['rollup', '-o', join(dir, 'c.xlsx')], noFiles.io)).toBe(2);
    expect(noFiles.err[0]).toMatch(/^Ange uppföljningar att sammanställa/);
    const none = capture();
    const missing = join(dir, 'finns-inte.txt');
    expect(await main(['rollup', missing, '-o', join(dir, 'd.xlsx')], none.io)).toBe(2);
    expect(none.err).toEqual([`Hoppar över ${missing}: Filen "${missing}" finns inte.`, 'Ingen av filerna kunde läsas; ingen sammanställning skrevs.']);
    expect(existsSync(join(dir, 'd.xlsx'))).toBe(false);
    const badExt = capture();
    expect(await main(['rollup', inDir, '-o', join(dir, 'e.csv')], badExt.io)).toBe(2);
    expect(badExt.err[0]).toBe(`"${join(dir, 'e.csv')}" måste sluta på .xlsx.`);
  });
});
