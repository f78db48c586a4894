// renderHtml draws the report as one self-contained HTML page in which sheet text can never become markup.
import { buildReport, renderHtml } from '../../../shared/report';
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { STATUS_COLOUR } from '../../../shared/i18n/sv';
import { eskilstunaSample } from '../../support/sample-follow-ups';
import { importSeed } from '../../support/seeds';

const XSS = '<img src=x onerror=alert(1)>';
const opts = { generatedAt: '2026-11-21' };

/** The Eskilstuna sample with hostile text in every place sheet text reaches the report. */
function hostile() {
  const f = eskilstunaSample();
  return FollowUpSchema.parse({
    ...f,
    kommun: `${XSS}"&'`,
    promises: f.promises.map((p, i) => ({
      ...p,
      text: i === 0 ? `${XSS} <script>alert(2)</script>` : p.text,
      activities: p.activities.map((a, j) => ({
        ...a,
        text: i === 2 && j === 0 ? `${XSS} trafik` : a.text,
        periods: a.periods.map((q, k) => (i === 0 && k === 0 ? { ...q, value: null, kind: 'comment', text: `=HYPERLINK("x")\n${XSS}` } : q)),
      })),
    })),
    findings: [{ severity: 'error', code: 'x', cell: 'B7', message: `Cellen B7 innehåller ${XSS}` }],
  });
}

describe('renderHtml', () => {
  it('keeps <img src=x onerror=alert(1)> and scripts as text everywhere (title, promise, cell, chart, finding)', () => {
    const html = renderHtml(buildReport(hostile(), opts));
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror=alert\(1\)>/);
    const escaped = '&lt;img src=x onerror=alert(1)&gt;';
    // kommun in <title> and <h1>, promise text, the period cell, the activity in its table and chart label, the finding.
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(7);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
    expect(html).toContain('<td>=HYPERLINK(&quot;x&quot;) &lt;img');
  });

  it('is a complete Swedish document with the report title, tables and coloured status words', () => {
    const html = renderHtml(buildReport(importSeed('eskilstuna-2019'), opts));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<title>Uppföljning av medborgarlöften – Eskilstuna 2019</title>');
    expect(html).toContain('<h1>Uppföljning av medborgarlöften – Eskilstuna 2019</h1>');
    expect(html).toContain('<td>479 (1019)</td>');
    const c = STATUS_COLOUR['not-met'];
    expect(html).toContain(`<td class="bold" style="background:${c.fill};color:${c.font}" data-status="not-met">Ej uppnått (95 %)</td>`);
    expect(html).toContain('<th scope="col">Tertial 3</th>');
    expect((html.match(/<table>/g) ?? []).length).toBe(1 + 3 + 1); // overview, three promise tables, findings
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  });

  it('redraws the chart from its bars instead of trusting a stored SVG string', () => {
    const doc = buildReport(eskilstunaSample(), opts);
    const tampered = { ...doc, blocks: doc.blocks.map((b) => (b.type === 'chart' ? { ...b, svg: `<svg onload="alert(1)">${XSS}</svg>` } : b)) };
    const html = renderHtml(tampered);
    expect(html).not.toContain('onload');
    expect(html).toContain('Trafikkontroll i utsatta');
  });
});
