// The built task pane's roll-up buttons in headless Chromium, on a stub Office host whose Excel.run is the recording Excel fake holding a region's workbook: written sheets, syncs, confirmation, undo, the Word report, chunks loaded only on click.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { applyPlans, type ExcelHost } from '../../addin/excel-adapter';
import { ensureBuilt, ROOT } from '../support/build';
import { launchChromium, serveDir } from '../support/browser';
import { FakeWorkbook, type FakeValue } from '../support/excel-fake';
import { bookCells, fakeScript, OFFICE_STUB, type SheetCells } from '../support/pane-host';
import { kommunBuilds, regionSheets, type KommunBuild } from '../support/rollup-workbook';
import { hyperFormulaEvaluator } from '../addin/fake-evaluator';
import { UI } from '../../shared/i18n/sv-ui';
import { ROLLUP_HOST, ROLLUP_SHEET } from '../../shared/i18n/sv-rollup';

const PANE = { width: 350, height: 900 };
const ROLLUP_NAMES = [ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities];

declare global {
  interface Window {
    __book: FakeWorkbook;
    __paneReady?: boolean;
  }
}

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let officeJs: string;
let kbs: KommunBuild[];
let region: SheetCells[];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ensureBuilt('addin');
  server = await serveDir(join(ROOT, 'dist/addin'));
  browser = await launchChromium();
  officeJs = `${fakeScript()}\n${OFFICE_STUB}`;
  // A region's workbook: a sheet of notes, then three kommuners' structured sheets, Händelser and Kontroller, copied in.
  kbs = kommunBuilds(3, 8);
  const book = new FakeWorkbook();
  book.addGrid('Läsanvisning', [['Region Syd: kommunernas uppföljningar']]);
  await applyPlans(book as unknown as ExcelHost, regionSheets(kbs), { source: null, existing: [] });
  region = bookCells(book);
}, 180000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  while (contexts.length) await contexts.pop()!.close();
});

/** Opens the built pane on a stub host holding `books` and waits for Office.onReady; scripts the page loads are listed. */
async function openPane(books: SheetCells[]): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: PANE, acceptDownloads: true, locale: 'sv-SE' });
  contexts.push(context);
  await context.route('https://appsforoffice.microsoft.com/**', (r) => r.fulfill({ contentType: 'text/javascript', body: officeJs }));
  await context.exposeFunction('__evaluate', (sheets: Record<string, (FakeValue | { f: string })[][]>) => hyperFormulaEvaluator(sheets));
  await context.addInitScript((s) => {
    (window as unknown as { __setup: unknown }).__setup = s;
  }, { books, active: books[0]?.name });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(r.url().replace(/^.*\//, ''));
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForFunction(() => window.__paneReady === true);
  return { page, scripts, errors };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const sheetNames = (page: Page) => page.evaluate(() => window.__book.sheets.map((s) => s.name));

/** Waits until the pane is idle again and returns its result (or error) line. */
async function settle(page: Page): Promise<{ result: string; error: string }> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && document.getElementById('progress')?.hidden === true);
  return page.evaluate(() => ({
    result: document.getElementById('result')!.hidden ? '' : document.getElementById('result')!.textContent ?? '',
    error: document.getElementById('error')!.hidden ? '' : document.getElementById('error')!.textContent ?? '',
  }));
}

const activities = () => kbs.reduce((n, kb) => n + kb.build.followUp.promises.reduce((m, p) => m + p.activities.length, 0), 0);

