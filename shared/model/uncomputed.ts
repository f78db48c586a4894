// The fields of an Activity that withStatus computes, before it has run (a plain constant: no schema library needed to build one).
import type { Activity } from './follow-up';

/** The fields of an Activity that withStatus computes, before it has run. */
export const UNCOMPUTED = {
  total: null,
  totalApprox: false,
  totalLowerBound: false,
  share: null,
  expected: null,
  status: 'no-data',
} as const satisfies Partial<Activity>;
