// Headless LibreOffice for tests: a throwaway profile that forces recalculation on load, conversion to CSV (all sheets) / PDF / PNG.
// Read a PDF's text with test/support/pdf-text.ts (words in order, whatever the fonts and line breaks).
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, extname, join } from 'path';

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Path of soffice, or null when LibreOffice is not installed. */
export function sofficePath(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const p = r.stdout.trim().split('\n')[0];
  return p ? p : null;
}

/**
 * Whether LibreOffice tests should run. In CI (CI=true) a missing soffice is a failure (throws);
 * locally the caller skips with a visible message.
 */
export function libreOfficeAvailable(what: string): boolean {
  if (sofficePath()) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`LibreOffice (soffice) saknas men krävs i CI för: ${what}`);
  }
  process.stderr.write(`\n[hoppar över] ${what}: LibreOffice (soffice) är inte installerat.\n`);
  return false;
}

/**
 * soffice's environment: the machine's locale must not matter. LibreOffice takes its locale (number
 * formats) and the encoding of the file names it writes from LC_ALL/LANG: under LANG=C a sheet
 * named "Händelser" became a Latin-1 file name, and under a locale the machine has not generated
 * (say sv_SE.UTF-8) the CSV files of sheets with å/ä/ö in their names were not written at all.
 * C.UTF-8 is built into glibc (Debian, Ubuntu) and means en-US formats and UTF-8 file names.
 */
const SOFFICE_ENV: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

/** A LibreOffice session with its own profile directory (one per process: concurrent soffice runs must not share one). */
export class LibreOffice {
  readonly dir: string;
  private readonly profile: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'lo-test-'));
    this.profile = join(this.dir, 'profile');
    mkdirSync(join(this.profile, 'user'), { recursive: true });
    writeFileSync(join(this.profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  }

  /** Converts `file` with a filter (e.g. "pdf", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"); returns the output paths. */
  convert(file: string, filter: string, outDir = join(this.dir, 'out')): string[] {
    mkdirSync(outDir, { recursive: true });
    const before = new Set(readdirSync(outDir));
    execFileSync(
      sofficePath() as string,
      ['--headless', '--norestore', '--nologo', `-env:UserInstallation=file://${this.profile}`, '--convert-to', filter, '--outdir', outDir, file],
      { stdio: 'pipe', timeout: 120_000, env: SOFFICE_ENV },
    );
    const made = readdirSync(outDir).filter((f) => !before.has(f) || f.startsWith(basename(file, extname(file))));
    if (!made.length) throw new Error(`LibreOffice skrev ingen fil för ${file} (${filter}).`);
    return made.map((f) => join(outDir, f));
  }

  /**
   * Recalculates an .xlsx and returns every sheet as CSV text keyed by sheet name (UTF-8, comma,
   * values as shown, formulas evaluated). LibreOffice writes one file per sheet: NAME-SHEET.csv.
   */
  xlsxToCsvSheets(xlsx: string, sheetNames: string[]): Record<string, string> {
    const outDir = mkdtempSync(join(this.dir, 'csv-'));
    // 44 = comma, 34 = quote, 76 = UTF-8, 1 = start row; token 9 "false" = raw values instead of formatted; -1 = all sheets.
    this.convert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', outDir);
    // File names as bytes: should soffice still write them in Latin-1 (no C.UTF-8 on the machine), they are found all the same.
    const files = readdirSync(outDir, { encoding: 'buffer' });
    const stem = basename(xlsx, extname(xlsx));
    const out: Record<string, string> = {};
    for (const name of sheetNames) {
      const want = `${stem}-${name}.csv`;
      const f = files.find((x) => x.equals(Buffer.from(want, 'utf8')) || x.equals(Buffer.from(want, 'latin1')));
      if (f) out[name] = readFileSync(Buffer.concat([Buffer.from(`${outDir}/`), f]), 'utf8');
    }
    if (sheetNames.length === 1 && !Object.keys(out).length && files.length === 1) out[sheetNames[0]] = readFileSync(Buffer.concat([Buffer.from(`${outDir}/`), files[0]]), 'utf8');
    return out;
  }

  /** Converts a document (docx, xlsx) to PDF; returns the PDF path. */
  toPdf(file: string): string {
    const outDir = mkdtempSync(join(this.dir, 'pdf-'));
    const pdf = this.convert(file, 'pdf', outDir).find((p) => p.endsWith('.pdf'));
    if (!pdf || !existsSync(pdf)) throw new Error(`Ingen PDF för ${file}.`);
    return pdf;
  }

  /** Removes the profile and all outputs. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Renders the first `pages` pages of a PDF to PNG at `dpi`; returns the PNG paths. For pictures only: pixels depend on the fonts, so never assert on them. */
export function pdfToPngs(pdf: string, outPrefix: string, dpi = 60, pages = 1): string[] {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', String(pages), pdf, outPrefix]);
  const dir = join(outPrefix, '..');
  const stem = basename(outPrefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(stem) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** Parses CSV text (RFC 4180: quotes, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
