/**
 * Cultures driven by a quality per candidate (prefsampling's ordinal.plackettluce and ordinal.didi).
 *
 * - Plackett–Luce(α): an order is built top down, each next candidate drawn among those left with
 *   probability proportional to its quality α_c. Sampled exactly by an exponential race: candidate
 *   c gets an arrival time E_c/α_c with E_c ~ Exp(1), and the order is by arrival (the first to
 *   arrive among any set is c with probability α_c / Σ α, and the race is memoryless).
 * - DiDi(α): each voter draws points x ~ Dirichlet(α) and ranks candidates by points, most first.
 *   Only the order of the points matters, so the Gamma(α_c) draws are compared unnormalized, in
 *   log space so that tiny α (whose draws underflow to 0) keep their order.
 *
 * Without qualities both take α_c = 1/(c+1) (candidate 0 best on average): α = 1 for every
 * candidate is impartial culture under either model.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { type Profile, profileFromOrders } from '../sigma/profile.js';
import { buffer, checkSize } from './profiles.js';

/** The qualities, checked: m positive finite numbers (default 1/(c+1)). */
export function checkQualities(m: number, alphas: readonly number[] | undefined, where = 'alphas'): number[] {
  if (alphas === undefined) return Array.from({ length: m }, (_, c) => 1 / (c + 1));
  if (alphas.length !== m)
    throw new UserError(`expected one quality per candidate (${m}), got ${alphas.length}`, where);
  alphas.forEach((a, c) => {
    if (!(a > 0 && Number.isFinite(a)))
      throw new UserError(`expected a positive number, got ${a}`, `${where}[${c}]`);
  });
  return [...alphas];
}

/** Writes the candidates sorted by `keys` (ascending; ties by index) at out[o..o+m). */
function sortInto(keys: Float64Array, idx: number[], out: Int32Array, o: number): void {
  const m = keys.length;
  for (let i = 0; i < m; i++) idx[i] = i;
  idx.sort((a, b) => keys[a] - keys[b] || a - b);
  for (let i = 0; i < m; i++) out[o + i] = idx[i];
}

/** n orders, each candidate c ranked by a fresh key(α_c) drawn per voter, smallest first. */
function keyedOrders(
  rng: Random,
  m: number,
  n: number,
  alphas: readonly number[] | undefined,
  out: Int32Array | undefined,
  key: (rng: Random, alpha: number) => number,
): Int32Array {
  checkSize(m, n);
  const a = checkQualities(m, alphas);
  const o = buffer(m, n, out);
  const keys = new Float64Array(m);
  const idx = new Array<number>(m);
  for (let v = 0; v < n; v++) {
    for (let c = 0; c < m; c++) keys[c] = key(rng, a[c]);
    sortInto(keys, idx, o, v * m);
  }
  return o;
}

/** Plackett–Luce fast path: n orders (best first) into `out`. */
export function plackettLuceOrders(
  rng: Random,
  m: number,
  n: number,
  alphas?: readonly number[],
  out?: Int32Array,
): Int32Array {
  // arrival time E/α; 1 − U is in (0, 1], so the logarithm is finite
  return keyedOrders(rng, m, n, alphas, out, (r, alpha) => -Math.log(1 - r.float()) / alpha);
}

/** Plackett–Luce profile (see plackettLuceOrders). */
export function plackettLuce(rng: Random, m: number, n: number, alphas?: readonly number[]): Profile {
  return profileFromOrders(m, plackettLuceOrders(rng, m, n, alphas));
}

/** log of a Gamma(shape, 1) draw, finite even where the draw itself underflows. */
function logGamma(rng: Random, shape: number): number {
  // Gamma(a) = Gamma(a + 1) · U^(1/a) (the step Random.gamma takes for a < 1)
  if (shape < 1) return Math.log(rng.gamma(shape + 1)) + Math.log(1 - rng.float()) / shape;
  return Math.log(rng.gamma(shape));
}

/** DiDi fast path: n orders (most Dirichlet points first) into `out`. */
export function didiOrders(
  rng: Random,
  m: number,
  n: number,
  alphas?: readonly number[],
  out?: Int32Array,
): Int32Array {
  return keyedOrders(rng, m, n, alphas, out, (r, alpha) => -logGamma(r, alpha));
}

/** DiDi profile (see didiOrders). */
export function didi(rng: Random, m: number, n: number, alphas?: readonly number[]): Profile {
  return profileFromOrders(m, didiOrders(rng, m, n, alphas));
}
