/**
 * Weighted Bucklin (Kilgour, Grégoire & Foley): a voter's j-th choice among r candidates is worth
 * (r − j)/(r − 1) (1, …, 0: normalized Borda). Add each candidate's first places, then its weighted
 * second places, and so on, until some candidate's total reaches half the voters; the candidates
 * with the largest total then win.
 *
 * Example (pref_voting's docstring): 2 voters 1≻0≻2, 1 voter 0≻2≻1, 1 voter 0≻1≻2. First places
 * 2, 2, 0 already reach half of 4, and 0 and 1 tie: winners [0, 1].
 */
import { EPS, groupByScore } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { positions } from './positions.js';

export const weightedBucklin: ProfileRule = {
  name: 'weighted-bucklin',
  aliases: [],
  title: 'Weighted Bucklin',
  description:
    "Add up first places, then second places weighted (r−2)/(r−1), … (normalized Borda weights) until some candidate's total reaches half the voters; the largest total wins.",
  family: 'positional',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's weighted_bucklin with its defaults (normalized Borda weights, threshold half the voters, reached when a total is ≥ it): every candidate with the largest total at that round wins. Weak orders as in bucklin: t tied candidates share their positions, 1/t each; ballots ranking all candidates in play equal abstain and do not count toward the half.",
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference:
    'Kilgour, Grégoire & Foley (2020), Weighted scoring elections: is Borda best?; pref_voting other_methods.weighted_bucklin',
  run(s, cands) {
    const { cands: cs, pos, active } = positions(s, cands);
    const r = cs.length;
    if (r === 0) return { winners: [] };
    const half = active / 2;
    const tol = EPS * Math.max(1, active);
    const total = new Float64Array(s.m);
    for (let j = 0; j < r; j++) {
      const w = r > 1 ? (r - 1 - j) / (r - 1) : 1;
      let reached = false;
      for (let i = 0; i < r; i++) {
        total[cs[i]] += w * pos[i * r + j];
        if (total[cs[i]] >= half - tol) reached = true;
      }
      if (reached) break;
    }
    return { winners: groupByScore(cs, total)[0] };
  },
};
