// The pane's Uppdatera beside Ersätt, loaded when a read source has a structured sheet of the same follow-up (chunk "update"): the offer with its preview, and the update itself.
import { UPDATE_UI } from '../../shared/i18n/sv-ui';
import type { ExcelHost } from '../excel-adapter';
import { UserError, type AddinSession } from '../session';
import { prepareUpdate, updateTarget } from '../update';
import { byId, el } from '../../ui/dom';

/** What the offer uses of the pane. */
export interface UpdatePane {
  session: AddinSession;
  host: ExcelHost;
  /** Shows what the pane is doing now. */
  progress(text: string): void;
}

/** Most lines of the preview shown (the rest are on Kontroller after the update). */
const ITEMS = 8;

/**
 * After Läs in: when the workbook has a structured sheet of the same follow-up, shows Uppdatera
 * beside Ersätt with what the update would do (one sync reads the sheets; nothing is written);
 * otherwise hides the offer. A structured sheet of another follow-up offers only Ersätt.
 */
export async function showOffer(pane: UpdatePane): Promise<void> {
  const box = byId('update-offer');
  const f = pane.session.followUp;
  box.hidden = true;
  if (!f || !updateTarget(f, pane.session.sheetNames)) return;
  pane.progress(UPDATE_UI.progress);
  const prep = await prepareUpdate(pane.host, f, pane.session.sheetNames, pane.session.requestBudget);
  if (!prep || !('plans' in prep)) return;
  pane.session.sheetNames = prep.state.sheetNames;
  byId('update-heading').textContent = UPDATE_UI.heading;
  byId('update-text').textContent = UPDATE_UI.offer(prep.sheet);
  byId('update-summary').textContent = UPDATE_UI.preview(prep.preview.summary);
  byId('btn-update').textContent = UPDATE_UI.update;
  byId('btn-replace').textContent = UPDATE_UI.replace;
  const list = byId('update-items');
  list.replaceChildren(...prep.preview.items.slice(0, ITEMS).map((x) => el('li', `update-${x.kind}`, x.text)));
  if (prep.preview.items.length > ITEMS) list.append(el('li', 'note', UPDATE_UI.more(prep.preview.items.length - ITEMS)));
  box.hidden = false;
}

/**
 * Uppdatera: reads the sheets again (the user may have typed since the offer) and writes the
 * update with the undo snapshot: two syncs (more only past the web's request limit). Returns the
 * result line; the offer is gone after.
 */
export async function runUpdate(pane: UpdatePane): Promise<string> {
  const f = pane.session.followUp;
  if (!f) return UPDATE_UI.readFirst;
  const prep = await prepareUpdate(pane.host, f, pane.session.sheetNames, pane.session.requestBudget);
  if (!prep) return UPDATE_UI.readFirst;
  if (!('plans' in prep)) throw new UserError(prep.reason);
  pane.progress(UPDATE_UI.progress);
  await pane.session.commit(prep);
  byId('update-offer').hidden = true;
  return UPDATE_UI.done(prep.sheet, prep.preview.summary);
}
