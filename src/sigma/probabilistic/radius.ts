/**
 * Random dictator on the β-uncovered set (RaDiUS; Charikar, Ramakrishnan, Wang & Wu 2024): restrict
 * to the β-uncovered set and pick a voter at random; the voter's favourite among that set wins. Each
 * candidate's probability is its share of first places among the set.
 *
 * Example: 3 voters 0≻1≻2, 2 voters 1≻2≻0, 2 voters 2≻0≻1 (a cycle: 0 over 1 by 5 of 7, 1 over 2
 * by 5, 2 over 0 by 4): with β = ½ nobody β-covers anybody, and the lottery is the first places
 * (3, 2, 2)/7.
 */
import type { ProfileRule } from '../types.js';
import { placeShares } from '../ordinal/elimination/rounds.js';
import { inPlay } from '../ordinal/positional/positions.js';
import { BETA, betaOption } from '../ordinal/procedural/consensus-builder.js';
import { betaUncovered } from '../ordinal/tournament/beta-uncovered-set.js';
import { proportionalLottery } from './lottery.js';

export const radius: ProfileRule = {
  name: 'radius',
  aliases: ['random-dictator-beta-uncovered', 'random-dictator-on-the-beta-uncovered-set'],
  title: 'Random dictator on the β-uncovered set (RaDiUS)',
  description:
    'A lottery over the β-uncovered set: each member’s probability is its share of the first places among the members.',
  family: 'probabilistic',
  input: 'rankings',
  output: 'lottery',
  ties: "As pref_voting's RaDiUS: first places among the β-uncovered set, 1/t to each of t candidates a weak order ties at the top of it; ballots ranking the whole set equal abstain; uniform on the set if every ballot abstains.",
  axioms: ['anonymity', 'neutrality'],
  options: [BETA],
  reference:
    'Charikar, Ramakrishnan, Wang & Wu (2024), Breaking the metric voting distortion barrier (arXiv:2306.17838); pref_voting probabilistic_methods.RaDiUS',
  run(s, cands, opts) {
    const set = betaUncovered(s, inPlay(s.m, cands), betaOption(opts));
    const first = new Float64Array(s.m);
    if (set.length > 0) placeShares(s.profile, set, first);
    return proportionalLottery(s.m, set, first);
  },
};
