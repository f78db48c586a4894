// The BUILT Sheets sidebar in headless Chromium; google.script.run is answered by the real server functions of the built bundle on a fake spreadsheet holding a seed.
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../support/build';
import { launchChromium, serveDir } from '../support/browser';
import { makeGasEnv, loadBundle, hyperFormulaEvaluator, DIST, ensureBundle, type GasEnv } from '../support/gas-fakes';
import { gridFromTsv } from '../../shared/model/grid';
import { seedGrid } from '../support/seeds';
import { SHEETS_UI, UI, UPDATE_UI } from '../../shared/i18n/sv-ui';
import { UPDATE } from '../../shared/i18n/sv-update';
import { DOCX } from '../../shared/i18n/sv-docx';
import { DOCX_ACTION } from '../../shared/i18n/sv-docx-action';
import { DOCX_LIMITS } from '../../shared/docx/limits';
import { importFollowUp } from '../../shared/import/import-follow-up';
import { previewOf } from '../../shared/app/preview';
import { withWordUtilities } from '../shared/docx/gas-utilities';

/** Google's add-on sidebar is 300 px wide. */
const SIDEBAR = { width: 300, height: 900 };
const HOSTILE = '<img src=x onerror=window.__xss=1>';

/**
 * google.script.run as HtmlService provides it: a runner whose server-function methods call
 * asynchronously, results crossing as JSON, with chained withSuccessHandler/withFailureHandler.
 */
const RUN_STUB = `(() => {
  window.__calls = [];
  function runner(ok, fail) {
    const base = {
      withSuccessHandler: (f) => runner(f, fail),
      withFailureHandler: (f) => runner(ok, f),
    };
    return new Proxy(base, {
      get(t, name) {
        if (name in t) return t[name];
        return (...args) => {
          window.__calls.push({ fn: name, args: JSON.parse(JSON.stringify(args)) });
          window.__gas(name, JSON.stringify(args)).then(
            (json) => { if (ok) ok(JSON.parse(json)); },
            (e) => { if (fail) fail(new Error(String(e && e.message || e))); },
          );
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();`;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  ensureBundle();
  browser = await launchChromium();
  server = await serveDir(DIST);
}, 180000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page showing the built sidebar, talking to the bundle in a vm on a spreadsheet holding `rows`. */
async function open(rows: (string | number | boolean | null)[][]): Promise<{ page: Page; env: GasEnv }> {
  const env = makeGasEnv();
  env.ss.evaluator = hyperFormulaEvaluator;
  env.ss.addSheetWithRows('Uppföljning', rows);
  const { run } = loadBundle(env);
  const page = await browser.newPage({ viewport: SIDEBAR });
  await page.exposeFunction('__gas', (fn: string, args: string) => JSON.stringify(run(fn, ...(JSON.parse(args) as unknown[]))));
  await page.addInitScript(RUN_STUB);
  await page.goto(`${server.url}/sidebar.html`);
  return { page, env };
}

/** Clicks a control and waits until the server has answered (buttons enabled again). */
async function click(page: Page, selector: string): Promise<string> {
  const before = await page.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls.length);
  await page.click(selector);
  await page.waitForFunction((n) => (window as unknown as { __calls: unknown[] }).__calls.length > n && !(document.getElementById('btnRead') as HTMLButtonElement).disabled, before);
  return (await page.textContent('#status')) ?? '';
}

function withHostileActivity(): (string | number | boolean | null)[][] {
  const rows = seedGrid('eskilstuna-2019').values.map((r) => [...r]);
  const i = rows.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('Ingripande narkotikabrott'));
  rows[i][0] = `${rows[i][0]} ${HOSTILE}`;
  return rows;
}

