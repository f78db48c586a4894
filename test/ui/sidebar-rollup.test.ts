// The BUILT Sheets sidebar's roll-up buttons in headless Chromium; google.script.run is answered by the built bundle's server functions on a fake region's spreadsheet (three kommuner's structured sheets copied in).
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveDir } from '../support/browser';
import { DIST, ensureBundle, loadBundle, type GasEnv } from '../support/gas-fakes';
import { kommunBuilds, regionSpreadsheet } from '../support/rollup-workbook';
import { SHEETS_UI, UI } from '../../shared/i18n/sv-ui';
import { ROLLUP_HOST, ROLLUP_SHEET } from '../../shared/i18n/sv-rollup';

const SIDEBAR = { width: 300, height: 900 };
const ROLLUP_NAMES = [ROLLUP_SHEET.summary, ROLLUP_SHEET.themes, ROLLUP_SHEET.activities];

/** google.script.run as HtmlService provides it: asynchronous calls, results crossing as JSON, chained handlers. */
const RUN_STUB = `(() => {
  window.__calls = [];
  function runner(ok, fail) {
    const base = { withSuccessHandler: (f) => runner(f, fail), withFailureHandler: (f) => runner(ok, f) };
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

/** The built sidebar talking to the bundle in a vm on a region's spreadsheet of `n` kommuner. */
async function open(n: number): Promise<{ page: Page; env: GasEnv }> {
  const env = regionSpreadsheet(kommunBuilds(n, 6));
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
  await page.waitForFunction((k) => (window as unknown as { __calls: unknown[] }).__calls.length > k && !(document.getElementById('btnRead') as HTMLButtonElement).disabled, before);
  return (await page.textContent('#status')) ?? '';
}

describe('the sidebar\u2019s roll-up', () => {
  it('Sammanställ flera kommuner writes the three sheets, asks before replacing them, and Ångra gives them back', async () => {
    const { page, env } = await open(3);
    try {
      expect(await page.textContent('#btnRollup')).toBe(ROLLUP_HOST.action);
      expect(await page.textContent('#btnRollupDoc')).toBe(ROLLUP_HOST.exportGoogleDoc);
      const names = env.ss.sheets.map((s) => s.name);
      const done = await click(page, '#btnRollup');
      expect(done).toMatch(/^Sammanställde 3 kommuner med 18 aktiviteter: skrev /);
      expect(env.ss.sheets.map((s) => s.name)).toEqual([...names, ...ROLLUP_NAMES]);
      expect(await page.getAttribute('#status', 'class')).toBe('ok');

      // Again: the sidebar's confirmation names the sheets; Ersätt replaces them.
      await click(page, '#btnRollup');
      expect(await page.isVisible('#confirm')).toBe(true);
      expect(await page.textContent('#confirmText')).toBe(UI.pane.confirmReplace(ROLLUP_NAMES));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('btnConfirm');
      expect(await click(page, '#btnConfirm')).toBe(done);
      expect(await page.evaluate(() => (window as unknown as { __calls: { fn: string; args: unknown[] }[] }).__calls.map((c) => [c.fn, c.args]))).toEqual([
        ['rollup', [false]],
        ['rollup', [false]],
        ['rollup', [true]],
      ]);
      expect(await click(page, '#btnUndo')).toBe(UI.result.undone([], ROLLUP_NAMES));
      expect(env.ss.sheets.filter((s) => !s.hidden).map((s) => s.name)).toEqual([...names, ...ROLLUP_NAMES]);
    } finally {
      await page.close();
    }
  }, 60000);

  it('Sammanställning som Google-dokument shows links to the Doc and its PDF; without structured sheets it says so in Swedish', async () => {
    const { page, env } = await open(2);
    try {
      const msg = await click(page, '#btnRollupDoc');
      // Under drive.file the spreadsheet's folder is out of reach: the message says the files are in My Drive.
      expect(msg).toBe(`${ROLLUP_HOST.docSaved(env.docs[0].name)} ${SHEETS_UI.reportInRoot}`);
      const links = await page.$$eval('#links a', (as) => as.map((a) => ({ text: a.textContent, href: (a as HTMLAnchorElement).href })));
      expect(links).toHaveLength(2);
      expect(links[0].text).toBe(`${ROLLUP_HOST.docLink}: ${env.docs[0].name}`);
      expect(links[0].href).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
      expect(links[1].text).toBe(`PDF: ${env.docs[0].name}.pdf`);
      // No kommun's sheet left: a clear message, nothing written.
      for (const s of [...env.ss.sheets]) if (s.name !== 'Läsanvisning') env.ss.deleteSheet(s);
      expect(await click(page, '#btnRollup')).toBe(ROLLUP_HOST.noKommuner);
      expect(await page.getAttribute('#status', 'class')).toBe('error');
      expect(env.ss.sheets.map((s) => s.name)).toEqual(['Läsanvisning']);
    } finally {
      await page.close();
    }
  }, 60000);
});
