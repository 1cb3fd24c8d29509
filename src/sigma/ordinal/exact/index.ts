import type { ProfileRule } from '../../types.js';

/** The exact rules, in the order `sulab methods` lists them. */
export const exactRules: ProfileRule[] = [];
