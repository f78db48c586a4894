// Builds the structured sheet ("Medborgarlöften <år>"): one row per activity with live total/share/expected/status formulas.
import { goalTarget, judgementStatus } from '../calc/status';
import { GOAL_OP_LABEL, JUDGEMENT_LABEL, JUDGEMENT_ORDER, PARTY_LABEL, STATUS_COLOUR, STATUS_LABEL, STATUS_RULE } from '../i18n/sv';
import { ACTIVITY_TEXT, STRUCTURED, reportedLabel } from '../i18n/sv-plan';
import { a1, a1Range, columnLetters, parseA1 } from '../model/a1';
import type { Activity, Finding, FollowUp, JudgementValue, Period, Status } from '../model/follow-up';
import type { ConditionalFormat, PlanCell, PlanNote, SheetPlan, Style, Validation } from '../model/sheet-plan';
import { sheetPlan } from '../model/sheet-plan';
import { importedCellText, importedRecordOf, type ImportedRecord } from './imported';
import {
  EVENT_COLS,
  HEADER_EXTRA_LABEL_COL,
  IMPORTED_PERIOD_ROW,
  HEADER_EXTRA_VALUE_COL,
  HEADER_VALUE_COL,
  REPORTED_REF,
  STRUCTURED_ROWS,
  eventsLastRow,
  eventsRange,
  formulaString,
  structuredColumns,
  type StructuredColumns,
} from './layout';
import { EVENTS_SHEET, structuredSheetName } from './names';
import { commentCellText, originText } from './activity-text';

/** Status order used by legends and overviews. */
export const STATUS_ORDER: Status[] = ['met', 'on-track', 'behind', 'not-met', 'no-goal', 'no-data', 'manual'];

/** Number formats (invariant format codes; the space is a literal thousands gap as Swedish writes it). */
export const FORMAT = {
  count: '# ##0',
  approx: '"ca "# ##0',
  lowerBound: '"minst "# ##0',
  lowerBoundApprox: '"minst ca "# ##0',
  share: '0 %',
  expected: '# ##0.0',
  target: '# ##0.##',
  date: 'yyyy-mm-dd',
} as const;

/** Named styles of the generated sheets. */
export const PLAN_STYLES: Record<string, Style> = {
  title: { bold: true, fontSize: 14 },
  label: { bold: true },
  hint: { italic: true, fontColor: '#595959' },
  input: { fill: '#FFF2CC', bold: true, hAlign: 'center' },
  periodNo: { fontColor: '#808080', fontSize: 8, hAlign: 'center' },
  header: { bold: true, fill: '#D9E1F2', wrap: true, vAlign: 'top', borderBottom: true },
  promise: { bold: true, fill: '#EDF2F9' },
  text: { wrap: true, vAlign: 'top' },
  cell: { vAlign: 'top' },
  count: { vAlign: 'top', hAlign: 'right' },
  formula: { vAlign: 'top', fill: '#F2F2F2' },
  finding: { vAlign: 'top', fill: '#FCE4D6', fontColor: '#833C0B', wrap: true },
  findingText: { wrap: true, vAlign: 'top', fontColor: '#833C0B' },
  judgement: { vAlign: 'top', fill: '#FFF2CC' },
  suggestion: { vAlign: 'top', fill: '#FFF2CC', italic: true, fontColor: '#7F6000' },
  comment: { wrap: true, vAlign: 'top', fill: '#FFFBEF' },
  technical: { vAlign: 'top', fontColor: '#808080', fontSize: 8 },
};

/**
 * The judgements grouped by the statuses `judgementStatus` gives them (before and once the year
 * is over), in list order: what the Status formula and the rule note are built from.
 */
export function judgementGroups(): { values: JudgementValue[]; status: Status; statusAfterYear: Status }[] {
  const groups: { values: JudgementValue[]; status: Status; statusAfterYear: Status }[] = [];
  for (const v of JUDGEMENT_ORDER) {
    const status = judgementStatus(v, false);
    const statusAfterYear = judgementStatus(v, true);
    const g = groups.find((x) => x.status === status && x.statusAfterYear === statusAfterYear);
    if (g) g.values.push(v);
    else groups.push({ values: [v], status, statusAfterYear });
  }
  return groups;
}

