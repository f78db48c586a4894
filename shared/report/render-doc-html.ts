// Renders a ReportDoc as the HTML that Google Drive converts into a Google Doc: inline styles only, the chart as text bars (Docs drops SVG); every text is escaped.
import { STATUS_COLOUR } from '../i18n/sv';
import { escapeXml } from './escape';
import type { ReportBlock, ReportCell, ReportDoc } from './report-doc';

/** Text bar for a chart bar ("██████░░░░" of 20): a Google Doc made from HTML cannot show the core's SVG. */
export function textBar(share: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round(Math.min(share, 1) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** Google Docs holds at most 1.02 million characters (Google Drive Help, "Files you can store in Google Drive"). */
export const DOC_CHARACTER_LIMIT = 1_020_000;

/** Characters the Doc made of this report holds: every heading, paragraph, cell and bar text. */
export function docCharacters(doc: ReportDoc): number {
  let n = 0;
  for (const b of doc.blocks) {
    if (b.type === 'heading' || b.type === 'paragraph') n += b.text.length;
    else if (b.type === 'table') n += b.header.join('').length + b.rows.reduce((s, r) => s + r.reduce((t, c) => t + c.text.length, 0), 0);
    else n += b.title.length + b.bars.reduce((s, bar) => s + bar.label.length + bar.text.length + 20, 0);
  }
  return n;
}

const FONT = 'font-family:Arial,sans-serif';
const BORDER = 'border:1px solid #bfbfbf;padding:3pt 5pt;vertical-align:top';

function text(t: string): string {
  return escapeXml(t).replace(/\r?\n/g, '<br>');
}

function td(c: ReportCell, width: string): string {
  const colour = c.status ? STATUS_COLOUR[c.status] : null;
  const style = [
    BORDER,
    width,
    colour ? `background-color:${colour.fill};color:${colour.font}` : '',
    !colour && c.muted ? 'color:#808080' : '',
    c.bold ? 'font-weight:bold' : '',
  ].filter(Boolean).join(';');
  return `<td style="${style}">${text(c.text)}</td>`;
}

function block(b: ReportBlock): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level}>${text(b.text)}</h${b.level}>`;
    case 'paragraph': {
      const tone = b.tone === 'muted' ? ' style="color:#595959"' : b.tone === 'lead' ? ' style="font-weight:bold"' : '';
      return `<p${tone}>${text(b.text)}</p>`;
    }
    case 'table': {
      const sum = b.widths.reduce((x, y) => x + y, 0) || 1;
      const widths = b.widths.map((w) => `width:${((w / sum) * 100).toFixed(1)}%`);
      const head = `<tr>${b.header.map((h, i) => `<th style="${BORDER};${widths[i] ?? ''};background-color:#ddebf7;font-weight:bold;text-align:left">${text(h)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => td(c, widths[i] ?? '')).join('')}</tr>`).join('\n');
      return `<table style="border-collapse:collapse;width:100%"><thead>${head}</thead><tbody>\n${rows}\n</tbody></table>`;
    }
    case 'chart': {
      const title = `<h3>${text(b.title)}</h3>`;
      if (!b.bars.length) return title;
      const rows = b.bars
        .map((bar) => `<tr><td style="padding:1pt 5pt">${text(bar.label)}</td><td style="padding:1pt 5pt;color:${STATUS_COLOUR[bar.status].font}">${textBar(bar.share)}</td><td style="padding:1pt 5pt">${text(bar.text)}</td></tr>`)
        .join('\n');
      return `${title}\n<table style="border-collapse:collapse"><tbody>\n${rows}\n</tbody></table>`;
    }
  }
}

/**
 * The report as one HTML document for Drive's HTML → Google Docs conversion: headings h1–h3,
 * paragraphs, tables with inline colours (status cells filled in their status colour; the word
 * is in the cell too), each chart as a heading and a table of text bars. All sheet text is escaped.
 */
export function renderDocHtml(doc: ReportDoc): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    `<head><meta charset="utf-8"><title>${text(doc.title)}</title></head>`,
    `<body style="${FONT};font-size:10.5pt">`,
    ...doc.blocks.map(block),
    '</body></html>',
    '',
  ].join('\n');
}
