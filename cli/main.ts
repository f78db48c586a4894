// CLI entry: dispatches check, build, rollup and demo; Swedish messages, exit codes 0/1/2, never a stack trace.
import { runCheck } from './commands/check';
import { runBuild } from './commands/build';
import { runDemo } from './commands/demo';
import { runRollup } from './commands/rollup';
import { CLI } from '../shared/i18n/sv-cli';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

/**
 * Replaces control characters (terminal escape sequences a sheet cell could carry) with U+FFFD,
 * keeping newlines and tabs, so nothing read from a file can steer the user's terminal.
 */
export function terminalSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 error findings, 2 unreadable input or bad usage). */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  const io: Io = { out: (s) => rawIo.out(terminalSafe(s)), err: (s) => rawIo.err(terminalSafe(s)) };
  try {
    const [cmd, ...rest] = argv;
    if (cmd === 'check') return await runCheck(rest, io);
    if (cmd === 'build') return await runBuild(rest, io);
    if (cmd === 'rollup') return await runRollup(rest, io);
    if (cmd === 'demo') return await runDemo(rest, io);
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      (cmd ? io.out : io.err)(CLI.usage);
      return cmd ? 0 : 2;
    }
    io.err(`${CLI.unknownOption(cmd)}\n\n${CLI.usage}`);
    return 2;
  } catch (e) {
    io.err(CLI.unexpected(e instanceof Error ? e.message : String(e)));
    return 2;
  }
}

if (require.main === module) {
  const io: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };
  // Anything that escapes (even a rejected promise inside a library) ends as a Swedish line, never a stack trace.
  process.on('uncaughtException', (e) => {
    io.err(CLI.unexpected(e instanceof Error ? e.message : String(e)));
    process.exit(2);
  });
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      io.err(CLI.unexpected(e instanceof Error ? e.message : String(e)));
      process.exitCode = 2;
    },
  );
}
