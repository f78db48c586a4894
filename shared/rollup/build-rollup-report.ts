// Builds the region's report (RollupReportDoc) from the roll-up's numbers: per kommun, status per kommun, per theme, the findings digest and the status rules.
import { SEVERITY_LABEL, STATUS_LABEL, STATUS_RULE } from '../i18n/sv';
import { ROLLUP, ROLLUP_REPORT, THEME_LABEL } from '../i18n/sv-rollup';
import { percent } from '../i18n/sv-report';
import { STATUS_ORDER } from '../plan/structured';
import type { ReportBlock, ReportCell } from '../report/report-doc';
import type { RollupData, RollupInput, RollupOptions, ThemeCell } from './rollup-data';
import { rollupData } from './rollup-data';
import { RollupReportDocSchema, type RollupBlock, type RollupReportDoc } from './rollup-report-doc';

function cell(text: string, extra: Partial<ReportCell> = {}): ReportCell {
  return { text, status: null, bold: false, muted: false, ...extra };
}

const num = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

function metText(met: number, withGoal: number): string {
  return ROLLUP_REPORT.metOf(met, withGoal, withGoal ? percent(met / withGoal) : '');
}

function themeRow(label: string, c: ThemeCell, bold = false): ReportCell[] {
  return [
    cell(label, { bold }),
    cell(String(c.activities), { bold }),
    cell(String(c.withGoal), { bold }),
    cell(String(c.metGoal), { bold }),
    cell(c.target ? num(c.target) : '–', { bold }),
    cell(c.target ? num(c.outcome) : '–', { bold }),
    cell(c.share !== null ? percent(c.share) : '–', { bold }),
  ];
}

/**
 * The region's report from the roll-up's numbers: title, how many kommuner and activities and
 * how many goals were met; per kommun (year, period, activities, goals met, errors and warnings
 * of its data); a chart of status per kommun; per theme the kommuner with activities of it and
 * their totals against goals; the findings digest; and the rule behind each status. Pure and
 * JSON-safe; rendered by `renderRollupHtml` and `renderRollupDocx`.
 */
export function buildRollupReportFromData(data: RollupData): RollupReportDoc {
  const title = ROLLUP_REPORT.title(data.kommuner.length);
  const t = data.total;
  const blocks: RollupBlock[] = [
    { type: 'heading', level: 1, text: title },
    { type: 'paragraph', tone: 'lead', text: ROLLUP_REPORT.lead(data.kommuner.length, t.activities) },
    { type: 'paragraph', tone: 'normal', text: ROLLUP_REPORT.goalsMet(t.metGoal, t.withGoal, t.withGoal ? percent(t.metGoal / t.withGoal) : '') },
    { type: 'paragraph', tone: 'muted', text: ROLLUP_REPORT.generated(data.generatedAt.slice(0, 10)) },
    { type: 'heading', level: 2, text: ROLLUP_REPORT.perKommun },
    {
      type: 'table',
      header: [...ROLLUP_REPORT.kommunColumns],
      widths: [28, 8, 8, 12, 18, 12, 12],
      rows: [
        ...data.kommuner.map((k) => [
          cell(k.label),
          cell(k.year === null ? '' : String(k.year)),
          cell(k.period),
          cell(String(k.activities)),
          cell(metText(k.metGoal, k.withGoal)),
          cell(String(k.errors), { bold: k.errors > 0 }),
          cell(String(k.warnings)),
        ]),
        [cell(ROLLUP.allKommuner, { bold: true }), cell(''), cell(''), cell(String(t.activities), { bold: true }), cell(metText(t.metGoal, t.withGoal), { bold: true }), cell(String(t.errors), { bold: true }), cell(String(t.warnings), { bold: true })],
      ],
    },
    { type: 'heading', level: 2, text: ROLLUP_REPORT.statusHeading },
    { type: 'paragraph', tone: 'muted', text: ROLLUP_REPORT.statusIntro },
    { type: 'status-chart', title: ROLLUP_REPORT.statusHeading, rows: data.kommuner.map((k) => ({ label: k.label, counts: { ...k.byStatus } })) },
    { type: 'heading', level: 2, text: ROLLUP_REPORT.perTheme },
    { type: 'paragraph', tone: 'muted', text: ROLLUP_REPORT.themeIntro },
  ];
  for (const th of data.themes) {
    blocks.push({ type: 'heading', level: 3, text: `${THEME_LABEL[th.theme]} (${th.total.activities})` });
    const rows = data.kommuner.map((k, i) => ({ k, c: th.rows[i] })).filter((x) => x.c.activities > 0);
    if (!rows.length) {
      blocks.push({ type: 'paragraph', tone: 'muted', text: ROLLUP_REPORT.noThemeActivities });
      continue;
    }
    blocks.push({
      type: 'table',
      header: [...ROLLUP_REPORT.themeColumns],
      widths: [28, 12, 12, 12, 12, 12, 12],
      rows: [...rows.map(({ k, c }) => themeRow(k.label, c)), themeRow(ROLLUP.allKommuner, th.total, true)],
    });
  }
  blocks.push({ type: 'heading', level: 2, text: ROLLUP_REPORT.digest });
  if (!data.digest.length) blocks.push({ type: 'paragraph', tone: 'normal', text: ROLLUP_REPORT.noFindings });
  else {
    blocks.push({ type: 'paragraph', tone: 'muted', text: ROLLUP_REPORT.digestIntro });
    blocks.push({
      type: 'table',
      header: [...ROLLUP_REPORT.digestColumns],
      widths: [9, 16, 7, 28, 40],
      rows: data.digest.map((d) => [cell(SEVERITY_LABEL[d.severity], { bold: d.severity === 'error' }), cell(d.code), cell(String(d.count)), cell(d.kommuner.join(', ')), cell(d.example)]),
    });
  }
  const rules: ReportBlock = {
    type: 'table',
    header: [...ROLLUP_REPORT.rulesColumns],
    widths: [20, 80],
    rows: STATUS_ORDER.map((s) => [cell(STATUS_LABEL[s], { status: s, bold: true }), cell(STATUS_RULE[s])]),
  };
  blocks.push({ type: 'heading', level: 2, text: ROLLUP_REPORT.rulesHeading }, rules);
  return RollupReportDocSchema.parse({ title, lang: 'sv', generatedAt: data.generatedAt, blocks });
}

/** The region's report for many kommuners' follow-ups (see `buildRollupReportFromData`); `opts.themes` as for `planRollup`. */
export function buildRollupReport(inputs: (RollupInput | RollupInput['followUp'])[], opts: RollupOptions): RollupReportDoc {
  return buildRollupReportFromData(rollupData(inputs.map((x) => ('followUp' in x ? x : { followUp: x })), opts));
}
