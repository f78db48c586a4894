// Scans a grid into document structure: title lines, promises (with party), tables with their rows, notes.
import type { Party, PeriodKind } from '../model/follow-up';
import { a1 } from '../model/a1';
import { cellText, type Grid } from '../model/grid';
import { isBlank, lower, squash, stripDecoration } from '../parse/text';

export interface SourceCell {
  text: string;
  cell: string;
  row: number;
}

export interface PromiseOccurrence extends SourceCell {
  party: Party;
}

export interface RawActivityRow {
  activity: SourceCell | null;
  /** Per period index (0-based), the cell(s): continuation rows append. */
  periods: (SourceCell | null)[];
  /** A1 address of each period's cell on the activity's row (also when empty). */
  periodRefs: (string | null)[];
  goal: SourceCell | null;
  party: SourceCell | null;
  promise: SourceCell | null;
  extra: SourceCell[];
}

export interface RawTable {
  headerRow: number;
  headerCell: string;
  headers: string[];
  title: SourceCell | null;
  periodKind: PeriodKind;
  periodCount: number;
  rows: RawActivityRow[];
  /** Index into `promises` of the nearest promise occurrence above the table. */
  promiseIndex: number | null;
}

export interface RawDocument {
  lines: SourceCell[];
  promises: PromiseOccurrence[];
  tables: RawTable[];
  notes: SourceCell[];
}

interface ColumnMap {
  activity: number;
  periods: Map<number, number>;
  goal: number | null;
  party: number | null;
  promise: number | null;
  kind: PeriodKind;
  count: number;
}

const ACTIVITY_HEADER = /^(?:aktivitet(?:er|en)?|åtgärd(?:er)?|insats(?:er)?|aktiviteter\s*(?:och|\/)\s*åtgärder|vad)\s*:?$/i;
const MONTH_RANGES: [RegExp, PeriodKind, number][] = [
  [/^jan(?:uari)?\s*[–-]\s*apr(?:il)?$/i, 'tertial', 1],
  [/^maj\s*[–-]\s*aug(?:usti)?$/i, 'tertial', 2],
  [/^sep(?:t|tember)?\s*[–-]\s*dec(?:ember)?$/i, 'tertial', 3],
  [/^jan(?:uari)?\s*[–-]\s*mar(?:s)?$/i, 'quarter', 1],
  [/^apr(?:il)?\s*[–-]\s*jun(?:i)?$/i, 'quarter', 2],
  [/^jul(?:i)?\s*[–-]\s*sep(?:t|tember)?$/i, 'quarter', 3],
  [/^okt(?:ober)?\s*[–-]\s*dec(?:ember)?$/i, 'quarter', 4],
  [/^jan(?:uari)?\s*[–-]\s*jun(?:i)?$/i, 'half', 1],
  [/^jul(?:i)?\s*[–-]\s*dec(?:ember)?$/i, 'half', 2],
];

/** Period of a header cell ("Tertial 2", "T2", "Kvartal 3", "Helår", "Maj–aug"), or null. */
export function periodHeader(text: string): { kind: PeriodKind; index: number } | null {
  const t = squash(text).replace(/[()]/g, ' ').replace(/^(?:utfall|resultat|redovisning|uppföljning)\s+/i, '').trim();
  let m = /^(?:tertial|t)\s*([1-3])\b/i.exec(t);
  if (m) return { kind: 'tertial', index: Number(m[1]) };
  m = /^(?:kvartal|kv|q|k)\s*([1-4])\b/i.exec(t);
  if (m) return { kind: 'quarter', index: Number(m[1]) };
  m = /^(?:halvår|halvåret|h)\s*([12])\b/i.exec(t);
  if (m) return { kind: 'half', index: Number(m[1]) };
  m = /^([1-3])(?::a|:e)?\s*tertialet?\b/i.exec(t) ?? /^(första|andra|tredje)\s+tertialet?\b/i.exec(t);
  if (m) return { kind: 'tertial', index: /^\d$/.test(m[1]) ? Number(m[1]) : ['första', 'andra', 'tredje'].indexOf(lower(m[1])) + 1 };
  if (/^(?:helår|helåret|utfall|resultat|utfall\s+helår|år\s+\d{4}|\d{4})$/i.test(t)) return { kind: 'year', index: 1 };
  for (const [re, kind, index] of MONTH_RANGES) if (re.test(t)) return { kind, index };
  return null;
}

