// Builds a webpack target (add-in or Apps Script) for tests and benchmarks when its output is missing or older than its sources.
import { execFileSync } from 'child_process';
import { tmpdir } from 'os';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..');

/** The two webpack builds: config file, output files that must exist, and the source folders they are made of. */
export const TARGETS = {
  addin: {
    config: 'webpack.config.js',
    outputs: ['dist/addin/taskpane.html', 'dist/addin/taskpane.js', 'dist/addin/manifest.xml'],
    sources: ['addin', 'shared', 'ui', 'assets', 'manifest.xml', 'webpack.config.js'],
  },
  'apps-script': {
    config: 'webpack.apps-script.config.js',
    outputs: ['dist/apps-script/Code.js', 'dist/apps-script/sidebar.html', 'dist/apps-script/appsscript.json'],
    sources: ['apps-script', 'shared', 'ui', 'webpack.apps-script.config.js'],
  },
} as const;
export type BuildTarget = keyof typeof TARGETS;

const ensured = new Set<BuildTarget>();

/**
 * Runs `webpack --mode production` for the target when an output is missing or older than any
 * source. The check and the build run under a file lock, so parallel jest workers never read a
 * half-written bundle.
 */
export function ensureBuilt(target: BuildTarget): void {
  if (ensured.has(target)) return;
  const t = TARGETS[target];
  const check = `
    const fs=require('fs'),path=require('path');
    const root=${JSON.stringify(ROOT)};
    function newest(p){const s=fs.statSync(p);if(!s.isDirectory())return s.mtimeMs;let m=0;
      for(const e of fs.readdirSync(p))m=Math.max(m,newest(path.join(p,e)));return m;}
    const src=Math.max(...${JSON.stringify(t.sources)}.map((s)=>newest(path.join(root,s))));
    const outs=${JSON.stringify(t.outputs)}.map((o)=>path.join(root,o));
    const built=outs.every((o)=>fs.existsSync(o))?Math.min(...outs.map((o)=>fs.statSync(o).mtimeMs)):0;
    if(built<src){require('child_process').execFileSync(process.execPath,[path.join(root,'node_modules/webpack-cli/bin/cli.js'),
      '--config',path.join(root,${JSON.stringify(t.config)}),'--mode','production'],{cwd:root,stdio:'pipe'});}
  `;
  execFileSync('flock', [join(tmpdir(), `medborgarloften-${target}-build.lock`), process.execPath, '-e', check], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 180000,
  });
  ensured.add(target);
}
