// The built task pane in headless Chromium, on a stub Office host whose Excel.run is the recording Excel fake holding a seed grid.
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureBuilt, ROOT } from '../support/build';
import { launchChromium, serveDir } from '../support/browser';
import { fakeScript } from '../support/pane-host';
import { seedGrid } from '../support/seeds';
import { hyperFormulaEvaluator } from '../addin/fake-evaluator';
import { FakeWorkbook, type FakeValue } from '../support/excel-fake';
import { readSource, type ExcelHost } from '../../addin/excel-adapter';
import { importFollowUp } from '../../shared/import/import-follow-up';
import { previewOf, type Preview } from '../../shared/app/preview';
import { UI, UPDATE_UI } from '../../shared/i18n/sv-ui';
import { UPDATE } from '../../shared/i18n/sv-update';
import { structuredColumns } from '../../shared/plan/layout';
import { reportedLabel } from '../../shared/i18n/sv-plan';
import { DOCX } from '../../shared/i18n/sv-docx';
import { DOCX_ACTION } from '../../shared/i18n/sv-docx-action';

/** Pane width of Excel's task pane (desktop default is about 350 px). */
const PANE = { width: 350, height: 900 };
const HOSTILE = '<img src=x onerror=window.__xss=1>';
const ESKILSTUNA = 'eskilstuna-2019';
const EKSJO = 'eksjo-2019';

/** What office.js is replaced with: `Office` (onReady, requirements, platform) and `Excel.run` over the fake workbook. */
const OFFICE_STUB = `(function () {
  var setup = window.__setup || {};
  var book = new window.ExcelFake.FakeWorkbook(setup.profile === 'web' ? window.ExcelFake.EXCEL_WEB : setup.requirementSets || undefined);
  (setup.sheets || []).forEach(function (s) { book.addGrid(s.name, s.rows); });
  if (setup.active) book.active = setup.active;
  if (setup.selection) book.selection = setup.selection;
  if (window.__evaluate) book.evaluator = function (sheets) { return window.__evaluate(sheets); };
  window.__book = book;
  var info = { host: setup.host || 'Excel', platform: setup.platform || book.profile.platform };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: {
      platform: info.platform,
      displayLanguage: 'sv-SE',
      requirements: { isSetSupported: function (name, v) { return name === 'ExcelApi' && book.supports(String(v || '1.1')); } },
    },
    onReady: function (cb) {
      return new Promise(function (resolve) {
        setTimeout(function () { if (cb) cb(info); window.__paneReady = true; resolve(info); }, 0);
      });
    },
  };
  window.Excel = {
    run: async function (batch) {
      if (window.__delayMs) await new Promise(function (r) { setTimeout(r, window.__delayMs); });
      if (window.__failNext) { var e = new TypeError(window.__failNext); window.__failNext = null; throw e; }
      return book.run(batch);
    },
  };
})();`;

interface Setup {
  sheets: { name: string; rows: FakeValue[][] }[];
  active?: string;
  selection?: { sheet: string; address: string };
  requirementSets?: string[];
  /** 'web': the strict fake's Excel on the web profile (ExcelApi 1.18, 5,000,000-byte requests and responses, platform OfficeOnline). */
  profile?: 'web';
  host?: string;
}

declare global {
  interface Window {
    __book: FakeWorkbook;
    __xss?: number;
    __delayMs?: number;
    __failNext?: string | null;
    __paneReady?: boolean;
  }
}

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let officeJs: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ensureBuilt('addin');
  server = await serveDir(join(ROOT, 'dist/addin'));
  browser = await launchChromium();
  officeJs = `${fakeScript()}\n${OFFICE_STUB}`;
}, 180000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  while (contexts.length) await contexts.pop()!.close();
});

const rowsOf = (seed: string): FakeValue[][] => seedGrid(seed).values as FakeValue[][];

