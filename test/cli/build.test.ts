// `build` and `demo`: import → sheets → .xlsx and .docx on disk, Swedish messages and exit codes 0/1/2, never a stack trace.
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildFromGrid, hostGridFromPlan, runBuild } from '../../cli/commands/build';
import { runDemo } from '../../cli/commands/demo';
import { main } from '../../cli/main';
import { isGeneratedSheet } from '../../shared/app/generated-sheets';
import { planImportSheets, sourceSheetName } from '../../shared/plan';
import { seedGrid, seedText } from '../support/seeds';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'test', 'fixtures');
const NOW = new Date(2026, 10, 21, 12, 0, 0);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildFromGrid', () => {
  it('reads the structured sheet back into the same statuses and totals the import computed (both seeds)', () => {
    for (const seed of ['eksjo-2019', 'eskilstuna-2019']) {
      const r = buildFromGrid(seedGrid(seed), { generatedAt: '2026-11-21' });
      const pick = (f: typeof r.followUp) => f.promises.flatMap((p) => p.activities.map((a) => [a.id, a.text, a.total, a.share, a.status, a.periods.map((q) => q.value)]));
      expect(pick(r.followUp)).toEqual(pick(r.imported));
      expect(r.followUp.reportedPeriod).toBe(3);
      expect(r.plans.map((p) => p.kind)).toEqual(['structured', 'events', 'findings', 'summary']);
      expect([r.source.sheetName, r.imported.sheetName, r.source.values]).toEqual([seed, seed, seedGrid(seed).values]);
      expect(r.report.title).toBe(`Uppföljning av medborgarlöften – ${r.imported.kommun} 2019`);
    }
  });

  it('hands readStructured computed values for formula cells, with "ca"/"minst" display texts', () => {
    const r = buildFromGrid(seedGrid('eksjo-2019'), { generatedAt: '2026-11-21' });
    const plan = planImportSheets(r.imported)[0];
    const g = hostGridFromPlan(plan, r.imported);
    const flat = g.values.flat();
    expect(flat.some((v) => v !== null && typeof v === 'object')).toBe(false);
    expect(flat).toContain('Uppnått');
    expect(g.texts!.flat()).toContain('ca 20');
    expect(g.texts!.flat()).toContain('minst ca 10');
  });
});

describe('sourceSheetName', () => {
  it('keeps a valid name, makes an invalid one valid, and falls back to "Underlag"', () => {
    expect(sourceSheetName('Blad1')).toBe('Blad1');
    expect(sourceSheetName('Uppföljning: T1/T2 [utkast]?')).toBe('Uppföljning T1 T2 utkast');
    expect(sourceSheetName("'citat'")).toBe('citat');
    expect(sourceSheetName('x'.repeat(40))).toHaveLength(31);
    expect(sourceSheetName(null)).toBe('Underlag');
    expect(sourceSheetName('  ')).toBe('Underlag');
    expect(sourceSheetName('Kontroller', isGeneratedSheet)).toBe('Underlag');
    expect(sourceSheetName('Underlag', (n) => n === 'Underlag')).toBe('Underlag 2');
  });
});

