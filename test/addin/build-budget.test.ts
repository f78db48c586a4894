// The add-in build's size budget: webpack fails the build when the task pane's initial script passes 244 KiB; the docx chunk loads lazily.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { ensureBuilt, ROOT } from '../support/build';

const BUDGET = 244 * 1024;
type Config = { performance: { hints: string | false; maxEntrypointSize: number; maxAssetSize: number; assetFilter: (f: string) => boolean } };
const configOf = (mode: string) => (require(join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Config)({}, { mode });

beforeAll(() => ensureBuilt('addin'), 180000);

describe('add-in bundle budget', () => {
  it('makes webpack fail a production build whose initial task pane script passes 244 KiB', () => {
    const { performance } = configOf('production');
    expect(performance.hints).toBe('error');
    expect(performance.maxEntrypointSize).toBe(BUDGET);
    expect(performance.maxAssetSize).toBe(BUDGET);
    expect(performance.assetFilter('taskpane.js')).toBe(true);
    expect(performance.assetFilter('commands.js')).toBe(true);
    const chunks = readdirSync(join(ROOT, 'dist/addin')).filter((f) => f.endsWith('.js') && !/^(taskpane|commands)\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(performance.assetFilter(c)).toBe(false);
  });

  it('keeps the built taskpane.js within the budget, with the docx library only in a lazy chunk', () => {
    const size = statSync(join(ROOT, 'dist/addin/taskpane.js')).size;
    expect(size).toBeLessThanOrEqual(BUDGET);
    const main = readFileSync(join(ROOT, 'dist/addin/taskpane.js'), 'utf8');
    // docx's own marker strings live only in the lazily loaded chunk.
    expect(main).not.toContain('wordprocessingml.document.main+xml');
    const lazy = readdirSync(join(ROOT, 'dist/addin')).filter((f) => f.endsWith('.js') && !/^(taskpane|commands)\.js$/.test(f));
    expect(lazy.some((f) => readFileSync(join(ROOT, 'dist/addin', f), 'utf8').includes('wordprocessingml.document.main+xml'))).toBe(true);
    // office.js is never bundled: the page loads it from Microsoft's CDN.
    expect(readFileSync(join(ROOT, 'dist/addin/taskpane.html'), 'utf8')).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });
});
