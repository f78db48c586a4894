// `build … --citizen OUT.html --citizen-docx OUT.docx`: checks the paths and writes the citizen version of a build's follow-up.
import { writeOut } from '../write-out';

import { extname } from 'path';
import { buildCitizen, renderCitizenDocx, renderCitizenHtml } from '../../shared/citizen';
import { CITIZEN_CLI } from '../../shared/i18n/sv-citizen';
import { BUILD } from '../../shared/i18n/sv-report';
import type { FollowUp } from '../../shared/model/follow-up';
import { InputError } from '../read-input';

export interface CitizenTargets {
  html: string | null;
  docx: string | null;
}

/** The citizen targets of `build`'s options, each checked for its extension (a bad one is an InputError in Swedish). */
export function citizenTargets(rest: Map<string, string>): CitizenTargets {
  const html = rest.get('--citizen') ?? null;
  const docx = rest.get('--citizen-docx') ?? null;
  if (html && !/^\.html?$/i.test(extname(html))) throw new InputError(BUILD.badExt(html, '.html'));
  if (docx && extname(docx).toLowerCase() !== '.docx') throw new InputError(BUILD.badExt(docx, '.docx'));
  return { html, docx };
}

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1).replace('.', ',')} kB`);

/** Writes the citizen version (HTML page and/or .docx) of a follow-up; one Swedish line per file written, none when no target is set. */
export async function writeCitizen(f: FollowUp, to: CitizenTargets, generatedAt: string): Promise<string[]> {
  if (!to.html && !to.docx) return [];
  const doc = buildCitizen(f, { generatedAt });
  const lines: string[] = [];
  if (to.html) lines.push(CITIZEN_CLI.wroteHtml(to.html, size(writeOut(to.html, renderCitizenHtml(doc)))));
  if (to.docx) lines.push(CITIZEN_CLI.wroteDocx(to.docx, size(writeOut(to.docx, await renderCitizenDocx(doc)))));
  return lines;
}
