/**
 * Dowdall (the Nauru rule): a voter gives 1 point to its first choice, 1/2 to its second, 1/3 to its
 * third, and so on; the highest total wins and the totals rank everyone.
 *
 * Example: 2 voters 0≻1≻2 and 2 voters 1≻2≻0: scores 2 + 2/3, 3, 1 + 2/3; winner 1.
 */
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay, scoreVector } from './positions.js';

export const dowdall: ProfileRule = {
  name: 'dowdall',
  aliases: ['nauru'],
  title: 'Dowdall',
  description:
    'Each voter gives 1 point to its first choice, 1/2 to its second, 1/3 to its third, …; the most points wins and the points rank everyone.',
  family: 'positional',
  input: 'rankings',
  output: 'ranking',
  ties: 'Every candidate with the top score wins. Weak orders: tied candidates share the points of the positions they occupy (averaged positions); a ballot that ranks all candidates in play equal abstains.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference: 'Fraenkel & Grofman (2014), The Borda count and its real-world alternatives',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    const r = cs.length;
    const vec = new Float64Array(r);
    for (let j = 0; j < r; j++) vec[j] = 1 / (j + 1);
    return scoredResult(cs, scoreVector(s, cs, vec));
  },
};
