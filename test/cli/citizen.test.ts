// `build … --citizen OUT.html --citizen-docx OUT.docx` writes the citizen version beside the workbook; bad paths give a Swedish line and exit 2.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { runBuild } from '../../cli/commands/build';
import { main } from '../../cli/main';
import { CLI } from '../../shared/i18n/sv-cli';

const FIX = join(__dirname, '..', 'fixtures');
const NOW = new Date(2026, 10, 21, 12, 0, 0);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'citizen-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build --citizen', () => {
  it('writes the citizen page and .docx of the follow-up as read back from the structured sheet', async () => {
    const c = capture();
    const html = join(dir, 'ut', 'eskilstuna-medborgare.html');
    const docx = join(dir, 'ut', 'eskilstuna-medborgare.docx');
    const code = await runBuild([join(FIX, 'eskilstuna-2019.txt'), '-o', join(dir, 'e.xlsx'), '--citizen', html, '--citizen-docx', docx], c.io, { now: NOW });
    expect(code).toBe(0);
    expect(c.err).toEqual([]);
    expect(c.out.some((l) => l.startsWith(`Skrev ${html} (`) && l.endsWith('; medborgarversion, webbsida)'))).toBe(true);
    expect(c.out.some((l) => l.startsWith(`Skrev ${docx} (`) && l.endsWith('; medborgarversion, Word)'))).toBe(true);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(page).toContain('<h1>Medborgarlöften i Eskilstuna 2019</h1>');
    expect(page).toContain('Texten är gjord ur uppföljningen den 21 november 2026.');
    expect(page).toContain('Det blev 190 trafik- och trafikrelaterade kontroller. Målet var 200. Det saknas tio.');
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('Medborgarlöften i Eskilstuna 2019');
  });

  it('writes only the page when only --citizen is given, through the CLI entry point', async () => {
    const c = capture();
    const html = join(dir, 'eksjo.html');
    const code = await main(['build', join(FIX, 'eksjo-2019.txt'), '-o', join(dir, 'k.xlsx'), '--citizen', html], c.io);
    expect(code).toBe(0);
    expect(existsSync(html)).toBe(true);
    expect(existsSync(join(dir, 'eksjo.docx'))).toBe(false);
    expect(readFileSync(html, 'utf8')).toContain('Vi gav två löften.');
  });

  it('refuses a wrong extension or a missing path with one Swedish line and exit 2, writing nothing', async () => {
    const c1 = capture();
    expect(await runBuild([join(FIX, 'eksjo-2019.txt'), '-o', join(dir, 'x.xlsx'), '--citizen', join(dir, 'x.pdf')], c1.io, { now: NOW })).toBe(2);
    expect(c1.err.join('\n')).toContain('måste sluta på .html');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    const c2 = capture();
    expect(await runBuild([join(FIX, 'eksjo-2019.txt'), '-o', join(dir, 'y.xlsx'), '--citizen-docx', join(dir, 'y.html')], c2.io, { now: NOW })).toBe(2);
    expect(c2.err.join('\n')).toContain('måste sluta på .docx');
    const c3 = capture();
    expect(await runBuild([join(FIX, 'eksjo-2019.txt'), '-o', join(dir, 'z.xlsx'), '--citizen'], c3.io, { now: NOW })).toBe(2);
    expect(c3.err.join('\n')).toContain('Alternativet --citizen behöver ett värde.');
  });

  it('is in the usage text', () => {
    expect(CLI.usage).toContain('--citizen UT.html');
    expect(CLI.usage).toContain('--citizen-docx UT.docx');
  });
});