describe('the sidebar in Chromium', () => {
  it('flow by clicks: preview before writing → structure → summary → report links → undo', async () => {
    const { page, env } = await open(seedGrid('eskilstuna-2019').values);
    try {
      expect(await page.textContent('h1')).toBe(UI.appName);
      expect(await page.isHidden('#preview')).toBe(true);

      // Läs in: shows what was found and the findings, writes nothing.
      const read = await click(page, '#btnRead');
      expect(read).toBe(UI.result.read('Eskilstuna', 2019));
      expect(await page.isVisible('#preview')).toBe(true);
      const facts = await page.$$eval('#facts dd', (dd) => dd.map((d) => d.textContent));
      expect(facts).toEqual(expect.arrayContaining(['Uppföljning', 'Eskilstuna', '2019']));
      expect(await page.locator('#findings li').count()).toBeGreaterThan(0);
      // The follow-up says tertial 1 but reports all three: said as a note.
      expect(await page.textContent('#stated')).toBe(UI.pane.statedPeriod(1));
      expect(env.ss.sheets.map((s) => s.name)).toEqual(['Uppföljning']);
      // docs/images/sidebar.png only on request: a picture taken with this machine's fonts must not replace the committed one on every run.
      if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: screenshotPath() });

      // Strukturera: the three sheets appear.
      expect(await click(page, '#btnStructure')).toMatch(/^Skrev /);
      expect(env.ss.sheets.map((s) => s.name)).toEqual(['Uppföljning', 'Medborgarlöften 2019', 'Händelser', 'Kontroller']);

      // Again: asks first; Ersätt replaces.
      await click(page, '#btnStructure');
      expect(await page.isVisible('#confirm')).toBe(true);
      expect(await page.textContent('#confirmText')).toBe(UI.pane.confirmReplace(['Medborgarlöften 2019', 'Händelser', 'Kontroller']));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('btnConfirm');
      expect(await click(page, '#btnConfirm')).toMatch(/^Skrev /);
      expect(await page.isHidden('#confirm')).toBe(true);

      // Sammanfattning, from the structured sheet.
      expect(await click(page, '#btnSummary')).toMatch(/^Skrev "Sammanfattning T3 2019"/);
      expect(env.ss.sheet('Sammanfattning T3 2019')).toBeDefined();

      // Rapport: links to the Doc and the PDF, and where they are (My Drive: drive.file does not reach the spreadsheet's folder).
      const reported = await click(page, '#btnReport');
      expect(reported).toMatch(/^Rapporten sparades som Uppföljning av medborgarlöften – Eskilstuna 2019/);
      expect(reported.endsWith(SHEETS_UI.reportInRoot)).toBe(true);
      const links = await page.$$eval('#links a', (as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent, target: (a as HTMLAnchorElement).target })));
      const doc = env.driveFiles.find((f) => f.mime === 'application/vnd.google-apps.document')!;
      const pdf = env.driveFiles.find((f) => f.mime === 'application/pdf')!;
      expect(links.map((l) => l.href)).toEqual([doc.url, pdf.url]);
      expect(links.every((l) => l.target === '_blank')).toBe(true);

      // Ångra: the last run (the summary) is undone.
      expect(await click(page, '#btnUndo')).toBe(UI.result.undone(['Sammanfattning T3 2019'], []));
      expect(env.ss.sheet('Sammanfattning T3 2019')).toBeUndefined();
      expect(await page.isHidden('#links')).toBe(true);
    } finally {
      await page.close();
    }
  }, 60000);

  it('clicking a finding selects its cell on the source sheet', async () => {
    const { page, env } = await open(seedGrid('eksjo-2019').values);
    try {
      await click(page, '#btnRead');
      const buttons = page.locator('#findings li button:not([disabled])');
      expect(await buttons.count()).toBeGreaterThan(0);
      const cell = (await buttons.nth(0).locator('.cell').textContent())!;
      await click(page, '#findings li button:not([disabled]) >> nth=0');
      const calls = await page.evaluate(() => (window as unknown as { __calls: { fn: string; args: unknown[] }[] }).__calls);
      expect(calls[calls.length - 1]).toEqual({ fn: 'selectCell', args: ['Uppföljning', cell] });
      expect(env.ss.activeRange!.getA1Notation()).toBe(cell);
      expect(env.ss.active!.name).toBe('Uppföljning');
      expect(await page.textContent('#status')).toBe(UI.result.selected(cell));
    } finally {
      await page.close();
    }
  }, 30000);

  it('shows HTML in sheet text as text', async () => {
    const { page } = await open(withHostileActivity());
    try {
      await click(page, '#btnRead');
      const texts = await page.$$eval('#promises li.activity > div:first-child', (d) => d.map((x) => x.textContent ?? ''));
      expect(texts.some((t) => t.includes(HOSTILE))).toBe(true);
      expect(await page.$$('#promises img')).toHaveLength(0);
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    } finally {
      await page.close();
    }
  }, 30000);

  it('every control has a label and is reachable by keyboard; Enter runs Läs in', async () => {
    const { page } = await open(seedGrid('eksjo-2019').values);
    try {
      const unlabeled = await page.$$eval('button:not([hidden]), select, a', (els) =>
        els
          .filter((e) => !(e as HTMLElement).closest('[hidden]'))
          .filter((e) => {
            if (e instanceof HTMLSelectElement) return e.labels === null || e.labels.length === 0 || !e.labels[0].textContent?.trim();
            return !(e.getAttribute('aria-label') || e.textContent || '').trim();
          })
          .map((e) => e.outerHTML),
      );
      expect(unlabeled).toEqual([]);
      const order: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
      }
      expect(order).toEqual(['period', 'btnRead', 'btnStructure', 'btnSummary', 'btnReport', 'btnUndo']);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('btnRead');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#preview:not([hidden])');
      // The findings are buttons too, reachable after the actions.
      expect(await page.locator('#findings button').first().evaluate((b) => b.tabIndex)).toBe(0);
    } finally {
      await page.close();
    }
  }, 30000);

  it('offers the follow-up\'s own periods (Kvartal 1–4) once a quarterly follow-up is read, and re-reads on change', async () => {
    const tsv = readFileSync(join(__dirname, '..', 'fixtures', 'vetlanda-2021-kvartal.tsv'), 'utf8');
    const { page } = await open(gridFromTsv(tsv).values);
    try {
      expect(await page.$$eval('#period option', (o) => o.map((x) => x.textContent))).toEqual([UI.pane.periodAuto, 'Tertial 1', 'Tertial 2', 'Tertial 3']);
      await click(page, '#btnRead');
      expect(await page.$$eval('#period option', (o) => o.map((x) => x.textContent))).toEqual([UI.pane.periodAuto, 'Kvartal 1', 'Kvartal 2', 'Kvartal 3', 'Kvartal 4']);
      const before = await page.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls.length);
      await page.selectOption('#period', '2');
      await page.waitForFunction((n) => (window as unknown as { __calls: unknown[] }).__calls.length > n && !(document.getElementById('btnRead') as HTMLButtonElement).disabled, before);
      expect(await page.$$eval('#facts dd', (dd) => dd.map((d) => d.textContent))).toContain('K2');
    } finally {
      await page.close();
    }
  }, 30000);
});

