/**
 * More single-peaked cultures (prefsampling's ordinal.singlepeaked).
 *
 * - Single-peaked on a circle (Peters & Lackner 2020): the peak is uniform over the m candidates,
 *   then each next position takes the next unused candidate clockwise or counter-clockwise on the
 *   circular axis, with probability 1/2 each (the last is forced).
 * - k-axes single-peaked: k distinct random axes (no axis the reverse of another); each voter
 *   picks an axis with probability ∝ its weight, then draws an order single-peaked on it (Walsh's
 *   uniform sampler, or Conitzer's random peak).
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { type Profile, profileFromOrders } from '../sigma/profile.js';
import {
  buffer,
  checkPermutation,
  checkSize,
  factorial,
  type SinglePeakedMethod,
  singlePeakedOrders,
} from './profiles.js';

/** Circle single-peaked fast path: n orders into `out` (axis default 0, 1, …, m−1, closed into a circle). */
export function circleSinglePeakedOrders(
  rng: Random,
  m: number,
  n: number,
  axis?: readonly number[],
  out?: Int32Array,
): Int32Array {
  checkSize(m, n);
  const ax = axis ?? Array.from({ length: m }, (_, i) => i);
  checkPermutation(ax, m, 'axis');
  const o = buffer(m, n, out);
  for (let v = 0; v < n; v++) {
    const base = v * m;
    const peak = rng.int(m);
    o[base] = ax[peak];
    let left = peak - 1; // unwrapped; taken modulo m
    let right = peak + 1;
    for (let pos = 1; pos < m; pos++)
      o[base + pos] = ax[(((pos < m - 1 && rng.uint32() & 1 ? left-- : right++) % m) + m) % m];
  }
  return o;
}

/** Circle single-peaked profile (see circleSinglePeakedOrders). */
export function circleSinglePeaked(rng: Random, m: number, n: number, axis?: readonly number[]): Profile {
  return profileFromOrders(m, circleSinglePeakedOrders(rng, m, n, axis));
}

/** True when every top-t set of `order` is an arc of the circular `axis`. */
export function isSinglePeakedOnCircle(order: ArrayLike<number>, axis: readonly number[]): boolean {
  const m = axis.length;
  if (order.length !== m) return false;
  const pos = new Int32Array(m);
  axis.forEach((c, i) => {
    pos[c] = i;
  });
  // the arc grows from the peak: lo steps counter-clockwise, hi clockwise (both unwrapped)
  let lo = pos[order[0]];
  let hi = lo;
  for (let t = 1; t < m; t++) {
    const p = pos[order[t]];
    if (p === (((lo - 1) % m) + m) % m) lo--;
    else if (p === (hi + 1) % m) hi++;
    else return false;
  }
  return true;
}

export interface KAxesOptions {
  /** Number of axes (default 2). */
  readonly k?: number;
  /** One weight per axis (default all equal). */
  readonly axesWeights?: readonly number[];
  /** The single-peaked sampler on the chosen axis (default walsh). */
  readonly method?: SinglePeakedMethod;
}

export interface KAxesSample {
  readonly orders: Int32Array;
  /** The k axes, each left to right. */
  readonly axes: readonly Int32Array[];
  /** The axis each voter's order was drawn on. */
  readonly axisOf: Int32Array;
}

/** n orders, each single-peaked on one of k random axes. */
export function kAxesSinglePeakedSample(
  rng: Random,
  m: number,
  n: number,
  opts: KAxesOptions = {},
): KAxesSample {
  checkSize(m, n);
  const k = opts.k ?? 2;
  if (!Number.isInteger(k) || k < 1) throw new UserError(`expected a positive whole number, got ${k}`, 'k');
  // axes up to reversal: m!/2 of them (1 when m = 1)
  if (k > Math.max(1, factorial(m) / 2))
    throw new UserError(
      `expected at most ${Math.max(1, factorial(m) / 2)} axes for ${m} candidates (axes up to reversal), got ${k}`,
      'k',
    );
  const weights = opts.axesWeights ?? new Array<number>(k).fill(1);
  if (weights.length !== k)
    throw new UserError(`expected one weight per axis (${k}), got ${weights.length}`, 'axes-weights');
  weights.forEach((w, i) => {
    if (!(w >= 0 && Number.isFinite(w)))
      throw new UserError(`expected a non-negative number, got ${w}`, `axes-weights[${i}]`);
  });
  if (!weights.some((w) => w > 0)) throw new UserError('expected a positive weight', 'axes-weights');
  const seen = new Set<string>();
  const axes: Int32Array[] = [];
  while (axes.length < k) {
    const a = rng.permutation(m);
    const key = a.join(',');
    if (seen.has(key) || seen.has([...a].reverse().join(','))) continue;
    seen.add(key);
    axes.push(a);
  }
  const axisOf = new Int32Array(n);
  const orders = new Int32Array(n * m);
  const one = new Int32Array(m);
  const lists = axes.map((a) => Array.from(a));
  for (let v = 0; v < n; v++) {
    axisOf[v] = rng.weighted(weights);
    singlePeakedOrders(rng, m, 1, { method: opts.method, axis: lists[axisOf[v]] }, one);
    orders.set(one, v * m);
  }
  return { orders, axes, axisOf };
}

/** k-axes single-peaked profile (see kAxesSinglePeakedSample). */
export function kAxesSinglePeaked(rng: Random, m: number, n: number, opts: KAxesOptions = {}): Profile {
  return profileFromOrders(m, kAxesSinglePeakedSample(rng, m, n, opts).orders);
}
