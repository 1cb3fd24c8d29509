import type { ProfileRule } from '../../types.js';

/** The elimination rules, in the order `sulab methods` lists them. */
export const eliminationRules: ProfileRule[] = [];
