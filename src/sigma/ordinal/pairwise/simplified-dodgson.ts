/**
 * Simplified Dodgson (Tideman): the Condorcet winner if there is one; otherwise the candidates with
 * the smallest sum of the margins by which the others beat them.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5: sums of defeats 5, 1, 3: 1 wins.
 */
import { condorcetWinner } from '../../majority.js';
import { groupByScore, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';

export const simplifiedDodgson: ProfileRule = {
  name: 'simplified-dodgson',
  aliases: [],
  title: 'Simplified Dodgson',
  description:
    'The Condorcet winner if there is one; otherwise the candidates with the smallest sum of margins of defeat.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's simplified_dodgson: every candidate with the smallest sum of defeat margins wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner'],
  reference:
    'Tideman (1987), Independence of clones as a criterion for voting rules; pref_voting margin_based_methods.simplified_dodgson',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    const cw = condorcetWinner(s, cs);
    if (cw >= 0) return setResult([cw]);
    const g = s.margin();
    const m = s.m;
    const loss = new Float64Array(m);
    for (const c of cs) for (const d of cs) if (g[d * m + c] > 0) loss[c] += g[d * m + c];
    return setResult(groupByScore(cs, loss, true)[0]);
  },
};
