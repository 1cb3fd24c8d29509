/**
 * Seeded profile generators ("statistical cultures"). Every generator takes an explicit Random
 * and returns a Profile of n ballots of count 1 over candidates 0..m−1; the same Random state
 * gives the same profile. Ordinal generators have an `…Orders` fast path that writes the n orders
 * (best first) straight into an Int32Array of n*m, for `profileFromOrders`; the benchmark draws
 * thousands of profiles this way. A caller may pass a buffer to reuse (at least n*m long); the
 * returned array is a view of exactly n*m entries on it.
 *
 * Definitions:
 * - Impartial culture (IC): each voter's order is uniform over the m! linear orders, independently.
 * - Pólya–Eggenberger urn(α): the urn starts with one copy of each of the m! orders; each voter
 *   draws an order from the urn and returns it with α more copies. Sampled exactly without
 *   enumerating m!: voter i (i voters before) draws a fresh uniform order with probability
 *   m! / (m! + α·i), else copies a uniformly chosen earlier voter. α = 0 is IC; α = 1 is IAC.
 *   The normalized convention (α·m! copies, as in the "map of elections" literature) is
 *   `normalizedAlpha`.
 * - Impartial anonymous culture (IAC): every anonymous profile (multiset of n orders) is equally
 *   likely. Default method: the urn with α = 1 (exact: a Dirichlet-multinomial with unit
 *   parameters is uniform over the compositions of n into m! parts). Alternative, for m ≤ 18
 *   (m! + n < 2^53): exact stars-and-bars — choose the n star positions among n + m! − 1 slots
 *   uniformly; voters come out grouped by order, in lexicographic order of the orders.
 * - Mallows(φ, central): P(order) ∝ φ^d(order, central), d = Kendall tau (swap) distance,
 *   sampled by the repeated insertion model: the i-th candidate of the central order is inserted
 *   at position j ∈ 0..i with probability ∝ φ^(i−j). φ = 0 gives only the central order; φ = 1
 *   is IC. `normalizedPhi` (Boehmer et al. 2021) picks the φ whose expected swap distance from
 *   the central order is normalizedPhi · m(m−1)/4.
 * - Euclidean (spatial): voters and candidates are points in d dimensions, uniform in [0,1]^d
 *   ("uniform") or standard normal ("normal"), drawn candidates first; a voter ranks candidates
 *   by Euclidean distance, nearest first (exact distance ties, of probability 0, by index).
 * - Single-peaked on an axis: Walsh's uniform sampler (default): uniform over the 2^(m−1)
 *   single-peaked orders, built from the bottom by removing the left or the right end of the
 *   remaining axis with probability 1/2 each. Conitzer's random-peak sampler: the peak is uniform
 *   over the m candidates, then the order extends left or right with probability 1/2 each until
 *   one side runs out.
 * - Utilities (cardinal ballots through profileFromScores): uniform — independent U[0,1);
 *   normal — independent N(mean, sd²); spatial — minus the Euclidean distance, from the same
 *   positions (and the same random draws) as the Euclidean generator.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { type Profile, profileFromOrders, profileFromScores } from '../sigma/profile.js';

export function checkSize(m: number, n: number): void {
  if (!Number.isInteger(m) || m < 1)
    throw new UserError(`expected a positive whole number of candidates, got ${m}`, 'candidates');
  if (!Number.isInteger(n) || n < 0)
    throw new UserError(`expected a non-negative whole number of voters, got ${n}`, 'voters');
}

export function buffer(m: number, n: number, out?: Int32Array): Int32Array {
  if (out === undefined) return new Int32Array(n * m);
  if (out.length < n * m) throw new RangeError(`order buffer holds ${out.length} entries, need ${n * m}`);
  return out.length === n * m ? out : out.subarray(0, n * m);
}

/** Writes one uniform random order of 0..m−1 at out[o..o+m). */
export function shuffleInto(rng: Random, m: number, out: Int32Array, o: number): void {
  for (let i = 0; i < m; i++) out[o + i] = i;
  for (let i = m - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[o + i];
    out[o + i] = out[o + j];
    out[o + j] = t;
  }
}

// ---------------------------------------------------------------------------------------------
// Impartial culture

/** IC fast path: n uniform random orders of 0..m−1 written into `out` (n*m, best first). */
export function impartialCultureOrders(rng: Random, m: number, n: number, out?: Int32Array): Int32Array {
  checkSize(m, n);
  const o = buffer(m, n, out);
  for (let v = 0; v < n; v++) shuffleInto(rng, m, o, v * m);
  return o;
}

