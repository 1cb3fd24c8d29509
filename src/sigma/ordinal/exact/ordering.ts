/**
 * Optimal orders for Kemeny and Slater: split the items into their Smith components (see
 * components.ts), solve each exactly (dynamic program up to DP_LIMIT items, integer program up to
 * the rule's limit), and put the pieces back together.
 */
import { UserError } from '../../../core/errors.js';
import type { RuleResult } from '../../types.js';
import { components } from './components.js';
import { costTolerance, DP_LIMIT, type Ordering, orderByDP } from './ordering-dp.js';
import { orderByILP } from './ordering-ilp.js';
import { solver } from './solver.js';

export { DP_LIMIT };

export interface OrderingOptions {
  /** The rule's name, for messages. */
  rule: string;
  /** The largest component it solves (by integer programming past DP_LIMIT); larger is a UserError. */
  limit: number;
  /** What a candidate is called in messages ("candidates"). */
  noun?: string;
}

/** The k×k cost matrix restricted to `items` (local indices into it). */
function restrict(cost: Float64Array, k: number, items: readonly number[]): Float64Array {
  const r = items.length;
  const out = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) out[i * r + j] = cost[items[i] * k + items[j]];
  return out;
}

/**
 * Every optimal order of the k items of `cost`, summarized: the least cost, the items first in some
 * optimal order, the ranking when the optimal orders are the linear extensions of one weak order,
 * and (when every component fits the dynamic program) the least cost of an order with each item
 * first. Throws a UserError naming the limit when a component is too large.
 */
export function solveOrdering(cost: Float64Array, k: number, o: OrderingOptions): Ordering {
  const tol = costTolerance(cost);
  const comps = components(cost, k, tol);
  const largest = comps.reduce((t, c) => Math.max(t, c.length), 0);
  if (largest > o.limit) {
    const noun = o.noun ?? 'candidates';
    const here = largest === k ? `all ${k} ${noun} form one` : `${largest} of the ${k} ${noun} form one`;
    throw new UserError(
      `${o.rule} is exact and NP-hard: it solves Smith components of at most ${o.limit} ${noun} (dynamic program up to ${DP_LIMIT}, integer program beyond), and here ${here}; restrict the ${noun} or choose another rule`,
    );
  }
  const parts = comps.map((items) => {
    const sub = restrict(cost, k, items);
    return items.length <= DP_LIMIT
      ? orderByDP(sub, items.length, tol)
      : orderByILP(sub, items.length, solver(o.rule), o.rule, tol);
  });

  let opt = 0;
  for (const p of parts) opt += p.opt;
  // Pairs across components are always ordered top component first.
  for (let i = 0; i < comps.length; i++)
    for (let j = i + 1; j < comps.length; j++)
      for (const a of comps[i]) for (const b of comps[j]) opt += cost[a * k + b];

  const firsts = parts[0] ? parts[0].firsts.map((c) => comps[0][c]).sort((x, y) => x - y) : [];
  let ranking: number[][] | undefined = [];
  for (let j = 0; j < comps.length && ranking; j++) {
    const r = parts[j].ranking;
    ranking = r ? ranking.concat(r.map((g) => g.map((c) => comps[j][c]).sort((x, y) => x - y))) : undefined;
  }

  let firstCost: Float64Array | undefined;
  if (parts.every((p) => p.firstCost)) {
    // With c first, the rest is still split into the same components (c's own minus c), so only
    // c's component and c's pairs with the components above it change.
    firstCost = new Float64Array(k);
    const earlier: number[] = [];
    comps.forEach((items, j) => {
      const p = parts[j];
      items.forEach((c, i) => {
        let t = opt - p.opt + p.firstCost![i];
        for (const b of earlier) t += cost[c * k + b] - cost[b * k + c];
        firstCost![c] = t;
      });
      earlier.push(...items);
    });
  }
  return { opt, firsts, ranking, firstCost };
}

/**
 * A rule's result from an ordering over `cands` (local index i is candidate cands[i]): the first
 * items win, the ranking is mapped back, and the per-candidate cost of the best order with it first
 * becomes `scores` (NaN for candidates not in play), when known.
 */
export function orderingResult(m: number, cands: readonly number[], o: Ordering): RuleResult {
  const out: RuleResult = { winners: o.firsts.map((i) => cands[i]).sort((x, y) => x - y) };
  if (o.ranking) out.ranking = o.ranking.map((g) => g.map((i) => cands[i]).sort((x, y) => x - y));
  if (o.firstCost) {
    const scores = new Array<number>(m).fill(Number.NaN);
    cands.forEach((c, i) => {
      scores[c] = o.firstCost![i];
    });
    out.scores = scores;
  }
  return out;
}
