// Renders a CitizenDoc as a .docx (the `docx` package, browser-safe): Word heading styles, document language sv-SE, verdicts as words.
import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, LevelFormat, Packer, Paragraph, ShadingType, TextRun, type ParagraphChild } from 'docx';
import { CITIZEN, CITIZEN_STATE_LABEL, type CitizenState } from '../i18n/sv-citizen';
import type { CitizenBlock, CitizenDoc, Span } from './citizen-doc';
import { CITIZEN_COLOURS, CITIZEN_STATE_COLOUR } from './render-html';

/** The language Word proofs and reads the text in. */
export const DOCX_LANGUAGE = 'sv-SE';
const hex = (c: string) => c.replace('#', '').toUpperCase();
const BULLETS = 'citizen-bullets';

function runs(list: Span[], opts: { color?: string; size?: number } = {}): ParagraphChild[] {
  return list.map((s) => {
    const run = new TextRun({ text: s.text, ...opts, ...(s.href ? { style: 'Hyperlink' } : {}) });
    return s.href && /^(?:mailto|tel):/.test(s.href) ? new ExternalHyperlink({ link: s.href, children: [run] }) : run;
  });
}

/** The verdict word as a shaded bold run in the verdict colours (the word carries the meaning). */
function stateRun(state: CitizenState, text: string): TextRun {
  const c = CITIZEN_STATE_COLOUR[state];
  return new TextRun({ text: ` ${text} `, bold: true, color: hex(c.text), shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(c.fill) } });
}

function blockChildren(b: CitizenBlock): Paragraph[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(b.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: runs(b.spans, b.tone === 'lead' ? { size: 28 } : b.tone === 'muted' ? { color: hex(CITIZEN_COLOURS.muted) } : {}),
        }),
      ];
    case 'items':
      return b.items.map(
        (it) =>
          new Paragraph({
            numbering: { reference: BULLETS, level: 0 },
            spacing: { after: 80 },
            children: [...runs(it.spans), ...(it.state ? [new TextRun(' '), stateRun(it.state, CITIZEN_STATE_LABEL[it.state])] : [])],
          }),
      );
    case 'verdict':
      return [new Paragraph({ spacing: { before: 80, after: 200 }, children: [new TextRun({ text: `${CITIZEN.outcome} `, bold: true }), stateRun(b.state, b.text)] })];
  }
}

/** The citizen version as .docx bytes: A4 portrait, Arial 12 pt, Heading 1/Heading 2 styles, language sv-SE, bullets per activity. */
export async function renderCitizenDocx(doc: CitizenDoc): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Medborgarlöften',
    title: doc.title,
    description: CITIZEN.docDescription,
    styles: {
      default: { document: { run: { font: 'Arial', size: 24, color: hex(CITIZEN_COLOURS.text), language: { value: DOCX_LANGUAGE } } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 40, bold: true, color: hex(CITIZEN_COLOURS.heading) }, paragraph: { spacing: { after: 200 } } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 30, bold: true, color: hex(CITIZEN_COLOURS.heading) }, paragraph: { spacing: { before: 360, after: 120 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 560, hanging: 280 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 } } },
        children: doc.blocks.flatMap(blockChildren),
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}
