// Layout phase: finds a table's header row (or two), what each column holds and the year the header names.
import type { PeriodKind } from '../model/follow-up';
import { PERIOD_COUNT } from '../model/periods';
import { GROUP_WORDS, HEADER_SYNONYMS, MONTH_NAMES, MONTH_SPANS, PERIOD_HEADS, PERIOD_PATTERNS, PERIOD_PREFIXES, TOTAL_ROW_LABELS, type ColumnKind } from '../lexicon/sv-headers';
import { lower, squash } from '../parse/text';

/** What one header cell says about its column. */
export interface HeaderClass {
  kind: ColumnKind | 'period' | 'unknown' | 'empty';
  /** For period columns: which period (1-based). */
  period: { kind: PeriodKind; index: number } | null;
  /** A year the cell names ("T1 2023", "Utfall 2023", "2022"). */
  year: number | null;
  /** The cell can stand over period columns in a two-row header ("Utfall 2023", "2022", "Uppföljning"). */
  group: boolean;
  /** "Löfte 1: Tryggare centrum" written over the activity column: the promise's text. */
  promise: string | null;
}

/** A found table: its header rows and the column of each kind (zero-based, grid-relative). */
export interface TableLayout {
  headerRows: number[];
  firstDataRow: number;
  activity: number;
  /** Period column → period index (0-based). */
  periods: Map<number, number>;
  kind: PeriodKind;
  count: number;
  goal: number | null;
  party: number | null;
  promise: number | null;
  status: number | null;
  statedTotal: number | null;
  comments: number[];
  /** The year the header names, and the cell that names it. */
  year: { value: number; row: number; col: number } | null;
  /** The promise written over the activity column ("Löfte 1: …"), if any. */
  promiseInHeader: { text: string; row: number; col: number } | null;
}

const EMPTY: HeaderClass = { kind: 'empty', period: null, year: null, group: false, promise: null };
const UNKNOWN: HeaderClass = { ...EMPTY, kind: 'unknown' };
const YEAR = /(?:^|[\s(])((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)\d{2}))?(?=$|[\s):,])/;
const PROMISE_HEADING = /^(?:medborgar)?löfte\s*\d+\s*[:.–-]\s*(.{3,})$/i;
const MONTH_RANGE = /^(\p{L}+)\.?\s*[–—-]\s*(\p{L}+)\.?$/u;
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const wordsRe = (ws: readonly string[]) => ws.map(escape).join('|');
const SYNONYMS = HEADER_SYNONYMS.map((s) => ({
  kind: s.kind,
  re:
    s.match === 'exact'
      ? new RegExp(`^(?:${wordsRe(s.words)})$`, 'u')
      : s.match === 'prefix'
        ? new RegExp(`^(?:${wordsRe(s.words)})(?![\\p{L}])`, 'u')
        : new RegExp(`(?<![\\p{L}])(?:${wordsRe(s.words)})(?![\\p{L}])`, 'u'),
}));
/** First words a header can have (any other first word, in a cell without a comment word, is no header). */
const HEADS = new Set<string>([
  ...HEADER_SYNONYMS.filter((s) => s.match !== 'contains').flatMap((s) => s.words.map((w) => /^[\p{L}]*/u.exec(w)![0])),
  ...PERIOD_PREFIXES,
  ...GROUP_WORDS,
  ...PERIOD_HEADS,
  ...MONTH_NAMES.flat(),
]);
const COMMENT_HINT = new RegExp(wordsRe(HEADER_SYNONYMS.filter((s) => s.kind === 'comment' && s.match === 'contains').flatMap((s) => s.words)), 'i');
/** The first word of a cell that starts with words (after bullets or brackets), not with a number. */
const HEAD_WORD = /^[^\p{L}\d]*(\p{L}+)/u;
const PLAIN_NUMBER = /^[\d\s\u00A0.,()+~–-]+$/;
const PREFIX = new RegExp(`^(?:${wordsRe(PERIOD_PREFIXES)})\\s+`, 'u');
const GROUP = new RegExp(`^(?:${wordsRe(GROUP_WORDS)})$`, 'u');
const TOTAL_ROW = new RegExp(`^(?:${wordsRe(TOTAL_ROW_LABELS)})$`, 'u');

