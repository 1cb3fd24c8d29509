/**
 * Plurality: a candidate scores the weight of the voters who rank it first among the candidates in
 * play; the highest score wins and the scores rank everyone.
 *
 * Example: 3 voters 0≻1≻2, 2 voters 1≻0≻2, 2 voters 2≻1≻0: scores 3, 2, 2; winner 0; ranking
 * [[0], [1, 2]].
 */
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay, scoreVector } from './positions.js';

const PLURALITY = [1];

export const plurality: ProfileRule = {
  name: 'plurality',
  aliases: ['first-past-the-post', 'fptp'],
  title: 'Plurality',
  description:
    'Each voter gives one point to the candidate it ranks first; the most points wins and the points rank everyone.',
  family: 'positional',
  input: 'rankings',
  output: 'ranking',
  ties: 'Every candidate with the top score wins. pref_voting refuses ballots with a tie at the top; here the t candidates tied first on a ballot get 1/t point each (averaged positions), and a ballot that ranks all candidates in play equal abstains.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    return scoredResult(cs, scoreVector(s, cs, PLURALITY));
  },
};
