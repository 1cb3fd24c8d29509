/**
 * The equilibrium of a linear Fisher market by proportional response dynamics (Wu & Zhang 2007;
 * Zhang 2011; Birnbaum, Devanur & Xiao 2011): each buyer splits its budget in proportion to the
 * utility each good gave it last round, b_ka ← B_k U_ka x_ka / u_k, prices are what was spent,
 * p_a = Σ_k b_ka, and allocations x_ka = b_ka / p_a. For linear utilities this converges to the
 * Eisenberg–Gale optimum (it is mirror descent on Shmyrev's convex program).
 *
 * Convergence is certified by the Eisenberg–Gale duality gap: with β_k = max_a U_ka / p_a (the
 * best bang per buck) and Σ_a p_a = Σ_k B_k, the dual objective minus the primal one is
 *   gap = Σ_k B_k log(β_k B_k / u_k) ≥ 0,
 * zero exactly at equilibrium (every buyer spends only on its best goods).
 *
 * Proportional response converges only as O(1/t) when the equilibrium is degenerate (a buyer
 * indifferent between a good it buys and one it does not). So between rounds of it the solver
 * tries to finish exactly: it reads off which buyers are (nearly) indifferent among which goods,
 * solves the prices that make them exactly indifferent (on each connected component of that
 * graph, prices in the ratios the utilities fix, scaled so the component's goods cost what its
 * buyers hold), and looks for spending on those edges only that spends every budget and pays
 * every price (a max flow). When that succeeds and the gap is ≤ tol, that is the equilibrium;
 * otherwise the dynamics go on. Iteration stops at gap ≤ tol · Σ_k B_k (or maxIterations).
 *
 * Prices and each buyer's utility are unique at equilibrium; allocations need not be (identical
 * buyers can split goods in many ways). The one returned is the dynamics' (symmetric among
 * identical buyers) or, when finished exactly, the max flow's.
 */

export interface FisherEquilibrium {
  /** Price per good (0 for goods nobody values). */
  readonly prices: Float64Array;
  /** Spending b_ka, buyers × goods (row-major). */
  readonly spending: Float64Array;
  /** Allocation x_ka = b_ka / p_a, buyers × goods. */
  readonly allocation: Float64Array;
  /** Each buyer's utility Σ_a U_ka x_ka. */
  readonly utilities: Float64Array;
  /** The Eisenberg–Gale duality gap at the end, divided by Σ B. */
  readonly gap: number;
  readonly iterations: number;
}

/**
 * Buyers k with budgets B[k] > 0 and linear utilities U (K × A, non-negative, each row with a
 * positive entry). Goods have supply 1.
 */
export function fisherEquilibrium(
  U: Float64Array,
  B: ArrayLike<number>,
  K: number,
  A: number,
  tol = 1e-13,
  maxIterations = 1_000_000,
): FisherEquilibrium {
  let total = 0;
  for (let k = 0; k < K; k++) total += B[k];
  const b = new Float64Array(K * A);
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let a = 0; a < A; a++) s += U[k * A + a];
    for (let a = 0; a < A; a++) b[k * A + a] = (B[k] * U[k * A + a]) / s;
  }
  let it = 0;
  let next = 64;
  for (;;) {
    const state = evaluate(U, B, K, A, b, total);
    if (state.gap <= tol || it >= maxIterations) return { ...state, iterations: it };
    if (it >= next) {
      next *= 4;
      const exact = finish(U, B, K, A, state.prices, total);
      if (exact && exact.gap <= tol) return { ...exact, iterations: it };
    }
    const { allocation: x, utilities: u } = state;
    for (let k = 0; k < K; k++)
      for (let a = 0; a < A; a++) b[k * A + a] = (B[k] * U[k * A + a] * x[k * A + a]) / u[k];
    it++;
  }
}

/** Prices, allocation, utilities and the relative duality gap of spending b. */
function evaluate(
  U: Float64Array,
  B: ArrayLike<number>,
  K: number,
  A: number,
  b: Float64Array,
  total: number,
): Omit<FisherEquilibrium, 'iterations'> {
  const p = new Float64Array(A);
  const x = new Float64Array(K * A);
  const u = new Float64Array(K);
  for (let k = 0; k < K; k++) for (let a = 0; a < A; a++) p[a] += b[k * A + a];
  let gap = 0;
  for (let k = 0; k < K; k++) {
    let uk = 0;
    let beta = 0;
    for (let a = 0; a < A; a++) {
      const i = k * A + a;
      x[i] = p[a] > 0 ? b[i] / p[a] : 0;
      uk += U[i] * x[i];
      if (p[a] > 0) beta = Math.max(beta, U[i] / p[a]);
    }
    u[k] = uk;
    gap += B[k] * Math.log((beta * B[k]) / uk);
  }
  return {
    prices: p,
    spending: Float64Array.from(b),
    allocation: x,
    utilities: u,
    gap: Math.max(0, gap / total),
  };
}

