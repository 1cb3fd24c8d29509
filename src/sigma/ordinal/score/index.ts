import type { ProfileRule } from '../../types.js';

/** The score rules, in the order `sulab methods` lists them. */
export const scoreRules: ProfileRule[] = [];
