/**
 * The Nash bargaining problem over lotteries: maximize Σ_i w_i log(G_i·x) over lotteries x, where
 * G_i·x is part i's expected gain over its disagreement utility. The objective is concave, so a
 * local optimum is global; the optimal gain vector is unique (the objective is strictly concave
 * in the gains), the optimal lottery need not be.
 *
 * Method: fully corrective Frank–Wolfe with Newton polishing.
 * - The lottery is kept as a convex combination λ of a few *columns* (actions, or vertices of the
 *   individually rational polytope), starting from each part's best column so every gain is > 0.
 * - On the current support ("face") a Newton step with the constraint Σλ = 1 is taken, with a
 *   backtracking line search that keeps λ ≥ 0 (a column whose weight reaches 0 leaves the face).
 * - When Newton has converged on the face, the Frank–Wolfe gap max_c g_c − g·λ is computed
 *   (g = gradient; g·λ = Σw). It bounds the suboptimality of the objective. If it exceeds the
 *   tolerance, the best column enters with an exact line search along the Frank–Wolfe direction.
 * The loop stops when the gap is at most 1e-12 (weights normalized to sum 1); the achieved gap is
 * returned so callers can assert the 1e-10 the rules promise. Newton converges quadratically on
 * the optimal face, so in practice the gap is at rounding level.
 */
import { type LinearConstraint, solveLp } from './lp.js';

export interface NashSolution {
  /** An optimal lottery over the m actions. */
  readonly x: Float64Array;
  /** G·x: each row's expected gain. */
  readonly gains: Float64Array;
  /** Frank–Wolfe duality gap at x (upper bound on the objective's suboptimality, weights summing to 1). */
  readonly gap: number;
}

const GAP_TOL = 1e-12;
const MAX_STEPS = 5000;

/** Σ_i w_i log s_i, −∞ when some s_i ≤ 0 (for w_i > 0). */
function objective(s: Float64Array, w: Float64Array): number {
  let f = 0;
  for (let i = 0; i < s.length; i++) {
    if (w[i] === 0) continue;
    if (!(s[i] > 0)) return -Infinity;
    f += w[i] * Math.log(s[i]);
  }
  return f;
}

