import type { ProfileRule } from '../../types.js';

/** The pairwise rules, in the order `sulab methods` lists them. */
export const pairwiseRules: ProfileRule[] = [];
