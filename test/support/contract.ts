// Shared host contract: what the ExcelJS adapter really writes (read back from .xlsx), plus a plan using every plan feature.
import ExcelJS from 'exceljs';
import { SheetPlanSchema } from '../../shared/model/sheet-plan-schema';
import { type PlanCell, type SheetPlan } from '../../shared/model/sheet-plan';
import { planToGrid } from '../../shared/plan/plan-to-grid';
import { fromExcelJsFormula, xlsxBuffer } from '../../cli/xlsx-adapter';

/** One ExcelJS cell value in PlanCell form: formulas as `{ f: '=…' }`, text as string, empty as null. */
export function planCellOf(value: ExcelJS.CellValue): PlanCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  const o = value as unknown as Record<string, unknown>;
  if (typeof o.formula === 'string') return { f: fromExcelJsFormula(o.formula) };
  if (typeof o.sharedFormula === 'string') return { f: fromExcelJsFormula(o.sharedFormula) };
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if (typeof o.hyperlink === 'string') return String(o.text ?? '');
  if (typeof o.error === 'string') return o.error;
  return null;
}

/** Drops trailing all-null rows and columns so grids of different extents compare. */
export function trimGrid(grid: PlanCell[][]): PlanCell[][] {
  let rows = grid.length;
  while (rows > 0 && grid[rows - 1].every((c) => c === null || c === '')) rows--;
  let cols = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = grid[r].length - 1; c >= cols; c--) {
      if (grid[r][c] !== null && grid[r][c] !== '') {
        cols = c + 1;
        break;
      }
    }
  }
  return grid.slice(0, rows).map((r) => Array.from({ length: cols }, (_, c) => (r[c] === undefined || r[c] === '' ? null : r[c])));
}

/** A plan's content as hosts should end up holding it (planToGrid, trimmed; links show their text). */
export function expectedGrid(plan: SheetPlan): PlanCell[][] {
  const g = planToGrid(plan).map((r) => [...r]);
  for (const l of plan.links ?? []) {
    const m = /^([A-Z]+)(\d+)$/.exec(l.cell);
    if (!m) continue;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const row = Number(m[2]) - 1;
    while (g.length <= row) g.push([]);
    g[row][col - 1] = l.text;
  }
  return trimGrid(g);
}

/** Reads every worksheet of an .xlsx buffer into trimmed PlanCell grids keyed by sheet name. */
export async function readXlsxGrids(data: Uint8Array): Promise<Record<string, PlanCell[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  const out: Record<string, PlanCell[][]> = {};
  for (const ws of wb.worksheets) {
    const grid: PlanCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      while (grid.length < r) grid.push([]);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // Cells covered by a merge report the master's value; hosts hold nothing there.
        grid[r - 1][c - 1] = cell.isMerged && cell.master.address !== cell.address ? null : planCellOf(cell.value);
      });
    });
    out[ws.name] = trimGrid(grid.map((r) => Array.from(r, (v) => (v === undefined ? null : v))));
  }
  return out;
}

/**
 * Writes the plans with the ExcelJS adapter to an .xlsx buffer, reads it back with ExcelJS and
 * returns each sheet's cells in PlanCell form (formula cells `{ f: '=…' }`, text as string),
 * trimmed of trailing empty rows/columns. Hosts' fakes must produce the same grids
 * (compare with `trimGrid` on their side).
 */
export async function excelJsWrittenGrids(plans: SheetPlan[]): Promise<Record<string, PlanCell[][]>> {
  return readXlsxGrids(await xlsxBuffer(plans));
}

