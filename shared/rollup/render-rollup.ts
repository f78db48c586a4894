// Renders the region's report as HTML and .docx through the follow-up report's renderers: the status chart as an SVG (HTML) and as a status-coloured table (both).
import { ROLLUP_REPORT } from '../i18n/sv-rollup';
import { escapeXml } from '../report/escape';
import { renderDocx } from '../report/render-docx';
import { renderHtml } from '../report/render-html';
import { ReportDocSchema, type ReportBlock, type ReportDoc } from '../report/report-doc';
import type { RollupReportDoc, StatusChartBlock } from './rollup-report-doc';
import { statusTable } from './status-table';

export { statusTable } from './status-table';
import { statusChartSvg } from './status-chart-svg';

/** A paragraph that stands for the status chart in the HTML, replaced by the SVG after rendering (no sheet text can make it: it is a whole paragraph of our own). */
function marker(i: number): string {
  return `\u2063rollup-chart-${i}\u2063`;
}

/** The report as a ReportDoc for the follow-up report's renderers; each status chart becomes `chart(block, i)`. */
function asReportDoc(doc: RollupReportDoc, chart: (b: StatusChartBlock, i: number) => ReportBlock[]): ReportDoc {
  let i = 0;
  const blocks = doc.blocks.flatMap((b) => (b.type === 'status-chart' ? chart(b, i++) : [b]));
  return ReportDocSchema.parse({ title: doc.title, lang: doc.lang, generatedAt: doc.generatedAt, blocks });
}

/**
 * The region's report as one self-contained HTML page (`renderHtml`: every sheet text escaped),
 * each status chart drawn as an SVG (escaped labels) followed by its numbers as a table.
 */
export function renderRollupHtml(doc: RollupReportDoc): string {
  const charts: StatusChartBlock[] = [];
  const html = renderHtml(
    asReportDoc(doc, (b, i) => {
      charts.push(b);
      return [{ type: 'paragraph', tone: 'normal', text: marker(i) }, statusTable(b)];
    }),
  );
  return charts.reduce((out, b, i) => out.replace(`<p>${escapeXml(marker(i))}</p>`, () => `<figure>${statusChartSvg(b.title, b.rows)}</figure>`), html);
}

/** The region's report as .docx bytes (`renderDocx`: A4 landscape), each status chart as a table of status-coloured counts. */
export async function renderRollupDocx(doc: RollupReportDoc): Promise<Uint8Array> {
  return renderDocx(asReportDoc(doc, (b) => [statusTable(b)]));
}
