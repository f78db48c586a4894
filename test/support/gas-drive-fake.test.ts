// Self-test of the Advanced Drive fake: drive.file reaches only the app's files, HTML becomes a Doc that keeps its text, export needs alt=media, Google's error texts.
import { makeGasEnv, type GasEnv } from './gas-fakes';
import { SCOPE } from './gas-scopes';
import { docFromHtml, pdfText } from './gas-drive-fake';

type Files = Record<string, (...a: unknown[]) => Record<string, unknown> & { getBytes(): number[]; getDataAsString(): string; getContentType(): string }>;

function driveUnder(...scopes: string[]): { env: GasEnv; files: Files; blob: (s: string, t: string) => unknown } {
  const env = makeGasEnv();
  env.scopes = scopes;
  const files = (env.globals.Drive as { Files: Files }).Files;
  const utilities = env.globals.Utilities as { newBlob: (d: string, t: string, n?: string) => unknown };
  return { env, files, blob: (s, t) => utilities.newBlob(s, t, 'x') };
}

const HTML = '<html><body><h1>Rapport &amp; mål</h1><p style="color:#595959">Före</p><table><tr><th>Aktivitet</th><th>Status</th></tr>' +
  '<tr><td>Kontroller</td><td style="background-color:#C6EFCE;color:#006100">Klart</td></tr></table><svg><text>dropped</text></svg></body></html>';

describe('the Advanced Drive fake under drive.file', () => {
  it('answers 404 File not found for the spreadsheet the add-on runs in, and for its folder', () => {
    const { files } = driveUnder(SCOPE.driveFile);
    expect(() => files.get('ss-1', { fields: 'parents' })).toThrow('API call to drive.files.get failed with error: File not found: ss-1.');
    expect(() => files.create({ name: 'x.pdf', parents: ['folder-kommun'] }, undefined)).toThrow('File not found: folder-kommun.');
    expect(() => files.remove('ss-1')).toThrow('File not found: ss-1.');
  });

  it('reaches a file the user opened with the app, and every file under the full drive scope', () => {
    const { env, files } = driveUnder(SCOPE.driveFile);
    env.drive.grant('ss-1');
    expect(files.get('ss-1', { fields: 'parents' })).toEqual({ parents: ['folder-kommun'] });
    const full = driveUnder(SCOPE.drive);
    expect(full.files.get('folder-kommun', { fields: 'name' })).toEqual({ name: 'Trygghet och säkerhet' });
  });

  it('converts uploaded HTML into a Doc that keeps headings, paragraphs and table text with their colours, and drops SVG', () => {
    const { env, files, blob } = driveUnder(SCOPE.driveFile);
    const doc = files.create({ name: 'Rapport', mimeType: 'application/vnd.google-apps.document' }, blob(HTML, 'text/html'), { fields: 'id,name,webViewLink' });
    expect(doc).toEqual({ id: 'drive-1', name: 'Rapport', webViewLink: 'https://docs.google.com/document/d/drive-1/edit?usp=drivesdk' });
    const body = env.drive.files.get('drive-1')!.body!;
    expect(body.map((c) => c.text ?? c.cells)).toEqual(['Rapport & mål', 'Före', [['Aktivitet', 'Status'], ['Kontroller', 'Klart']]]);
    expect(body[0].heading).toBe('HEADING1');
    expect(body[2]).toMatchObject({ fills: { '1,1': '#C6EFCE' }, fonts: { '1,1': '#006100' }, boldRows: [0] });
    expect(JSON.stringify(body)).not.toContain('dropped');
    // v3 answers only id, name, mimeType and kind unless fields asks for more.
    expect(Object.keys(files.get('drive-1'))).toEqual(['kind', 'id', 'name', 'mimeType']);
  });

  it('refuses converting a type Docs does not import', () => {
    const { files, blob } = driveUnder(SCOPE.driveFile);
    expect(() => files.create({ name: 'x', mimeType: 'application/vnd.google-apps.document' }, blob('x', 'application/zip'))).toThrow(/Conversion from application\/zip/);
  });

  it('refuses to convert more text than a Google Doc holds (1.02 million characters)', () => {
    const { env, files, blob } = driveUnder(SCOPE.driveFile);
    const html = (n: number) => `<html><body><p>${'a'.repeat(n)}</p></body></html>`;
    expect(() => files.create({ name: 'x', mimeType: 'application/vnd.google-apps.document' }, blob(html(1_020_001), 'text/html'))).toThrow(/too large to be converted/);
    expect(env.drive.created()).toEqual([]);
    files.create({ name: 'x', mimeType: 'application/vnd.google-apps.document' }, blob(html(1_020_000), 'text/html'));
    expect(env.drive.created()).toHaveLength(1);
  });

  it('exports a Doc as PDF only with alt=media (the advanced service\'s known bug), and only Docs', () => {
    const { env, files, blob } = driveUnder(SCOPE.driveFile);
    files.create({ name: 'Rapport', mimeType: 'application/vnd.google-apps.document' }, blob(HTML, 'text/html'));
    expect(() => files.export('drive-1', 'application/pdf')).toThrow('API call to drive.files.export failed with error: Export requires alt=media to download the exported content.');
    const pdf = files.export('drive-1', 'application/pdf', { alt: 'media' });
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getDataAsString()).toMatch(/^%PDF-1\.4\nRapport & mål\nFöre\nAktivitet\tStatus\nKontroller\tKlart/);
    files.create({ name: 'Rapport.pdf', mimeType: 'application/pdf' }, pdf);
    expect(pdfText(env.drive.files.get('drive-2')!)).toContain('Kontroller\tKlart');
    expect(() => files.export('drive-2', 'application/pdf', { alt: 'media' })).toThrow(/Export only supports Docs Editors files/);
    expect(() => files.get('drive-1', { alt: 'media' })).toThrow(/Only files with binary content can be downloaded/);
  });

  it('deletes what the app created, and fails once where a test injects a failure', () => {
    const { env, files } = driveUnder(SCOPE.driveFile);
    files.create({ name: 'a', mimeType: 'application/vnd.google-apps.document' });
    env.drive.failNext('remove');
    expect(() => files.remove('drive-1')).toThrow('API call to drive.files.delete failed with error: Internal Error');
    files.remove('drive-1');
    expect(env.drive.created()).toEqual([]);
  });

  it('keeps line breaks and decodes entities of the HTML', () => {
    expect(docFromHtml('<p>a<br>b &lt;c&gt; &quot;d&quot; &#39;e&#39;</p>')).toEqual([{ type: 'PARAGRAPH', text: 'a\nb <c> "d" \'e\'' }]);
  });
});
