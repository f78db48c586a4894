// The roll-up's status chart as a table (Kommun | one column per status | Totalt), without the docx library, for every renderer and the Apps Script bundle.
import { STATUS_LABEL } from '../i18n/sv';
import { ROLLUP_REPORT } from '../i18n/sv-rollup';
import { STATUS_ORDER } from '../plan/structured';
import type { ReportBlock } from '../report/report-doc';
import type { StatusChartBlock } from './rollup-report-doc';

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
