// The BUILT Apps Script bundle's citizen export: the page for the sidebar to download, and the same text as a Google Doc (+ PDF) through the report's Doc export.
import { makeGasEnv, loadBundle, hyperFormulaEvaluator, type GasEnv, type FakeSheet } from '../support/gas-fakes';
import { seedGrid } from '../support/seeds';
import { readStructured, EVENTS_SHEET, FINDINGS_SHEET } from '../../shared/plan';
import { buildCitizen, citizenAsReportDoc, renderCitizenHtml } from '../../shared/citizen';
import type { Grid } from '../../shared/model/grid';
import type { FollowUp } from '../../shared/model/follow-up';
import { SHEETS_UI } from '../../shared/i18n/sv-ui';
import { CITIZEN_HOST } from '../../shared/i18n/sv-citizen';

interface Result {
  ok: boolean;
  message: string;
  citizen?: { fileName: string; html: string };
  report?: { docName: string; docUrl: string; pdfName: string; pdfUrl: string; besideSpreadsheet: boolean };
  reportLabel?: string;
}

function imported(seed: string): { env: GasEnv; run: (fn: string, ...a: unknown[]) => Result } {
  const env = makeGasEnv();
  env.ss.locale = 'sv_SE';
  env.ss.evaluator = hyperFormulaEvaluator;
  env.ss.addSheetWithRows('Uppföljning', seedGrid(seed).values);
  const { run } = loadBundle(env);
  expect(run<Result>('menuReadAndStructure').ok).toBe(true);
  return { env, run: (fn, ...a) => run<Result>(fn, ...a) };
}

function hostGrid(s: FakeSheet): Grid {
  const r = s.getDataRange();
  const texts = r.getDisplayValues();
  const values = r.getValues().map((row, i) => row.map((v, j) => (v === '' ? null : v instanceof Date ? texts[i][j] : v)));
  return { sheetName: s.name, origin: { row: 0, col: 0 }, values, texts };
}

function readBack(env: GasEnv): FollowUp {
  const structured = env.ss.sheets.find((s) => /^Medborgarlöften/.test(s.name) && !s.hidden)!;
  const opt = (n: string) => (env.ss.sheet(n) ? hostGrid(env.ss.sheet(n)!) : null);
  return readStructured({ structured: hostGrid(structured), events: opt(EVENTS_SHEET), findings: opt(FINDINGS_SHEET) });
}

const day = (name: string) => /\((\d{4}-\d{2}-\d{2})\)$/.exec(name)?.[1] ?? '';

beforeAll(() => {
  loadBundle(makeGasEnv());
}, 120000);

describe('the citizen version in Google Sheets', () => {
  it('Exportera medborgarversion hands the sidebar the page of the structured sheet as read back', () => {
    const { env, run } = imported('eskilstuna-2019');
    const r = run('citizenPage');
    expect(r.ok).toBe(true);
    expect(r.citizen!.fileName).toBe('Medborgarversion Eskilstuna 2019 T3.html');
    expect(r.message).toBe('Medborgarversionen sparades som Medborgarversion Eskilstuna 2019 T3.html.');
    const generatedAt = /Texten är gjord ur uppföljningen den (\d+) (\w+) (\d{4})/.exec(r.citizen!.html);
    expect(generatedAt).not.toBeNull();
    // The same page the core renders from the sheet as read back (the date aside).
    const strip = (h: string) => h.replace(/den \d+ \p{L}+ \d{4}\./u, '');
    expect(strip(r.citizen!.html)).toBe(strip(renderCitizenHtml(buildCitizen(readBack(env), { generatedAt: '2026-01-01' }))));
    expect(r.citizen!.html).toContain('Det blev 190 trafik- och trafikrelaterade kontroller. Målet var 200. Det saknas tio.');
    expect(env.docs).toHaveLength(0);
    expect(env.lockHeld).toBe(false);
  }, 30000);

  it('Medborgarversion som Google-dokument writes the citizen text as a Doc with headings, and a PDF, beside the spreadsheet', () => {
    const { env, run } = imported('eksjo-2019');
    // The user opened the spreadsheet and its folder with the add-on: drive.file reaches them.
    env.drive.grant(env.ss.id, 'folder-kommun');
    const r = run('citizenDoc');
    expect(r.ok).toBe(true);
    expect(r.reportLabel).toBe('Medborgarversion');
    expect(env.docs).toHaveLength(1);
    const doc = env.docs[0];
    expect(doc.name).toMatch(/^Medborgarversion Eksjö 2019 T3 \(\d{4}-\d{2}-\d{2}\)$/);
    const want = citizenAsReportDoc(buildCitizen(readBack(env), { generatedAt: day(doc.name) })).blocks.map((b) =>
      b.type === 'heading' ? { text: b.text, heading: `HEADING${b.level}` } : { text: b.type === 'paragraph' ? b.text : '', heading: undefined },
    );
    expect(doc.children.map((c) => ({ text: c.text, heading: c.heading }))).toEqual(want);
    expect(doc.children.filter((c) => c.heading).map((c) => c.text)).toEqual(['Medborgarlöften i Eksjö 2019', 'Löfte 1', 'Löfte 2', 'Vill du veta mer?']);
    expect(doc.children.some((c) => c.text === 'Så gick det: Delvis klart')).toBe(true);
    const pdf = env.driveFiles.find((x) => x.mime === 'application/pdf')!;
    expect(pdf).toMatchObject({ name: `${doc.name}.pdf`, folder: 'folder-kommun' });
    expect(r.report).toMatchObject({ besideSpreadsheet: true });
    expect(env.lockHeld).toBe(false);
  }, 30000);

  it('Medborgarversion som Google-dokument under drive.file alone goes to My Drive and says so; a failed PDF export leaves nothing', () => {
    const { env, run } = imported('eksjo-2019');
    const r = run('citizenDoc');
    expect(r.ok).toBe(true);
    expect(r.message).toBe(`${CITIZEN_HOST.docSaved(env.docs[0].name)} ${SHEETS_UI.reportInRoot}`);
    expect(env.driveFiles.map((f) => f.folder)).toEqual([null, null]);
    env.drive.failNext('export');
    const failed = run('citizenDoc');
    expect(failed).toMatchObject({ ok: false, message: SHEETS_UI.exportFailed(SHEETS_UI.exportSteps.pdf) });
    // Only the first run's two files are left.
    expect(env.driveFiles).toHaveLength(2);
  }, 30000);
});
