// Entry point of the importer: grid → validated FollowUp with findings (structure, cells, goals, totals, checks).
import { withStatus, goalTarget } from '../calc/status';
import { FINDING, UNNAMED_PROMISE } from '../i18n/sv-findings';
import type { Activity, CitizenPromise, Finding, FollowUp, Goal, Judgement, Note, Party, Period, PeriodKind } from '../model/follow-up';
import { UNCOMPUTED } from '../model/follow-up';
import { parseA1 } from '../model/a1';
import { gridIsEmpty, normalizeGrid, type Grid } from '../model/grid';
import { PERIOD_COUNT, periodLabels } from '../model/periods';
import { parseCell, type ParsedCell } from '../parse/cell';
import { goalForActivity, parseGoalCell, parseGoals } from '../parse/goal';
import { lower, squash, stripDecoration, words } from '../parse/text';
import { findKommun, findStatedPeriod, findYear, placeholdersIn } from './document-meta';
import { partyOf, scanStructure, type RawActivityRow, type SourceCell } from './structure';
import { validateFollowUp, type PlaceRef } from '../validate/findings';

export interface ImportOptions {
  /** Override the reported period (1-based), e.g. from a setting or `--period`. */
  reportedPeriod?: number | null;
  /** Period set when the headers do not tell (default tertial). */
  periodKind?: PeriodKind;
}

interface Draft {
  promiseKey: number;
  row: RawActivityRow;
  activity: Activity;
  parsed: ParsedCell[];
}

function norm(s: string): string {
  return words(lower(s)).join(' ');
}

function wordSet(s: string): Set<string> {
  return new Set(words(lower(s)).filter((w) => w.length > 2));
}

/** Two texts are the same promise when 80 % of the shorter one's words are in the longer one. */
function similarSets(A: Set<string>, B: Set<string>, a: string, b: string): boolean {
  if (!A.size || !B.size) return norm(a) === norm(b);
  const ratio = Math.max(A.size, B.size) / Math.min(A.size, B.size);
  if (ratio > 1.6) return false;
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return inter / Math.min(A.size, B.size) >= 0.8;
}

