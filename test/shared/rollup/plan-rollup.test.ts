// The roll-up sheets on the real corpus and the seeds: counts add up per kommun, theme formulas agree with the core in HyperFormula, a Tema correction is read back and wins, 290 × 30 plans.
import { withStatus } from '../../../shared/calc/status';
import { STATUS_LABEL } from '../../../shared/i18n/sv';
import { ROLLUP_ACTIVITIES, ROLLUP_SHEET, THEME_LABEL } from '../../../shared/i18n/sv-rollup';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { THEME_IDS } from '../../../shared/lexicon/sv-themes';
import type { FollowUp, Status } from '../../../shared/model/follow-up';
import { gridFromTsv } from '../../../shared/model/grid';
import { SheetPlanSchema } from '../../../shared/model/sheet-plan-schema';
import { EVENTS_SHEET, FINDINGS_SHEET, planImportSheets, planToGrid, STATUS_ORDER, structuredColumns } from '../../../shared/plan';
import {
  ACTIVITY_COLS,
  ACTIVITY_ROWS,
  KOMMUN_COLS,
  THEME_COLS,
  kommunLabels,
  planRollup,
  planRollupSheets,
  readRollupThemes,
  rollupData,
  rollupFromSheets,
  type RollupInput,
} from '../../../shared/rollup';
import { generateKommunFollowUps } from '../../bench/rollup';
import { evaluatePlans, hostGrid } from '../plan/evaluate';
import { importSeed } from '../../support/seeds';
import { kommunTableRows, realInputs, themeTableRows } from './support';

const AT = { generatedAt: '2026-05-04' };
const inputs = realInputs();

/** Activities per status of one follow-up, counted here from its activities (independently of the roll-up). */
function statusCounts(f: FollowUp): Record<Status, number> {
  const out = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
  for (const p of f.promises) for (const a of p.activities) out[withStatus(a, f.reportedPeriod).status]++;
  return out;
}

