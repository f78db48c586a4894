// Plans are JSON-safe and schema-valid, keep formula-looking text as literal strings, and use only portable functions.
import fc from 'fast-check';
import { JUDGEMENT_LABEL, STATUS_COLOUR, STATUS_LABEL } from '../../../shared/i18n/sv';
import type { FollowUp } from '../../../shared/model/follow-up';
import { SheetPlanSchema } from '../../../shared/model/sheet-plan-schema';
import { looksLikeFormula, type PlanCell, type SheetPlan } from '../../../shared/model/sheet-plan';
import {
  EVENTS_SHEET,
  FINDINGS_SHEET,
  planImportSheets,
  planStructured,
  planSummary,
  planToGrid,
  structuredCellMap,
  structuredColumns,
  structuredSheetName,
  summarySheetName,
  STRUCTURED_ROWS,
  REPORTED_CELL,
} from '../../../shared/plan';
import { eksjoSample, eskilstunaSample } from '../../support/sample-follow-ups';
import { importSeed } from '../../support/seeds';
import { followUpArb } from './arbitrary-follow-up';

/** Functions that Excel, Google Sheets, LibreOffice and HyperFormula all support. */
const PORTABLE = new Set(['IF', 'AND', 'OR', 'SUM', 'SUMIFS', 'COUNTIFS', 'COUNT', 'COUNTA', 'INDEX', 'MATCH', 'ROUND', 'REPT', 'MIN', 'MAX', 'IFERROR', 'INT', 'MONTH', 'LEN']);

function allPlans(f: FollowUp): SheetPlan[] {
  return [...planImportSheets(f), planSummary(f, { generatedAt: '2020-01-08' })];
}

function cells(plan: SheetPlan): PlanCell[] {
  return planToGrid(plan).flat();
}

function formulasOf(plan: SheetPlan): string[] {
  const fs = cells(plan).flatMap((c) => (c && typeof c === 'object' ? [c.f] : []));
  return [...fs, ...plan.conditionalFormats.flatMap((r) => (r.when.type === 'formula' ? [r.when.formula] : []))];
}

/** Every text a follow-up carries that could end up in a sheet. */
function modelTexts(f: FollowUp): Set<string> {
  const t = new Set<string>([f.kommun ?? '', f.title ?? '']);
  for (const p of f.promises) {
    t.add(p.text);
    for (const a of p.activities) {
      t.add(a.text);
      t.add(a.goal?.phrase ?? '');
      for (const q of a.periods) t.add(q.text);
      for (const c of a.comments) t.add(c.text);
      t.add(a.sourceStatus?.text ?? '');
      t.add(a.judgement?.phrase ?? '');
    }
  }
  for (const n of f.notes) t.add(n.text);
  // The sheet's own words (status and judgement labels) are in formulas by design.
  const words = [...Object.values(STATUS_LABEL), ...Object.values(JUDGEMENT_LABEL)];
  for (const x of [...t]) if (words.some((w) => w.includes(x))) t.delete(x);
  return t;
}

function checkPlans(f: FollowUp): void {
  const texts = modelTexts(f);
  for (const plan of allPlans(f)) {
    expect(SheetPlanSchema.parse(plan)).toEqual(plan);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan.name.length).toBeLessThanOrEqual(31);
    for (const fm of formulasOf(plan)) {
      expect(fm.startsWith('=')).toBe(true);
      for (const [, fn] of fm.replace(/"[^"]*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(PORTABLE).toContain(fn);
      // No imported text ever ends up inside a formula.
      for (const t of texts) if (t.length > 3 && !/^\d+$/.test(t)) expect(fm.includes(t)).toBe(false);
    }
  }
  // Formula-looking imported texts are plain strings in the structured plan.
  const structured = cells(planStructured(f)).filter((c): c is string => typeof c === 'string');
  const findings = cells(planImportSheets(f)[2]).filter((c): c is string => typeof c === 'string');
  for (const t of texts) {
    // Comments share the Kommentar cell, one per line; notes are on Kontroller.
    if (t && looksLikeFormula(t)) expect([...structured, ...findings].some((c) => c === t || c.split('\n').includes(t) || c.includes(t))).toBe(true);
  }
}