describe('runBuild', () => {
  it('writes the workbook and the report and says what it wrote (exit 0)', async () => {
    const { io, out, err } = capture();
    const xlsx = join(dir, 'sub', 'eskilstuna.xlsx');
    const docx = join(dir, 'sub', 'eskilstuna.docx');
    const code = await runBuild([join(FIX, 'eskilstuna-2019.txt'), '-o', xlsx, '--docx', docx], io, { now: NOW });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Skrev .*eskilstuna\.xlsx \(\d+,\d kB; blad: Underlag, Medborgarlöften 2019, Händelser, Kontroller, Sammanfattning T3 2019\)$/);
    expect(out[1]).toMatch(/^Skrev .*eskilstuna\.docx \(\d+,\d kB; rapport\)$/);
    expect(out[2]).toMatch(/^Inga fel i underlaget \(\d+ anmärkningar/);
    expect(statSync(xlsx).size).toBeGreaterThan(5000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Underlag', 'Medborgarlöften 2019', 'Händelser', 'Kontroller', 'Sammanfattning T3 2019']);
    const summary = wb.getWorksheet('Sammanfattning T3 2019')!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => texts.push(typeof c.value === 'string' ? c.value : '')));
    expect(texts.some((t) => t.startsWith('Uppföljning av medborgarlöften – Eskilstuna 2019'))).toBe(true);
    expect(texts).toContain('Ej uppnått');
    // Totalt and a plain period count are numbers with a number format in the file, not numbers stored as text.
    const header = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Aktivitet')!;
    const totalCol = (header.values as unknown[]).indexOf('Totalt');
    const nark = summary.getRows(1, summary.rowCount)!.find((r) => String(r.getCell(1).value).startsWith('Ingripande narkotikabrott'))!;
    expect([nark.getCell(2).value, nark.getCell(2).numFmt, nark.getCell(totalCol).value, nark.getCell(totalCol).type]).toEqual([540, '# ##0', 1470, ExcelJS.ValueType.Number]);
    const doc = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(doc).toContain('Sammanställd 2026-11-21');
    // The report is built from the structured sheet read back, and still shows running totals as written.
    expect(doc).toContain('479 (1019)');
    expect(doc).toContain('Ej uppnått (95 %)');
  });

  it('puts the source sheet first, as read, so every link of Kontroller lands on the cell it names', async () => {
    const src = join(dir, 'hostile.txt');
    // A seed with text that looks like formulas: it must reach the copied sheet as text.
    writeFileSync(src, `${seedText('eskilstuna-2019').replace(/\n?$/, '\n')}=SUM(A1:A3)\t+46 70\t-5 st\t@kommun\n`);
    const xlsx = join(dir, 'hostile.xlsx');
    const { io } = capture();
    expect(await runBuild([src, '-o', xlsx], io, { now: NOW })).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const source = wb.worksheets[0];
    expect(source.name).toBe('Underlag');
    const grid = seedGrid('eskilstuna-2019');
    // Every cell of the source holds what the grid held.
    grid.values.forEach((row, r) => row.forEach((v, c) => expect([r, c, source.getCell(r + 1, c + 1).value ?? '']).toEqual([r, c, v ?? ''])));
    const last = grid.values.length + 1;
    expect([1, 2, 3, 4].map((c) => source.getCell(last, c).value)).toEqual(['=SUM(A1:A3)', '+46 70', '-5 st', '@kommun']);
    expect(source.getCell(last, 1).formula).toBeUndefined();
    const zip = await JSZip.loadAsync(readFileSync(xlsx));
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('<f>');
    // Kontroller's links: findings and other text link to cells of the source sheet that hold text.
    const kontroller = wb.getWorksheet('Kontroller')!;
    const links: string[] = [];
    kontroller.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value as { hyperlink?: string } | null;
      if (v && typeof v === 'object' && typeof v.hyperlink === 'string') links.push(v.hyperlink);
    }));
    const toSource = links.filter((l) => l.startsWith("#'Underlag'!"));
    expect(toSource.length).toBeGreaterThan(50);
    for (const l of toSource) expect(String(source.getCell(l.slice("#'Underlag'!".length)).value ?? '').trim()).not.toBe('');
    expect(links).toContain("#'Underlag'!A134");
    expect(source.getCell('A134').value).toBe('STORM: 701 händelserapporter - 701 prickar i kartan (0 saknar koordinater)');
  });

  it('an .xlsx source keeps its sheet name in the workbook; a name of a generated sheet or none becomes "Underlag"', async () => {
    const make = async (name: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(name);
      seedGrid('eksjo-2019').values.forEach((row, r) => row.forEach((v, c) => { if (v !== null && v !== '') ws.getCell(r + 1, c + 1).value = v; }));
      const path = join(dir, `${name.replace(/\W/g, '_')}.xlsx`);
      await wb.xlsx.writeFile(path);
      return path;
    };
    for (const [name, want] of [['Uppföljning T3', 'Uppföljning T3'], ['Kontroller', 'Underlag'], ['Medborgarlöften 2019', 'Underlag']]) {
      const out = join(dir, `named-${want}.xlsx`);
      const { io, err } = capture();
      expect(await runBuild([await make(name), '-o', out], io, { now: NOW })).toBe(0);
      expect(err).toEqual([]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets.map((w) => w.name)).toEqual([want, 'Medborgarlöften 2019', 'Händelser', 'Kontroller', 'Sammanfattning T3 2019']);
      expect(wb.getWorksheet('Medborgarlöften 2019')!.getCell('E3').value).toBe(want);
    }
  });

  it('builds an earlier tertial with --period', async () => {
    const { io, out } = capture();
    const code = await runBuild([join(FIX, 'eksjo-2019.txt'), '-o', join(dir, 'eksjo-t2.xlsx'), '--period', '2'], io, { now: NOW });
    expect(code).toBe(0);
    expect(out[0]).toContain('Sammanfattning T2 2019');
  });

  it('exits 1 when the source holds errors (a running total that does not add up)', async () => {
    const src = join(dir, 'wrong-total.txt');
    writeFileSync(src, seedText('eskilstuna-2019').replace('479 (1019)', '479 (1090)'));
    const { io, out } = capture();
    const code = await runBuild([src, '-o', join(dir, 'wrong.xlsx')], io, { now: NOW });
    expect(code).toBe(1);
    expect(out[out.length - 1]).toMatch(/^1 fel och \d+ andra anmärkningar/);
    expect(existsSync(join(dir, 'wrong.xlsx'))).toBe(true);
  });

  it.each([
    [['-o', 'x.xlsx'], /Ange en fil/],
    [[join(FIX, 'eksjo-2019.txt')], /Ange var arbetsboken ska skrivas: -o UT\.xlsx/],
    [[join(FIX, 'eksjo-2019.txt'), '-o', 'ut.csv'], /"ut\.csv" måste sluta på \.xlsx/],
    [[join(FIX, 'eksjo-2019.txt'), '-o', 'ut.xlsx', '--docx', 'ut.pdf'], /"ut\.pdf" måste sluta på \.docx/],
    [[join(FIX, 'eksjo-2019.txt'), '-o', 'ut.xlsx', '--period', 'tre'], /Ogiltig period "tre"/],
    [[join(FIX, 'eksjo-2019.txt'), '-o', 'ut.xlsx', '--frobnicate'], /Okänt alternativ "--frobnicate"/],
    [['/nonexistent/underlag.txt', '-o', 'ut.xlsx'], /Filen "\/nonexistent\/underlag\.txt" finns inte/],
  ])('exits 2 with a Swedish message on bad usage %j', async (args, message) => {
    const { io, out, err } = capture();
    expect(await runBuild(args as string[], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(message);
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming the file when the output cannot be written', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const { io, err } = capture();
    expect(await runBuild([join(FIX, 'eksjo-2019.txt'), '-o', join(blocker, 'ut.xlsx')], io)).toBe(2);
    expect(err[0]).toMatch(/^Kunde inte skriva ".*a-file\/ut\.xlsx": /);
  });
});

