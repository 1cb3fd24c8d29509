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
import { bordaMinimaxFaceoff } from './borda-minimax-faceoff.js';
import { condorcetPlurality } from './condorcet-plurality.js';
import { copelandGlobalBorda, copelandGlobalMinimax } from './copeland-global.js';
import { copelandLocalBorda, copelandLocalMinimax } from './copeland-local.js';
import { lcpoRule } from './lcpo.js';
import { leximax } from './leximax.js';
import { lossTrimmer } from './loss-trimmer.js';
import { minimaxSupport } from './minimax-support.js';
import { preliminaryWeightedCondorcet } from './preliminary-weighted-condorcet.js';
import { rankedPairsTb, rankedPairsZt, riverTb, riverZt } from './ranked-pairs-tb.js';
import { mostWinsSmallestLoss } from './most-wins-smallest-loss.js';
import { simpleStableVoting } from './simple-stable-voting.js';
import { simplifiedDodgson } from './simplified-dodgson.js';
import { smithMinimax } from './smith-minimax.js';
import { superiorVoting } from './superior-voting.js';

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
  minimaxSupport,
  leximax,
  mostWinsSmallestLoss,
  simplifiedDodgson,
  lossTrimmer,
  simpleStableVoting,
  smithMinimax,
  condorcetPlurality,
  copelandLocalBorda,
  copelandLocalMinimax,
  copelandGlobalBorda,
  copelandGlobalMinimax,
  bordaMinimaxFaceoff,
  superiorVoting,
  rankedPairsTb,
  rankedPairsZt,
  riverTb,
  riverZt,
  preliminaryWeightedCondorcet,
  lcpoRule,
];
