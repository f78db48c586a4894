// splitPlan/batchPlans: big plans are cut between rows into pieces under the request budget that together write every cell.
import { batchPlans, planBytes, requestBytes, splitPlan, utf8Length, PlanTooLargeError } from '../../../shared/app/split-plan';
import { planToGrid } from '../../../shared/plan/plan-to-grid';
import { SheetPlanSchema } from '../../../shared/model/sheet-plan-schema';
import { type SheetPlan } from '../../../shared/model/sheet-plan';
import { allFeaturesPlans } from '../../support/contract';

/** A structured-like plan with `n` seed-looking activity rows. */
function bigPlan(n: number): SheetPlan {
  const rows = Array.from({ length: n }, (_, i) => [
    `A${i + 1}`,
    `Trafikkontroll i utsatta områden ${i} (inklusive synlighet och kommunikativt förhållningssätt: STORM-HOBIT)`,
    83,
    43,
    64,
    { f: `=SUM(C${i + 7}:E${i + 7})` },
    200,
    `Genomfört ${i} trygghetsvandringar i Göksten 19-11-08`,
  ]);
  return SheetPlanSchema.parse({
    name: 'Medborgarlöften 2019',
    kind: 'structured',
    styles: { text: { wrap: true } },
    blocks: [
      { row: 0, col: 0, values: [['Medborgarlöften – Eskilstuna 2019']] },
      { row: 6, col: 0, values: rows, numberFormats: rows.map((r) => r.map(() => '0')), styles: rows.map((r) => r.map((_, j) => (j === 1 ? 'text' : null))) },
    ],
    conditionalFormats: [{ range: `F7:F${n + 6}`, when: { type: 'textEquals', text: 'Uppnått' }, style: { fill: '#C6EFCE' } }],
    notes: [{ cell: 'C7', text: 'Cellen B70 anger ett ungefärligt antal.' }],
    frozenRows: 6,
  });
}

/** Cells a list of pieces writes, merged in order. */
function merged(pieces: SheetPlan[]) {
  const blocks = pieces.flatMap((p) => p.blocks);
  return planToGrid({ ...pieces[0], blocks });
}

describe('planBytes', () => {
  it('counts UTF-8 bytes of the plan JSON (å, ä, ö take two bytes)', () => {
    expect(utf8Length('Händelser')).toBe(10);
    expect(utf8Length('≥')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    const p = allFeaturesPlans()[0];
    expect(planBytes(p)).toBe(Buffer.byteLength(JSON.stringify(p), 'utf8'));
  });
});

describe('splitPlan', () => {
  it('returns a plan that fits unchanged', () => {
    const p = allFeaturesPlans()[0];
    expect(splitPlan(p, 5 * 1024 * 1024)).toEqual([p]);
  });

  it('cuts a big plan into pieces under the budget that write exactly the same cells', () => {
    const plan = bigPlan(3000);
    const budget = 200_000;
    expect(planBytes(plan)).toBeGreaterThan(budget * 3);
    const pieces = splitPlan(plan, budget);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) {
      expect(requestBytes(piece)).toBeLessThanOrEqual(budget);
      expect(() => SheetPlanSchema.parse(piece)).not.toThrow();
      expect(piece.name).toBe(plan.name);
    }
    expect(merged(pieces)).toEqual(planToGrid(plan));
    // Sheet-wide settings come once, with the first piece; rules and notes each come exactly once.
    expect(pieces[0]).toMatchObject({ frozenRows: 6 });
    for (const p of pieces.slice(1)) expect(p).toMatchObject({ frozenRows: 0, chart: null, columnWidths: [] });
    expect(pieces.flatMap((p) => p.conditionalFormats)).toEqual(plan.conditionalFormats);
    expect(pieces.flatMap((p) => p.notes)).toEqual(plan.notes);
    // Number formats and styles travel with their rows.
    const rowsWithFormats = pieces.flatMap((p) => p.blocks).filter((b) => b.numberFormats).reduce((s, b) => s + b.numberFormats!.length, 0);
    expect(rowsWithFormats).toBe(3000);
  });

  it('spreads thousands of notes and links over pieces so no request passes the budget', () => {
    const base = bigPlan(50);
    const notes = Array.from({ length: 20000 }, (_, i) => ({ cell: `C${i + 7}`, text: `Cellen B${i + 7} anger ett ungefärligt antal.` }));
    const links = Array.from({ length: 5000 }, (_, i) => ({ cell: `B${i + 2}`, text: `C${i + 7}`, sheet: 'Medborgarlöften 2019', target: `C${i + 7}` }));
    const plan = { ...base, notes, links };
    const budget = 1_000_000;
    expect(planBytes(plan)).toBeLessThan(budget * 2);
    expect(requestBytes(plan)).toBeGreaterThan(budget * 5); // each note and link is a range, an action and their object paths in Office.js's request
    const pieces = splitPlan(plan, budget);
    for (const piece of pieces) expect(requestBytes(piece)).toBeLessThanOrEqual(budget);
    expect(pieces.flatMap((p) => p.notes)).toEqual(notes);
    expect(pieces.flatMap((p) => p.links)).toEqual(links);
    expect(merged(pieces)).toEqual(planToGrid(plan));
  });

  it('refuses a single row bigger than a whole request, in Swedish', () => {
    const plan = SheetPlanSchema.parse({ name: 'Kontroller', kind: 'findings', blocks: [{ row: 0, col: 0, values: [['x'.repeat(5000)]] }] });
    expect(() => splitPlan(plan, 1000)).toThrow(PlanTooLargeError);
    expect(() => splitPlan(plan, 1000)).toThrow(/Raden 1 i bladet "Kontroller"/);
  });
});

describe('batchPlans', () => {
  it('sends all plans of an action in one request when they fit', () => {
    const plans = allFeaturesPlans();
    expect(batchPlans(plans)).toEqual([plans]);
  });

  it('splits only the plan that is too big and keeps order', () => {
    const [small] = allFeaturesPlans();
    const big = { ...bigPlan(2000), name: 'Händelser', kind: 'events' as const };
    const budget = 150_000;
    const batches = batchPlans([small, big], budget);
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(requestBytes(b)).toBeLessThanOrEqual(budget);
    const flat = batches.flat();
    expect(flat[0]).toEqual(small);
    expect(merged(flat.slice(1))).toEqual(planToGrid(big));
  });
});
