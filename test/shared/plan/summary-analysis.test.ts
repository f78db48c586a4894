// The summary's "Sammanfattande analys" cell: written empty for the user, read back verbatim, kept when the summary is made again, printed first in the report.
import { withAnalysis } from '../../../shared/app/report-analysis';
import type { Grid } from '../../../shared/model/grid';
import { planSummary, planToGrid, readSummaryAnalysis } from '../../../shared/plan';
import { buildReport } from '../../../shared/report/build-report';
import { renderHtml } from '../../../shared/report/render-html';
import { eskilstunaSample } from '../../support/sample-follow-ups';

const asGrid = (g: unknown[][]): Grid => ({ sheetName: 'S', origin: { row: 0, col: 0 }, values: g.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? null : (v as string)))) });

describe('Sammanfattande analys', () => {
  const analysis = 'Året har gått enligt plan.\nTrafikkontrollerna nådde nästan målet.\n\n=Nästa år: fler vandringar';

  test('a new summary has the heading, a hint and an empty merged cell below it, before the overview', () => {
    const plan = planSummary(eskilstunaSample(3), { generatedAt: '2020-01-08' });
    const g = planToGrid(plan);
    const h = g.findIndex((r) => r[0] === 'Sammanfattande analys');
    expect(h).toBeGreaterThan(1);
    expect(h).toBeLessThan(g.findIndex((r) => r[0] === 'Översikt'));
    expect(g[h][1]).toMatch(/Rapporten visar den först/);
    expect(g[h + 1][0]).toBeNull();
    expect(plan.merges).toContain(`A${h + 2}:${String.fromCharCode(64 + g[0].length)}${h + 2}`);
    expect(readSummaryAnalysis(asGrid(g))).toBeNull();
  });

  test('what a user wrote is read back verbatim and written again when the summary is made again', () => {
    const g = planToGrid(planSummary(eskilstunaSample(3), { generatedAt: '2020-01-08' }));
    const h = g.findIndex((r) => r[0] === 'Sammanfattande analys');
    g[h + 1][0] = analysis;
    const read = readSummaryAnalysis(asGrid(g));
    expect(read).toBe(analysis);
    const again = planToGrid(planSummary(eskilstunaSample(3), { generatedAt: '2020-05-01', analysis: read }));
    expect(again[h + 1][0]).toBe(analysis);
    expect(readSummaryAnalysis(asGrid(again))).toBe(analysis);
    expect(readSummaryAnalysis(null)).toBeNull();
    expect(readSummaryAnalysis(asGrid([['Något annat blad']]))).toBeNull();
  });

  test('the report prints the analysis first, one paragraph per paragraph, text kept as text', () => {
    const doc = withAnalysis(buildReport(eskilstunaSample(3), { generatedAt: '2020-01-08' }), analysis);
    const h2 = doc.blocks.findIndex((b) => b.type === 'heading' && b.level === 2);
    expect(doc.blocks[h2]).toEqual({ type: 'heading', level: 2, text: 'Sammanfattande analys' });
    expect(doc.blocks.slice(h2 + 1, h2 + 3)).toEqual([
      { type: 'paragraph', tone: 'normal', text: 'Året har gått enligt plan.\nTrafikkontrollerna nådde nästan målet.' },
      { type: 'paragraph', tone: 'normal', text: '=Nästa år: fler vandringar' },
    ]);
    expect(doc.blocks[h2 + 3]).toMatchObject({ type: 'heading', text: 'Översikt' });
    expect(renderHtml(doc)).toContain('=Nästa år: fler vandringar');
    const plain = buildReport(eskilstunaSample(3), { generatedAt: '2020-01-08' });
    expect(withAnalysis(plain, '  ')).toBe(plain);
    expect(withAnalysis(plain, null)).toBe(plain);
  });
});
