// LIX, the Swedish readability index (Björnsson): words per sentence + 100 × long words (more than six letters) per word; and LIX of a citizen version's own and quoted sentences.
import type { CitizenDoc, Span } from '../../shared/citizen';
import { citizenParagraphs } from '../../shared/citizen';

/** A number with thousands apart ("1 470") is one word; else runs of letters and digits, hyphenated parts joined. */
const WORD = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
/** A sentence ends at . : ! ? (closing quotes or brackets may follow) before a space or the end. */
const SENTENCE_END = /[.:!?…]+["”’)]*(?=\s|$)/gu;

export interface LixStats {
  words: number;
  sentences: number;
  longWords: number;
  lix: number;
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Letters of a word (digits and hyphens do not count). */
export function letters(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
}

/** Sentences of one paragraph, with where each starts and ends; a paragraph's end ends a sentence. Sentences without words are dropped. */
export function sentenceRanges(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  const push = (end: number) => {
    const t = text.slice(start, end);
    if (words(t).length) out.push({ start, end, text: t.trim() });
    start = end;
  };
  for (const m of text.matchAll(SENTENCE_END)) push((m.index ?? 0) + m[0].length);
  push(text.length);
  return out;
}

/** LIX of sentences (each given whole): words/sentences + 100 × long words/words; 0 for no words. */
export function lixOfSentences(sentences: string[]): LixStats {
  const ws = sentences.flatMap(words);
  const long = ws.filter((w) => letters(w) > 6).length;
  const n = sentences.filter((s) => words(s).length).length;
  const lix = ws.length && n ? ws.length / n + (100 * long) / ws.length : 0;
  return { words: ws.length, sentences: n, longWords: long, lix };
}

/** LIX of a text of paragraphs (blank lines or line breaks end a sentence too). */
export function lix(text: string): LixStats {
  return lixOfSentences(text.split(/\n+/).flatMap((p) => sentenceRanges(p).map((s) => s.text)));
}

/**
 * The sentences of a citizen version, sorted into the tool's own (no character of the kommun's
 * quoted words in them) and all (the whole text, quotes included).
 */
export function citizenSentences(doc: CitizenDoc): { tool: string[]; all: string[] } {
  const tool: string[] = [];
  const all: string[] = [];
  for (const para of citizenParagraphs(doc)) {
    const { text, quoted } = layout(para);
    for (const s of sentenceRanges(text)) {
      all.push(s.text);
      const hasQuote = quoted.some(([a, b]) => a < s.end && s.start < b && words(text.slice(Math.max(a, s.start), Math.min(b, s.end))).length > 0);
      if (!hasQuote) tool.push(s.text);
    }
  }
  return { tool, all };
}

function layout(spans: Span[]): { text: string; quoted: [number, number][] } {
  let text = '';
  const quoted: [number, number][] = [];
  for (const s of spans) {
    if (s.quoted) quoted.push([text.length, text.length + s.text.length]);
    text += s.text;
  }
  return { text, quoted };
}

/** LIX of the tool's own sentences and of the whole text of a citizen version. */
export function citizenLix(doc: CitizenDoc): { tool: LixStats; all: LixStats } {
  const s = citizenSentences(doc);
  return { tool: lixOfSentences(s.tool), all: lixOfSentences(s.all) };
}
