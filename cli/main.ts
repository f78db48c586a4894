// CLI entry: dispatches `check` (and `build`/`demo` when present); Swedish messages, exit codes 0/1/2, never a stack trace.
import { runCheck } from './commands/check';
import { join } from 'path';
import { CLI } from '../shared/i18n/sv-cli';

async function main(argv: string[]): Promise<number> {
  const io = { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) };
  const [cmd, ...rest] = argv;
  if (cmd === 'check') return runCheck(rest, io);
  if (cmd === 'demo') {
    // Until the workbook/report build lands: check both bundled seeds.
    let worst = 0;
    for (const seed of ['eksjo-2019', 'eskilstuna-2019']) {
      worst = Math.max(worst, await runCheck([join(__dirname, '..', 'test', 'fixtures', `${seed}.txt`)], io));
      io.out('');
    }
    return worst;
  }
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(CLI.usage);
    return cmd ? 0 : 2;
  }
  io.err(`${CLI.unknownOption(cmd)}\n\n${CLI.usage}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${CLI.unexpected(e instanceof Error ? e.message : String(e))}\n`);
    process.exit(2);
  },
);