/** The rule note's lines on judgements ("Uppnått, Genomförd → Uppnått"). */
export function judgementRuleLines(): string[] {
  return judgementGroups().map((g) => STRUCTURED.judgementRuleLine(g.values.map((v) => JUDGEMENT_LABEL[v]), STATUS_LABEL[g.status], STATUS_LABEL[g.statusAfterYear]));
}

/** The effective reported period as a formula expression: blank → whole year, else clamped to 1..n (as clampPeriod). */
export function reportedExpr(n: number): string {
  return `IF(COUNT(${REPORTED_REF})=0,${n},MIN(MAX(ROUND(${REPORTED_REF},0),1),${n}))`;
}

/** True when an activity's counts come from the events sheet (any period is an event list). */
export function isEventActivity(a: Activity): boolean {
  return a.periods.some((p) => p.kind === 'events');
}

/**
 * Number format of a number read with a qualifier: "ca 20", "minst 40" stay numbers with the
 * qualifier in the format (both: "minst ca 40", which readStructured reads back as both); a
 * number with decimals shows them ("2,5").
 */
function qualifiedFormat(value: number | null, lowerBound: boolean, approx: boolean): string {
  const prefix = lowerBound && approx ? '"minst ca "' : lowerBound ? '"minst "' : approx ? '"ca "' : '';
  if (value !== null && !Number.isInteger(value)) return `${prefix}${FORMAT.target}`;
  if (lowerBound && approx) return FORMAT.lowerBoundApprox;
  if (lowerBound) return FORMAT.lowerBound;
  if (approx) return FORMAT.approx;
  return FORMAT.count;
}

/** Number format of a count cell: "ca 20", "minst 40" stay numbers with a prefix. */
export function countFormat(p: Period): string {
  return qualifiedFormat(p.value, !!p.lowerBound, !!p.approx);
}

/** Number format of an activity's total, as countFormat for a period. */
export function totalFormat(a: { total: number | null; totalLowerBound?: boolean; totalApprox?: boolean }): string {
  return qualifiedFormat(a.total, !!a.totalLowerBound, !!a.totalApprox);
}

/** The parts of the row formulas that are the same on every row of a sheet. */
function sheetFormulaParts(c: StructuredColumns) {
  const n = c.n;
  const R = reportedExpr(n);
  const pnRow = STRUCTURED_ROWS.periodNumbers + 1;
  const abs = (col: number) => `$${columnLetters(col)}$${pnRow}`;
  const L = STATUS_LABEL;
  const q = formulaString;
  return {
    n,
    R,
    periodNos: `${abs(c.periodStart)}:${abs(c.periodStart + n - 1)}`,
    textNos: `${abs(c.textStart)}:${abs(c.textStart + n - 1)}`,
    le: `"<="&${R}`,
    judged: judgedFormulaParts(R, n),
    words: { notMet: q(L['not-met']), met: q(L.met), onTrack: q(L['on-track']), behind: q(L.behind), manual: q(L.manual), noData: q(L['no-data']), noGoal: q(L['no-goal']), atMost: q(GOAL_OP_LABEL['<=']) },
  };
}
type SheetFormulaParts = ReturnType<typeof sheetFormulaParts>;

/**
 * The status from a judgement cell as formula text: nested IFs over `judgementGroups()` (so
 * exactly `judgementStatus`), each giving its status word with "(bedömd)"; `open` is split where
 * the cell's address goes, the fallback (no judgement, or a word not in the list) goes between
 * `open` and `close`.
 */
