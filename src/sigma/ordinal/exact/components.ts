/**
 * The Smith decomposition of an ordering problem, which lets Kemeny and Slater solve each part on
 * its own.
 *
 * An ordering problem is a k×k cost matrix: `cost[a*k+b]` is what placing a anywhere above b
 * costs (Kemeny: the weight of voters who put b above a; Slater: 1 when b beats a by majority).
 * Say x dominates y when cost[y*k+x] > cost[x*k+y]: putting y above x costs strictly more than the
 * reverse. If the items split into X and Y with every x ∈ X dominating every y ∈ Y, every optimal
 * order puts all of X above all of Y: an optimal order with some y above some x has such a pair
 * adjacent, and swapping it lowers the cost by cost[y][x] − cost[x][y] > 0. This is Truchon's
 * extended Condorcet criterion (Truchon 1998, "An extension of the Condorcet criterion and Kemeny
 * orders"), which Kemeny and Slater orders satisfy. Applied repeatedly it splits the items into
 * components C1, C2, … (for Kemeny and Slater: the Smith set, then the Smith set of the rest, …);
 * the optimal orders are exactly the concatenations of optimal orders of each component, and the
 * costs between components are the same for all of them.
 */

import { costTolerance } from './ordering-dp.js';

/**
 * The components of `cost` (k×k), top first, each a list of local indices in ascending order.
 *
 * The relation "a is not dominated by b" (cost[a][b] ≤ cost[b][a]) holds in at least one
 * direction for every pair, so its strongly connected components are totally ordered, and an item
 * of a higher component is not dominated by strictly more items than any item of a lower one.
 * Sorting by that count therefore lists the components as consecutive runs; a run ends wherever no
 * later item fails to be dominated by an earlier one. O(k²). Cost differences within `tol` (see
 * costTolerance) are ties, as in the solvers.
 */
export function components(cost: Float64Array, k: number, tol = costTolerance(cost)): number[][] {
  // a is not dominated by b (differences within tol are ties, as in the solvers).
  const free = (a: number, b: number) => cost[a * k + b] <= cost[b * k + a] + tol;
  const undominatedBy = new Int32Array(k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (a !== b && free(a, b)) undominatedBy[a]++;
  const order = Array.from({ length: k }, (_, i) => i).sort(
    (x, y) => undominatedBy[y] - undominatedBy[x] || x - y,
  );
  const out: number[][] = [];
  let start = 0;
  // crossing = number of pairs (later u, earlier v) with u not dominated by v: the prefix is a union
  // of top components exactly when it is 0.
  let crossing = 0;
  for (let i = 0; i < k; i++) {
    const v = order[i];
    // v leaves the suffix: its pairs into the prefix stop crossing …
    for (let j = 0; j < i; j++) {
      if (free(v, order[j])) crossing--;
    }
    // … and the suffix's pairs into v start.
    for (let j = i + 1; j < k; j++) {
      if (free(order[j], v)) crossing++;
    }
    if (crossing === 0) {
      out.push(order.slice(start, i + 1).sort((x, y) => x - y));
      start = i + 1;
    }
  }
  return out;
}
