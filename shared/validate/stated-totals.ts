// Stated totals (an "Utfall totalt"/"Totalt"/"Summa" column, a "Summa"/"Totalt" row) checked against the sum of the imported counts.
import { FINDING } from '../i18n/sv-findings';
import type { Activity, Finding, FollowUp } from '../model/follow-up';
import type { RawTable } from '../import/structure';

/** A whole number as a stated total writes it ("24", "1 817"), or null for anything else. */
export function statedNumber(text: string): number | null {
  const t = text.replace(/[\s\u00A0\u202F]+/g, ' ').trim();
  return /^\d{1,3}(?: \d{3})+$|^\d+$/.test(t) ? Number(t.replace(/ /g, '')) : null;
}

/** The sum of an activity's period counts, or null when it has none or one is approximate. */
function countSum(a: Activity, only?: number): { sum: number; periods: number[] } | null {
  let sum = 0;
  const periods: number[] = [];
  for (let i = 0; i < a.periods.length; i++) {
    if (only !== undefined && i !== only) continue;
    const p = a.periods[i];
    if (p.value === null) continue;
    if (p.approx || p.lowerBound) return null;
    sum += p.value;
    periods.push(i);
  }
  return periods.length ? { sum, periods } : null;
}

/**
 * Findings for stated totals that differ from the sum of the counts: a row's total column
 * against its periods, and a sums row against the activities above it (per period and in
 * total), each naming the stated cell. Approximate counts and rows the importer merged away
 * are not checked. Pure; never throws.
 */
export function checkStatedTotals(f: FollowUp, tables: RawTable[]): Finding[] {
  const out: Finding[] = [];
  const byCell = new Map<string, Activity>();
  for (const p of f.promises) for (const a of p.activities) if (a.cell) byCell.set(a.cell, a);
  const labels = f.periodLabels;
  for (const table of tables) {
    const acts = table.rows.map((r) => (r.activity ? byCell.get(r.activity.cell) : undefined));
    table.rows.forEach((row, i) => {
      const a = acts[i];
      const stated = row.statedTotal ? statedNumber(row.statedTotal.text) : null;
      if (!a || stated === null || !row.statedTotal) return;
      const s = countSum(a);
      if (!s || s.sum === stated) return;
      const cell = row.statedTotal.cell;
      out.push({ severity: 'warning', code: 'stated-total-mismatch', cell, message: FINDING.statedTotalMismatch(cell, stated, s.sum, s.periods.map((k) => labels[k] ?? String(k + 1)).join(' + ')) });
    });
    if (!table.statedTotalRows.length || acts.some((a) => !a)) continue;
    const rowsLabel = [acts[0]?.cell, acts[acts.length - 1]?.cell].filter(Boolean).join('–');
    for (const total of table.statedTotalRows) {
      const check = (cell: string, stated: number, only: number | undefined, column: string) => {
        let sum = 0;
        for (const a of acts as Activity[]) {
          const s = countSum(a, only);
          if (s === null && a.periods.some((p, k) => (only === undefined || k === only) && p.value !== null)) return;
          sum += s?.sum ?? 0;
        }
        if (sum !== stated) out.push({ severity: 'warning', code: 'stated-total-mismatch', cell, message: FINDING.statedSumMismatch(cell, stated, sum, column, rowsLabel) });
      };
      total.periods.forEach((c, k) => {
        const stated = c ? statedNumber(c.text) : null;
        if (c && stated !== null) check(c.cell, stated, k, labels[k] ?? String(k + 1));
      });
      const st = total.statedTotal;
      const stated = st ? statedNumber(st.text) : null;
      if (st && stated !== null) check(st.cell, stated, undefined, 'totalt');
    }
  }
  return out;
}
