// Where things sit on the structured and events sheets: shared by the plan builders and readStructured.
import { a1, columnLetters, quoteSheet } from '../model/a1';

/** Zero-based rows of the structured sheet's header block. */
export const STRUCTURED_ROWS = {
  title: 0,
  kommun: 1,
  year: 2,
  reported: 3,
  periodNumbers: 4,
  header: 5,
  firstData: 6,
} as const;

/** Cell (label in D1, value in E1) of the reported period the last import gave: Uppdatera tells a user's change of the period from the importer's. */
export const IMPORTED_PERIOD_ROW = 0;

/** Column of the header block's values (labels are in column A, values in B; extra facts in D/E). */
export const HEADER_VALUE_COL = 1;
export const HEADER_EXTRA_LABEL_COL = 3;
export const HEADER_EXTRA_VALUE_COL = 4;

/** A1 address of the reported-period cell ("B4"). */
export const REPORTED_CELL = a1(STRUCTURED_ROWS.reported, HEADER_VALUE_COL);
/** Absolute form used by every formula ("$B$4"). */
export const REPORTED_REF = `$${columnLetters(HEADER_VALUE_COL)}$${STRUCTURED_ROWS.reported + 1}`;

/** Zero-based columns of the structured table for `n` periods. */
export interface StructuredColumns {
  n: number;
  id: number;
  promise: number;
  activity: number;
  party: number;
  op: number;
  target: number;
  unit: number;
  /** First period count column; period k (1-based) is at periodStart + k − 1. */
  periodStart: number;
  total: number;
  share: number;
  expected: number;
  /** The status shown: the judgement's where one decides ("Uppnått (bedömd)"), else the computed one. */
  status: number;
  /** "Beräknad status": what the counts alone give, kept visible beside a judged status. */
  computedStatus: number;
  /** The judgement (list: Uppnått … Inställd); the Status formula uses it where no count is reported. */
  judgement: number;
  /** The source's own status cell, verbatim (kept, not counted). */
  sourceStatus: number;
  /** Comments: the source's, one per line, and the user's own. */
  comment: number;
  /** First kept-text column; period k at textStart + k − 1. */
  textStart: number;
  findings: number;
  rate: number;
  places: number;
  phrase: number;
  goalSource: number;
  sourceCell: number;
  /** The words the judgement was read from ("kan anses vara uppfyllt"). */
  judgementPhrase: number;
  /**
   * Where judgement, own status and comments came from, one fact per line: the importer's
   * suggested judgement, the judgement's and own status's source cells, and which lines of
   * Kommentar came from which source cell (see activity-text.ts).
   */
  origin: number;
  /**
   * "Förslag": the label of the judgement the importer suggested (blank when none). A Bedömning
   * equal to it is the suggestion kept, which never overrides a count; any other is the user's.
   */
  suggestion: number;
  /** "Importerat": what the last import wrote in the row, as JSON (see imported.ts); used by Uppdatera. */
  imported: number;
  /** Number of columns in all. */
  width: number;
}

/** The structured table's columns for a follow-up with `n` periods. */
export function structuredColumns(n: number): StructuredColumns {
  const periodStart = 7;
  const total = periodStart + n;
  const textStart = total + 8;
  const findings = textStart + n;
  return {
    n,
    id: 0,
    promise: 1,
    activity: 2,
    party: 3,
    op: 4,
    target: 5,
    unit: 6,
    periodStart,
    total,
    share: total + 1,
    expected: total + 2,
    status: total + 3,
    computedStatus: total + 4,
    judgement: total + 5,
    sourceStatus: total + 6,
    comment: total + 7,
    textStart,
    findings,
    rate: findings + 1,
    places: findings + 2,
    phrase: findings + 3,
    goalSource: findings + 4,
    sourceCell: findings + 5,
    judgementPhrase: findings + 6,
    origin: findings + 7,
    suggestion: findings + 8,
    imported: findings + 9,
    width: findings + 10,
  };
}

/** Zero-based columns of the events sheet (header in row 0, events from row 1). */
export const EVENT_COLS = { id: 0, activity: 1, date: 2, place: 3, periodFromDate: 4, listedPeriod: 5, check: 6, width: 7 } as const;

/** Last row (1-based) the structured sheet's COUNTIFS read on the events sheet: room for events users add. */
export function eventsLastRow(eventCount: number): number {
  return Math.max(1000, eventCount * 2 + 200);
}

/** Absolute column range on the events sheet, e.g. 'Händelser'!$A$2:$A$1000. */
export function eventsRange(sheet: string, col: number, lastRow: number): string {
  const L = columnLetters(col);
  return `${quoteSheet(sheet)}!$${L}$2:$${L}$${lastRow}`;
}

/** A text as a formula string literal ("…" with inner quotes doubled). */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
