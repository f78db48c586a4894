// previewOf: what the pane/sidebar shows before writing, checked on the real seed imports.
import { previewOf, goalText } from '../../../shared/app/preview';
import { readFileSync } from 'fs';
import { join } from 'path';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { gridFromTsv } from '../../../shared/model/grid';
import { importSeed } from '../../support/seeds';
import { eskilstunaSample } from '../../support/sample-follow-ups';

describe('previewOf', () => {
  it('shows Eskilstuna 2019 at T3 with its activities, totals and status words', () => {
    const p = previewOf(importSeed('eskilstuna-2019'));
    expect(p).toMatchObject({ kommun: 'Eskilstuna', year: 2019, reportedPeriod: 3, statedPeriod: 1, periodLabel: 'T3', periodCount: 3 });
    const acts = p.promises.flatMap((x) => x.activities);
    expect(p.activityCount).toBe(acts.length);
    const traffic = acts.find((a) => a.text.startsWith('Trafikkontroll'))!;
    expect(traffic).toMatchObject({ total: '190', status: 'not-met', statusLabel: 'Ej uppnått' });
    expect(traffic.goal).toContain('200');
    const drugs = acts.find((a) => a.text.startsWith('Ingripande narkotikabrott'))!;
    expect(drugs).toMatchObject({ total: '1470', statusLabel: 'Inget mål', goal: '' });
    expect(acts.find((a) => a.text === 'Trygghetsvandring')!.goal).toContain('Skiftinge, Lagersberg');
  });

  it('lists findings with their cells, errors before warnings before info', () => {
    const p = previewOf(importSeed('eskilstuna-2019'));
    expect(p.findings.length).toBeGreaterThan(0);
    const order = { error: 0, warning: 1, info: 2 } as const;
    for (let i = 1; i < p.findings.length; i++) expect(order[p.findings[i - 1].severity]).toBeLessThanOrEqual(order[p.findings[i].severity]);
    // The T1/T2 date mismatch of the Fröslunda forum names the cell it sits in.
    const dated = p.findings.find((f) => /Fröslunda/.test(f.message) && /2019-05-02|19-05-02/.test(f.message));
    expect(dated?.cell).toMatch(/^[A-Z]+\d+$/);
    expect(p.findings.every((f) => ['Fel', 'Varning', 'Info'].includes(f.severityLabel))).toBe(true);
  });

  it('marks lower-bound and approximate totals the way readers write them', () => {
    const p = previewOf(importSeed('eksjo-2019'));
    const acts = p.promises.flatMap((x) => x.activities);
    expect(acts.find((a) => /resecentrum/.test(a.text) && /närvaro/.test(a.text))!.total).toBe('≥ 40');
    expect(acts.find((a) => /riktade insatser/.test(a.text))!).toMatchObject({ total: '14', statusLabel: 'Uppnått', goal: 'minst 10 riktade insatser' });
  });

  it('counts activities per status in the status order and follows the reported period', () => {
    const p = previewOf(eskilstunaSample(2));
    expect(p.periodLabel).toBe('T2');
    const sum = p.statusCounts.reduce((s, x) => s + x.count, 0);
    expect(sum).toBe(p.activityCount);
    const order = ['met', 'on-track', 'behind', 'not-met', 'no-goal', 'no-data', 'manual'];
    const idx = p.statusCounts.map((s) => order.indexOf(s.status));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('is JSON-safe (google.script.run and postMessage carry it unchanged)', () => {
    const p = previewOf(importSeed('eksjo-2019'));
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('writes goals in Swedish with decimal comma and rates', () => {
    expect(goalText({ op: '>=', value: 1, unit: 'möte', places: [], rate: 'vecka', source: 'activity', phrase: '' })).toBe('minst 52 möte (1 per vecka)');
    expect(goalText({ op: '<=', value: 2.5, unit: null, places: [], rate: null, source: 'activity', phrase: '' })).toBe('högst 2,5');
    expect(goalText(null)).toBe('');
  });
});

test('lists the follow-up\'s own periods as the choices of the reported-period setting', () => {
  expect(previewOf(importSeed('eskilstuna-2019')).periodLabels).toEqual(['Tertial 1', 'Tertial 2', 'Tertial 3']);
  const quarterly = importFollowUp(gridFromTsv(readFileSync(join(__dirname, '..', '..', 'fixtures', 'vetlanda-2021-kvartal.tsv'), 'utf8')));
  expect(previewOf(quarterly).periodLabels).toEqual(['Kvartal 1', 'Kvartal 2', 'Kvartal 3', 'Kvartal 4']);
});