function screenshotPath(): string {
  const dir = join(ROOT, 'docs', 'images');
  mkdirSync(dir, { recursive: true });
  return join(dir, 'sidebar.png');
}

describe('Öppna Word-fil in the sidebar', () => {
  const DOCX_DIR = join(ROOT, 'test', 'fixtures', 'docx');
  const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: { fn: string; args: unknown[] }[] }).__calls);

  /** The built sidebar on a spreadsheet whose Utilities can unzip (the server reads the file). */
  async function openWithWord(): Promise<{ page: Page; env: GasEnv }> {
    const env = withWordUtilities(makeGasEnv());
    env.ss.evaluator = hyperFormulaEvaluator;
    env.ss.addSheetWithRows('Blad1', [['Egen text']]);
    const { run } = loadBundle(env);
    const page = await browser.newPage({ viewport: SIDEBAR });
    await page.exposeFunction('__gas', (fn: string, args: string) => JSON.stringify(run(fn, ...(JSON.parse(args) as unknown[]))));
    await page.addInitScript(RUN_STUB);
    await page.goto(`${server.url}/sidebar.html`);
    return { page, env };
  }

  /** Chooses a file in the (hidden) file input and waits until the server has answered. */
  async function choose(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
    const before = (await calls(page)).length;
    await page.locator('#wordFile').setInputFiles(file);
    await page.waitForFunction((n) => (window as unknown as { __calls: unknown[] }).__calls.length > n && !(document.getElementById('btnRead') as HTMLButtonElement).disabled, before);
    return (await page.textContent('#status')) ?? '';
  }

  const docx = (name: string) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: readFileSync(join(DOCX_DIR, name)) });

  it('sends the chosen .docx to the server as base64; the preview is of the new source sheet "Underlag – <filnamn>"', async () => {
    const { page, env } = await openWithWord();
    try {
      expect(await page.textContent('#btnWord')).toBe(DOCX_ACTION.open);
      expect(await page.getAttribute('#wordFile', 'aria-label')).toBe(DOCX_ACTION.fileLabel);
      const status = await choose(page, docx('eskilstuna-2019.docx'));
      expect(status).toBe(DOCX_ACTION.opened('Underlag – eskilstuna-2019'));
      const sent = (await calls(page)).pop()!;
      expect(sent.fn).toBe('openWordFile');
      expect(sent.args).toEqual(['eskilstuna-2019.docx', readFileSync(join(DOCX_DIR, 'eskilstuna-2019.docx')).toString('base64'), null]);
      expect(env.ss.sheets.map((s) => s.name)).toEqual(['Blad1', 'Underlag – eskilstuna-2019']);
      const facts = await page.$$eval('#facts dd', (dd) => dd.map((d) => d.textContent));
      expect(facts).toEqual(expect.arrayContaining(['Underlag – eskilstuna-2019', 'Eskilstuna', '2019']));
      const core = previewOf(importFollowUp(seedGrid('eskilstuna-2019')));
      expect(await page.locator('#promises li.activity').count()).toBe(core.activityCount);
      expect(await page.locator('#findings li').count()).toBe(core.findings.length);
      // Then Läs in och strukturera works from the new sheet.
      expect(await click(page, '#btnStructure')).toMatch(/^Skrev /);
      expect(env.ss.sheets.map((s) => s.name)).toEqual(['Blad1', 'Underlag – eskilstuna-2019', 'Medborgarlöften 2019', 'Händelser', 'Kontroller']);
    } finally {
      await page.close();
    }
  }, 60000);

  it('a .doc gets the server\'s Swedish message and nothing is written; a file over the limit is stopped before it is sent', async () => {
    const { page, env } = await openWithWord();
    try {
      expect(await choose(page, docx('eksjo-2019.doc'))).toBe(DOCX.errors.legacyDoc('eksjo-2019.doc'));
      expect(await page.getAttribute('#status', 'class')).toBe('error');
      const sent = (await calls(page)).length;
      const big = Buffer.alloc(DOCX_LIMITS.fileBytes + 1);
      await page.locator('#wordFile').setInputFiles({ name: 'stor.docx', mimeType: 'application/octet-stream', buffer: big });
      await page.waitForFunction(() => /för stor/.test(document.getElementById('status')?.textContent ?? ''));
      expect(await page.textContent('#status')).toBe(DOCX.errors.tooLargeFile('stor.docx', big.length, DOCX_LIMITS.fileBytes));
      expect((await calls(page)).length).toBe(sent);
      expect(env.ss.sheets.map((s) => s.name)).toEqual(['Blad1']);
    } finally {
      await page.close();
    }
  }, 60000);

  it('stays small: the Word file is read on the server, so no zip or XML parser is in the sidebar', () => {
    const html = readFileSync(join(DIST, 'sidebar.html'), 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(16 * 1024);
    expect(html).not.toMatch(/JSZip|SaxesParser|inflate/);
    expect(html).toContain('openWordFile');
  });
});