/** Cholesky solve of the SPD system M z = r (n×n, row-major); M is overwritten by its factor. */
function cholSolve(M: Float64Array, n: number, rhs: Float64Array[]): Float64Array[] {
  for (let j = 0; j < n; j++) {
    let s = M[j * n + j];
    for (let k = 0; k < j; k++) s -= M[j * n + k] ** 2;
    const l = Math.sqrt(Math.max(s, 1e-300));
    M[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let t = M[i * n + j];
      for (let k = 0; k < j; k++) t -= M[i * n + k] * M[j * n + k];
      M[i * n + j] = t / l;
    }
  }
  return rhs.map((r) => {
    const z = Float64Array.from(r);
    for (let i = 0; i < n; i++) {
      let t = z[i];
      for (let k = 0; k < i; k++) t -= M[i * n + k] * z[k];
      z[i] = t / M[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let t = z[i];
      for (let k = i + 1; k < n; k++) t -= M[k * n + i] * z[k];
      z[i] = t / M[i * n + i];
    }
    return z;
  });
}

/**
 * Maximizes Σ_i w_i log(Σ_c λ_c V[i*K + c]) over λ in the simplex, in place. V ≥ 0, w ≥ 0 summing
 * to 1, and the start λ must give every row with w_i > 0 a positive value. Returns the gap.
 */
function solveColumns(V: Float64Array, k: number, K: number, w: Float64Array, lam: Float64Array): number {
  const s = new Float64Array(k);
  const g = new Float64Array(K);
  const free = new Uint8Array(K);
  for (let c = 0; c < K; c++) free[c] = lam[c] > 0 ? 1 : 0;
  const trial = new Float64Array(k);
  let gap = Infinity;
  for (let step = 0; step < MAX_STEPS; step++) {
    // Values, gradient, and the Frank–Wolfe gap over all columns and over the face.
    for (let i = 0; i < k; i++) {
      let t = 0;
      for (let c = 0; c < K; c++) if (lam[c] !== 0) t += lam[c] * V[i * K + c];
      s[i] = t;
    }
    g.fill(0);
    for (let i = 0; i < k; i++) {
      if (w[i] === 0) continue;
      const f = w[i] / s[i];
      for (let c = 0; c < K; c++) g[c] += f * V[i * K + c];
    }
    let dot = 0;
    for (let c = 0; c < K; c++) dot += lam[c] * g[c];
    let best = 0;
    let bestFree = -1;
    for (let c = 0; c < K; c++) {
      if (g[c] > g[best]) best = c;
      if (free[c] && (bestFree < 0 || g[c] > g[bestFree])) bestFree = c;
    }
    gap = Math.max(0, g[best] - dot);
    if (gap <= GAP_TOL) return gap;
    const F: number[] = [];
    for (let c = 0; c < K; c++) if (free[c]) F.push(c);
    const nF = F.length;
    const faceGap = g[bestFree] - dot;
    if (nF === 1 || faceGap <= GAP_TOL / 4) {
      // Optimal on the face: bring in the best column outside it.
      frankWolfeStep(V, k, K, w, lam, s, best);
      free[best] = 1;
      continue;
    }
    // Newton on the face: maximize g·d − ½ dᵀMd subject to Σd = 0, with M = −Hessian
    // = Σ_i w_i V_ic V_id / s_i² (plus a tiny ridge for flat directions).
    const M = new Float64Array(nF * nF);
    for (let i = 0; i < k; i++) {
      if (w[i] === 0) continue;
      const f = w[i] / (s[i] * s[i]);
      for (let p = 0; p < nF; p++) {
        const vp = V[i * K + F[p]];
        if (vp === 0) continue;
        for (let q = 0; q <= p; q++) M[p * nF + q] += f * vp * V[i * K + F[q]];
      }
    }
    let maxDiag = 0;
    for (let p = 0; p < nF; p++) {
      for (let q = 0; q < p; q++) M[q * nF + p] = M[p * nF + q];
      maxDiag = Math.max(maxDiag, M[p * nF + p]);
    }
    const ridge = 1e-12 * maxDiag + 1e-300;
    for (let p = 0; p < nF; p++) M[p * nF + p] += ridge;
    const gF = Float64Array.from(F, (c) => g[c]);
    const [a, b] = cholSolve(M, nF, [gF, new Float64Array(nF).fill(1)]);
    let sa = 0;
    let sb = 0;
    for (let p = 0; p < nF; p++) {
      sa += a[p];
      sb += b[p];
    }
    const mu = sa / sb;
    const d = new Float64Array(nF);
    let pred = 0;
    for (let p = 0; p < nF; p++) {
      d[p] = a[p] - mu * b[p];
      pred += gF[p] * d[p];
    }
    // Ratio test: the largest step keeping λ ≥ 0.
    let tmax = Infinity;
    let blocking = -1;
    for (let p = 0; p < nF; p++)
      if (d[p] < 0) {
        const t = lam[F[p]] / -d[p];
        if (t < tmax) {
          tmax = t;
          blocking = F[p];
        }
      }
    let t = Math.min(1, tmax);
    // Far from the optimum: Armijo backtracking. Close to it the objective cannot resolve the
    // increase, and the full Newton step (kept feasible) is what converges quadratically.
    const f0 = objective(s, w);
    const exact = pred < 1e-12;
    let accepted = false;
    for (let tries = 0; tries < 60 && pred > 0; tries++) {
      for (let i = 0; i < k; i++) {
        let v = s[i];
        for (let p = 0; p < nF; p++) v += t * d[p] * V[i * K + F[p]];
        trial[i] = v;
      }
      const ft = objective(trial, w);
      if (exact ? ft > -Infinity : ft >= f0 + 1e-4 * t * pred) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      // Newton cannot make progress here: a Frank–Wolfe step within the face always can.
      frankWolfeStep(V, k, K, w, lam, s, bestFree);
      continue;
    }
    for (let p = 0; p < nF; p++) lam[F[p]] = Math.max(0, lam[F[p]] + t * d[p]);
    if (t === tmax && blocking >= 0) lam[blocking] = 0;
    let total = 0;
    for (let c = 0; c < K; c++) {
      if (lam[c] <= 1e-300) {
        lam[c] = 0;
        free[c] = 0;
      }
      total += lam[c];
    }
    for (let c = 0; c < K; c++) lam[c] /= total;
  }
  return gap;
}

/** Moves λ toward column c with an exact line search (bisection on the decreasing derivative). */
function frankWolfeStep(
  V: Float64Array,
  k: number,
  K: number,
  w: Float64Array,
  lam: Float64Array,
  s: Float64Array,
  c: number,
): void {
  const deriv = (t: number) => {
    let r = 0;
    for (let i = 0; i < k; i++) {
      if (w[i] === 0) continue;
      const diff = V[i * K + c] - s[i];
      r += (w[i] * diff) / (s[i] + t * diff);
    }
    return r;
  };
  let t: number;
  if (deriv(1) >= 0) t = 1;
  else {
    let lo = 0;
    let hi = 1;
    for (let it = 0; it < 80; it++) {
      const mid = 0.5 * (lo + hi);
      if (deriv(mid) > 0) lo = mid;
      else hi = mid;
    }
    t = lo;
  }
  for (let q = 0; q < K; q++) lam[q] *= 1 - t;
  lam[c] += t;
}

/**
 * Nash over all lotteries on m actions: maximize Σ_i w_i log(G_i·x) over the simplex. G (k×m,
 * row-major) must be ≥ 0 with a positive entry in every row whose weight is positive; `w` is
 * normalized here.
 */
export function nashOverSimplex(
  G: Float64Array,
  k: number,
  m: number,
  weights: ArrayLike<number>,
): NashSolution {
  const w = normalizedWeights(weights);
  const lam = new Float64Array(m);
  // Start from each part's best action.
  for (let i = 0; i < k; i++) {
    if (w[i] === 0) continue;
    let best = 0;
    for (let a = 1; a < m; a++) if (G[i * m + a] > G[i * m + best]) best = a;
    lam[best] = 1;
  }
  normalize(lam);
  const gap = solveColumns(G, k, m, w, lam);
  return { x: lam, gains: multiply(G, k, m, lam), gap };
}

/**
 * Nash over the lotteries in P = {x ∈ simplex : C_j·x ≥ 0 for every j} (C: c×m, the individually
 * rational region): maximize Σ_i w_i log(G_i·x). `starts` are vertices of P (lotteries) that
 * together give every positive-weight row a positive gain — e.g. each row's maximizer over P.
 * Columns are vertices of P found by an LP oracle.
 */
export function nashOverPolytope(
  G: Float64Array,
  k: number,
  m: number,
  weights: ArrayLike<number>,
  C: Float64Array,
  c: number,
  starts: readonly Float64Array[],
): NashSolution {
  const w = normalizedWeights(weights);
  const cols: Float64Array[] = [...starts];
  let lam = new Float64Array(cols.length).fill(1 / cols.length);
  let gap = Infinity;
  let x = new Float64Array(m);
  for (let outer = 0; outer < 200 + 10 * m; outer++) {
    const K = cols.length;
    const V = new Float64Array(k * K);
    for (let i = 0; i < k; i++)
      for (let q = 0; q < K; q++) {
        let t = 0;
        for (let a = 0; a < m; a++) t += G[i * m + a] * cols[q][a];
        V[i * K + q] = Math.max(0, t);
      }
    solveColumns(V, k, K, w, lam);
    x = new Float64Array(m);
    for (let q = 0; q < K; q++) for (let a = 0; a < m; a++) x[a] += lam[q] * cols[q][a];
    const s = multiply(G, k, m, x);
    const g = new Float64Array(m);
    for (let i = 0; i < k; i++)
      if (w[i] > 0) for (let a = 0; a < m; a++) g[a] += (w[i] * G[i * m + a]) / s[i];
    let dot = 0;
    for (let a = 0; a < m; a++) dot += g[a] * x[a];
    const y = maximizeOver(g, m, C, c);
    if (!y) throw new Error('nashOverPolytope: the region became empty');
    let gy = 0;
    for (let a = 0; a < m; a++) gy += g[a] * y[a];
    gap = gy - dot;
    if (gap <= GAP_TOL) break;
    if (cols.some((col) => col.every((v, a) => Math.abs(v - y[a]) <= 1e-12))) break;
    cols.push(y);
    const next = new Float64Array(cols.length);
    next.set(lam);
    lam = next;
  }
  return { x, gains: multiply(G, k, m, x), gap: Math.max(0, gap) };
}

/**
 * Each row's best lottery among those with G·x ≥ 0 (G is k × m; `simplex`: every entry is ≥ 0, so
 * that is every lottery): its best column (the first among equals) or, on a polytope, a vertex
 * from an LP. Null when no lottery has G·x ≥ 0.
 */
export function bestLotteries(
  G: Float64Array,
  k: number,
  m: number,
  simplex: boolean,
): Float64Array[] | null {
  const best: Float64Array[] = [];
  for (let r = 0; r < k; r++) {
    if (simplex) {
      let b = 0;
      for (let a = 1; a < m; a++) if (G[r * m + a] > G[r * m + b]) b = a;
      const e = new Float64Array(m);
      e[b] = 1;
      best.push(e);
    } else {
      const y = maximizeOver(G.subarray(r * m, (r + 1) * m), m, G, k);
      if (!y) return null;
      best.push(y);
    }
  }
  return best;
}

/** A maximizer of obj·x over {x ∈ simplex : C_j·x ≥ 0}, or null when that set is empty. */
export function maximizeOver(
  obj: ArrayLike<number>,
  m: number,
  C: Float64Array,
  c: number,
): Float64Array | null {
  const rows: LinearConstraint[] = [{ a: new Float64Array(m).fill(1), op: '=', b: 1 }];
  for (let j = 0; j < c; j++) rows.push({ a: C.subarray(j * m, (j + 1) * m), op: '>=', b: 0 });
  const r = solveLp({ n: m, c: obj, rows });
  if (r.status === 'infeasible') return null;
  if (r.status !== 'optimal') throw new Error(`maximizeOver: the LP over a polytope is ${r.status}`);
  return r.x;
}

function normalizedWeights(weights: ArrayLike<number>): Float64Array {
  const w = Float64Array.from(weights);
  let t = 0;
  for (let i = 0; i < w.length; i++) t += w[i];
  for (let i = 0; i < w.length; i++) w[i] /= t;
  return w;
}

function normalize(x: Float64Array): void {
  let t = 0;
  for (let a = 0; a < x.length; a++) t += x[a];
  for (let a = 0; a < x.length; a++) x[a] /= t;
}

function multiply(G: Float64Array, k: number, m: number, x: ArrayLike<number>): Float64Array {
  const s = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let t = 0;
    for (let a = 0; a < m; a++) t += G[i * m + a] * x[a];
    s[i] = t;
  }
  return s;
}
