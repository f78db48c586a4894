// Benchmark (and generator): all 290 kommuner with 30 activities each through the CLI's `rollup` (read, import, roll-up, .xlsx written); prints JSON timings.
// `npx tsx test/bench/rollup.ts [KOMMUNER] [AKTIVITETER] [--workbooks] [--process]`: --workbooks rolls up workbooks written by `build`
// instead of source files; --process also times one run of the CLI as its own process (Node and tsx start-up included).
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** Activity rows by theme, as kommuner write them: a text, then what was reported per tertial (a running total that does not add up now and then). */
const ROWS: ((i: number, place: string) => string[])[] = [
  (i, at) => {
    const [a, b, c] = [5 + (i % 9), 4 + (i % 7), 6 + (i % 5)];
    return [`Genomföra minst ${20 + (i % 30)} trafikkontroller ${at}`, `${a}`, `${b} (${a + b + (i % 10 === 0 ? 1 : 0)})`, `Sammanlagt genomfört ${a + b + c} trafikkontroller`];
  },
  (i, at) => [`Trygghetsvandring ${at}`, '', `Centrum 19-0${5 + (i % 4)}-1${i % 9}`, `Resecentrum 19-1${i % 3}-0${1 + (i % 8)} Parken 19-12-0${1 + (i % 8)}`],
  (i, at) => [`Minst ${3 + (i % 5)} riktade insatser mot narkotika ${at}`, 'Genomfört två riktade insatser.', 'Genomfört en insats.', `Sammanlagt genomfört ${3 + (i % 6)} riktade insatser`],
  (i, at) => [`Krogtillsyner ${at} tillsammans med kommunens tillståndsenhet`, `${1 + (i % 3)}`, `${i % 3}`, `${2 + (i % 4)}`],
  (_i, at) => [`Starta nya grannsamverkansområden ${at}`, 'Två nya områden har startats', 'Informationsmöte hållet', 'Genomförts tillsammans med polisen'],
  (i, at) => [`Besök på skolor och fritidsgårdar ${at}`, `Ett ${i % 2 ? 'tiotal' : 'tjugotal'} besök`, `${3 + (i % 5)}`, 'Förändringar har gjorts i schemat för besöken'],
  (i, at) => [`Fotpatrullering ${at} vid minst ${40 + (i % 60)} tillfällen`, `${10 + (i % 20)}`, `${12 + (i % 15)}`, `${15 + (i % 25)}`],
  (_i, at) => [`Samverkansmöten om lägesbilden ${at}`, 'Genomfört 1', 'Genomfört 1', 'Genomfört sammanlagt fyra'],
  (i, at) => [`Hastighetskontroller vid skolor ${at}, minst ${6 + (i % 6)}`, `${i % 4}`, `${1 + (i % 3)}`, ''],
  (_i, at) => [`Föräldraträffar om droger ${at}`, 'Två föräldraträffar med socialen och polisen', '', 'Inplanerad i december'],
];

/** Where the activities of each promise take place, so no kommun lists one activity twice. */
const PLACES = ['i centrum', 'i Norrby', 'i Söderby', 'vid resecentrum', 'i Västerby', 'i Österby'];

const PREFIX = ['Al', 'Björk', 'Ek', 'Fal', 'Gran', 'Hag', 'Is', 'Kall', 'Lind', 'Mal', 'Nor', 'Ros', 'Sand', 'Tor', 'Vik', 'Åby', 'Öst'];
const SUFFIX = ['by', 'sjö', 'köping', 'holm', 'stad', 'ås', 'torp', 'vik', 'berga', 'fors', 'hamn', 'dal', 'näs', 'lunda', 'ryd', 'sund', 'mark'];

/** A made-up kommun name for index i (289 distinct ones, then "… norra"). */
export function kommunName(i: number): string {
  const n = PREFIX.length * SUFFIX.length;
  const base = `${PREFIX[i % PREFIX.length]}${SUFFIX[Math.floor(i / PREFIX.length) % SUFFIX.length]}`;
  return i >= n ? `${base} norra` : base;
}

/** One kommun's follow-up as tab-separated text (as pasted from Word): three promises, `activities` rows in tables of ten. */
export function kommunFollowUpTsv(k: number, activities: number): string {
  const name = kommunName(k);
  const rows = [`Uppföljning av medborgarlöften för ${name} kommun`, '', 'Uppföljningen avser tredje tertialet 2019', ''];
  for (let p = 0; p * 10 < activities; p++) {
    rows.push(`Löfte ${p + 1}`, `- Att öka tryggheten i ${name} genom närvaro, trafikkontroller och förebyggande arbete bland unga`, '', 'Aktivitet\tTertial 1\tTertial 2\tTertial 3');
    for (let a = 0; a < 10 && p * 10 + a < activities; a++) rows.push(ROWS[(a + k) % ROWS.length](k * 31 + p * 10 + a, PLACES[p % PLACES.length]).join('\t'));
    rows.push('');
  }
  return rows.join('\n');
}

