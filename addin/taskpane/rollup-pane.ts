// The pane's roll-up buttons, loaded with the first click (chunk "rollup"): Sammanställ flera kommuner writes the three roll-up sheets, Sammanställning i Word downloads the region's report.
import { ROLLUP_HOST } from '../../shared/i18n/sv-rollup';
import type { AddinSession } from '../session';

/** What the buttons use of the pane (handed in: this chunk imports none of the pane's modules). */
export interface RollupPane {
  session: AddinSession;
  /** The pane's own confirmation dialog (window.confirm is blocked in add-ins). */
  confirmReplace(names: string[]): Promise<boolean>;
  /** Shows what the pane is doing now. */
  progress(text: string): void;
  download(bytes: Uint8Array, fileName: string, type: string): void;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Sammanställ flera kommuner: reads every kommun's structured sheet (three syncs), asks before
 * replacing roll-up sheets that exist, writes the three sheets (one sync) and keeps the undo
 * record. Returns the result line, or null when the user said no.
 */
export async function rollupSheets(pane: RollupPane): Promise<string | null> {
  pane.progress(ROLLUP_HOST.progress);
  const prep = await pane.session.prepareRollup();
  if (prep.replacing.length && !(await pane.confirmReplace(prep.replacing))) return null;
  pane.progress(ROLLUP_HOST.writing);
  const names = await pane.session.commit(prep);
  const kept = prep.data.activities.filter((a) => a.byUser).length;
  return [ROLLUP_HOST.wrote(prep.data.kommuner.length, prep.data.total.activities, names), kept ? ROLLUP_HOST.keptThemes(kept) : ''].filter(Boolean).join(' ');
}

/** Sammanställning i Word: the region's report as .docx (the renderer is a chunk of its own), downloaded from the pane. */
export async function rollupDocx(pane: RollupPane): Promise<string> {
  pane.progress(ROLLUP_HOST.progressReport);
  const [{ renderRollupDocx }, { doc, fileName }] = await Promise.all([import(/* webpackChunkName: "rollup-docx" */ '../../shared/rollup/render-rollup'), pane.session.rollupReport()]);
  pane.download(await renderRollupDocx(doc), fileName, DOCX_TYPE);
  return ROLLUP_HOST.saved(fileName);
}
