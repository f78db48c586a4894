// Draws the status-per-kommun chart as a standalone SVG string (pure; no DOM): one 100 % stacked bar per kommun, with words and numbers beside it.
import { STATUS_COLOUR, STATUS_LABEL } from '../i18n/sv';
import { ROLLUP_REPORT } from '../i18n/sv-rollup';
import type { Status } from '../model/follow-up';
import { STATUS_ORDER } from '../plan/structured';
import { escapeXml } from '../report/escape';
import type { StatusRow } from './rollup-report-doc';

const W = 1140;
const LABEL_W = 200;
const BAR_W = 360;
const ROW_H = 24;
const LEGEND_H = 26;
const TOP = 30 + LEGEND_H;

function shorten(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** "12 aktiviteter: 5 Uppnått, 2 Efter plan": the row's numbers in words, so colour is never the only signal. */
export function statusRowText(counts: Record<Status, number>): string {
  const total = STATUS_ORDER.reduce((s, k) => s + counts[k], 0);
  return ROLLUP_REPORT.chartRow(total, STATUS_ORDER.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${STATUS_LABEL[k]}`));
}

/**
 * The chart: a legend of the status words with their colours, then per kommun its name, a bar
 * split by status in proportion to its activities (each part outlined in the status's text
 * colour), and its counts in words.
 */
export function statusChartSvg(title: string, rows: StatusRow[]): string {
  const h = TOP + Math.max(1, rows.length) * ROW_H + 10;
  const x0 = LABEL_W + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" role="img" aria-label="${escapeXml(title)}" font-family="Arial, Helvetica, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  let lx = 0;
  for (const s of STATUS_ORDER) {
    const c = STATUS_COLOUR[s];
    parts.push(
      `<rect x="${lx}" y="${30}" width="14" height="14" fill="${c.fill}" stroke="${c.font}"/>`,
      `<text x="${lx + 18}" y="${41}">${escapeXml(STATUS_LABEL[s])}</text>`,
    );
    lx += 28 + STATUS_LABEL[s].length * 7;
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_H;
    const total = STATUS_ORDER.reduce((sum, k) => sum + row.counts[k], 0);
    parts.push(`<text x="${LABEL_W}" y="${y + 16}" text-anchor="end">${escapeXml(shorten(row.label, 30))}</text>`);
    let x = x0;
    for (const s of STATUS_ORDER) {
      const n = row.counts[s];
      if (!n || !total) continue;
      const w = (n / total) * BAR_W;
      const c = STATUS_COLOUR[s];
      parts.push(`<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW_H - 8}" fill="${c.fill}" stroke="${c.font}" stroke-width="1"><title>${escapeXml(`${row.label}: ${n} ${STATUS_LABEL[s]}`)}</title></rect>`);
      x += w;
    }
    if (!total) parts.push(`<rect x="${x0}" y="${y + 4}" width="${BAR_W}" height="${ROW_H - 8}" fill="none" stroke="#BFBFBF" stroke-dasharray="3 3"/>`);
    parts.push(`<text x="${x0 + BAR_W + 8}" y="${y + 16}">${escapeXml(statusRowText(row.counts))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
