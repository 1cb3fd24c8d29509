/**
 * A small dense linear-program solver for the tiny LPs the cardinal rules need (lotteries over a
 * handful of actions: Kalai–Smorodinsky, leximin, the individually rational region of Nash).
 *
 * Two-phase primal simplex with Bland's rule (smallest-index entering and leaving variables),
 * which cannot cycle, so degenerate LPs — and the leximin LPs are very degenerate — terminate.
 * Numerics: rows are scaled to unit max-norm, and the tableau is recomputed from the original
 * data at every pivot (Gaussian elimination with partial pivoting on the basis matrix), so
 * rounding errors do not accumulate across pivots. Artificial variables that are still basic
 * after phase 1 (at zero) stay in the basis, pinned at zero by the ratio test, instead of being
 * pivoted out through tiny elements. The float answer is then verified (basic values ≥ −1e-11,
 * artificials at zero, every constraint met to 1e-11 on the scaled rows); when it fails — or the
 * float solver reports infeasible or unbounded — the LP is re-solved exactly in rational
 * arithmetic (`solveLpExact`), so the result is the exact optimum rounded to floats.
 * Synchronous and dependency-free, so it runs inside `run()` in Node and in the browser alike
 * (glpk.js is asynchronous in the browser).
 *
 * Form: maximize c·x subject to rows `a·x (<= | >= | =) b` and x ≥ 0.
 */

export interface LinearConstraint {
  readonly a: ArrayLike<number>;
  readonly op: '<=' | '>=' | '=';
  readonly b: number;
}

export interface LinearProgram {
  /** Number of variables (all non-negative). */
  readonly n: number;
  /** Objective coefficients (maximized). */
  readonly c: ArrayLike<number>;
  readonly rows: readonly LinearConstraint[];
}

export type LpSolution =
  | { readonly status: 'optimal'; readonly x: Float64Array; readonly value: number }
  | { readonly status: 'infeasible' }
  | { readonly status: 'unbounded' };

const PIVOT_TOL = 1e-11;
const COST_TOL = 1e-12;
const FEAS_TOL = 1e-9;
const MAX_PIVOTS = 5000;
const VERIFY_TOL = 1e-11;

/**
 * Solves the LP in floating point and checks the answer; if the float solver stumbles (a basis
 * that lost primal feasibility on a degenerate, badly scaled LP, a claim of infeasibility or
 * unboundedness, a singular basis) the LP is solved again in exact rational arithmetic.
 */
export function solveLp(lp: LinearProgram): LpSolution {
  let r: FloatResult | null = null;
  try {
    r = solveFloat(lp);
  } catch {
    r = null;
  }
  if (r?.trusted) return r.solution;
  return solveLpExact(lp);
}

type FloatResult = { readonly solution: LpSolution; readonly trusted: boolean };

