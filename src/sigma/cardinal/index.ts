import type { UtilityRule } from '../types.js';

/** The cardinal rules (over utilities), in the order `sulab methods` lists them. */
export const cardinalRules: UtilityRule[] = [];
