// Counts split over places that add up: "120 i centrum samt 85 i Norrby" → 205.
import type { Mention } from '../mentions';
import { nounsMatch } from '../text';

/** "i|på|vid <Place>" right after a mention, then a joiner (samt, och, a comma) before the next one. */
const PLACE_AFTER = /^\s*(?:[\p{L}-]+\s+)?(?:i|på|vid)\s+(?:[\p{Lu}][\p{L}-]*|centrum|stan|city)(?:[\s/][\p{L}/-]+){0,3}?\s*,?\s*(?:samt|och|respektive)?\s*$/u;

/**
 * When the chosen count is the first of several counts of the same thing, each at a place and
 * joined by "samt", "och" or commas, their sum is the count (null when the cell is not so split).
 */
export function splitOverPlaces(text: string, mentions: Mention[], chosen: Mention): number | null {
  const i = mentions.indexOf(chosen);
  if (i < 0) return null;
  let sum = chosen.value;
  let parts = 1;
  for (let k = i; k + 1 < mentions.length; k++) {
    const cur = mentions[k];
    const next = mentions[k + 1];
    const between = text.slice(cur.end, next.start);
    const phraseLen = cur.phrase ? between.indexOf(cur.phrase) + cur.phrase.length : 0;
    if (!PLACE_AFTER.test(between.slice(Math.max(0, phraseLen)))) break;
    if (next.noun && chosen.noun && !nounsMatch(next.noun, chosen.noun)) break;
    if (next.bracketOf !== null || (next.cumulative && !chosen.cumulative)) break;
    sum += next.value;
    parts++;
  }
  return parts > 1 ? sum : null;
}
