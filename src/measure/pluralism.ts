/**
 * Pluralism and distortion of a reading's target (Sorensen et al. 2024's pluralistic alignment,
 * and distortion from social choice), from the parts' welfare W (parts × actions, each part's
 * utility normalized to [0, 1] over the actions, own beliefs) and their weights. A target is a
 * lottery p over the actions (an action is the lottery sure of it).
 *
 * - worst-off welfare: min over parts (with positive weight) of Σ_a p_a W_ia.
 * - Overton coverage: the *reasonable* actions are those that parts holding at least `share` of
 *   the weight rate at or above `threshold` (normalized welfare); coverage is the share of them
 *   on which the target puts mass. Undefined (NaN) when no action is reasonable.
 * - steerability: the share of parts that can steer the target — given two thirds of all the
 *   weight (the others keeping their proportions), the part gets a target with all its mass on its
 *   favourite actions. A reading that ignores weights scores the share of parts it already serves.
 * - distributional fit: the Jensen–Shannon distance (base 2, in [0, 1]; 0 = identical) between the
 *   target and the weighted distribution of the parts' favourites (each part's weight spread over
 *   its favourite actions) — how far the target is from the population's spread of opinion.
 * - jury welfare: the weighted power mean of the parts' welfare with exponent `power` (1:
 *   utilitarian, 0: geometric, −∞: the worst-off), a jury of the parts scoring the target.
 * - distortion: the best weighted-utilitarian welfare of any action ÷ the target's; ≥ 1, 1 at the
 *   utilitarian optimum, Infinity when the target gives every part zero welfare.
 */

export interface PluralismOptions {
  /** Overton: the share of weight that must rate an action reasonable (default 0.5). */
  readonly share?: number;
  /** Overton: the normalized welfare at or above which a part rates an action reasonable (default 0.5). */
  readonly threshold?: number;
  /** Jury welfare's power-mean exponent (default 0: the weighted geometric mean). */
  readonly power?: number;
}

export interface Pluralism {
  worst_off_welfare: number;
  overton_coverage: number;
  steerability: number;
  distributional_fit: number;
  jury_welfare: number;
  distortion: number;
}

/** Welfare of lottery p for each part: Σ_a p_a W[i·A + a]. */
export function lotteryWelfare(
  W: ArrayLike<number>,
  n: number,
  A: number,
  p: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < A; a++) s += p[a] * W[i * A + a];
    out[i] = s;
  }
  return out;
}

const TOL = 1e-9;

/** Each part's favourite actions (its best, within TOL). */
export function favourites(W: ArrayLike<number>, n: number, A: number): number[][] {
  return Array.from({ length: n }, (_, i) => {
    let best = -Infinity;
    for (let a = 0; a < A; a++) best = Math.max(best, W[i * A + a]);
    const out: number[] = [];
    for (let a = 0; a < A; a++) if (W[i * A + a] >= best - TOL) out.push(a);
    return out;
  });
}

/** The weighted distribution of the parts' favourites (a part's weight split over its favourites). */
export function favouriteDistribution(
  W: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  A: number,
): Float64Array {
  const q = new Float64Array(A);
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.max(0, weights[i]);
  favourites(W, n, A).forEach((fav, i) => {
    const w = total > 0 ? Math.max(0, weights[i]) / total : 1 / n;
    for (const a of fav) q[a] += w / fav.length;
  });
  return q;
}

/** Jensen–Shannon distance (square root of the divergence, base 2): a metric in [0, 1]. */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let d = 0;
  for (let a = 0; a < p.length; a++) {
    const m = (p[a] + q[a]) / 2;
    if (p[a] > 0) d += 0.5 * p[a] * Math.log2(p[a] / m);
    if (q[a] > 0) d += 0.5 * q[a] * Math.log2(q[a] / m);
  }
  return Math.sqrt(Math.max(0, Math.min(1, d)));
}

