// Sidebar script: shows the preview and findings before anything is written, runs the actions through google.script.run; sheet text only via textContent.
import { UI, UPDATE_UI } from '../../shared/i18n/sv-ui';
import { DOCX_ACTION } from '../../shared/i18n/sv-docx-action';
import { DOCX } from '../../shared/i18n/sv-docx';
import { DOCX_LIMITS } from '../../shared/docx/limits';
import { CITIZEN_HOST } from '../../shared/i18n/sv-citizen';
import { ROLLUP_HOST } from '../../shared/i18n/sv-rollup';
import type { Preview } from '../../shared/app/preview';
import type { UpdatePreview } from '../../shared/app/update-preview';
import { periodLabels } from '../../shared/model/periods';
import { byId, el, fillPeriodSelect } from '../../ui/dom';

/** The server's answer (see apps-script/server/actions.ts). */
interface ActionResult {
  ok: boolean;
  message: string;
  needsConfirm?: string[];
  preview?: Preview;
  written?: string[];
  report?: { docName: string; docUrl: string; pdfName: string; pdfUrl: string; besideSpreadsheet: boolean };
  citizen?: { fileName: string; html: string };
  reportLabel?: string;
  lastRun?: string | null;
  /** Läs in: a structured sheet of the same follow-up exists (see renderUpdateOffer). */
  update?: { sheet: string; preview: UpdatePreview } | null;
}

interface Runner {
  withSuccessHandler(f: (r: ActionResult) => void): Runner;
  withFailureHandler(f: (e: Error) => void): Runner;
  [fn: string]: unknown;
}

declare const google: { script: { run: Runner } };

const $ = byId;

let sheetName: string | null = null;
let busy = false;

function setStatus(text: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
  const s = $('status');
  s.textContent = text;
  s.className = kind === 'info' ? '' : kind;
}

function setBusy(on: boolean): void {
  busy = on;
  document.querySelectorAll<HTMLButtonElement>('.actions button, #confirm button, #updateOffer button').forEach((b) => { b.disabled = on; });
}

/** Calls a server function; shows progress, then the result. */
function call(fn: string, args: unknown[], progress: string, then?: (r: ActionResult) => void): void {
  if (busy) return;
  setBusy(true);
  setStatus(progress);
  const runner = google.script.run
    .withSuccessHandler((r: ActionResult) => {
      setBusy(false);
      handle(r, fn, args);
      if (then) then(r);
    })
    .withFailureHandler((e: Error) => {
      setBusy(false);
      setStatus(UI.errors.unexpected(UI.errors.whatWrite) + (e && e.message ? ` (${e.message})` : ''), 'error');
    });
  (runner[fn] as (...a: unknown[]) => void)(...args);
}

function handle(r: ActionResult, fn: string, args: unknown[]): void {
  $('confirm').hidden = true;
  if (r.needsConfirm && r.needsConfirm.length) {
    setStatus('');
    $('confirmTitle').textContent = UI.pane.confirmTitle;
    $('confirmText').textContent = r.message;
    $('confirm').hidden = false;
    $('btnConfirm').onclick = () => call(fn, [true, ...args.slice(1)], UI.progress.writing);
    $('btnCancel').onclick = () => {
      $('confirm').hidden = true;
      setStatus(UI.pane.cancel);
    };
    $('btnConfirm').focus();
    return;
  }
  setStatus(r.message, r.ok ? 'ok' : 'error');
  if (r.preview) renderPreview(r.preview);
  // Läs in says whether an update is offered; once the sheet is written (either way) the offer is gone.
  if (r.update !== undefined || (r.ok && (fn === 'update' || fn === 'structure'))) renderUpdateOffer(r.update ?? null);
  renderLinks(r.report ?? null, r.reportLabel);
  if (r.citizen) downloadText(r.citizen.html, r.citizen.fileName, 'text/html;charset=utf-8');
}

