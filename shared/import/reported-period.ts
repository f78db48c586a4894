// Reported-period phase: the setting, else the last period holding data, with a finding when the text says otherwise.
import { FINDING } from '../i18n/sv-findings';
import type { Finding } from '../model/follow-up';
import type { ActivityDraft } from './activities';

/** The period a follow-up reports, and the finding when the stated one contradicts the data. */
export function decideReportedPeriod(
  drafts: ActivityDraft[],
  count: number,
  stated: { period: number | null; cell: string | null },
  override: number | null | undefined,
  periodName: (p: number) => string,
): { reportedPeriod: number | null; finding: Finding | null } {
  if (override != null) return { reportedPeriod: Math.min(Math.max(Math.round(override), 1), count), finding: null };
  let lastData = 0;
  for (const d of drafts) d.activity.periods.forEach((p, i) => { if (p.text.trim() !== '') lastData = Math.max(lastData, i + 1); });
  const reportedPeriod = lastData || stated.period || null;
  if (stated.period && lastData && stated.period !== lastData) {
    return {
      reportedPeriod,
      finding: { severity: 'warning', code: 'period-contradicted', cell: stated.cell, message: FINDING.periodContradicted(stated.cell, periodName(stated.period), periodName(lastData)) },
    };
  }
  return { reportedPeriod, finding: null };
}
