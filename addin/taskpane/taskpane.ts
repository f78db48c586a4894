// Task pane entry: wires the Swedish UI to the session (read → preview → structure → summary → report → undo).
import { UI } from '../../shared/i18n/sv-ui';
import { DOCX_ACTION } from '../../shared/i18n/sv-docx-action';
import { PERIOD_NOUN, reportedLabel } from '../../shared/i18n/sv-plan';
import type { Preview } from '../../shared/app/preview';
import type { PeriodKind } from '../../shared/model/follow-up';
import { periodLabels } from '../../shared/model/periods';
import { detectCapabilities, type ExcelHost } from '../excel-adapter';
import { AddinSession, PANE_READY_MARK, UserError, userMessage, type PreparedWrite } from '../session';
import { settingsUndoStore } from '../undo-store';
import { byId, el, fillPeriodSelect } from '../../ui/dom';
import { findStructuredSheet } from '../../shared/app/generated-sheets';
import { structuredSheetName } from '../../shared/plan/names';

const $ = byId;

let session: AddinSession;
let busy = false;
/** Whether the last Läs in read only the selection (shown next to the source sheet). */
let readSelection = false;

function show(id: string, text: string | null): void {
  const box = $(id);
  box.textContent = text ?? '';
  box.hidden = !text;
}

function setBusy(on: boolean, text: string = UI.pane.progress): void {
  busy = on;
  $('app').setAttribute('aria-busy', String(on));
  $('progress').hidden = !on;
  $('progress-text').textContent = text;
  updateButtons();
}

function updateButtons(): void {
  const b = (id: string) => $<HTMLButtonElement>(id);
  b('btn-read').disabled = busy;
  b('btn-word').disabled = busy;
  b('btn-structure').disabled = busy || !session?.followUp;
  b('btn-summary').disabled = busy;
  b('btn-report').disabled = busy;
  b('btn-citizen').disabled = busy;
  b('btn-citizen-docx').disabled = busy;
  b('btn-rollup').disabled = busy;
  b('btn-rollup-docx').disabled = busy;
  b('btn-update').disabled = busy;
  b('btn-replace').disabled = busy;
  b('btn-undo').disabled = busy || !session?.undo;
  b('btn-undo').title = session?.undo ? UI.pane.undoAvailable(session.undo.action) : UI.pane.undoNothing;
  // Settings can't change under a running action (the change would be lost).
  document.querySelectorAll<HTMLSelectElement | HTMLInputElement>('#period, input[name=scope]').forEach((c) => (c.disabled = busy));
}

/** Runs one action with progress, a Swedish result line and a Swedish error (never a raw exception). */
async function act(progress: string, what: string, body: () => Promise<string | null>): Promise<void> {
  if (busy) return;
  show('error', null);
  show('result', null);
  setBusy(true, progress);
  try {
    const done = await body();
    if (done) show('result', done);
  } catch (e) {
    console.error(e);
    show('error', userMessage(e, what));
  } finally {
    setBusy(false);
  }
}

/** The in-pane confirmation (window.confirm is blocked in Office add-ins). */
function confirmReplace(names: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const overlay = $('confirm');
    $('confirm-title').textContent = UI.pane.confirmTitle;
    $('confirm-text').textContent = UI.pane.confirmReplace(names);
    const ok = $<HTMLButtonElement>('confirm-ok');
    const cancel = $<HTMLButtonElement>('confirm-cancel');
    const previous = document.activeElement as HTMLElement | null;
    const close = (answer: boolean) => {
      overlay.hidden = true;
      ok.onclick = null;
      cancel.onclick = null;
      overlay.onkeydown = null;
      previous?.focus();
      resolve(answer);
    };
    ok.onclick = () => close(true);
    cancel.onclick = () => close(false);
    overlay.onkeydown = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') close(false);
      if (ev.key === 'Tab') {
        // Keep focus inside the dialog.
        ev.preventDefault();
        (document.activeElement === ok ? cancel : ok).focus();
      }
    };
    overlay.hidden = false;
    cancel.focus();
  });
}

async function writeConfirmed(prep: PreparedWrite): Promise<string | null> {
  if (prep.replacing.length && !(await confirmReplace(prep.replacing))) return null;
  setBusy(true, UI.progress.writing);
  const names = await session.commit(prep);
  return UI.result.wrote(names);
}

