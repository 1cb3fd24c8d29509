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
 * zero exactly at equilibrium (every buyer spends only on its best goods). Iteration stops when
 * gap ≤ tol · Σ_k B_k.
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
  tol = 1e-12,
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
  const p = new Float64Array(A);
  const x = new Float64Array(K * A);
  const u = new Float64Array(K);
  let gap = Infinity;
  let it = 0;
  for (;;) {
    p.fill(0);
    for (let k = 0; k < K; k++) for (let a = 0; a < A; a++) p[a] += b[k * A + a];
    gap = 0;
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
    gap /= total;
    if (gap <= tol || it >= maxIterations) break;
    for (let k = 0; k < K; k++)
      for (let a = 0; a < A; a++) b[k * A + a] = (B[k] * U[k * A + a] * x[k * A + a]) / u[k];
    it++;
  }
  return { prices: p, spending: b, allocation: x, utilities: u, gap: Math.max(0, gap), iterations: it };
}
