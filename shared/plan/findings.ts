// Builds the findings sheet ("Kontroller"): severity, links to the source and structured cells, code, message; then the document's other text.
import { SEVERITY_LABEL } from '../i18n/sv';
import { FINDINGS_SHEET_TEXT, OTHER_TEXT } from '../i18n/sv-plan';
import { a1 } from '../model/a1';
import type { FollowUp } from '../model/follow-up';
import type { PlanCell, PlanLink, SheetPlan } from '../model/sheet-plan';
import { sheetPlan } from '../model/sheet-plan';
import { FINDINGS_SHEET, structuredSheetName } from './names';
import { PLAN_STYLES, isSheetFinding, structuredCellMap } from './structured';

/** Zero-based columns of the findings sheet. */
export const FINDING_COLS = { severity: 0, sourceCell: 1, structuredCell: 2, code: 3, message: 4, width: 5 } as const;

const SEVERITY_STYLE = { error: 'sevError', warning: 'sevWarning', info: 'sevInfo' } as const;

/** The text of a source table's row in the other-text section: its title (if any) on the first line, then its headers. */
export function tableText(t: FollowUp['tables'][number]): string {
  const headers = t.headers.join(' | ');
  return t.title ? `${t.title}\n${headers}` : headers;
}

/**
 * Appends the section "Övrig text från underlaget": every note of the follow-up (document text
 * that is neither promise nor table content) verbatim with its source cell, then each source
 * table's title and headers; cells link to the source sheet when its name is known.
 */
function otherTextSection(f: FollowUp, values: PlanCell[][], styles: (string | null)[][], links: PlanLink[]): void {
  const push = (row: PlanCell[], style: (string | null)[]) => {
    values.push(row);
    styles.push(style);
    return values.length - 1;
  };
  const item = (kind: string, cell: string | null, text: string) => {
    const r = push([kind, cell, null, null, text], ['cell', 'cell', null, null, 'text']);
    if (cell && f.sheetName) links.push({ cell: a1(r, FINDING_COLS.sourceCell), text: cell, sheet: f.sheetName, target: cell });
  };
  push([null, null, null, null, null], [null, null, null, null, null]);
  push([OTHER_TEXT.heading, null, null, null, null], ['heading', null, null, null, null]);
  push([OTHER_TEXT.intro, null, null, null, null], ['hint', null, null, null, null]);
  const C = OTHER_TEXT.columns;
  push([C.kind, C.sourceCell, null, null, C.text], ['header', 'header', 'header', 'header', 'header']);
  for (const n of f.notes) item(OTHER_TEXT.note, n.cell, n.text);
  for (const t of f.tables) item(OTHER_TEXT.table, t.cell, tableText(t));
  if (!f.notes.length && !f.tables.length) push([OTHER_TEXT.none, null, null, null, null], ['hint', null, null, null, null]);
}

/**
 * The findings sheet: one row per finding with its severity word, the source cell (a link
 * to the imported sheet when its name is known), the structured sheet's cell that shows it
 * (a link; for an update's findings, which name the structured sheet's cell, only that), the finding's code and its Swedish message; below them the section "Övrig text
 * från underlaget" (the document's other text and table headers, verbatim, with source cells).
 */
export function planFindings(f: FollowUp): SheetPlan {
  const C = FINDINGS_SHEET_TEXT.columns;
  const header: PlanCell[] = [C.severity, C.sourceCell, C.structuredCell, C.code, C.message];
  const values: PlanCell[][] = [header];
  const styles: (string | null)[][] = [header.map(() => 'header')];
  const links: PlanLink[] = [];
  const map = structuredCellMap(f);
  const structured = structuredSheetName(f.year);
  for (const fd of f.findings) {
    const r = values.length;
    // An update's findings name the structured sheet's own cell, not the source's.
    const own = isSheetFinding(fd);
    const source = own ? null : fd.cell;
    const target = own ? fd.cell : fd.cell ? map.get(fd.cell) ?? null : null;
    values.push([SEVERITY_LABEL[fd.severity], source, target, fd.code, fd.message]);
    styles.push([SEVERITY_STYLE[fd.severity], 'cell', 'cell', 'cell', 'text']);
    if (source && f.sheetName) links.push({ cell: a1(r, FINDING_COLS.sourceCell), text: source, sheet: f.sheetName, target: source });
    if (target) links.push({ cell: a1(r, FINDING_COLS.structuredCell), text: target, sheet: structured, target });
  }
  if (!f.findings.length) {
    values.push([FINDINGS_SHEET_TEXT.none, null, null, null, null]);
    styles.push(['hint', null, null, null, null]);
  }
  otherTextSection(f, values, styles, links);
  return sheetPlan({
    name: FINDINGS_SHEET,
    kind: 'findings',
    blocks: [{ row: 0, col: 0, values, styles }],
    styles: {
      ...PLAN_STYLES,
      sevError: { bold: true, fill: '#FFC7CE', fontColor: '#9C0006', vAlign: 'top' },
      sevWarning: { bold: true, fill: '#FFEB9C', fontColor: '#9C5700', vAlign: 'top' },
      sevInfo: { fill: '#DDEBF7', fontColor: '#1F4E78', vAlign: 'top' },
      heading: { bold: true, fontSize: 12 },
    },
    columnWidths: [12, 14, 20, 24, 90],
    frozenRows: 1,
    links,
    tabColor: '#C65911',
  });
}
