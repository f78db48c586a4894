// Test helper: a HyperFormula (GPL-3.0 test oracle) calculation engine for the Excel fake, so read-backs hold computed values.
import { HyperFormula } from 'hyperformula';
import type { FakeValue } from '../support/excel-fake';

/** Evaluates every sheet's formulas across sheets; text cells are kept as text. */
export function hyperFormulaEvaluator(sheets: Record<string, (FakeValue | { f: string })[][]>): Record<string, FakeValue[][]> {
  const input: Record<string, (string | number | boolean | null)[][]> = {};
  for (const [name, rows] of Object.entries(sheets)) {
    input[name] = rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? c.f : typeof c === 'string' ? `'${c}` : c)));
  }
  const hf = HyperFormula.buildFromSheets(input, { licenseKey: 'gpl-v3', smartRounding: false });
  const out: Record<string, FakeValue[][]> = {};
  for (const name of Object.keys(sheets)) {
    const id = hf.getSheetId(name)!;
    out[name] = sheets[name].map((row, r) =>
      row.map((_, c) => {
        const v = hf.getCellValue({ sheet: id, row: r, col: c });
        return v !== null && typeof v === 'object' ? '#VALUE!' : (v as FakeValue);
      }),
    );
  }
  hf.destroy();
  return out;
}