describe('planRollup on the real corpus and the seeds', () => {
  const plans = planRollup(inputs, AT);
  const [sheet, themes, list] = plans;
  const grid = planToGrid(sheet);
  const themeGrid = planToGrid(themes);
  const wb = evaluatePlans(plans);
  const value = (r: number, c: number) => wb.value(sheet.name, r, c);
  const themeValue = (r: number, c: number) => wb.value(themes.name, r, c);
  const k = kommunTableRows(grid, inputs.length);

  it('writes three sheets, Sammanställning, Teman and Aktiviteter per tema, that parse to themselves', () => {
    expect(plans.map((p) => p.name)).toEqual([ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities]);
    for (const p of plans) expect(SheetPlanSchema.parse(p)).toEqual(p);
    expect(inputs.length).toBeGreaterThanOrEqual(47);
  });

  it('has one row per kommun whose counts per status are those of its follow-up, and a total row that is their sum', () => {
    const labels = kommunLabels(inputs);
    const sum = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
    inputs.forEach((x, i) => {
      const r = k.rows[i];
      const want = statusCounts(x.followUp);
      expect(grid[r][KOMMUN_COLS.kommun]).toBe(labels[i]);
      expect(STATUS_ORDER.map((_, j) => grid[r][KOMMUN_COLS.firstStatus + j])).toEqual(STATUS_ORDER.map((s) => want[s]));
      expect(grid[r][KOMMUN_COLS.activities]).toBe(x.followUp.promises.reduce((n, p) => n + p.activities.length, 0));
      expect(grid[r][KOMMUN_COLS.errors]).toBe(x.followUp.findings.filter((f) => f.severity === 'error').length);
      for (const s of STATUS_ORDER) sum[s] += want[s];
    });
    expect(STATUS_ORDER.map((_, j) => value(k.total, KOMMUN_COLS.firstStatus + j))).toEqual(STATUS_ORDER.map((s) => sum[s]));
    expect(grid[k.header].slice(KOMMUN_COLS.firstStatus, KOMMUN_COLS.firstStatus + 7)).toEqual(STATUS_ORDER.map((s) => STATUS_LABEL[s]));
  });

  it('counts the share of activities with a goal that met it (Eksjö: 3 of 6) as a formula HyperFormula agrees with', () => {
    const eksjo = inputs.findIndex((x) => x.source === 'eksjo-2019');
    const r = k.rows[eksjo];
    expect([grid[r][KOMMUN_COLS.withGoal], grid[r][KOMMUN_COLS.metGoal], value(r, KOMMUN_COLS.metShare)]).toEqual([6, 3, 0.5]);
    expect(value(r, KOMMUN_COLS.bar)).toBe(`${'█'.repeat(10)}${'░'.repeat(10)}`);
  });

  it('fills every theme table with COUNTIFS/SUMIFS whose values equal the core\'s numbers for every kommun', () => {
    const data = rollupData(inputs, AT);
    let activities = 0;
    for (const t of data.themes) {
      const rows = themeTableRows(themeGrid, t.theme, inputs.length);
      rows.rows.forEach((r, i) => {
        const c = t.rows[i];
        const got = [T('activities'), T('withGoal'), T('metGoal'), T('target'), T('outcome')].map((col) => themeValue(r, col));
        expect(got).toEqual([c.activities, c.withGoal, c.metGoal, c.target, c.outcome]);
        expect(themeValue(r, THEME_COLS.share)).toBe(c.share === null ? '' : c.share);
      });
      expect(themeValue(rows.total, THEME_COLS.activities)).toBe(t.total.activities);
      activities += t.total.activities;
    }
    expect(activities).toBe(data.total.activities);
    expect(data.themes.filter((t) => t.total.activities > 0).length).toBe(THEME_IDS.length);
  });

  it('lists every activity once with a list-validated Tema, the lexicon\'s suggestion and the word behind it', () => {
    const g = planToGrid(list);
    const data = rollupData(inputs, AT);
    expect(g.length - ACTIVITY_ROWS.firstData).toBe(data.total.activities);
    const v = list.validations.find((x) => x.range.startsWith('F'));
    expect(v?.rule).toEqual({ type: 'list', values: THEME_IDS.map((t) => THEME_LABEL[t]) });
    const walk = g.find((r) => r[ACTIVITY_COLS.activity] === 'Trygghetsvandring');
    expect(walk?.slice(ACTIVITY_COLS.theme, ACTIVITY_COLS.word + 1)).toEqual(['Trygghetsvandringar', 'Trygghetsvandringar', 'trygghetsvandring (aktivitetens text)']);
    expect(walk?.[ACTIVITY_COLS.total]).toBe(4);
  });
});

/** Column of a theme table by name. */
function T(name: keyof typeof THEME_COLS): number {
  return THEME_COLS[name];
}

describe('a Tema correction', () => {
  const plans = planRollup(inputs, AT);
  const listGrid = planToGrid(plans[2]);
  const row = listGrid.findIndex((r) => r[ACTIVITY_COLS.activity] === 'Medborgarforum');
  const kommun = listGrid[row][ACTIVITY_COLS.kommun] as string;
  const nr = listGrid[row][ACTIVITY_COLS.nr] as number;

  it('recomputes the theme tables at once, and is read back as the user\'s choice that wins when the roll-up is made again', () => {
    const wb = evaluatePlans(plans);
    const grid = planToGrid(plans[1]);
    const ovrigt = themeTableRows(grid, 'ovrigt', inputs.length).rows[nr - 1];
    const walks = themeTableRows(grid, 'trygghetsvandringar', inputs.length).rows[nr - 1];
    const count = (r: number) => wb.value(ROLLUP_SHEET.themes, r, THEME_COLS.activities) as number;
    const before = [count(ovrigt), count(walks)];
    wb.set(ROLLUP_SHEET.activities, row, ACTIVITY_COLS.theme, 'Trygghetsvandringar');
    expect([count(ovrigt), count(walks)]).toEqual([before[0] - 1, before[1] + 1]);

    const read = readRollupThemes(wb.grid(ROLLUP_SHEET.activities));
    expect(read).toEqual({ themes: [{ kommun, id: listGrid[row][ACTIVITY_COLS.id], text: 'Medborgarforum', theme: 'trygghetsvandringar' }], findings: [] });
    const again = planRollup(inputs, { ...AT, themes: read.themes });
    const g2 = planToGrid(again[2]);
    const r2 = g2.findIndex((r) => r[ACTIVITY_COLS.activity] === 'Medborgarforum');
    expect(g2[r2].slice(ACTIVITY_COLS.theme, ACTIVITY_COLS.word + 1)).toEqual(['Trygghetsvandringar', 'Övrigt', 'medborgarforum (aktivitetens text; ändrat i bladet)']);
    // Read back once more: the choice still stands (Tema differs from the suggestion).
    expect(readRollupThemes(evaluatePlans(again).grid(ROLLUP_SHEET.activities)).themes).toEqual(read.themes);
  });

  it('accepts a theme typed in another case, and makes a finding of a word that is no theme (the lexicon\'s theme stands)', () => {
    const wb = evaluatePlans(plans);
    wb.set(ROLLUP_SHEET.activities, row, ACTIVITY_COLS.theme, '  trafik ');
    wb.set(ROLLUP_SHEET.activities, row + 1, ACTIVITY_COLS.theme, 'Cykelstölder');
    const read = readRollupThemes(wb.grid(ROLLUP_SHEET.activities));
    expect(read.themes.map((t) => t.theme)).toEqual(['trafik']);
    expect(read.findings).toEqual([{ severity: 'info', code: 'rollup-bad-theme', cell: `F${row + 2}`, message: `F${row + 2}: "Cykelstölder" är inget tema i listan; ordlistans förslag används.` }]);
  });

  it('reads nothing, with one finding, from a sheet without the activity header', () => {
    expect(readRollupThemes(gridFromTsv('Något annat\tblad'))).toMatchObject({ themes: [], findings: [{ code: 'rollup-no-header' }] });
    expect(readRollupThemes(null)).toEqual({ themes: [], findings: [] });
  });
});