/** Impartial culture: n independent uniform orders. */
export function impartialCulture(rng: Random, m: number, n: number): Profile {
  return profileFromOrders(m, impartialCultureOrders(rng, m, n));
}

// ---------------------------------------------------------------------------------------------
// Urn models

/** m! as a double (Infinity past 170). */
export function factorial(m: number): number {
  let f = 1;
  for (let i = 2; i <= m; i++) f *= i;
  return f;
}

export interface UrnOptions {
  /** Copies returned with each draw (default 1: IAC). */
  readonly alpha?: number;
  /** Alternatively, copies as a multiple of m! (the normalized convention). */
  readonly normalizedAlpha?: number;
}

/** Pólya–Eggenberger urn fast path: n orders into `out` (see the module notes). */
export function urnOrders(
  rng: Random,
  m: number,
  n: number,
  opts: UrnOptions = {},
  out?: Int32Array,
): Int32Array {
  checkSize(m, n);
  const o = buffer(m, n, out);
  const mf = factorial(m);
  let ratio: number; // α / m!
  if (opts.normalizedAlpha !== undefined) {
    if (!(opts.normalizedAlpha >= 0 && Number.isFinite(opts.normalizedAlpha)))
      throw new UserError(`expected a non-negative number, got ${opts.normalizedAlpha}`, 'normalized-alpha');
    ratio = opts.normalizedAlpha;
  } else {
    const alpha = opts.alpha ?? 1;
    if (!(alpha >= 0 && Number.isFinite(alpha)))
      throw new UserError(`expected a non-negative number, got ${alpha}`, 'alpha');
    ratio = alpha / mf;
  }
  for (let v = 0; v < n; v++) {
    // total balls before draw v, in units of m!: 1 + (α/m!)·v; the original m! of them are fresh
    if (v === 0 || rng.float() * (1 + ratio * v) < 1) shuffleInto(rng, m, o, v * m);
    else {
      const src = rng.int(v) * m;
      o.copyWithin(v * m, src, src + m);
    }
  }
  return o;
}

/** Pólya–Eggenberger urn profile (α = 0: IC; α = 1: IAC). */
export function urn(rng: Random, m: number, n: number, opts: UrnOptions = {}): Profile {
  return profileFromOrders(m, urnOrders(rng, m, n, opts));
}

/** A uniform integer in [0, n) for n up to 2^53. */
export function uniformInt53(rng: Random, n: number): number {
  if (n <= 2 ** 32) return rng.int(n);
  if (!(n <= 2 ** 53) || !Number.isInteger(n))
    throw new RangeError(`uniformInt53: n must be a whole number ≤ 2^53, got ${n}`);
  const limit = 2 ** 53 - (2 ** 53 % n);
  for (;;) {
    const x = (rng.uint32() >>> 11) * 2 ** 32 + rng.uint32();
    if (x < limit) return x % n;
  }
}

/** Writes the `index`-th order of 0..m−1 in lexicographic order (0 = identity) at out[o..o+m). */
export function unrankOrder(index: number, m: number, out: Int32Array, o = 0): void {
  const pool = Array.from({ length: m }, (_, i) => i);
  let f = factorial(m - 1);
  let rest = index;
  for (let i = 0; i < m; i++) {
    const q = Math.floor(rest / f);
    rest -= q * f;
    out[o + i] = pool.splice(q, 1)[0];
    if (i < m - 1) f /= m - 1 - i;
  }
}

export type IacMethod = 'urn' | 'stars-and-bars';

/**
 * Impartial anonymous culture: every multiset of n orders equally likely. `urn` (default): the
 * urn with α = 1. `stars-and-bars`: exact composition sampling, for m ≤ 18.
 */