function monthOf(word: string): number {
  const w = lower(word);
  return MONTH_NAMES.findIndex((names) => names.includes(w)) + 1;
}

/** Period of a header's core text ("tertial 2", "t2", "kvartal 3", "q1", "delår 1", "maj–aug", "helår"), or null. */
function periodOf(core: string): { kind: PeriodKind; index: number } | null {
  let t = core;
  for (let i = 0; i < 2 && PREFIX.test(t); i++) t = t.replace(PREFIX, '');
  for (const p of PERIOD_PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    if (p.index !== undefined) return { kind: p.kind, index: p.index };
    const n = p.ordinals ? p.ordinals[m[1]] : Number(m[1]);
    if (n) return { kind: p.kind, index: n };
  }
  const mr = MONTH_RANGE.exec(t);
  if (mr) {
    const from = monthOf(mr[1]);
    const to = monthOf(mr[2]);
    const span = MONTH_SPANS.find((s) => s.from === from && s.to === to);
    if (span) return { kind: span.kind, index: span.index };
  }
  return null;
}

/** Period of a header cell ("Tertial 2", "T1 2021", "Utfall T2", "Kvartal 3", "Jan–apr", "Delår 1", "Helår"), or null. */
export function periodHeader(text: string): { kind: PeriodKind; index: number } | null {
  const c = classifyHeader(text);
  return c.kind === 'period' ? c.period : null;
}

/** Reads one header cell against the header lexicon. Pure; never throws. */
export function classifyHeader(raw: string): HeaderClass {
  const text = squash(raw);
  if (!text) return EMPTY;
  const heading = /^[LlMm]/.test(text) ? PROMISE_HEADING.exec(text) : null;
  if (heading) return { ...EMPTY, kind: 'unknown', promise: heading[1].trim() };
  if (text.length > 60) return UNKNOWN;
  // Most cells are no header: a plain number, or words no header starts with.
  const head = HEAD_WORD.exec(text);
  if (head ? !HEADS.has(lower(head[1])) && !COMMENT_HINT.test(text) : PLAIN_NUMBER.test(text) && !/^(?:19|20)\d{2}$/.test(text)) return UNKNOWN;
  let t = lower(text).replace(/[:?.*]+$/, '').replace(/\s*\/\s*/g, '/').trim();
  const y = YEAR.exec(t);
  const year = y ? Number(y[2] ?? y[1]) : null;
  if (y) t = squash(t.replace(y[0], ' '));
  const bracket = /\(([^)]*)\)\s*$/.exec(t);
  const core = bracket ? squash(t.slice(0, bracket.index)) : t;
  // No header is a sentence: a comment column may be ("Kommentar till T1 och T2"), the rest are a few words.
  if (core.split(' ').length > 4 && !COMMENT_HINT.test(core)) return { ...EMPTY, kind: 'unknown', year };
  if (!core) return { ...EMPTY, kind: year !== null ? 'period' : 'unknown', period: year !== null ? { kind: 'year', index: 1 } : null, year, group: year !== null };
  for (const s of SYNONYMS) if (s.re.test(core)) return { ...EMPTY, kind: s.kind, year };
  const own = periodOf(core);
  const inBracket = bracket ? periodOf(squash(bracket[1])) : null;
  const period = own && !(own.kind === 'year' && inBracket) ? own : inBracket ?? own;
  const group = GROUP.test(core);
  if (period) return { ...EMPTY, kind: 'period', period, year, group: group || period.kind === 'year' };
  return { ...EMPTY, kind: 'unknown', year, group };
}

