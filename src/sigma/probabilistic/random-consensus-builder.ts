/**
 * Random consensus builder (Charikar, Ramakrishnan, Wang & Wu 2024): pick a voter at random and run
 * the consensus builder with that voter's ranking as the consensus-building ranking. Each
 * candidate's probability is the share of the voters whose ranking makes it win.
 *
 * Example: 3 voters 0≻1≻2, 2 voters 1≻2≻0, 2 voters 2≻0≻1, β = ½ (0 over 1 by 5 of 7, 1 over 2
 * by 5, 2 over 0 by 4). Ranking 0≻1≻2: 2 eliminates 0, and 1 wins; ranking 1≻2≻0: 0 eliminates 1,
 * and 2 wins; ranking 2≻0≻1: 1 eliminates 2, and 0 wins. The lottery is (2, 3, 2)/7.
 */
import type { Summary } from '../profile.js';
import type { ProfileRule } from '../types.js';
import { inPlay } from '../ordinal/positional/positions.js';
import { BETA, betaOption, consensusWinner } from '../ordinal/procedural/consensus-builder.js';
import { proportionalLottery } from './lottery.js';

/** Ballot b's ranking of `cands`, best first; tied candidates in index order. */
function orderOf(s: Summary, b: number, cands: readonly number[]): number[] {
  const { m, levels } = s.profile;
  return [...cands].sort((x, y) => levels[b * m + x] - levels[b * m + y] || x - y);
}

export const randomConsensusBuilder: ProfileRule = {
  name: 'random-consensus-builder',
  aliases: ['rcb'],
  title: 'Random consensus builder',
  description:
    'A lottery: each voter, with probability its share of the weight, supplies the consensus-building ranking for the consensus builder.',
  family: 'probabilistic',
  input: 'rankings',
  output: 'lottery',
  ties: "As pref_voting's random_consensus_builder: a ballot's weight goes to the consensus-builder winner under its ranking of the candidates in play; a weak order's tied candidates are ordered by index (pref_voting takes linear orders only).",
  axioms: ['anonymity'],
  options: [BETA],
  reference:
    'Charikar, Ramakrishnan, Wang & Wu (2024), Breaking the metric voting distortion barrier (arXiv:2306.17838); pref_voting probabilistic_methods.random_consensus_builder',
  run(s, cands, opts) {
    const cs = inPlay(s.m, cands);
    const beta = betaOption(opts);
    const weight = new Float64Array(s.m);
    const seen = new Map<string, number>();
    if (cs.length > 0)
      for (let b = 0; b < s.profile.k; b++) {
        const w = s.profile.counts[b];
        if (w === 0) continue;
        const order = orderOf(s, b, cs);
        const key = order.join(',');
        let winner = seen.get(key);
        if (winner === undefined) {
          winner = consensusWinner(s, order, beta);
          seen.set(key, winner);
        }
        weight[winner] += w;
      }
    return proportionalLottery(s.m, cs, weight);
  },
};
