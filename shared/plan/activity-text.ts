// An activity's judgement, own status and comments as sheet text, and back: shared by the structured sheet, readStructured, summary and report.
import { JUDGEMENT_LABEL, JUDGEMENT_ORDER, STATUS_LABEL } from '../i18n/sv';
import { ACTIVITY_TEXT, STRUCTURED } from '../i18n/sv-plan';
import { computedStatus, goalTarget, statusInputOf } from '../calc/status';
import type { Activity, JudgementValue, Note, Status } from '../model/follow-up';

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

/** Which lines of the Kommentar cell each comment fills, with its source cell ("E12 (rad 1–2)", "– (rad 3)"). */
export function commentRanges(comments: Note[]): string[] {
  let line = 1;
  return comments.map((c) => {
    const lines = c.text.split('\n').length;
    const out = STRUCTURED.commentLines(c.cell, line, line + lines - 1);
    line += lines;
    return out;
  });
}

/**
 * The "Ursprung" cell of an activity row, one fact per line ("Förslag från texten: Uppnått",
 * "Bedömningens cell: D9", "Egen status, cell: G9", "Kommentar: E9 (rad 1–2)"); "" when there is
 * nothing to say.
 */
export function originText(a: Pick<Activity, 'judgement' | 'sourceStatus' | 'comments'>): string {
  const O = STRUCTURED.origin;
  const lines: string[] = [];
  if (a.judgement?.source === 'text') lines.push(`${O.suggestion}: ${JUDGEMENT_LABEL[a.judgement.value]}`);
  if (a.judgement?.cell) lines.push(`${O.judgementCell}: ${a.judgement.cell}`);
  if (a.sourceStatus?.cell) lines.push(`${O.sourceStatusCell}: ${a.sourceStatus.cell}`);
  for (const r of commentRanges(a.comments)) lines.push(`${O.comment}: ${r}`);
  return lines.join('\n');
}

/** What an "Ursprung" cell says (lines it does not know are ignored). */
export interface Origin {
  /** The label of the importer's suggested judgement, "" when none. */
  suggestion: string;
  judgementCell: string | null;
  sourceStatusCell: string | null;
  /** "E9 (rad 1–2)" per comment, in order. */
  commentRanges: string[];
}

/** Reads an "Ursprung" cell back (the inverse of `originText`). */
export function parseOrigin(text: string): Origin {
  const O = STRUCTURED.origin;
  const out: Origin = { suggestion: '', judgementCell: null, sourceStatusCell: null, commentRanges: [] };
  for (const line of text.split('\n')) {
    const i = line.indexOf(': ');
    if (i < 0) continue;
    const key = line.slice(0, i).trim();
    const value = line.slice(i + 2).trim();
    if (key === O.suggestion) out.suggestion = value;
    else if (key === O.judgementCell) out.judgementCell = value || null;
    else if (key === O.sourceStatusCell) out.sourceStatusCell = value || null;
    else if (key === O.comment) out.commentRanges.push(value);
  }
  return out;
}

const LINE_RE = /^(.+) \(rad (\d+)(?:–(\d+))?\)$/;

/**
 * Comments read back from a Kommentar cell and the line ranges its "Ursprung" lists. Each range
 * of lines becomes the comment of its source cell; lines after the last range (what a user
 * added below) become one more comment without a cell. When the ranges do not fit the text
 * (edited away), the whole text is one comment without a cell. Blank text → no comments.
 */
export function commentsFromCells(text: string, ranges: string[]): Note[] {
  if (text.trim() === '') return [];
  const lines = text.split('\n');
  const parsed: { cell: string | null; from: number; to: number }[] = [];
  for (const l of ranges) {
    const m = LINE_RE.exec(l.trim());
    if (!m) return [{ cell: null, text }];
    const from = Number(m[2]);
    const to = m[3] ? Number(m[3]) : from;
    const expected = parsed.length ? parsed[parsed.length - 1].to + 1 : 1;
    if (from !== expected || to < from || to > lines.length) return [{ cell: null, text }];
    parsed.push({ cell: m[1] === '–' ? null : m[1], from, to });
  }
  const out: Note[] = parsed.map((r) => ({ cell: r.cell, text: lines.slice(r.from - 1, r.to).join('\n') }));
  const last = parsed.length ? parsed[parsed.length - 1].to : 0;
  const rest = lines.slice(last).join('\n');
  if (last < lines.length && rest.trim() !== '') out.push({ cell: null, text: rest });
  return out;
}

/**
 * True when the activity's status comes from its judgement: no count and a judgement, or a
 * user's own judgement over a count (as `computeStatus` decides).
 */
export function statusIsJudged(a: Activity): boolean {
  if (!a.judgement) return false;
  return a.total === null || a.judgement.source === 'user';
}

/** What the structured sheet's Status cell shows: the status word, with "(bedömd)" when a judgement gave it. */
export function statusCellText(a: Activity): string {
  return statusIsJudged(a) ? ACTIVITY_TEXT.judged(STATUS_LABEL[a.status]) : STATUS_LABEL[a.status];
}

/**
 * The status word, with "(bedömd)" when a judgement rather than a count gave it, and what the
 * counts give beside it when a judgement overrides a different computed status ("Ej uppnått
 * (bedömd; beräknad: Uppnått)"); `computed` is that status (see `computedStatus`).
 */
export function statusWord(a: Activity, computed?: Status): string {
  if (!statusIsJudged(a)) return STATUS_LABEL[a.status];
  const c = computed ?? (a.total !== null ? computedStatusOfActivity(a) : a.status);
  return a.total !== null && c !== a.status ? ACTIVITY_TEXT.judgedOver(STATUS_LABEL[a.status], STATUS_LABEL[c]) : ACTIVITY_TEXT.judged(STATUS_LABEL[a.status]);
}

/**
 * What the counts alone give an activity (its "Beräknad status") at `reportedPeriod`; left out,
 * the period its `expected` was computed for (goal × reported / periods; the whole year when that
 * cannot tell).
 */
export function computedStatusOfActivity(a: Activity, reportedPeriod?: number | null): Status {
  let r = reportedPeriod;
  if (r === undefined) {
    const target = a.goal ? goalTarget(a.goal) : 0;
    r = a.expected !== null && target > 0 ? Math.round((a.expected * a.periods.length) / target) : null;
  }
  return computedStatus(statusInputOf(a, r));
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
