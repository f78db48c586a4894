// The roll-up's status chart as a table (Kommun | one column per status | Totalt) and the region's report as report blocks, without the docx library: for every renderer and the Apps Script bundle.
import { STATUS_LABEL } from '../i18n/sv';
import { ROLLUP_REPORT } from '../i18n/sv-rollup';
import { STATUS_ORDER } from '../plan/structured';
import { ReportDocSchema, type ReportBlock, type ReportDoc } from '../report/report-doc';
import type { RollupReportDoc, StatusChartBlock } from './rollup-report-doc';

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

/** The region's report as the follow-up report's blocks: each status chart replaced by `chart(block, index)` (by default its table). */
export function rollupAsReportDoc(doc: RollupReportDoc, chart: (b: StatusChartBlock, i: number) => ReportBlock[] = (b) => [statusTable(b)]): ReportDoc {
  let i = 0;
  const blocks = doc.blocks.flatMap((b) => (b.type === 'status-chart' ? chart(b, i++) : [b]));
  return ReportDocSchema.parse({ title: doc.title, lang: doc.lang, generatedAt: doc.generatedAt, blocks });
}
