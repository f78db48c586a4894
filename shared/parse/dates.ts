// Dates in Swedish follow-ups (19-11-08, 2019-11-08, 8/11, 1 oktober 2019) and place + date event lists.
import type { FollowUpEvent } from '../model/follow-up';

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augusti: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

export interface DateSpan {
  start: number;
  end: number;
  /** ISO date, or null when the year is unknown and no default year was given. */
  iso: string | null;
  text: string;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month m (1–12) of year y: a table for four-digit years, the calendar of Date.UTC otherwise (it reads 0–99 as 1900–1999). */
function daysInMonth(y: number, m: number): number {
  if (Number.isInteger(y) && y >= 1000 && y <= 9999 && Number.isInteger(m)) {
    return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
  }
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = daysInMonth(y, m);
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const DATE_RE = new RegExp(
  [
    String.raw`(?<![\d-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d-])`, // 2019-11-08
    String.raw`(?<![\d-])(\d{2})-(\d{2})-(\d{2})(?![\d-])`, // 19-11-08
    String.raw`(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])`, // 8.11.2019
    String.raw`(?<![\d/])(\d{1,2})/(\d{1,2})(?:[-/]((?:19|20)?\d{2}))?(?![\d/])`, // 8/11, 8/11-19
    String.raw`(?<!\d)(\d{1,2})(?:e|:e|:a)?\s+(${MONTH_NAMES})\.?(?:\s+((?:19|20)\d{2}))?(?![\p{L}\d])`, // 1 oktober 2019
  ].join('|'),
  'giu',
);

/**
 * The matches of DATE_RE in a text (every date needs a digit). A cell is read for dates twice in
 * a row (as an event list, then for its counts), so the last text's matches are kept; they do not
 * depend on the default year.
 */
function dateMatches(text: string): readonly RegExpExecArray[] {
  if (text === lastText) return lastMatches;
  const out: RegExpExecArray[] = [];
  if (HAS_DIGIT.test(text)) {
    DATE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DATE_RE.exec(text))) out.push(m);
  }
  lastText = text;
  lastMatches = out;
  return out;
}
const HAS_DIGIT = /\d/;
let lastText: string | null = null;
let lastMatches: readonly RegExpExecArray[] = [];

/** Finds dates in a text. Two-digit years are 20YY; a missing year takes `defaultYear`. */
export function findDates(text: string, defaultYear: number | null = null): DateSpan[] {
  const out: DateSpan[] = [];
  for (const m of dateMatches(text)) {
    let v: string | null = null;
    let ok = true;
    if (m[1]) v = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    else if (m[4]) v = iso(2000 + Number(m[4]), Number(m[5]), Number(m[6]));
    else if (m[7]) v = iso(Number(m[9]), Number(m[8]), Number(m[7]));
    else if (m[10]) {
      const y = m[12] ? (m[12].length === 2 ? 2000 + Number(m[12]) : Number(m[12])) : defaultYear;
      const mo = Number(m[11]);
      const d = Number(m[10]);
      if (mo > 12 || d > 31 || mo < 1 || d < 1) ok = false;
      else v = y === null ? null : iso(y, mo, d);
    } else if (m[13]) {
      const y = m[15] ? Number(m[15]) : defaultYear;
      const mo = MONTHS[m[14].toLowerCase()];
      v = y === null ? null : iso(y, mo, Number(m[13]));
    }
    if (!ok) continue;
    if (v === null && (m[1] || m[4] || m[7])) continue; // impossible calendar date: not a date
    out.push({ start: m.index, end: m.index + m[0].length, iso: v, text: m[0] });
  }
  return out;
}

const MILESTONE_SEGMENT = /^(?:genomf[öo]r(?:t|ts|d|da)|klar[t]?|h[åa]llet|h[öo]lls)$/i;

function placeLike(seg: string): boolean {
  if (!seg) return true;
  if (seg.length > 60 || /\d/.test(seg)) return false;
  const w = seg.split(/\s+/);
  if (w.length > 5) return false;
  return /^\p{Lu}/u.test(seg) || MILESTONE_SEGMENT.test(seg);
}

function cleanSeg(s: string): string {
  return s.replace(/^[\s,;:–—\-/]+|[\s,;:–—\-/.]+$/g, '').replace(/^(?:och|samt)\s+/i, '').replace(/\s+(?:och|samt)$/i, '').trim();
}

/**
 * Reads a cell as an event list: each event a place and a date ("Göksten 19-11-08 Stadsparken
 * 19-11-12", or date first). Returns null when the cell is not such a list.
 */
export function parseEventList(text: string, defaultYear: number | null): FollowUpEvent[] | null {
  const dates = findDates(text, defaultYear);
  if (!dates.length) return null;
  const segs: string[] = [];
  let pos = 0;
  for (const d of dates) {
    segs.push(cleanSeg(text.slice(pos, d.start)));
    pos = d.end;
  }
  const tail = cleanSeg(text.slice(pos));
  const placeFirst = !(segs[0] === '' && tail !== '');
  const places = placeFirst ? segs : [...segs.slice(1), tail];
  if (placeFirst && tail !== '') return null;
  if (!places.every(placeLike)) return null;
  return dates.map((d, i) => {
    const p = places[i];
    return { date: d.iso, place: p && !MILESTONE_SEGMENT.test(p) ? p : null };
  });
}
