// Builds the activity sheet of the roll-up ("Aktiviteter per tema"): one row per activity with a list-validated Tema the user may correct.
import { STATUS_LABEL } from '../i18n/sv';
import { ROLLUP_ACTIVITIES, ROLLUP_SHEET, THEME_LABEL, THEME_SOURCE_LABEL } from '../i18n/sv-rollup';
import { THEME_IDS } from '../lexicon/sv-themes';
import { a1Range } from '../model/a1';
import type { PlanCell, SheetPlan } from '../model/sheet-plan';
import { sheetPlan } from '../model/sheet-plan';
import { FORMAT, PLAN_STYLES, totalFormat } from '../plan/structured';
import { ACTIVITY_COLS as C, ACTIVITY_ROWS } from './layout';
import type { RollupActivity, RollupData } from './rollup-data';

/** The activity's row: what it is, its theme (Tema, the lexicon's suggestion and the word behind it), goal, total, status, and the target the theme tables sum. */
function activityRow(a: RollupActivity): PlanCell[] {
  const row: PlanCell[] = Array<PlanCell>(C.width).fill(null);
  row[C.nr] = a.nr;
  row[C.kommun] = a.kommun;
  row[C.promise] = a.promise;
  row[C.id] = a.id;
  row[C.activity] = a.text;
  row[C.theme] = THEME_LABEL[a.theme];
  row[C.suggestion] = THEME_LABEL[a.suggested];
  row[C.word] = ROLLUP_ACTIVITIES.word(a.word, a.byUser ? `${THEME_SOURCE_LABEL[a.suggestedFrom]}; ${THEME_SOURCE_LABEL.user}` : THEME_SOURCE_LABEL[a.suggestedFrom]);
  row[C.goal] = a.goalText || null;
  row[C.target] = a.target;
  row[C.total] = a.total;
  row[C.status] = STATUS_LABEL[a.status];
  row[C.sumTarget] = a.sumTarget;
  return row;
}

/**
 * The activity sheet: title, a hint, the header (Nr | Kommun | Löfte | ID | Aktivitet | Tema |
 * Förslag från ordlistan | Ordet som gav förslaget | Mål | Målvärde | Totalt | Status | Mål i
 * summan), then one row per activity. Tema is an input
 * cell with a list of the themes; the roll-up sheet's theme tables count it with COUNTIFS and
 * SUMIFS, so a correction there recomputes them, and `readRollupThemes` reads it back.
 */
export function planRollupActivities(data: RollupData): SheetPlan {
  const width = C.width;
  const header: PlanCell[] = Array<PlanCell>(width).fill(null);
  for (const [key, label] of Object.entries(ROLLUP_ACTIVITIES.columns)) header[C[key as keyof typeof ROLLUP_ACTIVITIES.columns]] = label;
  const pad = (cells: PlanCell[]) => [...cells, ...Array<PlanCell>(width - cells.length).fill(null)];
  const values: PlanCell[][] = [pad([ROLLUP_ACTIVITIES.title]), pad([ROLLUP_ACTIVITIES.hint]), header];
  const styles: (string | null)[][] = [Array(width).fill('title'), Array(width).fill('hint'), Array(width).fill('header')];
  const formats: (string | null)[][] = [Array(width).fill(null), Array(width).fill(null), Array(width).fill(null)];
  // Only cells that look different carry a style: 8 700 activity rows of default cells write much faster.
  const rowStyle: (string | null)[] = Array(width).fill(null);
  rowStyle[C.theme] = 'input';
  rowStyle[C.suggestion] = 'muted';
  rowStyle[C.word] = 'muted';
  const rowFormat: (string | null)[] = Array(width).fill(null);
  rowFormat[C.target] = FORMAT.target;
  rowFormat[C.sumTarget] = FORMAT.target;
  rowFormat[C.total] = FORMAT.count;
  for (const a of data.activities) {
    values.push(activityRow(a));
    styles.push(rowStyle.slice());
    const f = rowFormat.slice();
    f[C.total] = totalFormat(a);
    formats.push(f);
  }
  if (!data.activities.length) {
    values.push(pad([null, ROLLUP_ACTIVITIES.none]));
    styles.push(Array(width).fill('hint'));
    formats.push(Array(width).fill(null));
  }
  const count = Math.max(1, data.activities.length);
  return sheetPlan({
    name: ROLLUP_SHEET.activities,
    kind: 'summary',
    blocks: [{ row: 0, col: 0, values, styles, numberFormats: formats }],
    styles: { ...PLAN_STYLES, input: { fill: '#FFF2CC', bold: true }, muted: { fontColor: '#595959' } },
    columnWidths: [5, 22, 30, 6, 50, 24, 20, 28, 24, 10, 10, 14, 10],
    frozenRows: ACTIVITY_ROWS.firstData,
    merges: [a1Range(ACTIVITY_ROWS.hint, 0, 1, 8)],
    validations: [
      {
        range: a1Range(ACTIVITY_ROWS.firstData, C.theme, count, 1),
        rule: { type: 'list', values: THEME_IDS.map((t) => THEME_LABEL[t]) },
        allowBlank: false,
        inputTitle: ROLLUP_ACTIVITIES.themeInputTitle,
        inputMessage: ROLLUP_ACTIVITIES.themeInputMessage,
        errorMessage: ROLLUP_ACTIVITIES.themeError,
      },
    ],
    tabColor: '#548235',
  });
}
