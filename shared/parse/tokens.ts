// Tokens of a Swedish sentence for the count reader: numbers (with thin-space thousands), words, punctuation.

/** One token with its position in the text. */
export interface Token {
  text: string;
  low: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'punct';
}

/**
 * The tokens, as a regular expression (the definition the scanner below implements, char by char):
 * a number (thousands in groups of three after a space or no-break space, or digits with one
 * decimal part), a word (a letter, then letters, hyphens and colons), or any other non-space
 * character (one code point).
 */
export const TOKEN_RE = /(\d{1,3}(?:[ \u00A0]\d{3})+(?![\d,.]\d)|\d+(?:[.,]\d+)?)|([\p{L}][\p{L}\-:]*)|(\S)/gu;

/** A letter beyond Latin-1 (`\p{L}`), tested at one position. */
const LETTER_AT = /\p{L}/uy;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whitespace as `\s` has it. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Length (1, or 2 for an astral code point) of the letter at `i`, or 0 when `\p{L}` does not match there. */
function letterAt(text: string, i: number, c: number): number {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c <= 0xff) return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) ? 1 : 0;
  LETTER_AT.lastIndex = i;
  if (!LETTER_AT.test(text)) return 0;
  return LETTER_AT.lastIndex - i;
}

/** End of the number starting at `i` (a digit), exactly as the number alternatives of TOKEN_RE match. */
function numberEnd(text: string, i: number): number {
  const len = text.length;
  let p = i;
  while (p < len && isDigit(text.charCodeAt(p))) p++;
  const run = p;
  // \d{1,3}(?:[ \u00A0]\d{3})+(?![\d,.]\d): as many groups as there are, then back off one group if the lookahead
  // forbids the end (an earlier end is followed by a space, which it allows).
  if (run - i <= 3) {
    let last = -1;
    let prev = -1;
    let q = run;
    while (q + 3 < len) {
      const s = text.charCodeAt(q);
      if ((s !== 32 && s !== 0xa0) || !isDigit(text.charCodeAt(q + 1)) || !isDigit(text.charCodeAt(q + 2)) || !isDigit(text.charCodeAt(q + 3))) break;
      q += 4;
      prev = last;
      last = q;
    }
    if (last >= 0) {
      const a = last < len ? text.charCodeAt(last) : -1;
      const b = last + 1 < len ? text.charCodeAt(last + 1) : -1;
      if (!((isDigit(a) || a === 44 || a === 46) && isDigit(b))) return last;
      if (prev >= 0) return prev;
    }
  }
  // \d+(?:[.,]\d+)?
  if (p + 1 < len) {
    const s = text.charCodeAt(p);
    if ((s === 46 || s === 44) && isDigit(text.charCodeAt(p + 1))) {
      p += 2;
      while (p < len && isDigit(text.charCodeAt(p))) p++;
    }
  }
  return p;
}

/**
 * False only when toLowerCase would return the same text: no upper-case Latin-1 letter and
 * nothing beyond Latin-1 (there toLowerCase decides). Saves a copy of every lower-case token.
 */
function mayChangeCase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || c > 0xff) return true;
  }
  return false;
}

/** Splits a text into number, word and punctuation tokens ("2 500 timmar" → 2500, timmar). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    let end: number;
    let kind: Token['kind'];
    if (isDigit(c)) {
      end = numberEnd(text, i);
      kind = 'num';
    } else {
      const l = letterAt(text, i, c);
      if (l) {
        end = i + l;
        while (end < len) {
          const d = text.charCodeAt(end);
          if (d === 45 || d === 58) end++;
          else {
            const m = letterAt(text, end, d);
            if (!m) break;
            end += m;
          }
        }
        kind = 'word';
      } else {
        // One code point: a surrogate pair counts as one.
        end = c >= 0xd800 && c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
        kind = 'punct';
      }
    }
    const t = text.slice(i, end);
    out.push({ text: t, low: kind !== 'num' && mayChangeCase(text, i, end) ? t.toLowerCase() : t, start: i, end, kind });
    i = end;
  }
  return out;
}