/** Opens the built pane on a stub host holding `setup`'s sheets and waits for Office.onReady. */
async function openPane(setup: Setup, opts: { waitReady?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: PANE, acceptDownloads: true, locale: 'sv-SE' });
  contexts.push(context);
  await context.route('https://appsforoffice.microsoft.com/**', (r) => r.fulfill({ contentType: 'text/javascript', body: officeJs }));
  await context.exposeFunction('__evaluate', (sheets: Record<string, (FakeValue | { f: string })[][]>) => hyperFormulaEvaluator(sheets));
  await context.addInitScript((s) => {
    (window as unknown as { __setup: unknown }).__setup = s;
  }, setup);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${server.url}/taskpane.html`);
  if (opts.waitReady !== false) await page.waitForFunction(() => window.__paneReady === true);
  return page;
}

const seedSetup = (seed: string): Setup => ({ sheets: [{ name: seed, rows: rowsOf(seed) }], active: seed });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const sheetNames = (page: Page) => page.evaluate(() => window.__book.sheets.map((s) => s.name));
/** The sheets a user sees as tabs (undo's hidden backups left out). */
const visibleSheetNames = (page: Page) => page.evaluate(() => window.__book.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name));
/** The source sheet's cells (value, formula, quote prefix) for comparing before and after. */
const sourceCells = (page: Page, name: string) =>
  page.evaluate((n) => JSON.stringify([...window.__book.sheet(n)!.cells.entries()].sort()), name);

/** Waits until the pane is idle again and returns its result (or error) line. */
async function settle(page: Page): Promise<{ result: string; error: string }> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && document.getElementById('progress')?.hidden === true);
  return page.evaluate(() => ({
    result: document.getElementById('result')!.hidden ? '' : document.getElementById('result')!.textContent ?? '',
    error: document.getElementById('error')!.hidden ? '' : document.getElementById('error')!.textContent ?? '',
  }));
}

async function clickAndSettle(page: Page, name: string): Promise<{ result: string; error: string }> {
  await button(page, name).click();
  return settle(page);
}

/** Facts list of the preview as label → value. */
const facts = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string> = {};
    const items = [...document.querySelectorAll('#facts > *')];
    for (let i = 0; i + 1 < items.length; i += 2) out[items[i].textContent ?? ''] = items[i + 1].textContent ?? '';
    return out;
  });

/** The activity rows the pane shows: [text incl. goal, total, status]. */
const activityRows = (page: Page) =>
  page.$$eval('#promises tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

/** What the pane should show for a preview, in the same shape as activityRows. */
function expectedRows(p: Preview): string[][] {
  return p.promises.flatMap((pr) =>
    pr.activities.map((a) => [a.text + (a.goal ? `${UI.pane.goal}: ${a.goal}` : UI.pane.noGoal), a.total || '–', a.statusLabel]),
  );
}

describe('task pane flow, all through clicks', () => {
  it('reads, previews without writing, structures, summarises, exports a .docx and undoes on the Eskilstuna seed', async () => {
    const page = await openPane(seedSetup(ESKILSTUNA));
    const before = await sourceCells(page, ESKILSTUNA);
    const core = previewOf(importFollowUp(seedGrid(ESKILSTUNA)));

    // Läs in: the preview, and nothing written.
    await expect(button(page, UI.actions.structure).isDisabled()).resolves.toBe(true);
    const read = await clickAndSettle(page, UI.actions.read);
    expect(read).toEqual({ result: UI.result.read('Eskilstuna', 2019), error: '' });
    expect(await page.locator('#progress').isVisible()).toBe(false);
    expect(await page.locator('#error').isVisible()).toBe(false);
    const f = await facts(page);
    expect(f[UI.labels.kommun]).toBe('Eskilstuna');
    expect(f[UI.labels.year]).toBe('2019');
    expect(f[UI.labels.reportedPeriod]).toBe('3 (T3)');
    expect(f[UI.labels.promises]).toBe(UI.pane.promisesCount(core.promiseCount));
    expect(f[UI.labels.activities]).toBe(UI.pane.activitiesCount(core.activityCount));
    expect(await page.locator('#period-note').textContent()).toBe(UI.pane.statedPeriod(1));
    expect(await activityRows(page)).toEqual(expectedRows(core));
    expect(await activityRows(page)).toContainEqual([expect.stringMatching(/^Trafikkontroll/), '190', 'Ej uppnått']);
    const findings = await page.locator('#findings button').allTextContents();
    expect(findings).toHaveLength(core.findings.length);
    expect(findings.join('\n')).toContain('Fröstunda');
    expect(await sheetNames(page)).toEqual([ESKILSTUNA]);
    expect(await page.evaluate(() => window.__book.log.filter((l) => !/^sync$/.test(l)))).toEqual([]);

    // Skapa strukturerat blad: three sheets, no confirmation needed.
    const wrote = await clickAndSettle(page, UI.actions.structure);
    expect(wrote.error).toBe('');
    expect(wrote.result).toBe(UI.result.wrote(['Medborgarlöften 2019', 'Händelser', 'Kontroller']));
    expect(await page.locator('#confirm').isHidden()).toBe(true);
    expect(await sheetNames(page)).toEqual([ESKILSTUNA, 'Medborgarlöften 2019', 'Händelser', 'Kontroller']);
    expect(await page.evaluate(() => window.__book.active)).toBe('Medborgarlöften 2019');

    // Skapa sammanfattning: read back from the structured sheet, written as its own sheet.
    const summary = await clickAndSettle(page, UI.actions.summary);
    expect(summary).toEqual({ result: UI.result.wrote(['Sammanfattning T3 2019']), error: '' });
    expect(await sheetNames(page)).toContain('Sammanfattning T3 2019');

    // Exportera rapport: a real .docx download naming the kommun.
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, UI.actions.report).click()]);
    expect(download.suggestedFilename()).toBe('Medborgarlöften Eskilstuna 2019 T3.docx');
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Eskilstuna');
    expect(xml).toContain('Trafikkontroll');
    expect(await settle(page)).toEqual({ result: UI.result.reportSaved('Medborgarlöften Eskilstuna 2019 T3.docx'), error: '' });

    // Ångra senaste körning: the summary run is undone, the structured sheets stay.
    const undone = await clickAndSettle(page, UI.actions.undo);
    expect(undone).toEqual({ result: UI.result.undone(['Sammanfattning T3 2019'], []), error: '' });
    expect(await sheetNames(page)).toEqual([ESKILSTUNA, 'Medborgarlöften 2019', 'Händelser', 'Kontroller']);
    expect(await button(page, UI.actions.undo).isDisabled()).toBe(true);

    // The source sheet was never written, and nothing threw in the page.
    expect(await sourceCells(page, ESKILSTUNA)).toBe(before);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);

    if (process.env.UPDATE_SCREENSHOTS) {
      // Fresh pane after Läs in, for docs/images/taskpane.png.
      const shot = await openPane(seedSetup(ESKILSTUNA));
      await clickAndSettle(shot, UI.actions.read);
      mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
      writeFileSync(join(ROOT, 'docs/images/taskpane.png'), await shot.screenshot({ fullPage: false }));
      if (process.env.UPDATE_SCREENSHOTS === 'full') writeFileSync('/tmp/taskpane-full.png', await shot.screenshot({ fullPage: true }));
    }
  });

  it('runs Läs in, structure and summary on Excel on the web (strict profile), no request or response past its limit', async () => {
    const page = await openPane({ ...seedSetup(ESKILSTUNA), profile: 'web' });
    expect(await page.evaluate(() => (window as unknown as { Office: { context: { platform: string } } }).Office.context.platform)).toBe('OfficeOnline');
    expect(await clickAndSettle(page, UI.actions.read)).toEqual({ result: UI.result.read('Eskilstuna', 2019), error: '' });
    expect((await clickAndSettle(page, UI.actions.structure)).error).toBe('');
    expect(await clickAndSettle(page, UI.actions.summary)).toEqual({ result: UI.result.wrote(['Sammanfattning T3 2019']), error: '' });
    const requests = await page.evaluate(() => window.__book.requests);
    expect(requests.filter((r) => r.refused)).toEqual([]);
    expect(Math.max(...requests.map((r) => Math.max(r.requestBytes, r.responseBytes)))).toBeLessThan(5_000_000);
  });

  it('clicking a finding selects its cell on the source sheet', async () => {
    const page = await openPane(seedSetup(ESKILSTUNA));
    await clickAndSettle(page, UI.actions.read);
    await clickAndSettle(page, UI.actions.structure);
    expect(await page.evaluate(() => window.__book.active)).toBe('Medborgarlöften 2019');
    const finding = page.locator('#findings button', { hasText: 'Fröstunda' }).first();
    await expect(finding.getAttribute('aria-label')).resolves.toContain('A156');
    await finding.click();
    expect(await settle(page)).toEqual({ result: UI.result.selected('A156'), error: '' });
    expect(await page.evaluate(() => ({ sel: window.__book.selection, active: window.__book.active }))).toEqual({
      sel: { sheet: ESKILSTUNA, address: 'A156' },
      active: ESKILSTUNA,
    });
  });

  it('shows progress while Excel works and a Swedish message, never the raw exception, when a call fails', async () => {
    const page = await openPane(seedSetup(EKSJO));
    await page.evaluate(() => (window.__delayMs = 400));
    await button(page, UI.actions.read).click();
    await page.waitForSelector('#progress', { state: 'visible' });
    expect(await page.locator('#progress-text').textContent()).toBe(UI.progress.reading);
    expect(await page.locator('#app').getAttribute('aria-busy')).toBe('true');
    expect(await button(page, UI.actions.read).isDisabled()).toBe(true);
    expect(await page.getByRole('combobox', { name: UI.pane.periodSetting }).isDisabled()).toBe(true);
    expect((await settle(page)).result).toBe(UI.result.read('Eksjö', 2019));
    expect(await page.getByRole('combobox', { name: UI.pane.periodSetting }).isDisabled()).toBe(false);

    await page.evaluate(() => {
      window.__delayMs = 0;
      window.__failNext = "Cannot read properties of undefined (reading 'worksheets')";
    });
    const failed = await clickAndSettle(page, UI.actions.structure);
    expect(failed).toEqual({ result: '', error: UI.errors.unexpected(UI.errors.whatWrite) });
    expect(failed.error).not.toMatch(/undefined|TypeError/);
    expect(await sheetNames(page)).toEqual([EKSJO]);
  });

  it('explains an empty sheet and a missing structured sheet in Swedish', async () => {
    const page = await openPane({ sheets: [{ name: 'Blad1', rows: [] }, ...seedSetup(EKSJO).sheets], active: 'Blad1' });
    expect(await clickAndSettle(page, UI.actions.read)).toEqual({ result: '', error: UI.errors.emptySheet });
    expect(await clickAndSettle(page, UI.actions.summary)).toEqual({ result: '', error: UI.errors.noStructured });
    expect(await clickAndSettle(page, UI.actions.report)).toEqual({ result: '', error: UI.errors.noStructured });
    expect(await sheetNames(page)).toEqual(['Blad1', EKSJO]);
  });
});

describe('sheet text in the pane', () => {
  it('shows markup in an activity text as text: no element is created and no script runs', async () => {
    const rows = rowsOf(EKSJO).map((r) => [...r]);
    const at = rows.findIndex((r) => typeof r[0] === 'string' && /^Genomföra minst tio riktade insatser/.test(r[0] as string));
    expect(at).toBeGreaterThan(0);
    rows[at][0] = `${rows[at][0]} ${HOSTILE}`;
    const page = await openPane({ sheets: [{ name: EKSJO, rows }], active: EKSJO });
    await clickAndSettle(page, UI.actions.read);
    await page.waitForTimeout(100);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await page.locator('#promises').textContent()).toContain(HOSTILE);
  });
});

describe('settings', () => {
  it('the reported-period setting re-imports the preview for that period without reading Excel again', async () => {
    const page = await openPane(seedSetup(ESKILSTUNA));
    await clickAndSettle(page, UI.actions.read);
    const t3 = previewOf(importFollowUp(seedGrid(ESKILSTUNA)));
    const t2 = previewOf(importFollowUp(seedGrid(ESKILSTUNA), { reportedPeriod: 2 }));
    expect(expectedRows(t2)).not.toEqual(expectedRows(t3));
    const runs = await page.evaluate(() => window.__book.runs);
    await page.getByRole('combobox', { name: UI.pane.periodSetting }).selectOption('2');
    await settle(page);
    expect((await facts(page))[UI.labels.reportedPeriod]).toBe('2 (T2)');
    expect(await activityRows(page)).toEqual(expectedRows(t2));
    expect(await page.evaluate(() => window.__book.runs)).toBe(runs);
    // Back to automatic: the last period with data.
    await page.getByRole('combobox', { name: UI.pane.periodSetting }).selectOption('');
    await settle(page);
    expect(await activityRows(page)).toEqual(expectedRows(t3));
  });

  it('offers the period set of the follow-up it read (quarters for a quarterly follow-up)', async () => {
    const rows = readFileSync(join(ROOT, 'test/fixtures/vetlanda-2021-kvartal.tsv'), 'utf8')
      .replace(/\r?\n$/, '')
      .split(/\r?\n/)
      .map((l) => l.split('\t').map((c) => (c === '' ? null : c)));
    const page = await openPane({ sheets: [{ name: 'Vetlanda', rows }], active: 'Vetlanda' });
    expect(await page.locator('#period option').allTextContents()).toEqual([UI.pane.periodAuto, 'Tertial 1', 'Tertial 2', 'Tertial 3']);
    expect((await clickAndSettle(page, UI.actions.read)).error).toBe('');
    expect(await page.locator('#period option').allTextContents()).toEqual([UI.pane.periodAuto, 'Kvartal 1', 'Kvartal 2', 'Kvartal 3', 'Kvartal 4']);
    await page.getByRole('combobox', { name: UI.pane.periodSetting }).selectOption('4');
    await settle(page);
    expect((await facts(page))[reportedLabel('quarter')]).toBe('4 (K4)');
    expect(await page.locator('#period-note').isHidden()).toBe(false);
    expect(await page.locator('#period-note').textContent()).toBe(UI.pane.statedPeriodOf('kvartal', 3));
  });

  it('reads only the selection when "Bara markeringen" is chosen', async () => {
    const setup = { ...seedSetup(ESKILSTUNA), selection: { sheet: ESKILSTUNA, address: 'A100:D140' } };
    const page = await openPane(setup);
    await page.getByRole('radio', { name: UI.pane.readScopeSelection }).check();
    expect((await clickAndSettle(page, UI.actions.read)).error).toBe('');
    // The same read through the adapter in Node gives the expected preview of just those rows.
    const book = new FakeWorkbook();
    book.addGrid(ESKILSTUNA, rowsOf(ESKILSTUNA));
    book.selection = setup.selection;
    const sub = previewOf(importFollowUp((await readSource(book as unknown as ExcelHost, { selectionOnly: true })).grid));
    const whole = previewOf(importFollowUp(seedGrid(ESKILSTUNA)));
    expect(sub.activityCount).toBeLessThan(whole.activityCount);
    expect(await activityRows(page)).toEqual(expectedRows(sub));
    expect((await facts(page))[UI.pane.sourceSheet]).toContain('A100:D140');
  });
});

describe('replacing generated sheets', () => {
  it('asks before replacing: No keeps the sheets, Yes replaces them, Ångra restores what was replaced', async () => {
    const page = await openPane(seedSetup(EKSJO));
    await clickAndSettle(page, UI.actions.read);
    await clickAndSettle(page, UI.actions.structure);
    // The user edits the structured sheet.
    const edit = () => page.evaluate(() => window.__book.sheet('Medborgarlöften 2019')!.cell(0, 0)?.value);
    await page.evaluate(() => (window.__book.sheet('Medborgarlöften 2019')!.cell(0, 0, true)!.value = 'Egen rubrik'));

    await button(page, UI.actions.structure).click();
    const dialog = page.getByRole('dialog', { name: UI.pane.confirmTitle });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(UI.pane.confirmReplace(['Medborgarlöften 2019', 'Händelser', 'Kontroller']));
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('confirm-cancel');
    await dialog.getByRole('button', { name: UI.pane.cancel }).click();
    expect(await settle(page)).toEqual({ result: '', error: '' });
    expect(await edit()).toBe('Egen rubrik');

    await button(page, UI.actions.structure).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: UI.pane.replace }).click();
    expect((await settle(page)).result).toBe(UI.result.wrote(['Medborgarlöften 2019', 'Händelser', 'Kontroller']));
    expect(await edit()).not.toBe('Egen rubrik');
    // The replaced sheets are never deleted: each is kept whole as a hidden backup for Ångra.
    expect(await page.evaluate(() => window.__book.log.filter((l) => l.startsWith('delete sheet')))).toEqual([]);
    expect(await page.evaluate(() => window.__book.log.filter((l) => l.startsWith('rename sheet')))).toEqual([
      'rename sheet Medborgarlöften 2019 -> Ångra 1 – Medborgarlöften 2019',
      'rename sheet Händelser -> Ångra 2 – Händelser',
      'rename sheet Kontroller -> Ångra 3 – Kontroller',
    ]);

    const undone = await clickAndSettle(page, UI.actions.undo);
    expect(undone).toEqual({ result: UI.result.undone([], ['Medborgarlöften 2019', 'Händelser', 'Kontroller']), error: '' });
    expect(await edit()).toBe('Egen rubrik');
    expect(await sheetNames(page)).toEqual([EKSJO, 'Medborgarlöften 2019', 'Händelser', 'Kontroller']);
  });

  it('Escape in the confirmation means No', async () => {
    const page = await openPane(seedSetup(EKSJO));
    await clickAndSettle(page, UI.actions.read);
    await clickAndSettle(page, UI.actions.structure);
    const deletes = () => page.evaluate(() => window.__book.log.filter((l) => l.startsWith('delete sheet')).length);
    await button(page, UI.actions.structure).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    expect(await settle(page)).toEqual({ result: '', error: '' });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await deletes()).toBe(0);
  });
});

describe('start-up', () => {
  it('shows the Swedish requirement message and disables every control on a host without ExcelApi 1.8', async () => {
    const page = await openPane({ ...seedSetup(EKSJO), requirementSets: ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] });
    const alert = page.locator('#startup-error');
    expect(await alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toBe(UI.errors.requirements);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await page.locator('button:not([disabled]), select:not([disabled]), input:not([disabled])').count()).toBe(0);
  });

  it('explains in Swedish when office.js cannot be loaded', async () => {
    const context = await browser.newContext({ viewport: PANE });
    contexts.push(context);
    await context.route('https://appsforoffice.microsoft.com/**', (r) => r.abort('internetdisconnected'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('#startup-error', { state: 'visible' });
    expect(await page.locator('#startup-error').textContent()).toBe(UI.errors.officeMissing);
    expect(await button(page, UI.actions.read).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('says it only works in Excel when opened in another host', async () => {
    const page = await openPane({ ...seedSetup(EKSJO), host: 'Word' });
    expect(await page.locator('#startup-error').textContent()).toBe(UI.errors.notExcel);
    expect(await button(page, UI.actions.read).isDisabled()).toBe(true);
  });
});

describe('keyboard and labels', () => {
  it('Tab reaches every button and control, and each has an accessible name', async () => {
    const page = await openPane(seedSetup(ESKILSTUNA));
    await clickAndSettle(page, UI.actions.read);
    await clickAndSettle(page, UI.actions.structure);
    // Every enabled, visible control (of a radio group, the checked radio) gets a key for the tab walk.
    await page.$$eval('button, select, input', (els) => els.forEach((e, i) => e.setAttribute('data-k', e.id || `${e.tagName}#${i}`)));
    const keys = await page.$$eval('button:not([disabled]), select, input[type=radio]:checked', (els) =>
      els.filter((e) => !(e as HTMLElement).closest('[hidden]')).map((e) => e.getAttribute('data-k')!),
    );
    expect(keys.length).toBeGreaterThan(10);
    await page.locator('body').focus();
    const reached = new Set<string>();
    for (let i = 0; i < keys.length + 5; i++) {
      await page.keyboard.press('Tab');
      const k = await page.evaluate(() => document.activeElement?.getAttribute('data-k') ?? null);
      if (k) reached.add(k);
    }
    for (const k of keys) expect(reached).toContain(k);
    expect(keys).toEqual(expect.arrayContaining(['btn-read', 'btn-structure', 'btn-summary', 'btn-report', 'btn-undo', 'period', 'scope-sheet']));

    // Accessible names as assistive technology computes them (Chrome's accessibility tree).
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[] };
    const controls = nodes.filter((n) => !n.ignored && ['button', 'combobox', 'radio', 'checkbox', 'textbox'].includes(String(n.role?.value)));
    expect(controls.length).toBeGreaterThanOrEqual(keys.length);
    const unnamed = controls.filter((n) => !String(n.name?.value ?? '').trim()).map((n) => n.role?.value);
    expect(unnamed).toEqual([]);
    const names = controls.map((n) => String(n.name?.value));
    for (const name of [UI.actions.read, UI.actions.structure, UI.actions.summary, UI.actions.report, UI.actions.undo, UI.pane.periodSetting, UI.pane.readScopeSheet, UI.pane.readScopeSelection]) {
      expect(names).toContain(name);
    }
  });
});

