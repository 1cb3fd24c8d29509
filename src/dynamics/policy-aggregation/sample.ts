/**
 * Volumes of the occupancy polytope, estimated: a seeded sample of points uniform on the polytope
 * (relative to its affine hull), by coordinate hit-and-run (Smith 1984) in the polytope's natural
 * coordinates. Exact volumes of polytopes of this dimension are out of reach; the rules read the
 * share of the polytope's volume in which part i's return is at most y as the share of the sample
 * there (each part's empirical distribution function).
 *
 * Coordinates. Every layer's flow row fixes the last action's mass at each (t, s) given the others,
 * so the free coordinates are x_t(s, a) for a < A − 1, and x is an affine, one-to-one function of
 * them. Moving one free coordinate by λ moves x along a fixed direction u: +λ at (t, s, a), −λ at
 * (t, s, A − 1), and the change in where the mass arrives, absorbed by the last action at every
 * later step. Uniform on the free coordinates' polytope is uniform on the occupancy polytope (a
 * linear map scales every volume alike). Each step picks a free coordinate at random and a point
 * uniformly on the chord through x along its direction.
 *
 * The chain starts at the uniformly random policy (an interior point), runs a burn-in of 20 sweeps,
 * and records one point per sweep (a sweep = as many steps as free coordinates). Same seed, same
 * sample.
 */
import { Random } from '../../core/random.js';
import { dot, type OccupancyPolytope, uniformOccupancy } from './polytope.js';

export interface PolytopeSample {
  /** Points recorded. */
  readonly count: number;
  /** Free coordinates (the polytope's dimension). */
  readonly dimension: number;
  /** returns[k·n + i]: part i's return at point k. */
  readonly returns: Float64Array;
}

const BURN_IN_SWEEPS = 20;

/** Directions of the free coordinates, each as its non-zero entries. */
function directions(P: OccupancyPolytope): { index: Int32Array; value: Float64Array }[] {
  const { S, A, horizon: H } = P;
  const out: { index: Int32Array; value: Float64Array }[] = [];
  if (A < 2) return out;
  for (const { t, s } of P.pairs)
    for (let a = 0; a < A - 1; a++) {
      const u = new Float64Array(P.size);
      const k = P.pairIndex[t * S + s];
      u[k * A + a] = 1;
      u[k * A + A - 1] = -1;
      // The arriving mass changes by Σ_b u_t(s, b)·truth(· | s, b); the last action absorbs it.
      let delta = new Float64Array(S);
      for (const b of [a, A - 1])
        for (let s2 = 0; s2 < S; s2++) delta[s2] += u[k * A + b] * P.truth[(s * A + b) * S + s2];
      for (let t2 = t + 1; t2 < H; t2++) {
        const next = new Float64Array(S);
        for (let s2 = 0; s2 < S; s2++) {
          const d = delta[s2];
          if (d === 0) continue;
          const k2 = P.pairIndex[t2 * S + s2];
          u[k2 * A + A - 1] += d;
          for (let s3 = 0; s3 < S; s3++) next[s3] += d * P.truth[(s2 * A + A - 1) * S + s3];
        }
        delta = next;
      }
      const nz: number[] = [];
      for (let j = 0; j < P.size; j++) if (u[j] !== 0) nz.push(j);
      out.push({ index: Int32Array.from(nz), value: Float64Array.from(nz, (j) => u[j]) });
    }
  return out;
}

/**
 * `count` points uniform on the polytope (coordinate hit-and-run, see the module comment), and each
 * part's return at each: `rewards` are the parts' return vectors over the coordinates.
 */
export function samplePolytope(
  P: OccupancyPolytope,
  rewards: readonly ArrayLike<number>[],
  count: number,
  rng: Random,
): PolytopeSample {
  const n = rewards.length;
  const dirs = directions(P);
  const D = dirs.length;
  const x = uniformOccupancy(P);
  const returns = new Float64Array(count * n);
  const record = (k: number) => {
    for (let i = 0; i < n; i++) returns[k * n + i] = dot(rewards[i], x);
  };
  if (D === 0) {
    // One policy only (one action): the polytope is a point.
    for (let k = 0; k < count; k++) record(k);
    return { count, dimension: 0, returns };
  }
  const step = () => {
    const { index, value } = dirs[rng.int(D)];
    let lo = -Infinity;
    let hi = Infinity;
    for (let j = 0; j < index.length; j++) {
      const v = value[j];
      const xj = Math.max(0, x[index[j]]);
      if (v > 0) lo = Math.max(lo, -xj / v);
      else hi = Math.min(hi, xj / -v);
    }
    if (!(hi > lo)) return;
    const lambda = lo + (hi - lo) * rng.float();
    for (let j = 0; j < index.length; j++) {
      const y = x[index[j]] + lambda * value[j];
      x[index[j]] = Math.max(y, 0);
    }
  };
  for (let k = 0; k < BURN_IN_SWEEPS * D; k++) step();
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < D; j++) step();
    record(k);
  }
  return { count, dimension: D, returns };
}

/** The seeded stream of a sample (one place, so every rule on a model reads the same sample). */
export function sampleStream(seed: number): Random {
  return new Random([seed, 0x5a3b1e]);
}
