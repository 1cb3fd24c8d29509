/**
 * Small numerical helpers shared by the preference-learning fitters: a stable logistic function
 * and its logarithm, log-sum-exp, a dense symmetric positive-definite solve, and a bracketed
 * root finder for decreasing functions of one variable.
 */

/** The logistic function σ(x) = 1 / (1 + e^(−x)), without overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log σ(x), accurate for large |x|. */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** log Σ exp(x[idx[k]]) over the given indices (all of x when idx is absent). */
export function logSumExp(x: ArrayLike<number>, idx?: ArrayLike<number>, from = 0, to?: number): number {
  const end = to ?? (idx ? idx.length : x.length);
  let m = Number.NEGATIVE_INFINITY;
  for (let k = from; k < end; k++) {
    const v = x[idx ? idx[k] : k];
    if (v > m) m = v;
  }
  if (m === Number.NEGATIVE_INFINITY || m === Number.POSITIVE_INFINITY) return m;
  let s = 0;
  for (let k = from; k < end; k++) s += Math.exp(x[idx ? idx[k] : k] - m);
  return m + Math.log(s);
}

/**
 * Solves A x = b for a symmetric positive-definite n×n matrix A (row-major) by Cholesky. When the
 * factorization meets a non-positive pivot it retries with a growing multiple of the identity
 * added (starting at 1e-12 times the largest diagonal entry), which is what a semidefinite Newton
 * system needs when some directions are not identified. A and b are not modified.
 */
export function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * n + i]));
  const scale = maxDiag > 0 ? maxDiag : 1;
  for (let jitter = 0; ; jitter = jitter === 0 ? 1e-12 * scale : jitter * 100) {
    const l = cholesky(a, n, jitter);
    if (l) return choleskySolve(l, b, n);
    if (jitter > 1e6 * scale) throw new RangeError('solveSpd: matrix is not positive semidefinite');
  }
}

function cholesky(a: Float64Array, n: number, jitter: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] + jitter;
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0) || !Number.isFinite(d)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

function choleskySolve(l: Float64Array, b: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/**
 * The root of a strictly decreasing function h, starting from x0, by Newton's method safeguarded
 * with a bracket (bisection whenever a Newton step leaves it). `hd` returns [h(x), h'(x)]. Runs to
 * machine precision; used for the one-dimensional steps of MM with a prior and for β fits.
 */
export function rootDecreasing(hd: (x: number) => [number, number], x0: number): number {
  const [h0] = hd(x0);
  if (h0 === 0) return x0;
  // Bracket: lo has h > 0, hi has h < 0.
  let lo = x0;
  let hi = x0;
  let step = 1;
  if (h0 > 0) {
    for (;;) {
      hi = lo + step;
      const [h] = hd(hi);
      if (h <= 0) break;
      lo = hi;
      step *= 2;
      if (!Number.isFinite(hi)) return hi;
    }
  } else {
    for (;;) {
      lo = hi - step;
      const [h] = hd(lo);
      if (h >= 0) break;
      hi = lo;
      step *= 2;
      if (!Number.isFinite(lo)) return lo;
    }
  }
  let x = (lo + hi) / 2;
  for (let it = 0; it < 200; it++) {
    const [h, d] = hd(x);
    if (h === 0) return x;
    if (h > 0) lo = x;
    else hi = x;
    let nx = d < 0 ? x - h / d : Number.NaN;
    if (!(nx > lo && nx < hi)) nx = (lo + hi) / 2;
    if (nx === x || hi - lo <= 4 * Number.EPSILON * Math.max(1, Math.abs(x))) return nx;
    x = nx;
  }
  return x;
}
