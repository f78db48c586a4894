// Finds who to contact in a follow-up's notes: e-mail addresses, phone numbers and "kontakt" lines (with the lines under a "Kontakt" heading).
import { parseA1 } from '../model/a1';
import type { Note } from '../model/follow-up';

/** One contact line as the document wrote it, split into plain text, e-mail and phone parts. */
export interface ContactPart {
  text: string;
  /** mailto: or tel: link for an e-mail address or a phone number; null for plain text. */
  href: string | null;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}/gu;
/** Swedish phone numbers (0… or +46…, 8–12 digits, spaces or dashes inside), and the police's 114 14. */
const PHONE = /(?<![\p{L}\p{N}+-])(?:(?:\+46|0)[\s-]?\(?\d{1,3}\)?(?:[\s-]?\d{2,4}){1,4}|114\s?14)(?![\p{N}])/gu;
/** "Kontakt: …", "Kontaktperson – …", "… kontakta …"; not "haft kontakt med skolor". */
const KONTAKT = /^\s*kontakt\p{L}*\s*[:–-]|\bkontakta\b/iu;
/** A line that only names the section ("Kontakt", "Kontaktpersoner:"), after which the contact lines follow. */
const KONTAKT_HEADING = /^\s*(?:kontakt(?:person(?:er)?|uppgifter)?|frågor)\s*:?\s*$/iu;
const MAX_LINES = 8;

function phoneDigits(s: string): string {
  return s.replace(/\D/g, '');
}

/** Phone matches that really are phone numbers (8–12 digits, or 114 14). */
function phones(text: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  for (const m of text.matchAll(PHONE)) {
    const d = phoneDigits(m[0]);
    if (d === '11414' || (d.length >= 8 && d.length <= 12)) out.push({ index: m.index ?? 0, text: m[0].trim() });
  }
  return out;
}

/** "+46 8 123 45" / "08-123 45 67" → "tel:+46812345…". */
function telHref(s: string): string {
  const d = phoneDigits(s);
  if (d === '11414') return 'tel:11414';
  return `tel:+46${d.startsWith('46') && s.trim().startsWith('+') ? d.slice(2) : d.replace(/^0/, '')}`;
}

/** Splits a line into plain text, e-mail and phone parts. */
export function contactParts(line: string): ContactPart[] {
  const hits: { index: number; text: string; href: string }[] = [];
  for (const m of line.matchAll(EMAIL)) hits.push({ index: m.index ?? 0, text: m[0], href: `mailto:${m[0]}` });
  for (const p of phones(line)) {
    if (!hits.some((h) => p.index < h.index + h.text.length && h.index < p.index + p.text.length)) hits.push({ ...p, href: telHref(p.text) });
  }
  hits.sort((a, b) => a.index - b.index);
  const parts: ContactPart[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.index > at) parts.push({ text: line.slice(at, h.index), href: null });
    parts.push({ text: h.text, href: h.href });
    at = h.index + h.text.length;
  }
  if (at < line.length) parts.push({ text: line.slice(at), href: null });
  return parts;
}

function isContactLine(text: string): boolean {
  return KONTAKT.test(text) || new RegExp(EMAIL.source, 'u').test(text) || phones(text).length > 0;
}

/**
 * The contact lines a follow-up names, in document order: every note with an e-mail address, a
 * phone number or the word "kontakt", and under a note that is only a heading ("Kontakt",
 * "Kontaktpersoner:") the notes of the next rows of the same column (a gap of more than one
 * empty row ends them). A heading-only line itself is left out; at most eight lines; each line
 * once. Empty when the document names no one.
 */
export function findContacts(notes: Note[]): string[] {
  const lines: string[] = [];
  const add = (t: string) => {
    const text = t.replace(/\s+/g, ' ').trim();
    if (text && !lines.includes(text) && lines.length < MAX_LINES) lines.push(text);
  };
  const pos = notes.map((n) => (n.cell ? parseA1(n.cell) : null));
  notes.forEach((n, i) => {
    if (KONTAKT_HEADING.test(n.text)) {
      // The lines below the heading, in the same column.
      let last = pos[i];
      if (!last) return;
      const below = notes
        .map((m, j) => ({ m, p: pos[j] }))
        .filter((x): x is { m: Note; p: { row: number; col: number } } => !!x.p && x.p.col === last!.col && x.p.row > last!.row)
        .sort((a, b) => a.p.row - b.p.row);
      for (const x of below) {
        if (x.p.row - last.row > 2) break;
        add(x.m.text);
        last = x.p;
      }
      return;
    }
    if (isContactLine(n.text)) add(n.text);
  });
  return lines;
}
