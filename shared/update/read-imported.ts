// Reads a structured sheet's "Importerat" cells and its "Inläst period" cell back: what the last import wrote, for Uppdatera.
import { STRUCTURED } from '../i18n/sv-plan';
import { cellText, type CellValue, type Grid } from '../model/grid';
import type { ImportedRecord } from '../plan/imported';
import { HEADER_EXTRA_LABEL_COL, HEADER_EXTRA_VALUE_COL, IMPORTED_PERIOD_ROW, structuredColumns } from '../plan/layout';

/** What readImported finds: per activity ID the "Importerat" record and the "Förslag" label, and the reported period the last import gave (undefined: the sheet has no such cell). */
export interface ImportedState {
  period: number | null | undefined;
  records: Record<string, ImportedRecord>;
  suggestions: Record<string, string>;
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const strs = (x: unknown, n: number): string[] => Array.from({ length: n }, (_, i) => (Array.isArray(x) ? str(x[i]) : ''));

/** Reads an "Importerat" cell back; null when it is blank or not a record (edited away). */
export function parseImportedCell(text: string, periods: number): ImportedRecord | null {
  if (!text.trim().startsWith('{')) return null;
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    if (o.v !== 1 || !Array.isArray(o.c)) return null;
    const c = o.c as unknown[];
    return {
      text: str(o.a),
      party: str(o.p),
      goal: str(o.m),
      unit: str(o.u),
      counts: Array.from({ length: periods }, (_, i) => (typeof c[i] === 'number' && Number.isFinite(c[i]) ? (c[i] as number) : null)),
      texts: strs(o.t, periods),
      events: strs(o.e, periods),
      sourceStatus: str(o.s),
    };
  } catch {
    return null;
  }
}

function numberOf(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return null;
}

/**
 * The "Importerat" records and "Förslag" labels of a structured sheet (by the row's ID) and its
 * "Inläst period" cell. Columns are found by their headers, as readStructured finds them; a sheet
 * made before the columns existed gives none (an update then treats every filled cell as the
 * user's). Never throws.
 */
export function readImported(g: Grid): ImportedState {
  const out: ImportedState = { period: undefined, records: {}, suggestions: {} };
  const at = (r: number, c: number) => cellText(g, r - g.origin.row, c - g.origin.col);
  const raw = (r: number, c: number): CellValue => g.values[r - g.origin.row]?.[c - g.origin.col] ?? null;
  const last = g.origin.row + g.values.length;
  const C = STRUCTURED.columns;
  let header = -1;
  for (let r = g.origin.row; r < Math.min(last, g.origin.row + 60) && header < 0; r++) if (at(r, 0).trim() === C.id && at(r, 2).trim() === C.activity) header = r;
  if (header < 0) return out;
  if (at(IMPORTED_PERIOD_ROW, HEADER_EXTRA_LABEL_COL).trim() === STRUCTURED.importedPeriod) out.period = numberOf(raw(IMPORTED_PERIOD_ROW, HEADER_EXTRA_VALUE_COL));
  const width = g.origin.col + (g.values[header - g.origin.row]?.length ?? 0);
  let col = -1;
  let sug = -1;
  let periods = 0;
  let seenTotal = false;
  for (let c = 0; c < width; c++) {
    const t = at(header, c).trim();
    if (t === C.imported) col = c;
    if (t === C.suggestion) sug = c;
    if (t === C.total) seenTotal = true;
    if (!seenTotal && c >= structuredColumns(1).periodStart && t) periods++;
  }
  for (let r = header + 1; r < last; r++) {
    const id = at(r, 0).trim();
    if (!id) continue;
    const rec = col < 0 ? null : parseImportedCell(at(r, col), Math.max(1, periods));
    if (rec) out.records[id] = rec;
    const label = sug < 0 ? '' : at(r, sug).trim();
    if (label) out.suggestions[id] = label;
  }
  return out;
}
