// The CLI on Word documents: check and build accept .docx (findings name their Word position), rollup takes .docx files, bad files give one Swedish line and exit 2 with nothing written.
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runCheck } from '../../cli/commands/check';
import { runBuild } from '../../cli/commands/build';
import { main } from '../../cli/main';
import { gridFromDocx, readInput } from '../../cli/read-input';
import { importFollowUp } from '../../shared/import/import-follow-up';
import { DOCX } from '../../shared/i18n/sv-docx';
import { modelOf } from '../shared/docx/model-of';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'test', 'fixtures');
const DOCX_DIR = join(FIX, 'docx');
const NOW = new Date(2026, 10, 21, 12, 0, 0);

function capture() {
  let out = '';
  let err = '';
  return { io: { out: (s: string) => (out += `${s}\n`), err: (s: string) => (err += `${s}\n`) }, get out() { return out; }, get err() { return err; } };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docx-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check FILE.docx', () => {
  it.each(['eskilstuna-2019.docx', 'eskilstuna-2019.libreoffice.docx'])('%s: the same tables and statuses as the seed text, each finding with its Word position', async (file) => {
    const c = capture();
    expect(await runCheck([join(DOCX_DIR, file)], c.io)).toBe(0);
    expect(c.err).toBe('');
    expect(c.out).toMatch(/Eskilstuna 2019, redovisad period: Tertial 3/);
    expect(c.out).toMatch(/Trafikkontroll.*190\s+200 .*Ej uppnått/);
    expect(c.out).toMatch(/\[Varning\] B\d+ \(i Word: tabell \d+, rad 3, kolumn Tertial 1\) Händelsen Fröslunda 2019-05-02/);
    expect(c.out).toMatch(/\(i Word: stycke \d+\) Dokumentet .* säger att uppföljningen avser tertial 1/);
    // Every finding that names a cell names its Word position too.
    const findings = c.out.split('\n').filter((l) => /^ {2}\[(Fel|Varning|Info)\] [A-Z]+\d+/.test(l));
    expect(findings.length).toBeGreaterThan(3);
    for (const l of findings) expect(l).toMatch(/^ {2}\[\w+\] [A-Z]+\d+ \(i Word: (tabell \d+, rad \d+, kolumn .+?|stycke \d+)\) /);
    // The tables are the same as from the pasted text, findings aside (their cell addresses differ).
    const text = capture();
    await runCheck([join(FIX, 'eskilstuna-2019.txt')], text.io);
    const tables = (s: string) => s.slice(0, s.indexOf('Kontroller:'));
    expect(tables(c.out)).toBe(tables(text.out));
  });

  it('--json of a .docx is the follow-up of the seed text (cell addresses aside)', async () => {
    for (const seed of ['eksjo-2019', 'eskilstuna-2019']) {
      const grid = await readInput(join(DOCX_DIR, `${seed}.docx`));
      expect(grid.sheetName).toBe(`Underlag – ${seed}`);
      expect(modelOf(importFollowUp(grid))).toEqual(modelOf(importFollowUp(await readInput(join(FIX, `${seed}.txt`)))));
      const c = capture();
      expect(await runCheck([join(DOCX_DIR, `${seed}.docx`), '--json'], c.io)).toBe(0);
      expect(JSON.parse(c.out).kommun).toBe(seed === 'eksjo-2019' ? 'Eksjö' : 'Eskilstuna');
    }
  });
});

describe('build FILE.docx', () => {
  it('writes the workbook with the Word document as its source sheet "Underlag – <file>", cells as read', async () => {
    const out = join(dir, 'eksjo.xlsx');
    const c = capture();
    expect(await runBuild([join(DOCX_DIR, 'eksjo-2019.libreoffice.docx'), '-o', out], c.io, { now: NOW })).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Underlag – eksjo-2019.libreoffi', 'Medborgarlöften 2019', 'Händelser', 'Kontroller', 'Sammanfattning T3 2019']);
    const grid = await gridFromDocx(readFileSync(join(DOCX_DIR, 'eksjo-2019.libreoffice.docx')), 'eksjo-2019.libreoffice.docx');
    const ws = wb.worksheets[0];
    grid.values.forEach((r, i) => r.forEach((v, j) => {
      if (v !== null) expect(ws.getCell(i + 1, j + 1).value).toBe(v);
    }));
    expect(c.out).toMatch(/^Skrev /);
  });
});

describe('rollup of .docx files', () => {
  it('rolls up follow-ups given as Word documents', async () => {
    const out = join(dir, 'region.xlsx');
    const c = capture();
    const code = await main(['rollup', join(DOCX_DIR, 'eksjo-2019.docx'), join(DOCX_DIR, 'eskilstuna-2019.docx'), '-o', out], c.io);
    expect(c.err).toBe('');
    expect(code).toBeLessThan(2);
    expect(c.out).toMatch(/Eksjö/);
    expect(c.out).toMatch(/Eskilstuna/);
    expect(existsSync(out)).toBe(true);
  });
});

describe('Word files the CLI cannot read', () => {
  const cases: [string, () => string, (name: string) => string][] = [
    ['a Word 97–2003 .doc', () => join(DOCX_DIR, 'eksjo-2019.doc'), DOCX.errors.legacyDoc],
    ['a text file named .docx', () => {
      const p = join(dir, 'text.docx');
      writeFileSync(p, 'Aktivitet\tTertial 1\n');
      return p;
    }, DOCX.errors.notZip],
    ['an .xlsx renamed .docx', () => {
      const p = join(dir, 'blad.docx');
      writeFileSync(p, readFileSync(join(FIX, 'layouts', 'vimmerby-2023-summa-rad.xlsx')));
      return p;
    }, DOCX.errors.noDocument],
    ['an empty .docx', () => {
      const p = join(dir, 'tom.docx');
      writeFileSync(p, '');
      return p;
    }, DOCX.errors.empty],
  ];

  it.each(cases)('%s: one Swedish line, exit 2, no workbook written', async (_what, make, message) => {
    const file = make();
    const out = join(dir, `ut-${Math.random().toString(36).slice(2)}.xlsx`);
    const c = capture();
    expect(await main(['build', file, '-o', out], c.io)).toBe(2);
    expect(c.err).toBe(`${message(file)}\n`);
    expect(c.out).toBe('');
    expect(existsSync(out)).toBe(false);
    const k = capture();
    expect(await main(['check', file], k.io)).toBe(2);
    expect(k.err).toBe(`${message(file)}\n`);
  });

  it('as a process: no stack trace on stderr, exit code 2', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'cli', 'main.ts'), 'check', join(DOCX_DIR, 'eksjo-2019.doc')], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(DOCX.errors.legacyDoc(join(DOCX_DIR, 'eksjo-2019.doc')));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60000);
});
