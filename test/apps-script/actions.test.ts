// The BUILT Apps Script bundle's other actions on both seeds: summary from the edited structured sheet, report as a Google Doc + PDF, sidebar, onInstall.
import { makeGasEnv, loadBundle, hyperFormulaEvaluator, type GasEnv, type FakeSheet } from '../support/gas-fakes';
import { excelJsWrittenGrids } from '../support/contract';
import { SEEDS, seedGrid } from '../support/seeds';
import { readStructured, planSummary, EVENTS_SHEET, FINDINGS_SHEET } from '../../shared/plan';
import { structuredColumns, STRUCTURED_ROWS } from '../../shared/plan/layout';
import { buildReport } from '../../shared/report/build-report';
import type { ReportDoc } from '../../shared/report/report-doc';
import type { Grid } from '../../shared/model/grid';
import type { FollowUp } from '../../shared/model/follow-up';
import { STATUS_COLOUR } from '../../shared/i18n/sv';
import { UI, SHEETS_UI } from '../../shared/i18n/sv-ui';
import { SUMMARY } from '../../shared/i18n/sv-plan';

interface Result {
  ok: boolean;
  message: string;
  written?: string[];
  report?: { docName: string; docUrl: string; pdfName: string; pdfUrl: string; besideSpreadsheet: boolean };
}

/** A fake spreadsheet (Swedish locale, formulas recalculated like Sheets does) holding a seed, bundle loaded, import done. */
function imported(seed: string, locale = 'sv_SE'): { env: GasEnv; run: <T = Result>(fn: string, ...a: unknown[]) => T } {
  const env = makeGasEnv();
  env.ss.locale = locale;
  env.ss.evaluator = hyperFormulaEvaluator;
  env.ss.addSheetWithRows('Uppföljning', seedGrid(seed).values);
  const { run } = loadBundle(env);
  expect(run<Result>('menuReadAndStructure').ok).toBe(true);
  return { env, run };
}

/** A sheet as Sheets hands it to a script (values and display texts, formulas computed), not recorded. */
function hostGrid(s: FakeSheet): Grid {
  const r = s.getDataRange();
  const texts = r.getDisplayValues();
  const values = r.getValues().map((row, i) => row.map((v, j) => (v === '' ? null : v instanceof Date ? texts[i][j] : v)));
  return { sheetName: s.name, origin: { row: 0, col: 0 }, values, texts };
}

/** The structured sheets read back the way the add-on reads them. */
function readBack(env: GasEnv): FollowUp {
  const structured = env.ss.sheets.find((s) => /^Medborgarlöften/.test(s.name) && !s.hidden)!;
  const opt = (n: string) => (env.ss.sheet(n) ? hostGrid(env.ss.sheet(n)!) : null);
  return readStructured({ structured: hostGrid(structured), events: opt(EVENTS_SHEET), findings: opt(FINDINGS_SHEET) });
}

/** Row (1-based) of the activity whose text starts with `prefix` on the structured sheet. */
function activityRow(s: FakeSheet, prefix: string): number {
  const c = structuredColumns(3);
  for (let r = STRUCTURED_ROWS.firstData; r < s.maxRows; r++) {
    const v = s._peek(r, c.activity)?.value;
    if (typeof v === 'string' && v.toLowerCase().startsWith(prefix.toLowerCase())) return r + 1;
  }
  throw new Error(`no activity ${prefix}`);
}

/** The date the bundle stamps (the Utilities fake formats "now" in Stockholm time). */
function today(): string {
  return new Date(Date.now() + 3600_000).toISOString().slice(0, 10);
}

/**
 * Runs a bundle action; returns its result and the days it can have stamped: today, read before and
 * after the call (two days only when the call ran across midnight, so that run does not fail).
 */
function stamped<T>(call: () => T): { result: T; days: string[] } {
  const before = today();
  const result = call();
  return { result, days: [...new Set([before, today()])] };
}

/** An activity per seed whose first-tertial count is a literal number the user can edit, and the new count. */
const EDIT: Record<string, { prefix: string; from: number; to: number }> = {
  'eksjo-2019': { prefix: 'Genomföra minst tio riktade insatser', from: 6, to: 9 },
  'eskilstuna-2019': { prefix: 'Ingripande narkotikabrott', from: 540, to: 600 },
};

beforeAll(() => {
  loadBundle(makeGasEnv());
}, 120000);

