// A streaming walk over one XML part (saxes): start tags with attributes, end tags and text, in document order.
import { SaxesParser } from 'saxes';

/** What a walk over an XML part is told, element by element. */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** Thrown when a part is not well-formed XML (the reader turns it into a Swedish message). */
export class XmlSyntaxError extends Error {}

/**
 * Walks `xml` (a whole part as text) and calls the handlers in document order. Namespaces are
 * not resolved: names keep their prefixes ("w:p"), see `wordPrefix`. Throws XmlSyntaxError for
 * text that is not well-formed; errors thrown by a handler pass through unchanged.
 */
export function walkXml(xml: string, h: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  // A handler's own error (a size limit) stops the walk at once and passes through unchanged.
  let handlerError: unknown = null;
  const guard = (f: () => void) => {
    try {
      f();
    } catch (e) {
      handlerError = e;
      throw e;
    }
  };
  parser.on('opentag', (tag) => guard(() => h.open(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing)));
  parser.on('closetag', (tag) => guard(() => h.close(tag.name)));
  parser.on('text', (t) => guard(() => h.text(t)));
  parser.on('cdata', (t) => guard(() => h.text(t)));
  try {
    parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  } catch (e) {
    if (handlerError !== null) throw handlerError;
    throw new XmlSyntaxError(e instanceof Error ? e.message : String(e));
  }
}

const WORD_NS = /^(?:http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/wordprocessingml\/main)$/;

/** The prefix a part's root element binds to WordprocessingML ("w" in every writer seen; "" when it is the default namespace). */
export function wordPrefix(rootAttrs: Record<string, string>): string {
  for (const [k, v] of Object.entries(rootAttrs)) {
    if (!WORD_NS.test(v)) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return k.slice(6);
  }
  return 'w';
}

/** The local name of a WordprocessingML element or attribute under `prefix`, or null for another namespace. */
export function wordLocal(name: string, prefix: string): string | null {
  if (prefix === '') return name.includes(':') ? null : name;
  return name.length > prefix.length + 1 && name.charCodeAt(prefix.length) === 58 && name.startsWith(prefix) ? name.slice(prefix.length + 1) : null;
}
