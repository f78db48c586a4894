// Self-test of the SpreadsheetApp and PropertiesService fakes: they refuse what Google documents the services refuse, with Google's messages, and copy what Range.copyTo and Sheet.copyTo are documented to copy, no more.
import { makeGasEnv, sheetState, FakeDataValidation, type FakeSheet } from './gas-fakes';

function sheetOf(rows = 5, cols = 4): { env: ReturnType<typeof makeGasEnv>; s: FakeSheet } {
  const env = makeGasEnv();
  const s = env.ss.addSheetWithRows('Blad1', [['a']]);
  const w = env.ss._wrapSheet(s);
  if (s.maxRows > rows) w.deleteRows(rows + 1, s.maxRows - rows);
  if (s.maxCols > cols) w.deleteColumns(cols + 1, s.maxCols - cols);
  return { env, s: w };
}

const ROWS = (data: number, range: number) => `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`;
const COLS = (data: number, range: number) => `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`;
const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

describe('2-D setters check the data against the range, with Google\u2019s messages', () => {
  const rule = new FakeDataValidation('VALUE_IN_LIST', [['Ja'], true], '', false);
  const rich = { text: 'x', url: null };
  const setters: [string, unknown][] = [
    ['setValues', 1], ['setFormulas', '=1'], ['setNumberFormats', '0'], ['setBackgrounds', '#ffffff'], ['setFontColors', '#000000'],
    ['setFontWeights', 'bold'], ['setFontStyles', 'italic'], ['setFontSizes', 10], ['setWraps', true], ['setHorizontalAlignments', 'left'],
    ['setVerticalAlignments', 'top'], ['setNotes', 'n'], ['setDataValidations', rule], ['setRichTextValues', rich],
  ];
  it.each(setters)('%s refuses too few or too many rows, and a row of the wrong width', (setter, v) => {
    const { s } = sheetOf();
    const range = s.getRange(1, 1, 2, 3) as unknown as Record<string, (d: unknown[][]) => unknown>;
    const grid = (r: number, c: number) => Array.from({ length: r }, () => Array.from({ length: c }, () => v));
    expect(() => range[setter](grid(1, 3))).toThrow(ROWS(1, 2));
    expect(() => range[setter](grid(3, 3))).toThrow(ROWS(3, 2));
    expect(() => range[setter]([...grid(1, 3), ...grid(1, 2)])).toThrow(COLS(2, 3));
    expect(() => range[setter](grid(2, 3))).not.toThrow();
  });
});

describe('ranges must lie on the grid (getMaxRows × getMaxColumns)', () => {
  it('refuses a range past the last row or column, by numbers or A1, and bad starts and sizes', () => {
    const { s } = sheetOf(5, 4);
    expect(() => s.getRange(6, 1)).toThrow(OUTSIDE);
    expect(() => s.getRange(1, 5)).toThrow(OUTSIDE);
    expect(() => s.getRange(4, 1, 3, 1)).toThrow(OUTSIDE);
    expect(() => s.getRange('A1:E2')).toThrow(OUTSIDE);
    expect(() => s.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => s.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => s.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => s.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(s.getRange(5, 4).getA1Notation()).toBe('D5');
    expect(() => s.getColumnWidth(5)).toThrow('Those columns are out of bounds.');
    expect(() => s.setColumnWidths(3, 3, 120)).toThrow('Those columns are out of bounds.');
    // Growing the grid is the script's job (insertRowsAfter), then the range exists.
    s.insertRowsAfter(5, 1);
    expect(s.getRange(6, 1).getA1Notation()).toBe('A6');
  });

  it('refuses to delete every row that is not frozen', () => {
    const { s } = sheetOf(5, 4);
    s.setFrozenRows(1);
    expect(() => s.deleteRows(2, 4)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => s.deleteRows(3, 3)).not.toThrow();
    expect(s.getMaxRows()).toBe(2);
  });
});

describe('sheet names', () => {
  it('insertSheet and setName refuse a name a sheet has (whatever its case), and names over 100 characters', () => {
    const { env } = sheetOf();
    const ss = env.ss;
    const taken = 'A sheet with the name "Blad1" already exists. Please enter another name.';
    expect(() => ss.insertSheet('Blad1')).toThrow(taken);
    expect(() => ss.insertSheet('BLAD1')).toThrow('A sheet with the name "BLAD1" already exists. Please enter another name.');
    const other = ss.insertSheet('Blad2');
    expect(() => other.setName('Blad1')).toThrow(taken);
    expect(() => ss.insertSheet('x'.repeat(101))).toThrow('The sheet name cannot be greater than 100 characters.');
    expect(() => other.setName('x'.repeat(101))).toThrow('The sheet name cannot be greater than 100 characters.');
    expect(ss.insertSheet('x'.repeat(100)).getName()).toHaveLength(100);
    // Sheets documents no forbidden characters (unlike Excel's : \ / ? * [ ]).
    expect(ss.insertSheet('Q1/2019: [utkast]?').getName()).toBe('Q1/2019: [utkast]?');
  });
});

describe('PropertiesService quotas', () => {
  it('refuses a value over 9 KB and a store over 500 KB', () => {
    const env = makeGasEnv();
    const props = (env.globals.PropertiesService as { getDocumentProperties: () => { setProperty: (k: string, v: string) => unknown } }).getDocumentProperties();
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024))).toThrow('Argument too large: value');
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024 - 1))).not.toThrow();
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('k55', 'x'.repeat(9000))).toThrow('You have exceeded the property storage quota.');
  });
});