/**
 * The exact equilibrium on the graph of near-best goods at prices `approx` (see the module
 * comment), or null when that graph admits none.
 */
function finish(
  U: Float64Array,
  B: ArrayLike<number>,
  K: number,
  A: number,
  approx: Float64Array,
  total: number,
): Omit<FisherEquilibrium, 'iterations'> | null {
  const edge = (k: number, a: number, p: ArrayLike<number>, slack: number) => {
    if (!(U[k * A + a] > 0 && p[a] > 0)) return false;
    let beta = 0;
    for (let c = 0; c < A; c++) if (p[c] > 0) beta = Math.max(beta, U[k * A + c] / p[c]);
    return U[k * A + a] / p[a] >= beta * (1 - slack);
  };
  // Components of the near-indifference graph, prices along a spanning tree.
  const p = new Float64Array(A);
  const seenGood = new Uint8Array(A);
  const seenBuyer = new Uint8Array(K);
  for (let k0 = 0; k0 < K; k0++) {
    if (seenBuyer[k0]) continue;
    let a0 = -1;
    for (let a = 0; a < A; a++) if (edge(k0, a, approx, 1e-6)) a0 = a;
    if (a0 < 0 || seenGood[a0]) return null;
    const goods = [a0];
    let money = 0;
    p[a0] = 1;
    seenGood[a0] = 1;
    for (let g = 0; g < goods.length; g++) {
      const a = goods[g];
      for (let k = 0; k < K; k++) {
        if (seenBuyer[k] || !edge(k, a, approx, 1e-6)) continue;
        seenBuyer[k] = 1;
        money += B[k];
        const beta = U[k * A + a] / p[a];
        for (let c = 0; c < A; c++)
          if (!seenGood[c] && edge(k, c, approx, 1e-6)) {
            seenGood[c] = 1;
            p[c] = U[k * A + c] / beta;
            goods.push(c);
          }
      }
    }
    let cost = 0;
    for (const a of goods) cost += p[a];
    for (const a of goods) p[a] *= money / cost;
  }
  // Spending on exact best-value edges only: a max flow from the buyers' budgets to the prices.
  const b = transport((k, a) => edge(k, a, p, 1e-12), B, p, K, A);
  if (!b) return null;
  for (let a = 0; a < A; a++) if (p[a] === 0 && U.some((_, i) => i % A === a && U[i] > 0)) return null;
  return evaluate(U, B, K, A, b, total);
}

/**
 * Spending b (K × A) on the allowed edges with row sums B and column sums p, by Edmonds–Karp on
 * source → buyers → goods → sink; null unless every budget is spent (to 1e-12 relative).
 */
function transport(
  allowed: (k: number, a: number) => boolean,
  B: ArrayLike<number>,
  p: ArrayLike<number>,
  K: number,
  A: number,
): Float64Array | null {
  const flow = new Float64Array(K * A);
  const left = Float64Array.from(B as ArrayLike<number>);
  const room = Float64Array.from(p as ArrayLike<number>);
  let total = 0;
  for (let k = 0; k < K; k++) total += B[k];
  const eps = 1e-15 * total;
  for (;;) {
    // BFS over buyers (index k) and goods (K + a); residual: buyer → good on allowed edges,
    // good → buyer where flow > 0.
    const from = new Int32Array(K + A).fill(-2);
    const queue: number[] = [];
    for (let k = 0; k < K; k++)
      if (left[k] > eps) {
        from[k] = -1;
        queue.push(k);
      }
    let end = -1;
    for (let q = 0; q < queue.length && end < 0; q++) {
      const v = queue[q];
      if (v < K) {
        for (let a = 0; a < A; a++)
          if (from[K + a] === -2 && allowed(v, a)) {
            from[K + a] = v;
            if (room[a] > eps) {
              end = K + a;
              break;
            }
            queue.push(K + a);
          }
      } else {
        const a = v - K;
        for (let k = 0; k < K; k++)
          if (from[k] === -2 && flow[k * A + a] > eps) {
            from[k] = v;
            queue.push(k);
          }
      }
    }
    if (end < 0) break;
    // Bottleneck along the path, then push.
    let push = room[end - K];
    for (let v = end; from[v] !== -1; v = from[v]) {
      const u = from[v];
      if (v >= K) continue; // buyer → good edges are uncapacitated
      push = Math.min(push, flow[v * A + (u - K)]);
    }
    let start = end;
    while (from[start] !== -1) start = from[start];
    push = Math.min(push, left[start]);
    room[end - K] -= push;
    left[start] -= push;
    for (let v = end; from[v] !== -1; v = from[v]) {
      const u = from[v];
      if (v >= K) flow[u * A + (v - K)] += push;
      else flow[v * A + (u - K)] -= push;
    }
  }
  for (let k = 0; k < K; k++) if (left[k] > 1e-12 * total) return null;
  return flow;
}