function solveFloat(lp: LinearProgram): FloatResult {
  const { n } = lp;
  const r = lp.rows.length;
  // Column layout: [0, n) originals, then one slack/surplus per inequality, then artificials.
  const ops: ('<=' | '>=' | '=')[] = [];
  let nSlack = 0;
  let nArt = 0;
  for (const row of lp.rows) {
    let op = row.op;
    if (row.b < 0) op = op === '<=' ? '>=' : op === '>=' ? '<=' : '=';
    ops.push(op);
    if (row.op !== '=') nSlack++;
    if (op !== '<=') nArt++;
  }
  const N = n + nSlack + nArt;
  const W = N + 1; // + right-hand side
  const A0 = new Float64Array(r * W); // scaled original rows [A | b]
  const basis = new Int32Array(r);
  const isArt = new Uint8Array(N);
  let s = n;
  let art = n + nSlack;
  for (let i = 0; i < r; i++) {
    const row = lp.rows[i];
    let scale = Math.abs(row.b);
    for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(row.a[j]));
    if (!(scale > 0)) scale = 1;
    const sign = (row.b < 0 ? -1 : 1) / scale;
    const o = i * W;
    for (let j = 0; j < n; j++) A0[o + j] = sign * row.a[j];
    A0[o + N] = sign * row.b;
    const op = ops[i];
    if (op === '<=') {
      A0[o + s] = 1;
      basis[i] = s++;
    } else {
      if (op === '>=') A0[o + s++] = -1;
      A0[o + art] = 1;
      isArt[art] = 1;
      basis[i] = art++;
    }
  }

  // T = B⁻¹ [A | b] for the current basis, recomputed from A0 (Gauss–Jordan, partial pivoting).
  const T = new Float64Array(r * W);
  const Bm = new Float64Array(r * r);
  // The nonzero columns of the pivot row: subtracting f·0 changes nothing, so only those are
  // updated (the slack and artificial columns are mostly zero: large LPs refactor many times faster).
  const nzB = new Int32Array(r);
  const nzT = new Int32Array(W);
  const refactor = () => {
    T.set(A0);
    for (let i = 0; i < r; i++) for (let k = 0; k < r; k++) Bm[i * r + k] = A0[i * W + basis[k]];
    // Solve Bm · T' = A0: reduce Bm to the identity, applying the same row operations to T.
    for (let k = 0; k < r; k++) {
      let p = k;
      for (let i = k + 1; i < r; i++) if (Math.abs(Bm[i * r + k]) > Math.abs(Bm[p * r + k])) p = i;
      if (p !== k) {
        for (let j = 0; j < r; j++) [Bm[k * r + j], Bm[p * r + j]] = [Bm[p * r + j], Bm[k * r + j]];
        for (let j = 0; j < W; j++) [T[k * W + j], T[p * W + j]] = [T[p * W + j], T[k * W + j]];
      }
      const piv = Bm[k * r + k];
      if (piv === 0) throw new Error('solveLp: singular basis');
      const inv = 1 / piv;
      for (let j = 0; j < r; j++) Bm[k * r + j] *= inv;
      for (let j = 0; j < W; j++) T[k * W + j] *= inv;
      let nb = 0;
      for (let j = 0; j < r; j++) if (Bm[k * r + j] !== 0) nzB[nb++] = j;
      let nt = 0;
      for (let j = 0; j < W; j++) if (T[k * W + j] !== 0) nzT[nt++] = j;
      for (let i = 0; i < r; i++) {
        if (i === k) continue;
        const f = Bm[i * r + k];
        if (f === 0) continue;
        for (let l = 0; l < nb; l++) {
          const j = nzB[l];
          Bm[i * r + j] -= f * Bm[k * r + j];
        }
        for (let l = 0; l < nt; l++) {
          const j = nzT[l];
          T[i * W + j] -= f * T[k * W + j];
        }
      }
    }
    // Row k of T now belongs to basis[k]; make the basic columns exact unit vectors.
    for (let k = 0; k < r; k++) for (let i = 0; i < r; i++) T[i * W + basis[k]] = i === k ? 1 : 0;
  };

  const d = new Float64Array(N);
  const reducedCosts = (cost: (j: number) => number) => {
    for (let j = 0; j < N; j++) d[j] = cost(j);
    for (let i = 0; i < r; i++) {
      const cb = cost(basis[i]);
      if (cb === 0) continue;
      const o = i * W;
      for (let j = 0; j < N; j++) d[j] -= cb * T[o + j];
    }
    for (let i = 0; i < r; i++) d[basis[i]] = 0;
  };

  /** Simplex iterations for `cost`; false when unbounded. `phase2` pins basic artificials at 0. */
  const iterate = (cost: (j: number) => number, phase2: boolean): boolean => {
    for (let it = 0; it < MAX_PIVOTS; it++) {
      refactor();
      reducedCosts(cost);
      let q = -1;
      for (let j = 0; j < N; j++)
        if (d[j] > COST_TOL && !(phase2 && isArt[j])) {
          q = j;
          break;
        }
      if (q < 0) return true;
      // Ratio test, then Bland: the smallest basic index among the (near-)tied rows. Pivot
      // elements must be significant relative to the column (rounding noise never pivots).
      let colMax = 0;
      for (let i = 0; i < r; i++) colMax = Math.max(colMax, Math.abs(T[i * W + q]));
      const tol = Math.max(PIVOT_TOL, 1e-9 * colMax);
      const ratio = (i: number): number => {
        const a = T[i * W + q];
        const v = Math.max(0, T[i * W + N]);
        if (phase2 && isArt[basis[i]]) return Math.abs(a) > tol ? v / Math.abs(a) : Infinity;
        return a > tol ? v / a : Infinity;
      };
      let best = Infinity;
      for (let i = 0; i < r; i++) best = Math.min(best, ratio(i));
      if (best === Infinity) return false;
      const cut = best + 1e-12 * Math.max(1, best);
      let p = -1;
      for (let i = 0; i < r; i++) if (ratio(i) <= cut && (p < 0 || basis[i] < basis[p])) p = i;
      basis[p] = q;
    }
    throw new Error('solveLp: pivot limit reached');
  };

  if (nArt > 0) {
    iterate((j) => (isArt[j] ? -1 : 0), false);
    refactor();
    let infeas = 0;
    for (let i = 0; i < r; i++) if (isArt[basis[i]]) infeas += Math.abs(T[i * W + N]);
    if (infeas > FEAS_TOL) return { solution: { status: 'infeasible' }, trusted: false };
  }
  if (!iterate((j) => (j < n ? lp.c[j] : 0), true))
    return { solution: { status: 'unbounded' }, trusted: false };
  refactor();
  const x = new Float64Array(n);
  let trusted = true;
  for (let i = 0; i < r; i++) {
    const v = T[i * W + N];
    if (v < -VERIFY_TOL || (isArt[basis[i]] && Math.abs(v) > VERIFY_TOL)) trusted = false;
    if (basis[i] < n) x[basis[i]] = Math.max(0, v);
  }
  // The original constraints must hold at x (rows scaled to unit max-norm).
  for (let i = 0; i < r && trusted; i++) {
    const o = i * W;
    let t = 0;
    for (let j = 0; j < n; j++) t += A0[o + j] * x[j];
    const slack = t - A0[o + N];
    if (
      ops[i] === '<='
        ? slack > VERIFY_TOL
        : ops[i] === '>='
          ? slack < -VERIFY_TOL
          : Math.abs(slack) > VERIFY_TOL
    )
      trusted = false;
  }
  let value = 0;
  for (let j = 0; j < n; j++) value += lp.c[j] * x[j];
  return { solution: { status: 'optimal', x, value }, trusted };
}