/** True for a row label that states the table's totals ("Summa", "Totalt:") instead of naming an activity. */
export function isTotalRowLabel(text: string): boolean {
  if (text.length > 30 || !/^\s*[SsTt]/.test(text)) return false;
  return TOTAL_ROW.test(lower(squash(text)).replace(/[:.]+$/, ''));
}

/** A cell that holds a number (a count), not words. */
function numeric(t: string): boolean {
  return /^[~≈]?\s*[\d\s\u00A0.,()+-]*\d[\d\s\u00A0.,()+-]*(?:st\.?)?$/i.test(squash(t));
}

/** The sheet as the layout phase reads it: row texts and their header classes, each computed once. */
export interface SheetView {
  rows: number;
  texts(r: number): string[];
  classes(r: number): HeaderClass[];
  /** True when some cell of the row could name a period (a cheap test before the row is classified). */
  periodish(r: number): boolean;
}

/** Cells that could name a period: a period word, month, prefix or group word first, a year, or "1:a tertialet". */
const PERIODISH = new RegExp(
  `^[^\\p{L}\\d]*(?:(?:${wordsRe([...PERIOD_PREFIXES, ...PERIOD_HEADS, ...GROUP_WORDS, ...MONTH_NAMES.flat()])})(?![\\p{L}])|(?:19|20)\\d{2}(?!\\d)|[1-4](?::a|:e)?\\s*(?:tertial|kvartal))`,
  'iu',
);

/** How many rows a view remembers: the layout phase looks a few rows back and ahead of the row it reads. */
const WINDOW = 32;

/** A view over row texts that computes each row's texts and header classes once while it is near the row being read. */
export function sheetView(rows: number, textsOf: (r: number) => string[]): SheetView {
  const at = new Int32Array(WINDOW).fill(-1);
  const texts: string[][] = new Array(WINDOW);
  const classes: (HeaderClass[] | null)[] = new Array(WINDOW).fill(null);
  const periodish = new Int8Array(WINDOW);
  const slot = (r: number) => {
    const k = r % WINDOW;
    if (at[k] !== r) {
      at[k] = r;
      texts[k] = r >= 0 && r < rows ? textsOf(r) : [];
      classes[k] = null;
      periodish[k] = -1;
    }
    return k;
  };
  return {
    rows,
    texts: (r) => texts[slot(r)],
    classes: (r) => {
      const k = slot(r);
      return (classes[k] ??= texts[k].map(classifyHeader));
    },
    periodish: (r) => {
      if (r < 0 || r >= rows) return false;
      const k = slot(r);
      if (periodish[k] < 0) periodish[k] = texts[k].some((t) => t.length > 0 && t.length <= 60 && PERIODISH.test(t)) ? 1 : 0;
      return periodish[k] === 1;
    },
  };
}

interface Columns {
  activity: number;
  periods: Map<number, number>;
  kind: PeriodKind;
  goal: number | null;
  party: number | null;
  promise: number | null;
  status: number | null;
  statedTotal: number | null;
  comments: number[];
  year: { value: number; col: number; row: number } | null;
  promiseInHeader: { text: string; col: number; row: number } | null;
}

/** The period kind most columns share (a lone "Helår"/"Utfall" loses to T1–T3), or null. */
function periodKind(classes: HeaderClass[]): PeriodKind | null {
  const n = new Map<PeriodKind, Set<number>>();
  for (const c of classes) if (c.kind === 'period' && c.period) n.set(c.period.kind, (n.get(c.period.kind) ?? new Set()).add(c.period.index));
  let best: PeriodKind | null = null;
  for (const [k, s] of n) if (best === null || s.size > (n.get(best) as Set<number>).size || (best === 'year' && k !== 'year' && s.size === 1)) best = k;
  return best;
}

