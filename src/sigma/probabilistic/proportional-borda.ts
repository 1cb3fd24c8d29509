/**
 * Proportional Borda: each candidate wins with probability proportional to its Borda score among
 * the candidates in play.
 *
 * Example (pref_voting's borda docstring profile): 3 voters 0≻1≻2, 1 voter 1≻0≻2, 2 voters 2≻1≻0:
 * Borda 7, 7, 4 of 18: the lottery (7, 7, 4)/18.
 */
import type { ProfileRule } from '../types.js';
import { bordaScores } from '../ordinal/positional/borda.js';
import { inPlay } from '../ordinal/positional/positions.js';
import { proportionalLottery } from './lottery.js';

export const proportionalBorda: ProfileRule = {
  name: 'proportional-borda',
  aliases: ['pr-borda'],
  title: 'Proportional Borda',
  description: 'A lottery in which each candidate’s probability is proportional to its Borda score.',
  family: 'probabilistic',
  input: 'rankings',
  output: 'lottery',
  ties: "As pref_voting's pr_borda: Borda scores among the candidates in play (averaged positions on weak orders); winners are the candidates with positive probability; when every score is 0 (one candidate, or no ballot separates any), the lottery is uniform.",
  axioms: ['anonymity', 'neutrality'],
  reference: 'pref_voting probabilistic_methods.pr_borda',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    return proportionalLottery(s.m, cs, bordaScores(s, cs));
  },
};
