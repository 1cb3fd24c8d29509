/**
 * Cultures of fixed strata (prefsampling's ordinal.identity and ordinal.impartial.stratification).
 *
 * - Identity: every voter has the order 0 > 1 > … > m−1 (useful in mixtures, and as the extreme
 *   of agreement on the map of elections).
 * - Stratification(w) (Boehmer et al. 2021): the first ⌊w·m⌋ candidates form an upper class that
 *   every voter ranks above the rest; within each class the order is uniform, independently.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { type Profile, profileFromOrders } from '../sigma/profile.js';
import { buffer, checkSize } from './profiles.js';

/** Identity fast path: n copies of 0, 1, …, m−1 into `out`. */
export function identityOrders(m: number, n: number, out?: Int32Array): Int32Array {
  checkSize(m, n);
  const o = buffer(m, n, out);
  for (let v = 0; v < n; v++) for (let i = 0; i < m; i++) o[v * m + i] = i;
  return o;
}

/** Identity profile: every voter ranks 0 > 1 > … > m−1. */
export function identity(m: number, n: number): Profile {
  return profileFromOrders(m, identityOrders(m, n));
}

/** Shuffles out[from..to) in place. */
function shuffleRange(rng: Random, out: Int32Array, from: number, to: number): void {
  for (let i = to - 1; i > from; i--) {
    const j = from + rng.int(i - from + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
}

/** Stratification fast path: upper class 0..⌊w·m⌋−1 first, each class shuffled, into `out`. */
export function stratificationOrders(
  rng: Random,
  m: number,
  n: number,
  weight = 0.5,
  out?: Int32Array,
): Int32Array {
  checkSize(m, n);
  if (!(weight >= 0 && weight <= 1))
    throw new UserError(`expected a number in [0, 1], got ${weight}`, 'weight');
  const upper = Math.floor(weight * m);
  const o = identityOrders(m, n, out);
  for (let v = 0; v < n; v++) {
    shuffleRange(rng, o, v * m, v * m + upper);
    shuffleRange(rng, o, v * m + upper, v * m + m);
  }
  return o;
}

/** Stratification profile (see stratificationOrders). */
export function stratification(rng: Random, m: number, n: number, weight = 0.5): Profile {
  return profileFromOrders(m, stratificationOrders(rng, m, n, weight));
}
