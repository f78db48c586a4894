// Benchmark worker: imports (and plans, when available) a generated follow-up of N activities; prints JSON timings and peak memory.
import { importFollowUp } from '../../shared/import/import-follow-up';
import { generateFollowUp } from './generate';

type Planner = ((f: ReturnType<typeof importFollowUp>) => unknown) | null;

async function loadPlanner(): Promise<Planner> {
  try {
    // Path kept in a variable: the plan builders may not be built in every checkout.
    const planPath = '../../shared/plan/index';
    const plan: unknown = await import(planPath);
    const p = plan as unknown as { planImportSheets?: Planner; planSummary?: (f: unknown, o: { generatedAt: string }) => unknown };
    if (!p.planImportSheets) return null;
    return (f) => {
      p.planImportSheets!(f);
      p.planSummary?.(f, { generatedAt: '2019-12-31' });
    };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const n = Number(process.argv[2]);
  const runs = Number(process.argv[3] ?? 7);
  const grid = generateFollowUp(n);
  const planner = await loadPlanner();
  const importMs: number[] = [];
  const planMs: number[] = [];
  // Warm-up, then measured runs.
  importFollowUp(generateFollowUp(Math.min(n, 200)));
  let activities = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const f = importFollowUp(grid);
    const t1 = performance.now();
    if (planner) planner(f);
    const t2 = performance.now();
    importMs.push(t1 - t0);
    planMs.push(t2 - t1);
    activities = f.promises.reduce((s, p) => s + p.activities.length, 0);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  process.stdout.write(
    JSON.stringify({ n, activities, runs, importMs: median(importMs), planMs: planner ? median(planMs) : null, totalMs: median(importMs.map((x, i) => x + planMs[i])), maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

void main();