describe.each(SEEDS)('seed %s', (seed) => {
  it('Skapa sammanfattning follows a count the user edited on the structured sheet and writes what the ExcelJS adapter writes', async () => {
    const { env, run } = imported(seed);
    const structured = env.ss.sheets[1];
    const edit = EDIT[seed];
    const row = activityRow(structured, edit.prefix);
    const c = structuredColumns(3);
    const countCell = structured.getRange(row, c.periodStart + 1);
    expect(countCell.getValues()[0][0]).toBe(edit.from);
    const totalBefore = structured.getRange(row, c.total + 1).getValues()[0][0] as number;
    countCell.setValues([[edit.to]]);
    const totalAfter = structured.getRange(row, c.total + 1).getValues()[0][0] as number;
    // The sheet's own formula recomputed the total from the edited count.
    expect(totalAfter).toBe(totalBefore + edit.to - edit.from);

    const sourceBefore = JSON.stringify([...env.ss.sheets[0].cells]);
    const { result: r, days } = stamped(() => run('menuSummary'));
    expect([r.ok, r.message]).toEqual([true, r.message]);
    const f = readBack(env);
    const name = planSummary(f, { generatedAt: days[0] }).name;
    expect(r.written).toEqual([name]);
    const sheet = env.ss.sheet(name)!;
    const texts = sheet.getRange(1, 1, sheet.maxRows, sheet.maxCols).getDisplayValues().flat();
    const plan = planSummary(f, { generatedAt: days.find((d) => texts.includes(SUMMARY.generated(d))) ?? days[0] });
    const expected = await excelJsWrittenGrids([plan]);
    // Formulas of the summary are compared in invariant syntax (the sheet holds the sv_SE form).
    expect(sheet.writtenGrid((x) => x.replace(/;/g, ','))).toEqual(expected[plan.name]);
    // The edited count is what the summary shows, and the new total.
    expect(texts.some((t) => t.startsWith(String(edit.to)))).toBe(true);
    expect(f.promises.flatMap((p) => p.activities).find((a) => a.text.startsWith(edit.prefix))!.total).toBe(totalAfter);
    expect(JSON.stringify([...env.ss.sheets[0].cells])).toBe(sourceBefore);
    expect(env.lockHeld).toBe(false);

    // Running it again asks first; "Nej" leaves the summary as it is.
    env.alertAnswers.push('NO');
    expect(run('menuSummary').ok).toBe(false);
    expect(env.alerts.some((a) => a.title === UI.pane.confirmTitle && a.message.includes(plan.name))).toBe(true);
  }, 30000);

  it('Exportera rapport writes the report as a Google Doc next to the spreadsheet, a PDF of it, and links to both', () => {
    const { env, run } = imported(seed);
    // The user opened the spreadsheet and its folder with the add-on (Drive "Open with"): drive.file reaches them.
    env.drive.grant(env.ss.id, 'folder-kommun');
    const { result: r, days } = stamped(() => run<Result>('menuReport'));
    expect(r.ok).toBe(true);
    expect(env.docs).toHaveLength(1);
    const doc = env.docs[0];
    const day = days.find((d) => doc.name.endsWith(` (${d})`)) ?? days[0];
    const report: ReportDoc = buildReport(readBack(env), { generatedAt: day });
    const kommun = seed.startsWith('eksjo') ? 'Eksjö' : 'Eskilstuna';
    expect(report.title).toContain(kommun);

    // One Google Doc, named after the report's title and date, made from the report's HTML in the spreadsheet's folder.
    expect(doc.name).toBe(`${report.title} (${day})`);
    const docFile = env.driveFiles.find((x) => x.id === doc.id)!;
    expect(docFile.folder).toBe('folder-kommun');

    // Its body: the report's headings, paragraphs and tables in order, status cells shaded.
    type Child = { type: string; text?: string; heading?: string; cells?: unknown[][] };
    const want = report.blocks.flatMap((b): Child[] => {
      if (b.type === 'heading') return [{ type: 'PARAGRAPH', text: b.text, heading: `HEADING${b.level}` }];
      if (b.type === 'paragraph') return [{ type: 'PARAGRAPH', text: b.text, heading: undefined }];
      if (b.type === 'table') return [{ type: 'TABLE', cells: [b.header, ...b.rows.map((row) => row.map((x) => x.text))] }];
      return [{ type: 'PARAGRAPH', text: b.title, heading: 'HEADING3' }, ...(b.bars.length ? [{ type: 'TABLE', cells: b.bars.map((x) => [x.label, expect.stringMatching(/^[█░]{20}$/), x.text]) }] : [])];
    });
    const got = doc.children.map((c) => (c.type === 'TABLE' ? { type: c.type, cells: c.cells } : { type: c.type, text: c.text, heading: c.heading }));
    expect(got).toEqual(want);
    // Walk blocks and body together (the body matched above): tables get a bold header and shaded status cells.
    let at = 0;
    let shaded = 0;
    for (const b of report.blocks) {
      const child = doc.children[at];
      at += b.type === 'chart' && b.bars.length ? 2 : 1;
      if (b.type === 'chart' && b.bars.length) {
        const bars = doc.children[at - 1];
        b.bars.forEach((bar, i) => expect(bars.fonts![`${i},1`]).toBe(STATUS_COLOUR[bar.status].font));
      }
      if (b.type !== 'table') continue;
      expect(child.boldRows).toContain(0);
      b.rows.forEach((row, ri) => row.forEach((cell, ci) => {
        const key = `${ri + 1},${ci}`;
        if (cell.status) {
          expect([child.fills![key], child.fonts![key]]).toEqual([STATUS_COLOUR[cell.status].fill, STATUS_COLOUR[cell.status].font]);
          shaded++;
        } else expect(child.fills![key]).toBeUndefined();
      }));
    }
    expect(shaded).toBeGreaterThan(report.blocks.filter((b) => b.type === 'table').length);

    // A PDF of the saved Doc, in the same folder.
    const pdf = env.driveFiles.find((x) => x.mime === 'application/pdf')!;
    expect(pdf).toMatchObject({ name: `${doc.name}.pdf`, folder: 'folder-kommun' });
    expect(env.pdfTexts[pdf.id]).toContain(report.title);
    expect(r.report).toMatchObject({ docUrl: docFile.url, pdfUrl: pdf.url, besideSpreadsheet: true });
    expect(r.message).toBe(`${UI.result.reportSaved(doc.name)} ${SHEETS_UI.reportBeside}`);
    // Nothing else was left in Drive: one Doc, one PDF.
    expect(env.drive.created().map((f) => f.mimeType).sort()).toEqual(['application/pdf', 'application/vnd.google-apps.document']);

    // The dialog: title, message and both links.
    expect(env.dialogs).toHaveLength(1);
    expect(env.dialogs[0].title).toBe(SHEETS_UI.reportTitle);
    const html = env.dialogs[0].html.getContent();
    expect(html).toContain(`href="${docFile.url}"`);
    expect(html).toContain(`href="${pdf.url}"`);
    expect(html).toContain(SHEETS_UI.reportDoc);
    expect(html).toContain(SHEETS_UI.reportPdf);
    expect(env.lockHeld).toBe(false);
  }, 30000);
});

