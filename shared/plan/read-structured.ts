// Reads a structured sheet (as a host hands it back, possibly edited) into a FollowUp; never throws.
import { RATE_PER_YEAR, clampPeriod, withStatus } from '../calc/status';
import { GOAL_OP_LABEL, PARTY_LABEL, SEVERITY_LABEL } from '../i18n/sv';
import { UNNAMED_PROMISE } from '../i18n/sv-findings';
import { EVENTS, FINDINGS_SHEET_TEXT, OTHER_TEXT, READ_FINDING, STRUCTURED } from '../i18n/sv-plan';
import { a1 } from '../model/a1';
import {
  FollowUpSchema,
  PeriodKindSchema,
  UNCOMPUTED,
  type Activity,
  type CitizenPromise,
  type Finding,
  type FollowUp,
  type FollowUpEvent,
  type Goal,
  type GoalOp,
  type Judgement,
  type Party,
  type Period,
  type PeriodKind,
  type Severity,
} from '../model/follow-up';
import { cellText, type CellValue, type Grid } from '../model/grid';
import { EVENT_COLS, HEADER_EXTRA_LABEL_COL, HEADER_EXTRA_VALUE_COL, HEADER_VALUE_COL, structuredColumns, type StructuredColumns } from './layout';
import { commentsFromCells, judgementOfLabel, parseOrigin, type Origin } from './activity-text';
import { serialToIso } from './events';
import { FINDING_COLS } from './findings';
import { isSheetFinding } from './structured';

/** The sheets readStructured reads: the structured sheet, and the events and findings sheets when present. */
export interface StructuredSheets {
  structured: Grid;
  events?: Grid | null;
  findings?: Grid | null;
}

/** Cell access in sheet coordinates (zero-based), whatever the grid's origin. */
class Sheet {
  constructor(private readonly g: Grid) {}
  get rows(): number {
    return this.g.origin.row + this.g.values.length;
  }
  raw(r: number, c: number): CellValue {
    return this.g.values[r - this.g.origin.row]?.[c - this.g.origin.col] ?? null;
  }
  /** What the user sees (host text, else the raw value as text). */
  text(r: number, c: number): string {
    return cellText(this.g, r - this.g.origin.row, c - this.g.origin.col);
  }
  /** One past the last column row `r` holds. */
  width(r: number): number {
    return this.g.origin.col + (this.g.values[r - this.g.origin.row]?.length ?? 0);
  }
  /** The first of the sheet's top `within` rows where `is` holds, or -1. */
  findRow(within: number, is: (r: number) => boolean): number {
    for (let r = this.g.origin.row; r < Math.min(this.rows, this.g.origin.row + within); r++) if (is(r)) return r;
    return -1;
  }
  /** The raw text as written (no host formatting), for text cells. */
  str(r: number, c: number): string {
    const v = this.raw(r, c);
    if (v === null || v === undefined) return '';
    return typeof v === 'string' ? v : this.text(r, c);
  }
}

const EMPTY = Symbol('empty');
const BAD = Symbol('bad');

/** A number from a cell: numbers as they are, numeric text ("12", "12,5", "1 470") parsed; blank → EMPTY; anything else → BAD. */
function numberOf(v: CellValue): number | typeof EMPTY | typeof BAD {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? v : BAD;
  if (typeof v === 'boolean') return BAD;
  const s = v.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return EMPTY;
  if (/^[-−]?\d+([.,]\d+)?$/.test(s)) return Number(s.replace('−', '-').replace(',', '.'));
  return BAD;
}

function partyOfLabel(label: string): Party | typeof BAD {
  if (!label.trim()) return null;
  const hit = (Object.keys(PARTY_LABEL) as (keyof typeof PARTY_LABEL)[]).find((k) => PARTY_LABEL[k].toLowerCase() === label.trim().toLowerCase());
  return hit ?? BAD;
}

function opOfLabel(label: string): GoalOp | typeof BAD {
  const t = label.trim().toLowerCase();
  if (!t) return '=';
  const hit = (Object.keys(GOAL_OP_LABEL) as GoalOp[]).find((k) => GOAL_OP_LABEL[k] === t);
  return hit ?? BAD;
}