function columnsOf(texts: string[]): ColumnMap | null {
  if (!texts.some((t) => t.length < 60 && ACTIVITY_HEADER.test(t.trim()))) return null;
  let activity = -1;
  const periods = new Map<number, number>();
  let kind: PeriodKind | null = null;
  let goal: number | null = null;
  let party: number | null = null;
  let promise: number | null = null;
  texts.forEach((raw, c) => {
    const t = squash(raw);
    if (!t) return;
    if (activity < 0 && ACTIVITY_HEADER.test(t)) {
      activity = c;
      return;
    }
    const p = periodHeader(t);
    if (p && (kind === null || kind === p.kind) && ![...periods.values()].includes(p.index - 1)) {
      kind = p.kind;
      periods.set(c, p.index - 1);
      return;
    }
    if (/^(?:mål|målvärde|mål\s+för\s+året|årsmål)\b/i.test(t)) goal = c;
    else if (/^(?:ansvarig|ansvar|part)\b/i.test(t)) party = c;
    else if (/^(?:medborgar)?löfte$/i.test(t)) promise = c;
  });
  if (activity < 0 || periods.size === 0 || kind === null) return null;
  const k = kind as PeriodKind;
  const count = k === 'tertial' ? 3 : k === 'quarter' ? 4 : k === 'half' ? 2 : 1;
  return { activity, periods, goal, party, promise, kind: k, count };
}

const TABLE_TITLE = /^(?:medborgarlöfte|löfte|tabell)\s*\d+\s*:?\s*$/i;
const LOFTE_HEADING = /^(?:löfte|medborgarlöfte)\s*(\d+)\s*[:.–-]?\s*(.*)$/i;
const LOVAR = /^(.{2,60}?)\s+(?:lovar|åtar sig|ska)\s*:\s*$/i;
const PROMISE_TEXT = /^(?:att\s+\S+\s+\S+|(?:polisen|kommunen|polismyndigheten|vi|[\p{Lu}][\p{L}]+\s+kommun)(?:\s+och\s+(?:polisen|kommunen))?\s+(?:lovar|ska|skall|kommer att)\s+(?:att\s+)?\S+\s+\S+\s+\S+)/iu;

/** Party named in a text: "Polisen och kommunen" → joint, "(Polis)" → police, "Kommunen ska" → municipality. */
export function partyOf(text: string): Party {
  const t = lower(text);
  const tag = /\((polis(?:en)?|kommun(?:en)?|gemensam(?:t)?|båda)\)/.exec(t);
  if (tag) return tag[1].startsWith('polis') ? 'police' : tag[1].startsWith('kommun') ? 'municipality' : 'joint';
  const head = t.slice(0, 80);
  const pol = /\b(?:polisen|polismyndigheten|lokalpolisområdet|polis)\b/.test(head);
  const kom = /\b(?:kommunen|\S+ kommun)\b/.test(head);
  if (/^(?:polisen|polismyndigheten)\s+och\s+(?:kommunen|\S+ kommun)|^(?:kommunen|\S+ kommun)\s+och\s+polisen|^vi\b|^gemensamt/.test(t)) return 'joint';
  if (/^(?:polisen|polismyndigheten|lokalpolisområdet)\b/.test(t)) return 'police';
  if (/^(?:kommunen|\S+ kommun)\b/.test(t)) return 'municipality';
  if (pol && kom && /\b(?:lovar|ska)\b/.test(head) && /^(?:polis|kommun|\S+ kommun)/.test(t)) return 'joint';
  return null;
}

function partyContextOf(text: string): Party {
  const t = lower(text);
  const pol = /polis/.test(t);
  const kom = /kommun/.test(t);
  if (pol && kom) return 'joint';
  if (pol) return 'police';
  if (kom) return 'municipality';
  return null;
}

