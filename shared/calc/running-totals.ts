// Running-totals phase: a period's count from a stated running total, and checks that stated totals add up.
import { FINDING } from '../i18n/sv-findings';
import type { Finding, Period } from '../model/follow-up';

/**
 * Turns running totals into period counts ("Sammanlagt fjorton" after 6 and 5 → 3) and checks
 * bracketed running totals ("479 (1019)") against the recomputed sum. Mutates the periods'
 * value/cumulative/approx; returns the findings.
 */
export function reconcileRunningTotals(periods: Period[], labels: string[], fallbackCell: string): Finding[] {
  const out: Finding[] = [];
  let run = 0;
  let runApprox = false;
  let lastStated: number | null = null;
  periods.forEach((p, i) => {
    const cell = p.cell ?? fallbackCell;
    if (p.kind === 'cumulative' && p.statedCumulative !== null) {
      const stated = p.statedCumulative;
      if (stated < run) {
        out.push({ severity: 'error', code: 'cumulative-decrease', cell, message: FINDING.cumulativeDecrease(cell, stated, run) });
        p.value = null;
        p.cumulative = null;
      } else {
        p.value = stated - run;
        p.approx = p.approx || runApprox;
        run = stated;
        p.cumulative = stated;
      }
    } else if (p.value !== null) {
      run += p.value;
      p.cumulative = run;
      if (p.statedCumulative !== null && p.statedCumulative !== run) {
        if (lastStated !== null && p.statedCumulative < lastStated) out.push({ severity: 'error', code: 'cumulative-decrease', cell, message: FINDING.cumulativeDecrease(cell, p.statedCumulative, lastStated) });
        else out.push({ severity: 'error', code: 'cumulative-mismatch', cell, message: FINDING.cumulativeMismatch(cell, p.statedCumulative, run, labels.slice(0, i + 1).join(' + ')) });
      }
    }
    if (p.statedCumulative !== null) lastStated = p.statedCumulative;
    if (p.value !== null && p.approx) runApprox = true;
  });
  return out;
}
