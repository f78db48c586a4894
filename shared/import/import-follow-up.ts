// Entry point of the importer: runs the phases in order (structure → promises → activities → totals → findings) on a grid.
import { reconcileRunningTotals } from '../calc/running-totals';
import { withStatus } from '../calc/status';
import { FINDING, UNNAMED_PROMISE } from '../i18n/sv-findings';
import type { CitizenPromise, Finding, FollowUp, Note, PeriodKind } from '../model/follow-up';
import { parseA1 } from '../model/a1';
import { gridIsEmpty, normalizeGrid, type Grid } from '../model/grid';
import { PERIOD_COUNT, periodLabels } from '../model/periods';
import { parseGoals } from '../parse/goal';
import { stripDecoration } from '../parse/text';
import { checkActivityCells } from '../validate/cell-findings';
import { validateFollowUp, type PlaceRef } from '../validate/findings';
import { checkStatedTotals } from '../validate/stated-totals';
import { buildActivity, type ActivityDraft } from './activities';
import { findKommun, findStatedPeriod, findYear, placeholdersIn } from './document-meta';
import { mergeDuplicates } from './duplicates';
import { createPromiseRegistry } from './promises';
import { decideReportedPeriod } from './reported-period';
import { partyOf, scanStructure } from './structure';

export interface ImportOptions {
  /** Override the reported period (1-based), e.g. from a setting or `--period`. */
  reportedPeriod?: number | null;
  /** Period set when the headers do not tell (default tertial). */
  periodKind?: PeriodKind;
}

/** Imports a follow-up from a grid. Never throws on content; problems become findings. */
export function importFollowUp(input: Grid, options: ImportOptions = {}): FollowUp {
  const grid = normalizeGrid(input);
  const findings: Finding[] = [];
  const notes: Note[] = [];
  /** Every place name seen (events, goal places), with its cell, for the spelling check. */
  const placeRefs: PlaceRef[] = [];
  // Structure: lines, promises, tables and their rows.
  const raw = scanStructure(grid);
  const kommun = findKommun(raw.lines);
  const year = findYear([...raw.lines, ...raw.promises]);
  const stated = findStatedPeriod(raw.lines);
  const kind: PeriodKind = raw.tables[0]?.periodKind ?? stated?.kind ?? options.periodKind ?? 'tertial';
  const count = PERIOD_COUNT[kind];
  const labels = periodLabels(kind);
  const periodName = (p: number) => (kind === 'year' ? 'helåret' : `${labels[p - 1]?.toLowerCase() ?? p}`);
  for (const n of raw.notes) notes.push({ cell: n.cell, text: n.text });

  // Promises, deduplicated.
  const registry = createPromiseRegistry();
  const promises = registry.promises;
  const occurrenceToPromise: number[] = [];
  for (const occ of raw.promises) {
    const i = registry.find(occ.text);
    if (i >= 0) {
      if (!promises[i].party && occ.party) promises[i].party = occ.party;
      if (promises[i].text !== occ.text) notes.push({ cell: occ.cell, text: occ.text });
      occurrenceToPromise.push(i);
    } else occurrenceToPromise.push(registry.findOrAdd(occ.text, occ.party, occ.cell));
  }

  if (gridIsEmpty(grid)) findings.push({ severity: 'error', code: 'empty', cell: null, message: FINDING.empty() });
  else if (!raw.tables.length) findings.push({ severity: 'error', code: 'no-tables', cell: null, message: FINDING.noTables() });

  // Activities, in table order, under the nearest promise above each table (or the row's own Löfte cell).
  let unnamedPromise = -1;
  const drafts: ActivityDraft[] = [];
  const sinks = { findings, notes, year };
  for (const table of raw.tables) {
    for (const row of table.rows) {
      let promiseKey: number;
      if (row.promise) {
        const txt = stripDecoration(row.promise.text);
        promiseKey = registry.findOrAdd(txt, partyOf(txt), row.promise.cell);
      } else if (table.promiseIndex !== null) {
        promiseKey = occurrenceToPromise[table.promiseIndex];
      } else {
        if (unnamedPromise < 0) {
          unnamedPromise = registry.add({ text: table.title ? stripDecoration(table.title.text) : UNNAMED_PROMISE, party: null, cell: null, goals: [], words: new Set() });
        }
        promiseKey = unnamedPromise;
      }
      drafts.push(buildActivity(row, promiseKey, promises[promiseKey], sinks));
    }
  }

  const kept = mergeDuplicates(drafts, findings, notes, placeRefs);

  const statedPeriod = stated && stated.kind === kind ? stated.period : null;
  const decided = decideReportedPeriod(kept, count, { period: statedPeriod, cell: stated?.cell ?? null }, options.reportedPeriod, periodName);
  const reportedPeriod = decided.reportedPeriod;
  if (decided.finding) findings.push(decided.finding);

  // Running totals, then the findings about each activity's cells.
  for (const d of kept) {
    findings.push(...reconcileRunningTotals(d.activity.periods, labels, d.activity.cell ?? ''));
    findings.push(
      ...checkActivityCells(d.activity, { labels, reportedPeriod, periodSetByUser: options.reportedPeriod != null, periodName, errors: d.parsed.map((p) => p.error) }),
    );
    for (const p of d.activity.periods) for (const e of p.events) placeRefs.push({ place: e.place, cell: p.cell });
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
  for (const d of kept) out[d.promiseKey].activities.push(withStatus({ ...d.activity, id: `A${++n}` }, reportedPeriod));
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
  followUp.findings.push(...validateFollowUp(followUp, placeRefs), ...checkStatedTotals(followUp, raw.tables));
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