/** Scans a grid's rows into lines, promises, tables and notes. Pure; never throws. */
export function scanStructure(grid: Grid): RawDocument {
  const rows = grid.values.length;
  const ref = (r: number, c: number) => a1(grid.origin.row + r, grid.origin.col + c);
  const rowTexts = (r: number) => (grid.values[r] ?? []).map((_, c) => cellText(grid, r, c));
  const doc: RawDocument = { lines: [], promises: [], tables: [], notes: [] };
  let partyContext: Party = null;
  let expectPromise = false;
  let pendingTitle: SourceCell | null = null;
  const nextNonEmpty = (from: number) => {
    for (let r = from; r < rows; r++) if (rowTexts(r).some((t) => t.trim() !== '')) return r;
    return -1;
  };
  let r = 0;
  while (r < rows) {
    const texts = rowTexts(r);
    const filled = texts.map((t, c) => ({ t: squash(t), c })).filter((x) => x.t !== '');
    if (!filled.length) {
      r++;
      continue;
    }
    const cols = columnsOf(texts);
    if (cols) {
      r = readTable(r, cols, texts);
      continue;
    }
    // Not a table header: lines outside tables.
    const first = filled[0];
    const clean = stripDecoration(first.t);
    const sc: SourceCell = { text: first.t, cell: ref(r, first.c), row: r };
    doc.lines.push(sc);
    const extraCells = filled.slice(1).map((x) => ({ text: x.t, cell: ref(r, x.c), row: r }));
    const lofte = LOFTE_HEADING.exec(clean);
    const nxt = nextNonEmpty(r + 1);
    const nextIsHeader = nxt >= 0 && columnsOf(rowTexts(nxt)) !== null;
    if (TABLE_TITLE.test(clean) && nextIsHeader) {
      pendingTitle = sc;
      doc.notes.push(sc, ...extraCells);
    } else if (lofte && !nextIsHeader) {
      if (lofte[2] && lofte[2].split(' ').length >= 4) {
        doc.promises.push({ ...sc, text: stripDecoration(lofte[2]), party: partyOf(lofte[2]) ?? partyContext });
        doc.notes.push({ ...sc, text: first.t });
        expectPromise = false;
      } else {
        expectPromise = true;
        doc.notes.push(sc);
      }
      doc.notes.push(...extraCells);
    } else if (LOVAR.test(clean)) {
      partyContext = partyContextOf(LOVAR.exec(clean)![1]);
      doc.notes.push(sc, ...extraCells);
    } else if (/^(?:polisen|kommunen|polismyndigheten)$/i.test(clean)) {
      partyContext = partyContextOf(clean);
      doc.notes.push(sc, ...extraCells);
    } else if (
      (expectPromise && clean.split(' ').length >= 4) ||
      (PROMISE_TEXT.test(clean) && clean.split(' ').length >= 5 && !/lovar att(?: under)? \d{4}$/i.test(clean) && !/^att\s+\S+\s*$/i.test(clean))
    ) {
      doc.promises.push({ ...sc, text: clean, party: partyOf(clean) ?? partyContext });
      expectPromise = false;
      doc.notes.push(...extraCells);
    } else {
      if (/medborgarlöft/i.test(clean) && !/lovar/i.test(clean)) partyContext = null;
      if (/^(?:sammanfattning|summering|slutsats|övrigt|kommentar(?:er)?)$/i.test(clean)) partyContext = null;
      doc.notes.push(sc, ...extraCells);
    }
    r++;
  }
  return doc;

  function readTable(headerRow: number, cols: ColumnMap, headerTexts: string[]): number {
    const table: RawTable = {
      headerRow,
      headerCell: ref(headerRow, cols.activity),
      headers: headerTexts.map(squash),
      title: pendingTitle,
      periodKind: cols.kind,
      periodCount: cols.count,
      rows: [],
      promiseIndex: doc.promises.length ? doc.promises.length - 1 : null,
    };
    pendingTitle = null;
    const known = new Set<number>([cols.activity, ...cols.periods.keys()]);
    if (cols.goal !== null) known.add(cols.goal);
    if (cols.party !== null) known.add(cols.party);
    if (cols.promise !== null) known.add(cols.promise);
    headerTexts.forEach((t, c) => {
      if (squash(t) && !known.has(c) && !(cols.goal === c)) doc.notes.push({ text: squash(t), cell: ref(headerRow, c), row: headerRow });
    });
    let r2 = headerRow + 1;
    for (; r2 < rows; r2++) {
      const texts = rowTexts(r2);
      if (texts.every(isBlank)) break;
      if (columnsOf(texts)) break;
      const cellAt = (c: number | null): SourceCell | null => {
        if (c === null) return null;
        const t = texts[c] ?? '';
        return t.trim() === '' ? null : { text: t.replace(/\r\n?/g, '\n').trim(), cell: ref(r2, c), row: r2 };
      };
      const act = cellAt(cols.activity);
      const onlyFirst = texts.every((t, c) => c === cols.activity || isBlank(t));
      if (act && onlyFirst && table.rows.length > 0) {
        const clean = stripDecoration(act.text);
        if (TABLE_TITLE.test(clean) || LOFTE_HEADING.test(clean) || /^[-–•➤❤*]/.test(act.text.trim())) break;
      }
      const periods: (SourceCell | null)[] = Array.from({ length: cols.count }, () => null);
      const periodRefs: (string | null)[] = Array.from({ length: cols.count }, () => null);
      for (const [c, i] of cols.periods) {
        periods[i] = cellAt(c);
        periodRefs[i] = ref(r2, c);
      }
      const extra: SourceCell[] = [];
      texts.forEach((t, c) => {
        if (!known.has(c) && !isBlank(t)) extra.push({ text: t.trim(), cell: ref(r2, c), row: r2 });
      });
      const goal = cellAt(cols.goal);
      const party = cellAt(cols.party);
      const promise = cellAt(cols.promise);
      const prev = table.rows[table.rows.length - 1];
      if (!act && !promise && prev) {
        // Continuation row: the wrapped rest of the row above.
        periods.forEach((p, i) => {
          if (!p) return;
          const cur = prev.periods[i];
          prev.periods[i] = cur ? { ...cur, text: `${cur.text}\n${p.text}` } : p;
        });
        if (goal) prev.goal = prev.goal ? { ...prev.goal, text: `${prev.goal.text}\n${goal.text}` } : goal;
        prev.extra.push(...extra);
        if (party) prev.extra.push(party);
        continue;
      }
      table.rows.push({ activity: act, periods, periodRefs, goal, party, promise, extra });
    }
    doc.tables.push(table);
    return r2;
  }
}
