/** Probabilistic rules over profiles: their answer is a lottery over the candidates. */
import type { Rule } from '../types.js';
import { c1MaximalLottery } from './c1-maximal-lottery.js';
import { maximalLotteryRule } from './maximal-lottery.js';
import { proportionalBorda } from './proportional-borda.js';
import { radius } from './radius.js';
import { randomConsensusBuilder } from './random-consensus-builder.js';

export const probabilisticRules: readonly Rule[] = [
  maximalLotteryRule,
  c1MaximalLottery,
  proportionalBorda,
  radius,
  randomConsensusBuilder,
];
