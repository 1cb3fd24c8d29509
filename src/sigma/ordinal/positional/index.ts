import type { ProfileRule } from '../../types.js';
import { absoluteMajority } from './absolute-majority.js';
import { antiPlurality } from './anti-plurality.js';
import { black } from './black.js';
import { borda } from './borda.js';
import { bucklin, simplifiedBucklin } from './bucklin.js';
import { dowdall } from './dowdall.js';
import { plurality } from './plurality.js';
import { positional } from './positional.js';
import { weightedBucklin } from './weighted-bucklin.js';

/** The positional rules, in the order `sulab methods` lists them. */
export const positionalRules: ProfileRule[] = [
  plurality,
  antiPlurality,
  borda,
  dowdall,
  positional,
  bucklin,
  simplifiedBucklin,
  black,
  weightedBucklin,
  absoluteMajority,
];
