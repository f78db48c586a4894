// The report's words in a rendered PDF and in the .docx's own XML, compared so that fonts, line wrapping and spacing never matter.
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';

/**
 * The text of a PDF in content-stream order (`pdftotext -raw`). LibreOffice draws a table row's
 * cells left to right and each cell's lines one after the other, so however a cell wraps, its
 * words stay together and in order. (`-layout` places text by position: there a wrapped cell's
 * second line sits after the neighbouring cells' first lines, as "Ej uppnått (95 … %)" did.)
 */
export function pdfStreamText(pdf: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

/** One thing the PDF must show: a phrase, or a table row as its cell texts. */
export type Shown = string | readonly string[];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word; a line may break anywhere inside it (after a hyphen as in "2019-11-⏎12", or mid-word in a narrow column). */
const wordPattern = (w: string) => [...w].map(escape).join('\\s*');
/** A phrase: its words in order, separated by whitespace of any kind and amount (spaces, line or page breaks). */
const phrasePattern = (p: string) => p.split(/\s+/).filter(Boolean).map(wordPattern).join('\\s+');

/**
 * Pattern for a phrase, or for a row: the row's non-empty cells in order with nothing but whitespace
 * between them, i.e. the words of one table row and no other words in between. Neither end may be
 * in the middle of a word.
 */
function pattern(s: Shown): RegExp {
  const body = typeof s === 'string' ? phrasePattern(s) : s.filter((c) => c.trim() !== '').map(phrasePattern).join('\\s*');
  if (!body) throw new Error('Nothing to look for: an empty phrase or a row of empty cells.');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
}

/** Whether `text` shows the phrase or row anywhere (see `pattern`). */
export function shows(text: string, s: Shown): boolean {
  return pattern(s).test(text);
}

/**
 * What of `items` `text` does not show in this order: each item is looked for after the end of the
 * previous one found. [] when all are shown, in order.
 */
export function missingInOrder(text: string, items: readonly Shown[]): Shown[] {
  const missing: Shown[] = [];
  let at = 0;
  for (const item of items) {
    const re = pattern(item);
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) at = m.index + m[0].length;
    else missing.push(item);
  }
  return missing;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
type XmlNode = { nodeType: number; localName?: string | null; namespaceURI?: string | null; textContent?: string | null; childNodes: ArrayLike<XmlNode> };
const children = (n: XmlNode, name: string): XmlNode[] =>
  Array.from(n.childNodes).filter((c) => c.nodeType === 1 && c.namespaceURI === W && c.localName === name);

/** A paragraph's text: its runs' text, a line break as "\n", a tab as "\t". */
function paragraphText(p: XmlNode): string {
  let out = '';
  const walk = (n: XmlNode) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType !== 1 || c.namespaceURI !== W) continue;
      if (c.localName === 't') out += c.textContent ?? '';
      else if (c.localName === 'br' || c.localName === 'cr') out += '\n';
      else if (c.localName === 'tab') out += '\t';
      else if (c.localName !== 'tbl') walk(c);
    }
  };
  walk(p);
  return out;
}

/**
 * What a .docx says, in document order: each non-empty paragraph of the body as its text, each row
 * of a body table as its cells' texts (a cell's paragraphs joined by "\n"; tables nested in a cell,
 * such as the chart's bars, are left out). Read from word/document.xml, so no font is involved.
 */
export async function docxContent(docx: string): Promise<Shown[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlNode };
  const body = children(doc.documentElement, 'body')[0];
  const out: Shown[] = [];
  for (const block of Array.from(body.childNodes)) {
    if (block.nodeType !== 1 || block.namespaceURI !== W) continue;
    if (block.localName === 'p') {
      const t = paragraphText(block);
      if (t.trim()) out.push(t);
    } else if (block.localName === 'tbl') {
      for (const tr of children(block, 'tr')) {
        const cells = children(tr, 'tc').map((tc) => children(tc, 'p').map(paragraphText).join('\n'));
        if (cells.some((c) => c.trim() !== '')) out.push(cells);
      }
    }
  }
  return out;
}