describe('rollupData', () => {
  it('names a kommun that comes twice by its year, by its source when the year repeats too, and numbers what still repeats', () => {
    const f = (kommun: string | null, year: number | null): RollupInput['followUp'] => ({ ...importFollowUp(gridFromTsv('x')), kommun, year });
    expect(kommunLabels([{ followUp: f('Ale', 2019), source: 'a' }, { followUp: f('Ale', 2020), source: 'b' }, { followUp: f('Vara', 2020), source: 'c' }])).toEqual(['Ale 2019', 'Ale 2020', 'Vara']);
    expect(kommunLabels([{ followUp: f('Ale', 2019), source: 'a.txt' }, { followUp: f('Ale', 2019), source: 'b.xlsx' }])).toEqual(['Ale 2019 (a)', 'Ale 2019 (b)']);
    expect(kommunLabels([{ followUp: f('Ale', 2019), source: 'a.txt' }, { followUp: f('Ale', 2019), source: 'a.xlsx' }, { followUp: f('Ale', 2019), source: 'a.xlsx' }])).toEqual(['Ale 2019 (a.txt)', 'Ale 2019 (a.xlsx) (1)', 'Ale 2019 (a.xlsx) (2)']);
    expect(kommunLabels([{ followUp: f(null, null), source: null }, { followUp: f(null, null), source: 'fil.txt' }])).toEqual(['Kommun 1', 'fil.txt']);
  });

  it('groups the findings of all kommuner per check, errors first, with the kommuner and an example', () => {
    const data = rollupData(inputs, AT);
    const order = { error: 0, warning: 1, info: 2 };
    expect(data.digest.map((d) => order[d.severity])).toEqual([...data.digest.map((d) => order[d.severity])].sort());
    const total = inputs.reduce((n, x) => n + x.followUp.findings.length, 0);
    expect(data.digest.reduce((n, d) => n + d.count, 0)).toBe(total);
    const places = data.digest.find((d) => d.code === 'goal-place-missing');
    expect(places?.kommuner).toEqual(['Eskilstuna']);
    expect(places?.example).toMatch(/^Eskilstuna: Målet för aktiviteten/);
  });

  it('plans valid sheets for no follow-ups at all (nothing to count, no chart)', () => {
    const plans = planRollup([], AT);
    for (const p of plans) expect(SheetPlanSchema.parse(p)).toEqual(p);
    expect(plans[0].chart).toBeNull();
    expect(planToGrid(plans[2])[ACTIVITY_ROWS.firstData][ACTIVITY_COLS.kommun]).toBe(ROLLUP_ACTIVITIES.none);
    expect(evaluatePlans(plans).value(ROLLUP_SHEET.summary, kommunTableRows(planToGrid(plans[0]), 0).total, KOMMUN_COLS.activities)).toBe(0);
  });

  it('keeps text that looks like a formula as text in every sheet', () => {
    const f = importFollowUp(gridFromTsv('Uppföljning av medborgarlöften för =HYPERLINK("x") kommun 2019\nAktivitet\tTertial 1\tTertial 2\tTertial 3\n=SUM(A1:A9) trafikkontroller\t3\t4\t5'));
    const plans = planRollup([f], AT);
    const cells = plans.flatMap((p) => planToGrid(p).flat());
    expect(cells).toContain('=SUM(A1:A9) trafikkontroller');
    expect(cells.filter((c) => c !== null && typeof c === 'object').every((c) => !(c as { f: string }).f.includes('SUM(A1:A9)'))).toBe(true);
  });
});

