// Reads @types/office-js and lists, per Excel class, each member's kind and the ExcelApi requirement set its reference marks ("[Api set: ExcelApi 1.x]").
import { readFileSync } from 'fs';
import { join } from 'path';

/** m = method, n = navigation property (returns a proxy object), p = scalar property; then the lowest ExcelApi minor version ("1.8" → 8). */
export type MemberInfo = [kind: 'm' | 'n' | 'p', minor: number];
/** Class name → member name → kind and requirement set. */
export type ApiSetTable = Record<string, Record<string, MemberInfo>>;

/** Path of the Office.js type declarations the table is derived from. */
export const OFFICE_DTS = join(__dirname, '..', '..', 'node_modules', '@types', 'office-js', 'index.d.ts');

/**
 * Parses the `Excel` namespace of @types/office-js (the first one, the ExcelApi reference; the
 * later copies are other hosts' namespaces): every class deriving from OfficeExtension.ClientObject,
 * every member with its JSDoc "[Api set: ExcelApi 1.x]". Members without an ExcelApi tag (preview,
 * ExcelApiOnline only, the common `load`/`toJSON`/`track`) are marked with the set of their class's
 * lowest member, except preview/online-only ones, which get 99 (never supported by a profile).
 */
export function parseExcelApiSets(text: string = readFileSync(OFFICE_DTS, 'utf8')): ApiSetTable {
  const start = text.indexOf('declare namespace Excel {');
  const end = text.indexOf('\ndeclare namespace ', start + 10);
  const lines = text.slice(start, end).split('\n');
  const classes = new Set<string>();
  for (const l of lines) {
    const m = /^ {4}class (\w+) extends OfficeExtension\.ClientObject\b/.exec(l);
    if (m) classes.add(m[1]);
  }
  const table: ApiSetTable = {};
  let current: string | null = null;
  let doc: string[] = [];
  for (const l of lines) {
    const cls = /^ {4}class (\w+) extends OfficeExtension\.ClientObject\b/.exec(l);
    if (cls) {
      current = cls[1];
      table[current] = {};
      doc = [];
      continue;
    }
    if (/^ {4}\S/.test(l)) {
      current = null;
      continue;
    }
    if (!current) continue;
    if (/^ {8}\/\*\*/.test(l)) doc = [];
    if (/^ {8}(\/\*\*| \*)/.test(l)) {
      doc.push(l);
      continue;
    }
    const mem = /^ {8}(?:readonly )?(\w+)(\??)(\(|<|: )(.*)$/.exec(l);
    if (!mem) continue;
    const [, name, , sep, rest] = mem;
    if (name === 'context') continue;
    const tag = doc.join('\n').match(/\[Api set: ExcelApi (\d+)\.(\d+)/);
    const other = /\[Api set: (ExcelApiOnline|ExcelApi BETA)/.test(doc.join('\n'));
    const minor = tag ? Number(tag[2]) : other ? 99 : 1;
    let kind: MemberInfo[0];
    if (sep === '(' || sep === '<') kind = 'm';
    else {
      const type = /^Excel\.(\w+);/.exec(rest);
      kind = type && classes.has(type[1]) ? 'n' : 'p';
    }
    const prev = table[current][name];
    table[current][name] = prev ? [prev[0], Math.min(prev[1], minor)] : [kind, minor];
    doc = [];
  }
  return table;
}

/** The table as the TypeScript source of test/support/excel-api-sets.ts (browser-safe data the fake imports). */
export function apiSetsSource(table: ApiSetTable = parseExcelApiSets()): string {
  const body = Object.keys(table)
    .sort()
    .map((c) => `  ${c}: ${JSON.stringify(Object.fromEntries(Object.keys(table[c]).sort().map((k) => [k, table[c][k]])))},`)
    .join('\n');
  return `// Generated from @types/office-js by \`npx tsx test/support/office-api-sets.ts\`: per Excel class, each member's kind (m method, n navigation, p property) and ExcelApi minor version.\n/* eslint-disable */\nexport const EXCEL_API_SETS: Record<string, Record<string, ['m' | 'n' | 'p', number]>> = {\n${body}\n};\n`;
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('fs').writeFileSync(join(__dirname, 'excel-api-sets.ts'), apiSetsSource());
}
