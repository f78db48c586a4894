// Where things sit on the roll-up sheets: shared by the plan builders, the theme formulas and readRollupThemes.
import { columnLetters, quoteSheet } from '../model/a1';
import { ROLLUP_SHEET } from '../i18n/sv-rollup';

/** Zero-based columns of the activity sheet ("Aktiviteter per tema"). */
export const ACTIVITY_COLS = {
  nr: 0,
  kommun: 1,
  promise: 2,
  id: 3,
  activity: 4,
  theme: 5,
  suggestion: 6,
  word: 7,
  goal: 8,
  target: 9,
  total: 10,
  status: 11,
  /** The target the theme sums count (a minst/exakt goal's), blank otherwise. */
  sumTarget: 12,
  width: 13,
} as const;

/** Zero-based rows of the activity sheet: title, hint, header, then one row per activity. */
export const ACTIVITY_ROWS = { title: 0, hint: 1, header: 2, firstData: 3 } as const;

/** Absolute range of one activity-sheet column over `count` activity rows (at least one row), e.g. 'Aktiviteter per tema'!$F$4:$F$90. */
export function activityRange(col: number, count: number): string {
  const L = columnLetters(col);
  const first = ACTIVITY_ROWS.firstData + 1;
  return `${quoteSheet(ROLLUP_SHEET.activities)}!$${L}$${first}:$${L}$${first + Math.max(1, count) - 1}`;
}

/** Zero-based columns of the kommun table on the roll-up sheet; status k (STATUS_ORDER) at firstStatus + k. */
export const KOMMUN_COLS = {
  nr: 0,
  kommun: 1,
  year: 2,
  period: 3,
  activities: 4,
  firstStatus: 5,
  withGoal: 12,
  metGoal: 13,
  metShare: 14,
  bar: 15,
  errors: 16,
  warnings: 17,
  source: 18,
  width: 19,
} as const;

/** Zero-based columns of a theme table on the roll-up sheet. */
export const THEME_COLS = { nr: 0, kommun: 1, activities: 2, withGoal: 3, metGoal: 4, target: 5, outcome: 6, share: 7, bar: 8, width: 9 } as const;
