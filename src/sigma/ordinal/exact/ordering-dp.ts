/**
 * Exact optimal orders by dynamic programming over subsets (the Held–Karp technique applied to
 * linear ordering): O(2^k · k) time, 2^k doubles of memory. Used by Kemeny and Slater for
 * components of up to DP_LIMIT items.
 *
 * `cost[a*k+b]` is what placing a above b costs; an order costs the sum over its ordered pairs.
 * best[S] is the least cost of ordering the set S on its own (pairs inside S only). Putting c on
 * top of the rest of S adds Σ_{b∈S} cost[c][b], so
 *
 *     best[S] = min over c ∈ S of best[S∖c] + row(c, S),   row(c, S) = Σ_{b∈S} cost[c][b].
 *
 * The rows for all c are kept incrementally: visiting S in increasing order, the bit that turns on
 * is S's lowest, and the bits above it are as they were when they were last summed, so one vector
 * addition per set keeps row(·, S) for every c (sums always run from the highest bit down, so the
 * same set always gets bit-identical sums, which the backward pass relies on).
 *
 * All optimal orders, not just one, come from a backward pass: S is the set of the last |S| items
 * of some optimal order exactly when a chain of optimal choices leads from the full set to S. The
 * first items of optimal orders are the c whose complement is reached. When each size is reached by
 * only one set, those sets cut every optimal order at the same places; the optimal orders are then
 * exactly the linear extensions of the weak order they define if and only if every pair inside a
 * group costs the same both ways (then any order of a group costs the same; if some pair does not,
 * some extension is not optimal, and no other weak order can work since its cuts would have to be
 * among these). That weak order is the ranking; otherwise there is none.
 */

/** The dynamic program handles components of up to this many items (2^20 doubles = 8 MB). */
export const DP_LIMIT = 20;

export interface Ordering {
  /** The least cost of an order of all the items. */
  opt: number;
  /** The items first in some optimal order, ascending (local indices). */
  firsts: number[];
  /** The weak order (best first) whose linear extensions are exactly the optimal orders, if any. */
  ranking?: number[][];
  /** firstCost[c]: the least cost of an order that puts c first (dynamic program only). */
  firstCost?: Float64Array;
}

/**
 * The tolerance under which two costs count as equal: none for whole costs (sums of whole numbers
 * below 2^53 are exact), else 1e-9 relative to the total cost in play (fractional voter weights).
 */
export function costTolerance(cost: Float64Array): number {
  let t = 0;
  let whole = true;
  for (let i = 0; i < cost.length; i++) {
    t += Math.abs(cost[i]);
    if (!Number.isInteger(cost[i])) whole = false;
  }
  return whole && t < 2 ** 53 ? 0 : 1e-9 * Math.max(1, t);
}

/** The forward pass: best[S] for every subset S of the k items. */
function forward(k: number, colT: Float64Array): Float64Array {
  const n = 2 ** k;
  const best = new Float64Array(n);
  // rows[t*k + c] = Σ over the bits b ≥ t of the current set of cost[c][b]; row k stays zero.
  const rows = new Float64Array((k + 1) * k);
  for (let S = 1; S < n; S++) {
    const low = S & -S;
    const t = 31 - Math.clz32(low);
    const up = S ^ low;
    const base = up === 0 ? k : 31 - Math.clz32(up & -up);
    const rt = t * k;
    const rb = base * k;
    for (let c = 0; c < k; c++) rows[rt + c] = rows[rb + c] + colT[rt + c];
    let m = Number.POSITIVE_INFINITY;
    for (let r = S; r !== 0; r &= r - 1) {
      const bit = r & -r;
      const v = best[S ^ bit] + rows[rt + 31 - Math.clz32(bit)];
      if (v < m) m = v;
    }
    best[S] = m;
  }
  return best;
}

/** row(·, S) summed from the highest bit down, as the forward pass sums it. */
function rowsOf(S: number, k: number, colT: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let b = k - 1; b >= 0; b--) {
    if (!(S & (1 << b))) continue;
    const o = b * k;
    for (let c = 0; c < k; c++) out[c] += colT[o + c];
  }
}

/** Every optimal order of the k items (k ≤ DP_LIMIT), summarized; costs within `tol` are equal. */
export function orderByDP(cost: Float64Array, k: number, tol = costTolerance(cost)): Ordering {
  if (k > DP_LIMIT) throw new RangeError(`orderByDP: ${k} items is past the limit of ${DP_LIMIT}`);
  if (k === 0) return { opt: 0, firsts: [], ranking: [], firstCost: new Float64Array(0) };
  // colT[b*k + c] = cost[c][b]: what c pays for being above b, contiguous in c.
  const colT = new Float64Array(k * k);
  for (let c = 0; c < k; c++) for (let b = 0; b < k; b++) colT[b * k + c] = cost[c * k + b];
  const best = forward(k, colT);
  const full = 2 ** k - 1;

  // Backward pass: reached[S] = 1 when S is the tail of some optimal order.
  const reached = new Uint8Array(full + 1);
  reached[full] = 1;
  const row = new Float64Array(k);
  const perSize = new Int32Array(k + 1);
  const setOfSize = new Int32Array(k + 1);
  for (let S = full; S >= 0; S--) {
    if (!reached[S]) continue;
    let size = 0;
    for (let r = S; r !== 0; r &= r - 1) size++;
    perSize[size]++;
    setOfSize[size] = S;
    if (S === 0) break;
    rowsOf(S, k, colT, row);
    const target = best[S] + tol;
    for (let r = S; r !== 0; r &= r - 1) {
      const bit = r & -r;
      const c = 31 - Math.clz32(bit);
      if (best[S ^ bit] + row[c] <= target) reached[S ^ bit] = 1;
    }
  }

  rowsOf(full, k, colT, row);
  const firstCost = new Float64Array(k);
  const firsts: number[] = [];
  for (let c = 0; c < k; c++) {
    firstCost[c] = best[full ^ (1 << c)] + row[c];
    if (reached[full ^ (1 << c)]) firsts.push(c);
  }
  return { opt: best[full], firsts, ranking: forcedWeakOrder(cost, k, perSize, setOfSize, tol), firstCost };
}

/** The weak order cut at the sizes reached by a single tail set, if its groups are all ties. */
function forcedWeakOrder(
  cost: Float64Array,
  k: number,
  perSize: Int32Array,
  setOfSize: Int32Array,
  tol: number,
): number[][] | undefined {
  const groups: number[][] = [];
  let prev = 2 ** k - 1;
  for (let size = k - 1; size >= 0; size--) {
    if (perSize[size] !== 1) continue;
    const tail = setOfSize[size];
    const group: number[] = [];
    for (let c = 0; c < k; c++) if (prev & ~tail & (1 << c)) group.push(c);
    groups.push(group);
    prev = tail;
  }
  for (const g of groups)
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++)
        if (Math.abs(cost[g[i] * k + g[j]] - cost[g[j] * k + g[i]]) > tol) return undefined;
  return groups;
}
