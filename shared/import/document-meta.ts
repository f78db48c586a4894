// Reads kommun, year and the stated reported period from a follow-up's free text lines.
import type { PeriodKind } from '../model/follow-up';
import { lower } from '../parse/text';
import type { SourceCell } from './structure';

const PLACEHOLDER_KOMMUN = /^(?:X+|N+|XX+|\.{2,}|_+|\[.*\]|<.*>|Kommunnamn|Kommun)$/i;

/** The kommun named most often in titles ("för Eksjö kommun", "Eskilstunakommun", "Medborgarlöfte Eskilstuna 2019"). */
export function findKommun(lines: SourceCell[]): string | null {
  const votes = new Map<string, number>();
  const vote = (name: string, w = 1) => {
    const n = name.trim();
    if (!n || PLACEHOLDER_KOMMUN.test(n) || /^(?:Polisen|Polismyndigheten|Lokala|Uppföljning|Medborgarlöften?|Medborgarlöftet)$/i.test(n)) return;
    votes.set(n, (votes.get(n) ?? 0) + w);
  };
  for (const l of lines) {
    const t = l.text;
    for (const m of t.matchAll(/(?:för|i|inom)\s+(\p{Lu}[\p{Ll}å-]+?)\s?kommun\b/gu)) vote(m[1], 2);
    for (const m of t.matchAll(/^(?:[-•]\s*)?(\p{Lu}[\p{Ll}å-]+)\s+kommun\s+(?:lovar|och)\b/gu)) vote(m[1]);
    for (const m of t.matchAll(/[Mm]edborgarlöft\p{L}*\s+(?:i\s+)?(\p{Lu}[\p{Ll}å-]+)(?:\s+kommun)?\s+(?:år\s+)?\d{4}/gu)) vote(m[1]);
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [k, v] of votes) if (v > bestN) [best, bestN] = [k, v];
  return best;
}

/** The follow-up year: from "avser … 2019", else titles (the end of "2018-2019"), else the most common year. */
export function findYear(lines: SourceCell[]): number | null {
  for (const l of lines) {
    const m = /avser\b[^.]*?\b((?:19|20)\d{2})\b/i.exec(l.text);
    if (m) return Number(m[1]);
  }
  for (const l of lines) {
    if (!/medborgarlöft|uppföljning/i.test(l.text)) continue;
    const m = /\b((?:19|20)\d{2})(?:\s*[-–\/]\s*((?:19|20)\d{2}))?\b(?!-\d)/.exec(l.text);
    if (m) return Number(m[2] ?? m[1]);
  }
  const counts = new Map<number, number>();
  for (const l of lines) {
    for (const m of l.text.replace(/\b\d{2,4}-\d{2}-\d{2}\b/g, ' ').matchAll(/\b((?:19|20)\d{2})\b/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestN = 0;
  for (const [k, v] of counts) if (v > bestN) [best, bestN] = [k, v];
  return best;
}

const ORD: Record<string, number> = { första: 1, andra: 2, tredje: 3, fjärde: 4, '1:a': 1, '2:a': 2, '3:e': 3, '4:e': 4 };

/** The period a document says it reports ("Uppföljningen avser tredje tertialet 2019", "avser Tertial 1", "T2"). */
export function findStatedPeriod(lines: SourceCell[]): { period: number; kind: PeriodKind; cell: string } | null {
  for (const l of lines) {
    const t = lower(l.text);
    if (!/avser|redovisning|uppföljning|period/.test(t)) continue;
    let m = /(första|andra|tredje|fjärde|1:a|2:a|3:e|4:e)\s+(tertialet|kvartalet|halvåret)/.exec(t);
    if (m) return { period: ORD[m[1]], kind: kindOf(m[2]), cell: l.cell };
    m = /\b(tertial|kvartal|halvår|t|q|k)\s*([1-4])\b/.exec(t);
    if (m && /avser|gäller|period|uppföljning/.test(t)) return { period: Number(m[2]), kind: kindOf(m[1]), cell: l.cell };
    if (/avser\s+(?:hela\s+året|helår)/.test(t)) return { period: 1, kind: 'year', cell: l.cell };
  }
  return null;
}

function kindOf(w: string): PeriodKind {
  if (w.startsWith('t')) return 'tertial';
  if (w.startsWith('k') || w === 'q') return 'quarter';
  if (w.startsWith('h')) return 'half';
  return 'tertial';
}

/** Template placeholders left in a text ("X kommun", "[Skriv här]", "ÅÅÅÅ"). */
export function placeholdersIn(text: string): string[] {
  const out: string[] = [];
  // Quick rejection, case-insensitive like the patterns below ("x kommun", "klicka här …").
  if (!/[xn[<åkl]/i.test(text)) return out;
  for (const m of text.matchAll(/\b(?:X{1,3}|N\.?N\.?)\s+kommun\b|\bXX+\b|\[[^\]]{1,40}\]|<[^>]{1,40}>|\bÅÅÅÅ(?:-MM-DD)?\b|\bKlicka (?:eller tryck )?här för att (?:ange|skriva) text\b|\bLorem ipsum\b/giu)) out.push(m[0]);
  return out;
}
