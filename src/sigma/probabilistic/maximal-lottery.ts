/**
 * Maximal lottery: the lottery no other lottery beats in expected majority margin (Fishburn 1984).
 *
 * Example: 2 voters a≻b≻c, 1 voter b≻c≻a: a is the Condorcet winner, so the lottery is (1, 0, 0).
 * The cycle a≻b≻c (3 voters), b≻c≻a (2), c≻a≻b (2): margins a over b 3, b over c 3, c over a 1,
 * so the lottery is (3, 1, 3)/7.
 */
import type { ProfileRule } from '../types.js';
import { lotteryOver } from './maximal.js';

export const maximalLotteryRule: ProfileRule = {
  name: 'maximal-lottery',
  aliases: ['maximal-lotteries', 'ml'],
  title: 'Maximal lottery',
  description:
    'The optimal mixed strategy of the symmetric zero-sum game on the majority margins: no lottery beats it in expected margin.',
  family: 'probabilistic',
  input: 'rankings',
  output: 'lottery',
  ties: 'Unique for an odd number of voters with linear orders; otherwise the leximin point of the maximal lotteries on the essential set (pref_voting returns the equilibrium its solver finds). Winners are the support.',
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'pareto'],
  reference: 'Fishburn (1984); Brandl, Brandt & Seedig (2016); pref_voting `maximal_lottery`',
  run: (s, cands) => lotteryOver(s, cands, false),
};
