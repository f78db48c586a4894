// The ExcelJS adapter writes every plan feature into a real .xlsx that reads back the same (values, formulas, CF, DV, notes, panes, text safety), and copies the source sheet as read.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlansToWorkbook, toExcelJsFormula, wrappedLines, xlsxBuffer } from '../../cli/xlsx-adapter';
import { allFeaturesPlans, excelJsWrittenGrids, expectedGrid } from '../support/contract';

async function reread(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
}

describe('xlsx adapter', () => {
  const plans = allFeaturesPlans();
  let data: Uint8Array;
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    data = await xlsxBuffer(plans);
    wb = await reread(data);
    ws = wb.getWorksheet('Medborgarlöften 2019') as ExcelJS.Worksheet;
  });

  it('writes the sheets in plan order with the content the plans describe (shared contract)', async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Medborgarlöften 2019', 'Kontroller']);
    const grids = await excelJsWrittenGrids(plans);
    for (const p of plans) expect(grids[p.name]).toEqual(expectedGrid(p));
  });

  it('writes formulas without the leading = and keeps numbers as numbers', () => {
    expect(ws.getCell('F7').value).toEqual({ formula: 'SUM(C7:E7)' });
    expect(ws.getCell('I8').formula).toBe('IF(G8="","Inget mål",IF(F8>=G8,"Uppnått","Ej uppnått"))');
    expect(ws.getCell('C7').value).toBe(540);
    expect(ws.getCell('G8').value).toBe(200);
    expect(ws.getCell('B3').value).toBe(2019);
  });

  it('keeps text that starts with = + - @ as text, never as a formula', async () => {
    expect(ws.getCell('B9').value).toBe('=HYPERLINK("http://evil.example","klicka")');
    expect(ws.getCell('J9').value).toBe('+46 70 123 45 67');
    expect(ws.getCell('B10').value).toBe('-5 minuter per möte');
    expect(ws.getCell('J10').value).toBe('@polisen');
    const zip = await JSZip.loadAsync(data);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const b9 = /<c r="B9"[^>]*>(.*?)<\/c>/.exec(sheetXml)!;
    expect(b9[0]).toContain('t="s"');
    expect(b9[1]).not.toContain('<f>');
    expect(sheetXml).not.toContain('HYPERLINK');
    const formulas = [...sheetXml.matchAll(/<f>(.*?)<\/f>/g)].map((m) => m[1]);
    expect(formulas).toHaveLength(12);
    expect(formulas.every((f) => /^(SUM|IF)\(/.test(f))).toBe(true);
  });

  it('writes number formats, styles, widths, merges and the tab colour', () => {
    expect(ws.getCell('H7').numFmt).toBe('0%');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').font.size).toBe(14);
    expect(ws.getCell('A6').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('A6').border.bottom?.style).toBe('thin');
    expect(ws.getCell('B7').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('F7').alignment.horizontal).toBe('right');
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getColumn(10).width).toBe(30);
    expect(ws.getCell('J1').isMerged).toBe(true);
    expect(ws.getCell('J1').master.address).toBe('A1');
    expect(ws.properties.tabColor).toEqual({ argb: 'FF2F5597' });
  });

  it('freezes header rows and columns', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 6 });
    expect(wb.getWorksheet('Kontroller')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes conditional formats for status words and for formulas', async () => {
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const cfs = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/g)];
    expect(cfs.map((m) => m[1])).toEqual(['I7:I10', 'I7:I10', 'C7:E10']);
    expect(cfs[0][2]).toContain('type="cellIs"');
    expect(cfs[0][2]).toContain('<formula>&quot;Uppnått&quot;</formula>');
    expect(cfs[1][2]).toContain('<formula>&quot;Ej uppnått&quot;</formula>');
    expect(cfs[2][2]).toContain('type="expression"');
    expect(cfs[2][2]).toContain('<formula>AND(ISNUMBER(C7),C7&lt;0)</formula>');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toMatch(/<dxfs count="3">/);
    expect(styles).toContain('FFC6EFCE');
    expect(styles).toContain('FF9C0006');
  });

  it('writes list and whole-number validations with Swedish input messages', () => {
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv.B4).toMatchObject({ type: 'list', formulae: ['"1,2,3"'], showInputMessage: true, prompt: 'Välj 1, 2 eller 3.' });
    for (const a of ['C7', 'E10', 'D8']) {
      expect(dv[a]).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], promptTitle: 'Antal', error: 'Antal måste vara ett heltal ≥ 0.' });
    }
    expect(dv.G9).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100000] });
    expect(dv.F7).toBeUndefined();
  });

  it('writes notes and internal links to cells of another sheet', () => {
    const note = ws.getCell('C9').note as unknown as { texts: { text: string }[] } | string;
    const text = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
    expect(text).toBe('Cellen B70 anger ett ungefärligt antal; det räknas som 20.');
    const k = wb.getWorksheet('Kontroller')!;
    expect(k.getCell('B2').value).toEqual({ text: 'C9', hyperlink: "#'Medborgarlöften 2019'!C9" });
    expect(k.getCell('B3').font.underline).toBe(true);
  });

  it('replaces a sheet of the same name in place and leaves other sheets alone', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Källa').getCell('A1').value = 'Aktivitet';
    book.addWorksheet('Kontroller').getCell('Z99').value = 'gammalt';
    book.addWorksheet('Efter').getCell('A1').value = 1;
    applyPlansToWorkbook(book, plans);
    const back = await reread(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
    expect(back.worksheets.map((w) => w.name)).toEqual(['Källa', 'Kontroller', 'Efter', 'Medborgarlöften 2019']);
    expect(back.getWorksheet('Källa')!.getCell('A1').value).toBe('Aktivitet');
    expect(back.getWorksheet('Kontroller')!.getCell('Z99').value).toBeNull();
    expect(back.getWorksheet('Kontroller')!.getCell('A1').value).toBe('Allvar');
  });

  it('prefixes post-2007 functions with _xlfn. but not text inside string literals', () => {
    expect(toExcelJsFormula('=IFS(A1>1,"IFS(x)",TRUE,TEXTJOIN(", ",TRUE,B1:B3))')).toBe('_xlfn.IFS(A1>1,"IFS(x)",TRUE,_xlfn.TEXTJOIN(", ",TRUE,B1:B3))');
    expect(toExcelJsFormula('=SUMIFS(A:A,B:B,"x")')).toBe('SUMIFS(A:A,B:B,"x")');
  });

  it('sets row heights for wrapped text that needs more lines, and prints landscape one page wide', () => {
    expect(wrappedLines('kort', 40)).toBe(1);
    expect(wrappedLines('a'.repeat(100), 30)).toBe(4);
    expect(wrappedLines('rad ett\nrad två', 30)).toBe(2);
    const k = wb.getWorksheet('Kontroller')!;
    // "Händelsen Fröslunda …" (≈100 characters) wraps in no styled column here: default height.
    expect(k.getRow(2).height).toBeUndefined();
    // Row 8 of the structured sheet: "Trafikkontroll i utsatta områden" fits in 40 characters.
    expect(ws.getRow(8).height).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:6' });
  });

  it('grows a row whose wrapped cell holds a long kept text', async () => {
    const [plan] = allFeaturesPlans();
    const long = { ...plan, blocks: [...plan.blocks, { row: 11, col: 1, values: [['Genomfört intervjuer med ca 200 personer i de östra delarna av kommunen, där trygghetsaspekt varit ett område som berörts.']], styles: [['text']] }] };
    const back = await reread(await xlsxBuffer([long]));
    const h = back.worksheets[0].getRow(12).height;
    expect(h).toBeGreaterThanOrEqual(45);
    expect(h).toBeLessThanOrEqual(75);
  });

  it('copies a source grid first, as read: cells at their own addresses, text that looks like a formula stays text', async () => {
    const grid = {
      sheetName: 'Blad1',
      origin: { row: 2, col: 1 },
      values: [
        ['Aktivitet', 'Tertial 1', null, ''],
        ['=SUM(A1:A3)', 540, true, '+46 70'],
        ['-5 st', '#N/A', '@kommun', 'rad ett\nrad två'],
        ['Utfall 2023', null, null, null],
      ],
      merges: [{ row: 3, col: 0, rows: 1, cols: 3 }],
    };
    const back = await reread(await xlsxBuffer(plans, { source: { grid, name: 'Blad1' } }));
    expect(back.worksheets.map((w) => w.name)).toEqual(['Blad1', 'Medborgarlöften 2019', 'Kontroller']);
    const src = back.worksheets[0];
    expect(['B3', 'C3', 'D3', 'E3'].map((a) => src.getCell(a).value)).toEqual(['Aktivitet', 'Tertial 1', null, null]);
    expect(['B4', 'C4', 'D4', 'E4'].map((a) => src.getCell(a).value)).toEqual(['=SUM(A1:A3)', 540, true, '+46 70']);
    expect(['B5', 'C5', 'D5', 'E5'].map((a) => src.getCell(a).value)).toEqual(['-5 st', '#N/A', '@kommun', 'rad ett\nrad två']);
    expect(src.getCell('E5').alignment).toMatchObject({ wrapText: true });
    expect(src.getCell('A1').value).toBeNull();
    expect([src.getCell('B6').value, src.getCell('D6').isMerged, src.getCell('D6').master.address]).toEqual(['Utfall 2023', true, 'B6']);
    const zip = await JSZip.loadAsync(await xlsxBuffer([], { source: { grid, name: 'Blad1' } }));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('<f>');
    expect(/<c r="B4"[^>]*>/.exec(xml)![0]).toContain('t="s"');
  });

  it('asks Excel to recalculate on open, since formulas carry no cached results', async () => {
    const zip = await JSZip.loadAsync(data);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('fullCalcOnLoad="1"');
  });
});
