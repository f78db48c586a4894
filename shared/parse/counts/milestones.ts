// Milestone words of a cell ("Genomfört", "Pågår", "Inställt", "har inte kommit igång") from the judgement lexicon.
import { MILESTONE_PHRASES } from '../../lexicon/sv-judgements';
import type { Milestone } from '../../model/follow-up';
import { squash } from '../text';

/** A milestone and the words that say it. */
export interface MilestoneHit {
  value: Exclude<Milestone, null>;
  phrase: string;
}

/** Milestone of a short or milestone-led text, with its words (null for long prose that merely mentions one). */
export function milestoneHit(text: string): MilestoneHit | null {
  const t = squash(text);
  const wordCount = t.split(' ').length;
  for (const [re, m] of MILESTONE_PHRASES) {
    const hit = re.exec(t);
    if (!hit) continue;
    // Led by the milestone (within its first two words: "Har inte genomförts på grund av pandemin"), or short.
    const lead = t.slice(0, hit.index).trim().split(' ').filter(Boolean).length;
    if (lead <= 1 || wordCount <= 6 || (m === 'not-started' && /inte kommit igång|inte påbörjat/i.test(hit[0]))) return { value: m, phrase: hit[0] };
  }
  return null;
}

/** Milestone word of a short or milestone-led text (null for long prose that merely mentions one). */
export function milestoneOf(text: string): Milestone {
  return milestoneHit(text)?.value ?? null;
}
