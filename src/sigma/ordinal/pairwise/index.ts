import type { ProfileRule } from '../../types.js';
import { bradleyTerry } from './bradley-terry.js';
import { copeland } from './copeland.js';
import { llull } from './llull.js';
import { minimax } from './minimax.js';
import { rankedPairs } from './ranked-pairs.js';
import { river } from './river.js';
import { schulze } from './schulze.js';
import { splitCycle } from './split-cycle.js';
import { stableVoting } from './stable-voting.js';

/** The pairwise rules, in the order `sulab methods` lists them. */
export const pairwiseRules: ProfileRule[] = [
  copeland,
  llull,
  minimax,
  schulze,
  rankedPairs,
  river,
  splitCycle,
  stableVoting,
  bradleyTerry,
];
