/**
 * Borda count: with r candidates in play, a voter gives r−1 points to its first, r−2 to its second,
 * …, 0 to its last; the highest total wins and the totals rank everyone.
 *
 * Example: 3 voters 0≻1≻2, 1 voter 1≻0≻2, 2 voters 2≻1≻0 (pref_voting's borda docstring): scores
 * 7, 7, 4; winners [0, 1].
 */
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import type { Summary } from '../../profile.js';
import { inPlay, scoreVector } from './positions.js';

/** Borda scores (averaged positions) of the candidates in play; NaN for the others. */
export function bordaScores(s: Summary, cands: readonly number[]): number[] {
  const r = cands.length;
  const vec = new Float64Array(r);
  for (let j = 0; j < r; j++) vec[j] = r - 1 - j;
  return scoreVector(s, cands, vec);
}

export const borda: ProfileRule = {
  name: 'borda',
  aliases: ['borda-count'],
  title: 'Borda count',
  description:
    'With r candidates, each voter gives r−1 points to its first choice, r−2 to its second, …, 0 to its last; the most points wins and the points rank everyone.',
  family: 'positional',
  input: 'rankings',
  output: 'ranking',
  ties: "Every candidate with the top score wins. Weak orders: tied candidates share the points of the positions they occupy (averaged positions), which orders candidates exactly as pref_voting's symmetric Borda for profiles with ties (score = candidates ranked below − candidates ranked above; unranked candidates are tied at the bottom).",
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-loser'],
  reference: 'Borda (1781), Mémoire sur les élections au scrutin',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    return scoredResult(cs, bordaScores(s, cs));
  },
};