describe('copying as documented', () => {
  /** A sheet with a bit of everything: values, a formula, a format, a note, validation, a rule, a merge, a chart, widths, frozen row, tab colour. */
  function rich(): { env: ReturnType<typeof makeGasEnv>; s: FakeSheet } {
    const { env, s } = sheetOf(20, 6);
    s.getRange(1, 1, 2, 2).setValues([['Rubrik', 3], ['=B1*2', "'text"]]);
    s.getRange(1, 1).setBackgrounds([['#ff0000']]);
    s.getRange(2, 2).setNotes([['en anteckning']]);
    s.getRange(15, 1, 2, 1).setDataValidations([[new FakeDataValidation('NUMBER_BETWEEN', [0, 9], '', false)], [new FakeDataValidation('NUMBER_BETWEEN', [0, 9], '', false)]]);
    s.getRange('C1:D1').merge();
    s.setConditionalFormatRules([(env.globals.SpreadsheetApp as { newConditionalFormatRule: () => { whenTextEqualTo: (t: string) => { setBackground: (c: string) => { setRanges: (r: unknown[]) => { build: () => never } } } } }).newConditionalFormatRule().whenTextEqualTo('Klar').setBackground('#00ff00').setRanges([s.getRange('A1:A10')]).build()]);
    s.insertChart(s.newChart().setChartType('BAR').addRange(s.getRange('A1:B2')).setPosition(3, 3, 0, 0).setOption('legend', { position: 'bottom' }).build());
    s.setColumnWidth(2, 250);
    s.setFrozenRows(1);
    s.setTabColor('#123456');
    return { env, s };
  }

  it('Sheet.copyTo copies the whole sheet, charts included (aimed at the copy), as "Copy of …" after the last sheet', () => {
    const { env, s } = rich();
    const copy = s.copyTo(env.ss);
    expect(copy.getName()).toBe('Copy of Blad1');
    expect(copy.getIndex()).toBe(env.ss.sheets.length);
    const a = sheetState(env.ss.sheet('Blad1')!);
    const b = sheetState(env.ss.sheet('Copy of Blad1')!);
    expect({ ...b, id: a.id, name: a.name, index: a.index }).toEqual(a);
    expect(b.charts).toEqual([{ type: 'BAR', ranges: ['A1:B2'], position: { anchorRow: 3, anchorColumn: 3, offsetX: 0, offsetY: 0 }, options: { legend: { position: 'bottom' } } }]);
  });

  it('Range.copyTo with PASTE_NORMAL carries values, formulas, formats and merges only: no chart, note, validation or rule', () => {
    const { env, s } = rich();
    const to = env.ss.insertSheet('Mål');
    s.getRange(1, 1, 20, 6).copyTo(to.getRange(1, 1), 'PASTE_NORMAL', false);
    const st = sheetState(env.ss.sheet('Mål')!);
    expect(st.cells.A1).toEqual({ value: 'Rubrik', background: '#ff0000' });
    expect(st.cells.A2).toEqual({ formula: '=B1*2' });
    expect(st.cells.B2).toEqual({ value: 'text' });
    expect(st.merges).toEqual(['C1:D1']);
    expect([st.charts, st.conditionalFormats, st.cells.A15, st.frozenRows, st.tabColor, st.columnWidths[1]]).toEqual([[], [], undefined, 0, null, 100]);
    // The other paste types carry what they name.
    s.getRange(1, 1, 20, 6).copyTo(to.getRange(1, 1), 'PASTE_DATA_VALIDATION', false);
    s.getRange(1, 1, 20, 6).copyTo(to.getRange(1, 1), 'PASTE_COLUMN_WIDTHS', false);
    s.getRange(1, 1, 20, 6).copyTo(to.getRange(1, 1), 'PASTE_CONDITIONAL_FORMATTING', false);
    const after = sheetState(env.ss.sheet('Mål')!);
    expect(after.cells.A15).toEqual({ validation: { criteria: 'NUMBER_BETWEEN', args: [0, 9], helpText: '', allowInvalid: false } });
    expect(after.columnWidths.slice(0, 3)).toEqual([100, 250, 100]);
    expect(after.conditionalFormats.map((r) => r.ranges)).toEqual([['A1:A10']]);
    expect(after.charts).toEqual([]);
  });

  it('a chart built from EmbeddedChart.modify() is the same chart: updateChart saves it, insertChart refuses it', () => {
    const { s } = rich();
    const chart = s.getCharts()[0];
    const moved = chart.modify().setPosition(8, 1, 0, 0).build();
    expect(() => s.insertChart(moved)).toThrow();
    s.updateChart(moved);
    expect(s.getCharts().map((c) => c.getContainerInfo().getAnchorRow())).toEqual([8]);
    expect(s.getCharts()[0].getOptions().get('legend.position')).toBe('bottom');
  });

  it('moveActiveSheet moves the active sheet to a 1-based position, and getIndex follows', () => {
    const { env } = sheetOf();
    const b = env.ss.insertSheet('B');
    env.ss.insertSheet('C');
    env.ss.setActiveSheet(b);
    env.ss.moveActiveSheet(1);
    expect(env.ss.sheets.map((x) => x.name)).toEqual(['B', 'Blad1', 'C']);
    expect(env.ss.sheet('C')!.getIndex()).toBe(3);
    expect(() => env.ss.moveActiveSheet(4)).toThrow();
  });

  it('deleteSheet refuses to remove the last sheet', () => {
    const { env, s } = sheetOf();
    expect(() => env.ss.deleteSheet(s)).toThrow("You can't remove all the sheets in a document.");
    env.ss.insertSheet('B');
    expect(() => env.ss.deleteSheet(s)).not.toThrow();
  });
});