function kindForCount(n: number): PeriodKind {
  return n === 4 ? 'quarter' : n === 2 ? 'half' : n === 1 ? 'year' : 'tertial';
}

/** A date cell as ISO: a date serial, "2019-11-08" (possibly with a time) or "19-11-08". */
function dateOf(v: CellValue): string | null | typeof BAD {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? serialToIso(v) : BAD;
  if (typeof v !== 'string') return BAD;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(s);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{2})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return `20${m[1]}-${m[2]}-${m[3]}`;
  return BAD;
}

interface ReadEvent extends FollowUpEvent {
  id: string;
  period: number;
  cell: string;
}

function readEvents(g: Grid | null | undefined, n: number, findings: Finding[]): ReadEvent[] {
  if (!g) return [];
  const s = new Sheet(g);
  const header = s.findRow(20, (r) => s.text(r, EVENT_COLS.id).trim() === EVENTS.columns.id);
  if (header < 0) return [];
  const out: ReadEvent[] = [];
  for (let r = header + 1; r < s.rows; r++) {
    const id = s.str(r, EVENT_COLS.id).trim();
    const place = s.str(r, EVENT_COLS.place).trim();
    const rawDate = s.raw(r, EVENT_COLS.date);
    if (!id && !place && (rawDate === null || rawDate === '')) continue;
    const cell = a1(r, EVENT_COLS.id);
    const d = dateOf(rawDate);
    if (d === BAD) findings.push({ severity: 'warning', code: 'structured-bad-date', cell: a1(r, EVENT_COLS.date), message: READ_FINDING.badDate(a1(r, EVENT_COLS.date), s.text(r, EVENT_COLS.date)) });
    const p = numberOf(s.raw(r, EVENT_COLS.listedPeriod));
    if (p === EMPTY || p === BAD || !Number.isInteger(p) || p < 1 || p > n) {
      findings.push({
        severity: 'warning',
        code: 'structured-bad-event-period',
        cell: a1(r, EVENT_COLS.listedPeriod),
        message: READ_FINDING.eventBadPeriod(a1(r, EVENT_COLS.listedPeriod), s.text(r, EVENT_COLS.listedPeriod)),
      });
      continue;
    }
    out.push({ id, period: p, date: d === BAD ? null : d, place: place || null, cell });
  }
  return out;
}

function readFindings(g: Grid | null | undefined): Finding[] {
  if (!g) return [];
  const s = new Sheet(g);
  const bySeverity = new Map<string, Severity>((Object.keys(SEVERITY_LABEL) as Severity[]).map((k) => [SEVERITY_LABEL[k].toLowerCase(), k]));
  const header = s.findRow(20, (r) => s.text(r, FINDING_COLS.severity).trim() === FINDINGS_SHEET_TEXT.columns.severity);
  if (header < 0) return [];
  const out: Finding[] = [];
  for (let r = header + 1; r < s.rows; r++) {
    // The section of the document's other text ends the findings.
    if (s.text(r, FINDING_COLS.severity).trim() === OTHER_TEXT.heading) break;
    const message = s.str(r, FINDING_COLS.message);
    const code = s.str(r, FINDING_COLS.code).trim();
    if (!message && !code) continue;
    const severity = bySeverity.get(s.text(r, FINDING_COLS.severity).trim().toLowerCase()) ?? 'warning';
    const cell = s.str(r, FINDING_COLS.sourceCell).trim() || (isSheetFinding({ code }) ? s.str(r, FINDING_COLS.structuredCell).trim() : '') || null;
    out.push({ severity, code, cell, message });
  }
  return out;
}

/**
 * The judgement of a row. The Bedömning cell is matched as the Status formula matches it. When
 * the row's "Förslag" cell (or, on a sheet made before that column, its "Ursprung" line
 * "Förslag från texten: Uppnått") names a suggestion, the importer suggested that judgement: a Bedömning equal
 * to it is the suggestion kept (source 'text', with its words and cell); any other is the user's
 * (source 'user', no words or cell of the suggestion). Without a suggestion a judgement is the
 * user's, with the words and cell its columns hold. Blank → null; a word not in the list → null
 * and a finding.
 */
