import type { ProfileRule } from '../../types.js';

/** The positional rules, in the order `sulab methods` lists them. */
export const positionalRules: ProfileRule[] = [];
