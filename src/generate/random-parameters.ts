/**
 * Cultures whose parameter is itself drawn once per profile (pref_voting's "-R" models), so a batch
 * of profiles spreads over the whole family instead of sitting at one point of it.
 *
 * - Mallows-R (pref_voting MALLOWS-R): φ uniform in [0.001, 0.999], and a uniform random central
 *   order unless one is given; then Mallows(φ) as `mallows`.
 * - Mallows-RELPHI-R (pref_voting MALLOWS-RELPHI-R): the normalized φ (expected swap distance as a
 *   share of m(m−1)/4) uniform in [0.001, 0.999] instead.
 * - Urn-R (pref_voting URN-R, after Szufa et al. 2020): g ~ Gamma(0.8, 1), and the urn returns
 *   round(g·m!) copies with each draw (g itself, as a multiple of m!, past m = 18 where m! is not
 *   a whole double).
 * The draws come in that order (the parameter, the central order, then the votes), from the same
 * stream, so a seed fixes the parameter and the profile together.
 */
import type { Random } from '../core/random.js';
import { type Profile, profileFromOrders } from '../sigma/profile.js';
import { checkSize, factorial, mallowsOrders, phiFromNormalized, urnOrders } from './profiles.js';

const PHI_LOW = 0.001;
const PHI_HIGH = 0.999;

export interface RandomMallowsOptions {
  /** Draw the normalized φ rather than φ itself. */
  readonly normalized?: boolean;
  /** The central order, best first (default: a uniform random one). */
  readonly central?: readonly number[];
}

export interface RandomMallowsSample {
  /** The φ drawn (after converting a normalized one). */
  readonly phi: number;
  /** The normalized φ drawn, when `normalized`. */
  readonly normalizedPhi?: number;
  readonly central: readonly number[];
  readonly orders: Int32Array;
}

/** Mallows with a random dispersion: the parameters drawn and the n orders. */
export function randomMallowsSample(
  rng: Random,
  m: number,
  n: number,
  opts: RandomMallowsOptions = {},
): RandomMallowsSample {
  checkSize(m, n);
  const u = PHI_LOW + (PHI_HIGH - PHI_LOW) * rng.float();
  const phi = opts.normalized ? phiFromNormalized(m, u) : u;
  const central = opts.central ?? Array.from(rng.permutation(m));
  const orders = mallowsOrders(rng, m, n, { phi, central });
  return { phi, normalizedPhi: opts.normalized ? u : undefined, central, orders };
}

/** Mallows-R profile (see randomMallowsSample). */
export function randomMallows(rng: Random, m: number, n: number, opts: RandomMallowsOptions = {}): Profile {
  return profileFromOrders(m, randomMallowsSample(rng, m, n, opts).orders);
}

export interface RandomUrnSample {
  /** g ~ Gamma(0.8, 1): the copies returned, as a multiple of m!. */
  readonly g: number;
  readonly orders: Int32Array;
}

/** The urn with a random number of copies: the Gamma draw and the n orders. */
export function randomUrnSample(rng: Random, m: number, n: number): RandomUrnSample {
  checkSize(m, n);
  const g = rng.gamma(0.8);
  const mf = factorial(m);
  const orders =
    mf <= 2 ** 53
      ? urnOrders(rng, m, n, { alpha: Math.round(g * mf) })
      : urnOrders(rng, m, n, { normalizedAlpha: g });
  return { g, orders };
}

/** Urn-R profile (see randomUrnSample). */
export function randomUrn(rng: Random, m: number, n: number): Profile {
  return profileFromOrders(m, randomUrnSample(rng, m, n).orders);
}