describe('Öppna Word-fil', () => {
  const DOCX_FILES = join(ROOT, 'test/fixtures/docx');
  const wordFile = (name: string) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: readFileSync(join(DOCX_FILES, name)) });

  it.each(['eskilstuna-2019.docx', 'eskilstuna-2019.libreoffice.docx'])(
    '%s: written as a new source sheet next to an existing one of that name, read as Läs in reads, the same follow-up as the seed; reader loaded only now; three syncs',
    async (file) => {
      const taken = `Underlag – ${file.replace(/\.docx$/, '')}`.slice(0, 31);
      const page = await openPane({ sheets: [{ name: 'Blad1', rows: [['Egen text']] }, { name: taken, rows: [['Mitt eget underlag']] }], active: 'Blad1' });
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('.js')) scripts.push(r.url().replace(/^.*\//, ''));
      });
      const before = await sourceCells(page, taken);
      const runs = await page.evaluate(() => window.__book.runs);
      expect(scripts.some((s) => s.startsWith('word-reader'))).toBe(false);

      await page.locator('#word-file').setInputFiles(wordFile(file));
      const done = await settle(page);
      const sheet = `${taken.slice(0, 27).trimEnd()} (2)`;
      expect(done).toEqual({ result: DOCX_ACTION.opened(sheet), error: '' });
      expect(await sheetNames(page)).toEqual(['Blad1', taken, sheet]);
      expect(await page.evaluate(() => window.__book.active)).toBe(sheet);
      // The sheet of the same name was not touched; the Word reader came as its own chunk, on demand.
      expect(await sourceCells(page, taken)).toBe(before);
      expect(scripts.some((s) => s.startsWith('word-reader'))).toBe(true);
      expect(await page.evaluate(() => window.__book.runs)).toBe(runs + 3);

      // What the pane shows is the seed's follow-up.
      const core = previewOf(importFollowUp(seedGrid(ESKILSTUNA)));
      expect(await activityRows(page)).toEqual(expectedRows(core));
      const f = await facts(page);
      expect(f[UI.labels.kommun]).toBe('Eskilstuna');
      expect(f[UI.labels.reportedPeriod]).toBe('3 (T3)');
      expect(f[UI.pane.sourceSheet]).toBe(sheet);
      expect(await page.locator('#findings button').count()).toBe(core.findings.length);

      // The sheet holds the Word tables as read: the merged title row, the multi-paragraph cell.
      const merges = await page.evaluate((n) => window.__book.sheet(n)!.merges, sheet);
      expect(merges).toContain('A25:D25');
      // Then the usual steps work from it, and clicking a finding goes to its cell on the new sheet.
      expect((await clickAndSettle(page, UI.actions.structure)).result).toBe(UI.result.wrote(['Medborgarlöften 2019', 'Händelser', 'Kontroller']));
      const finding = page.locator('#findings button', { hasText: 'Fröstunda' }).first();
      await finding.click();
      await settle(page);
      expect(await page.evaluate(() => window.__book.selection?.sheet)).toBe(sheet);
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    },
  );

  it('a Word 97–2003 .doc and a text file renamed .docx get their Swedish message and nothing is written', async () => {
    const page = await openPane(seedSetup(EKSJO));
    const log = () => page.evaluate(() => window.__book.log.filter((l) => l !== 'sync'));
    await page.locator('#word-file').setInputFiles(wordFile('eksjo-2019.doc'));
    expect(await settle(page)).toEqual({ result: '', error: DOCX.errors.legacyDoc('eksjo-2019.doc') });
    await page.locator('#word-file').setInputFiles({ name: 'uppföljning.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('Aktivitet\tTertial 1\n') });
    expect(await settle(page)).toEqual({ result: '', error: DOCX.errors.notZip('uppföljning.docx') });
    expect(await sheetNames(page)).toEqual([EKSJO]);
    expect(await log()).toEqual([]);
    // The preview of an earlier Läs in is not replaced by a failed open.
    expect(await page.locator('#preview').isHidden()).toBe(true);
  });

  it('the button is reachable by keyboard, named, and opens the file picker', async () => {
    const page = await openPane(seedSetup(EKSJO));
    const btn = button(page, DOCX_ACTION.open);
    expect(await btn.isVisible()).toBe(true);
    expect(await page.locator('#word-file').getAttribute('aria-label')).toBe(DOCX_ACTION.fileLabel);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), btn.click()]);
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles(wordFile('eksjo-2019.docx'));
    expect((await settle(page)).result).toBe(DOCX_ACTION.opened('Underlag – eksjo-2019'));
    expect(await activityRows(page)).toEqual(expectedRows(previewOf(importFollowUp(seedGrid(EKSJO)))));
  });
});

