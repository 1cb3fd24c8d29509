/**
 * Preliminary weighted Condorcet (Tideman, Collective Decisions and Voting, p. 223): score a linear
 * order c₁ ≻ … ≻ c_r by the sum, over the pairs it puts i above j, of margin(i, j) × plurality(i) ×
 * plurality(j); the candidates placed first by some order of highest score win. Without the
 * plurality weights it would be Kemeny–Young.
 *
 * The best orders are found by a dynamic program over subsets (the best score of ordering a set is
 * the best, over its members c placed first, of c's weighted margins over the rest plus the best
 * score of the rest), so the rule is exact up to 16 candidates instead of enumerating r! orders.
 *
 * Example: 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻0≻1: plurality 2, 2, 1; margins 0 over 1 by 1,
 * 1 over 2 by 3, 2 over 0 by 1. Weighted: 0≻1 4, 1≻2 6, 2≻0 2. The order 1≻2≻0 scores 6 + 2 − 4 = 4
 * and 0≻1≻2 scores 4 + 6 − 2 = 8, the best: winner 0.
 */
import { UserError } from '../../../core/errors.js';
import { EPS, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { placeShares } from '../elimination/rounds.js';
import { inPlay } from '../positional/positions.js';

const MAX = 16;

export const preliminaryWeightedCondorcet: ProfileRule = {
  name: 'preliminary-weighted-condorcet',
  aliases: ['weighted-condorcet'],
  title: 'Preliminary weighted Condorcet',
  description:
    'The first candidates of the linear orders maximizing the sum over ordered pairs of margin × both plurality scores.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's preliminary_weighted_condorcet: plurality scores among the candidates in play (1/t to each of t candidates a weak order ties at the top); every candidate first in some best order wins. Exact (a subset dynamic program); refuses more than 16 candidates.",
  axioms: ['anonymity', 'neutrality'],
  maxCandidates: MAX,
  reference:
    'Tideman (2006), Collective Decisions and Voting, p. 223; pref_voting other_methods.preliminary_weighted_condorcet',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    const r = cs.length;
    if (r === 0) return setResult([]);
    if (r > MAX)
      throw new UserError(
        `preliminary-weighted-condorcet is exact and refuses more than ${MAX} candidates (got ${r})`,
        '--method',
      );
    const first = new Float64Array(s.m);
    placeShares(s.profile, cs, first);
    const g = s.margin();
    const m = s.m;
    const w = new Float64Array(r * r);
    for (let i = 0; i < r; i++)
      for (let j = 0; j < r; j++) w[i * r + j] = g[cs[i] * m + cs[j]] * first[cs[i]] * first[cs[j]];
    // gain(c, S): c placed above every member of S.
    const gain = (c: number, set: number) => {
      let t = 0;
      for (let d = 0; d < r; d++) if (set & (1 << d)) t += w[c * r + d];
      return t;
    };
    const full = (1 << r) - 1;
    const best = new Float64Array(1 << r);
    for (let set = 1; set <= full; set++) {
      let b = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < r; c++) {
        if (!(set & (1 << c))) continue;
        const rest = set & ~(1 << c);
        const v = gain(c, rest) + best[rest];
        if (v > b) b = v;
      }
      best[set] = b;
    }
    const tol = EPS * Math.max(1, Math.abs(best[full]), s.n * s.n * s.n);
    const winners: number[] = [];
    for (let c = 0; c < r; c++) {
      const rest = full & ~(1 << c);
      if (gain(c, rest) + best[rest] >= best[full] - tol) winners.push(cs[c]);
    }
    return setResult(winners);
  },
};