/** Fills the period setting with the periods of `kind` (tertial until a follow-up says otherwise), keeping the choice when it still fits. */
function setPeriodOptions(kind: PeriodKind): void {
  fillPeriodSelect($<HTMLSelectElement>('period'), periodLabels(kind), UI.pane.periodAuto);
}

function renderPreview(p: Preview): void {
  const kind: PeriodKind = session.followUp?.periodKind ?? 'tertial';
  setPeriodOptions(kind);
  const facts = $('facts');
  facts.replaceChildren();
  const fact = (label: string, value: string) => {
    facts.append(el('dt', undefined, label), el('dd', undefined, value || '–'));
  };
  fact(UI.labels.kommun, p.kommun ?? '');
  fact(UI.labels.year, p.year === null ? '' : String(p.year));
  fact(reportedLabel(kind), p.reportedPeriod === null ? '' : `${p.reportedPeriod} (${p.periodLabel})`);
  fact(UI.labels.promises, UI.pane.promisesCount(p.promiseCount));
  fact(UI.labels.activities, UI.pane.activitiesCount(p.activityCount));
  const src = session.source;
  const range = src && readSelection ? src.address.replace(/^.*!/, '') : '';
  fact(UI.pane.sourceSheet, src ? (range ? UI.pane.sourceRange(src.sheet, range) : src.sheet) : '');
  const note = $('period-note');
  note.hidden = !(p.statedPeriod !== null && p.statedPeriod !== p.reportedPeriod);
  note.textContent = p.statedPeriod !== null ? UI.pane.statedPeriodOf(PERIOD_NOUN[kind], p.statedPeriod) : '';

  const chips = $('status-counts');
  chips.replaceChildren(...p.statusCounts.map((s) => {
    const li = el('li', `chip status-${s.status}`, `${s.label}: ${s.count}`);
    return li;
  }));

  const box = $('promises');
  box.replaceChildren();
  for (const pr of p.promises) {
    if (!pr.activities.length) continue;
    const sec = el('div', 'promise');
    sec.append(el('p', 'promise-text', pr.text));
    const table = el('table', 'activities');
    const head = el('tr');
    head.append(el('th', undefined, UI.labels.activities), el('th', 'num', UI.pane.total), el('th', 'st', UI.pane.status));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const a of pr.activities) {
      const tr = el('tr');
      const name = el('td', undefined, a.text);
      name.append(el('span', 'goal', a.goal ? `${UI.pane.goal}: ${a.goal}` : UI.pane.noGoal));
      const st = el('td', 'st');
      st.append(el('span', `status status-${a.status}`, a.statusLabel));
      tr.append(name, el('td', 'num', a.total || '–'), st);
      tbody.append(tr);
    }
    table.append(thead, tbody);
    sec.append(table);
    box.append(sec);
  }
  $('preview').hidden = false;

  const list = $('findings');
  list.replaceChildren();
  for (const f of p.findings) {
    const li = el('li');
    const btn = el('button', `finding sev-${f.severity}`) as HTMLButtonElement;
    btn.type = 'button';
    const headLine = el('span', 'finding-head', f.severityLabel);
    headLine.append(el('span', 'cell', f.cell ?? UI.pane.noCell));
    btn.append(headLine, el('span', 'finding-msg', f.message));
    btn.setAttribute('aria-label', `${f.severityLabel}, ${f.cell ?? UI.pane.noCell}: ${f.message}`);
    if (f.cell) {
      const cell = f.cell;
      btn.addEventListener('click', () =>
        act(UI.progress.reading, UI.errors.whatRead, async () => ((await session.select(cell)) ? UI.result.selected(cell) : UI.errors.cellNotFound(cell))),
      );
    } else btn.disabled = true;
    li.append(btn);
    list.append(li);
  }
  if (!p.findings.length) list.append(el('li', 'note', UI.labels.noFindings));
  $('findings-section').hidden = false;
}

function periodSetting(): number | null {
  const v = $<HTMLSelectElement>('period').value;
  return v ? Number(v) : null;
}

