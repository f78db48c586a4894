// The region's report: built from the roll-up's numbers, HTML that keeps hostile sheet text as text, a status chart as SVG and table, a real .docx.
import JSZip from 'jszip';
import { STATUS_COLOUR, STATUS_LABEL } from '../../../shared/i18n/sv';
import { THEME_LABEL } from '../../../shared/i18n/sv-rollup';
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { STATUS_ORDER } from '../../../shared/plan';
import { THEME_IDS, buildRollupReport, buildRollupReportFromData, renderRollupDocx, renderRollupHtml, rollupData, RollupReportDocSchema, statusRowText } from '../../../shared/rollup';
import { eskilstunaSample } from '../../support/sample-follow-ups';
import { realInputs } from './support';

const XSS = '<img src=x onerror=alert(1)>';
const AT = { generatedAt: '2026-05-04' };
const inputs = realInputs();

/** Eskilstuna with hostile text wherever sheet text reaches the roll-up's report: kommun, activity, finding. */
function hostile() {
  const f = eskilstunaSample();
  return FollowUpSchema.parse({
    ...f,
    kommun: `${XSS}"&'$&`,
    promises: f.promises.map((p, i) => ({ ...p, activities: p.activities.map((a, j) => ({ ...a, text: i === 0 && j === 0 ? `${XSS} <script>alert(2)</script>` : a.text })) })),
    findings: [{ severity: 'error', code: 'x<y>', cell: 'B7', message: `Cellen B7 innehåller ${XSS}` }],
  });
}

/** Concatenated text of all w:t runs. */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('buildRollupReport', () => {
  const doc = buildRollupReport(inputs, AT);

  it('is a valid RollupReportDoc: title, per kommun, status per kommun, a section per theme, the digest and the status rules', () => {
    expect(RollupReportDocSchema.parse(doc)).toEqual(doc);
    const headings = doc.blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text);
    expect(headings[0]).toBe(`Medborgarlöften – sammanställning för ${inputs.length} kommuner`);
    expect(headings).toEqual(expect.arrayContaining(['Per kommun', 'Status per kommun', 'Per tema', 'Kontroller i underlagen', 'Så bedöms statusen']));
    for (const t of THEME_IDS) expect(headings.some((h) => h.startsWith(`${THEME_LABEL[t]} (`))).toBe(true);
  });

  it('shows the same numbers as the sheets: the status chart has each kommun\'s counts, a theme table only kommuner with activities of it', () => {
    const data = rollupData(inputs, AT);
    const chart = doc.blocks.find((b) => b.type === 'status-chart');
    expect(chart && chart.type === 'status-chart' && chart.rows.map((r) => r.counts)).toEqual(data.kommuner.map((k) => k.byStatus));
    expect(buildRollupReportFromData(data)).toEqual(doc);
    const trafik = doc.blocks[doc.blocks.findIndex((b) => b.type === 'heading' && b.text.startsWith('Trafik (')) + 1];
    const withTrafik = data.themes.find((t) => t.theme === 'trafik')!.rows.filter((c) => c.activities > 0).length;
    expect(trafik.type === 'table' && trafik.rows.length).toBe(withTrafik + 1);
  });

  it('says each kommun\'s counts in words beside its bar ("3 aktiviteter: 2 Uppnått, 1 Ej uppnått")', () => {
    expect(statusRowText({ met: 2, 'on-track': 0, behind: 0, 'not-met': 1, 'no-goal': 0, 'no-data': 0, manual: 0 })).toBe('3 aktiviteter: 2 Uppnått, 1 Ej uppnått');
  });
});

describe('renderRollupHtml', () => {
  it('keeps <img onerror> and scripts from kommun names, check codes and finding messages as text, in tables and in the SVG chart', () => {
    const html = renderRollupHtml(buildRollupReport([hostile(), ...inputs.slice(0, 3)], AT));
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;$&amp;');
    expect(html).toContain('x&lt;y&gt;');
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toMatch(/<img/);
  });

  it('is one Swedish page with the status chart as an SVG (words next to the colours) followed by its numbers as a table', () => {
    const html = renderRollupHtml(buildRollupReport(inputs, AT));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="sv">');
    expect(html).not.toContain('\u2063');
    expect(html.match(/<svg /g)).toHaveLength(1);
    for (const s of STATUS_ORDER) expect(html).toContain(`>${STATUS_LABEL[s]}</text>`);
    expect(html).toContain(`fill="${STATUS_COLOUR.met.fill}"`);
    expect(html.indexOf('<figure><svg')).toBeLessThan(html.indexOf('<th scope="col">Uppnått</th>'));
  });
});

describe('renderRollupDocx', () => {
  it('writes a .docx whose text holds the kommuner, the themes and the status table', async () => {
    const bytes = await renderRollupDocx(buildRollupReport(inputs, AT));
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const text = wordText(await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'));
    for (const s of ['Eksjö', 'Eskilstuna', 'Krog och alkohol', 'Status per kommun', 'Bedöm manuellt', 'Kontroller i underlagen']) expect(text).toContain(s);
  });
});