/** An exact rational num/den with den > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export interface ExactConstraint {
  readonly a: ArrayLike<number>;
  readonly op: '<=' | '>=' | '=';
  readonly b: number | Rational;
}

export interface ExactProgram {
  readonly n: number;
  readonly c: ArrayLike<number>;
  readonly rows: readonly ExactConstraint[];
}

export type ExactSolution =
  | {
      readonly status: 'optimal';
      /** The optimum rounded to floats. */
      readonly x: Float64Array;
      readonly value: number;
      /** The exact optimum: x_j = nums[j] / den. */
      readonly exact: { readonly nums: readonly bigint[]; readonly den: bigint };
      readonly exactValue: Rational;
    }
  | { readonly status: 'infeasible' }
  | { readonly status: 'unbounded' };

/**
 * The LP in exact rational arithmetic: every float is a dyadic rational, each row is scaled to
 * integers, and the tableau is kept fraction-free (integer pivoting: all entries are integers over
 * one common denominator, the last pivot, and every division is exact). Two-phase simplex with
 * Bland's rule. Right-hand sides may be exact rationals (levels found by earlier LPs).
 */
export function solveLpExact(lp: ExactProgram): ExactSolution {
  const { n } = lp;
  const prepared = lp.rows.map((row) => {
    const { ints: a, exp } = toIntegers(Array.from({ length: n }, (_, j) => row.a[j]));
    let b: bigint;
    if (typeof row.b === 'number') {
      const fb = fromNumber(row.b);
      // a·2^exp = A, b = p/q: row × q·2^exp → A·q, p·2^exp.
      for (let j = 0; j < n; j++) a[j] *= fb.den;
      b = fb.num << BigInt(exp);
    } else {
      for (let j = 0; j < n; j++) a[j] *= row.b.den;
      b = row.b.num << BigInt(exp);
    }
    let op = row.op;
    if (b < 0n) {
      for (let j = 0; j < n; j++) a[j] = -a[j];
      b = -b;
      op = op === '<=' ? '>=' : op === '>=' ? '<=' : '=';
    }
    return { a, b, op, orig: row.op };
  });
  let nSlack = 0;
  let nArt = 0;
  for (const row of prepared) {
    if (row.orig !== '=') nSlack++;
    if (row.op !== '<=') nArt++;
  }
  const N = n + nSlack + nArt;
  const isArt = new Uint8Array(N);
  let basis: number[] = [];
  let s = n;
  let art = n + nSlack;
  // Tableau rows: N coefficients then the right-hand side. Entries / D are the real values.
  let T: bigint[][] = prepared.map((row) => {
    const t = new Array<bigint>(N + 1).fill(0n);
    for (let j = 0; j < n; j++) t[j] = row.a[j];
    t[N] = row.b;
    if (row.op === '<=') {
      t[s] = 1n;
      basis.push(s++);
    } else {
      if (row.op === '>=') t[s++] = -1n;
      t[art] = 1n;
      isArt[art] = 1;
      basis.push(art++);
    }
    return t;
  });
  let D = 1n;

  const pivot = (obj: bigint[], p: number, q: number) => {
    if (T[p][q] < 0n) for (let j = 0; j <= N; j++) T[p][j] = -T[p][j];
    const P = T[p][q];
    const rp = T[p];
    const update = (row: bigint[]) => {
      const f = row[q];
      for (let j = 0; j <= N; j++) row[j] = (P * row[j] - f * rp[j]) / D;
    };
    for (let i = 0; i < T.length; i++) if (i !== p) update(T[i]);
    update(obj);
    D = P;
    basis[p] = q;
  };

  /** Maximizes with objective row `obj` (obj[j] < 0: improving); false when unbounded. */
  const iterate = (obj: bigint[], allowed: (j: number) => boolean): boolean => {
    for (let it = 0; it < 100000; it++) {
      let q = -1;
      for (let j = 0; j < N; j++)
        if (obj[j] < 0n && allowed(j)) {
          q = j;
          break;
        }
      if (q < 0) return true;
      let p = -1;
      for (let i = 0; i < T.length; i++) {
        if (T[i][q] <= 0n) continue;
        if (p < 0) {
          p = i;
          continue;
        }
        // Compare T[i][N]/T[i][q] with T[p][N]/T[p][q] (both denominators positive).
        const lhs = T[i][N] * T[p][q];
        const rhs = T[p][N] * T[i][q];
        if (lhs < rhs || (lhs === rhs && basis[i] < basis[p])) p = i;
      }
      if (p < 0) return false;
      pivot(obj, p, q);
    }
    throw new Error('solveLpExact: pivot limit reached');
  };

  if (nArt > 0) {
    // Phase 1: maximize −Σ artificials; its objective row is −Σ of the artificial rows.
    const w = new Array<bigint>(N + 1).fill(0n);
    for (let i = 0; i < T.length; i++)
      if (isArt[basis[i]]) for (let j = 0; j <= N; j++) if (!isArt[j]) w[j] -= T[i][j];
    iterate(w, () => true);
    if (w[N] !== 0n) return { status: 'infeasible' };
    // Drive the (zero) artificials out of the basis; rows with nothing to pivot on are redundant.
    for (let i = 0; i < T.length; i++) {
      if (!isArt[basis[i]]) continue;
      let q = -1;
      for (let j = 0; j < N; j++)
        if (!isArt[j] && T[i][j] !== 0n) {
          q = j;
          break;
        }
      if (q >= 0) pivot(new Array<bigint>(N + 1).fill(0n), i, q);
      else {
        T = T.filter((_, k) => k !== i);
        basis = basis.filter((_, k) => k !== i);
        i--;
      }
    }
  }
  // Phase 2: objective row Z = −c·D + Σ_i c_{B_i} T_i, with c scaled to integers (× 2^cexp).
  const { ints: c, exp: cexp } = toIntegers(Array.from({ length: n }, (_, j) => lp.c[j]));
  const cost = (j: number) => (j < n ? c[j] : 0n);
  const z = new Array<bigint>(N + 1).fill(0n);
  for (let j = 0; j < N; j++) z[j] = -cost(j) * D;
  for (let i = 0; i < T.length; i++) {
    const cb = cost(basis[i]);
    if (cb !== 0n) for (let j = 0; j <= N; j++) z[j] += cb * T[i][j];
  }
  if (!iterate(z, (j) => !isArt[j])) return { status: 'unbounded' };
  const nums = new Array<bigint>(n).fill(0n);
  for (let i = 0; i < T.length; i++) if (basis[i] < n) nums[basis[i]] = T[i][N];
  const x = Float64Array.from(nums, (v) => ratioToNumber(v, D));
  // z[N] = Σ c_B x_B · D in the scaled costs: value = z[N] / (D · 2^cexp).
  const exactValue = normalize({ num: z[N], den: D << BigInt(cexp) });
  return {
    status: 'optimal',
    x,
    value: ratioToNumber(exactValue.num, exactValue.den),
    exact: { nums, den: D },
    exactValue,
  };
}