/** Columns of a (combined) header; `rowOf(c)` is the header row that named column c (for cells and the year). */
function columnsOf(classes: HeaderClass[], rowOf: (c: number) => number): Omit<Columns, 'activity'> & { activity: number | null; candidates: number[] } {
  const kind = periodKind(classes);
  const periods = new Map<number, number>();
  const used = new Set<number>();
  const out = { activity: null as number | null, periods, kind: kind ?? ('tertial' as PeriodKind), goal: null as number | null, party: null as number | null, promise: null as number | null, status: null as number | null, statedTotal: null as number | null, comments: [] as number[], year: null as Columns['year'], promiseInHeader: null as Columns['promiseInHeader'], candidates: [] as number[] };
  const years = new Map<number, { col: number; n: number }>();
  classes.forEach((c, col) => {
    if (c.year !== null && (c.kind === 'period' || c.group)) {
      const e = years.get(c.year) ?? { col, n: 0 };
      e.n++;
      years.set(c.year, e);
    }
    switch (c.kind) {
      case 'period':
        if (c.period && c.period.kind === kind && !used.has(c.period.index)) {
          used.add(c.period.index);
          periods.set(col, c.period.index - 1);
        } else if (c.period?.kind === 'year' && kind !== 'year' && out.statedTotal === null && periods.size > 0) out.statedTotal = col;
        return;
      case 'activity':
        if (out.activity === null) out.activity = col;
        return;
      case 'comment':
        out.comments.push(col);
        return;
      case 'empty':
      case 'unknown':
        out.candidates.push(col);
        if (c.promise && !out.promiseInHeader) out.promiseInHeader = { text: c.promise, col, row: rowOf(col) };
        return;
      default:
        if (out[c.kind] === null) out[c.kind] = col;
    }
  });
  let best: [number, { col: number; n: number }] | null = null;
  for (const e of years) if (!best || e[1].n > best[1].n) best = e;
  if (best) out.year = { value: best[0], col: best[1].col, row: rowOf(best[1].col) };
  return out;
}

/** The rows below a header that could hold its data: until a blank row, at most `limit`. */
function sampleRows(view: SheetView, from: number, limit = 12): string[][] {
  const out: string[][] = [];
  for (let r = from; r < view.rows && out.length < limit; r++) {
    const t = view.texts(r);
    if (t.every((x) => !x || !/\S/.test(x))) break;
    out.push(t);
  }
  return out;
}

/**
 * The activity column when no header word names it: the leftmost unnamed column before the
 * periods whose cells below hold words (not numbers) on most rows that report something.
 */
function inferActivity(candidates: number[], periods: Map<number, number>, sample: string[][]): number | null {
  const firstPeriod = Math.min(...periods.keys());
  for (const c of candidates) {
    if (c > firstPeriod) break;
    let words = 0;
    let nums = 0;
    for (const row of sample) {
      const t = squash(row[c] ?? '');
      if (!t) continue;
      if (numeric(t)) nums++;
      else words++;
    }
    const reporting = sample.filter((row) => [...periods.keys()].some((p) => squash(row[p] ?? '') !== '')).length;
    if (words > 0 && words >= nums && reporting > 0) return c;
  }
  return null;
}

function finish(cols: ReturnType<typeof columnsOf>, activity: number, headerRows: number[]): TableLayout {
  const { candidates: _c, ...rest } = cols;
  void _c;
  return { ...rest, activity, headerRows, firstDataRow: headerRows[headerRows.length - 1] + 1, count: PERIOD_COUNT[cols.kind] };
}

