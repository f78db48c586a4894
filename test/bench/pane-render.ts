// Benchmark: first render of the built task pane in headless Chromium (Office stubbed), from navigation start to a usable pane.
import { join } from 'path';
import { launchChromium, serveDir } from '../support/browser';
import { ensureBuilt, ROOT } from '../support/build';
import { PANE_READY_MARK } from '../../addin/session';

/** A stand-in for office.js: reports an Excel host that supports every requirement set. */
const OFFICE_STUB = `
  window.Office = {
    onReady(cb) { const info = { host: 'Excel', platform: 'OfficeOnline' }; setTimeout(() => cb && cb(info), 0); return Promise.resolve(info); },
    context: { requirements: { isSetSupported: () => true }, diagnostics: { platform: 'OfficeOnline' } },
    HostType: { Excel: 'Excel' },
  };
  window.Excel = { run: () => Promise.reject(new Error('not used in the render benchmark')) };
`;

export interface PaneRender {
  runs: number;
  medianMs: number;
  fcpMs: number;
  jsKb: number;
}

/** Loads the pane `runs` times in fresh browser contexts; usable = the pane's ready mark (after Office.onReady, controls wired). */
export async function measurePaneRender(runs = 7): Promise<PaneRender> {
  ensureBuilt('addin');
  const server = await serveDir(join(ROOT, 'dist', 'addin'));
  const browser = await launchChromium();
  const ready: number[] = [];
  const fcp: number[] = [];
  let jsBytes = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
      const page = await context.newPage();
      await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB }));
      page.on('response', async (r) => {
        if (i === 0 && r.url().endsWith('.js') && r.url().startsWith(server.url)) jsBytes += (await r.body()).length;
      });
      await page.goto(`${server.url}/taskpane.html`);
      // The pane sets this mark once Office.onReady has fired and every control is wired.
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, PANE_READY_MARK);
      const t = await page.evaluate((mark) => ({
        now: performance.getEntriesByName(mark)[0].startTime,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      }), PANE_READY_MARK);
      ready.push(t.now);
      fcp.push(t.fcp);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { runs, medianMs: median(ready), fcpMs: median(fcp.filter((x) => !Number.isNaN(x))), jsKb: jsBytes / 1024 };
}

if (require.main === module) {
  void measurePaneRender(Number(process.argv[2] ?? 7)).then((r) => process.stdout.write(JSON.stringify(r)));
}
