// Test helper: the structured sheet's Totalt / Andel / Förväntat / Status / Beräknad status cells against the core's rule, for any evaluated workbook.
import { computeStatus, computedStatus, statusInputOf } from '../../../shared/calc/status';
import { STATUS_LABEL } from '../../../shared/i18n/sv';
import type { FollowUp } from '../../../shared/model/follow-up';
import { structuredColumns, STRUCTURED_ROWS } from '../../../shared/plan';

type Value = string | number | boolean | null;

/** What the core says each activity's cells must show at `reported` (the Status word with "(bedömd)" where a judgement decides). */
export function expectedCells(f: FollowUp, reported: number | null): { id: string; total: number | null; share: number | null; expected: number | null; status: string; computed: string }[] {
  return f.promises.flatMap((p) =>
    p.activities.map((a) => {
      const input = statusInputOf(a, reported);
      const want = computeStatus(input);
      const judged = !!a.judgement && (want.total === null || a.judgement.source === 'user');
      return {
        id: a.id,
        total: want.total,
        share: want.share,
        expected: want.expected,
        status: judged ? `${STATUS_LABEL[want.status]} (bedömd)` : STATUS_LABEL[want.status],
        computed: STATUS_LABEL[computedStatus(input)],
      };
    }),
  );
}

/** The same cells as a sheet shows them, read by activity ID from `value(row, col)` (blank as null). */
export function shownCells(f: FollowUp, value: (row: number, col: number) => Value): ReturnType<typeof expectedCells> {
  const c = structuredColumns(f.periodLabels.length);
  const blank = (v: Value) => (v === '' || v === null ? null : v);
  const out: ReturnType<typeof expectedCells> = [];
  let row = STRUCTURED_ROWS.firstData;
  for (const p of f.promises) {
    row++;
    for (const a of p.activities) {
      out.push({
        id: String(value(row, c.id)),
        total: blank(value(row, c.total)) as number | null,
        share: blank(value(row, c.share)) as number | null,
        expected: blank(value(row, c.expected)) as number | null,
        status: String(value(row, c.status)),
        computed: String(value(row, c.computedStatus)),
      });
      row++;
      void a;
    }
  }
  return out;
}
