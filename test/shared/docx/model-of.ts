// A follow-up without its cell addresses, for comparing an import from Word with the import of the seed text.
import type { FollowUp } from '../../../shared/model/follow-up';

/** Whitespace as a reader sees it: a cell's paragraphs on lines in Word, one line in the pasted text. */
const sq = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The follow-up without cell addresses (they differ: the pasted text has blank lines between paragraphs). */
export function modelOf(f: FollowUp): unknown {
  return {
    kommun: f.kommun,
    year: f.year,
    reportedPeriod: f.reportedPeriod,
    statedPeriod: f.statedPeriod,
    periodKind: f.periodKind,
    periodLabels: f.periodLabels,
    promises: f.promises.map((p) => ({
      id: p.id,
      text: sq(p.text),
      party: p.party,
      activities: p.activities.map((a) => ({
        id: a.id,
        text: sq(a.text),
        party: a.party,
        unit: a.unit,
        goal: a.goal,
        total: a.total,
        totalLowerBound: a.totalLowerBound,
        share: a.share,
        expected: a.expected,
        status: a.status,
        periods: a.periods.map((x) => ({ ...x, cell: null, text: sq(x.text) })),
      })),
    })),
    tables: f.tables.length,
    findings: f.findings.map((x) => `${x.severity} ${x.code}`).sort(),
  };
}

