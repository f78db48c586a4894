// The citizen version as a ReportDoc (headings and paragraphs only), so hosts that draw ReportDocs (the Google Doc export) draw it too.
import { ReportDocSchema, type ReportBlock, type ReportDoc } from '../report/report-doc';
import { CITIZEN, CITIZEN_STATE_LABEL } from '../i18n/sv-citizen';
import type { CitizenDoc, Span } from './citizen-doc';

const text = (spans: Span[]) => spans.map((s) => s.text).join('');

/**
 * The same text as `renderCitizenHtml` shows, as ReportDoc blocks: headings stay headings, each
 * activity becomes a paragraph starting with "• ", each verdict a lead paragraph
 * ("Så gick det: Klart"). Links become their text (an e-mail address or phone number).
 */
export function citizenAsReportDoc(doc: CitizenDoc): ReportDoc {
  const blocks: ReportBlock[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'heading') blocks.push({ type: 'heading', level: b.level, text: b.text });
    else if (b.type === 'paragraph') blocks.push({ type: 'paragraph', tone: b.tone, text: text(b.spans) });
    else if (b.type === 'items') {
      for (const it of b.items) blocks.push({ type: 'paragraph', tone: 'normal', text: `• ${text(it.spans)}${it.state ? ` (${CITIZEN_STATE_LABEL[it.state]})` : ''}` });
    } else blocks.push({ type: 'paragraph', tone: 'lead', text: `${CITIZEN.outcome} ${b.text}` });
  }
  return ReportDocSchema.parse({ title: doc.title, lang: 'sv', generatedAt: doc.generatedAt, blocks });
}
