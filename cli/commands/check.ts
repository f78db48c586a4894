// `check FILE [--json] [--period N] [--sheet NAME]`: import a follow-up and print its tables and findings.
import { importFollowUp } from '../../shared/import/import-follow-up';
import type { FollowUp } from '../../shared/model/follow-up';
import { CLI } from '../../shared/i18n/sv-cli';
import { PARTY_LABEL, SEVERITY_LABEL, STATUS_LABEL } from '../../shared/i18n/sv';
import { formatGoal, formatPeriod, formatTotal } from '../../shared/format/cells';
import { periodShortLabels } from '../../shared/model/periods';
import { InputError, readInput } from '../read-input';
import { toCheckJson } from './check-json';
import { describeWordCell, isWordGrid } from '../../shared/docx/positions';
import { DOCX } from '../../shared/i18n/sv-docx';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** Parsed common options of check/build. */
export interface CommonArgs {
  file: string | null;
  json: boolean;
  period: number | null;
  sheet: string | undefined;
  rest: Map<string, string>;
}

/** Parses argv; throws InputError (Swedish) on bad usage. */
export function parseArgs(argv: string[], valued: string[] = []): CommonArgs {
  const args: CommonArgs = { file: null, json: false, period: null, sheet: undefined, rest: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new InputError(CLI.missingValue(a));
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--period') {
      const v = value();
      if (!/^[1-4]$/.test(v)) throw new InputError(CLI.badPeriod(v));
      args.period = Number(v);
    } else if (a === '--sheet') args.sheet = value();
    else if (valued.includes(a)) args.rest.set(a, value());
    else if (a.startsWith('-')) throw new InputError(CLI.unknownOption(a));
    else if (args.file === null) args.file = a;
    else throw new InputError(CLI.unknownOption(a));
  }
  return args;
}

function pad(s: string, w: number): string {
  const t = s.length > w ? `${s.slice(0, w - 1)}…` : s;
  return t + ' '.repeat(Math.max(0, w - t.length));
}

/** The human-readable check report; `wordPosition` names a finding's cell in the Word document it was read from. */
export function renderCheckText(f: FollowUp, wordPosition?: (cell: string) => string | null): string {
  const lines: string[] = [];
  const period = f.reportedPeriod ? f.periodLabels[f.reportedPeriod - 1] ?? String(f.reportedPeriod) : CLI.unknown;
  lines.push(CLI.header(f.kommun ?? CLI.unknown, f.year ? String(f.year) : CLI.unknown, period), '');
  const short = periodShortLabels(f.periodKind);
  for (const p of f.promises) {
    lines.push(`${CLI.promise} ${p.id.slice(1)}${p.party ? ` (${PARTY_LABEL[p.party]})` : ''}: ${p.text}`);
    if (!p.activities.length) {
      lines.push(`  ${CLI.noActivities}`, '');
      continue;
    }
    lines.push(`  ${pad(CLI.columns.activity, 34)} ${short.map((s) => pad(s, 16)).join(' ')} ${pad(CLI.columns.total, 10)} ${pad(CLI.columns.goal, 22)} ${CLI.columns.status}`);
    for (const a of p.activities) {
      const cells = a.periods.map((x) => pad(formatPeriod(x), 16)).join(' ');
      lines.push(`  ${pad(a.text, 34)} ${cells} ${pad(formatTotal(a), 10)} ${pad(formatGoal(a.goal), 22)} ${STATUS_LABEL[a.status]}`);
    }
    lines.push('');
  }
  lines.push(`${CLI.findings}:`);
  if (!f.findings.length) lines.push(`  ${CLI.noFindings}`);
  for (const x of f.findings) {
    const where = x.cell && wordPosition ? wordPosition(x.cell) : null;
    lines.push(`  [${SEVERITY_LABEL[x.severity]}]${x.cell ? ` ${x.cell}` : ''}${where ? ` ${DOCX.position.inWord(where)}` : ''} ${x.message}`);
  }
  const c = (s: string) => f.findings.filter((x) => x.severity === s).length;
  lines.push('', CLI.summaryLine(c('error'), c('warning'), c('info')));
  return lines.join('\n');
}

/** Runs `check`; returns the exit code (0 ok, 1 error findings, 2 unreadable input or bad usage). */
export async function runCheck(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (!args.file) throw new InputError(`${CLI.missingFile}\n\n${CLI.usage}`);
    const grid = await readInput(args.file, { sheet: args.sheet });
    const f = importFollowUp(grid, { reportedPeriod: args.period });
    const word = isWordGrid(grid) ? grid : null;
    io.out(args.json ? JSON.stringify(toCheckJson(f), null, 2) : renderCheckText(f, word ? (cell) => describeWordCell(word, cell) : undefined));
    return f.findings.some((x) => x.severity === 'error') ? 1 : 0;
  } catch (e) {
    return failed(e, io);
  }
}

/** Prints a command's failure as one Swedish line (the input error's own, or "unexpected") and returns exit code 2. */
export function failed(e: unknown, io: Io): 2 {
  io.err(e instanceof InputError ? e.message : CLI.unexpected(e instanceof Error ? e.message : String(e)));
  return 2;
}
