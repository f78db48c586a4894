// The roll-up's numbers, computed once from many kommuners' follow-ups: per kommun, per activity (with its theme), per theme, and a findings digest.
import { clampPeriod, goalTarget, withStatus } from '../calc/status';
import { formatGoal, formatTotal } from '../format/cells';
import { ROLLUP } from '../i18n/sv-rollup';
import { THEME_IDS, type ThemeId } from '../lexicon/sv-themes';
import type { FollowUp, Goal, PeriodKind, Severity, Status } from '../model/follow-up';
import { periodShortLabels } from '../model/periods';
import { STATUS_ORDER } from '../plan/structured';
import { themeOfActivity, type ThemeSource } from './themes';

/** One kommun's follow-up, with where it was read from (a file or sheet name) to tell two of one kommun apart. */
export interface RollupInput {
  followUp: FollowUp;
  source?: string | null;
}

/** A user's theme for one activity, as read back from the activity sheet (`readRollupThemes`). */
export interface ThemeOverride {
  /** The kommun as the roll-up names it (its Kommun cell). */
  kommun: string;
  id: string;
  text: string;
  theme: ThemeId;
}

export interface RollupOptions {
  /** Date the roll-up is made, YYYY-MM-DD (passed in so plans stay pure). */
  generatedAt: string;
  /** Themes users chose in an earlier roll-up's activity sheet; they win over the lexicon. */
  themes?: ThemeOverride[];
}

export type StatusCounts = Record<Status, number>;

export interface RollupKommun {
  /** 1-based number of the kommun in the roll-up (the Nr the theme formulas count by). */
  nr: number;
  /** Unique name in the roll-up: the kommun, plus the year or the source when one kommun comes twice. */
  label: string;
  kommun: string | null;
  year: number | null;
  /** "T3", "K2", "Helår". */
  period: string;
  periodKind: PeriodKind;
  source: string | null;
  activities: number;
  byStatus: StatusCounts;
  withGoal: number;
  metGoal: number;
  errors: number;
  warnings: number;
}

export interface RollupActivity {
  nr: number;
  kommun: string;
  promise: string;
  id: string;
  text: string;
  theme: ThemeId;
  /** The lexicon's theme, and the word that gave it (kept beside a user's choice). */
  suggested: ThemeId;
  suggestedFrom: Exclude<ThemeSource, 'user'>;
  word: string | null;
  /** True when a user's choice set `theme`. */
  byUser: boolean;
  goal: Goal | null;
  goalText: string;
  /** The yearly target (a rate times its repeats), null without a goal. */
  target: number | null;
  total: number | null;
  /** The total as readers know it ("ca 30", "minst 40"). */
  totalText: string;
  totalApprox: boolean;
  totalLowerBound: boolean;
  status: Status;
  hasGoal: boolean;
  metGoal: boolean;
  /** What the theme sums count: the target and the total (0 when none) of a minst/exakt goal; null otherwise. */
  sumTarget: number | null;
  sumOutcome: number | null;
}

/** One kommun's (or all kommuners') numbers in one theme. */
export interface ThemeCell {
  activities: number;
  withGoal: number;
  metGoal: number;
  target: number;
  outcome: number;
  /** outcome / target, null when the target is 0. */
  share: number | null;
}

export interface RollupTheme {
  theme: ThemeId;
  /** One cell per kommun, in kommun order. */
  rows: ThemeCell[];
  total: ThemeCell;
}

/** Findings of one kind across the kommuner. */
export interface DigestEntry {
  severity: Severity;
  code: string;
  count: number;
  kommuner: string[];
  example: string;
}

