// `build … --citizen OUT.html --citizen-docx OUT.docx`: checks the paths and writes the citizen version of a build's follow-up.
import { mkdirSync, statSync, writeFileSync } from 'fs';
import { dirname, extname, resolve } from 'path';
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

function write(path: string, data: Uint8Array | string): number {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, data);
    return statSync(path).size;
  } catch (e) {
    throw new InputError(BUILD.cannotWrite(path, (e as Error).message));
  }
}

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1).replace('.', ',')} kB`);

/** Writes the citizen version (HTML page and/or .docx) of a follow-up; one Swedish line per file written, none when no target is set. */
export async function writeCitizen(f: FollowUp, to: CitizenTargets, generatedAt: string): Promise<string[]> {
  if (!to.html && !to.docx) return [];
  const doc = buildCitizen(f, { generatedAt });
  const lines: string[] = [];
  if (to.html) lines.push(CITIZEN_CLI.wroteHtml(to.html, size(write(to.html, renderCitizenHtml(doc)))));
  if (to.docx) lines.push(CITIZEN_CLI.wroteDocx(to.docx, size(write(to.docx, await renderCitizenDocx(doc)))));
  return lines;
}
