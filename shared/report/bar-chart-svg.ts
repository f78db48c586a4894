// Builds the "total against goal" bar chart as a standalone SVG string (pure; no DOM).
import type { ReportBar } from './report-doc';
import { STATUS_COLOUR, STATUS_LABEL } from '../i18n/sv';
import { escapeXml } from './escape';

const W = 820;
const LABEL_W = 260;
const BAR_W = 300;
const ROW_H = 30;
const TOP = 34;

function shorten(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * A horizontal bar chart of share of goal per activity: a dashed line marks 100 %, bars longer
 * than 150 % are clipped, each bar is coloured by status and labelled with the status word and
 * its numbers, so colour is never the only signal.
 */
export function barChartSvg(title: string, bars: ReportBar[]): string {
  const h = TOP + Math.max(1, bars.length) * ROW_H + 24;
  const scale = BAR_W / 1.5;
  const x0 = LABEL_W + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" role="img" aria-label="${escapeXml(title)}" font-family="Arial, Helvetica, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = TOP + i * ROW_H;
    const len = Math.max(2, Math.min(b.share, 1.5) * scale);
    const c = STATUS_COLOUR[b.status];
    parts.push(
      `<text x="${LABEL_W}" y="${y + 17}" text-anchor="end">${escapeXml(shorten(b.label, 42))}</text>`,
      `<rect x="${x0}" y="${y + 4}" width="${len.toFixed(1)}" height="${ROW_H - 10}" fill="${c.fill}" stroke="${c.font}" stroke-width="1"/>`,
      `<text x="${(x0 + len + 6).toFixed(1)}" y="${y + 17}" fill="${c.font}">${escapeXml(`${STATUS_LABEL[b.status]}: ${b.text}`)}</text>`,
    );
  });
  const x100 = x0 + scale;
  parts.push(
    `<line x1="${x100}" y1="${TOP - 4}" x2="${x100}" y2="${TOP + bars.length * ROW_H}" stroke="#404040" stroke-dasharray="4 3"/>`,
    `<text x="${x100}" y="${TOP + bars.length * ROW_H + 16}" text-anchor="middle" fill="#404040">100 %</text>`,
    '</svg>',
  );
  return parts.join('');
}
