// Renders a CitizenDoc as one accessible, self-contained HTML page (lang="sv", h1/h2 in order, AA contrast, no scripts, no external resources).
import { escapeXml } from '../report/escape';
import { CITIZEN, CITIZEN_STATE_LABEL, type CitizenState } from '../i18n/sv-citizen';
import type { CitizenBlock, CitizenDoc, Span } from './citizen-doc';

/** Text and background colours of the page; every pair used is listed in CITIZEN_COLOUR_PAIRS (each ≥ 4.5:1, WCAG AA). */
export const CITIZEN_COLOURS = {
  page: '#ffffff',
  text: '#1a1a1a',
  heading: '#123c69',
  muted: '#4d4d4d',
  link: '#0b4f9c',
  rule: '#c8ccd2',
} as const;

/** Verdict colours (text, background, border): an addition to the word, which is always shown. */
export const CITIZEN_STATE_COLOUR: Record<CitizenState, { text: string; fill: string; border: string }> = {
  done: { text: '#14532d', fill: '#dcfce7', border: '#15803d' },
  partly: { text: '#713f12', fill: '#fef3c7', border: '#b45309' },
  'not-done': { text: '#7f1d1d', fill: '#fee2e2', border: '#b91c1c' },
  unknown: { text: '#374151', fill: '#f3f4f6', border: '#6b7280' },
};

/** A mark before the verdict word, hidden from screen readers (the word says it). */
const STATE_MARK: Record<CitizenState, string> = { done: '✓', partly: '◐', 'not-done': '✗', unknown: '?' };

/** Every text/background pair the page uses, for the contrast test. */
export const CITIZEN_COLOUR_PAIRS: { name: string; text: string; background: string }[] = [
  { name: 'text', text: CITIZEN_COLOURS.text, background: CITIZEN_COLOURS.page },
  { name: 'heading', text: CITIZEN_COLOURS.heading, background: CITIZEN_COLOURS.page },
  { name: 'muted', text: CITIZEN_COLOURS.muted, background: CITIZEN_COLOURS.page },
  { name: 'link', text: CITIZEN_COLOURS.link, background: CITIZEN_COLOURS.page },
  ...(Object.keys(CITIZEN_STATE_COLOUR) as CitizenState[]).map((s) => ({ name: `verdict ${s}`, text: CITIZEN_STATE_COLOUR[s].text, background: CITIZEN_STATE_COLOUR[s].fill })),
];

const C = CITIZEN_COLOURS;
const CSS = [
  `html{background:${C.page};color:${C.text}}`,
  `body{font-family:Arial,"Liberation Sans",Helvetica,sans-serif;font-size:1.125rem;line-height:1.55;max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem;background:${C.page};color:${C.text}}`,
  `h1{font-size:2rem;line-height:1.2;color:${C.heading};margin:0 0 1rem}`,
  `h2{font-size:1.4rem;color:${C.heading};margin:2rem 0 .5rem;padding-top:1rem;border-top:1px solid ${C.rule}}`,
  'p{margin:.5rem 0}',
  '.lead{font-size:1.25rem}',
  `.muted{color:${C.muted}}`,
  'ul{margin:.25rem 0 .75rem;padding-left:1.4rem}li{margin:.4rem 0}',
  `a{color:${C.link};text-decoration:underline}a:focus{outline:3px solid ${C.heading};outline-offset:2px}`,
  '.verdict{display:inline-block;margin:.5rem 0;padding:.3rem .7rem;border:2px solid;border-radius:.3rem;font-weight:bold}',
  '.tag{display:inline-block;padding:0 .4rem;border:1px solid;border-radius:.25rem;font-weight:bold;white-space:nowrap}',
  ...(Object.keys(CITIZEN_STATE_COLOUR) as CitizenState[]).map(
    (s) => `.s-${s}{color:${CITIZEN_STATE_COLOUR[s].text};background:${CITIZEN_STATE_COLOUR[s].fill};border-color:${CITIZEN_STATE_COLOUR[s].border}}`,
  ),
  '@media print{body{max-width:none;font-size:11pt}h2{break-after:avoid}section{break-inside:avoid}}',
].join('\n');

/** Only mail and phone links are written; anything else stays text. */
const SAFE_HREF = /^(?:mailto:[^\s"'<>]+|tel:\+?[0-9]+)$/;

function spans(list: Span[]): string {
  return list
    .map((s) => {
      const t = escapeXml(s.text).replace(/\r?\n/g, '<br>');
      return s.href && SAFE_HREF.test(s.href) ? `<a href="${escapeXml(s.href)}">${t}</a>` : t;
    })
    .join('');
}

function verdict(state: CitizenState, text: string): string {
  return `<p class="verdict s-${state}"><span aria-hidden="true">${STATE_MARK[state]}</span> ${escapeXml(CITIZEN.outcome)} ${escapeXml(text)}</p>`;
}

function block(b: CitizenBlock): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level}>${escapeXml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.tone !== 'normal' ? ` class="${b.tone}"` : ''}>${spans(b.spans)}</p>`;
    case 'items':
      return `<ul>${b.items
        .map((it) => `<li>${spans(it.spans)}${it.state ? ` <span class="tag s-${it.state}">${escapeXml(CITIZEN_STATE_LABEL[it.state])}</span>` : ''}</li>`)
        .join('\n')}</ul>`;
    case 'verdict':
      return verdict(b.state, b.text);
  }
}

/**
 * The citizen version as one HTML page: Swedish (`lang="sv"`), the title as h1 and each promise
 * and the contact section as h2 in a section of its own, every verdict as words with its colour
 * added, system fonts only, no scripts, images or external links (mail and phone links only),
 * all text escaped.
 */
export function renderCitizenHtml(doc: CitizenDoc): string {
  const blocks = doc.blocks;
  const head = blocks.findIndex((b, i) => i > 0 && b.type === 'heading');
  const intro = head < 0 ? blocks : blocks.slice(0, head);
  const rest = head < 0 ? [] : blocks.slice(head);
  // Sections: each h2 with what follows it; the last muted paragraph is the footer.
  const footer = rest.length && rest[rest.length - 1].type === 'paragraph' ? rest[rest.length - 1] : null;
  const body = footer ? rest.slice(0, -1) : rest;
  const sections: string[] = [];
  let open = false;
  for (const b of body) {
    if (b.type === 'heading' && b.level === 2) {
      if (open) sections.push('</section>');
      sections.push('<section>');
      open = true;
    }
    sections.push(block(b));
  }
  if (open) sections.push('</section>');
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    ...intro.slice(0, 2).map(block),
    '</header>',
    '<main>',
    ...intro.slice(2).map(block),
    ...sections,
    '</main>',
    ...(footer ? ['<footer>', block(footer), '</footer>'] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
