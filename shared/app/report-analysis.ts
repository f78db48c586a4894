// Puts the summary sheet's "Sammanfattande analys" first in the report (after the title and the period lines).
import { SUMMARY } from '../i18n/sv-plan';
import type { ReportBlock, ReportDoc } from '../report/report-doc';

/**
 * The report with the user's analysis as its first section: a heading "Sammanfattande analys"
 * and one paragraph per paragraph of the text (blank lines separate them; single line breaks
 * stay), placed before the first section heading. Blank or missing analysis → the report as is.
 */
export function withAnalysis(doc: ReportDoc, analysis: string | null | undefined): ReportDoc {
  const text = (analysis ?? '').replace(/\r\n?/g, '\n').trim();
  if (!text) return doc;
  const paragraphs: ReportBlock[] = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph', tone: 'normal', text: p }));
  const at = doc.blocks.findIndex((b) => b.type === 'heading' && b.level === 2);
  const i = at < 0 ? doc.blocks.length : at;
  return { ...doc, blocks: [...doc.blocks.slice(0, i), { type: 'heading', level: 2, text: SUMMARY.analysis }, ...paragraphs, ...doc.blocks.slice(i)] };
}