describe.each(['en_US', 'sv_SE'])('Exportera rapport in a %s spreadsheet', (locale) => {
  const pdfOf = (env: GasEnv) => env.driveFiles.filter((x) => x.mime === 'application/pdf');
  const docsOf = (env: GasEnv) => env.driveFiles.filter((x) => x.mime === 'application/vnd.google-apps.document');

  it.each(['menuReport', 'report'])('%s under drive.file alone: the Doc and the PDF go to My Drive, and the message says so', (fn) => {
    const { env, run } = imported('eksjo-2019', locale);
    const r = run<Result>(fn);
    expect(r.ok).toBe(true);
    expect(r.report!.besideSpreadsheet).toBe(false);
    const [doc] = docsOf(env);
    expect(r.message).toBe(`${UI.result.reportSaved(doc.name)} ${SHEETS_UI.reportInRoot}`);
    expect([doc.folder, pdfOf(env).map((x) => x.folder)]).toEqual([null, [null]]);
    expect(pdfOf(env)[0].name).toBe(`${doc.name}.pdf`);
    // The converted Doc keeps the report's text, and the PDF holds it.
    const report = buildReport(readBack(env), { generatedAt: doc.name.slice(-11, -1) });
    expect(env.docs[0].children.filter((c) => c.heading).map((c) => c.text)).toEqual(report.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : b.type === 'chart' ? [b.title] : [])));
    expect(env.pdfTexts[pdfOf(env)[0].id]).toContain(report.title);
    // The spreadsheet itself was asked for its folder (404 under drive.file), never read otherwise.
    expect(env.log.calls.filter((c) => c.startsWith('Drive.Files.'))).toEqual(['Drive.Files.get', 'Drive.Files.create', 'Drive.Files.export', 'Drive.Files.create']);
    if (fn === 'menuReport') {
      const html = env.dialogs[0].html.getContent();
      expect(html).toContain(SHEETS_UI.reportInRoot);
      expect(html).toContain(`href="${r.report!.docUrl}"`);
      expect(html).toContain(`href="${r.report!.pdfUrl}"`);
    }
    expect(env.lockHeld).toBe(false);
  });

  it.each(['menuReport', 'report'])('%s beside the spreadsheet when the user opened it with the add-on', (fn) => {
    const { env, run } = imported('eskilstuna-2019', locale);
    env.drive.grant(env.ss.id, 'folder-kommun');
    const r = run<Result>(fn);
    expect(r.ok).toBe(true);
    expect(r.report!.besideSpreadsheet).toBe(true);
    expect(r.message).toContain(SHEETS_UI.reportBeside);
    expect(env.driveFiles.map((x) => x.folder)).toEqual(['folder-kommun', 'folder-kommun']);
  });

  it('the spreadsheet reachable but not its folder: both files in My Drive, said so', () => {
    const { env, run } = imported('eksjo-2019', locale);
    env.drive.grant(env.ss.id);
    const r = run<Result>('report');
    expect([r.ok, r.report!.besideSpreadsheet, r.message.endsWith(SHEETS_UI.reportInRoot)]).toEqual([true, false, true]);
    expect(env.driveFiles.map((x) => x.folder)).toEqual([null, null]);
  });

  it.each([
    ['the PDF export', 'export', 0, 'pdf'],
    ['saving the PDF', 'create', 1, 'savePdf'],
  ] as const)('a failure at %s removes the Doc it made and says so in Swedish', (_what, method, skip, step) => {
    const { env, run } = imported('eksjo-2019', locale);
    env.drive.failNext(method, skip);
    const r = run<Result>('menuReport');
    expect(r).toMatchObject({ ok: false, message: SHEETS_UI.exportFailed(SHEETS_UI.exportSteps[step]) });
    expect(env.alerts.map((a) => a.message)).toContain(r.message);
    expect(env.drive.created()).toEqual([]);
    expect(env.dialogs).toHaveLength(0);
    expect(env.lockHeld).toBe(false);
  });

  it('a failure creating the Doc leaves nothing and says so', () => {
    const { env, run } = imported('eksjo-2019', locale);
    env.drive.failNext('create');
    const r = run<Result>('report');
    expect(r).toMatchObject({ ok: false, message: SHEETS_UI.exportFailed(SHEETS_UI.exportSteps.doc) });
    expect(env.drive.created()).toEqual([]);
  });

  it('when removing the half-made Doc fails too, the message names the file to delete', () => {
    const { env, run } = imported('eksjo-2019', locale);
    env.drive.failNext('export');
    env.drive.failNext('remove');
    const r = run<Result>('report');
    const [doc] = docsOf(env);
    expect(r).toMatchObject({ ok: false, message: SHEETS_UI.exportLeftFiles(SHEETS_UI.exportSteps.pdf, [doc.name]) });
    expect(r.message).not.toMatch(/Error|at \w+ \(/);
  });
});

