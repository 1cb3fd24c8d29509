/**
 * What every policy-aggregation rule reads: the occupancy polytope, each part's return as a linear
 * functional over it, each part's best and worst return (two LPs), and the seeded uniform sample
 * whose returns stand for volumes. Part i ranks a policy x above the share
 *
 *   level_i(x) = vol{ y ∈ polytope : J_i(y) ≤ J_i(x) } / vol(polytope)
 *
 * of all policies (the paper's volumetric reading of an ordinal preference), estimated as the share
 * of the sample with J_i ≤ J_i(x). The completion objective — the tie-break every rule applies on
 * the set it selects — is the original parts' welfare with their t = 0 weights, as parts/original
 * maximizes per step.
 */
import type { DynamicsModel } from '../model.js';
import { argmax, dot, type OccupancyPolytope, occupancyPolytope, returnVector } from './polytope.js';
import { type PolytopeSample, samplePolytope, sampleStream } from './sample.js';

export interface PolicyProfile {
  readonly P: OccupancyPolytope;
  readonly n: number;
  /** Each part's return as a vector over the coordinates. */
  readonly returns: readonly Float64Array[];
  /** Σ_i w_i(0) · J_i: the completion objective. */
  readonly welfare: Float64Array;
  /** Each part's lowest and highest return over the polytope. */
  readonly low: Float64Array;
  readonly high: Float64Array;
  readonly sample: PolytopeSample;
  /** Each part's sampled returns, ascending. */
  readonly sorted: readonly Float64Array[];
}

/** The profile of a model's parts over its occupancy polytope, from `samples` points drawn with `seed`. */
export function policyProfile(model: DynamicsModel, samples: number, seed: number): PolicyProfile {
  const P = occupancyPolytope(model);
  const n = model.n;
  const returns = model.welfare.map((r) => returnVector(P, r));
  const welfare = new Float64Array(P.size);
  returns.forEach((c, i) => {
    for (let k = 0; k < P.size; k++) welfare[k] += model.initialShares[i] * c[k];
  });
  const low = Float64Array.from(returns, (c) =>
    dot(
      c,
      argmax(
        P,
        c.map((v) => -v),
      ),
    ),
  );
  const high = Float64Array.from(returns, (c) => dot(c, argmax(P, c)));
  const sample = samplePolytope(P, returns, samples, sampleStream(seed));
  const sorted = returns.map((_, i) =>
    Float64Array.from({ length: sample.count }, (_, k) => sample.returns[k * n + i]).sort(),
  );
  return { P, n, returns, welfare, low, high, sample, sorted };
}

/**
 * Rounding allowed when comparing returns: a bound set at a sampled return is loosened by
 * `SLACK` (so the LP meets it at that point), and a policy counts as at least as good as a sampled
 * point within `TIE`, which is larger, so a policy on a bound ranks above the point that set it.
 */
export const SLACK = 1e-9;
export const TIE = 1e-7;

/** The share of the sample with return ≤ y (+ rounding) for part i. */
export function levelOf(p: PolicyProfile, i: number, y: number): number {
  const xs = p.sorted[i];
  const tol = TIE * Math.max(1, Math.abs(y));
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= y + tol) lo = mid + 1;
    else hi = mid;
  }
  return lo / xs.length;
}

/** Each part's return and level at the point x. */
export function standing(
  p: PolicyProfile,
  x: ArrayLike<number>,
): { returns: Float64Array; levels: Float64Array } {
  const returns = Float64Array.from(p.returns, (c) => dot(c, x));
  return { returns, levels: Float64Array.from(returns, (y, i) => levelOf(p, i, y)) };
}

/**
 * Part i's return at its k-th lowest sampled point (k = 1 … N), loosened by a rounding margin so a
 * bound set at a sampled point is met by it; k = 0 is no bound (its lowest return).
 */
export function threshold(p: PolicyProfile, i: number, k: number): number {
  if (k <= 0) return p.low[i];
  return loosen(p.sorted[i][k - 1]);
}

/** A bound at y, loosened by the rounding slack. */
export function loosen(y: number): number {
  return y - SLACK * Math.max(1, Math.abs(y));
}
