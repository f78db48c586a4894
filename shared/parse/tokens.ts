// Tokens of a Swedish sentence for the count reader: numbers (with thin-space thousands), words, punctuation.

/** One token with its position in the text. */
export interface Token {
  text: string;
  low: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'punct';
}

const TOKEN_RE = /(\d{1,3}(?:[ \u00A0]\d{3})+(?![\d,.]\d)|\d+(?:[.,]\d+)?)|([\p{L}][\p{L}\-:]*)|(\S)/gu;

/** Splits a text into number, word and punctuation tokens ("2 500 timmar" → 2500, timmar). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    const t = m[0];
    out.push({ text: t, low: t.toLowerCase(), start: m.index, end: m.index + t.length, kind: m[1] ? 'num' : m[2] ? 'word' : 'punct' });
  }
  return out;
}
