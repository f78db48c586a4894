// The `check` command: text and JSON output, exit codes, and every input format (.txt, .csv, .xlsx, Windows-1252).
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runCheck } from '../../cli/commands/check';
import { CheckJsonSchema } from '../../cli/commands/check-json';
import { gridFromXlsx } from '../../cli/read-input';
import { seedText } from '../support/seeds';

const fixtures = join(__dirname, '..', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'check-'));

type J = { promises: { activities: { text: string; total: number | null }[] }[] };
const act = (json: J, prefix: string) => json.promises.flatMap((p) => p.activities).find((a) => a.text.startsWith(prefix));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCheck(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

test('prints each promise as a table with 479 (1019)-style cells, statuses and findings; exit 0', async () => {
  const r = await run([join(fixtures, 'eskilstuna-2019.txt')]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Eskilstuna 2019, redovisad period: Tertial 3/);
  expect(r.out).toMatch(/479 \(1019\)\s+451 \(1470\)\s+1470/);
  expect(r.out).toMatch(/Trafikkontroll.*190\s+200 .*Ej uppnått/);
  expect(r.out).toMatch(/\[Varning\] B119 Händelsen Fröslunda 2019-05-02/);
});

test('--json prints only the documented JSON', async () => {
  const r = await run([join(fixtures, 'eksjo-2019.txt'), '--json']);
  const json = CheckJsonSchema.parse(JSON.parse(r.out));
  expect(json.kommun).toBe('Eksjö');
  expect(json.reportedPeriod).toBe(3);
  const a = json.promises[1].activities[0];
  expect(a.periods.map((p) => p.value)).toEqual([6, 5, 3]);
  expect(a.goal).toMatchObject({ op: '>=', value: 10 });
  expect(a.status).toBe('met');
});

test('--period overrides the reported period', async () => {
  const r = await run([join(fixtures, 'eskilstuna-2019.txt'), '--json', '--period', '2']);
  const json = JSON.parse(r.out);
  expect(json.reportedPeriod).toBe(2);
});

test('semicolon CSV as Swedish Excel exports it', async () => {
  const csv = seedText('eksjo-2019')
    .split('\n')
    .map((l) => l.split('\t').map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))
    .join('\r\n');
  const p = join(tmp, 'eksjo.csv');
  writeFileSync(p, csv);
  const json = JSON.parse((await run([p, '--json'])).out);
  expect(act(json, 'Genomföra minst tio')?.total).toBe(14);
});

test('Windows-1252 text files are decoded (å ä ö survive)', async () => {
  const text = seedText('eksjo-2019');
  const bytes = Buffer.from([...text].map((ch) => ({ å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9 } as Record<string, number>)[ch] ?? (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 0x3f)));
  const p = join(tmp, 'eksjo-1252.txt');
  writeFileSync(p, bytes);
  const json = JSON.parse((await run([p, '--json'])).out);
  expect(json.kommun).toBe('Eksjö');
  expect(act(json, 'Genomföra minst tio')?.total).toBe(14);
});

test('.xlsx: first sheet or --sheet', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Annat').addRow(['inget här']);
  const ws = wb.addWorksheet('Uppföljning');
  for (const line of seedText('eskilstuna-2019').split('\n')) ws.addRow(line.split('\t').map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
  const p = join(tmp, 'eskilstuna.xlsx');
  await wb.xlsx.writeFile(p);
  const json = JSON.parse((await run([p, '--json', '--sheet', 'Uppföljning'])).out);
  expect(json.promises[0].activities[0].total).toBe(1470);
  const bad = await run([p, '--sheet', 'Finns inte']);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/Bladet "Finns inte" finns inte. Bladen heter: Annat, Uppföljning/);
});

test('.xlsx: a date cell reads as its day, YYYY-MM-DD, in every time zone (not as local time)', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Uppföljning');
  ws.addRow(['Aktivitet', 'Datum', 'Dagen efter']);
  ws.addRow(['Trygghetsvandring', new Date(Date.UTC(2019, 10, 8)), { formula: 'B2+1', result: new Date(Date.UTC(2019, 10, 9)) }]);
  for (const a of ['B2', 'C2']) ws.getCell(a).numFmt = 'yyyy-mm-dd';
  const g = await gridFromXlsx(Buffer.from(await wb.xlsx.writeBuffer()), undefined, 'datum.xlsx');
  expect({ values: g.values[1].slice(1), texts: g.texts![1].slice(1) }).toEqual({ values: ['2019-11-08', '2019-11-09'], texts: ['2019-11-08', '2019-11-09'] });
});

test('exit 1 when the data has errors (a running total that does not add up)', async () => {
  const p = join(tmp, 'wrong.tsv');
  writeFileSync(p, 'Löfte 1\n- Att genomföra minst 10 kontroller\n\nAktivitet\tTertial 1\tTertial 2\nKontroller\t5\t4 (10)\n');
  const r = await run([p]);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/\[Fel\] C5 Cellen C5 anger den löpande summan 10, men summan av Tertial 1 \+ Tertial 2 blir 9/);
});

test('exit 2 with a Swedish message and no stack trace for missing files, bad formats and bad usage', () => {
  const cli = (args: string[]) => spawnSync('npx', ['tsx', 'cli/main.ts', ...args], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
  const missing = cli(['check', 'finns-inte.txt']);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toMatch(/Filen "finns-inte.txt" finns inte/);
  expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/);
  const pdf = join(tmp, 'x.pdf');
  writeFileSync(pdf, '%PDF');
  expect(cli(['check', pdf]).stderr).toMatch(/stöds inte/);
  const corrupt = join(tmp, 'x.xlsx');
  writeFileSync(corrupt, 'not a zip');
  const c = cli(['check', corrupt]);
  expect(c.status).toBe(2);
  expect(c.stderr).toMatch(/ingen giltig Excel-arbetsbok/);
  const usage = cli(['check', join(fixtures, 'eksjo-2019.txt'), '--period', 'tre']);
  expect(usage.status).toBe(2);
  expect(usage.stderr).toMatch(/Ogiltig period "tre"/);
  void execFileSync;
});

test('docs/check-output.schema.json is the current JSON Schema of the output and validates it', async () => {
  const { checkJsonSchemaDocument } = await import('../../cli/commands/check-json');
  const committed = JSON.parse(require('fs').readFileSync(join(__dirname, '..', '..', 'docs', 'check-output.schema.json'), 'utf8'));
  expect(committed).toEqual(JSON.parse(JSON.stringify(checkJsonSchemaDocument())));
  const r = await run([join(fixtures, 'eskilstuna-2019.txt'), '--json']);
  const json = JSON.parse(r.out);
  for (const key of committed.required as string[]) expect(json).toHaveProperty(key);
});