/** A single-row header at row r, or null. */
function singleRow(view: SheetView, r: number, classes: HeaderClass[]): TableLayout | null {
  if (!classes.some((c) => c.kind === 'period')) return null;
  const cols = columnsOf(classes, () => r);
  if (!cols.periods.size) return null;
  if (cols.activity !== null) return finish(cols, cols.activity, [r]);
  // No header word for the activities: recognise the column by what it holds (needs two periods, or a promise heading).
  if (cols.periods.size < 2 && !cols.promiseInHeader) return null;
  if (classes.some((c) => c.kind === 'unknown' && !c.promise && !c.group && c.year === null)) return null;
  const activity = inferActivity(cols.candidates, cols.periods, sampleRows(view, r + 1));
  if (activity === null) return null;
  if (cols.promiseInHeader && cols.promiseInHeader.col !== activity) cols.promiseInHeader = null;
  return finish(cols, activity, [r]);
}

/**
 * A two-row header at rows r and r + 1: a group label ("Utfall 2023", "2022") over the period
 * columns of the row below, the other columns named in either row. Null when the rows are not one.
 */
function twoRows(view: SheetView, r: number, upper: HeaderClass[], lowerRow: HeaderClass[]): TableLayout | null {
  if (!lowerRow.some((c) => c.kind === 'period' && c.period?.kind !== 'year')) return null;
  if (upper.some((c) => c.kind === 'period' && c.period?.kind !== 'year')) return null;
  if (upper.some((c) => c.kind === 'unknown' && !c.group)) return null;
  if (lowerRow.some((c) => c.kind === 'activity' || c.kind === 'promise')) return null;
  const width = Math.max(upper.length, lowerRow.length);
  const combined: HeaderClass[] = [];
  const rowOf: number[] = [];
  let group: HeaderClass | null = null;
  let groupCol = -1;
  let contributes = false;
  for (let c = 0; c < width; c++) {
    const u = upper[c] ?? EMPTY;
    const l = lowerRow[c] ?? EMPTY;
    if (u.kind !== 'empty') {
      group = u.group ? u : null;
      groupCol = c;
    }
    if (l.kind === 'period') {
      const g = u.kind !== 'empty' ? (u.group ? u : null) : group;
      combined.push({ ...l, year: l.year ?? g?.year ?? null });
      rowOf.push(g && l.year === null && g.year !== null ? r : r + 1);
      if (g) contributes = true;
    } else if (l.kind !== 'empty') {
      combined.push(l);
      rowOf.push(r + 1);
    } else {
      combined.push(u.group ? { ...EMPTY, kind: 'unknown' } : u);
      rowOf.push(r);
      if (u.kind !== 'empty' && !u.group) contributes = true;
    }
  }
  void groupCol;
  if (!contributes) return null;
  const cols = columnsOf(combined, (c) => rowOf[c] ?? r);
  if (!cols.periods.size) return null;
  const yearCol = combined.findIndex((c, i) => c.kind === 'period' && cols.periods.has(i) && c.year !== null);
  if (yearCol >= 0 && rowOf[yearCol] === r) {
    // The year is named by the group cell above: point at it.
    for (let c = yearCol; c >= 0; c--) if ((upper[c] ?? EMPTY).kind !== 'empty') {
      cols.year = { value: combined[yearCol].year as number, row: r, col: c };
      break;
    }
  }
  const activity = cols.activity ?? inferActivity(cols.candidates, cols.periods, sampleRows(view, r + 2));
  if (activity === null) return null;
  return finish(cols, activity, [r, r + 1]);
}

/**
 * The table whose header starts at row r, or null: one header row naming an activity column
 * (any synonym) and period columns, a row of periods whose activity column is recognised by its
 * cells, or two header rows (a group such as "Utfall 2023" over T1–T3). Pure; never throws.
 */
export function detectTable(view: SheetView, r: number): TableLayout | null {
  if (!view.periodish(r) && !view.periodish(r + 1)) return null;
  const upper = view.classes(r);
  if (!upper.some((c) => c.kind !== 'empty')) return null;
  if (r + 1 < view.rows) {
    const lowerRow = view.classes(r + 1);
    const two = twoRows(view, r, upper, lowerRow);
    if (two) return two;
  }
  return singleRow(view, r, upper);
}