/** `kommuner` follow-ups of `activities` activities each, with file names. */
export function generateKommunFollowUps(kommuner = 290, activities = 30): { file: string; tsv: string }[] {
  return Array.from({ length: kommuner }, (_, k) => ({ file: `${String(k + 1).padStart(3, '0')}-${kommunName(k).toLowerCase()}.txt`, tsv: kommunFollowUpTsv(k, activities) }));
}

export interface RollupBench {
  kommuner: number;
  activities: number;
  inputs: 'source files' | 'build workbooks';
  /** First run in this process (module and stem caches cold), ms. */
  coldMs: number;
  /** Median of the following runs, ms. */
  warmMs: number;
  /** CPU time (user + system) of the first and of the median run, ms: less swayed than wall time when other work shares the cores. */
  coldCpuMs: number;
  warmCpuMs: number;
  /** One run as its own process (`node --import tsx cli/main.ts rollup …`, start-up included), ms, and its CPU time; null unless --process. */
  processMs: number | null;
  processCpuMs: number | null;
  xlsxKb: number;
  exitCode: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [kommuner = 290, activities = 30] = args.filter((a) => !a.startsWith('--')).map(Number);
  const workbooks = args.includes('--workbooks');
  const { runRollup } = await import('../../cli/commands/rollup');
  const dir = mkdtempSync(join(tmpdir(), 'rollup-bench-'));
  try {
    const inDir = join(dir, 'in');
    const files = generateKommunFollowUps(kommuner, activities);
    const { mkdirSync } = await import('fs');
    mkdirSync(inDir);
    for (const f of files) writeFileSync(join(inDir, f.file), f.tsv);
    if (workbooks) {
      const { runBuild } = await import('../../cli/commands/build');
      const quiet = { out: () => undefined, err: () => undefined };
      for (const f of files) {
        await runBuild([join(inDir, f.file), '-o', join(inDir, f.file.replace(/\.txt$/, '.xlsx'))], quiet);
        rmSync(join(inDir, f.file));
      }
    }
    const out = join(dir, 'region.xlsx');
    const errors: string[] = [];
    const io = { out: () => undefined, err: (s: string) => errors.push(s) };
    const once = async () => {
      rmSync(out, { force: true });
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const code = await runRollup([inDir, '-o', out], io);
      const c = process.cpuUsage(c0);
      return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, code };
    };
    const cold = await once();
    const warm: { ms: number; cpu: number }[] = [];
    for (let i = 0; i < 3; i++) warm.push(await once());
    warm.sort((a, b) => a.ms - b.ms);
    let processMs: number | null = null;
    let processCpuMs: number | null = null;
    if (args.includes('--process')) {
      rmSync(out, { force: true });
      // POSIX `times` after the run prints the CPU time of the shell's children: the CLI process's own user and system time.
      const cli = [process.execPath, '--import', 'tsx', join(__dirname, '..', '..', 'cli', 'main.ts'), 'rollup', inDir, '-o', out].map((x) => `'${x}'`).join(' ');
      const t0 = performance.now();
      const times = execFileSync('sh', ['-c', `${cli} >/dev/null 2>&1; times`], { encoding: 'utf8' });
      processMs = performance.now() - t0;
      const child = times.trim().split('\n')[1]?.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
      if (child) processCpuMs = ((Number(child[1]) + Number(child[3])) * 60 + Number(child[2]) + Number(child[4])) * 1000;
    }
    const result: RollupBench = {
      kommuner,
      activities: kommuner * activities,
      inputs: workbooks ? 'build workbooks' : 'source files',
      coldMs: Math.round(cold.ms),
      warmMs: Math.round(warm[1].ms),
      coldCpuMs: Math.round(cold.cpu),
      warmCpuMs: Math.round(warm[1].cpu),
      processMs: processMs === null ? null : Math.round(processMs),
      processCpuMs: processCpuMs === null ? null : Math.round(processCpuMs),
      xlsxKb: Math.round(statSync(out).size / 1024),
      exitCode: cold.code,
    };
    if (errors.length) process.stderr.write(`${errors.slice(0, 5).join('\n')}\n`);
    process.stderr.write(
      `rollup: ${kommuner} kommuner × ${activities} aktiviteter (${result.inputs}): ${result.coldMs} ms första körningen (CPU ${result.coldCpuMs} ms), ${result.warmMs} ms varm (CPU ${result.warmCpuMs} ms)` +
        `${processMs !== null ? `, ${result.processMs} ms som egen process (CPU ${result.processCpuMs} ms)` : ''} (mål: under 5 000 ms)\n`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
