// Small builders of WordprocessingML (document.xml, numbering.xml) and .docx zips for the Word reader's tests.
import JSZip from 'jszip';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Escapes text for XML. */
export const x = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A run of text; "\n" becomes <w:br/>, "\t" <w:tab/>. */
export function run(text: string, rPr = ''): string {
  const parts = text.split(/(\n|\t)/).map((p) => (p === '\n' ? '<w:br/>' : p === '\t' ? '<w:tab/>' : p ? `<w:t xml:space="preserve">${x(p)}</w:t>` : ''));
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${parts.join('')}</w:r>`;
}

/** A paragraph of runs (strings are plain runs); `list` puts it in list numId at level ilvl. */
export function p(content: string | string[] = '', opts: { style?: string; list?: { numId: number; ilvl?: number } } = {}): string {
  const runs = (Array.isArray(content) ? content : [content]).map((c) => (c.startsWith('<w:') ? c : run(c))).join('');
  const pPr = [
    opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '',
    opts.list ? `<w:numPr><w:ilvl w:val="${opts.list.ilvl ?? 0}"/><w:numId w:val="${opts.list.numId}"/></w:numPr>` : '',
  ].join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A table cell: its paragraphs (strings are paragraph texts), gridSpan and vMerge. */
export function tc(paragraphs: string | string[], opts: { span?: number; vMerge?: 'restart' | 'continue' } = {}): string {
  const ps = (Array.isArray(paragraphs) ? paragraphs : [paragraphs]).map((t) => (t.startsWith('<w:') ? t : p(t)));
  const tcPr = [
    opts.span ? `<w:gridSpan w:val="${opts.span}"/>` : '',
    opts.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : opts.vMerge === 'continue' ? '<w:vMerge/>' : '',
  ].join('');
  // Word always ends a cell with a paragraph.
  return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${ps.length ? ps.join('') : '<w:p/>'}</w:tc>`;
}

export const tr = (cells: string[], trPr = ''): string => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells.join('')}</w:tr>`;

export const tbl = (cols: number, rows: string[]): string =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(cols)}</w:tblGrid>${rows.join('')}</w:tbl>`;

/** A whole document.xml around body content. */
export const documentXml = (body: string, prefix = 'w'): string => {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return prefix === 'w' ? xml : xml.replace(/<(\/?)w:/g, `<$1${prefix}:`).replace(/ w:/g, ` ${prefix}:`).replace('xmlns:w=', `xmlns:${prefix}=`);
};

/** numbering.xml: numId 1 a bullet list, numId 2 a numbered list ("%1." then "%1.%2."), numId 3 lettered ("%1)"). */
export const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W_NS}">
<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="11"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="12"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
</w:numbering>`;

/** A .docx zip holding `files` (path → text); with `document` the minimal package Word writes around it. */
export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, data] of Object.entries(files)) zip.file(path, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A minimal .docx around a document.xml (and numbering.xml). */
export function docxOf(document: string, numbering?: string): Promise<Uint8Array> {
  return zipOf({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': document,
    ...(numbering ? { 'word/numbering.xml': numbering } : {}),
  });
}
