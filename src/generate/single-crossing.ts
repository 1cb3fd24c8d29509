/**
 * Single-crossing profiles (prefsampling's ordinal.singlecrossing): along the voters' order, for
 * every pair of candidates the voters preferring a to b form one segment and those preferring b to
 * a the other, so each pair's preference flips at most once.
 *
 * - single-crossing: a random maximal single-crossing domain is built from 0 > 1 > … > m−1 by
 *   m(m−1)/2 adjacent swaps, each chosen uniformly among the adjacent pairs still in increasing
 *   order (a pair once swapped never swaps back); the n voters take n uniform positions of the
 *   domain, sorted, so they come in the domain's order.
 * - single-crossing-impartial: every such collection equally likely. A profile is a weakly
 *   increasing chain v1 = 0 > 1 > … ≤ v2 ≤ … ≤ vn in the weak order, where u ≤ v when v is
 *   reached from u by swapping adjacent increasing pairs, that is when the inversions of u are
 *   among those of v. Counting chains from the top down gives each next vote's exact law. Exact
 *   but exponential (m! orders): m ≤ 7.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { type Profile, profileFromOrders } from '../sigma/profile.js';
import { buffer, checkSize, factorial, unrankOrder } from './profiles.js';

/** The random maximal single-crossing domain: m(m−1)/2 + 1 orders, flat, best first. */
export function singleCrossingDomain(rng: Random, m: number): Int32Array {
  const size = (m * (m - 1)) / 2 + 1;
  const d = new Int32Array(size * m);
  for (let i = 0; i < m; i++) d[i] = i;
  const open: number[] = [];
  for (let line = 1; line < size; line++) {
    const prev = (line - 1) * m;
    d.copyWithin(line * m, prev, prev + m);
    open.length = 0;
    for (let j = 0; j < m - 1; j++) if (d[prev + j] < d[prev + j + 1]) open.push(j);
    const j = open[rng.int(open.length)];
    d[line * m + j] = d[prev + j + 1];
    d[line * m + j + 1] = d[prev + j];
  }
  return d;
}

/** Single-crossing fast path (random domain, uniform sorted positions) into `out`. */
export function singleCrossingOrders(rng: Random, m: number, n: number, out?: Int32Array): Int32Array {
  checkSize(m, n);
  const d = singleCrossingDomain(rng, m);
  const size = d.length / m;
  const picks = new Int32Array(n);
  for (let v = 0; v < n; v++) picks[v] = rng.int(size);
  picks.sort();
  const o = buffer(m, n, out);
  for (let v = 0; v < n; v++) o.set(d.subarray(picks[v] * m, picks[v] * m + m), v * m);
  return o;
}

/** Single-crossing profile (see singleCrossingOrders). */
export function singleCrossing(rng: Random, m: number, n: number): Profile {
  return profileFromOrders(m, singleCrossingOrders(rng, m, n));
}

/** The largest m single-crossing-impartial enumerates (m! orders). */
export const IMPARTIAL_SC_MAX_CANDIDATES = 7;

/** Inversions of an order: one bit per pair a < b (in lexicographic order; m ≤ 7 fits 21 bits). */
function inversions(order: Int32Array, m: number): number {
  let bits = 0;
  const pos = new Int32Array(m);
  for (let i = 0; i < m; i++) pos[order[i]] = i;
  let bit = 0;
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++, bit++) if (pos[b] < pos[a]) bits |= 1 << bit;
  return bits;
}

/** The m! orders (lexicographic) and, for each, the orders above it in the weak order. */
interface WeakOrder {
  readonly orders: Int32Array;
  readonly up: readonly Int32Array[];
}

// Built once per m (at most 7 of them): a pure function of m, kept because every profile needs it.
const weakOrders: WeakOrder[] = [];

