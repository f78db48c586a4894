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
import { planImportSheets } from '../../shared/plan';
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

describe('runBuild', () => {
  it('writes the workbook and the report and says what it wrote (exit 0)', async () => {
    const { io, out, err } = capture();
    const xlsx = join(dir, 'sub', 'eskilstuna.xlsx');
    const docx = join(dir, 'sub', 'eskilstuna.docx');
    const code = await runBuild([join(FIX, 'eskilstuna-2019.txt'), '-o', xlsx, '--docx', docx], io, { now: NOW });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Skrev .*eskilstuna\.xlsx \(\d+,\d kB; blad: Medborgarlöften 2019, Händelser, Kontroller, Sammanfattning T3 2019\)$/);
    expect(out[1]).toMatch(/^Skrev .*eskilstuna\.docx \(\d+,\d kB; rapport\)$/);
    expect(out[2]).toMatch(/^Inga fel i underlaget \(\d+ anmärkningar/);
    expect(statSync(xlsx).size).toBeGreaterThan(5000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Medborgarlöften 2019', 'Händelser', 'Kontroller', 'Sammanfattning T3 2019']);
    const summary = wb.getWorksheet('Sammanfattning T3 2019')!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => texts.push(typeof c.value === 'string' ? c.value : '')));
    expect(texts.some((t) => t.startsWith('Uppföljning av medborgarlöften – Eskilstuna 2019'))).toBe(true);
    expect(texts).toContain('Ej uppnått');
    const doc = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(doc).toContain('Sammanställd 2026-11-21');
    // The report is built from the structured sheet read back, and still shows running totals as written.
    expect(doc).toContain('479 (1019)');
    expect(doc).toContain('Ej uppnått (95 %)');
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
