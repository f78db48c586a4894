// The Word reader's layout: paragraphs and tables in document order, cell paragraphs joined, merges resolved, lists and headings as text, Word positions kept.
import { docxToGrid } from '../../../shared/docx/read-docx';
import { describeWordCell, describeWordPosition, isWordGrid, wordPositionAt } from '../../../shared/docx/positions';
import { isDocxError } from '../../../shared/docx/errors';
import { DOCX_LIMITS } from '../../../shared/docx/limits';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import { normalizeGrid } from '../../../shared/model/grid';
import { NUMBERING, documentXml, p, run, tbl, tc, tr } from './wordml';

const read = (body: string, numbering?: string) => docxToGrid({ document: documentXml(body), numbering }, { fileName: 'uppföljning.docx' });

const HEADER = tr([tc('Aktivitet'), tc('Tertial 1'), tc('Tertial 2'), tc('Tertial 3')]);

describe('paragraphs and tables in document order', () => {
  it('puts each paragraph in column A and each table row on its own row, a blank row around each table', () => {
    const g = read(
      p('Uppföljning av medborgarlöften för Eksjö kommun', { style: 'Rubrik1' }) +
        p('Uppföljningen avser tredje tertialet 2019.') +
        tbl(4, [HEADER, tr([tc('Genomföra minst tio riktade insatser'), tc('Genomfört sex riktade insatser.'), tc('5'), tc('Sammanlagt genomfört fjorton')])]) +
        p('Sammanfattning'),
    );
    expect(g.values).toEqual([
      ['Uppföljning av medborgarlöften för Eksjö kommun', null, null, null],
      ['Uppföljningen avser tredje tertialet 2019.', null, null, null],
      [null, null, null, null],
      ['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3'],
      ['Genomföra minst tio riktade insatser', 'Genomfört sex riktade insatser.', '5', 'Sammanlagt genomfört fjorton'],
      [null, null, null, null],
      ['Sammanfattning', null, null, null],
    ]);
    expect(g.merges).toBeUndefined();
    expect(g.origin).toEqual({ row: 0, col: 0 });
  });

  it('joins a cell\'s paragraphs with "\\n", leaving out empty ones at either end', () => {
    const g = read(tbl(2, [tr([tc(['', 'Göksten 19-11-08 Stadsparken 19-11-12', 'Nyfors 19-11-26', '']), tc('Trygghetsvandring')])]));
    expect(g.values).toEqual([['Göksten 19-11-08 Stadsparken 19-11-12\nNyfors 19-11-26', 'Trygghetsvandring']]);
  });

  it('reads line breaks as "\\n" and tabs as a space, and runs of empty paragraphs as one blank row', () => {
    const g = read(p('Datum: 1 oktober 2019\nTid: Kl. 18.00-19.30') + p('') + p('') + p('') + p('Plats:\tLagersbergsskolan'));
    expect(g.values).toEqual([['Datum: 1 oktober 2019\nTid: Kl. 18.00-19.30'], [null], ['Plats: Lagersbergsskolan']]);
  });

  it('leaves out tracked deletions, field codes and text boxes; keeps insertions and field results', () => {
    const body = p([
      run('Genomfört '),
      '<w:del w:id="1" w:author="A"><w:r><w:delText>fem</w:delText></w:r></w:del>',
      '<w:ins w:id="2" w:author="A"><w:r><w:t>sex</w:t></w:r></w:ins>',
      run(' insatser, se sidan '),
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
      run('3'),
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Textruta</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Textruta</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
    ]);
    expect(read(body).values).toEqual([['Genomfört sex insatser, se sidan 3']]);
  });

  it('reads a document whose WordprocessingML prefix is not "w"', () => {
    const g = docxToGrid({ document: documentXml(p('Löfte 1') + tbl(2, [tr([tc('Aktivitet'), tc('Tertial 1')])]), 'ns0') });
    expect(g.values).toEqual([['Löfte 1', null], [null, null], ['Aktivitet', 'Tertial 1']]);
  });

  it('names the grid\'s sheet as asked and keeps the Word reader\'s grid a Grid the importer takes', () => {
    const g = docxToGrid({ document: documentXml(p('x')) }, { sheetName: 'Underlag – Eksjö' });
    expect(g.sheetName).toBe('Underlag – Eksjö');
    expect(isWordGrid(g)).toBe(true);
    expect(isWordGrid(normalizeGrid(g))).toBe(false);
  });
});

