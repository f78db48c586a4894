// Renders the region's report as HTML and .docx through the follow-up report's renderers: the status chart as an SVG (HTML) and as a status-coloured table (both).
import { STATUS_LABEL } from '../i18n/sv';
import { ROLLUP_REPORT } from '../i18n/sv-rollup';
import { STATUS_ORDER } from '../plan/structured';
import { escapeXml } from '../report/escape';
import { renderDocx } from '../report/render-docx';
import { renderHtml } from '../report/render-html';
import { ReportDocSchema, type ReportBlock, type ReportDoc } from '../report/report-doc';
import type { RollupReportDoc, StatusChartBlock } from './rollup-report-doc';
import { statusChartSvg } from './status-chart-svg';

/** The chart's numbers as a table: Kommun | one column per status (the count on the status's colour) | Totalt. */
export function statusTable(b: StatusChartBlock): ReportBlock {
  return {
    type: 'table',
    header: [ROLLUP_REPORT.kommunColumns[0], ...STATUS_ORDER.map((s) => STATUS_LABEL[s]), ROLLUP_REPORT.statusTableTotal],
    widths: [24, ...STATUS_ORDER.map(() => 10), 8],
    rows: b.rows.map((r) => [
      { text: r.label, status: null, bold: false, muted: false },
      ...STATUS_ORDER.map((s) => ({ text: String(r.counts[s]), status: r.counts[s] > 0 ? s : null, bold: false, muted: r.counts[s] === 0 })),
      { text: String(STATUS_ORDER.reduce((n, s) => n + r.counts[s], 0)), status: null, bold: true, muted: false },
    ]),
  };
}

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