describe('rollupFromSheets (what a host calls after one read of every structured sheet)', () => {
  it('reads each kommun\'s structured sheet as edited and keeps the Tema corrections of the earlier roll-up', () => {
    const kommuner = ['eksjo-2019', 'eskilstuna-2019'].map((seed) => {
      const f = importSeed(seed);
      const sheets = planImportSheets(f);
      const wb = evaluatePlans(sheets);
      const [structured, events, findings] = sheets;
      if (seed === 'eskilstuna-2019') {
        // The user corrects Trafikkontroll's T3 from 64 to 80 in the structured sheet: 206 of 200, met.
        const c = structuredColumns(3);
        const row = planToGrid(structured).findIndex((r) => String(r[c.activity]).startsWith('Trafikkontroll'));
        wb.set(structured.name, row, c.periodStart + 2, 80);
      }
      return { source: seed, structured: hostGrid(wb, structured), events: hostGrid(wb, events), findings: hostGrid(wb, findings) };
    });
    expect([EVENTS_SHEET, FINDINGS_SHEET]).toEqual(['Händelser', 'Kontroller']);
    const first = rollupFromSheets(kommuner, null, AT);
    expect(first.data.kommuner.map((k) => [k.label, k.byStatus.met])).toEqual([['Eksjö', 3], ['Eskilstuna', 3]]);
    const wb = evaluatePlans(first.plans);
    const list = planToGrid(first.plans[2]);
    wb.set(ROLLUP_SHEET.activities, list.findIndex((r) => r[ACTIVITY_COLS.activity] === 'Medborgarforum'), ACTIVITY_COLS.theme, 'Skola och unga');
    const again = rollupFromSheets(kommuner, wb.grid(ROLLUP_SHEET.activities), AT);
    expect(again.findings).toEqual([]);
    expect(again.data.activities.find((a) => a.text === 'Medborgarforum')).toMatchObject({ theme: 'skola-unga', suggested: 'ovrigt', byUser: true });
    expect(again.plans.map((p) => p.name)).toEqual([ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities]);
  });
});

describe('290 kommuner with 30 activities each', () => {
  it('produces the roll-up plan: 290 kommun rows, 8 700 activities, every one in a theme table', () => {
    const fs = generateKommunFollowUps(290, 30).map((x) => ({ followUp: importFollowUp(gridFromTsv(x.tsv)), source: x.file }));
    const data = rollupData(fs, AT);
    const [sheet, themes, list] = planRollupSheets(data);
    expect(new Set(data.kommuner.map((x) => x.label)).size).toBe(290);
    expect(data.total.activities).toBe(8700);
    expect(data.themes.reduce((n, t) => n + t.total.activities, 0)).toBe(8700);
    expect(planToGrid(list).length - ACTIVITY_ROWS.firstData).toBe(8700);
    const grid = planToGrid(sheet);
    const k = kommunTableRows(grid, 290);
    expect(grid[k.rows[289]][KOMMUN_COLS.kommun]).toBe(data.kommuner[289].label);
    expect(sheet.chart?.series).toHaveLength(7);
    expect(planToGrid(themes).length).toBeGreaterThan(8 * 292);
    expect(ROLLUP_ACTIVITIES.columns.theme).toBe(planToGrid(list)[ACTIVITY_ROWS.header][ACTIVITY_COLS.theme]);
  });
});