describe('Uppdatera in the sidebar', () => {
  it('Läs in on a source whose structured sheet exists shows Uppdatera beside Ersätt with the preview; Uppdatera writes and the offer goes', async () => {
    const { page, env } = await open(seedGrid('eksjo-2019').values);
    try {
      await click(page, '#btnRead');
      expect(await page.isHidden('#updateOffer')).toBe(true);
      expect(await click(page, '#btnStructure')).toMatch(/^Skrev /);
      // The user judges an activity, then reads the source in again.
      const s = env.ss.sheet('Medborgarlöften 2019')!;
      const values = s.getDataRange().getValues();
      const row = values.findIndex((r) => r[0] === 'A2');
      const col = values[5].indexOf('Bedömning');
      s.getRange(row + 1, col + 1).setValues([['Pågår']]);
      env.ss.active = env.ss.sheet('Uppföljning')!;
      await click(page, '#btnRead');
      expect(await page.isVisible('#updateOffer')).toBe(true);
      expect(await page.textContent('#updateTitle')).toBe(UPDATE_UI.heading);
      expect(await page.textContent('#updateText')).toBe(UPDATE_UI.offer('Medborgarlöften 2019'));
      expect(await page.textContent('#updateSummary')).toBe(UPDATE_UI.preview(UPDATE.summary({ added: 0, filled: 0, changed: 0, conflicts: 0, gone: 0 })));
      expect([await page.textContent('#btnUpdate'), await page.textContent('#btnReplace')]).toEqual([UPDATE_UI.update, UPDATE_UI.replace]);
      const status = await click(page, '#btnUpdate');
      expect(status).toMatch(/^Uppdaterade "Medborgarlöften 2019"/);
      expect(await page.isHidden('#updateOffer')).toBe(true);
      const after = env.ss.sheet('Medborgarlöften 2019')!.getDataRange().getValues();
      expect(after[after.findIndex((r) => r[0] === 'A2')][col]).toBe('Pågår');
      // Ersätt is the import as before: it asks first.
      await click(page, '#btnRead');
      await click(page, '#btnReplace');
      expect(await page.isVisible('#confirm')).toBe(true);
    } finally {
      await page.close();
    }
  }, 60000);
});
