/**
 * A general positional (scoring) rule: option `scores` gives the points of each position, best
 * first, among the candidates in play (positions past the end of the vector score 0); the highest
 * total wins and the totals rank everyone. `scores=1` is plurality, `scores=1/1` 2-approval,
 * `scores=2/1/0` Borda with three candidates. Without `scores` it is the Borda count.
 *
 * Example: scores [3, 1, 0]; 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻1≻0: scores 6, 9, 5; winner 1.
 */
import { UserError } from '../../../core/errors.js';
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay, scoreVector } from './positions.js';

export const positional: ProfileRule = {
  name: 'positional',
  aliases: ['scoring-rule'],
  title: 'Positional scoring rule',
  description:
    'Each voter gives scores[j] points to the candidate it ranks in position j (best first, 0 past the end of the vector); the most points wins and the points rank everyone.',
  family: 'positional',
  input: 'rankings',
  output: 'ranking',
  ties: 'Every candidate with the top score wins. Weak orders: tied candidates share the points of the positions they occupy (averaged positions); a ballot that ranks all candidates in play equal abstains.',
  axioms: ['anonymity', 'neutrality'],
  options: [
    {
      name: 'scores',
      type: 'number[]',
      description:
        "points per position, best first (e.g. 3/1/0); positions past its end score 0; default: Borda's r−1, …, 1, 0",
    },
  ],
  reference: 'pref_voting scoring_rule',
  run(s, cands, opts) {
    const cs = inPlay(s.m, cands);
    const r = cs.length;
    const given = opts?.scores;
    let vec: ArrayLike<number>;
    if (given === undefined) {
      const borda = new Float64Array(r);
      for (let j = 0; j < r; j++) borda[j] = r - 1 - j;
      vec = borda;
    } else {
      if (
        !Array.isArray(given) ||
        given.length === 0 ||
        given.some((x) => typeof x !== 'number' || !Number.isFinite(x))
      )
        throw new UserError(
          `expected a non-empty list of finite numbers, got ${JSON.stringify(given)}`,
          'options.scores',
        );
      vec = given as readonly number[];
    }
    return scoredResult(cs, scoreVector(s, cs, vec));
  },
};
