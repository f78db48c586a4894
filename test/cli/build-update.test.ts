// `build NEW --update EXISTING.xlsx -o OUT.xlsx`: the year's walk through the CLI (a user edits the workbook between updates); nothing the user entered is lost, earlier summaries and the analysis stay.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runBuild } from '../../cli/commands/build';
import { gridFromXlsx } from '../../cli/read-input';
import type { FollowUp } from '../../shared/model/follow-up';
import { EVENTS_SHEET, FINDINGS_SHEET, readStructured, readSummaryAnalysis, structuredColumns, STRUCTURED_ROWS } from '../../shared/plan';
import { readImported } from '../../shared/update';
import { seedGrid } from '../support/seeds';
import { gridToTsv, lostEntries, NEW_TEXT, yearSources, type Entry } from '../shared/update/walk';

const NOW = new Date(2020, 0, 10, 12, 0, 0);
const c = structuredColumns(3);
const acts = (f: FollowUp) => f.promises.flatMap((p) => p.activities);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-update-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The structured sheet of a workbook file, read back as the CLI reads it. */
async function readBook(path: string): Promise<{ f: FollowUp; names: string[] }> {
  const data = readFileSync(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  const f = readStructured({
    structured: await gridFromXlsx(data, 'Medborgarlöften 2019', path),
    events: await gridFromXlsx(data, EVENTS_SHEET, path),
    findings: await gridFromXlsx(data, FINDINGS_SHEET, path),
  });
  return { f, names };
}

/** Edits a workbook as a user in Excel would: cells of activity rows by ID, and any cell of a sheet. */
async function edit(path: string, to: string, cells: { id?: string; sheet?: string; row?: number; col: number; value: string | number }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  for (const x of cells) {
    const ws = wb.getWorksheet(x.sheet ?? 'Medborgarlöften 2019')!;
    let row = x.row ?? 0;
    if (x.id) ws.eachRow((r, i) => { if (r.getCell(1).value === x.id) row = i - 1; });
    const cell = ws.getCell(row + 1, x.col + 1);
    cell.value = typeof x.value === 'string' && cell.value && x.col === c.comment ? `${cell.value}\n${x.value}` : x.value;
  }
  await wb.xlsx.writeFile(to);
}

describe('build --update through the year (Eksjö)', () => {
  it('T1 → edits → T2 → edits → T3: the user\'s entries stay, conflicts are printed and listed, T1 and T2 summaries stay, the analysis stays and leads the report', async () => {
    const { f1, counted, prose, source } = yearSources(seedGrid('eksjo-2019'));
    const src = (t: number) => {
      const p = join(dir, `eksjo-t${t}.txt`);
      writeFileSync(p, gridToTsv(source(t)));
      return p;
    };
    const io1 = capture();
    expect(await runBuild([src(1), '-o', join(dir, 'b1.xlsx')], io1.io, { now: NOW })).toBe(0);
    // The user after T1: raises a count, judges a counted and a prose-only activity, writes a comment.
    const raised = (counted[0].periods[0].value as number) + 10;
    await edit(join(dir, 'b1.xlsx'), join(dir, 'b1e.xlsx'), [
      { id: counted[0].id, col: c.periodStart, value: raised },
      { id: counted[1].id, col: c.judgement, value: 'Delvis uppnått' },
      { id: prose[0].id, col: c.judgement, value: 'Pågår' },
      { id: f1.promises[0].activities[0].id, col: c.comment, value: 'Vår kommentar efter tertial 1.' },
    ]);
    const entries: Entry[] = [
      { kind: 'count', id: counted[0].id, k: 0, value: raised },
      { kind: 'judgement', id: counted[1].id, value: 'partly-met' },
      { kind: 'judgement', id: prose[0].id, value: 'in-progress' },
      { kind: 'comment', id: f1.promises[0].activities[0].id, text: 'Vår kommentar efter tertial 1.' },
    ];

    const io2 = capture();
    expect(await runBuild([src(2), '--update', join(dir, 'b1e.xlsx'), '-o', join(dir, 'b2.xlsx'), '--html', join(dir, 'r2.html')], io2.io, { now: NOW })).toBe(0);
    expect(io2.err).toEqual([]);
    expect(io2.out.join('\n')).toMatch(/Uppdaterade Medborgarlöften 2019: 1 ny aktivitet, \d+ ifyllda celler, \d+ (ändrad cell|ändrade celler), 1 konflikt, 1 aktivitet saknas i underlaget\./);
    expect(io2.out.join('\n')).toContain(`Konflikter (bladets värden behölls; se bladet Kontroller):`);
    expect(io2.out.join('\n')).toContain(`bladet har ca ${raised}, den nya versionen av underlaget ${raised - 9}`);
    expect(io2.out.join('\n')).toContain('Behöll tidigare sammanfattningar: Sammanfattning T1 2019.');
    const b2 = await readBook(join(dir, 'b2.xlsx'));
    expect(lostEntries(b2.f, entries)).toEqual([]);
    expect(b2.f.reportedPeriod).toBe(2);
    expect(b2.names).toEqual(expect.arrayContaining(['Underlag', 'Underlag 2', 'Medborgarlöften 2019', 'Händelser', 'Kontroller', 'Sammanfattning T1 2019', 'Sammanfattning T2 2019']));
    expect(b2.f.findings.some((x) => x.code === 'update-conflict')).toBe(true);
    expect(acts(b2.f).some((a) => a.text === NEW_TEXT)).toBe(true);
    // The Importerat cells now say what the T2 source said.
    const g2 = await gridFromXlsx(readFileSync(join(dir, 'b2.xlsx')), 'Medborgarlöften 2019', 'b2');
    expect(readImported(g2).records[counted[0].id].counts[0]).toBe(raised - 9);
    expect(readImported(g2).period).toBe(2);

    // The user after T2: an analysis on the T2 summary, a judgement on the new activity; then moves to T3.
    const added = acts(b2.f).find((a) => a.text === NEW_TEXT)!;
    const analysisRow = (await gridFromXlsx(readFileSync(join(dir, 'b2.xlsx')), 'Sammanfattning T2 2019', 'b2')).values.findIndex((r) => r[0] === 'Sammanfattande analys') + 1;
    await edit(join(dir, 'b2.xlsx'), join(dir, 'b2e.xlsx'), [
      { sheet: 'Sammanfattning T2 2019', row: analysisRow, col: 0, value: 'Halvvägs: det mesta enligt plan.' },
      { id: added.id, col: c.judgement, value: 'Genomförd' },
    ]);
    entries.push({ kind: 'judgement', id: added.id, value: 'done' });

    const io3 = capture();
    expect(await runBuild([src(3), '--update', join(dir, 'b2e.xlsx'), '-o', join(dir, 'b3.xlsx'), '--html', join(dir, 'r3.html')], io3.io, { now: NOW })).toBe(0);
    const b3 = await readBook(join(dir, 'b3.xlsx'));
    expect(lostEntries(b3.f, entries)).toEqual([]);
    expect(b3.f.reportedPeriod).toBe(3);
    expect(b3.names).toEqual(expect.arrayContaining(['Sammanfattning T1 2019', 'Sammanfattning T2 2019', 'Sammanfattning T3 2019', 'Underlag 3']));
    const data3 = readFileSync(join(dir, 'b3.xlsx'));
    expect(readSummaryAnalysis(await gridFromXlsx(data3, 'Sammanfattning T2 2019', 'b3'))).toBe('Halvvägs: det mesta enligt plan.');
    expect(readSummaryAnalysis(await gridFromXlsx(data3, 'Sammanfattning T3 2019', 'b3'))).toBeNull();
    // The judged statuses say so in the report; the user's comment is printed.
    const html3 = readFileSync(join(dir, 'r3.html'), 'utf8');
    expect(html3).toContain('Vår kommentar efter tertial 1.');
    expect(html3).toContain('(bedömd');

    // The T3 summary made again (the same source read in again into its own output) keeps the analysis written on it, and the report prints it first.
    const t3Row = (await gridFromXlsx(data3, 'Sammanfattning T3 2019', 'b3')).values.findIndex((r) => r[0] === 'Sammanfattande analys') + 1;
    await edit(join(dir, 'b3.xlsx'), join(dir, 'b3e.xlsx'), [{ sheet: 'Sammanfattning T3 2019', row: t3Row, col: 0, value: 'Året i korthet: målen nåddes.' }]);
    const io4 = capture();
    expect(await runBuild([src(3), '--update', join(dir, 'b3e.xlsx'), '-o', join(dir, 'b3e.xlsx'), '--html', join(dir, 'r4.html')], io4.io, { now: NOW })).toBe(0);
    expect(io4.out.join('\n')).toMatch(/0 nya aktiviteter, 0 ifyllda celler, 0 ändrade celler/);
    const data4 = readFileSync(join(dir, 'b3e.xlsx'));
    expect(readSummaryAnalysis(await gridFromXlsx(data4, 'Sammanfattning T3 2019', 'b4'))).toBe('Året i korthet: målen nåddes.');
    const html4 = readFileSync(join(dir, 'r4.html'), 'utf8');
    expect(html4.indexOf('Året i korthet: målen nåddes.')).toBeGreaterThan(0);
    expect(html4.indexOf('Året i korthet: målen nåddes.')).toBeLessThan(html4.indexOf('Översikt'));
    expect(lostEntries((await readBook(join(dir, 'b3e.xlsx'))).f, entries)).toEqual([]);
  });

  it('the reported period the user set stays when the newer source says another, and the conflict names B4', async () => {
    const { source } = yearSources(seedGrid('eksjo-2019'));
    writeFileSync(join(dir, 'p1.txt'), gridToTsv(source(1)));
    writeFileSync(join(dir, 'p2.txt'), gridToTsv(source(2)));
    await runBuild([join(dir, 'p1.txt'), '-o', join(dir, 'p1.xlsx')], capture().io, { now: NOW });
    await edit(join(dir, 'p1.xlsx'), join(dir, 'p1e.xlsx'), [{ row: STRUCTURED_ROWS.reported, col: 1, value: 3 }]);
    const io = capture();
    expect(await runBuild([join(dir, 'p2.txt'), '--update', join(dir, 'p1e.xlsx'), '-o', join(dir, 'p2.xlsx')], io.io, { now: NOW })).toBe(0);
    const { f, names } = await readBook(join(dir, 'p2.xlsx'));
    expect(f.reportedPeriod).toBe(3);
    expect(f.findings.find((x) => x.code === 'update-conflict' && x.cell === 'B4')?.message).toContain('Redovisad period');
    expect(names).toContain('Sammanfattning T3 2019');
  });
});

describe('build --update: bad input', () => {
  it('a missing workbook, one without a structured sheet, another kommun: one Swedish line and exit code 2, nothing written', async () => {
    const src = join(dir, 'eskil.txt');
    writeFileSync(src, gridToTsv(seedGrid('eskilstuna-2019')));
    const missing = capture();
    expect(await runBuild([src, '--update', join(dir, 'finns-inte.xlsx'), '-o', join(dir, 'x.xlsx')], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toContain('finns inte');
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Blad1').getCell('A1').value = 'hej';
    await plain.xlsx.writeFile(join(dir, 'plain.xlsx'));
    const none = capture();
    expect(await runBuild([src, '--update', join(dir, 'plain.xlsx'), '-o', join(dir, 'x.xlsx')], none.io)).toBe(2);
    expect(none.err.join('\n')).toContain('har inget strukturerat blad');
    writeFileSync(join(dir, 'eksjo.txt'), gridToTsv(seedGrid('eksjo-2019')));
    await runBuild([join(dir, 'eksjo.txt'), '-o', join(dir, 'eksjo.xlsx')], capture().io);
    const other = capture();
    expect(await runBuild([src, '--update', join(dir, 'eksjo.xlsx'), '-o', join(dir, 'x.xlsx')], other.io)).toBe(2);
    expect(other.err.join('\n')).toMatch(/Uppdateringen gick inte: Bladet gäller Eksjö 2019 och underlaget Eskilstuna 2019/);
    expect(other.err.join('\n')).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});