/** Imports a follow-up from a grid. Never throws on content; problems become findings. */
export function importFollowUp(input: Grid, options: ImportOptions = {}): FollowUp {
  const grid = normalizeGrid(input);
  const findings: Finding[] = [];
  const notes: Note[] = [];
  /** Every place name seen (events, goal places), with its cell, for the spelling check. */
  const placeRefs: PlaceRef[] = [];
  const raw = scanStructure(grid);
  const kommun = findKommun(raw.lines);
  const year = findYear([...raw.lines, ...raw.promises]);
  const stated = findStatedPeriod(raw.lines);
  const kind: PeriodKind = raw.tables[0]?.periodKind ?? stated?.kind ?? options.periodKind ?? 'tertial';
  const count = PERIOD_COUNT[kind];
  const labels = periodLabels(kind);

  for (const n of raw.notes) notes.push({ cell: n.cell, text: n.text });

  // Promises, deduplicated (the same promise often appears in a list and again as a heading).
  const promises: { text: string; party: Party; cell: string | null; goals: Goal[]; words: Set<string> }[] = [];
  // Word → promises using it, so a lookup only compares promises that share words (linear, not quadratic, in promises).
  const postings = new Map<string, number[]>();
  const findPromise = (text: string) => {
    const ws = wordSet(text);
    if (!ws.size) return { ws, i: promises.findIndex((p) => similarSets(p.words, ws, p.text, text)) };
    const shared = new Map<number, number>();
    for (const w of ws) for (const k of postings.get(w) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
    let i = -1;
    for (const [k, n] of shared) {
      if ((i < 0 || k < i) && n / Math.min(ws.size, promises[k].words.size) >= 0.8 && similarSets(promises[k].words, ws, promises[k].text, text)) i = k;
    }
    return { ws, i };
  };
  const addPromise = (p: (typeof promises)[number]): number => {
    const k = promises.push(p) - 1;
    for (const w of p.words) {
      const list = postings.get(w);
      if (list) list.push(k);
      else postings.set(w, [k]);
    }
    return k;
  };
  const occurrenceToPromise: number[] = [];
  for (const occ of raw.promises) {
    const { ws, i } = findPromise(occ.text);
    if (i >= 0) {
      occurrenceToPromise.push(i);
      if (!promises[i].party && occ.party) promises[i].party = occ.party;
      if (promises[i].text !== occ.text) notes.push({ cell: occ.cell, text: occ.text });
    } else {
      occurrenceToPromise.push(addPromise({ text: occ.text, party: occ.party, cell: occ.cell, goals: parseGoals(occ.text), words: ws }));
    }
  }

  if (gridIsEmpty(grid)) {
    findings.push({ severity: 'error', code: 'empty', cell: null, message: FINDING.empty() });
  } else if (!raw.tables.length) {
    findings.push({ severity: 'error', code: 'no-tables', cell: null, message: FINDING.noTables() });
  }

  // Activities, in table order, under the nearest promise above each table.
  let unnamedPromise = -1;
  const drafts: Draft[] = [];
  for (const table of raw.tables) {
    for (const row of table.rows) {
      let promiseKey: number;
      if (row.promise) {
        const txt = stripDecoration(row.promise.text);
        let { ws, i } = findPromise(txt);
        if (i < 0) {
          i = addPromise({ text: txt, party: partyOf(txt), cell: row.promise.cell, goals: parseGoals(txt), words: ws });
        }
        promiseKey = i;
      } else if (table.promiseIndex !== null) {
        promiseKey = occurrenceToPromise[table.promiseIndex];
      } else {
        if (unnamedPromise < 0) {
          unnamedPromise = addPromise({ text: table.title ? stripDecoration(table.title.text) : UNNAMED_PROMISE, party: null, cell: null, goals: [], words: new Set() });
        }
        promiseKey = unnamedPromise;
      }
      drafts.push(buildActivity(row, promiseKey));
    }
  }

  function buildActivity(row: RawActivityRow, promiseKey: number): Draft {
    const text = row.activity ? row.activity.text : '';
    if (!row.activity) {
      const firstCell = row.periods.find(Boolean) ?? row.goal ?? row.extra[0];
      if (firstCell) findings.push({ severity: 'warning', code: 'activity-without-name', cell: firstCell.cell, message: FINDING.activityNoName(firstCell.cell) });
    }
    const promise = promises[promiseKey];
    let goal: Goal | null = null;
    if (row.goal) goal = parseGoalCell(row.goal.text);
    if (!goal) {
      const own = parseGoals(text);
      goal = own[0] ?? null;
    }
    if (!goal && promise.goals.length) {
      const match = goalForActivity(promise.goals, text);
      if (match) goal = { ...match, source: 'promise' };
    }
    const activityNouns = (text.match(/[\p{L}-]{4,}/gu) ?? []).slice(0, 12);
    const ctx = { unit: goal?.unit ?? null, activityNouns, year, goalValue: goal ? goalTarget(goal) : null };
    const parsed = row.periods.map((p) => parseCell(p?.text ?? '', ctx));
    const party = (row.party ? partyOf(`${row.party.text} `) ?? partyFromWord(row.party.text) : null) ?? partyOf(text) ?? promise.party;
    if (row.party && !partyOf(`${row.party.text} `) && !partyFromWord(row.party.text)) notes.push({ cell: row.party.cell, text: row.party.text });
    for (const e of row.extra) notes.push({ cell: e.cell, text: e.text });
    if (row.goal && !goal) notes.push({ cell: row.goal.cell, text: row.goal.text });
    const periods: Period[] = parsed.map((pc, i) => ({
      value: pc.value,
      cumulative: null,
      statedCumulative: pc.statedCumulative,
      approx: pc.approx,
      lowerBound: pc.lowerBound,
      kind: pc.kind,
      milestone: pc.milestone,
      events: pc.events,
      text: row.periods[i]?.text ?? '',
      cell: row.periods[i]?.cell ?? row.periodRefs[i] ?? null,
    }));
    const unit = goal?.unit ?? parsed.find((p) => p.noun && p.kind !== 'other-unit')?.noun ?? null;
    const activity: Activity = {
      id: '',
      text,
      party,
      cell: row.activity?.cell ?? null,
      goal,
      unit,
      periods,
      comments: [],
      sourceStatus: null,
      judgement: judgementFromCells(parsed, periods),
      ...UNCOMPUTED,
    };
    return { promiseKey, row, activity, parsed };
  }

  // Duplicates: the same activity with the same numbers is merged into its first copy.
  const kept: Draft[] = [];
  const firstByText = new Map<string, Draft>();
  for (const d of drafts) {
    const key = norm(d.activity.text);
    const first = key ? firstByText.get(key) : undefined;
    if (key && !first) firstByText.set(key, d);
    if (first) {
      const same = first.activity.periods.every((p, i) => p.value === d.activity.periods[i]?.value && p.events.length === (d.activity.periods[i]?.events.length ?? 0));
      if (same) {
        findings.push({ severity: 'info', code: 'duplicate-activity', cell: d.activity.cell, message: FINDING.duplicateMerged(d.activity.cell ?? '', first.activity.cell ?? '') });
        for (const c of [d.row.activity, ...d.row.periods, d.row.goal, d.row.party, d.row.promise, ...d.row.extra]) if (c) notes.push({ cell: c.cell, text: c.text });
        for (const p of d.activity.periods) for (const e of p.events) placeRefs.push({ place: e.place, cell: p.cell });
        continue;
      }
      findings.push({ severity: 'warning', code: 'duplicate-activity', cell: d.activity.cell, message: FINDING.duplicateConflict(d.activity.cell ?? '', first.activity.cell ?? '') });
    }
    kept.push(d);
  }

  // Reported period: the setting, else the last period holding data (and say so when the text disagrees).
  let lastData = 0;
  for (const d of kept) d.activity.periods.forEach((p, i) => { if (p.text.trim() !== '') lastData = Math.max(lastData, i + 1); });
  const statedPeriod = stated && stated.kind === kind ? stated.period : null;
  let reportedPeriod: number | null = options.reportedPeriod ?? null;
  if (reportedPeriod !== null) reportedPeriod = Math.min(Math.max(Math.round(reportedPeriod), 1), count);
  if (reportedPeriod === null) {
    reportedPeriod = lastData || statedPeriod || null;
    if (statedPeriod && lastData && statedPeriod !== lastData) {
      findings.push({ severity: 'warning', code: 'period-contradicted', cell: stated?.cell ?? null, message: FINDING.periodContradicted(stated?.cell ?? null, periodName(statedPeriod), periodName(lastData)) });
    }
  }

  function periodName(p: number): string {
    if (kind === 'year') return 'helåret';
    return `${labels[p - 1]?.toLowerCase() ?? p}`;
  }

  // Running totals, derived values and per-cell findings.
  for (const d of kept) {
    let run = 0;
    let runApprox = false;
    let lastStated: number | null = null;
    d.activity.periods.forEach((p, i) => {
      const cell = p.cell ?? d.activity.cell ?? '';
      if (d.parsed[i].error) findings.push({ severity: 'error', code: 'cell-error', cell, message: FINDING.cellError(cell, d.parsed[i].error as string) });
      if (p.kind === 'cumulative' && p.statedCumulative !== null) {
        const stated = p.statedCumulative;
        if (stated < run) {
          findings.push({ severity: 'error', code: 'cumulative-decrease', cell, message: FINDING.cumulativeDecrease(cell, stated, run) });
          p.value = null;
          p.cumulative = null;
        } else {
          p.value = stated - run;
          p.approx = p.approx || runApprox;
          run = stated;
          p.cumulative = stated;
        }
      } else if (p.value !== null) {
        run += p.value;
        p.cumulative = run;
        if (p.statedCumulative !== null && p.statedCumulative !== run) {
          if (lastStated !== null && p.statedCumulative < lastStated) findings.push({ severity: 'error', code: 'cumulative-decrease', cell, message: FINDING.cumulativeDecrease(cell, p.statedCumulative, lastStated) });
          else findings.push({ severity: 'error', code: 'cumulative-mismatch', cell, message: FINDING.cumulativeMismatch(cell, p.statedCumulative, run, labels.slice(0, i + 1).join(' + ')) });
        }
      }
      if (p.statedCumulative !== null) lastStated = p.statedCumulative;
      if (p.value !== null && p.approx) runApprox = true;
      if (p.value !== null && p.approx && p.kind !== 'cumulative') findings.push({ severity: 'info', code: 'approximate', cell, message: FINDING.approx(cell, p.value) });
      if (p.kind === 'cumulative' && p.lowerBound && p.statedCumulative !== null) findings.push({ severity: 'info', code: 'lower-bound', cell, message: FINDING.lowerBound(cell, p.statedCumulative) });
      if (p.value !== null && !Number.isInteger(p.value)) findings.push({ severity: 'warning', code: 'not-whole-number', cell, message: FINDING.notWhole(cell, p.value) });
      if (p.kind === 'other-unit') findings.push({ severity: 'info', code: 'other-unit', cell, message: FINDING.otherUnit(cell, d.activity.unit) });
      if (d.activity.goal && (p.kind === 'comment' || p.kind === 'milestone' || p.kind === 'other-unit') && i < (reportedPeriod ?? count)) {
        findings.push({ severity: 'warning', code: 'count-missing', cell, message: FINDING.countMissing(cell, d.activity.goal.unit) });
      }
      if (options.reportedPeriod != null && reportedPeriod !== null && i + 1 > reportedPeriod && p.text.trim() !== '') {
        findings.push({ severity: 'info', code: 'data-after-period', cell, message: FINDING.dataAfterPeriod(cell, labels[i], periodName(reportedPeriod)) });
      }
      for (const e of p.events) placeRefs.push({ place: e.place, cell: p.cell });
    });
    const counted = d.activity.periods.some((p) => p.kind === 'count' || p.kind === 'cumulative');
    if (counted) {
      d.activity.periods.forEach((p, i) => {
        if (p.kind === 'empty' && i < (reportedPeriod ?? count)) {
          const cell = p.cell ?? d.activity.cell ?? '';
          findings.push({ severity: 'info', code: 'period-empty', cell: p.cell, message: FINDING.periodEmpty(cell || d.activity.text, labels[i]) });
        }
      });
    }
    const g = d.activity.goal;
    if (g?.rate) findings.push({ severity: 'info', code: 'rate-goal', cell: d.activity.cell, message: FINDING.rateGoal(d.activity.cell ?? '', g.value, g.rate, goalTarget(g)) });
  }

  // Placeholders anywhere in the text.
  for (const c of [...raw.lines, ...raw.promises]) {
    for (const ph of placeholdersIn(c.text)) findings.push({ severity: 'warning', code: 'template-placeholder', cell: c.cell, message: FINDING.templatePlaceholder(c.cell, ph) });
  }
  for (const d of kept) {
    for (const c of [d.row.activity, ...d.row.periods]) if (c) for (const ph of placeholdersIn(c.text)) findings.push({ severity: 'warning', code: 'template-placeholder', cell: c.cell, message: FINDING.templatePlaceholder(c.cell, ph) });
  }
  for (const occ of raw.promises) for (const g of parseGoals(occ.text)) for (const pl of g.places) placeRefs.push({ place: pl, cell: occ.cell });

  // Assemble, with ids and statuses.
  const out: CitizenPromise[] = promises.map((p, i) => ({ id: `L${i + 1}`, text: p.text, party: p.party, cell: p.cell, activities: [] }));
  let n = 0;
  for (const d of kept) {
    const a = withStatus({ ...d.activity, id: `A${++n}` }, reportedPeriod);
    out[d.promiseKey].activities.push(a);
  }
  const followUp: FollowUp = {
    kommun,
    year,
    reportedPeriod,
    statedPeriod,
    periodKind: kind,
    periodLabels: labels,
    title: raw.lines.find((l) => /medborgarlöft|uppföljning/i.test(l.text))?.text ?? null,
    sheetName: grid.sheetName,
    promises: out,
    notes,
    tables: raw.tables.map((t) => ({ cell: t.headerCell, title: t.title?.text ?? null, headers: t.headers })),
    findings,
  };
  followUp.findings.push(...validateFollowUp(followUp, placeRefs));
  followUp.findings = sortFindings(followUp.findings);
  // Built fully typed: the schema is checked in tests (seeds and property tests), not on every import.
  return followUp;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then information; within each, in sheet order. */
function sortFindings(fs: Finding[]): Finding[] {
  const pos = (c: string | null) => {
    const p = c ? parseA1(c) : null;
    return p ? p.row * 1000 + p.col : -1;
  };
  return fs
    .map((f, i) => ({ f, i, k: SEVERITY_ORDER[f.severity] * 1e12 + pos(f.cell) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.f);
}

/** The latest period's judgement in words, as a suggestion read from the text. */
function judgementFromCells(parsed: ParsedCell[], periods: Period[]): Judgement | null {
  for (let i = parsed.length - 1; i >= 0; i--) {
    const j = parsed[i].judgement;
    if (j) return { value: j.value, phrase: j.phrase, cell: periods[i].cell, source: 'text' };
  }
  return null;
}

function partyFromWord(t: string): Party {
  const w = squash(lower(t));
  if (/^(?:polis|polisen|p)$/.test(w)) return 'police';
  if (/^(?:kommun|kommunen|k)$/.test(w)) return 'municipality';
  if (/^(?:båda|gemensamt|gemensam|polis och kommun|kommun och polis|polisen och kommunen|p\/k|k\/p)$/.test(w)) return 'joint';
  return null;
}

