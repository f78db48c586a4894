// `npm run bench`: measures the core at 10–10,000 activities (and the hosts' round trips and bundles where built) into docs/benchmarks.md.
import { execFileSync } from 'child_process';
import { existsSync, statSync, writeFileSync } from 'fs';
import { cpus, totalmem } from 'os';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const sizes = [10, 100, 1000, 10000];

interface CoreResult { n: number; activities: number; runs: number; importMs: number; planMs: number | null; totalMs: number; maxRssMb: number }

function core(n: number): CoreResult {
  const runs = n >= 10000 ? 3 : n >= 1000 ? 5 : 9;
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'core-size.ts'), String(n), String(runs)], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as CoreResult;
}

function fileKb(p: string): string {
  return existsSync(p) ? `${(statSync(p).size / 1024).toFixed(1)} KiB` : 'not built';
}

const results = sizes.map(core);
const target = (r: CoreResult) => (r.n === 1000 ? (r.totalMs < 50 ? 'met (< 50 ms)' : `missed: ${r.totalMs.toFixed(0)} ms vs 50 ms`) : r.n === 10000 ? (r.totalMs < 1000 ? 'met (< 1 s)' : `missed: ${r.totalMs.toFixed(0)} ms vs 1 s`) : '');
const lines: string[] = [];
lines.push('# Benchmarks', '', `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · ${new Date().toISOString().slice(0, 10)}`, '');
lines.push('Generated follow-ups shaped like the seeds (ten activities per promise table; counts, `479 (1019)` running totals, prose totals, event lists, approximations, prose). Median of several runs in a fresh process per size after a warm-up; peak memory is the process\'s max RSS.', '');
lines.push('## Core: import + validate + plan', '', '| activities | import + validate (ms) | plan (ms) | total (ms) | peak RSS (MB) | growth vs previous size | target |', '|---:|---:|---:|---:|---:|---:|---|');
results.forEach((r, i) => {
  const prev = results[i - 1];
  const growth = prev ? `${(r.totalMs / prev.totalMs).toFixed(1)}× for ${r.n / prev.n}× rows` : '';
  lines.push(`| ${r.activities} | ${r.importMs.toFixed(1)} | ${r.planMs === null ? 'plans not built' : r.planMs.toFixed(1)} | ${r.totalMs.toFixed(1)} | ${r.maxRssMb.toFixed(0)} | ${growth} | ${target(r)} |`);
});
lines.push('', '## Bundles', '', '| bundle | size | target |', '|---|---:|---|');
lines.push(`| task pane JS (\`dist/addin/taskpane.js\`, office.js excluded) | ${fileKb(join(root, 'dist/addin/taskpane.js'))} | ≤ 244 KiB |`);
lines.push(`| Apps Script (\`dist/apps-script/Code.js\`) | ${fileKb(join(root, 'dist/apps-script/Code.js'))} | — |`);
writeFileSync(join(root, 'docs', 'benchmarks.md'), `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
