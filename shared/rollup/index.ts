// Public surface of the roll-up across kommuner: themes, numbers, the three sheets and the reader of their Tema column, the region's report and its renderers.
export { themeOfActivity, themeOfText, isThemeId } from './themes';
export type { ThemeChoice, ThemeSource } from './themes';
export { rollupData, kommunLabels, findingsDigest, noStatuses } from './rollup-data';
export type { RollupData, RollupInput, RollupOptions, RollupKommun, RollupActivity, RollupTheme, ThemeCell, ThemeOverride, DigestEntry, StatusCounts } from './rollup-data';
export { planRollup, planRollupSheets, planRollupSheet } from './plan-rollup';
export { planRollupActivities } from './plan-activities';
export { planRollupThemes } from './plan-themes';
export { readRollupThemes, themeOfLabel } from './read-rollup';
export { rollupFromSheets } from './from-sheets';
export type { KommunSheets, RollupFromSheets } from './from-sheets';
export type { RollupThemesRead } from './read-rollup';
export { ACTIVITY_COLS, ACTIVITY_ROWS, KOMMUN_COLS, THEME_COLS, activityRange } from './layout';
export { buildRollupReport, buildRollupReportFromData } from './build-rollup-report';
export * from './rollup-report-doc';
export { statusChartSvg, statusRowText } from './status-chart-svg';
export { renderRollupHtml, renderRollupDocx, statusTable } from './render-rollup';
export { THEME_IDS } from '../lexicon/sv-themes';
export type { ThemeId } from '../lexicon/sv-themes';
