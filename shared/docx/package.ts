// Where a .docx keeps the parts the reader needs, whatever unzips it (JSZip in Node and the browser, Utilities.unzip in Apps Script).
import { walkXml } from './xml';

/** The main document part of every Word writer seen. */
export const WORD_MAIN = 'word/document.xml';

const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * The main document part of a package: word/document.xml when `has` says it is there, else the
 * officeDocument target that `rels` (the text of _rels/.rels) names and `has` finds, else null.
 */
export function mainPartPath(has: (path: string) => boolean, rels: string | null): string | null {
  if (has(WORD_MAIN)) return WORD_MAIN;
  if (!rels) return null;
  let target: string | null = null;
  try {
    walkXml(rels, {
      open(name, attrs) {
        if (target === null && /(^|:)Relationship$/.test(name) && OFFICE_DOCUMENT.test(attrs.Type ?? '') && attrs.Target) target = attrs.Target.replace(/^\/+/, '');
      },
      close() {},
      text() {},
    });
  } catch {
    return null;
  }
  return target && has(target) ? target : null;
}

/** The numbering and styles parts beside a main part ("word/numbering.xml", "word/styles.xml"). */
export function sidePartPaths(main: string): { numbering: string; styles: string } {
  const dir = main.slice(0, main.lastIndexOf('/') + 1);
  return { numbering: `${dir}numbering.xml`, styles: `${dir}styles.xml` };
}