describe('lists and headings as text', () => {
  it('a bullet keeps a leading "• " whatever its symbol; numbered items their number as Word shows it', () => {
    const g = read(
      p('Polisen lovar:', { style: 'Rubrik2' }) +
        p('Att öka tryggheten', { list: { numId: 1 } }) +
        p('Första', { list: { numId: 2 } }) +
        p('Underpunkt', { list: { numId: 2, ilvl: 1 } }) +
        p('Underpunkt två', { list: { numId: 2, ilvl: 1 } }) +
        p('Andra', { list: { numId: 2 } }) +
        p('Underpunkt igen', { list: { numId: 2, ilvl: 1 } }) +
        p('ett', { list: { numId: 3 } }) +
        p('två', { list: { numId: 3 } }),
      NUMBERING,
    );
    expect(g.values.map((r) => r[0])).toEqual(['Polisen lovar:', '• Att öka tryggheten', '1. Första', '1.1. Underpunkt', '1.2. Underpunkt två', '2. Andra', '2.1. Underpunkt igen', 'a) ett', 'b) två']);
  });

  it('reads a list item as a bullet when the document has no numbering part', () => {
    expect(read(p('Att minska risken', { list: { numId: 7 } })).values).toEqual([['• Att minska risken']]);
  });

  it('takes a list from the paragraph style (styles.xml), and numId 0 switches it off', () => {
    const styles = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="Punktlista"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="MinPunkt"><w:basedOn w:val="Punktlista"/></w:style></w:styles>`;
    const g = docxToGrid({ document: documentXml(p('A', { style: 'Punktlista' }) + p('B', { style: 'MinPunkt' }) + p('C', { style: 'Punktlista', list: { numId: 0 } })), numbering: NUMBERING, styles });
    expect(g.values).toEqual([['• A'], ['• B'], ['C']]);
  });
});

describe('merged cells', () => {
  it('a title row spanning the table (w:gridSpan) is one merge with its text in the top-left cell', () => {
    const g = read(tbl(4, [tr([tc('∎ Medborgarlöfte 1', { span: 4 })]), HEADER]));
    expect(g.values[0]).toEqual(['∎ Medborgarlöfte 1', null, null, null]);
    expect(g.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 4 }]);
  });

  it('a cell merged down (w:vMerge) is one merge; text in a continued cell is added to it, not lost', () => {
    const g = read(
      tbl(3, [
        tr([tc('Aktivitet'), tc('Tertial 1'), tc('Tertial 2')]),
        tr([tc('Trygghetsvandring', { vMerge: 'restart' }), tc('Göksten 19-11-08'), tc('', { vMerge: 'restart' })]),
        tr([tc('', { vMerge: 'continue' }), tc('Nyfors 19-11-26'), tc('kvar', { vMerge: 'continue' })]),
        tr([tc('Medborgarforum'), tc('Fröslunda 19-05-02'), tc('')]),
      ]),
    );
    expect(g.values).toEqual([
      ['Aktivitet', 'Tertial 1', 'Tertial 2'],
      ['Trygghetsvandring', 'Göksten 19-11-08', 'kvar'],
      [null, 'Nyfors 19-11-26', null],
      ['Medborgarforum', 'Fröslunda 19-05-02', null],
    ]);
    expect(g.merges).toEqual([
      { row: 1, col: 0, rows: 2, cols: 1 },
      { row: 1, col: 2, rows: 2, cols: 1 },
    ]);
  });

  it('merges across and down at once (a 2×2 block), after w:gridBefore, and reads legacy w:hMerge', () => {
    const g = read(
      tbl(4, [
        tr([tc('Utfall 2023', { span: 2, vMerge: 'restart' }), tc('T1'), tc('T2')]),
        tr([tc('', { span: 2, vMerge: 'continue' }), tc('3'), tc('4')]),
        tr([tc('Summa'), tc('7')], '<w:gridBefore w:val="2"/>'),
        tr([
          '<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Kommentar</w:t></w:r></w:p></w:tc>',
          '<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>',
          tc('a'),
          tc('b'),
        ]),
      ]),
    );
    expect(g.values).toEqual([
      ['Utfall 2023', null, 'T1', 'T2'],
      [null, null, '3', '4'],
      [null, null, 'Summa', '7'],
      ['Kommentar', null, 'a', 'b'],
    ]);
    expect(g.merges).toEqual([
      { row: 0, col: 0, rows: 2, cols: 2 },
      { row: 3, col: 0, rows: 1, cols: 2 },
    ]);
  });

  it('merges are relative to the grid, so normalizeGrid keeps them and the value stays top-left', () => {
    const g = read(p('Löfte 1') + tbl(4, [tr([tc('∎ Medborgarlöfte 1', { span: 4 })]), HEADER]));
    expect(g.merges).toEqual([{ row: 2, col: 0, rows: 1, cols: 4 }]);
    const n = normalizeGrid(g);
    expect(n.merges).toEqual(g.merges);
    expect(n.values[2]).toEqual(['∎ Medborgarlöfte 1', null, null, null]);
  });

  it('reads a table inside a cell as lines of that cell, cells joined by " | "', () => {
    const inner = tbl(2, [tr([tc('Plats'), tc('Datum')]), tr([tc('Göksten'), tc('19-11-08')])]);
    const g = read(tbl(2, [tr([tc('Trygghetsvandring'), `<w:tc>${inner}<w:p/></w:tc>`])]));
    expect(g.values).toEqual([['Trygghetsvandring', 'Plats | Datum\nGöksten | 19-11-08']]);
  });
});

describe('Word positions', () => {
  const g = read(
    p('Uppföljning') +
      p('Löfte 1') +
      tbl(4, [tr([tc('∎ Medborgarlöfte 1', { span: 4 })]), HEADER, tr([tc('Trafikkontroll'), tc('83'), tc('43 (126)'), tc('64 (191)')])]) +
      p('Löfte 2') +
      tbl(3, [tr([tc('Aktivitet'), tc('Kvartal 1'), tc('')]), tr([tc('Trygghetsvandring'), tc('2'), tc('x')])]),
  );

  it('names a table cell by table, row and the column\'s header text (its number when the header is empty)', () => {
    const at = (a1: string) => describeWordCell(g, a1);
    expect(at('C6')).toBe('tabell 1, rad 3, kolumn Tertial 2');
    expect(at('A4')).toBe('tabell 1, rad 1, kolumn Aktivitet');
    expect(at('C11')).toBe('tabell 2, rad 2, kolumn 3');
    expect(at('A2')).toBe('stycke 2');
    expect(at('A7')).toBeNull();
    expect(at('Z99')).toBeNull();
    expect(wordPositionAt(g, 5, 3)).toEqual({ kind: 'table', table: 1, row: 3, column: 4, columnLabel: 'Tertial 3' });
    expect(describeWordPosition({ kind: 'paragraph', paragraph: 9 })).toBe('stycke 9');
  });

  it('names the Word cell of a finding the importer makes (a running total that does not add up)', () => {
    const f = importFollowUp(g);
    const wrong = f.findings.find((x) => x.code === 'cumulative-mismatch');
    expect(wrong?.cell).toBe('D6');
    expect(describeWordCell(g, wrong!.cell)).toBe('tabell 1, rad 3, kolumn Tertial 3');
  });
});

describe('what the reader refuses, in Swedish', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(isDocxError(e)).toBe(true);
      expect((e as Error).message).toMatch(/uppföljning\.docx/);
      return (e as { code: string }).code;
    }
    return null;
  };

  it('XML that is not well-formed', () => {
    expect(code(() => read('<w:p><w:r><w:t>trasig</w:r></w:p>'))).toBe('bad-xml');
    expect(code(() => docxToGrid({ document: 'inte xml' }, { fileName: 'uppföljning.docx' }))).toBe('bad-xml');
    expect(code(() => docxToGrid({ document: '' }, { fileName: 'uppföljning.docx' }))).toBe('no-document');
  });

  it(`more than ${DOCX_LIMITS.rows} paragraphs and table rows, and a table wider than ${DOCX_LIMITS.columns} columns`, () => {
    expect(code(() => read(p('rad').repeat(DOCX_LIMITS.rows + 1)))).toBe('too-many-rows');
    expect(read(p('rad').repeat(DOCX_LIMITS.rows)).values).toHaveLength(DOCX_LIMITS.rows);
    expect(code(() => read(tbl(2, [tr([tc('a', { span: DOCX_LIMITS.columns + 1 })])])))).toBe('too-wide');
  });

  it('never throws on content it does not know (unknown elements, a broken numbering part)', () => {
    const g = docxToGrid({ document: documentXml(`<w:customXml><w:p><w:r><w:t>Kvar</w:t></w:r></w:p></w:customXml><w:sdt><w:sdtContent>${p('Också')}</w:sdtContent></w:sdt>`), numbering: '<trasig' });
    expect(g.values).toEqual([['Kvar'], ['Också']]);
  });
});
