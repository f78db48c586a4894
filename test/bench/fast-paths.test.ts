// The hand-written fast paths the bench led to give exactly what the regular expressions they replace give.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { columnLetters, parseA1 } from '../../shared/model/a1';
import { TOKEN_RE, tokenize, type Token } from '../../shared/parse/tokens';

/** The tokeniser as it was: one regular expression. */
function tokenizeByRegex(text: string): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const t = m[0];
    out.push({ text: t, low: t.toLowerCase(), start: m.index, end: m.index + t.length, kind: m[1] ? 'num' : m[2] ? 'word' : 'punct' });
  }
  return out;
}

function parseA1ByRegex(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A small deterministic generator, so a failure names a reproducible text. */
function randomTexts(alphabet: string[], count: number, maxLength: number, seed: number): string[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return Array.from({ length: count }, () => {
    let t = '';
    for (let i = Math.floor(next() * maxLength); i > 0; i--) t += alphabet[Math.floor(next() * alphabet.length)];
    return t;
  });
}

const fixtureTexts = (): string[] => {
  const dir = join(__dirname, '..', 'fixtures');
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  return walk(dir)
    .filter((f) => /\.(txt|tsv|csv|json)$/.test(f))
    .flatMap((f) => readFileSync(f, 'utf8').split(/\n|\t/));
};

describe('tokenize', () => {
  it('splits like TOKEN_RE: numbers with thousands gaps and decimals, words, any other code point', () => {
    const alphabet = ['1', '2', '0', '9', ' ', '\u00A0', ',', '.', '-', ':', 'a', 'Å', 'ö', 'Z', '\t', '\n', '(', ')', '~', '𝒜', '😀', '\uD800', '\uDC00', 'ǅ', 'ß', 'İ', '²', 'µ', '×', '\u2007', '\u202F', '\uFEFF', 'ª', '/', 'Ⅷ'];
    for (const t of randomTexts(alphabet, 20000, 14, 12345)) expect([t, tokenize(t)]).toEqual([t, tokenizeByRegex(t)]);
    for (const t of randomTexts(['1', '2', '3', '4', ' ', '\u00A0', ',', '.', 'a'], 20000, 16, 777)) expect([t, tokenize(t)]).toEqual([t, tokenizeByRegex(t)]);
  });

  it('splits every fixture text like TOKEN_RE', () => {
    for (const t of fixtureTexts()) expect([t, tokenize(t)]).toEqual([t, tokenizeByRegex(t)]);
  });
});

describe('A1 helpers', () => {
  it('parseA1 reads what the regular expression reads', () => {
    for (const t of randomTexts(['$', 'A', 'z', 'Q', '1', '0', '9', ' ', '\t', ':', 'Å', '\u00A0', 'aa'], 20000, 9, 7)) expect([t, parseA1(t)]).toEqual([t, parseA1ByRegex(t)]);
  });

  it('columnLetters gives the same letters cached and uncached', () => {
    const letters = (col: number) => {
      let s = '';
      for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    for (const col of [-1, 0, 25, 26, 701, 702, 1023, 1024, 16383, 2.5]) {
      expect(columnLetters(col)).toBe(letters(col));
      expect(columnLetters(col)).toBe(letters(col));
    }
  });
});
