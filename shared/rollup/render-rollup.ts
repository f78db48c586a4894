// Renders the region's report as HTML and .docx through the follow-up report's renderers: the status chart as an SVG (HTML) and as a status-coloured table (both).
import { escapeXml } from '../report/escape';
import { renderDocx } from '../report/render-docx';
import { renderHtml } from '../report/render-html';
import type { RollupReportDoc, StatusChartBlock } from './rollup-report-doc';
import { statusChartSvg } from './status-chart-svg';
import { rollupAsReportDoc, statusTable } from './status-table';

export { statusTable } from './status-table';

/** A paragraph that stands for the status chart in the HTML, replaced by the SVG after rendering (no sheet text can make it: it is a whole paragraph of our own). */
function marker(i: number): string {
  return `\u2063rollup-chart-${i}\u2063`;
}

/**
 * The region's report as one self-contained HTML page (`renderHtml`: every sheet text escaped),
 * each status chart drawn as an SVG (escaped labels) followed by its numbers as a table.
 */
export function renderRollupHtml(doc: RollupReportDoc): string {
  const charts: StatusChartBlock[] = [];
  const html = renderHtml(
    rollupAsReportDoc(doc, (b, i) => {
      charts.push(b);
      return [{ type: 'paragraph', tone: 'normal', text: marker(i) }, statusTable(b)];
    }),
  );
  return charts.reduce((out, b, i) => out.replace(`<p>${escapeXml(marker(i))}</p>`, () => `<figure>${statusChartSvg(b.title, b.rows)}</figure>`), html);
}

/** The region's report as .docx bytes (`renderDocx`: A4 landscape), each status chart as a table of status-coloured counts. */
export async function renderRollupDocx(doc: RollupReportDoc): Promise<Uint8Array> {
  return renderDocx(rollupAsReportDoc(doc));
}
