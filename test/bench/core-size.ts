// Benchmark worker: imports and plans a generated follow-up of N activities; prints JSON timings (cold first run, warm median) and peak memory.
import { importFollowUp } from '../../shared/import/import-follow-up';
import { generateFollowUp } from './generate';
import { planImportSheets, planSummary } from '../../shared/plan/index';

async function main(): Promise<void> {
  const n = Number(process.argv[2]);
  const runs = Number(process.argv[3] ?? 7);
  const grid = generateFollowUp(n);
  const importMs: number[] = [];
  const planMs: number[] = [];
  let activities = 0;
  const once = () => {
    const t0 = performance.now();
    const f = importFollowUp(grid);
    const t1 = performance.now();
    planImportSheets(f);
    planSummary(f, { generatedAt: '2019-12-31' });
    const t2 = performance.now();
    activities = f.promises.reduce((s, p) => s + p.activities.length, 0);
    return [t1 - t0, t2 - t1];
  };
  // The first run in a fresh process (cold: code not yet optimised), then warm-up runs, then measured runs.
  const [coldImport, coldPlan] = once();
  for (let i = 0; i < 3; i++) once();
  for (let i = 0; i < runs; i++) {
    const [a, b] = once();
    importMs.push(a);
    planMs.push(b);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  process.stdout.write(
    JSON.stringify({
      n, activities, runs,
      importMs: median(importMs), planMs: median(planMs), totalMs: median(importMs.map((x, i) => x + planMs[i])),
      coldMs: coldImport + coldPlan,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

void main();