describe('Sammanställ flera kommuner in the task pane', () => {
  it('writes the three roll-up sheets in four syncs, its code loaded only with the click; asks before replacing them; Ångra gives them back', async () => {
    const { page, scripts, errors } = await openPane(region);
    const kommunSheets = await sheetNames(page);
    expect(scripts.some((s) => s.startsWith('rollup'))).toBe(false);
    const runs = await page.evaluate(() => window.__book.runs);

    await button(page, ROLLUP_HOST.action).click();
    expect(await settle(page)).toEqual({ result: ROLLUP_HOST.wrote(3, activities(), ROLLUP_NAMES), error: '' });
    expect(await sheetNames(page)).toEqual([...kommunSheets, ...ROLLUP_NAMES]);
    expect(await page.evaluate(() => window.__book.active)).toBe(ROLLUP_SHEET.summary);
    expect(await page.evaluate(() => window.__book.runs)).toBe(runs + 4);
    expect(scripts.some((s) => s.startsWith('rollup.'))).toBe(true);
    expect(scripts.some((s) => s.startsWith('rollup-docx'))).toBe(false);
    // One row per kommun on Sammanställning, the kommun named as its follow-up names it.
    const kommuner = await page.evaluate(() => window.__book.sheet('Sammanställning')!.grid().map((r) => r[1]));
    for (const kb of kbs) expect(kommuner).toContain(kb.build.followUp.kommun);
    expect(await button(page, UI.actions.undo).getAttribute('title')).toBe(UI.pane.undoAvailable(ROLLUP_HOST.action));

    // Again: the pane's own dialog names the sheets; Avbryt keeps them, Ersätt replaces them.
    const edit = () => page.evaluate(() => window.__book.sheet('Sammanställning')!.cell(0, 0)?.value);
    await page.evaluate(() => Object.assign(window.__book.sheet('Sammanställning')!.cell(0, 0, true)!, { value: 'Egen rubrik', formula: null }));
    await button(page, ROLLUP_HOST.action).click();
    const dialog = page.getByRole('dialog', { name: UI.pane.confirmTitle });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(UI.pane.confirmReplace(ROLLUP_NAMES));
    await dialog.getByRole('button', { name: UI.pane.cancel }).click();
    expect(await settle(page)).toEqual({ result: '', error: '' });
    expect(await edit()).toBe('Egen rubrik');
    await button(page, ROLLUP_HOST.action).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: UI.pane.replace }).click();
    expect((await settle(page)).result).toBe(ROLLUP_HOST.wrote(3, activities(), ROLLUP_NAMES));
    expect(await edit()).not.toBe('Egen rubrik');

    // Ångra senaste körning: the replaced sheets come back as they were; the kommuner's sheets are untouched.
    expect(await (async () => { await button(page, UI.actions.undo).click(); return settle(page); })()).toEqual({ result: UI.result.undone([], ROLLUP_NAMES), error: '' });
    expect(await edit()).toBe('Egen rubrik');
    expect(await sheetNames(page)).toEqual([...kommunSheets, ...ROLLUP_NAMES]);
    expect(errors).toEqual([]);
  });

  it('Sammanställning i Word downloads the region\u2019s report (the renderer a chunk of its own), without writing a sheet', async () => {
    const { page, scripts, errors } = await openPane(region);
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, ROLLUP_HOST.exportDocx).click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^Sammanställning av medborgarlöften \d{4}-\d{2}-\d{2}\.docx$/);
    expect(await settle(page)).toEqual({ result: ROLLUP_HOST.saved(name), error: '' });
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Medborgarlöften – sammanställning för 3 kommuner');
    for (const kb of kbs) expect(xml).toContain(kb.build.followUp.kommun!);
    expect(scripts.some((s) => s.startsWith('rollup-docx'))).toBe(true);
    expect(await page.evaluate(() => window.__book.log.filter((l) => l !== 'sync'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says in Swedish that the workbook has no structured sheet to roll up, and writes nothing', async () => {
    const book = new FakeWorkbook();
    book.addGrid('Blad1', [['Uppföljning av medborgarlöften'], ['Aktivitet', 'Tertial 1'], ['Trafikkontroller', '5']]);
    const { page } = await openPane(bookCells(book));
    await button(page, ROLLUP_HOST.action).click();
    expect(await settle(page)).toEqual({ result: '', error: ROLLUP_HOST.noKommuner });
    await button(page, ROLLUP_HOST.exportDocx).click();
    expect(await settle(page)).toEqual({ result: '', error: ROLLUP_HOST.noKommuner });
    expect(await sheetNames(page)).toEqual(['Blad1']);
  });
});

describe('the pane\u2019s first script', () => {
  it('carries the buttons\u2019 words in taskpane.html (the same as ROLLUP_HOST\u2019s) and none of the roll-up\u2019s code or texts', () => {
    const html = readFileSync(join(ROOT, 'addin/taskpane/taskpane.html'), 'utf8');
    expect(html).toContain(`<button type="button" id="btn-rollup" class="btn">${ROLLUP_HOST.action}</button>`);
    expect(html).toContain(`<button type="button" id="btn-rollup-docx" class="btn">${ROLLUP_HOST.exportDocx}</button>`);
    const main = readFileSync(join(ROOT, 'dist/addin/taskpane.js'), 'utf8');
    for (const text of [ROLLUP_HOST.progress, ROLLUP_HOST.noKommuner, 'Trygghetsvandringar', 'Aktiviteter per tema – ']) expect(main).not.toContain(text);
    const lazy = readdirSync(join(ROOT, 'dist/addin')).filter((f) => /^rollup\..*\.js$/.test(f));
    expect(lazy).toHaveLength(1);
    expect(readFileSync(join(ROOT, 'dist/addin', lazy[0]), 'utf8')).toContain(ROLLUP_HOST.progress);
  });
});
