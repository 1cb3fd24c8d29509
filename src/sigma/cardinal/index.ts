import type { UtilityRule } from '../types.js';
import { dictatorship, randomDictatorship } from './dictatorship.js';
import { egalitarian, leximin } from './egalitarian.js';
import { kalaiSmorodinsky } from './kalai-smorodinsky.js';
import { nashBargaining } from './nash.js';
import { weightedUtilitarian } from './utilitarian.js';

/** The cardinal rules (over utilities), in the order `sulab methods` lists them. */
export const cardinalRules: UtilityRule[] = [
  weightedUtilitarian,
  nashBargaining,
  kalaiSmorodinsky,
  egalitarian,
  leximin,
  randomDictatorship,
  dictatorship,
];