describe('runDemo and main', () => {
  it('demo builds both seeds into workbook, report and preview and prints sizes', async () => {
    const outDir = join(dir, 'demo');
    const { io, out, err } = capture();
    expect(await runDemo(['--out', outDir], io, { now: NOW })).toBe(0);
    expect(err).toEqual([]);
    for (const seed of ['eksjo-2019', 'eskilstuna-2019']) {
      for (const ext of ['xlsx', 'docx', 'html']) expect(statSync(join(outDir, `${seed}.${ext}`)).size).toBeGreaterThan(3000);
      expect(out).toContain(`== ${seed} ==`);
    }
    expect(out.filter((l) => /^ {2}Skrev .* \(\d+,\d kB; /.test(l))).toHaveLength(6);
    expect(out[out.length - 1]).toMatch(/^Klart\. Öppna filerna i /);
  });

  it('main dispatches help, unknown commands and empty argv with the right exit codes', async () => {
    const a = capture();
    expect(await main(['--help'], a.io)).toBe(0);
    expect(a.out[0]).toMatch(/^Användning:/);
    expect(a.out[0]).toContain('build FIL -o UT.xlsx');
    const b = capture();
    expect(await main([], b.io)).toBe(2);
    expect(b.err[0]).toMatch(/^Användning:/);
    const c = capture();
    expect(await main(['bygg'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^Okänt alternativ "bygg"/);
  });

  it('the real process prints a Swedish message and no stack trace for unreadable input', () => {
    const bad = join(dir, 'trasig.xlsx');
    writeFileSync(bad, 'detta är ingen arbetsbok');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'cli/main.ts', 'build', bad, '-o', join(dir, 'x.xlsx')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`Filen "${bad}" är ingen giltig Excel-arbetsbok (.xlsx).`);
  });
});