/** Saves text the server built (the citizen page) as a download from the sidebar. */
function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function renderLinks(rep: ActionResult['report'] | null, label: string = UI.actions.report): void {
  const box = $('links');
  box.replaceChildren();
  box.hidden = !rep;
  if (!rep) return;
  const add = (text: string, href: string) => {
    const a = el('a', undefined, text) as HTMLAnchorElement;
    // Only Google links are made clickable.
    if (/^https:\/\/(docs|drive)\.google\.com\//.test(href)) a.href = href;
    a.target = '_blank';
    a.rel = 'noopener';
    box.append(a);
  };
  add(`${label}: ${rep.docName}`, rep.docUrl);
  add(`PDF: ${rep.pdfName}`, rep.pdfUrl);
}

/** The reported-period choices: automatic, then the follow-up's own periods (tertials, quarters …). */
function setPeriodOptions(labels: string[]): void {
  fillPeriodSelect($<HTMLSelectElement>('period'), labels, UI.pane.periodAuto);
}

function renderPreview(p: Preview): void {
  sheetName = p.sheetName;
  setPeriodOptions(p.periodLabels);
  $('preview').hidden = false;
  $('previewTitle').textContent = UI.pane.preview;
  const facts = $('facts');
  facts.replaceChildren();
  const fact = (k: string, v: string) => facts.append(el('dt', undefined, k), el('dd', undefined, v));
  fact(UI.pane.sourceSheet, p.sheetName ?? '–');
  fact(UI.labels.kommun, p.kommun ?? '–');
  fact(UI.labels.year, p.year === null ? '–' : String(p.year));
  fact(UI.labels.reportedPeriod, p.periodLabel || '–');
  fact(UI.labels.promises, UI.pane.promisesCount(p.promiseCount));
  fact(UI.labels.activities, UI.pane.activitiesCount(p.activityCount));
  // The document's own claim about its period, when the data says otherwise: a note, not a fact.
  const stated = $('stated');
  const differs = p.statedPeriod !== null && p.statedPeriod !== p.reportedPeriod;
  stated.textContent = differs ? UI.pane.statedPeriod(p.statedPeriod as number) : '';
  stated.hidden = !differs;

  const counts = $('counts');
  counts.replaceChildren(...p.statusCounts.map((c) => el('span', `badge s-${c.status}`, `${c.label}: ${c.count}`)));

  const promises = $('promises');
  promises.replaceChildren();
  for (const pr of p.promises) {
    const head = el('p', 'promise', pr.text);
    head.title = pr.text; // long promise texts are clamped to three lines; the full text on hover
    promises.append(head);
    const ul = el('ul');
    for (const a of pr.activities) {
      const li = el('li', 'activity');
      li.append(el('div', undefined, a.text));
      const meta = el('div', 'meta');
      const detail = [`${UI.pane.goal}: ${a.goal || UI.pane.noGoal}`, a.total ? `${UI.pane.total}: ${a.total}` : ''].filter(Boolean).join(' · ');
      meta.append(el('span', undefined, detail), el('span', `badge s-${a.status}`, a.statusLabel));
      li.append(meta);
      ul.append(li);
    }
    promises.append(ul);
  }

  $('findingsTitle').textContent = `${UI.labels.findings} (${UI.pane.findingsCount(p.findings.length)})`;
  $('findingHint').textContent = p.findings.length ? UI.pane.findingHint : UI.labels.noFindings;
  const list = $('findings');
  list.replaceChildren();
  for (const f of p.findings) {
    const li = el('li', 'finding');
    const b = el('button') as HTMLButtonElement;
    b.type = 'button';
    b.append(el('span', `sev sev-${f.severity}`, f.severityLabel), el('span', 'cell', f.cell ?? UI.pane.noCell), el('span', undefined, f.message));
    if (f.cell) {
      const cell = f.cell;
      b.onclick = () => call('selectCell', [sheetName, cell], UI.progress.reading);
    } else b.disabled = true;
    li.append(b);
    list.append(li);
  }
}

/** Most lines of an update's preview shown in the sidebar (the rest are on Kontroller after the update). */
const UPDATE_ITEMS = 8;

/**
 * Uppdatera beside Ersätt: when a structured sheet of the same follow-up exists, what an update
 * would do (counts, then conflicts, gone and new activities first) before anything is written.
 */
function renderUpdateOffer(offer: { sheet: string; preview: UpdatePreview } | null): void {
  const box = $('updateOffer');
  box.hidden = !offer;
  if (!offer) return;
  $('updateTitle').textContent = UPDATE_UI.heading;
  $('updateText').textContent = UPDATE_UI.offer(offer.sheet);
  $('updateSummary').textContent = UPDATE_UI.preview(offer.preview.summary);
  const items = offer.preview.items;
  const list = $('updateItems');
  list.replaceChildren(...items.slice(0, UPDATE_ITEMS).map((x) => el('li', `update-${x.kind}`, x.text)));
  if (items.length > UPDATE_ITEMS) list.append(el('li', 'note', UPDATE_UI.more(items.length - UPDATE_ITEMS)));
}

function period(): number | null {
  const v = $<HTMLSelectElement>('period').value;
  return v === '' ? null : Number(v);
}

/**
 * Öppna Word-fil: the chosen .docx goes to the server as base64 (google.script.run takes strings,
 * not bytes) and is read there, so the sidebar stays small; a file over the limit is stopped here.
 */
function openWordFile(file: File): void {
  if (busy) return;
  if (file.size > DOCX_LIMITS.fileBytes) {
    setStatus(DOCX.errors.tooLargeFile(file.name, file.size, DOCX_LIMITS.fileBytes), 'error');
    return;
  }
  setBusy(true);
  setStatus(DOCX_ACTION.progress);
  const reader = new FileReader();
  reader.onload = () => {
    setBusy(false);
    const url = String(reader.result ?? '');
    call('openWordFile', [file.name, url.slice(url.indexOf(',') + 1), period()], DOCX_ACTION.progress);
  };
  reader.onerror = () => {
    setBusy(false);
    setStatus(UI.errors.unexpected(DOCX_ACTION.what), 'error');
  };
  reader.readAsDataURL(file);
}

function init(): void {
  $('title').textContent = UI.appName;
  $('intro').textContent = UI.pane.intro;
  $('periodLabel').textContent = UI.pane.periodSetting;
  setPeriodOptions(periodLabels('tertial'));
  $('btnRead').textContent = UI.actions.read;
  $('btnWord').textContent = DOCX_ACTION.open;
  const wordFile = $<HTMLInputElement>('wordFile');
  wordFile.setAttribute('aria-label', DOCX_ACTION.fileLabel);
  $('btnWord').onclick = () => {
    if (!busy) wordFile.click();
  };
  wordFile.onchange = () => {
    const file = wordFile.files?.[0];
    wordFile.value = '';
    if (file) openWordFile(file);
  };
  $('btnStructure').textContent = UI.actions.readAndStructure;
  $('btnSummary').textContent = UI.actions.summary;
  $('btnReport').textContent = UI.actions.report;
  $('btnUndo').textContent = UI.actions.undo;
  $('btnCitizen').textContent = CITIZEN_HOST.exportHtml;
  $('btnCitizenDoc').textContent = CITIZEN_HOST.exportGoogleDoc;
  $('btnCitizen').onclick = () => call('citizenPage', [], CITIZEN_HOST.progress);
  $('btnCitizenDoc').onclick = () => call('citizenDoc', [], CITIZEN_HOST.progress);
  $('btnUpdate').textContent = UPDATE_UI.update;
  $('btnReplace').textContent = UPDATE_UI.replace;
  $('btnUpdate').onclick = () => call('update', [], UPDATE_UI.progress);
  $('btnReplace').onclick = () => call('structure', [false], UI.progress.writing);
  $('btnConfirm').textContent = UI.pane.replace;
  $('btnCancel').textContent = UI.pane.cancel;
  $('btnRead').onclick = () => call('preview', [period()], UI.progress.reading);
  $('btnStructure').onclick = () => call('structure', [false], UI.progress.writing);
  $('btnSummary').onclick = () => call('summary', [false], UI.progress.readingStructured);
  $('btnReport').onclick = () => call('report', [], UI.progress.buildingReport);
  $('btnUndo').onclick = () => call('undo', [], UI.progress.undoing);
  $<HTMLSelectElement>('period').onchange = () => call('preview', [period()], UI.progress.reading);
}

/** Sammanställ flera kommuner (asks before replacing, like the other writes) and Sammanställning som Google-dokument (links below). */
function initRollup(): void {
  $('btnRollup').textContent = ROLLUP_HOST.action;
  $('btnRollupDoc').textContent = ROLLUP_HOST.exportGoogleDoc;
  $('btnRollup').onclick = () => call('rollup', [false], ROLLUP_HOST.progress);
  $('btnRollupDoc').onclick = () => call('rollupDoc', [], ROLLUP_HOST.progressReport);
}

init();
initRollup();