describe('Exportera rapport', () => {

  it('escapes sheet text in the dialog (a kommun name holding HTML stays text)', () => {
    const { env, run } = imported('eksjo-2019', 'en_US');
    const s = env.ss.sheets[1];
    // The kommun cell of the structured sheet, edited by a user.
    s.getRange(STRUCTURED_ROWS.kommun + 1, 2).setValues([["'<img src=x onerror=alert(1)>"]]);
    const r = run('menuReport');
    expect(r.ok).toBe(true);
    const html = env.dialogs[0].html.getContent();
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says the structured sheet is missing instead of failing when nothing was imported', () => {
    const env = makeGasEnv();
    env.ss.addSheetWithRows('Uppföljning', seedGrid('eksjo-2019').values);
    const { run } = loadBundle(env);
    const r = run<Result>('menuReport');
    expect(r).toMatchObject({ ok: false, message: UI.errors.noStructured });
    expect(env.alerts.map((a) => a.message)).toEqual([UI.errors.noStructured]);
    expect(env.docs).toHaveLength(0);
  });
});

describe('Visa sidopanel and onInstall', () => {
  it('Visa sidopanel serves the built sidebar.html with the add-on name as title', () => {
    const env = makeGasEnv();
    env.ss.addSheetWithRows('Uppföljning', seedGrid('eksjo-2019').values);
    const { run } = loadBundle(env);
    env.log.reset();
    run('menuSidebar');
    const calls = [...env.log.calls];
    expect(env.sidebars).toHaveLength(1);
    expect(env.sidebars[0].getContent()).toBe(env.files.sidebar);
    expect(env.sidebars[0].getContent()).toMatch(/<html lang="?sv"?>/);
    expect(env.sidebars[0].title).toBe(UI.appName);
    expect(calls).toEqual(['HtmlService.createHtmlOutputFromFile', 'HtmlOutput.setTitle', 'SpreadsheetApp.getUi', 'Ui.showSidebar']);
  });

  it('onInstall adds the same menu as onOpen, using only the UI service', () => {
    const env = makeGasEnv();
    const { run } = loadBundle(env);
    run('onInstall', { authMode: 'FULL' });
    expect(env.menus).toHaveLength(1);
    expect(env.menus[0].items.map((i) => i.fn)).toEqual(['menuReadAndStructure', 'menuSummary', 'menuReport', 'menuSidebar', 'menuUndo', 'menuRollup']);
    expect(env.log.calls.every((c) => /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.)/.test(c))).toBe(true);
  });
});
