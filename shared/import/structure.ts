// Scans a grid into document structure: title lines, promises (with party), tables with their rows, notes.
import type { Party, PeriodKind } from '../model/follow-up';
import { a1 } from '../model/a1';
import { cellText, type Grid } from '../model/grid';
import { isBlank, lower, squash, stripDecoration } from '../parse/text';
import { detectTable, isTotalRowLabel, sheetView, type TableLayout } from './layout';

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
  /** The row's Löfte cell, or the one above it in the table when the cell is empty (a merged Löfte column). */
  promise: SourceCell | null;
  /** Cells of no known column, in column order. */
  extra: SourceCell[];
  /** Cells of comment columns (one per table, or one after each period), verbatim: never counts. */
  comments: SourceCell[];
  /** The user's own status cell ("Genomförd", "Delvis", "Pågår"), verbatim. */
  status: SourceCell | null;
  /** The row's stated total ("Utfall totalt", "Totalt", "Summa" column), to be checked against the sum. */
  statedTotal: SourceCell | null;
}

/** A row stating the table's totals ("Summa", "Totalt"): checked against the activities above, never an activity. */
export interface RawTotalRow {
  label: SourceCell;
  /** Per period index (0-based), the stated sum, if any. */
  periods: (SourceCell | null)[];
  /** The stated total of the totals column on this row, if any. */
  statedTotal: SourceCell | null;
  row: number;
}

export interface RawTable {
  headerRow: number;
  headerCell: string;
  headers: string[];
  title: SourceCell | null;
  periodKind: PeriodKind;
  periodCount: number;
  /** The year the header names ("T1 2023", "Utfall 2023" over the periods), if any. */
  year: number | null;
  rows: RawActivityRow[];
  /** Rows stating the table's sums ("Summa", "Totalt"). */
  statedTotalRows: RawTotalRow[];
  /** Index into `promises` of the nearest promise occurrence above the table. */
  promiseIndex: number | null;
}

