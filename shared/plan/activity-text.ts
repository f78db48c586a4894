// An activity's judgement, own status and comments as sheet text, and back: shared by the structured sheet, readStructured, summary and report.
import { JUDGEMENT_LABEL, JUDGEMENT_ORDER, STATUS_LABEL } from '../i18n/sv';
import { ACTIVITY_TEXT, STRUCTURED } from '../i18n/sv-plan';
import type { Activity, JudgementValue, Note } from '../model/follow-up';

const BY_LABEL = new Map<string, JudgementValue>(JUDGEMENT_ORDER.map((v) => [JUDGEMENT_LABEL[v].toLowerCase(), v]));

/**
 * The judgement a Bedömning cell names, matched as the sheet's formula matches it (whole text,
 * case-insensitive, no trimming); undefined when it names none.
 */
export function judgementOfLabel(text: string): JudgementValue | undefined {
  return BY_LABEL.get(text.toLowerCase());
}

/** The Kommentar cell: the comments verbatim, one per line (a comment with line breaks spans several lines). */
export function commentCellText(comments: Note[]): string {
  return comments.map((c) => c.text).join('\n');
}

/** The "Kommentarernas källceller" cell: per comment its source cell and the lines of Kommentar it fills ("E12 (rad 1–2)"). */
export function commentCellsText(comments: Note[]): string {
  let line = 1;
  return comments
    .map((c) => {
      const lines = c.text.split('\n').length;
      const out = STRUCTURED.commentLines(c.cell, line, line + lines - 1);
      line += lines;
      return out;
    })
    .join('\n');
}

const LINE_RE = /^(.+) \(rad (\d+)(?:–(\d+))?\)$/;

/**
 * Comments read back from a Kommentar cell and its source-cells cell. Each listed range of
 * lines becomes the comment of its source cell; lines after the last range (what a user added
 * below) become one more comment without a cell. When the ranges do not fit the text (edited
 * away, or missing), the whole text is one comment without a cell. Blank text → no comments.
 */
export function commentsFromCells(text: string, cellsText: string): Note[] {
  if (text.trim() === '') return [];
  const lines = text.split('\n');
  const ranges: { cell: string | null; from: number; to: number }[] = [];
  for (const l of cellsText.split('\n')) {
    if (l.trim() === '') continue;
    const m = LINE_RE.exec(l.trim());
    if (!m) return [{ cell: null, text }];
    const from = Number(m[2]);
    const to = m[3] ? Number(m[3]) : from;
    const expected = ranges.length ? ranges[ranges.length - 1].to + 1 : 1;
    if (from !== expected || to < from || to > lines.length) return [{ cell: null, text }];
    ranges.push({ cell: m[1] === '–' ? null : m[1], from, to });
  }
  const out: Note[] = ranges.map((r) => ({ cell: r.cell, text: lines.slice(r.from - 1, r.to).join('\n') }));
  const last = ranges.length ? ranges[ranges.length - 1].to : 0;
  const rest = lines.slice(last).join('\n');
  if (last < lines.length && rest.trim() !== '') out.push({ cell: null, text: rest });
  return out;
}

/** True when the activity's status comes from its judgement (no count, and the judgement settles it). */
export function statusIsJudged(a: Activity): boolean {
  return a.total === null && a.judgement !== null && a.status !== 'manual' && a.status !== 'no-data';
}

/** The status word, with "(bedömd)" when a judgement rather than a count gave it. */
export function statusWord(a: Activity): string {
  return statusIsJudged(a) ? ACTIVITY_TEXT.judged(STATUS_LABEL[a.status]) : STATUS_LABEL[a.status];
}

/** The judgement as readers see it: "Uppnått", or "Uppnått (förslag från texten: «…»)" for an importer's suggestion; "" when none. */
export function judgementText(a: Activity): string {
  if (!a.judgement) return '';
  const label = JUDGEMENT_LABEL[a.judgement.value];
  return a.judgement.source === 'text' ? ACTIVITY_TEXT.suggestion(label, a.judgement.phrase) : label;
}

/** Own status and comments as lines for a summary or report cell ("Egen status i underlaget: Delvis", then the comments). */
export function commentLines(a: Activity): string[] {
  const out: string[] = [];
  if (a.sourceStatus && a.sourceStatus.text.trim() !== '') out.push(ACTIVITY_TEXT.ownStatus(a.sourceStatus.text));
  for (const c of a.comments) if (c.text.trim() !== '') out.push(c.text);
  return out;
}
