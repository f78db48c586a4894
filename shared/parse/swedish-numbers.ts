// Swedish number words (en, ett, två … tjugoen … hundra, tusen, compounds) and approximate forms (ett tjugotal).

const UNITS: Record<string, number> = {
  noll: 0, en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9,
  tio: 10, elva: 11, tolv: 12, tretton: 13, fjorton: 14, femton: 15, sexton: 16, sjutton: 17,
  arton: 18, aderton: 18, nitton: 19,
};
const TENS: Record<string, number> = {
  tjugo: 20, tjugu: 20, trettio: 30, tretti: 30, fyrtio: 40, förti: 40, fyrti: 40, femtio: 50, femti: 50,
  sextio: 60, sexti: 60, sjuttio: 70, sjutti: 70, åttio: 80, åtti: 80, nittio: 90, nitti: 90,
};

const TEN_ENTRIES = Object.entries(TENS);
const FIRST_LETTERS = new Set([...Object.keys(UNITS), ...Object.keys(TENS), 'hundra', 'tusen'].map((w) => w[0]));

function parseBelowHundred(w: string): number | null {
  if (w === '') return 0;
  if (UNITS[w] !== undefined) return UNITS[w];
  for (const [t, v] of TEN_ENTRIES) {
    if (w.startsWith(t)) {
      const rest = w.slice(t.length);
      if (rest === '') return v;
      const u = UNITS[rest];
      if (u !== undefined && u >= 1 && u <= 9) return v + u;
    }
  }
  return null;
}

function parseBelowThousand(w: string): number | null {
  const i = w.indexOf('hundra');
  if (i < 0) return parseBelowHundred(w);
  const head = w.slice(0, i);
  const mult = head === '' ? 1 : parseBelowHundred(head);
  if (mult === null || mult < 1 || mult > 9) return null;
  const rest = parseBelowHundred(w.slice(i + 6));
  return rest === null ? null : mult * 100 + rest;
}

/**
 * Value of a Swedish number word, compounds included ("fjorton" 14, "tjugoen" 21,
 * "tvåhundrafemtio" 250, "tusen" 1000), or null when the word is not a number.
 */
export function parseNumberWord(word: string): number | null {
  // Most words are not numbers: an ASCII first letter no number word starts with settles it (it stays the first letter
  // after the clean-up below). The other words repeat, so they are memoised.
  const c = word.charCodeAt(0);
  if (((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) && !ASCII_FIRST[c | 32]) return null;
  const known = NUMBER_WORDS.get(word);
  if (known !== undefined) return known;
  const v = numberWordValue(word);
  if (NUMBER_WORDS.size > 50000) NUMBER_WORDS.clear();
  NUMBER_WORDS.set(word, v);
  return v;
}
const NUMBER_WORDS = new Map<string, number | null>();
const ASCII_FIRST: boolean[] = Array.from({ length: 128 }, (_, i) => FIRST_LETTERS.has(String.fromCharCode(i)));

function numberWordValue(word: string): number | null {
  const w = word.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (!w || !FIRST_LETTERS.has(w[0]) || w.length > 40) return null;
  const i = w.indexOf('tusen');
  if (i < 0) return parseBelowThousand(w);
  const head = w.slice(0, i);
  const mult = head === '' ? 1 : parseBelowThousand(head);
  if (mult === null || mult < 1) return null;
  const rest = parseBelowThousand(w.slice(i + 5));
  return rest === null ? null : mult * 1000 + rest;
}

/** "tjugotal" → 20, "hundratal" → 100, "tio-tal" → 10, "20-tal" → 20; null otherwise. */
export function parseTalForm(word: string): number | null {
  // Only a word ending in l or t can end in -tal or -talet once lower-cased: most words stop here.
  const last = word.charCodeAt(word.length - 1);
  if (last !== 108 && last !== 116 && last !== 76 && last !== 84) return null;
  const w = word.toLowerCase();
  if (!w.endsWith('tal') && !w.endsWith('talet')) return null;
  const m = /^(\d+|[\p{L}]+?)-?tal(?:et)?$/u.exec(w);
  if (!m) return null;
  if (/^\d+$/.test(m[1])) return Number(m[1]);
  const v = parseNumberWord(m[1]);
  return v !== null && v >= 10 ? v : null;
}
