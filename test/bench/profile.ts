// Profiling harness (not part of `npm run bench`): repeats the import and/or the plans of N generated activities, so a CPU
// profile shows where the time goes, and prints the median run (wall and CPU time).
//   node --cpu-prof --import tsx test/bench/profile.ts import|plan|both|structured|events|findings|summary N [runs]
import { importFollowUp } from '../../shared/import/import-follow-up';
import { planEvents, planFindings, planImportSheets, planStructured, planSummary } from '../../shared/plan/index';
import { generateFollowUp } from './generate';

const [what = 'both', nArg = '1000', runsArg = '30'] = process.argv.slice(2);
const n = Number(nArg);
const runs = Number(runsArg);
const grid = generateFollowUp(n);
const f = importFollowUp(grid);
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < runs + 3; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  if (what === 'import' || what === 'both') importFollowUp(grid);
  if (what === 'plan' || what === 'both') {
    planImportSheets(f);
    planSummary(f, { generatedAt: '2019-12-31' });
  }
  if (what === 'structured') planStructured(f);
  if (what === 'events') planEvents(f);
  if (what === 'findings') planFindings(f);
  if (what === 'summary') planSummary(f, { generatedAt: '2019-12-31' });
  if (i < 3) continue;
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
// CPU time (all threads of the process, GC helpers included) is steadier than wall time on a shared machine.
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(2)}, min ${s[0].toFixed(2)}`;
};
process.stdout.write(`${what} ${n} over ${runs} runs: wall ${stat(times)} ms; cpu ${stat(cpu)} ms\n`);