function readJudgement(s: Sheet, r: number, cols: StructuredColumns, text: string, origin: Origin, added: Finding[]): Judgement | null {
  if (text.trim() === '') return null;
  const value = judgementOfLabel(text);
  if (value === undefined) {
    const cell = a1(r, cols.judgement);
    added.push({ severity: 'info', code: 'structured-bad-judgement', cell, message: READ_FINDING.badJudgement(cell, s.text(r, cols.judgement)) });
    return null;
  }
  const suggested = cols.suggestion >= 0 ? s.str(r, cols.suggestion).trim() : origin.suggestion;
  const phrase = s.str(r, cols.judgementPhrase);
  const cell = origin.judgementCell;
  if (suggested !== '') {
    return judgementOfLabel(suggested) === value ? { value, phrase, cell, source: 'text' } : { value, phrase: '', cell: null, source: 'user' };
  }
  return { value, phrase, cell, source: 'user' };
}

/**
 * Where the structured table's columns are, found by their header texts (so a sheet of an older
 * layout, or one where a user moved columns, still reads); the layout's position is preferred
 * when its header matches. A column whose header is missing is -1 and reads as empty. Period
 * count columns start at the layout's first period column; `texts` are the "Text <period>" columns.
 */
function locateColumns(s: Sheet, header: number, labels: string[]): StructuredColumns & { texts: number[] } {
  const n = Math.max(1, labels.length);
  const layout = structuredColumns(n);
  const byText = new Map<string, number>();
  for (let c = 0; c < s.width(header); c++) {
    const t = s.text(header, c).trim();
    if (t && !byText.has(t)) byText.set(t, c);
  }
  const C = STRUCTURED.columns;
  const find = (label: string, at: number) => (s.text(header, at).trim() === label ? at : byText.get(label) ?? -1);
  const named = {
    party: C.party, op: C.op, target: C.target, unit: C.unit, total: C.total, share: C.share, expected: C.expected, status: C.status,
    judgement: C.judgement, sourceStatus: C.sourceStatus, comment: C.comment, findings: C.findings, rate: C.rate, places: C.places,
    phrase: C.phrase, goalSource: C.goalSource, sourceCell: C.sourceCell, judgementPhrase: C.judgementPhrase, origin: C.origin,
    computedStatus: C.computedStatus, suggestion: C.suggestion, imported: C.imported,
  } as const;
  const out = { ...layout, texts: labels.map((l, k) => find(C.text(l), layout.textStart + k)) };
  for (const key of Object.keys(named) as (keyof typeof named)[]) out[key] = find(named[key], layout[key]);
  return out;
}

/**
 * Reads a structured sheet back into a FollowUp, so the summary and report reflect what users
 * edited there: header facts, promises, activities, goals (Målvärde is the yearly target),
 * counts (formula cells hold their computed values), kept texts, judgements, own statuses and
 * comments (see `readJudgement` and `commentsFromCells`), events from "Händelser" and findings
 * from "Kontroller" (up to its section of other text). Columns are found by their headers. Totals and statuses are recomputed with `withStatus`. Cells
 * that cannot be read (text in a count cell, a bad date) become findings; it never throws.
 */