export function impartialAnonymousCultureOrders(
  rng: Random,
  m: number,
  n: number,
  method: IacMethod = 'urn',
  out?: Int32Array,
): Int32Array {
  if (method === 'urn') return urnOrders(rng, m, n, { alpha: 1 }, out);
  checkSize(m, n);
  if (method !== 'stars-and-bars')
    throw new UserError(`expected urn or stars-and-bars, got ${method}`, 'method');
  const types = factorial(m);
  if (m > 18 || types + n - 1 > 2 ** 53)
    throw new UserError(
      `stars-and-bars needs m! + n < 2^53 (m ≤ 18), got m = ${m}; use the urn method`,
      'method',
    );
  const o = buffer(m, n, out);
  // Floyd's algorithm: a uniform n-subset of the N = n + m! − 1 slots.
  const N = n + types - 1;
  const stars = new Set<number>();
  for (let j = N - n; j < N; j++) {
    const t = uniformInt53(rng, j + 1);
    stars.add(stars.has(t) ? j : t);
  }
  const sorted = [...stars].sort((a, b) => a - b);
  sorted.forEach((s, i) => {
    unrankOrder(s - i, m, o, i * m);
  });
  return o;
}

/** Impartial anonymous culture profile (see impartialAnonymousCultureOrders). */
export function impartialAnonymousCulture(
  rng: Random,
  m: number,
  n: number,
  method: IacMethod = 'urn',
): Profile {
  return profileFromOrders(m, impartialAnonymousCultureOrders(rng, m, n, method));
}

// ---------------------------------------------------------------------------------------------
// Mallows

/** Expected Kendall tau distance from the central order under Mallows(φ) with m candidates. */
export function expectedSwapDistance(m: number, phi: number): number {
  let e = 0;
  for (let i = 1; i < m; i++) {
    // inserting the (i+1)-th candidate: displacement d ∈ 0..i with probability ∝ φ^d
    let num = 0;
    let den = 0;
    for (let d = 0; d <= i; d++) {
      const w = phi ** d;
      num += d * w;
      den += w;
    }
    e += num / den;
  }
  return e;
}