/** Downloads bytes as a file from the pane. */
function download(bytes: Uint8Array, fileName: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function applyTexts(): void {
  // The HTML carries the same Swedish words for a pane without script; the texts live in sv-ui.
  $('intro').textContent = UI.pane.intro;
  $('scope-legend').textContent = UI.pane.readScope;
  $('scope-sheet-label').textContent = UI.pane.readScopeSheet;
  $('scope-selection-label').textContent = UI.pane.readScopeSelection;
  $('period-label').textContent = UI.pane.periodSetting;
  $('actions').setAttribute('aria-label', UI.pane.steps);
  $('btn-read').textContent = UI.actions.read;
  $('btn-word').textContent = DOCX_ACTION.open;
  $('word-file').setAttribute('aria-label', DOCX_ACTION.fileLabel);
  $('btn-structure').textContent = UI.actions.structure;
  $('btn-summary').textContent = UI.actions.summary;
  $('btn-report').textContent = UI.actions.report;
  // The two citizen buttons keep the words taskpane.html gives them (the same as CITIZEN_HOST's), so the
  // citizen texts load only with a click.
  $('btn-undo').textContent = UI.actions.undo;
  $('confirm-ok').textContent = UI.pane.replace;
  $('confirm-cancel').textContent = UI.pane.cancel;
  $('findings-hint').textContent = UI.pane.findingHint;
  setPeriodOptions('tertial');
}

function wire(): void {
  $('btn-read').addEventListener('click', () =>
    act(UI.progress.reading, UI.errors.whatRead, async () => {
      const selectionOnly = $<HTMLInputElement>('scope-selection').checked;
      const preview = await session.read({ selectionOnly, reportedPeriod: periodSetting() });
      readSelection = selectionOnly;
      renderPreview(preview);
      await offerUpdate();
      return UI.result.read(preview.kommun, preview.year);
    }),
  );
  // Öppna Word-fil: the button opens the file picker; the chosen .docx becomes a new source sheet, then is read.
  const wordFile = $<HTMLInputElement>('word-file');
  $('btn-word').addEventListener('click', () => {
    if (!busy) wordFile.click();
  });
  wordFile.addEventListener('change', () => {
    const file = wordFile.files?.[0];
    wordFile.value = '';
    if (!file) return;
    void act(DOCX_ACTION.progress, DOCX_ACTION.what, async () => {
      const { preview, sheet } = await session.openWordFile(new Uint8Array(await file.arrayBuffer()), file.name, { reportedPeriod: periodSetting() });
      readSelection = false;
      renderPreview(preview);
      await offerUpdate();
      return DOCX_ACTION.opened(sheet);
    });
  });
  $('period').addEventListener('change', () => {
    if (!session.source) return;
    void act(UI.progress.importing, UI.errors.whatRead, async () => {
      renderPreview(session.reimport(periodSetting()));
      await offerUpdate();
      return null;
    });
  });
  $('btn-structure').addEventListener('click', () =>
    act(UI.progress.checkingSheets, UI.errors.whatWrite, async () => writeConfirmed(await session.prepareStructure())),
  );
  $('btn-summary').addEventListener('click', () =>
    act(UI.progress.readingStructured, UI.errors.whatWrite, async () => writeConfirmed(await session.prepareSummary())),
  );
  $('btn-report').addEventListener('click', () =>
    act(UI.progress.buildingReport, UI.errors.whatReport, async () => {
      const { doc, fileName } = await session.report();
      // The docx renderer (and the docx library) load only now, keeping the first bundle small.
      const { renderDocx } = await import(/* webpackChunkName: "report-docx" */ '../../shared/report/render-docx');
      download(await renderDocx(doc), fileName, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      return UI.result.reportSaved(fileName);
    }),
  );
  $('btn-citizen').addEventListener('click', () => citizenExport('html'));
  $('btn-citizen-docx').addEventListener('click', () => citizenExport('docx'));
  $('btn-undo').addEventListener('click', () =>
    act(UI.progress.undoing, UI.errors.whatUndo, async () => {
      const r = await session.undoLast();
      return UI.result.undone(r.deleted, r.restored);
    }),
  );
}

/**
 * Exportera medborgarversion (page) and Medborgarversion i Word (.docx): the citizen words, builder
 * and renderer load only with the click, as chunks of their own, keeping the first script small.
 */
function citizenExport(format: 'html' | 'docx'): Promise<void> {
  return act(UI.pane.progress, UI.errors.whatReport, async () => {
    const { CITIZEN_HOST } = await import(/* webpackChunkName: "citizen" */ '../../shared/i18n/sv-citizen');
    $('progress-text').textContent = CITIZEN_HOST.progress;
    try {
      const { doc, fileBase } = await session.citizen();
      if (format === 'html') {
        const { renderCitizenHtml } = await import(/* webpackChunkName: "citizen" */ '../../shared/citizen/render-html');
        download(new TextEncoder().encode(renderCitizenHtml(doc)), `${fileBase}.html`, 'text/html;charset=utf-8');
        return CITIZEN_HOST.saved(`${fileBase}.html`);
      }
      const { renderCitizenDocx } = await import(/* webpackChunkName: "citizen-docx" */ '../../shared/citizen/render-docx');
      download(await renderCitizenDocx(doc), `${fileBase}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      return CITIZEN_HOST.saved(`${fileBase}.docx`);
    } catch (e) {
      console.error(e);
      throw new UserError(userMessage(e, CITIZEN_HOST.what));
    }
  });
}

/**
 * Sammanställ flera kommuner (the three roll-up sheets) and Sammanställning i Word (the region's
 * report): the buttons' words are in taskpane.html; their code, words and renderer load only with
 * the click, as chunks of their own, so the pane's first script barely grows.
 */
function wireRollup(): void {
  const click = (what: string, action: 'rollupSheets' | 'rollupDocx') =>
    act(UI.pane.progress, what, async () => {
      const pane = { session, confirmReplace, download, progress: (text: string) => setBusy(true, text) };
      return (await import(/* webpackChunkName: "rollup" */ './rollup-pane'))[action](pane);
    });
  $('btn-rollup').addEventListener('click', () => click(UI.errors.whatWrite, 'rollupSheets'));
  $('btn-rollup-docx').addEventListener('click', () => click(UI.errors.whatReport, 'rollupDocx'));
}

/** The Excel host the session talks to (the update chunk reads the structured sheet through it). */
let excelHost: ExcelHost;

/** The update chunk's view of the pane. */
function updatePane() {
  return { session, host: excelHost, progress: (text: string) => setBusy(true, text) };
}

/**
 * After a read: when the workbook has a structured sheet of the same year, the update chunk
 * loads and shows Uppdatera beside Ersätt with what an update would do (one sync); otherwise the
 * offer is hidden and nothing more is loaded.
 */
async function offerUpdate(): Promise<void> {
  const f = session.followUp;
  const target = f ? findStructuredSheet(session.sheetNames, structuredSheetName(f.year)) : null;
  $('update-offer').hidden = true;
  if (!target) return;
  await (await import(/* webpackChunkName: "update" */ './update-pane')).showOffer(updatePane());
}

/** Uppdatera (write the update shown) and Ersätt (the structured sheet made anew, as Skapa strukturerat blad). */
function wireUpdate(): void {
  $('btn-update').addEventListener('click', () =>
    act(UI.progress.writing, UI.errors.whatWrite, async () => (await import(/* webpackChunkName: "update" */ './update-pane')).runUpdate(updatePane())),
  );
  $('btn-replace').addEventListener('click', () =>
    act(UI.progress.checkingSheets, UI.errors.whatWrite, async () => {
      const done = await writeConfirmed(await session.prepareStructure());
      if (done) $('update-offer').hidden = true;
      return done;
    }),
  );
}

/** Start-up: checks the host and its requirement sets, then enables the pane. */
export function start(): void {
  applyTexts();
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    // office.js did not load (no network to Microsoft's CDN, or the page was opened outside Office).
    show('startup-error', UI.errors.officeMissing);
    disableAll();
    return;
  }
  Office.onReady((info) => {
    const req = Office.context?.requirements;
    if (String(info.host) !== 'Excel') {
      show('startup-error', UI.errors.notExcel);
      disableAll();
      return;
    }
    if (!req || !req.isSetSupported('ExcelApi', '1.8')) {
      show('startup-error', UI.errors.requirements);
      disableAll();
      return;
    }
    const host: ExcelHost = { run: (batch) => Excel.run(batch) };
    // The last run's undo record is kept in the document's add-in settings: Ångra works after the pane is reopened.
    session = new AddinSession(host, detectCapabilities(), undefined, settingsUndoStore(Office.context?.document?.settings));
    excelHost = host;
    wire();
    wireRollup();
    wireUpdate();
    updateButtons();
    // The moment the pane answers clicks: read by the first-render benchmark (and visible in the browser's performance tools).
    performance.mark(PANE_READY_MARK);
  });
}

function disableAll(): void {
  document.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>('button, select, input').forEach((c) => (c.disabled = true));
}

start();
