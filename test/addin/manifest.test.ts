// manifest.xml checked offline: well-formed, ids, locales, host, requirement set, Home-tab button, every URL served by the build, the Office CLIs, and the unified JSON manifest it converts to.
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { ensureBuilt, ROOT } from '../support/build';

const OFFICE = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const webpackConfig = require(join(ROOT, 'webpack.config.js')) as { rebaseManifest: (xml: string, base: string) => string; DEV_BASE: string };
const DEV_BASE = webpackConfig.DEV_BASE;
const MANIFEST = join(ROOT, 'manifest.xml');
const xml = readFileSync(MANIFEST, 'utf8');

type El = Element;
function parse(text: string): Document {
  const errors: string[] = [];
  const fail = (msg: string) => errors.push(msg);
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(text, 'text/xml') as unknown as Document;
  if (errors.length) throw new Error(errors.join('\n'));
  return doc;
}
const doc = parse(xml);
const root = doc.documentElement;
const all = (ns: string, tag: string, under: El | Document = doc): El[] => Array.from((under as El).getElementsByTagNameNS(ns, tag));
const one = (ns: string, tag: string, under: El | Document = doc): El => {
  const found = all(ns, tag, under);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0];
};
const children = (e: El, tag: string): El[] => Array.from(e.childNodes).filter((n): n is El => n.nodeType === 1 && (n as El).localName === tag);

/**
 * Well-formedness without a DOM: every start tag closed by a matching end tag in order, one root,
 * attributes quoted, nothing after the root (comments, the prolog and CDATA skipped). Returns the problems.
 */