describe('Uppdatera in the pane', () => {
  it('Läs in on a source whose structured sheet exists offers Uppdatera beside Ersätt with the preview; Uppdatera keeps the user\'s judgement; undo restores', async () => {
    const page = await openPane(seedSetup(EKSJO));
    await clickAndSettle(page, UI.actions.read);
    expect(await page.locator('#update-offer').isHidden()).toBe(true);
    await clickAndSettle(page, UI.actions.structure);
    // The user judges A2 on the structured sheet, then reads the source again.
    const col = structuredColumns(3).judgement;
    await page.evaluate((judgement) => {
      const s = window.__book.sheet('Medborgarlöften 2019')!;
      const row = s.grid().findIndex((r) => r[0] === 'A2');
      Object.assign(s.cell(row, judgement, true)!, { value: 'Pågår', formula: null, quotePrefix: false });
      window.__book.dirty = true;
      window.__book.active = 'eksjo-2019';
    }, col);
    const read = await clickAndSettle(page, UI.actions.read);
    expect(read.error).toBe('');
    expect(await page.locator('#update-offer').isVisible()).toBe(true);
    expect(await page.locator('#update-heading').textContent()).toBe(UPDATE_UI.heading);
    expect(await page.locator('#update-text').textContent()).toBe(UPDATE_UI.offer('Medborgarlöften 2019'));
    expect(await page.locator('#update-summary').textContent()).toBe(UPDATE_UI.preview(UPDATE.summary({ added: 0, filled: 0, changed: 0, conflicts: 0, gone: 0 })));
    const sheetsBefore = await visibleSheetNames(page);

    const updated = await clickAndSettle(page, UPDATE_UI.update);
    expect(updated.error).toBe('');
    expect(updated.result).toMatch(/^Uppdaterade "Medborgarlöften 2019"/);
    expect(await page.locator('#update-offer').isHidden()).toBe(true);
    expect(await visibleSheetNames(page)).toEqual(sheetsBefore);
    const judged = () => page.evaluate((judgement) => {
      const s = window.__book.sheet('Medborgarlöften 2019')!;
      const g = s.grid();
      return g[g.findIndex((r) => r[0] === 'A2')][judgement];
    }, col);
    expect(await judged()).toBe('Pågår');
    expect(await button(page, UI.actions.undo).getAttribute('title')).toBe(UI.pane.undoAvailable(UPDATE_UI.update));
    expect((await clickAndSettle(page, UI.actions.undo)).error).toBe('');
    expect(await judged()).toBe('Pågår');
    // Ersätt after a read is Skapa strukturerat blad: it asks first.
    await page.evaluate(() => (window.__book.active = 'eksjo-2019'));
    await clickAndSettle(page, UI.actions.read);
    await button(page, UPDATE_UI.replace).click();
    await page.waitForSelector('#confirm', { state: 'visible' });
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  });
});