/** The weighted power mean of xs (≥ 0) with exponent r; parts of zero weight are left out. */
export function powerMean(xs: ArrayLike<number>, weights: ArrayLike<number>, r: number): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) if (weights[i] > 0) total += weights[i];
  if (total <= 0) return Number.NaN;
  if (r === Number.NEGATIVE_INFINITY) {
    let m = Infinity;
    for (let i = 0; i < xs.length; i++) if (weights[i] > 0) m = Math.min(m, xs[i]);
    return m;
  }
  if (r === 0) {
    let s = 0;
    for (let i = 0; i < xs.length; i++)
      if (weights[i] > 0) {
        if (xs[i] <= 0) return 0;
        s += (weights[i] / total) * Math.log(xs[i]);
      }
    return Math.exp(s);
  }
  let s = 0;
  for (let i = 0; i < xs.length; i++)
    if (weights[i] > 0) {
      if (r < 0 && xs[i] <= 0) return 0;
      s += (weights[i] / total) * xs[i] ** r;
    }
  return s ** (1 / r);
}

/** Share of the reasonable actions (see the module comment) on which p puts mass; NaN if none. */
export function overtonCoverage(
  W: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  A: number,
  p: ArrayLike<number>,
  share = 0.5,
  threshold = 0.5,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.max(0, weights[i]);
  let reasonable = 0;
  let covered = 0;
  for (let a = 0; a < A; a++) {
    let w = 0;
    for (let i = 0; i < n; i++) if (weights[i] > 0 && W[i * A + a] >= threshold - TOL) w += weights[i];
    if (total > 0 && w >= share * total - TOL) {
      reasonable++;
      if (p[a] > TOL) covered++;
    }
  }
  return reasonable === 0 ? Number.NaN : covered / reasonable;
}

/** Best weighted-utilitarian welfare of an action ÷ the lottery's. */
export function distortion(
  W: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  A: number,
  p: ArrayLike<number>,
): number {
  const value = (q: (a: number) => number) => {
    let s = 0;
    for (let i = 0; i < n; i++)
      for (let a = 0; a < A; a++) s += Math.max(0, weights[i]) * q(a) * W[i * A + a];
    return s;
  };
  let best = 0;
  for (let b = 0; b < A; b++)
    best = Math.max(
      best,
      value((a) => (a === b ? 1 : 0)),
    );
  const got = value((a) => p[a]);
  if (best <= 0) return 1;
  return got <= 0 ? Number.POSITIVE_INFINITY : best / got;
}

/** Weights where part i holds two thirds of the total and the others share the rest as before. */
export function steeringWeights(weights: ArrayLike<number>, i: number): Float64Array {
  const n = weights.length;
  let others = 0;
  for (let j = 0; j < n; j++) if (j !== i) others += Math.max(0, weights[j]);
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++)
    out[j] = j === i ? 2 : others > 0 ? Math.max(0, weights[j]) / others : n > 1 ? 1 / (n - 1) : 0;
  return out;
}

/**
 * The share of parts (with positive weight) that steer the target onto their favourites when given
 * two thirds of the weight. `targetWith(weights)` re-reads H with those weights and returns the
 * target as a lottery.
 */
export function steerability(
  W: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  A: number,
  targetWith: (weights: Float64Array) => ArrayLike<number>,
): number {
  const fav = favourites(W, n, A);
  let parts = 0;
  let steered = 0;
  for (let i = 0; i < n; i++) {
    if (!(weights[i] > 0)) continue;
    parts++;
    const p = targetWith(steeringWeights(weights, i));
    let mass = 0;
    for (const a of fav[i]) mass += p[a];
    if (mass >= 1 - 1e-6) steered++;
  }
  return parts === 0 ? Number.NaN : steered / parts;
}

/** Every measure of the module comment for one target. */
export function pluralism(
  W: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  A: number,
  p: ArrayLike<number>,
  /** Re-reads H with other weights (for steerability; left out when undefined). */
  targetWith?: (weights: Float64Array) => ArrayLike<number>,
  o: PluralismOptions = {},
): Partial<Pluralism> {
  const welfare = lotteryWelfare(W, n, A, p);
  return {
    worst_off_welfare: powerMean(welfare, weights, Number.NEGATIVE_INFINITY),
    overton_coverage: overtonCoverage(W, weights, n, A, p, o.share, o.threshold),
    ...(targetWith ? { steerability: steerability(W, weights, n, A, targetWith) } : {}),
    distributional_fit: jensenShannon(p, favouriteDistribution(W, weights, n, A)),
    jury_welfare: powerMean(welfare, weights, o.power ?? 0),
    distortion: distortion(W, weights, n, A, p),
  };
}