function tagBalance(text: string): string[] {
  const problems: string[] = [];
  const body = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|>/g;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (m[0] === '<' || m[0] === '>') {
      problems.push(`stray "${m[0]}" at ${m.index}`);
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      if (!stack.length) roots++;
      if (!selfClose) stack.push(name);
    }
  }
  if (stack.length) problems.push(`unclosed ${stack.map((n) => `<${n}>`).join(' ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** Every resource (bt:Image, bt:Url, bt:String) by id. */
const resources = new Map(['Image', 'Url', 'String'].flatMap((t) => all(BT, t).filter((e) => e.getAttribute('id')).map((e) => [e.getAttribute('id')!, e] as const)));

/** Every absolute URL the manifest names outside comments. */
function urlsOf(d: Document): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 1) {
      const e = n as El;
      for (const a of Array.from(e.attributes)) if (!/^xmlns(:|$)/.test(a.name) && /^https?:\/\//.test(a.value)) out.push(a.value);
    } else if (n.nodeType === 3 && /^\s*https?:\/\//.test(n.nodeValue ?? '')) out.push((n.nodeValue ?? '').trim());
    for (const c of Array.from(n.childNodes ?? [])) walk(c);
  };
  walk(d.documentElement);
  return [...new Set(out)];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const cli = (pkg: string, args: string[]) =>
  spawnSync(process.execPath, [require.resolve(`${pkg}/cli.js`), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000, env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_LEVEL: 'off' } });

beforeAll(() => ensureBuilt('addin'), 180000);

describe('manifest.xml (offline checks)', () => {
  it('is well-formed XML (xmllint where installed, and a namespace-aware parse)', () => {
    const broken = xml.replace('</Hosts>', '');
    const xmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).stdout.trim();
    if (xmllint) {
      expect(() => execFileSync(xmllint, ['--noout', MANIFEST], { stdio: 'pipe' })).not.toThrow();
      const copy = join(mkdtempSync(join(tmpdir(), 'mbl-xml-')), 'broken.xml');
      writeFileSync(copy, broken);
      expect(spawnSync(xmllint, ['--noout', copy]).status).not.toBe(0);
    }
    expect(tagBalance(xml)).toEqual([]);
    expect(tagBalance(broken).length).toBeGreaterThan(0);
    expect(tagBalance(xml.replace('<Id>', '<Id x=1>'))).not.toEqual([]);
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(OFFICE);
    expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
  });

  it('has a GUID id, a four-part version and permission to write the workbook', () => {
    expect(one(OFFICE, 'Id').textContent).toMatch(GUID);
    expect(one(OFFICE, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(OFFICE, 'Permissions').textContent).toBe('ReadWriteDocument');
  });

  it('is Swedish by default with English overrides for the name, description and every ribbon string', () => {
    expect(one(OFFICE, 'DefaultLocale').textContent).toBe('sv-SE');
    for (const tag of ['DisplayName', 'Description']) {
      const e = one(OFFICE, tag);
      expect(e.getAttribute('DefaultValue')).toMatch(/[åäö]/);
      expect(children(e, 'Override').map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
    }
    const strings = all(BT, 'String');
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const s of strings) expect(all(BT, 'Override', s).map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
    // Short strings fit Office's 125-character limit, long ones 250.
    for (const s of all(BT, 'ShortStrings').flatMap((x) => all(BT, 'String', x))) expect(s.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(125);
    for (const s of all(BT, 'LongStrings').flatMap((x) => all(BT, 'String', x))) expect(s.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(250);
  });

  it('targets Excel workbooks and requires ExcelApi 1.8 (conditional formats 1.6, data validation 1.8)', () => {
    const hosts = children(one(OFFICE, 'Hosts'), 'Host');
    expect(hosts.map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    const sets = all(OFFICE, 'Set');
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', '1.8']]);
    // The task pane checks the same set at start-up.
    expect(readFileSync(join(ROOT, 'addin/taskpane/taskpane.ts'), 'utf8')).toContain("isSetSupported('ExcelApi', '1.8')");
  });

  it('puts a group on the Home tab whose button shows the task pane, with every resid defined', () => {
    const vo = one(OV, 'VersionOverrides');
    expect(vo.getAttributeNS(XSI, 'type')).toBe('VersionOverridesV1_0');
    expect(all(OV, 'Host', vo).map((h) => h.getAttributeNS(XSI, 'type'))).toEqual(['Workbook']);
    const tab = one(OV, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = one(OV, 'Group', tab);
    const label = resources.get(children(group, 'Label')[0].getAttribute('resid')!);
    expect(label?.getAttribute('DefaultValue')).toBe('Medborgarlöften');
    const control = one(OV, 'Control', group);
    expect(control.getAttributeNS(XSI, 'type')).toBe('Button');
    const action = one(OV, 'Action', control);
    expect(action.getAttributeNS(XSI, 'type')).toBe('ShowTaskpane');
    expect(one(OV, 'TaskpaneId', action).textContent).toBeTruthy();
    const url = resources.get(one(OV, 'SourceLocation', action).getAttribute('resid')!);
    expect(url?.getAttribute('DefaultValue')).toBe(`${DEV_BASE}/taskpane.html`);
    expect(all(BT, 'Image', control).map((i) => i.getAttribute('size'))).toEqual(['16', '32', '80']);
    // Every resid points at a resource, and ids are unique.
    const resids = Array.from(doc.getElementsByTagName('*')).map((e) => e.getAttribute('resid')).filter((r): r is string => !!r);
    expect(resids.length).toBeGreaterThan(8);
    for (const r of resids) expect(resources.has(r) ? r : `missing ${r}`).toBe(r);
    const ids = ['Image', 'Url', 'String'].flatMap((t) => all(BT, t)).map((e) => e.getAttribute('id')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of resources.values()) expect(r.getAttribute('id')!.length).toBeLessThanOrEqual(32);
  });

  it('names only URLs that the build serves: each https://localhost:3000 path is a file in dist/addin, icons at their sizes', () => {
    const urls = urlsOf(doc);
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const u of urls) {
      expect(u.startsWith(DEV_BASE)).toBe(true);
      const path = u.slice(DEV_BASE.length).replace(/^\//, '');
      if (!path) continue; // the AppDomain is an origin, not a file
      const file = join(ROOT, 'dist/addin', path);
      expect(existsSync(file) ? path : `missing dist/addin/${path}`).toBe(path);
    }
    const icons = [...all(OFFICE, 'IconUrl'), ...all(OFFICE, 'HighResolutionIconUrl'), ...all(BT, 'Image').filter((e) => e.getAttribute('DefaultValue'))];
    for (const icon of icons) {
      const u = icon.getAttribute('DefaultValue')!;
      const size = Number(/icon-(\d+)\.png$/.exec(u)?.[1]);
      expect(pngSize(join(ROOT, 'dist/addin', u.slice(DEV_BASE.length)))).toEqual({ width: size, height: size });
    }
    // The built manifest is the source manifest (no base URL given to this build).
    const built = readFileSync(join(ROOT, 'dist/addin/manifest.xml'), 'utf8');
    if (!process.env.ADDIN_BASE_URL) expect(built).toBe(xml);
  });

  it('`office-addin-manifest info` reads it offline', () => {
    const r = cli('office-addin-manifest', ['info', MANIFEST]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Id: ${one(OFFICE, 'Id').textContent}`);
    expect(r.stdout).toMatch(/Hosts: Workbook/);
    expect(r.stdout).toMatch(/Default Locale: sv-SE/);
    expect(r.stdout).toContain(`Source Location: ${DEV_BASE}/taskpane.html`);
  });
});