export interface RollupData {
  generatedAt: string;
  kommuner: RollupKommun[];
  activities: RollupActivity[];
  themes: RollupTheme[];
  digest: DigestEntry[];
  total: Omit<RollupKommun, 'nr' | 'label' | 'kommun' | 'year' | 'period' | 'periodKind' | 'source'>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Zero counts for every status. */
export function noStatuses(): StatusCounts {
  return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as StatusCounts;
}

/**
 * Unique names for the kommuner of a roll-up: the kommun's name (else the source, else "Kommun
 * n"); where one name comes twice, the year is added; where that still repeats, the source (a
 * file's name without its extension, else with it); a name still shared is numbered.
 */
export function kommunLabels(inputs: RollupInput[]): string[] {
  const counts = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  /** Adds `part(i)` to the names that are still shared (when there is one for that input). */
  const refine = (names: string[], part: (i: number) => string | null) => {
    const c = counts(names);
    return names.map((name, i) => {
      const p = part(i);
      return c.get(name)! > 1 && p ? `${name} ${p}` : name;
    });
  };
  const source = (i: number) => inputs[i].source?.trim() || null;
  const named = inputs.map((x, i) => x.followUp.kommun?.trim() || source(i) || ROLLUP.unnamedKommun(i + 1));
  const withYear = refine(named, (i) => (inputs[i].followUp.year === null ? null : String(inputs[i].followUp.year)));
  const stripped = refine(withYear, (i) => (source(i) ? `(${source(i)!.replace(/\.(txt|tsv|csv|tab|xlsx|xlsm)$/i, '')})` : null));
  // One file name with two extensions: the source as given.
  const c = counts(stripped);
  const names = stripped.map((name, i) => (c.get(name)! > 1 && source(i) ? `${withYear[i]} (${source(i)})` : name));
  const last = counts(names);
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (last.get(name)! === 1) return name;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name} (${n})`;
  });
}

/** Finds a user's theme for an activity: same kommun, ID and text; else same kommun and text when only one activity has it. */
function overrideLookup(overrides: ThemeOverride[]): (kommun: string, id: string, text: string) => ThemeId | null {
  const exact = new Map<string, ThemeId>();
  const byText = new Map<string, ThemeId | null>();
  for (const o of overrides) {
    exact.set(`${o.kommun}\u0000${o.id}\u0000${o.text}`, o.theme);
    const k = `${o.kommun}\u0000${o.text}`;
    byText.set(k, byText.has(k) && byText.get(k) !== o.theme ? null : o.theme);
  }
  return (kommun, id, text) => exact.get(`${kommun}\u0000${id}\u0000${text}`) ?? byText.get(`${kommun}\u0000${text}`) ?? null;
}

function emptyCell(): ThemeCell {
  return { activities: 0, withGoal: 0, metGoal: 0, target: 0, outcome: 0, share: null };
}

function addTo(c: ThemeCell, a: RollupActivity): void {
  c.activities++;
  if (a.hasGoal) c.withGoal++;
  if (a.metGoal) c.metGoal++;
  if (a.sumTarget !== null) c.target += a.sumTarget;
  if (a.sumOutcome !== null) c.outcome += a.sumOutcome;
}

function withShare(c: ThemeCell): ThemeCell {
  return { ...c, share: c.target ? c.outcome / c.target : null };
}

/**
 * The roll-up of many kommuners' follow-ups (each as read back from its structured sheet, or as
 * imported): per kommun its activities, how many have each status, how many of those with a
 * goal met it, and the errors and warnings of its data; per activity its theme (a user's choice
 * from `opts.themes`, else the lexicon's); per theme each kommun's activities, goals met, and
 * summed targets and totals of its minst/exakt goals; and the findings grouped by check.
 * Pure and JSON-safe; the sheets (`planRollup`) and the report (`buildRollupReport`) show it.
 */
export function rollupData(inputs: RollupInput[], opts: RollupOptions): RollupData {
  const labels = kommunLabels(inputs);
  const userTheme = overrideLookup(opts.themes ?? []);
  const kommuner: RollupKommun[] = [];
  const activities: RollupActivity[] = [];
  inputs.forEach(({ followUp: f, source }, i) => {
    const nr = i + 1;
    const label = labels[i];
    const byStatus = noStatuses();
    let withGoal = 0;
    let metGoal = 0;
    let count = 0;
    for (const p of f.promises) {
      for (const raw of p.activities) {
        const a = withStatus(raw, f.reportedPeriod);
        const lexicon = themeOfActivity(a, p);
        const chosen = userTheme(label, a.id, a.text);
        const hasGoal = a.goal !== null;
        const met = hasGoal && a.status === 'met';
        const summed = a.goal !== null && a.goal.op !== '<=';
        const target = a.goal ? goalTarget(a.goal) : null;
        activities.push({
          nr,
          kommun: label,
          promise: p.text,
          id: a.id,
          text: a.text,
          theme: chosen ?? lexicon.theme,
          suggested: lexicon.theme,
          suggestedFrom: lexicon.source as Exclude<ThemeSource, 'user'>,
          word: lexicon.word,
          byUser: chosen !== null && chosen !== lexicon.theme,
          goal: a.goal,
          goalText: formatGoal(a.goal),
          target,
          total: a.total,
          totalText: formatTotal(a),
          totalApprox: a.totalApprox,
          totalLowerBound: a.totalLowerBound,
          status: a.status,
          hasGoal,
          metGoal: met,
          sumTarget: summed ? target : null,
          sumOutcome: summed ? a.total ?? 0 : null,
        });
        byStatus[a.status]++;
        count++;
        if (hasGoal) withGoal++;
        if (met) metGoal++;
      }
    }
    const n = f.periodLabels.length || 1;
    const short = periodShortLabels(f.periodKind);
    const period = f.periodKind === 'year' ? ROLLUP.noPeriod : short[clampPeriod(f.reportedPeriod, n) - 1] ?? String(clampPeriod(f.reportedPeriod, n));
    kommuner.push({
      nr,
      label,
      kommun: f.kommun,
      year: f.year,
      period,
      periodKind: f.periodKind,
      source: source ?? null,
      activities: count,
      byStatus,
      withGoal,
      metGoal,
      errors: f.findings.filter((x) => x.severity === 'error').length,
      warnings: f.findings.filter((x) => x.severity === 'warning').length,
    });
  });

  const themes: RollupTheme[] = THEME_IDS.map((theme) => ({ theme, rows: kommuner.map(emptyCell), total: emptyCell() }));
  const index = new Map(THEME_IDS.map((t, i) => [t, i]));
  for (const a of activities) {
    const t = themes[index.get(a.theme)!];
    addTo(t.rows[a.nr - 1], a);
    addTo(t.total, a);
  }
  for (const t of themes) {
    t.rows = t.rows.map(withShare);
    t.total = withShare(t.total);
  }

  const total = { activities: 0, byStatus: noStatuses(), withGoal: 0, metGoal: 0, errors: 0, warnings: 0 };
  for (const k of kommuner) {
    total.activities += k.activities;
    total.withGoal += k.withGoal;
    total.metGoal += k.metGoal;
    total.errors += k.errors;
    total.warnings += k.warnings;
    for (const s of STATUS_ORDER) total.byStatus[s] += k.byStatus[s];
  }
  return { generatedAt: opts.generatedAt, kommuner, activities, themes, digest: findingsDigest(inputs, labels), total };
}

/** The findings of all kommuner grouped by severity and check, most severe and most frequent first, with the kommuner and one example each. */
export function findingsDigest(inputs: RollupInput[], labels: string[]): DigestEntry[] {
  const groups = new Map<string, DigestEntry>();
  inputs.forEach(({ followUp }, i) => {
    for (const fd of followUp.findings) {
      const key = `${fd.severity}\u0000${fd.code}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { severity: fd.severity, code: fd.code, count: 0, kommuner: [], example: `${labels[i]}: ${fd.message}` }));
      g.count++;
      if (g.kommuner[g.kommuner.length - 1] !== labels[i]) g.kommuner.push(labels[i]);
    }
  });
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.code.localeCompare(b.code));
}
