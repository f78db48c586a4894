// Judgements in words ("kan anses vara uppfyllt", "delvis uppnått", "har inte uppnåtts"), with the phrase kept as the reason.
import { JUDGEMENT_PHRASES } from '../../lexicon/sv-judgements';
import type { JudgementValue } from '../../model/follow-up';

/** A judgement read from a text and the words that settle it. */
export interface TextJudgement {
  value: JudgementValue;
  phrase: string;
}

/** The first judgement phrase of the lexicon found in a text, or null. */
export function judgementOf(text: string): TextJudgement | null {
  for (const [re, value] of JUDGEMENT_PHRASES) {
    const m = re.exec(text);
    if (m) return { value, phrase: m[0] };
  }
  return null;
}
