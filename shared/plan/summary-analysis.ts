// Reads the "Sammanfattande analys" cell back from a summary sheet, so a summary made again keeps it and the report prints it.
import { SUMMARY } from '../i18n/sv-plan';
import { cellText, type Grid } from '../model/grid';

/**
 * The text a user wrote in a summary sheet's "Sammanfattande analys" cell (the cell below the
 * heading, in column A), verbatim; null when the sheet has no such heading or the cell is blank.
 * Never throws.
 */
export function readSummaryAnalysis(g: Grid | null | undefined): string | null {
  if (!g) return null;
  for (let i = 0; i < Math.min(g.values.length, 30); i++) {
    if (g.origin.col > 0 || cellText(g, i, 0).trim() !== SUMMARY.analysis) continue;
    const v = g.values[i + 1]?.[0];
    const text = typeof v === 'string' ? v : cellText(g, i + 1, 0);
    return text.trim() === '' ? null : text;
  }
  return null;
}
