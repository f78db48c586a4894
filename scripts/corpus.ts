// `npm run corpus`: imports every real follow-up of test/fixtures/real and prints how many expectations hold, per case and in all.
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CORPUS_DIR, checkCase, loadCorpus, loadExceptions } from '../test/support/corpus';

/** First contact: what held the first time the importer saw a case (recorded once per case, never overwritten). */
const FIRST_CONTACT = join(CORPUS_DIR, 'first-contact.json');
const firstContact: Record<string, { held: number; all: number; date: string; commit: string }> = existsSync(FIRST_CONTACT) ? JSON.parse(readFileSync(FIRST_CONTACT, 'utf8')) : {};
// Every run records the cases it sees for the first time (so no case is tuned on before its first contact is known).
const record = !process.argv.includes('--no-record');
/** The fourteen cases the importer was built on: never first contact. */
const given = new Set<string>(JSON.parse(readFileSync(join(CORPUS_DIR, 'given.json'), 'utf8')));

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const json = process.argv.includes('--json');
const exceptions = loadExceptions();
let held = 0;
let all = 0;
const perCase: { case: string; held: number; all: number }[] = [];
const misses: string[] = [];
for (const c of loadCorpus()) {
  const { results } = checkCase(c, exceptions[c.name] ?? []);
  const h = results.filter((r) => r.held).length;
  held += h;
  all += results.length;
  perCase.push({ case: c.name, held: h, all: results.length });
  if (record && !firstContact[c.name] && !given.has(c.name)) firstContact[c.name] = { held: h, all: results.length, date: new Date().toISOString().slice(0, 10), commit: process.env.CORPUS_COMMIT ?? '' };
  for (const r of results.filter((x) => !x.held)) {
    misses.push(`  ${r.case} #${r.row + 1} ${r.key}: väntat ${JSON.stringify(r.expected)}, fick ${JSON.stringify(r.actual)}${r.exception ? ` (känt: ${r.exception})` : ''}\n      ${r.text.slice(0, 110)}`);
  }
}
if (record) writeFileSync(FIRST_CONTACT, `${JSON.stringify(firstContact, null, 1)}\n`);
const fc = Object.entries(firstContact).filter(([k]) => perCase.some((p) => p.case === k));
const fcHeld = fc.reduce((a, [, v]) => a + v.held, 0);
const fcAll = fc.reduce((a, [, v]) => a + v.all, 0);
if (json) {
  process.stdout.write(`${JSON.stringify({ cases: perCase.length, held, all, perCase }, null, 1)}\n`);
} else {
  for (const p of perCase) process.stdout.write(`${p.case.padEnd(28)} ${String(p.held).padStart(3)} / ${String(p.all).padEnd(3)}${p.held === p.all ? '' : '  ✗'}\n`);
  process.stdout.write(`\n${perCase.length} fall: ${held} av ${all} förväntningar håller (${all ? ((100 * held) / all).toFixed(1) : '0'} %)\n`);
  if (fc.length) process.stdout.write(`Vid första kontakt (${fc.length} fall som lades till efter att importen byggts): ${fcHeld} av ${fcAll} höll (${fcAll ? ((100 * fcHeld) / fcAll).toFixed(1) : '0'} %)\n`);
  if (verbose && misses.length) process.stdout.write(`\nAvvikelser:\n${misses.join('\n')}\n`);
}