/** Exact integers proportional to the (finite) floats xs: xs[k] · 2^exp. */
function toIntegers(xs: readonly number[]): { ints: bigint[]; exp: number } {
  const exps = xs.map((x) => {
    if (!Number.isFinite(x)) throw new RangeError(`solveLpExact: ${x} is not finite`);
    let e = 0;
    let y = x;
    while (!Number.isInteger(y)) {
      y *= 2;
      e++;
    }
    return e;
  });
  const exp = Math.max(0, ...exps);
  const ints = xs.map((x, k) => {
    let y = x;
    for (let i = 0; i < exps[k]; i++) y *= 2;
    return BigInt(y) << BigInt(exp - exps[k]);
  });
  return { ints, exp };
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** num/den in lowest terms with den > 0. */
export function normalize(r: Rational): Rational {
  let { num, den } = r;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** A float as an exact rational. */
export function fromNumber(x: number): Rational {
  const { ints, exp } = toIntegers([x]);
  return normalize({ num: ints[0], den: 1n << BigInt(exp) });
}

export function addRational(a: Rational, b: Rational): Rational {
  return normalize({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

/** Sign of a − b. */
export function compareRational(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** Σ_j w_j · x_j exactly, for float weights and an exact point x_j = nums[j] / den. */
export function dotExact(
  w: ArrayLike<number>,
  x: { readonly nums: readonly bigint[]; readonly den: bigint },
): Rational {
  const { ints, exp } = toIntegers(Array.from(w));
  let t = 0n;
  for (let j = 0; j < ints.length; j++) t += ints[j] * x.nums[j];
  return normalize({ num: t, den: x.den << BigInt(exp) });
}

/** num / den as the nearest float (to ~64 bits before rounding), without overflow for huge integers. */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const neg = num < 0n !== den < 0n;
  let a = num < 0n ? -num : num;
  let b = den < 0n ? -den : den;
  const shift = b.toString(2).length - a.toString(2).length + 64;
  if (shift > 0) a <<= BigInt(shift);
  else b <<= BigInt(-shift);
  const q = Number(a / b) * 2 ** -shift;
  return neg ? -q : q;
}
