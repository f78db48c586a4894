// Public surface of the report: model, builder and renderers.
export * from './report-doc';
export { buildReport, judgementAndComments, periodText, STATUS_ORDER } from './build-report';
export { barChartSvg } from './bar-chart-svg';
export { escapeXml } from './escape';
export { renderHtml } from './render-html';
export { renderDocx } from './render-docx';