/** The φ whose expected swap distance is normalizedPhi · m(m−1)/4 (bisection; monotone in φ). */
export function phiFromNormalized(m: number, normalizedPhi: number): number {
  if (!(normalizedPhi >= 0 && normalizedPhi <= 1))
    throw new UserError(`expected a number in [0, 1], got ${normalizedPhi}`, 'normalized-phi');
  if (normalizedPhi === 0 || m < 2) return 0;
  if (normalizedPhi === 1) return 1;
  const target = (normalizedPhi * m * (m - 1)) / 4;
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (expectedSwapDistance(m, mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface MallowsOptions {
  /** Dispersion in [0, 1] (default 0.5 unless normalizedPhi is given). */
  readonly phi?: number;
  /** Relative dispersion in [0, 1]; overrides phi (see phiFromNormalized). */
  readonly normalizedPhi?: number;
  /** The central order, best first (default 0, 1, …, m−1). */
  readonly central?: readonly number[];
}

export function checkPermutation(xs: readonly number[], m: number, name: string): void {
  if (xs.length !== m)
    throw new UserError(`expected an order of all ${m} candidates, got ${xs.length} entries`, name);
  const seen = new Uint8Array(m);
  for (const x of xs) {
    if (!Number.isInteger(x) || x < 0 || x >= m)
      throw new UserError(`candidate ${x} is not one of 0..${m - 1}`, name);
    if (seen[x]) throw new UserError(`candidate ${x} appears more than once`, name);
    seen[x] = 1;
  }
}

/** Mallows fast path: n orders by the repeated insertion model into `out`. */
export function mallowsOrders(
  rng: Random,
  m: number,
  n: number,
  opts: MallowsOptions = {},
  out?: Int32Array,
): Int32Array {
  checkSize(m, n);
  const phi = opts.normalizedPhi !== undefined ? phiFromNormalized(m, opts.normalizedPhi) : (opts.phi ?? 0.5);
  if (!(phi >= 0 && phi <= 1)) throw new UserError(`expected a number in [0, 1], got ${phi}`, 'phi');
  const central = opts.central ?? Array.from({ length: m }, (_, i) => i);
  checkPermutation(central, m, 'central');
  const o = buffer(m, n, out);
  // cum[i][j]: cumulative weight of inserting the i-th candidate at positions 0..j
  const cum: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    const c = new Float64Array(i + 1);
    let t = 0;
    for (let j = 0; j <= i; j++) {
      t += phi ** (i - j);
      c[j] = t;
    }
    cum.push(c);
  }
  for (let v = 0; v < n; v++) {
    const base = v * m;
    for (let i = 0; i < m; i++) {
      const c = cum[i];
      const x = rng.float() * c[i];
      let j = 0;
      while (j < i && c[j] <= x) j++;
      // shift positions j..i−1 right by one, then insert
      for (let s = base + i; s > base + j; s--) o[s] = o[s - 1];
      o[base + j] = central[i];
    }
  }
  return o;
}

/** Mallows profile (see mallowsOrders). */
export function mallows(rng: Random, m: number, n: number, opts: MallowsOptions = {}): Profile {
  return profileFromOrders(m, mallowsOrders(rng, m, n, opts));
}

// ---------------------------------------------------------------------------------------------
// Spatial

export type SpatialDistribution = 'uniform' | 'normal' | 'ball' | 'sphere';

export interface SpatialOptions {
  /** Number of dimensions (default 2). */
  readonly dimensions?: number;
  /** uniform in [0,1]^d (default), standard normal, uniform in (or on) the ball of radius 1/2. */
  readonly distribution?: SpatialDistribution;
}

/** Positions drawn for a spatial profile: row-major, `d` coordinates per point. */
export interface SpatialSample {
  readonly d: number;
  /** m*d candidate coordinates. */
  readonly candidates: Float64Array;
  /** n*d voter coordinates. */
  readonly voters: Float64Array;
}

/** Draws candidate positions, then voter positions. */
export function spatialSample(rng: Random, m: number, n: number, opts: SpatialOptions = {}): SpatialSample {
  checkSize(m, n);
  const d = opts.dimensions ?? 2;
  if (!Number.isInteger(d) || d < 1)
    throw new UserError(`expected a positive whole number, got ${d}`, 'dimensions');
  const dist = opts.distribution ?? 'uniform';
  if (dist !== 'uniform' && dist !== 'normal' && dist !== 'ball' && dist !== 'sphere')
    throw new UserError(
      `expected uniform, normal, ball or sphere, got ${JSON.stringify(dist)}`,
      'distribution',
    );
  const draw = (count: number) => {
    if (dist === 'ball' || dist === 'sphere') return ballPoints(rng, count, d, dist === 'sphere');
    const a = new Float64Array(count * d);
    for (let i = 0; i < a.length; i++) a[i] = dist === 'uniform' ? rng.float() : rng.normal();
    return a;
  };
  const candidates = draw(m);
  const voters = draw(n);
  return { d, candidates, voters };
}

/**
 * `count` points uniform in the d-ball of radius 1/2 centred at 0 (or on its sphere): a normal
 * direction, scaled by radius U^(1/d) (1 on the sphere), as prefsampling's point.ball_uniform.
 */
export function ballPoints(rng: Random, count: number, d: number, surface: boolean): Float64Array {
  const a = new Float64Array(count * d);
  for (let p = 0; p < count; p++) {
    let norm = 0;
    do {
      norm = 0;
      for (let k = 0; k < d; k++) {
        const x = rng.normal();
        a[p * d + k] = x;
        norm += x * x;
      }
    } while (norm === 0);
    const r = (surface ? 0.5 : 0.5 * rng.float() ** (1 / d)) / Math.sqrt(norm);
    for (let k = 0; k < d; k++) a[p * d + k] *= r;
  }
  return a;
}

/** distances[v*m + c]: Euclidean distance from voter v to candidate c. */
export function spatialDistances(s: SpatialSample): Float64Array {
  const { d, candidates, voters } = s;
  const m = candidates.length / d;
  const n = voters.length / d;
  const out = new Float64Array(n * m);
  for (let v = 0; v < n; v++)
    for (let c = 0; c < m; c++) {
      let t = 0;
      for (let k = 0; k < d; k++) {
        const x = voters[v * d + k] - candidates[c * d + k];
        t += x * x;
      }
      out[v * m + c] = Math.sqrt(t);
    }
  return out;
}

/** The orders (nearest first) a spatial sample induces, into `out`. */
export function spatialOrders(s: SpatialSample, out?: Int32Array): Int32Array {
  const m = s.candidates.length / s.d;
  const n = s.voters.length / s.d;
  const o = buffer(m, n, out);
  const dist = spatialDistances(s);
  const idx = Array.from({ length: m }, (_, i) => i);
  for (let v = 0; v < n; v++) {
    const row = dist.subarray(v * m, (v + 1) * m);
    idx.sort((a, b) => row[a] - row[b] || a - b);
    for (let i = 0; i < m; i++) o[v * m + i] = idx[i];
  }
  return o;
}

/** Euclidean profile: voters rank candidates by distance, nearest first. */
export function euclidean(rng: Random, m: number, n: number, opts: SpatialOptions = {}): Profile {
  return profileFromOrders(m, spatialOrders(spatialSample(rng, m, n, opts)));
}

// ---------------------------------------------------------------------------------------------
// Single-peaked

export type SinglePeakedMethod = 'walsh' | 'conitzer';

export interface SinglePeakedOptions {
  /** walsh (uniform over single-peaked orders, default) or conitzer (uniform random peak). */
  readonly method?: SinglePeakedMethod;
  /** The axis, left to right (default 0, 1, …, m−1). */
  readonly axis?: readonly number[];
}

/** Single-peaked fast path: n orders single-peaked on the axis, into `out`. */
export function singlePeakedOrders(
  rng: Random,
  m: number,
  n: number,
  opts: SinglePeakedOptions = {},
  out?: Int32Array,
): Int32Array {
  checkSize(m, n);
  const axis = opts.axis ?? Array.from({ length: m }, (_, i) => i);
  checkPermutation(axis, m, 'axis');
  const method = opts.method ?? 'walsh';
  if (method !== 'walsh' && method !== 'conitzer')
    throw new UserError(`expected walsh or conitzer, got ${JSON.stringify(method)}`, 'method');
  const o = buffer(m, n, out);
  for (let v = 0; v < n; v++) {
    const base = v * m;
    if (method === 'walsh') {
      let lo = 0;
      let hi = m - 1;
      for (let pos = m - 1; pos > 0; pos--) o[base + pos] = rng.uint32() & 1 ? axis[lo++] : axis[hi--];
      o[base] = axis[lo];
    } else {
      const peak = rng.int(m);
      o[base] = axis[peak];
      let lo = peak - 1;
      let hi = peak + 1;
      for (let pos = 1; pos < m; pos++) {
        const left = hi >= m || (lo >= 0 && rng.uint32() & 1);
        o[base + pos] = left ? axis[lo--] : axis[hi++];
      }
    }
  }
  return o;
}

/** Single-peaked profile (see singlePeakedOrders). */
export function singlePeaked(rng: Random, m: number, n: number, opts: SinglePeakedOptions = {}): Profile {
  return profileFromOrders(m, singlePeakedOrders(rng, m, n, opts));
}

/**
 * True when `order` (best first, all m candidates) is single-peaked on `axis`: every top-t set
 * of the order is an interval of the axis.
 */
export function isSinglePeaked(order: ArrayLike<number>, axis: readonly number[]): boolean {
  const m = axis.length;
  if (order.length !== m) return false;
  const pos = new Int32Array(m);
  axis.forEach((c, i) => {
    pos[c] = i;
  });
  let lo = pos[order[0]];
  let hi = lo;
  for (let t = 1; t < m; t++) {
    const p = pos[order[t]];
    if (p === lo - 1) lo = p;
    else if (p === hi + 1) hi = p;
    else return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Utility profiles (cardinal)

/** Independent U[0,1) utilities. */
export function uniformUtilities(rng: Random, m: number, n: number): Profile {
  checkSize(m, n);
  const s = new Float64Array(n * m);
  for (let i = 0; i < s.length; i++) s[i] = rng.float();
  return profileFromScores(m, s);
}

export interface NormalUtilityOptions {
  readonly mean?: number;
  readonly sd?: number;
}

/** Independent N(mean, sd²) utilities (default standard normal). */
export function normalUtilities(rng: Random, m: number, n: number, opts: NormalUtilityOptions = {}): Profile {
  checkSize(m, n);
  const mean = opts.mean ?? 0;
  const sd = opts.sd ?? 1;
  if (!Number.isFinite(mean)) throw new UserError(`expected a number, got ${mean}`, 'mean');
  if (!(sd > 0 && Number.isFinite(sd))) throw new UserError(`expected a positive number, got ${sd}`, 'sd');
  const s = new Float64Array(n * m);
  for (let i = 0; i < s.length; i++) s[i] = mean + sd * rng.normal();
  return profileFromScores(m, s);
}

/** Spatial utilities: minus the Euclidean distance, from the Euclidean generator's positions. */
export function spatialUtilities(rng: Random, m: number, n: number, opts: SpatialOptions = {}): Profile {
  const d = spatialDistances(spatialSample(rng, m, n, opts));
  for (let i = 0; i < d.length; i++) d[i] = -d[i];
  return profileFromScores(m, d);
}
