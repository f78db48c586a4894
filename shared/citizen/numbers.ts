// Numbers as people say them: words up to twelve, "ungefär 20", "minst 40", thousands with a no-break space ("1 470").
import { CITIZEN, NUMBER_WORDS } from '../i18n/sv-citizen';

/** The no-break space between thousands, so "1 470" never wraps across lines. */
export const THOUSANDS_SPACE = '\u00a0';

export interface SayOptions {
  /** An approximation ("ett tjugotal") → "ungefär 20". */
  approx?: boolean;
  /** A lower bound ("minst 40") → "minst 40". */
  lowerBound?: boolean;
  /** Neuter noun after a 1 ("ett löfte"); default common gender ("en"). */
  neuter?: boolean;
}

/** Digits with a no-break space between thousands and a decimal comma: 1470 → "1 470", 2.5 → "2,5". */
export function digits(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const [int, frac] = String(Math.abs(rounded)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SPACE);
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/**
 * A number as people say it: whole numbers 0–12 as words ("tio"; "ett" with `neuter`), others
 * as digits with thousands apart ("1 470"); approximations as "ungefär 20" and lower bounds as
 * "minst 40" (an approximate number stays in digits: "ungefär 20", not "ungefär tjugo").
 */
export function sayNumber(n: number, opts: SayOptions = {}): string {
  const small = Number.isInteger(n) && n >= 0 && n < NUMBER_WORDS.length && !opts.approx;
  const word = small ? (n === 1 && opts.neuter ? 'ett' : NUMBER_WORDS[n]) : digits(n);
  if (opts.lowerBound) return `${CITIZEN.atLeast} ${word}`;
  if (opts.approx) return `${CITIZEN.about} ${word}`;
  return word;
}
