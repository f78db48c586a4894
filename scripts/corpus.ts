// `npm run corpus`: imports every real follow-up of test/fixtures/real and prints how many expectations hold, per case and in all.
import { checkCase, loadCorpus, loadExceptions } from '../test/support/corpus';

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
  for (const r of results.filter((x) => !x.held)) {
    misses.push(`  ${r.case} #${r.row + 1} ${r.key}: väntat ${JSON.stringify(r.expected)}, fick ${JSON.stringify(r.actual)}${r.exception ? ` (känt: ${r.exception})` : ''}\n      ${r.text.slice(0, 110)}`);
  }
}
if (json) {
  process.stdout.write(`${JSON.stringify({ cases: perCase.length, held, all, perCase }, null, 1)}\n`);
} else {
  for (const p of perCase) process.stdout.write(`${p.case.padEnd(28)} ${String(p.held).padStart(3)} / ${String(p.all).padEnd(3)}${p.held === p.all ? '' : '  ✗'}\n`);
  process.stdout.write(`\n${perCase.length} fall: ${held} av ${all} förväntningar håller (${all ? ((100 * held) / all).toFixed(1) : '0'} %)\n`);
  if (verbose && misses.length) process.stdout.write(`\nAvvikelser:\n${misses.join('\n')}\n`);
}