export interface RawDocument {
  lines: SourceCell[];
  promises: PromiseOccurrence[];
  tables: RawTable[];
  notes: SourceCell[];
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
  const view = sheetView(rows, (r) => (grid.values[r] ?? []).map((_, c) => cellText(grid, r, c)));
  const rowTexts = view.texts;
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
    const layout = detectTable(view, r);
    if (layout) {
      r = readTable(layout);
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
    const nextIsHeader = nxt >= 0 && detectTable(view, nxt) !== null;
    if (TABLE_TITLE.test(clean) && nextIsHeader) {
      pendingTitle = sc;
      doc.notes.push(sc, ...extraCells);
    } else if (lofte && nextIsHeader && lofte[2]) {
      // "Löfte 1: Vi ska …" right above its table: the promise of that table.
      doc.promises.push({ ...sc, text: stripDecoration(lofte[2]), party: partyOf(lofte[2]) ?? partyContext });
      doc.notes.push(sc, ...extraCells);
      expectPromise = false;
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

  function readTable(layout: TableLayout): number {
    const { headerRows, activity, periods: periodCols, count } = layout;
    const headerRow = headerRows[0];
    const width = Math.max(...headerRows.map((h) => rowTexts(h).length));
    const headerTexts = Array.from({ length: width }, (_, c) => squash(headerRows.map((h) => rowTexts(h)[c] ?? '').filter((t) => t.trim()).join(' ')));
    if (layout.promiseInHeader) {
      const p = layout.promiseInHeader;
      const text = stripDecoration(p.text);
      doc.promises.push({ text, cell: ref(p.row, p.col), row: p.row, party: partyOf(text) ?? partyContext });
    }
    // A year named in the header is a line of the document too, so the year is read from it.
    if (layout.year) doc.lines.push({ text: String(layout.year.value), cell: ref(layout.year.row, layout.year.col), row: layout.year.row });
    const table: RawTable = {
      headerRow,
      headerCell: ref(headerRow, activity),
      headers: headerTexts,
      title: pendingTitle,
      periodKind: layout.kind,
      periodCount: count,
      year: layout.year?.value ?? null,
      rows: [],
      statedTotalRows: [],
      promiseIndex: doc.promises.length ? doc.promises.length - 1 : null,
    };
    pendingTitle = null;
    const named = [layout.goal, layout.party, layout.promise, layout.status, layout.statedTotal].filter((c): c is number => c !== null);
    const known = new Set<number>([activity, ...periodCols.keys(), ...named, ...layout.comments]);
    for (const h of headerRows) {
      rowTexts(h).forEach((t, c) => {
        if (squash(t) && !known.has(c) && !(layout.promiseInHeader && c === activity)) doc.notes.push({ text: squash(t), cell: ref(h, c), row: h });
      });
    }
    let inherited: SourceCell | null = null;
    let r2 = layout.firstDataRow;
    for (; r2 < rows; r2++) {
      const texts = rowTexts(r2);
      if (texts.every(isBlank)) break;
      if (detectTable(view, r2)) break;
      const cellAt = (c: number | null): SourceCell | null => {
        if (c === null) return null;
        const t = texts[c] ?? '';
        return t.trim() === '' ? null : { text: t.replace(/\r\n?/g, '\n').trim(), cell: ref(r2, c), row: r2 };
      };
      const act = cellAt(activity);
      const onlyFirst = texts.every((t, c) => c === activity || isBlank(t));
      if (act && onlyFirst && table.rows.length > 0) {
        const clean = stripDecoration(act.text);
        if (TABLE_TITLE.test(clean) || LOFTE_HEADING.test(clean) || /^[-–•➤❤*]/.test(act.text.trim())) break;
      }
      const periods: (SourceCell | null)[] = Array.from({ length: count }, () => null);
      const periodRefs: (string | null)[] = Array.from({ length: count }, () => null);
      for (const [c, i] of periodCols) {
        periods[i] = cellAt(c);
        periodRefs[i] = ref(r2, c);
      }
      const statedTotal = cellAt(layout.statedTotal);
      const ownPromise = cellAt(layout.promise);
      const label = layout.promise !== null && layout.promise < activity && !act ? ownPromise : act;
      if (label && isTotalRowLabel(label.text) && isTotalsRow([...periods, statedTotal])) {
        table.statedTotalRows.push({ label, periods, statedTotal, row: r2 });
        texts.forEach((t, c) => {
          if (!isBlank(t)) doc.notes.push({ text: t.trim(), cell: ref(r2, c), row: r2 });
        });
        continue;
      }
      const extra: SourceCell[] = [];
      texts.forEach((t, c) => {
        if (!known.has(c) && !isBlank(t)) extra.push({ text: t.trim(), cell: ref(r2, c), row: r2 });
      });
      const comments = layout.comments.map(cellAt).filter((x): x is SourceCell => x !== null);
      const status = cellAt(layout.status);
      const goal = cellAt(layout.goal);
      const party = cellAt(layout.party);
      // Comments and the user's status are the activity's own (kept there); a stated total is checked and kept as a note.
      if (statedTotal) doc.notes.push(statedTotal);
      const prev = table.rows[table.rows.length - 1];
      if (!act && !ownPromise && prev) {
        // Continuation row: the wrapped rest of the row above.
        periods.forEach((p, i) => {
          if (!p) return;
          const cur = prev.periods[i];
          prev.periods[i] = cur ? { ...cur, text: `${cur.text}\n${p.text}` } : p;
        });
        if (goal) prev.goal = prev.goal ? { ...prev.goal, text: `${prev.goal.text}\n${goal.text}` } : goal;
        prev.extra.push(...extra);
        prev.comments.push(...comments);
        if (party) prev.extra.push(party);
        if (status) prev.status = prev.status ? { ...prev.status, text: `${prev.status.text}\n${status.text}` } : status;
        continue;
      }
      // An empty Löfte cell under a filled one: the same promise (merged cells arrive so from every host).
      if (ownPromise) inherited = ownPromise;
      const promise = ownPromise ?? (layout.promise !== null ? inherited : null);
      table.rows.push({ activity: act, periods, periodRefs, goal, party, promise, extra, comments, status, statedTotal });
    }
    doc.tables.push(table);
    return r2;
  }
}

/** True when a row's period and total cells hold only numbers (at least one): a sums row, not an activity. */
function isTotalsRow(cells: (SourceCell | null)[]): boolean {
  const filled = cells.filter((c): c is SourceCell => c !== null);
  return filled.length > 0 && filled.every((c) => /^\d{1,3}(?:[ \u00A0]\d{3})*$|^\d+$/.test(squash(c.text)));
}
