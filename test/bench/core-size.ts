// Benchmark worker: imports and plans a generated follow-up of N activities; prints JSON timings (cold first run, warm median),
// the floor (one tokenising regex pass over the same cell texts, warm median) and peak memory.
import { importFollowUp } from '../../shared/import/import-follow-up';
import { generateFollowUp } from './generate';
import { planImportSheets, planSummary } from '../../shared/plan/index';
import { cellTexts, tokenPass } from './floor';

async function main(): Promise<void> {
  const n = Number(process.argv[2]);
  const runs = Number(process.argv[3] ?? 7);
  const grid = generateFollowUp(n);
  const texts = cellTexts(grid);
  const importMs: number[] = [];
  const planMs: number[] = [];
  const floorMs: number[] = [];
  let activities = 0;
  let tokens = 0;
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
  const floorOnce = () => {
    const t0 = performance.now();
    tokens = tokenPass(texts);
    return performance.now() - t0;
  };
  // The first run in a fresh process (cold: code not yet optimised), then warm-up runs, then measured runs.
  const [coldImport, coldPlan] = once();
  for (let i = 0; i < 3; i++) once();
  for (let i = 0; i < runs; i++) {
    const [a, b] = once();
    importMs.push(a);
    planMs.push(b);
  }
  // The floor in the same process, warmed up the same way; it is cheap, so it gets more measured passes.
  for (let i = 0; i < 3; i++) floorOnce();
  for (let i = 0; i < Math.max(runs, 15); i++) floorMs.push(floorOnce());
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  process.stdout.write(
    JSON.stringify({
      n, activities, runs,
      importMs: median(importMs), planMs: median(planMs), totalMs: median(importMs.map((x, i) => x + planMs[i])),
      coldMs: coldImport + coldPlan,
      floorMs: median(floorMs), cells: texts.length, tokens,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

void main();