export function readStructured(sheets: StructuredSheets): FollowUp {
  const g = sheets.structured;
  const s = new Sheet(g);
  const added: Finding[] = [];
  const base: FollowUp = {
    kommun: null,
    year: null,
    reportedPeriod: null,
    statedPeriod: null,
    periodKind: 'tertial',
    periodLabels: [],
    title: null,
    sheetName: null,
    promises: [],
    notes: [],
    tables: [],
    findings: [],
  };
  try {
    const header = s.findRow(60, (r) => s.text(r, 0).trim() === STRUCTURED.columns.id && s.text(r, 2).trim() === STRUCTURED.columns.activity);
    if (header < 0) {
      return { ...base, findings: [...readFindings(sheets.findings), { severity: 'error', code: 'structured-no-header', cell: null, message: READ_FINDING.noHeader }] };
    }
    // Period columns run from the first period column up to "Totalt".
    const probe = structuredColumns(1);
    const labels: string[] = [];
    for (let c = probe.periodStart; c < probe.periodStart + 12; c++) {
      const t = s.text(header, c).trim();
      if (t === STRUCTURED.columns.total || t === '') break;
      labels.push(t);
    }
    const n = Math.max(1, labels.length);
    const cols = locateColumns(s, header, labels.length ? labels : ['']);

    // Header block.
    let kommun: string | null = null;
    let year: number | null = null;
    let reported: number | null = null;
    let stated: number | null = null;
    let kind: PeriodKind | null = null;
    let title: string | null = null;
    let sheetName: string | null = null;
    for (let r = g.origin.row; r < header; r++) {
      const label = s.text(r, 0).trim();
      const value = s.raw(r, HEADER_VALUE_COL);
      if (label === STRUCTURED.kommun) kommun = s.str(r, HEADER_VALUE_COL).trim() || null;
      else if (label === STRUCTURED.year) {
        const y = numberOf(value);
        year = typeof y === 'number' ? Math.round(y) : null;
      } else if (/^Redovisa[dt] /.test(label)) {
        const p = numberOf(value);
        if (typeof p === 'number') reported = clampPeriod(p, n);
        else if (p === BAD) {
          const cell = a1(r, HEADER_VALUE_COL);
          added.push({ severity: 'warning', code: 'structured-bad-period', cell, message: READ_FINDING.badPeriod(cell, s.text(r, HEADER_VALUE_COL), n) });
        }
      }
      const extra = s.text(r, HEADER_EXTRA_LABEL_COL).trim();
      const ev = s.str(r, HEADER_EXTRA_VALUE_COL);
      if (extra === STRUCTURED.sourceTitle) title = ev || null;
      else if (extra === STRUCTURED.sourceSheet) sheetName = ev || null;
      else if (extra === STRUCTURED.statedPeriod) {
        const p = numberOf(s.raw(r, HEADER_EXTRA_VALUE_COL));
        stated = typeof p === 'number' ? Math.round(p) : null;
      } else if (extra === STRUCTURED.periodKind) {
        const k = PeriodKindSchema.safeParse(ev.trim());
        kind = k.success ? k.data : null;
      }
    }

    const events = readEvents(sheets.events, n, added);
    const sourceOf = new Map<string, Goal['source']>(Object.entries(STRUCTURED.goalSource).map(([k, v]) => [v as string, k as Goal['source']]));
    const promises: CitizenPromise[] = [];
    const activityIds = new Set<string>();
    let current: CitizenPromise | null = null;
    for (let r = header + 1; r < s.rows; r++) {
      const id = s.str(r, cols.id).trim();
      const activityText = s.str(r, cols.activity);
      const status = s.text(r, cols.status).trim();
      const anyCount = Array.from({ length: n }, (_, k) => s.raw(r, cols.periodStart + k)).some((v) => v !== null && v !== '');
      const anyText = Array.from({ length: n }, (_, k) => s.str(r, cols.texts[k])).some((v) => v.trim() !== '');
      const judgementText = s.str(r, cols.judgement);
      const commentText = s.str(r, cols.comment);
      const sourceStatusText = s.str(r, cols.sourceStatus);
      const partyCell = a1(r, cols.party);
      const party = partyOfLabel(s.text(r, cols.party));
      if (party === BAD) added.push({ severity: 'info', code: 'structured-bad-party', cell: partyCell, message: READ_FINDING.badParty(partyCell, s.text(r, cols.party)) });
      const isActivity =
        activityText.trim() !== '' || status !== '' || anyCount || anyText || judgementText.trim() !== '' || commentText.trim() !== '' || sourceStatusText.trim() !== '';
      if (!isActivity) {
        const text = s.str(r, cols.promise);
        if (!id && !text.trim()) continue;
        current = { id, text, party: party === BAD ? null : party, cell: s.str(r, cols.sourceCell).trim() || null, activities: [] };
        promises.push(current);
        continue;
      }
      if (!current) {
        current = { id: 'L0', text: UNNAMED_PROMISE, party: null, cell: null, activities: [] };
        promises.push(current);
      }
      const unit = s.str(r, cols.unit).trim() || null;
      // Goal: Målvärde is the yearly target.
      let goal: Goal | null = null;
      const target = numberOf(s.raw(r, cols.target));
      if (target === BAD) {
        const cell = a1(r, cols.target);
        added.push({ severity: 'warning', code: 'structured-bad-target', cell, message: READ_FINDING.badTarget(cell, s.text(r, cols.target)) });
      } else if (target !== EMPTY) {
        let op = opOfLabel(s.text(r, cols.op));
        if (op === BAD) {
          const cell = a1(r, cols.op);
          added.push({ severity: 'info', code: 'structured-bad-op', cell, message: READ_FINDING.badOp(cell, s.text(r, cols.op)) });
          op = '=';
        }
        const rate = s.str(r, cols.rate).trim() || null;
        const per = rate !== null ? RATE_PER_YEAR[rate] : undefined;
        const placesText = s.str(r, cols.places).trim();
        goal = {
          op,
          value: per ? target / per : target,
          unit,
          places: placesText ? placesText.split(/\s*,\s*/).filter(Boolean) : [],
          rate,
          source: sourceOf.get(s.text(r, cols.goalSource).trim()) ?? 'user',
          phrase: s.str(r, cols.phrase),
        };
      }
      const origin = parseOrigin(s.str(r, cols.origin));
      const actId = id;
      activityIds.add(actId);
      const periods: Period[] = [];
      let run = 0;
      for (let k = 0; k < n; k++) {
        const c = cols.periodStart + k;
        const cell = a1(r, c);
        const raw = s.raw(r, c);
        let value: number | null = null;
        const v = numberOf(raw);
        if (v === BAD) {
          added.push({ severity: 'warning', code: 'structured-not-a-number', cell, message: READ_FINDING.notANumber(cell, s.text(r, c)) });
        } else if (v !== EMPTY) {
          value = v;
          if (v < 0) added.push({ severity: 'warning', code: 'structured-negative', cell, message: READ_FINDING.negative(cell, v) });
          else if (!Number.isInteger(v)) added.push({ severity: 'info', code: 'structured-not-whole', cell, message: READ_FINDING.notWhole(cell, v) });
        }
        const shown = (g.texts?.[r - g.origin.row]?.[c - g.origin.col] ?? '').trim().toLowerCase();
        const lowerBound = value !== null && shown.startsWith('minst');
        const approx = value !== null && /^(minst )?ca\b/.test(shown);
        const text = s.str(r, cols.texts[k]);
        const evs = events.filter((e) => e.id === actId && e.period === k + 1).map((e) => ({ date: e.date, place: e.place }));
        if (value !== null) run += value;
        periods.push({
          value,
          cumulative: value === null ? null : run,
          statedCumulative: null,
          approx,
          lowerBound,
          // A count typed over an event list's COUNTIFS is a count of its own (written back as a number, not a formula).
          kind: evs.length && (value === null || value === evs.length) ? 'events' : value !== null ? 'count' : text.trim() ? 'comment' : 'empty',
          milestone: null,
          events: evs,
          text,
          cell: null,
        });
      }
      const activity: Activity = {
        id: actId,
        text: activityText,
        party: party === BAD ? null : party,
        cell: s.str(r, cols.sourceCell).trim() || null,
        goal,
        unit,
        periods,
        comments: commentsFromCells(commentText, origin.commentRanges),
        sourceStatus: sourceStatusText.trim() === '' ? null : { cell: origin.sourceStatusCell, text: sourceStatusText },
        judgement: readJudgement(s, r, cols, judgementText, origin, added),
        ...UNCOMPUTED,
      };
      current.activities.push(withStatus(activity, reported));
    }
    for (const e of events) {
      if (!activityIds.has(e.id)) added.push({ severity: 'warning', code: 'structured-event-no-activity', cell: e.cell, message: READ_FINDING.eventNoActivity(e.cell, e.id) });
    }
    const out: FollowUp = {
      ...base,
      kommun,
      year,
      reportedPeriod: reported,
      statedPeriod: stated,
      periodKind: kind ?? kindForCount(n),
      periodLabels: labels.length ? labels : ['Helår'],
      title,
      sheetName,
      promises,
      findings: [...readFindings(sheets.findings), ...added],
    };
    const parsed = FollowUpSchema.safeParse(out);
    return parsed.success ? parsed.data : out;
  } catch (e) {
    // Defensive: a malformed grid must never crash a host; report it as a finding.
    return { ...base, findings: [...added, { severity: 'error', code: 'structured-unreadable', cell: null, message: `${READ_FINDING.noHeader} (${e instanceof Error ? e.message : String(e)})` }] };
  }
}
