/**
 * Slater: the rankings that contradict the fewest majority relations, i.e. the linear orders
 * minimizing the number of pairs (a above b) where b beats a by a strict majority. A candidate wins
 * when it is first in some such ranking (pref_voting's `slater`). Pairs with a zero margin have no
 * majority edge and cost nothing either way (pref_voting's convention: its distance counts only
 * majority edges turned around).
 *
 * Exact, by the same method as Kemeny (Smith components, dynamic program up to 20 candidates, integer
 * program up to SLATER_LIMIT): Slater orders also put each Smith component above the next.
 *
 * Example: the cycle 0 ≻ 1 ≻ 2 ≻ 0 (one voter each for 0≻1≻2, 1≻2≻0, 2≻0≻1) is turned into a
 * ranking by reversing one edge; the three rotations 0≻1≻2, 1≻2≻0, 2≻0≻1 do it, so every candidate
 * wins with score 1 and there is no ranking.
 */
import { allCandidates } from '../../profile.js';
import type { ProfileRule } from '../../types.js';
import { orderingResult, solveOrdering } from './ordering.js';
import { loadSolver } from './solver.js';

/** The largest Smith component Slater solves (integer program past 20 candidates). */
export const SLATER_LIMIT = 25;

/** Slater's cost matrix over `cands`: cost[i][j] = 1 when cands[j] beats cands[i] by majority. */
export function slaterCost(margin: Float64Array, m: number, cands: readonly number[]): Float64Array {
  const k = cands.length;
  const cost = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) if (i !== j && margin[cands[j] * m + cands[i]] > 0) cost[i * k + j] = 1;
  return cost;
}

export const slater: ProfileRule & { prepare(): Promise<void> } = {
  name: 'slater',
  aliases: [],
  title: 'Slater',
  description:
    'The rankings that reverse the fewest strict majority relations; a candidate wins when it is first in one of them.',
  family: 'exact',
  input: 'rankings',
  output: 'ranking',
  ties: "Winners are the union of the first candidates over all optimal rankings (pref_voting's slater). Zero margins are no majority edge and cost nothing either way. `ranking` is the weak order whose linear extensions are exactly the optimal rankings when one exists, omitted otherwise. `scores[c]` is the number of majority edges reversed by the best ranking that puts c first (lower is better), given when every Smith component has at most 20 candidates.",
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser', 'smith', 'unanimity'],
  maxCandidates: SLATER_LIMIT,
  reference: 'Slater (1961), Inconsistencies in a schedule of paired comparisons',
  prepare: loadSolver,
  run(s, cands = allCandidates(s.m)) {
    const cost = slaterCost(s.margin(), s.m, cands);
    return orderingResult(
      s.m,
      cands,
      solveOrdering(cost, cands.length, { rule: 'slater', limit: SLATER_LIMIT }),
    );
  },
};
