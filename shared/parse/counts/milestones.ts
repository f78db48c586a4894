// Milestone words of a cell ("Genomfört", "Pågår", "Inställt", "har inte kommit igång") from the judgement lexicon.
import { MILESTONE_PHRASES } from '../../lexicon/sv-judgements';
import type { Milestone } from '../../model/follow-up';
import { squash } from '../text';

/** Milestone word of a short or milestone-led text (null for long prose that merely mentions one). */
export function milestoneOf(text: string): Milestone {
  const t = squash(text);
  const wordCount = t.split(' ').length;
  for (const [re, m] of MILESTONE_PHRASES) {
    const hit = re.exec(t);
    if (!hit) continue;
    if (hit.index === 0 || wordCount <= 6 || (m === 'not-started' && /inte kommit igång|inte påbörjat/i.test(hit[0]))) return m;
  }
  return null;
}
