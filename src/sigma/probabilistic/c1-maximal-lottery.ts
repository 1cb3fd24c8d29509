/**
 * C1 maximal lottery: the maximal lottery of the majority relation alone — margins replaced by
 * their signs (+1 a majority for, −1 against, 0 a tie), so only who beats whom counts.
 *
 * Example: in any three-candidate cycle the lottery is uniform, whatever the margins.
 */
import type { ProfileRule } from '../types.js';
import { lotteryOver } from './maximal.js';

export const c1MaximalLottery: ProfileRule = {
  name: 'c1-maximal-lottery',
  aliases: ['c1-maximal-lotteries'],
  title: 'C1 maximal lottery',
  description:
    'The maximal lottery of the majority relation: the optimal mixed strategy of the symmetric zero-sum game on the signs of the margins.',
  family: 'probabilistic',
  input: 'rankings',
  output: 'lottery',
  ties: 'Unique when the majority relation is a tournament with an odd number of candidates in play; otherwise the leximin point of the C1 maximal lotteries on their essential set. Winners are the support (the bipartisan set for tournaments).',
  axioms: ['anonymity', 'neutrality', 'condorcet-winner'],
  reference: 'Fishburn (1984); Laffond, Laslier & Le Breton (1993); pref_voting `c1_maximal_lottery`',
  run: (s, cands) => lotteryOver(s, cands, true),
};
