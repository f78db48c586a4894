// snapshotPlan/undoRecordOf: a replaced sheet is written back as it was (formulas live, text stays text).
import { snapshotPlan, undoRecordOf } from '../../../shared/app/snapshot';
import { planToGrid } from '../../../shared/plan/plan-to-grid';
import { SheetPlanSchema } from '../../../shared/model/sheet-plan-schema';

const readBack = {
  sheetName: 'Medborgarlöften 2019',
  origin: { row: 0, col: 0 },
  values: [
    ['Kommun', 'Eskilstuna', ''],
    ['Trafikkontroll', 83, 190],
    ['=1+1', '-5 minuter', 0.95],
  ],
  formulas: [
    ['Kommun', 'Eskilstuna', ''],
    ['Trafikkontroll', 83, '=SUM(B2:B2)+107'],
    ['=1+1', '-5 minuter', '=C2/200'],
  ],
  numberFormats: [
    ['General', 'General', 'General'],
    ['General', '0', '0'],
    ['@', '@', '0%'],
  ],
};

describe('snapshotPlan', () => {
  it('keeps formulas as formulas and text that looks like a formula as text', () => {
    const plan = snapshotPlan('Medborgarlöften 2019', readBack);
    expect(() => SheetPlanSchema.parse(plan)).not.toThrow();
    expect(planToGrid(plan)).toEqual([
      ['Kommun', 'Eskilstuna', null],
      ['Trafikkontroll', 83, { f: '=SUM(B2:B2)+107' }],
      ['=1+1', '-5 minuter', { f: '=C2/200' }],
    ]);
    expect(plan.blocks[0].numberFormats).toEqual([
      [null, null, null],
      [null, '0', '0'],
      ['@', '@', '0%'],
    ]);
    expect(plan.kind).toBe('structured');
  });

  it('anchors the block at the used range origin', () => {
    const plan = snapshotPlan('Kontroller', { sheetName: 'Kontroller', origin: { row: 2, col: 1 }, values: [['Varning']] });
    expect(plan.blocks[0]).toMatchObject({ row: 2, col: 1, values: [['Varning']] });
    expect(plan.kind).toBe('findings');
  });

  it('snapshots an empty sheet as a plan without blocks', () => {
    expect(snapshotPlan('Händelser', { sheetName: 'Händelser', origin: { row: 0, col: 0 }, values: [] }).blocks).toEqual([]);
  });
});

describe('undoRecordOf', () => {
  it('deletes sheets the run created and restores the ones it replaced', () => {
    const rec = undoRecordOf('Skapa strukturerat blad', { 'Medborgarlöften 2019': readBack, Händelser: null, Kontroller: null }, '2026-11-21T10:00:00.000Z');
    expect(rec.created).toEqual(['Händelser', 'Kontroller']);
    expect(rec.restore.map((p) => p.name)).toEqual(['Medborgarlöften 2019']);
    expect(rec.at).toBe('2026-11-21T10:00:00.000Z');
    expect(JSON.parse(JSON.stringify(rec))).toEqual(rec);
  });
});
