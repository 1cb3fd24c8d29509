import type { ProfileRule } from '../../types.js';

/** The tournament rules, in the order `sulab methods` lists them. */
export const tournamentRules: ProfileRule[] = [];
