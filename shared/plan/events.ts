// Builds the events sheet ("Händelser"): one row per listed event, its period computed from the date by formula.
import { EVENTS, PERIOD_NOUN } from '../i18n/sv-plan';
import { a1, a1Range } from '../model/a1';
import type { FollowUp } from '../model/follow-up';
import type { PlanCell, SheetPlan } from '../model/sheet-plan';
import { sheetPlan } from '../model/sheet-plan';
import { EVENT_COLS, formulaString } from './layout';
import { EVENTS_SHEET } from './names';
import { FORMAT, PLAN_STYLES } from './structured';

const DAY_MS = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

/** ISO date (YYYY-MM-DD) to a spreadsheet date serial (1900 date system, as Excel, Sheets and LibreOffice use). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / DAY_MS);
}

/** Spreadsheet date serial to ISO date (YYYY-MM-DD). */
export function serialToIso(serial: number): string {
  return new Date(EPOCH + Math.round(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The events sheet: activity ID, activity, date (a real date), place, the period computed
 * from the date by formula, the period it is counted under (the column it stood in, which
 * the structured sheet's COUNTIFS read) and a check that flags a date outside that period.
 */
export function planEvents(f: FollowUp): SheetPlan {
  const n = f.periodLabels.length;
  const noun = PERIOD_NOUN[f.periodKind];
  const C = EVENTS.columns;
  const header: PlanCell[] = [C.id, C.activity, C.date, C.place, C.periodFromDate, C.listedPeriod, C.check];
  const values: PlanCell[][] = [header];
  const styles: (string | null)[][] = [header.map(() => 'header')];
  const formats: (string | null)[][] = [header.map(() => null)];
  for (const p of f.promises) {
    for (const a of p.activities) {
      a.periods.forEach((per, k) => {
        for (const e of per.events) {
          const r = values.length;
          const date = a1(r, EVENT_COLS.date);
          const fromDate = a1(r, EVENT_COLS.periodFromDate);
          const listed = a1(r, EVENT_COLS.listedPeriod);
          values.push([
            a.id,
            a.text,
            e.date ? isoToSerial(e.date) : null,
            e.place,
            { f: `=IF(COUNT(${date})=0,"",INT((MONTH(${date})-1)*${n}/12)+1)` },
            k + 1,
            { f: `=IF(OR(${fromDate}="",${fromDate}=${listed}),"",${formulaString(EVENTS.mismatch(noun))}&${fromDate})` },
          ]);
          styles.push(['cell', 'text', 'cell', 'cell', 'formula', 'input', 'formula']);
          formats.push([null, null, FORMAT.date, null, '0', '0', null]);
        }
      });
    }
  }
  const last = values.length - 1;
  const checkRange = a1Range(1, EVENT_COLS.check, Math.max(1, last), 1);
  return sheetPlan({
    name: EVENTS_SHEET,
    kind: 'events',
    blocks: [{ row: 0, col: 0, values, numberFormats: formats, styles }],
    styles: { ...PLAN_STYLES, input: { hAlign: 'center' } },
    columnWidths: [12, 48, 12, 22, 12, 14, 30],
    frozenRows: 1,
    conditionalFormats: [
      { range: checkRange, when: { type: 'formula', formula: `=LEN(${a1(1, EVENT_COLS.check)})>0` }, style: { fill: '#FCE4D6', fontColor: '#833C0B' } },
    ],
    validations: [
      {
        range: a1Range(1, EVENT_COLS.listedPeriod, Math.max(1, last) + 200, 1),
        rule: { type: 'list', values: Array.from({ length: n }, (_, i) => String(i + 1)) },
        allowBlank: true,
        inputMessage: EVENTS.listedInputMessage(n),
      },
    ],
    tabColor: '#548235',
  });
}
