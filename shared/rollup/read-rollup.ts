// Reads the roll-up's activity sheet back (as a host hands it over, possibly edited): the themes users chose in its Tema column; never throws.
import { ROLLUP_ACTIVITIES, ROLLUP_READ, THEME_LABEL } from '../i18n/sv-rollup';
import { THEME_IDS, type ThemeId } from '../lexicon/sv-themes';
import { a1 } from '../model/a1';
import type { Finding } from '../model/follow-up';
import { cellText, type Grid } from '../model/grid';
import { ACTIVITY_COLS } from './layout';
import type { ThemeOverride } from './rollup-data';

const BY_LABEL = new Map<string, ThemeId>(THEME_IDS.map((t) => [THEME_LABEL[t].toLowerCase(), t]));

/** The theme a cell's text names ("trafik", "Krog och alkohol"), case and spacing aside; undefined when it names none. */
export function themeOfLabel(text: string): ThemeId | undefined {
  return BY_LABEL.get(text.replace(/\s+/g, ' ').trim().toLowerCase());
}

/** The activity sheet's read-back: the users' themes and what could not be read. */
export interface RollupThemesRead {
  themes: ThemeOverride[];
  findings: Finding[];
}

/**
 * Reads the Tema column of a roll-up's activity sheet: every row whose Tema differs from
 * "Förslag från ordlistan" is a user's choice, returned as an override for `planRollup` (so it
 * wins when the roll-up is made again). Columns are found by their headers within the first 20
 * rows; a Tema that names no theme becomes a finding (the lexicon's theme stands). A grid
 * without the header gives no overrides and one finding. Never throws.
 */
export function readRollupThemes(grid: Grid | null | undefined): RollupThemesRead {
  const findings: Finding[] = [];
  if (!grid) return { themes: [], findings };
  const C = ROLLUP_ACTIVITIES.columns;
  const text = (r: number, c: number) => (c < 0 ? '' : cellText(grid, r, c));
  const header = grid.values.slice(0, 20).findIndex((_, r) => {
    const row = grid.values[r].map((_v, c) => text(r, c).trim());
    return row.includes(C.nr) && row.includes(C.kommun) && row.includes(C.theme);
  });
  if (header < 0) return { themes: [], findings: [{ severity: 'warning', code: 'rollup-no-header', cell: null, message: ROLLUP_READ.noHeader }] };
  const titles = grid.values[header].map((_v, c) => text(header, c).trim());
  const col = (label: string, at: number) => (titles[at] === label ? at : titles.indexOf(label));
  const kommun = col(C.kommun, ACTIVITY_COLS.kommun);
  const id = col(C.id, ACTIVITY_COLS.id);
  const activity = col(C.activity, ACTIVITY_COLS.activity);
  const theme = col(C.theme, ACTIVITY_COLS.theme);
  const suggestion = col(C.suggestion, ACTIVITY_COLS.suggestion);
  const themes: ThemeOverride[] = [];
  for (let r = header + 1; r < grid.values.length; r++) {
    const chosen = text(r, theme).trim();
    if (!chosen) continue;
    const t = themeOfLabel(chosen);
    if (t === undefined) {
      const cell = a1(grid.origin.row + r, grid.origin.col + theme);
      findings.push({ severity: 'info', code: 'rollup-bad-theme', cell, message: ROLLUP_READ.badTheme(cell, chosen) });
      continue;
    }
    if (t === themeOfLabel(text(r, suggestion))) continue;
    themes.push({ kommun: text(r, kommun).trim(), id: text(r, id).trim(), text: text(r, activity), theme: t });
  }
  return { themes, findings };
}
