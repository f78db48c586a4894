// renderDocHtml: the report as the HTML Drive converts into a Google Doc; sheet text stays text, status colours inline, charts as text bars.
import { buildReport } from '../../../shared/report';
import { renderDocHtml, textBar, docCharacters, DOC_CHARACTER_LIMIT } from '../../../shared/report/render-doc-html';
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { STATUS_COLOUR } from '../../../shared/i18n/sv';
import { eskilstunaSample } from '../../support/sample-follow-ups';
import { docFromHtml, docText } from '../../support/gas-drive-fake';

const XSS = '<img src=x onerror=alert(1)>';
const opts = { generatedAt: '2026-11-21' };

describe('renderDocHtml', () => {
  it('keeps hostile sheet text as text (the kommun, a promise)', () => {
    const f = eskilstunaSample();
    const hostile = FollowUpSchema.parse({
      ...f,
      kommun: `${XSS}"&'`,
      promises: f.promises.map((p, i) => ({ ...p, text: i === 0 ? `${XSS} <script>alert(2)</script>` : p.text })),
    });
    const html = renderDocHtml(buildReport(hostile, opts));
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
    // What Docs makes of it holds the text as the user typed it.
    expect(docText(docFromHtml(html))).toContain(`${XSS} <script>alert(2)</script>`);
  });

  it('gives every block of the report to the Doc in order: headings, paragraphs, tables with status colours, charts as text bars', () => {
    const report = buildReport(eskilstunaSample(), opts);
    const body = docFromHtml(renderDocHtml(report));
    type Want = { text?: string; heading?: string; cells?: string[][] };
    const want = report.blocks.flatMap((b): Want[] => {
      if (b.type === 'heading') return [{ text: b.text, heading: `HEADING${b.level}` }];
      if (b.type === 'paragraph') return [{ text: b.text, heading: undefined }];
      if (b.type === 'table') return [{ cells: [b.header, ...b.rows.map((r) => r.map((c) => c.text))] }];
      return [{ text: b.title, heading: 'HEADING3' }, ...(b.bars.length ? [{ cells: b.bars.map((x) => [x.label, textBar(x.share), x.text]) }] : [])];
    });
    expect(body.map((c) => (c.type === 'TABLE' ? { cells: c.cells } : { text: c.text, heading: c.heading }))).toEqual(want);
    const table = report.blocks.find((b) => b.type === 'table' && b.rows.some((r) => r.some((c) => c.status)));
    expect(table).toBeDefined();
    const t = body.find((c) => c.type === 'TABLE' && c.cells![0].join() === (table as { header: string[] }).header.join())!;
    (table as { rows: { status: keyof typeof STATUS_COLOUR | null }[][] }).rows.forEach((r, i) => r.forEach((c, j) => {
      if (c.status) expect([t.fills![`${i + 1},${j}`], t.fonts![`${i + 1},${j}`]]).toEqual([STATUS_COLOUR[c.status].fill, STATUS_COLOUR[c.status].font]);
    }));
    expect(renderDocHtml(report)).not.toMatch(/<svg|<style|class=/);
  });

  it('draws a bar of 20 blocks, full at the goal and beyond', () => {
    expect([textBar(0), textBar(0.5), textBar(1), textBar(3)]).toEqual(['░'.repeat(20), '█'.repeat(10) + '░'.repeat(10), '█'.repeat(20), '█'.repeat(20)]);
  });

  it('counts the characters the Doc will hold, against Google Docs\' 1.02 million', () => {
    const report = buildReport(eskilstunaSample(), opts);
    const text = docText(docFromHtml(renderDocHtml(report))).replace(/[\n\t]/g, '');
    expect(Math.abs(docCharacters(report) - text.length)).toBeLessThan(text.length * 0.05);
    expect(DOC_CHARACTER_LIMIT).toBe(1_020_000);
  });
});
