/**
 * Kemeny–Young: the rankings at least total Kendall-tau distance from the ballots, that is, the
 * linear orders minimizing Σ over ordered pairs (a above b) of the weight of voters who put b above
 * a (equivalently, maximizing the support of the pairs they agree with). A candidate wins when it is
 * first in some optimal ranking (pref_voting's `kemeny_young`: the union over all optimal rankings).
 *
 * Exact: the candidates are split into Smith components (every Kemeny ranking lists them top
 * component first; see components.ts), each component is solved by a dynamic program over subsets
 * up to 20 candidates and by an integer program up to KEMENY_LIMIT, and larger components are
 * refused. Tied pairs on a ballot count 0 toward the distance (pref_voting's marginal form; a ½
 * per tied pair adds the same constant to every ranking and changes nothing).
 *
 * Example (Wikipedia's Tennessee capital): 42 voters Memphis ≻ Nashville ≻ Chattanooga ≻ Knoxville,
 * 26 Nashville ≻ Chattanooga ≻ Knoxville ≻ Memphis, 15 Chattanooga ≻ Knoxville ≻ Nashville ≻
 * Memphis, 17 Knoxville ≻ Chattanooga ≻ Nashville ≻ Memphis. With Memphis, Nashville, Chattanooga,
 * Knoxville as 0, 1, 2, 3 the Kemeny ranking is [[1], [2], [3], [0]] at distance 207, and the winner
 * is Nashville (1).
 */
import { allCandidates } from '../../profile.js';
import type { ProfileRule } from '../../types.js';
import { loadSolver } from './solver.js';
import { orderingResult, solveOrdering } from './ordering.js';

/** The largest Smith component Kemeny solves (integer program past 20 candidates). */
export const KEMENY_LIMIT = 30;

/** Kemeny's cost matrix over `cands`: cost[i][j] = support(cands[j], cands[i]). */
export function kemenyCost(support: Float64Array, m: number, cands: readonly number[]): Float64Array {
  const k = cands.length;
  const cost = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) if (i !== j) cost[i * k + j] = support[cands[j] * m + cands[i]];
  return cost;
}

export const kemenyYoung: ProfileRule & { prepare(): Promise<void> } = {
  name: 'kemeny-young',
  aliases: ['kemeny'],
  title: 'Kemeny–Young',
  description:
    'The rankings at least total Kendall-tau distance from the ballots (the weight of voter–pair disagreements); a candidate wins when it is first in one of them.',
  family: 'exact',
  input: 'rankings',
  output: 'ranking',
  ties: "Winners are the union of the first candidates over all optimal rankings (pref_voting's kemeny_young). `ranking` is the weak order whose linear extensions are exactly the optimal rankings when one exists (always when the optimal ranking is unique), and is omitted otherwise. `scores[c]` is the distance of the best ranking that puts c first (lower is better; the winners have the least), given when every Smith component has at most 20 candidates, omitted past that. Pairs tied on a ballot count 0.",
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser', 'smith', 'unanimity'],
  maxCandidates: KEMENY_LIMIT,
  reference:
    'Kemeny (1959), Mathematics without numbers; Young & Levenglick (1978), A consistent extension of Condorcet’s election principle',
  prepare: loadSolver,
  run(s, cands = allCandidates(s.m)) {
    const cost = kemenyCost(s.support(), s.m, cands);
    return orderingResult(
      s.m,
      cands,
      solveOrdering(cost, cands.length, { rule: 'kemeny-young', limit: KEMENY_LIMIT }),
    );
  },
};
