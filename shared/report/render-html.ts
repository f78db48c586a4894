// Renders a ReportDoc as one self-contained HTML document (previews); every text is escaped.
import { STATUS_COLOUR } from '../i18n/sv';
import { escapeXml } from './escape';
import { barChartSvg } from './bar-chart-svg';
import type { ReportBlock, ReportCell, ReportDoc } from './report-doc';

const CSS = [
  'body{font-family:Arial,"Liberation Sans",Helvetica,sans-serif;font-size:10.5pt;color:#1f1f1f;max-width:60rem;margin:1.5rem auto;padding:0 1rem;line-height:1.35}',
  'h1{font-size:1.6rem;color:#1f3864;margin:0 0 .5rem}',
  'h2{font-size:1.2rem;color:#2f5597;margin:1.4rem 0 .4rem;border-bottom:1px solid #d9d9d9;padding-bottom:.15rem}',
  'h3{font-size:1rem;margin:1rem 0 .3rem}',
  'p{margin:.3rem 0 .6rem}p.lead{font-size:1.1rem}p.muted{color:#595959;font-size:.9rem}',
  'table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;table-layout:fixed}',
  'th,td{border:1px solid #bfbfbf;padding:.25rem .4rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}',
  'th{background:#ddebf7;font-weight:bold}',
  'td.muted{color:#7f7f7f;font-style:italic}td.bold{font-weight:bold}',
  'figure{margin:.5rem 0 1rem}svg{max-width:100%;height:auto}',
].join('\n');

function text(t: string): string {
  return escapeXml(t).replace(/\r?\n/g, '<br>');
}

function td(c: ReportCell): string {
  const cls = [c.bold ? 'bold' : '', c.muted ? 'muted' : ''].filter(Boolean).join(' ');
  const colour = c.status ? STATUS_COLOUR[c.status] : null;
  const style = colour ? ` style="background:${colour.fill};color:${colour.font}"` : '';
  const status = c.status ? ` data-status="${c.status}"` : '';
  return `<td${cls ? ` class="${cls}"` : ''}${style}${status}>${text(c.text)}</td>`;
}

function block(b: ReportBlock): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level}>${text(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.tone !== 'normal' ? ` class="${b.tone}"` : ''}>${text(b.text)}</p>`;
    case 'table': {
      const sum = b.widths.reduce((x, y) => x + y, 0) || 1;
      const cols = b.widths.map((w) => `<col style="width:${((w / sum) * 100).toFixed(1)}%">`).join('');
      const head = `<tr>${b.header.map((h) => `<th scope="col">${text(h)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n');
      return `<table><colgroup>${cols}</colgroup><thead>${head}</thead><tbody>\n${rows}\n</tbody></table>`;
    }
    case 'chart':
      // Rebuilt from the bars (every label escaped) rather than trusting a stored SVG string.
      return `<figure>${barChartSvg(b.title, b.bars)}</figure>`;
  }
}

/** A complete HTML document for the report; all sheet text is escaped, so it cannot inject markup. */
export function renderHtml(doc: ReportDoc): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    '<head><meta charset="utf-8">',
    `<title>${text(doc.title)}</title>`,
    `<style>${CSS}</style></head>`,
    '<body>',
    ...doc.blocks.map(block),
    '</body></html>',
    '',
  ].join('\n');
}