function judgedFormulaParts(R: string, n: number): { open: string[]; close: string } {
  const J = '\u0001';
  const q = formulaString;
  const word = (s: Status) => q(ACTIVITY_TEXT.judged(STATUS_LABEL[s]));
  let open = '';
  let close = '';
  for (const g of judgementGroups()) {
    const tests = g.values.map((v) => `${J}=${q(JUDGEMENT_LABEL[v])}`);
    const cond = tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`;
    const then = g.status === g.statusAfterYear ? word(g.status) : `IF(${R}>=${n},${word(g.statusAfterYear)},${word(g.status)})`;
    open += `IF(${cond},${then},`;
    close += ')';
  }
  return { open: open.split(J), close };
}

/** The words the Status column can show: every status word, and those a judgement gives with "(bedömd)". */
export function statusCellWords(): { status: Status; text: string }[] {
  const judged = new Set(judgementGroups().flatMap((g) => [g.status, g.statusAfterYear]));
  return [
    ...STATUS_ORDER.map((s) => ({ status: s, text: STATUS_LABEL[s] })),
    ...STATUS_ORDER.filter((s) => judged.has(s)).map((s) => ({ status: s, text: ACTIVITY_TEXT.judged(STATUS_LABEL[s]) })),
  ];
}

/**
 * The live formulas of one activity row (0-based row), exactly the rule of computeStatus:
 * Beräknad status is the rule without a judgement; Status is the judgement's word with
 * "(bedömd)" where Bedömning decides (no count, or a count and a Bedömning other than the
 * importer's suggestion in Förslag), else Beräknad status.
 */
export function rowFormulas(row: number, c: StructuredColumns, parts: SheetFormulaParts = sheetFormulaParts(c)): { total: string; share: string; expected: string; status: string; computedStatus: string } {
  const { n, R, periodNos, textNos, le, judged, words: w } = parts;
  const counts = a1Range(row, c.periodStart, 1, n);
  const texts = a1Range(row, c.textStart, 1, n);
  const T = a1(row, c.total);
  const F = a1(row, c.target);
  const E = a1(row, c.op);
  const J = a1(row, c.judgement);
  const S = a1(row, c.suggestion);
  const B = a1(row, c.computedStatus);
  const total = `=IF(COUNTIFS(${periodNos},${le},${counts},">=0")+COUNTIFS(${periodNos},${le},${counts},"<0")=0,"",SUMIFS(${counts},${periodNos},${le}))`;
  const share = `=IF(OR(COUNT(${F})=0,${T}=""),"",IF(${F}=0,"",${T}/${F}))`;
  const expected = `=IF(COUNT(${F})=0,"",${F}*${R}/${n})`;
  const atMost = `IF(${T}>${F},${w.notMet},IF(${R}>=${n},${w.met},IF(${T}<=${F}*${R}/${n},${w.onTrack},${w.behind})))`;
  const atLeast = `IF(${T}>=${F},${w.met},IF(${R}>=${n},${w.notMet},IF(${T}>=${F}*${R}/${n},${w.onTrack},${w.behind})))`;
  const noCount = `IF(COUNTIFS(${textNos},${le},${texts},"<>")>0,${w.manual},${w.noData})`;
  const computedStatus = `=IF(${T}="",${noCount},IF(COUNT(${F})=0,${w.noGoal},IF(${E}=${w.atMost},${atMost},${atLeast})))`;
  const status = `=IF(AND(${T}<>"",${J}=${S}),${B},${judged.open.join(J)}${B}${judged.close})`;
  return { total, share, expected, status, computedStatus };
}

/** COUNTIFS formula of an event-list period: the number of events of this activity listed under period k, blank when none. */
export function eventCountFormula(row: number, c: StructuredColumns, k: number, lastRow: number): string {
  const ids = eventsRange(EVENTS_SHEET, EVENT_COLS.id, lastRow);
  const per = eventsRange(EVENTS_SHEET, EVENT_COLS.listedPeriod, lastRow);
  const id = `$${columnLetters(c.id)}${row + 1}`;
  const count = `COUNTIFS(${ids},${id},${per},${k})`;
  return `=IF(${count}=0,"",${count})`;
}

/** Maps a source cell (A1 on the imported sheet) to the structured cell that shows it. */
export function structuredCellMap(f: FollowUp): Map<string, string> {
  const c = structuredColumns(f.periodLabels.length);
  const map = new Map<string, string>();
  let row = STRUCTURED_ROWS.firstData;
  for (const p of f.promises) {
    if (p.cell) map.set(p.cell, a1(row, c.promise));
    row++;
    for (const a of p.activities) {
      if (a.cell && !map.has(a.cell)) map.set(a.cell, a1(row, c.activity));
      a.periods.forEach((per, k) => {
        if (per.cell && !map.has(per.cell)) map.set(per.cell, a1(row, c.periodStart + k));
      });
      for (const cm of a.comments) if (cm.cell && !map.has(cm.cell)) map.set(cm.cell, a1(row, c.comment));
      if (a.sourceStatus?.cell && !map.has(a.sourceStatus.cell)) map.set(a.sourceStatus.cell, a1(row, c.sourceStatus));
      if (a.judgement?.cell && !map.has(a.judgement.cell)) map.set(a.judgement.cell, a1(row, c.judgement));
      row++;
    }
  }
  return map;
}

function rangesOf(rows: number[], col: number): string[] {
  const out: string[] = [];
  let start = -1;
  let prev = -2;
  for (const r of [...rows].sort((x, y) => x - y)) {
    if (r !== prev + 1) {
      if (start >= 0) out.push(a1Range(start, col, prev - start + 1, 1));
      start = r;
    }
    prev = r;
  }
  if (start >= 0) out.push(a1Range(start, col, prev - start + 1, 1));
  return out;
}

/**
 * The structured sheet of a follow-up: header block with the reported-period cell (list
 * validation; every formula reads it), a row per promise and per activity with counts per
 * period, live Totalt / Andel av mål / Förväntat hittills / Status formulas implementing
 * `computeStatus`, Bedömning (a list of both judgement scales; the Status formula uses it
 * where no count is reported, as `judgementStatus`), the source's own status verbatim,
 * Kommentar (the source's comments verbatim, one per line; users add theirs), the kept source
 * texts, findings per row, and the goal's and judgement's details. A judgement the importer
 * read from the text is a suggestion: shown in italics with a note quoting its words, and its
 * label kept in the "Ursprung" cell (with the source cells of judgement, own status and
 * comments, and in "Förslag", which the Status formula compares Bedömning with) so
 * readStructured can tell whether the user kept it. Status shows the judgement's status with
 * "(bedömd)" where Bedömning decides (no count, or the user's own judgement over a count), and
 * "Beräknad status" beside it always shows what the counts alone give. "Importerat" holds what
 * the import wrote in the row (see imported.ts) and "Inläst period" (D1/E1) the period it gave,
 * so an update can tell the user's edits from the importer's values; `opts` carries both when
 * the sheet is written by an update. Findings whose code marks them as the sheet's own
 * (`isSheetFinding`: an update's conflicts) name a cell of this sheet: that cell is marked and
 * noted, and the message listed in its row's Kontroller column.
 * Counts of event-list activities are COUNTIFS over the "Händelser" sheet.
 */
/** What an update hands planStructured besides the follow-up (a fresh import needs neither). */
export interface StructuredOptions {
  /** Per activity ID: the "Importerat" record (null: none) and the suggestion in "Förslag"; default: from the activity as imported. */
  rows?: Record<string, { imported: ImportedRecord | null; suggestion: JudgementValue | null }>;
  /** The reported period the last import gave ("Inläst period"); default: the follow-up's. */
  importedPeriod?: number | null;
}

/** True for findings about a cell of the structured sheet itself (an update's, code "update-…"), not of the source. */
export function isSheetFinding(fd: Pick<Finding, 'code'>): boolean {
  return fd.code.startsWith('update-');
}

export function planStructured(f: FollowUp, opts: StructuredOptions = {}): SheetPlan {
  const n = f.periodLabels.length;
  const c = structuredColumns(n);
  const name = structuredSheetName(f.year);
  const cellMap = structuredCellMap(f);
  const eventCount = f.promises.reduce((s, p) => s + p.activities.reduce((t, a) => t + a.periods.reduce((u, q) => u + q.events.length, 0), 0), 0);
  const lastEventRow = eventsLastRow(eventCount);

  const formulaParts = sheetFormulaParts(c);
  const values: PlanCell[][] = [];
  const styles: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  const newRow = (style: string | null = null) => {
    values.push(Array<PlanCell>(c.width).fill(null));
    styles.push(Array<string | null>(c.width).fill(style));
    formats.push(Array<string | null>(c.width).fill(null));
    return values.length - 1;
  };
  const put = (r: number, col: number, v: PlanCell, style: string | null = null, fmt: string | null = null) => {
    values[r][col] = v;
    if (style) styles[r][col] = style;
    if (fmt) formats[r][col] = fmt;
  };

  // Header block.
  for (let i = 0; i < STRUCTURED_ROWS.firstData; i++) newRow();
  put(STRUCTURED_ROWS.title, 0, STRUCTURED.title(f.kommun, f.year), 'title');
  put(STRUCTURED_ROWS.kommun, 0, STRUCTURED.kommun, 'label');
  put(STRUCTURED_ROWS.kommun, HEADER_VALUE_COL, f.kommun);
  put(STRUCTURED_ROWS.year, 0, STRUCTURED.year, 'label');
  put(STRUCTURED_ROWS.year, HEADER_VALUE_COL, f.year, null, '0');
  put(STRUCTURED_ROWS.reported, 0, reportedLabel(f.periodKind), 'label');
  put(STRUCTURED_ROWS.reported, HEADER_VALUE_COL, f.reportedPeriod, 'input', '0');
  put(STRUCTURED_ROWS.reported, HEADER_VALUE_COL + 1, STRUCTURED.reportedHint(n), 'hint');
  put(STRUCTURED_ROWS.kommun, HEADER_EXTRA_LABEL_COL, STRUCTURED.sourceTitle, 'label');
  put(STRUCTURED_ROWS.kommun, HEADER_EXTRA_VALUE_COL, f.title);
  put(STRUCTURED_ROWS.year, HEADER_EXTRA_LABEL_COL, STRUCTURED.sourceSheet, 'label');
  put(STRUCTURED_ROWS.year, HEADER_EXTRA_VALUE_COL, f.sheetName);
  put(STRUCTURED_ROWS.reported, HEADER_EXTRA_LABEL_COL, STRUCTURED.statedPeriod, 'label');
  put(STRUCTURED_ROWS.reported, HEADER_EXTRA_VALUE_COL, f.statedPeriod, null, '0');
  put(IMPORTED_PERIOD_ROW, HEADER_EXTRA_LABEL_COL, STRUCTURED.importedPeriod, 'periodNo');
  put(IMPORTED_PERIOD_ROW, HEADER_EXTRA_VALUE_COL, opts.importedPeriod !== undefined ? opts.importedPeriod : f.reportedPeriod, 'periodNo', '0');
  put(STRUCTURED_ROWS.periodNumbers, 0, STRUCTURED.periodNumbers, 'periodNo');
  put(STRUCTURED_ROWS.periodNumbers, HEADER_EXTRA_LABEL_COL, STRUCTURED.periodKind, 'periodNo');
  put(STRUCTURED_ROWS.periodNumbers, HEADER_EXTRA_VALUE_COL, f.periodKind, 'periodNo');
  for (let k = 1; k <= n; k++) {
    put(STRUCTURED_ROWS.periodNumbers, c.periodStart + k - 1, k, 'periodNo');
    put(STRUCTURED_ROWS.periodNumbers, c.textStart + k - 1, k, 'periodNo');
  }
  const H = STRUCTURED_ROWS.header;
  const col = STRUCTURED.columns;
  const headers: [number, string][] = [
    [c.id, col.id], [c.promise, col.promise], [c.activity, col.activity], [c.party, col.party], [c.op, col.op],
    [c.target, col.target], [c.unit, col.unit], [c.total, col.total], [c.share, col.share], [c.expected, col.expected],
    [c.status, col.status], [c.findings, col.findings], [c.rate, col.rate], [c.places, col.places], [c.phrase, col.phrase],
    [c.goalSource, col.goalSource], [c.sourceCell, col.sourceCell],
    [c.judgement, col.judgement], [c.sourceStatus, col.sourceStatus], [c.comment, col.comment],
    [c.judgementPhrase, col.judgementPhrase], [c.origin, col.origin],
    [c.computedStatus, col.computedStatus], [c.suggestion, col.suggestion], [c.imported, col.imported],
  ];
  f.periodLabels.forEach((label, k) => {
    headers.push([c.periodStart + k, label], [c.textStart + k, col.text(label)]);
  });
  for (const [ci, text] of headers) put(H, ci, text, 'header');

  const notes: PlanNote[] = [
    { cell: a1(H, c.status), text: `${STRUCTURED.statusNote(STATUS_ORDER.map((s) => `${STATUS_LABEL[s]}: ${STATUS_RULE[s]}`))}\n\n${STRUCTURED.judgementRule(judgementRuleLines())}` },
    { cell: a1(H, c.sourceStatus), text: STRUCTURED.sourceStatusNote },
    { cell: a1(H, c.comment), text: STRUCTURED.commentInputMessage },
    { cell: a1(H, c.computedStatus), text: STRUCTURED.computedStatusNote },
    { cell: a1(H, c.suggestion), text: STRUCTURED.suggestionColumnNote },
    { cell: a1(H, c.imported), text: STRUCTURED.importedNote },
    { cell: a1(IMPORTED_PERIOD_ROW, HEADER_EXTRA_LABEL_COL), text: STRUCTURED.importedPeriodNote },
  ];
  const activityRows: number[] = [];
  const noteByCell = new Map<string, string[]>();
  const findingsByCell = new Map<string, Finding[]>();
  // An update's findings name this sheet's cells: grouped by row for the Kontroller column.
  const sheetFindingsByRow = new Map<number, Finding[]>();
  for (const fd of f.findings) {
    if (!fd.cell) continue;
    if (isSheetFinding(fd)) {
      const at = parseA1(fd.cell);
      if (!at) continue;
      const list = sheetFindingsByRow.get(at.row) ?? [];
      list.push(fd);
      sheetFindingsByRow.set(at.row, list);
      continue;
    }
    const list = findingsByCell.get(fd.cell) ?? [];
    list.push(fd);
    findingsByCell.set(fd.cell, list);
  }

  for (const p of f.promises) {
    const r = newRow('promise');
    put(r, c.id, p.id);
    put(r, c.promise, p.text);
    put(r, c.party, p.party ? PARTY_LABEL[p.party] : null);
    put(r, c.sourceCell, p.cell);
    const pf = p.cell ? findingsByCell.get(p.cell) ?? [] : [];
    if (pf.length) put(r, c.findings, pf.map((x) => x.message).join('\n'));

    for (const a of p.activities) {
      const row = newRow('cell');
      activityRows.push(row);
      const ev = isEventActivity(a);
      put(row, c.id, a.id);
      put(row, c.promise, p.id);
      put(row, c.activity, a.text, 'text');
      put(row, c.party, a.party ? PARTY_LABEL[a.party] : null);
      put(row, c.unit, a.unit ?? a.goal?.unit ?? null, 'text');
      put(row, c.sourceCell, a.cell);
      if (a.goal) {
        const target = goalTarget(a.goal);
        put(row, c.op, GOAL_OP_LABEL[a.goal.op]);
        put(row, c.target, target, null, FORMAT.target);
        put(row, c.rate, a.goal.rate);
        put(row, c.places, a.goal.places.length ? a.goal.places.join(', ') : null, 'text');
        put(row, c.phrase, a.goal.phrase || null, 'text');
        put(row, c.goalSource, STRUCTURED.goalSource[a.goal.source]);
        if (a.goal.rate) notes.push({ cell: a1(row, c.target), text: STRUCTURED.rateNote(a.goal.value, a.goal.rate, target) });
      }
      a.periods.forEach((per, k) => {
        const literal = per.value !== null && per.kind !== 'events';
        const cellV: PlanCell = ev && !literal ? { f: eventCountFormula(row, c, k + 1, lastEventRow) } : per.value;
        put(row, c.periodStart + k, cellV, ev && !literal ? 'formula' : 'count', countFormat(per));
        put(row, c.textStart + k, per.text.trim() === '' ? null : per.text, 'text');
      });
      if (ev) notes.push({ cell: a1(row, c.periodStart), text: STRUCTURED.eventCountNote });
      // Judgement (a suggestion from the text is marked and carries its words as a note), own status, comments.
      const j = a.judgement;
      const given = opts.rows?.[a.id];
      const suggestion = given ? given.suggestion : j?.source === 'text' ? j.value : null;
      if (suggestion) put(row, c.suggestion, JUDGEMENT_LABEL[suggestion], 'cell');
      const imported = given ? given.imported : importedRecordOf(a);
      if (imported) put(row, c.imported, importedCellText(imported), 'technical');
      if (j) {
        put(row, c.judgement, JUDGEMENT_LABEL[j.value], j.source === 'text' ? 'suggestion' : 'judgement');
        if (j.source === 'text') notes.push({ cell: a1(row, c.judgement), text: STRUCTURED.suggestionNote(j.phrase, j.cell) });
        put(row, c.judgementPhrase, j.phrase || null, 'text');
      } else styles[row][c.judgement] = 'judgement';
      if (a.sourceStatus) put(row, c.sourceStatus, a.sourceStatus.text, 'text');
      if (a.comments.length) put(row, c.comment, commentCellText(a.comments), 'comment');
      else styles[row][c.comment] = 'comment';
      put(row, c.origin, originText(a) || null);
      const fm = rowFormulas(row, c, formulaParts);
      put(row, c.total, { f: fm.total }, 'formula', FORMAT.count);
      put(row, c.share, { f: fm.share }, 'formula', FORMAT.share);
      put(row, c.expected, { f: fm.expected }, 'formula', FORMAT.expected);
      put(row, c.status, { f: fm.status }, 'formula');
      put(row, c.computedStatus, { f: fm.computedStatus }, 'formula');

      // Findings of this row: mark the cells they name and list them in the Kontroller column.
      const sources = [a.cell, ...a.periods.map((x) => x.cell)].filter((x): x is string => !!x);
      const rowFindings: Finding[] = [];
      for (const s of new Set(sources)) {
        const list = findingsByCell.get(s);
        if (!list) continue;
        rowFindings.push(...list);
        const target = cellMap.get(s);
        if (!target) continue;
        const at = parseA1(target);
        if (at) styles[at.row][at.col] = 'finding';
        const msgs = noteByCell.get(target) ?? [];
        msgs.push(...list.map((x) => x.message));
        noteByCell.set(target, msgs);
      }
      const own = sheetFindingsByRow.get(row) ?? [];
      for (const fd of own) {
        const at = parseA1(fd.cell as string) as { row: number; col: number };
        if (at.col < c.width) styles[at.row][at.col] = 'finding';
        const msgs = noteByCell.get(fd.cell as string) ?? [];
        msgs.push(fd.message);
        noteByCell.set(fd.cell as string, msgs);
      }
      rowFindings.push(...own);
      if (rowFindings.length) put(row, c.findings, rowFindings.map((x) => x.message).join('\n'), 'findingText');
    }
  }
  for (const [cell, msgs] of noteByCell) notes.push({ cell, text: msgs.join('\n') });
  // One note per cell: join texts that landed on the same cell (e.g. event-count note and a finding).
  const merged = new Map<string, string[]>();
  for (const n of notes) {
    const texts = merged.get(n.cell);
    if (texts) texts.push(n.text);
    else merged.set(n.cell, [n.text]);
  }
  const cellNotes: PlanNote[] = [...merged].map(([cell, texts]) => ({ cell, text: texts.join('\n\n') }));

  const lastRow = values.length - 1;
  const conditionalFormats: ConditionalFormat[] = [];
  const validations: Validation[] = [];
  if (activityRows.length) {
    const statusRange = a1Range(STRUCTURED_ROWS.firstData, c.status, lastRow - STRUCTURED_ROWS.firstData + 1, 1);
    for (const { status: s, text } of statusCellWords()) {
      conditionalFormats.push({
        range: statusRange,
        when: { type: 'textEquals', text },
        style: { fill: STATUS_COLOUR[s].fill, fontColor: STATUS_COLOUR[s].font, bold: true },
      });
    }
    for (let k = 0; k < n; k++) {
      for (const range of rangesOf(activityRows, c.periodStart + k)) {
        validations.push({
          range,
          rule: { type: 'wholeNumber', min: 0 },
          allowBlank: true,
          inputTitle: STRUCTURED.countInputTitle,
          inputMessage: STRUCTURED.countInputMessage,
          errorMessage: STRUCTURED.countError,
        });
      }
    }
    for (const range of rangesOf(activityRows, c.judgement)) {
      validations.push({
        range,
        rule: { type: 'list', values: JUDGEMENT_ORDER.map((v) => JUDGEMENT_LABEL[v]) },
        allowBlank: true,
        inputTitle: STRUCTURED.judgementInputTitle,
        inputMessage: STRUCTURED.judgementInputMessage,
        errorMessage: STRUCTURED.listError,
      });
    }
    for (const range of rangesOf(activityRows, c.op)) {
      validations.push({ range, rule: { type: 'list', values: Object.values(GOAL_OP_LABEL) }, allowBlank: true, inputMessage: STRUCTURED.opInputMessage, errorMessage: STRUCTURED.listError });
    }
    for (const range of rangesOf(activityRows, c.target)) {
      validations.push({ range, rule: { type: 'decimal', min: 0 }, allowBlank: true, inputMessage: STRUCTURED.targetInputMessage, errorMessage: STRUCTURED.targetInputMessage });
    }
  }
  const allRows = Array.from({ length: Math.max(0, lastRow - STRUCTURED_ROWS.firstData + 1) }, (_, i) => STRUCTURED_ROWS.firstData + i);
  for (const range of rangesOf(allRows, c.party)) {
    validations.push({ range, rule: { type: 'list', values: Object.values(PARTY_LABEL) }, allowBlank: true, inputMessage: STRUCTURED.partyInputMessage, errorMessage: STRUCTURED.listError });
  }
  validations.push({
    range: a1(STRUCTURED_ROWS.reported, HEADER_VALUE_COL),
    rule: { type: 'list', values: Array.from({ length: n }, (_, i) => String(i + 1)) },
    allowBlank: true,
    inputTitle: STRUCTURED.reportedInputTitle,
    inputMessage: STRUCTURED.reportedInputMessage(n),
    errorMessage: STRUCTURED.listError,
  });

  const widths: (number | null)[] = Array(c.width).fill(null);
  widths[c.id] = 7;
  widths[c.promise] = 8;
  widths[c.activity] = 48;
  widths[c.party] = 12;
  widths[c.op] = 8;
  widths[c.target] = 10;
  widths[c.unit] = 18;
  for (let k = 0; k < n; k++) {
    widths[c.periodStart + k] = 11;
    widths[c.textStart + k] = 40;
  }
  widths[c.total] = 9;
  widths[c.share] = 9;
  widths[c.expected] = 11;
  widths[c.status] = 20;
  widths[c.computedStatus] = 14;
  widths[c.suggestion] = 14;
  widths[c.imported] = 12;
  widths[c.findings] = 50;
  widths[c.rate] = 9;
  widths[c.places] = 22;
  widths[c.phrase] = 30;
  widths[c.goalSource] = 11;
  widths[c.sourceCell] = 9;
  widths[c.judgement] = 15;
  widths[c.sourceStatus] = 14;
  widths[c.comment] = 45;
  widths[c.judgementPhrase] = 30;
  widths[c.origin] = 30;

  return sheetPlan({
    name,
    kind: 'structured',
    blocks: [{ row: 0, col: 0, values, numberFormats: formats, styles }],
    styles: PLAN_STYLES,
    columnWidths: widths,
    frozenRows: STRUCTURED_ROWS.header + 1,
    frozenColumns: c.activity + 1,
    conditionalFormats,
    validations,
    notes: cellNotes,
    links: [],
    chart: null,
    tabColor: '#2F5597',
  });
}