describe('plan safety', () => {
  test('seeds and samples: every plan is schema-valid, JSON-safe and uses portable functions only', () => {
    for (const f of [eskilstunaSample(), eksjoSample(2), importSeed('eskilstuna-2019'), importSeed('eksjo-2019')]) checkPlans(f);
  });

  test('texts starting with = + - @ stay literal strings in every plan', () => {
    const f = eskilstunaSample();
    f.kommun = '=X kommun';
    f.promises[0].text = '+46 lovar polisen';
    f.promises[0].activities[0].text = '=SUM(B2:D2) ingripanden';
    f.promises[0].activities[0].periods[1].text = '-5 jämfört med T1';
    f.promises[1].activities[0].periods[2].events[0].place = '@Göksten';
    const plans = allPlans(f);
    const all = plans.flatMap(cells);
    for (const t of ['=X kommun', '+46 lovar polisen', '=SUM(B2:D2) ingripanden', '-5 jämfört med T1', '@Göksten']) expect(all).toContain(t);
    expect(all.filter((c) => c && typeof c === 'object' && /ingripanden|jämfört|lovar|X kommun/.test(c.f))).toEqual([]);
    checkPlans(f);
  });

  test('generated follow-ups: plans are schema-valid, JSON-safe, text stays text (property)', () => {
    fc.assert(fc.property(followUpArb(), (f) => checkPlans(f)), { numRuns: 50 });
  });

  test('sheet names', () => {
    expect([structuredSheetName(2019), structuredSheetName(null), EVENTS_SHEET, FINDINGS_SHEET]).toEqual(['Medborgarlöften 2019', 'Medborgarlöften', 'Händelser', 'Kontroller']);
    expect([summarySheetName(3, 2019), summarySheetName(2, 2020, 'quarter'), summarySheetName(null, null), summarySheetName(9, 2019)]).toEqual([
      'Sammanfattning T3 2019',
      'Sammanfattning K2 2020',
      'Sammanfattning',
      'Sammanfattning T3 2019',
    ]);
    expect(planImportSheets(eskilstunaSample()).map((p) => [p.name, p.kind])).toEqual([
      ['Medborgarlöften 2019', 'structured'],
      ['Händelser', 'events'],
      ['Kontroller', 'findings'],
    ]);
  });

  test('structured plan: reported-period list, whole-number counts with a Swedish message, party and goal lists, status colours, frozen header', () => {
    const f = eskilstunaSample();
    const plan = planStructured(f);
    const c = structuredColumns(3);
    const grid = planToGrid(plan);
    expect(REPORTED_CELL).toBe('B4');
    expect(grid[STRUCTURED_ROWS.reported].slice(0, 2)).toEqual(['Redovisad tertial', 3]);
    expect(plan.validations.find((v) => v.range === 'B4')?.rule).toEqual({ type: 'list', values: ['1', '2', '3'] });
    const counts = plan.validations.filter((v) => v.rule.type === 'wholeNumber');
    expect(counts.length).toBeGreaterThanOrEqual(3);
    for (const v of counts) {
      expect(v.rule).toEqual({ type: 'wholeNumber', min: 0 });
      expect(v.inputMessage).toMatch(/heltal/);
    }
    expect(plan.validations.some((v) => v.rule.type === 'list' && v.rule.values.join() === 'Polisen,Kommunen,Gemensamt')).toBe(true);
    expect(plan.validations.some((v) => v.rule.type === 'list' && v.rule.values.join() === 'minst,högst,exakt')).toBe(true);
    const statusRules = plan.conditionalFormats.filter((r) => r.when.type === 'textEquals');
    // Every status word, and the words a judgement gives with "(bedömd)", in the status's colour.
    expect(statusRules.map((r) => [r.when.type === 'textEquals' && r.when.text, r.style.fill])).toEqual([
      ...(Object.keys(STATUS_LABEL) as (keyof typeof STATUS_LABEL)[]).map((s) => [STATUS_LABEL[s], STATUS_COLOUR[s].fill]),
      ...(['met', 'on-track', 'behind', 'not-met'] as const).map((s) => [`${STATUS_LABEL[s]} (bedömd)`, STATUS_COLOUR[s].fill]),
    ]);
    expect(plan.frozenRows).toBe(STRUCTURED_ROWS.header + 1);
    expect(grid[STRUCTURED_ROWS.header].slice(0, c.status + 1)).toEqual([
      'ID', 'Löfte', 'Aktivitet', 'Ansvarig', 'Mål', 'Målvärde', 'Enhet', 'Tertial 1', 'Tertial 2', 'Tertial 3', 'Totalt', 'Andel av mål', 'Förväntat hittills', 'Status',
    ]);
    expect(plan.blocks[0].numberFormats?.[STRUCTURED_ROWS.firstData + 1][c.share]).toBe('0 %');
  });

  test('structured plan: Bedömning offers both scales as a list, a suggestion from the text is marked with a note quoting its words; Kommentar and own status beside Status', () => {
    const f = eksjoSample();
    const a2 = f.promises[0].activities[1];
    a2.judgement = { value: 'met', phrase: 'kan anses vara uppfyllt', cell: 'C9', source: 'text' };
    a2.comments = [{ cell: 'E9', text: 'Arbetsgrupp bildad' }];
    a2.sourceStatus = { cell: 'F9', text: 'Delvis' };
    f.promises[1].activities[0].judgement = { value: 'in-progress', phrase: '', cell: null, source: 'user' };
    const plan = planStructured(f);
    const c = structuredColumns(3);
    const grid = planToGrid(plan);
    expect(grid[STRUCTURED_ROWS.header].slice(c.status, c.comment + 1)).toEqual(['Status', 'Beräknad status', 'Bedömning', 'Egen status i underlaget', 'Kommentar']);
    const lists = plan.validations.filter((v) => v.range.startsWith(String.fromCharCode(65 + c.judgement)));
    expect(lists.length).toBeGreaterThan(0);
    for (const v of lists) expect(v.rule).toEqual({ type: 'list', values: ['Uppnått', 'Delvis uppnått', 'Ej uppnått', 'Genomförd', 'Pågår', 'Ej påbörjad', 'Inställd'] });
    const row = grid.findIndex((r) => r[c.id] === 'A2');
    expect([grid[row][c.judgement], grid[row][c.sourceStatus], grid[row][c.comment], grid[row][c.judgementPhrase], grid[row][c.origin]]).toEqual([
      'Uppnått', 'Delvis', 'Arbetsgrupp bildad', 'kan anses vara uppfyllt',
      'Förslag från texten: Uppnått\nBedömningens cell: C9\nEgen status, cell: F9\nKommentar: E9 (rad 1)',
    ]);
    expect(plan.blocks[0].styles?.[row][c.judgement]).toBe('suggestion');
    expect(plan.styles.suggestion.italic).toBe(true);
    const cell = `${String.fromCharCode(65 + c.judgement)}${row + 1}`;
    expect(plan.notes.find((n) => n.cell === cell)?.text).toBe('Förslag från texten: «kan anses vara uppfyllt» (cell C9 i underlaget). Behåll förslaget eller välj en annan bedömning.');
    const userRow = grid.findIndex((r) => r[c.id] === 'A3');
    expect([grid[userRow][c.judgement], grid[userRow][c.origin], plan.blocks[0].styles?.[userRow][c.judgement]]).toEqual(['Pågår', null, 'judgement']);
    // The rule is written beside the table: the status note says how judgements count.
    const statusNote = plan.notes.find((n) => n.cell === `${String.fromCharCode(65 + c.status)}${STRUCTURED_ROWS.header + 1}`)!.text;
    expect(statusNote).toContain('Bedömning avgör där inget antal finns, och över antalen när du själv valt den');
    expect(statusNote).toContain('Uppnått, Genomförd → Uppnått');
    expect(statusNote).toContain('Ej påbörjad → Efter plan (Ej uppnått när året är slut)');
    // Source cells of comments and own status map to the structured cells that show them.
    expect(structuredCellMap(f).get('E9')).toBe(`${String.fromCharCode(65 + c.comment)}${row + 1}`);
    expect(structuredCellMap(f).get('F9')).toBe(`${String.fromCharCode(65 + c.sourceStatus)}${row + 1}`);
  });

  test('cells with findings are marked and carry the message as a note; the row lists them under Kontroller', () => {
    const f = importSeed('eskilstuna-2019');
    const plan = planStructured(f);
    const c = structuredColumns(3);
    const grid = planToGrid(plan);
    const row = grid.findIndex((r) => r[c.id] === 'A3'); // Medborgarforum: Fröslunda 19-05-02 under T1
    const cell = `${String.fromCharCode(65 + c.periodStart)}${row + 1}`;
    expect(plan.blocks[0].styles?.[row][c.periodStart]).toBe('finding');
    expect(plan.notes.filter((n) => n.cell === cell)).toHaveLength(1);
    expect(plan.notes.find((n) => n.cell === cell)?.text).toMatch(/Fröslunda 2019-05-02.*tertial 2/);
    expect(String(grid[row][c.findings])).toMatch(/Fröslunda 2019-05-02/);
  });

  test('rate goals: Målvärde holds the yearly target and a note says so', () => {
    const f = eksjoSample();
    f.promises[1].activities[1].goal = { op: '>=', value: 1, unit: 'samverkansmöten', places: [], rate: 'månad', source: 'activity', phrase: 'minst ett samverkansmöte per månad' };
    const plan = planStructured(f);
    const c = structuredColumns(3);
    const grid = planToGrid(plan);
    const row = grid.findIndex((r) => r[c.id] === 'A4');
    expect([grid[row][c.target], grid[row][c.rate]]).toEqual([12, 'månad']);
    expect(plan.notes.find((n) => n.cell === `F${row + 1}`)?.text).toBe('Målet är 1 per månad; målvärdet för året är 12.');
  });
});
