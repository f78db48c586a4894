// `demo [--out DIR]`: builds both bundled seed follow-ups (test/fixtures) into workbooks, reports and HTML previews.
import { existsSync } from 'fs';
import { join, relative, resolve } from 'path';
import { BUILD } from '../../shared/i18n/sv-report';
import { CLI } from '../../shared/i18n/sv-cli';
import { InputError, readInput } from '../read-input';
import { buildFromGrid, today, writeBuild } from './build';
import type { Io } from './check';

/** The bundled seeds, in the order the demo builds them. */
export const DEMO_SEEDS = ['eksjo-2019', 'eskilstuna-2019'] as const;

/** Folder of the bundled seed files. */
export const FIXTURES_DIR = join(__dirname, '..', '..', 'test', 'fixtures');

/** Runs the demo; returns the worst exit code of the seeds (0 when all are clean). */
export async function runDemo(argv: string[], io: Io, opts: { now?: Date } = {}): Promise<number> {
  try {
    let outDir = 'out';
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--out') {
        const v = argv[++i];
        if (!v) throw new InputError(CLI.missingValue('--out'));
        outDir = v;
      } else throw new InputError(`${CLI.unknownOption(argv[i])}\n\n${CLI.usage}`);
    }
    // Show paths relative to the working folder when the output is inside it.
    const rel = relative(process.cwd(), resolve(outDir));
    outDir = rel && !rel.startsWith('..') ? rel : resolve(outDir);
    let worst = 0;
    for (const seed of DEMO_SEEDS) {
      const src = join(FIXTURES_DIR, `${seed}.txt`);
      if (!existsSync(src)) throw new InputError(BUILD.demoMissingSeed(src));
      io.out(BUILD.demoHeading(seed));
      const result = buildFromGrid(await readInput(src), { generatedAt: today(opts.now) });
      const lines = await writeBuild(result, {
        xlsx: join(outDir, `${seed}.xlsx`),
        docx: join(outDir, `${seed}.docx`),
        html: join(outDir, `${seed}.html`),
      });
      for (const line of lines) io.out(`  ${line}`);
      const errors = result.followUp.findings.filter((x) => x.severity === 'error').length;
      io.out(`  ${BUILD.findingsLine(errors, result.followUp.findings.length - errors)}`);
      worst = Math.max(worst, errors ? 1 : 0);
    }
    io.out(BUILD.demoDone(outDir));
    return worst;
  } catch (e) {
    io.err(e instanceof InputError ? e.message : CLI.unexpected(e instanceof Error ? e.message : String(e)));
    return 2;
  }
}
