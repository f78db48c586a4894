// Which sheets the hosts' roll-up reads: structured sheets by their header whatever their name, each with its own Händelser and Kontroller; the roll-up's sheets are generated sheets, snapshotted for undo.
import { planToGrid } from '../../../shared/plan/plan-to-grid';
import { generatedKind, isGeneratedSheet } from '../../../shared/app/generated-sheets';
import { companionsOf, isStructuredGrid, kommunSheetsOf, PROBE_RANGE, rollupCandidates, rollupReadPlan, ROLLUP_SHEETS } from '../../../shared/app/rollup-sheets';
import { isBackupSheet, undoRecordOf } from '../../../shared/app/snapshot';
import { ROLLUP_SHEET } from '../../../shared/i18n/sv-rollup';
import type { Grid } from '../../../shared/model/grid';
import { parseA1Range } from '../../../shared/model/a1';
import { kommunBuilds } from '../../support/rollup-workbook';

const gridOf = (rows: (string | number | null)[][], name = 'Blad'): Grid => ({ sheetName: name, origin: { row: 0, col: 0 }, values: rows, texts: rows.map((r) => r.map((v) => (v === null ? '' : String(v)))) });

describe('the roll-up sheets are generated sheets', () => {
  it('names Sammanställning, Teman and Aktiviteter per tema as the roll-up kind, the follow-up kinds unchanged', () => {
    for (const n of Object.values(ROLLUP_SHEET)) {
      expect(generatedKind(n)).toBe('rollup');
      expect(isGeneratedSheet(n)).toBe(true);
    }
    expect(ROLLUP_SHEETS).toEqual(['Sammanställning', 'Teman', 'Aktiviteter per tema']);
    expect(generatedKind('Medborgarlöften 2019')).toBe('structured');
    expect(generatedKind('Sammanfattning T3 2019')).toBe('summary');
    for (const n of ['Sammanställning 2', 'teman', 'Aktiviteter']) expect(isGeneratedSheet(n)).toBe(false);
  });

  it('keeps a replaced roll-up sheet for undo as a hidden backup, never read as a kommun', () => {
    const rb = { sheetName: 'Teman', origin: { row: 0, col: 0 }, values: [['Tema: Trafik', 3]], texts: [['Tema: Trafik', '3']], formulas: [['Tema: Trafik', '=COUNTIFS(x)']] };
    const rec = undoRecordOf('Sammanställ flera kommuner', { Sammanställning: null, Teman: rb, 'Aktiviteter per tema': null }, '2026-05-04T10:00:00.000Z');
    expect(rec.created).toEqual(['Sammanställning', 'Aktiviteter per tema']);
    expect(rec.restore.map((x) => x.name)).toEqual(['Teman']);
    expect(rollupCandidates(['Eksjö', rec.restore[0].backup, 'Ångra 1 – Medborgarlöften 2019'], isBackupSheet)).toEqual(['Eksjö']);
  });
});

describe('which sheets are a kommun\u2019s structured sheet', () => {
  const [kb] = kommunBuilds(1, 4);
  const structured = planToGrid(kb.build.plans.find((p) => p.kind === 'structured')!);
  const events = planToGrid(kb.build.plans.find((p) => p.kind === 'events')!);
  const findings = planToGrid(kb.build.plans.find((p) => p.kind === 'findings')!);
  const asGrid = (rows: unknown[][], name: string) => gridOf(rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? 0 : (v as string | number | null)))), name);

  it('knows a structured sheet by its table header, whatever it is called, and from its probed corner alone', () => {
    expect(isStructuredGrid(asGrid(structured, 'Eksjö'))).toBe(true);
    const box = parseA1Range(PROBE_RANGE)!;
    const corner = structured.slice(0, box.rows).map((r) => r.slice(0, box.cols));
    expect(isStructuredGrid(asGrid(corner, 'Eksjö'))).toBe(true);
    // A source follow-up, Händelser, Kontroller and an empty sheet are not.
    expect(isStructuredGrid(gridOf([['Uppföljning av medborgarlöften'], ['Aktivitet', 'Tertial 1'], ['Trafikkontroller', 5]]))).toBe(false);
    expect(isStructuredGrid(asGrid(events, 'Händelser'))).toBe(false);
    expect(isStructuredGrid(asGrid(findings, 'Kontroller'))).toBe(false);
    expect(isStructuredGrid(gridOf([]))).toBe(false);
    expect(isStructuredGrid(null)).toBe(false);
  });

  it('leaves the other generated sheets and the skipped ones out of the candidates', () => {
    const names = ['Läsanvisning', 'Medborgarlöften 2019', 'Händelser', 'Kontroller', 'Sammanfattning T3 2019', 'Sammanställning', 'Teman', 'Aktiviteter per tema', 'Eksjö', 'Händelser (2)', 'Ångra 1 – Medborgarlöften 2019'];
    expect(rollupCandidates(names, (n) => n.startsWith('Ångra '))).toEqual(['Läsanvisning', 'Medborgarlöften 2019', 'Eksjö', 'Händelser (2)']);
  });

  it('pairs each structured sheet with the Händelser and Kontroller copied with it, never another kommun\u2019s', () => {
    const names = [
      'Medborgarlöften 2019', 'Händelser', 'Kontroller',
      'Medborgarlöften 2019 (2)', 'Händelser (2)', 'Kontroller (2)',
      'Kopia av Medborgarlöften 2020', 'Kopia av Händelser',
      'Medborgarlöften Vara 2022', 'Händelser Vara 2022',
      'Eksjö',
    ];
    expect(companionsOf('Medborgarlöften 2019', names)).toEqual({ events: 'Händelser', findings: 'Kontroller' });
    expect(companionsOf('Medborgarlöften 2019 (2)', names)).toEqual({ events: 'Händelser (2)', findings: 'Kontroller (2)' });
    expect(companionsOf('Kopia av Medborgarlöften 2020', names)).toEqual({ events: 'Kopia av Händelser', findings: null });
    expect(companionsOf('Medborgarlöften Vara 2022', names)).toEqual({ events: 'Händelser Vara 2022', findings: null });
    expect(companionsOf('Eksjö', names)).toEqual({ events: null, findings: null });
    const plan = rollupReadPlan([...names, 'Aktiviteter per tema'], ['Medborgarlöften 2019 (2)', 'Eksjö']);
    expect(plan.kommuner).toEqual([
      { sheet: 'Medborgarlöften 2019 (2)', events: 'Händelser (2)', findings: 'Kontroller (2)' },
      { sheet: 'Eksjö', events: null, findings: null },
    ]);
    expect(plan.readBack).toEqual(['Medborgarlöften 2019 (2)', 'Händelser (2)', 'Kontroller (2)', 'Eksjö', 'Aktiviteter per tema']);
    expect(plan.activities).toBe('Aktiviteter per tema');
    expect(rollupReadPlan(names, ['Eksjö']).activities).toBeNull();
  });

  it('hands the core each kommun named by its sheet, leaving out a sheet that could not be read', () => {
    const plan = rollupReadPlan(['A', 'B', 'Händelser'], ['A', 'B']);
    const a = gridOf([['x']], 'A');
    expect(kommunSheetsOf(plan, { A: a })).toEqual([{ source: 'A', structured: a, events: null, findings: null }]);
  });
});