function weakOrder(m: number): WeakOrder {
  const known = weakOrders[m];
  if (known) return known;
  const t = factorial(m);
  const orders = new Int32Array(t * m);
  for (let i = 0; i < t; i++) unrankOrder(i, m, orders, i * m);
  const inv = new Int32Array(t);
  for (let i = 0; i < t; i++) inv[i] = inversions(orders.subarray(i * m, i * m + m), m);
  // up[i]: the orders v ≥ u_i (inversions of u_i ⊆ those of v), u_i itself included
  const up: Int32Array[] = [];
  const row: number[] = [];
  for (let i = 0; i < t; i++) {
    row.length = 0;
    for (let j = 0; j < t; j++) if ((inv[i] & inv[j]) === inv[i]) row.push(j);
    up.push(Int32Array.from(row));
  }
  weakOrders[m] = { orders, up };
  return weakOrders[m];
}

/** Impartial single-crossing fast path: a uniform chain of n orders from the identity, into `out`. */
export function singleCrossingImpartialOrders(
  rng: Random,
  m: number,
  n: number,
  out?: Int32Array,
): Int32Array {
  checkSize(m, n);
  if (m > IMPARTIAL_SC_MAX_CANDIDATES)
    throw new UserError(
      `the impartial single-crossing sampler enumerates all m! orders: expected at most ${IMPARTIAL_SC_MAX_CANDIDATES} candidates, got ${m}`,
      'candidates',
    );
  const t = factorial(m);
  if (n * t > 2 ** 24)
    throw new UserError(
      `the impartial single-crossing sampler keeps n × m! chain counts: expected at most ${Math.floor(2 ** 24 / t)} voters for ${m} candidates, got ${n}`,
      'voters',
    );
  const o = buffer(m, n, out);
  if (n === 0) return o;
  const { orders, up } = weakOrder(m);
  // count[k][i] ∝ number of chains of k orders starting at u_i; each level scaled by its maximum
  // (only ratios within a level are used), so long chains do not overflow.
  const count: Float64Array[] = [new Float64Array(t).fill(1)];
  for (let k = 1; k < n; k++) {
    const prev = count[k - 1];
    const c = new Float64Array(t);
    let max = 0;
    for (let i = 0; i < t; i++) {
      let s = 0;
      for (const j of up[i]) s += prev[j];
      c[i] = s;
      if (s > max) max = s;
    }
    for (let i = 0; i < t; i++) c[i] /= max;
    count.push(c);
  }
  let cur = 0; // the identity is order 0 in lexicographic order
  o.set(orders.subarray(0, m), 0);
  const weights: number[] = [];
  for (let v = 1; v < n; v++) {
    const level = count[n - 1 - v];
    const cands = up[cur];
    weights.length = 0;
    for (const j of cands) weights.push(level[j]);
    cur = cands[rng.weighted(weights)];
    o.set(orders.subarray(cur * m, cur * m + m), v * m);
  }
  return o;
}

/** Impartial single-crossing profile (see singleCrossingImpartialOrders). */
export function singleCrossingImpartial(rng: Random, m: number, n: number): Profile {
  return profileFromOrders(m, singleCrossingImpartialOrders(rng, m, n));
}

/**
 * True when the n orders (flat, best first) are single-crossing in the given voter order: for
 * every pair of candidates, the voters' preference between them changes at most once.
 */
export function isSingleCrossing(orders: ArrayLike<number>, m: number): boolean {
  const n = orders.length / m;
  const pos = new Int32Array(n * m);
  for (let v = 0; v < n; v++) for (let i = 0; i < m; i++) pos[v * m + orders[v * m + i]] = i;
  for (let a = 0; a < m; a++)
    for (let b = a + 1; b < m; b++) {
      let changes = 0;
      for (let v = 1; v < n; v++)
        if (pos[v * m + a] < pos[v * m + b] !== pos[(v - 1) * m + a] < pos[(v - 1) * m + b]) changes++;
      if (changes > 1) return false;
    }
  return true;
}