describe('unified JSON manifest (office-addin-manifest-converter, then the offline JSON schema validation)', () => {
  const out = mkdtempSync(join(tmpdir(), 'mbl-manifest-'));
  // The converter's default target (v1.17) lacks `getStartedMessages`, which it emits; v1.23 is the first schema with it.
  const SCHEMA = 'https://developer.microsoft.com/json-schemas/teams/v1.23/MicrosoftTeams.schema.json';
  let manifest: Record<string, any>;

  beforeAll(() => {
    const r = cli('office-addin-manifest-converter', ['convert', MANIFEST, '--output', out, '--schema-override', SCHEMA, '--schema-version-override', '1.23']);
    expect(r.status).toBe(0);
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  }, 60000);

  it('converts offline, keeping the id, the ExcelApi 1.8 requirement, the workbook scope and the Home-tab button', () => {
    expect(manifest.id).toBe(one(OFFICE, 'Id').textContent);
    expect(manifest.manifestVersion).toBe('1.23');
    const ext = manifest.extensions[0];
    expect(ext.requirements.scopes).toEqual(['workbook']);
    expect(ext.requirements.capabilities).toEqual([{ name: 'ExcelApi', minVersion: '1.8' }]);
    const tab = ext.ribbons[0].tabs[0];
    expect(tab.builtInTabId).toBe('TabHome');
    const button = tab.groups[0].controls[0];
    const action = ext.runtimes.flatMap((rt: { actions?: { id: string }[] }) => rt.actions ?? []).find((a: { id: string }) => a.id === button.actionId);
    expect(action.type).toBe('openPage');
    const runtime = ext.runtimes.find((rt: { actions?: { id: string }[] }) => rt.actions?.includes(action));
    expect(runtime.code.page).toBe(`${DEV_BASE}/taskpane.html`);
    expect(existsSync(join(out, 'en-us.json'))).toBe(true);
  });

  it('`office-addin-manifest validate` passes the converted JSON offline, and fails a broken copy', () => {
    const ok = cli('office-addin-manifest', ['validate', join(out, 'manifest.json')]);
    expect(`${ok.stdout}${ok.stderr}`).not.toMatch(/not valid|Error/);
    expect(ok.status).toBe(0);
    const broken = { ...manifest, id: 'not-a-guid' };
    writeFileSync(join(out, 'broken.json'), JSON.stringify(broken));
    const bad = cli('office-addin-manifest', ['validate', join(out, 'broken.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/\/id must match pattern/);
  });
});

describe('deploying to another host (ADDIN_BASE_URL)', () => {
  it('moves every URL under the base and the AppDomain to its origin; the result is still a valid manifest', () => {
    const moved = webpackConfig.rebaseManifest(xml, 'https://kommun.example.se/medborgarloften/');
    expect(moved).not.toContain(DEV_BASE);
    const d = parse(moved);
    expect(all(OFFICE, 'AppDomain', d).map((e) => e.textContent)).toEqual(['https://kommun.example.se']);
    const urls = urlsOf(d).filter((u) => u !== 'https://kommun.example.se');
    expect(urls.length).toBe(urlsOf(doc).length - 1);
    for (const u of urls) expect(u).toMatch(/^https:\/\/kommun\.example\.se\/medborgarloften\/(taskpane|commands)\.html$|^https:\/\/kommun\.example\.se\/medborgarloften\/assets\/icon-\d+\.png$/);
    expect(one(OFFICE, 'SourceLocation', d).getAttribute('DefaultValue')).toBe('https://kommun.example.se/medborgarloften/taskpane.html');
  });

  it('refuses a base that is not an absolute https URL, in Swedish', () => {
    expect(() => webpackConfig.rebaseManifest(xml, 'http://kommun.example.se')).toThrow(/måste börja med https/);
    expect(() => webpackConfig.rebaseManifest(xml, 'kommun.example.se')).toThrow(/ingen giltig adress/);
    expect(webpackConfig.rebaseManifest(xml, '')).toBe(xml);
  });
});