/** Two plans that together use every SheetPlan feature, with seed-like content and hostile text. */
export function allFeaturesPlans(): SheetPlan[] {
  const structured = SheetPlanSchema.parse({
    name: 'Medborgarlöften 2019',
    kind: 'structured',
    styles: {
      title: { bold: true, fontSize: 14 },
      header: { bold: true, fill: '#DDEBF7', wrap: true, borderBottom: true, vAlign: 'middle' },
      text: { wrap: true, vAlign: 'top' },
      num: { hAlign: 'right' },
      input: { fill: '#FFF2CC' },
    },
    blocks: [
      { row: 0, col: 0, values: [['Uppföljning av medborgarlöften – Eskilstuna 2019']], styles: [['title']] },
      { row: 1, col: 0, values: [['Kommun', 'Eskilstuna'], ['År', 2019], ['Redovisad tertial', 3]], styles: [[null, null], [null, null], [null, 'input']] },
      {
        row: 5,
        col: 0,
        values: [
          ['ID', 'Aktivitet', 'T1', 'T2', 'T3', 'Totalt', 'Mål', 'Andel av mål', 'Status', 'Kommentar T3'],
          ['A1', 'Ingripande narkotikabrott', 540, 479, 451, { f: '=SUM(C7:E7)' }, null, { f: '=IF(G7="","",F7/G7)' }, { f: '=IF(G7="","Inget mål",IF(F7>=G7,"Uppnått","Ej uppnått"))' }, '451 (1470)'],
          ['A4', 'Trafikkontroll i utsatta områden', 83, 43, 64, { f: '=SUM(C8:E8)' }, 200, { f: '=IF(G8="","",F8/G8)' }, { f: '=IF(G8="","Inget mål",IF(F8>=G8,"Uppnått","Ej uppnått"))' }, '64 (190)'],
          ['A9', '=HYPERLINK("http://evil.example","klicka")', 1, null, 2, { f: '=SUM(C9:E9)' }, 4, { f: '=IF(G9="","",F9/G9)' }, { f: '=IF(G9="","Inget mål",IF(F9>=G9,"Uppnått","Ej uppnått"))' }, '+46 70 123 45 67'],
          ['A10', '-5 minuter per möte', null, null, null, { f: '=SUM(C10:E10)' }, null, { f: '=IF(G10="","",F10/G10)' }, { f: '=IF(COUNT(C10:E10)=0,"Saknar uppgift","Inget mål")' }, '@polisen'],
        ],
        numberFormats: [
          [null, null, null, null, null, null, null, null, null, null],
          [null, null, '0', '0', '0', '0', '0', '0%', null, null],
          [null, null, '0', '0', '0', '0', '0', '0%', null, null],
          [null, null, '0', '0', '0', '0', '0', '0%', null, null],
          [null, null, '0', '0', '0', '0', '0', '0%', null, null],
        ],
        styles: [
          ['header', 'header', 'header', 'header', 'header', 'header', 'header', 'header', 'header', 'header'],
          [null, 'text', 'input', 'input', 'input', 'num', 'num', 'num', null, 'text'],
          [null, 'text', 'input', 'input', 'input', 'num', 'num', 'num', null, 'text'],
          [null, 'text', 'input', 'input', 'input', 'num', 'num', 'num', null, 'text'],
          [null, 'text', 'input', 'input', 'input', 'num', 'num', 'num', null, 'text'],
        ],
      },
    ],
    columnWidths: [6, 40, 8, 8, 8, 9, 8, 10, 14, 30],
    frozenRows: 6,
    frozenColumns: 2,
    merges: ['A1:J1'],
    conditionalFormats: [
      { range: 'I7:I10', when: { type: 'textEquals', text: 'Uppnått' }, style: { fill: '#C6EFCE', fontColor: '#006100' } },
      { range: 'I7:I10', when: { type: 'textEquals', text: 'Ej uppnått' }, style: { fill: '#FFC7CE', fontColor: '#9C0006', bold: true } },
      { range: 'C7:E10', when: { type: 'formula', formula: '=AND(ISNUMBER(C7),C7<0)' }, style: { fill: '#FFC7CE' } },
    ],
    validations: [
      { range: 'B4', rule: { type: 'list', values: ['1', '2', '3'] }, inputTitle: 'Redovisad tertial', inputMessage: 'Välj 1, 2 eller 3.' },
      { range: 'C7:E10', rule: { type: 'wholeNumber', min: 0 }, inputTitle: 'Antal', inputMessage: 'Skriv antalet som ett heltal (0 eller mer).', errorMessage: 'Antal måste vara ett heltal ≥ 0.' },
      { range: 'G7:G10', rule: { type: 'decimal', min: 0, max: 100000 } },
    ],
    notes: [{ cell: 'C9', text: 'Cellen B70 anger ett ungefärligt antal; det räknas som 20.' }],
    links: [],
    chart: null,
    tabColor: '#2F5597',
  });
  const findings = SheetPlanSchema.parse({
    name: 'Kontroller',
    kind: 'findings',
    styles: { header: { bold: true, borderBottom: true } },
    blocks: [
      {
        row: 0,
        col: 0,
        values: [
          ['Allvar', 'Cell', 'Meddelande'],
          ['Varning', null, 'Händelsen Fröslunda 2019-05-02 i cellen B70 står under Tertial 1, men datumet ligger i Tertial 2.'],
          ['Info', null, 'Cellen A154 innehåller "X kommun", som ser ut som en platshållare kvar från en mall.'],
          ['Fel', null, '=1+1 är inte en formel här'],
        ],
        styles: [['header', 'header', 'header'], [null, null, null], [null, null, null], [null, null, null]],
      },
    ],
    columnWidths: [10, 10, 90],
    frozenRows: 1,
    links: [
      { cell: 'B2', text: 'C9', sheet: 'Medborgarlöften 2019', target: 'C9' },
      { cell: 'B3', text: 'J10', sheet: 'Medborgarlöften 2019', target: 'J10' },
    ],
    chart: { type: 'bar', title: 'Totalt mot mål', categories: "B7:B10", series: [{ name: 'Totalt', values: 'F7:F10' }], anchor: 'E2' },
  });
  return [structured, findings];
}
