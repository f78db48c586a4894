// Builds the findings sheet ("Kontroller"): severity, links to the source and structured cells, code, message.
import { SEVERITY_LABEL } from '../i18n/sv';
import { FINDINGS_SHEET_TEXT } from '../i18n/sv-plan';
import { a1 } from '../model/a1';
import type { FollowUp } from '../model/follow-up';
import type { PlanCell, PlanLink, SheetPlan } from '../model/sheet-plan';
import { sheetPlan } from '../model/sheet-plan';
import { FINDINGS_SHEET, structuredSheetName } from './names';
import { PLAN_STYLES, structuredCellMap } from './structured';

/** Zero-based columns of the findings sheet. */
export const FINDING_COLS = { severity: 0, sourceCell: 1, structuredCell: 2, code: 3, message: 4, width: 5 } as const;

const SEVERITY_STYLE = { error: 'sevError', warning: 'sevWarning', info: 'sevInfo' } as const;

/**
 * The findings sheet: one row per finding with its severity word, the source cell (a link
 * to the imported sheet when its name is known), the structured sheet's cell that shows it
 * (a link), the finding's code and its Swedish message.
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
    const target = fd.cell ? map.get(fd.cell) ?? null : null;
    values.push([SEVERITY_LABEL[fd.severity], fd.cell, target, fd.code, fd.message]);
    styles.push([SEVERITY_STYLE[fd.severity], 'cell', 'cell', 'cell', 'text']);
    if (fd.cell && f.sheetName) links.push({ cell: a1(r, FINDING_COLS.sourceCell), text: fd.cell, sheet: f.sheetName, target: fd.cell });
    if (target) links.push({ cell: a1(r, FINDING_COLS.structuredCell), text: target, sheet: structured, target });
  }
  if (!f.findings.length) {
    values.push([FINDINGS_SHEET_TEXT.none, null, null, null, null]);
    styles.push(['hint', null, null, null, null]);
  }
  return sheetPlan({
    name: FINDINGS_SHEET,
    kind: 'findings',
    blocks: [{ row: 0, col: 0, values, styles }],
    styles: {
      ...PLAN_STYLES,
      sevError: { bold: true, fill: '#FFC7CE', fontColor: '#9C0006', vAlign: 'top' },
      sevWarning: { bold: true, fill: '#FFEB9C', fontColor: '#9C5700', vAlign: 'top' },
      sevInfo: { fill: '#DDEBF7', fontColor: '#1F4E78', vAlign: 'top' },
    },
    columnWidths: [12, 14, 20, 24, 90],
    frozenRows: 1,
    links,
    tabColor: '#C65911',
  });
}
