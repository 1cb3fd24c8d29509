/**
 * The meta-preference dynamics w ← (1 − λ) w + λ E(w) (meta-preferences.ts): one step, iteration
 * to a limit, self-endorsing candidates, the fixed points with their basins over seeded starts,
 * and their stability by perturbation.
 */
import { type SigmaCall, sigmaCall } from '../../sigma/apply-utilities.js';
import { UserError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import { chebyshev, limitOptions, periodOf, remember } from '../../core/orbit.js';
import { type MetaPreferences, candidate, metaEndorsed, toShares } from './meta-preferences.js';

function checkRate(rate: number, where: string): number {
  if (!(Number.isFinite(rate) && rate > 0 && rate <= 1))
    throw new UserError(`expected a rate in (0, 1], got ${rate}`, where);
  return rate;
}

/** One step of the meta dynamics: (1 − λ) w + λ E(w). */
export function metaStep(
  meta: MetaPreferences,
  w: ArrayLike<number>,
  rate = 0.5,
  call?: SigmaCall,
): Float64Array {
  checkRate(rate, 'meta.rate');
  const { target } = metaEndorsed(meta, w, call);
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = (1 - rate) * w[i] + rate * target[i];
  return out;
}

export interface SelfEndorsing {
  readonly candidate: number;
  readonly weights: Float64Array;
  /** The Σ winners at these weights (the candidate is among them). */
  readonly winners: number[];
  /** The candidate is the only winner: a fixed point that small perturbations keep (when Σ is continuous there). */
  readonly strict: boolean;
  /** E(v) = v: a fixed point of the dynamics (always when strict; with ties only when the winners' mean is v). */
  readonly fixed: boolean;
}

/**
 * The candidates that H's Σ endorses when they are H's weights: every k with k among the Σ winners
 * at weights v_k. Exhaustive over the menu (no sampling): the fixed points the dynamics can reach
 * at a candidate.
 */
export function selfEndorsingCandidates(meta: MetaPreferences): SelfEndorsing[] {
  const call = sigmaCall(meta.sigma.rule, meta.sigma.options);
  const out: SelfEndorsing[] = [];
  for (let k = 0; k < meta.count; k++) {
    const v = candidate(meta, k);
    const e = metaEndorsed(meta, v, call);
    if (!e.winners.includes(k)) continue;
    out.push({
      candidate: k,
      weights: v,
      winners: e.winners,
      strict: e.winners.length === 1,
      fixed: chebyshev(e.target, v) <= 1e-12,
    });
  }
  return out;
}

export interface MetaIterationOptions {
  /** λ in (0, 1] (default 0.5). */
  readonly rate?: number;
  /** Default 1000. */
  readonly maxSteps?: number;
  /** Fixed point / cycle tolerance, largest weight difference (default 1e-10). */
  readonly tol?: number;
  /** Longest cycle looked for (default 8). */
  readonly maxPeriod?: number;
}

export interface MetaLimit {
  /** 'fixed': w = E(w) within tol; 'cycle': the weights repeat with period > 1; 'none': maxSteps ran out. */
  readonly kind: 'fixed' | 'cycle' | 'none';
  /** 1 for a fixed point, the cycle length for a cycle, 0 for none. */
  readonly period: number;
  /** Steps taken. */
  readonly steps: number;
  /** The weights where the iteration stopped. */
  readonly weights: Float64Array;
  /** The points of the cycle (oldest first; for a fixed point just the point). */
  readonly orbit: Float64Array[];
  /** Σ winners (candidates) at the final weights. */
  readonly winners: number[];
}

/** Iterates the meta dynamics from `start` (taken as shares) to a fixed point, a cycle, or the step cap. */
export function iterateMeta(
  meta: MetaPreferences,
  start: ArrayLike<number>,
  opts: MetaIterationOptions = {},
  call?: SigmaCall,
): MetaLimit {
  const rate = checkRate(opts.rate ?? 0.5, 'meta.rate');
  const { maxSteps, tol, maxPeriod } = limitOptions(
    opts,
    { maxSteps: 1000, tol: 1e-10, maxPeriod: 8 },
    'meta',
  );
  const c = call ?? sigmaCall(meta.sigma.rule, meta.sigma.options);
  const n = meta.parts.length;
  let w = toShares(Array.from(start), n, 'meta.start');
  const history: Float64Array[] = [w];
  for (let t = 1; t <= maxSteps; t++) {
    const next = metaStep(meta, w, rate, c);
    const p = periodOf(history, next, tol);
    remember(history, next, maxPeriod);
    w = next;
    if (p > 0) {
      const orbit = history.slice(history.length - p);
      return {
        kind: p === 1 ? 'fixed' : 'cycle',
        period: p,
        steps: t,
        weights: w,
        orbit,
        winners: metaEndorsed(meta, w, c).winners,
      };
    }
  }
  return {
    kind: 'none',
    period: 0,
    steps: maxSteps,
    weights: w,
    orbit: [],
    winners: metaEndorsed(meta, w, c).winners,
  };
}

/** A uniformly random point of the simplex on n parts (Dirichlet(1, …, 1)). */
export function uniformSimplex(n: number, rng: Random): Float64Array {
  const v = new Float64Array(n);
  for (;;) {
    let t = 0;
    for (let i = 0; i < n; i++) {
      v[i] = -Math.log(1 - rng.float());
      t += v[i];
    }
    if (t > 0) {
      for (let i = 0; i < n; i++) v[i] /= t;
      return v;
    }
  }
}

export interface MetaRun {
  readonly start: Float64Array;
  readonly limit: MetaLimit;
  /** Index into `fixedPoints` (kind 'fixed') or `cycles` (kind 'cycle'); −1 for 'none'. */
  readonly basin: number;
}

export interface MetaFixedPoint {
  /** Where the runs ended: the candidate's exact weights when it coincides with one, else the first run's end. */
  readonly weights: Float64Array;
  /** Starts that ended here, and their share of all starts: the basin's frequency. */
  readonly count: number;
  readonly frequency: number;
  /** The candidate it coincides with (within the cluster tolerance), or −1. */
  readonly candidate: number;
  /** Whether it is a candidate that is the only Σ winner at its own weights. */
  readonly strict: boolean;
}

export interface MetaCycle {
  /** The cycle's points, starting from its lexicographically smallest one. */
  readonly orbit: Float64Array[];
  readonly count: number;
  readonly frequency: number;
}

export interface MetaBasins {
  readonly starts: number;
  /** Fixed points found, most frequent first (ties: lexicographic in the weights). */
  readonly fixedPoints: MetaFixedPoint[];
  readonly cycles: MetaCycle[];
  /** Starts that reached neither within maxSteps. */
  readonly unconverged: number;
  readonly runs: MetaRun[];
}

function lexLess(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * Runs the meta dynamics from many starts and groups where they end: each fixed point with the
 * frequency of its basin among the starts, the cycles likewise. Starts are the given weight
 * vectors, or `starts` uniform draws from the simplex (start k drawn from `rng.split(k)`, so start k
 * is the same whatever the number of starts). Ends within `clusterTol` (default 1e-6) are one point.
 */
export function metaFixedPoints(
  meta: MetaPreferences,
  rng: Random,
  opts: MetaIterationOptions & {
    readonly starts?: number | readonly ArrayLike<number>[];
    readonly clusterTol?: number;
    /**
     * Also list every self-endorsing candidate that is a fixed point (E(v) = v) even when no start
     * ends there (basin 0): unstable fixed points are reached from almost no start. Default false.
     */
    readonly exhaustive?: boolean;
  } = {},
): MetaBasins {
  const n = meta.parts.length;
  const s = opts.starts ?? 100;
  let starts: Float64Array[];
  if (typeof s === 'number') {
    if (!(Number.isInteger(s) && s >= 1))
      throw new UserError(`expected a positive integer, got ${s}`, 'meta.starts');
    starts = Array.from({ length: s }, (_, k) => uniformSimplex(n, rng.split(k)));
  } else starts = s.map((x, k) => toShares(Array.from(x), n, `meta.starts[${k}]`));
  const clusterTol = opts.clusterTol ?? 1e-6;
  const call = sigmaCall(meta.sigma.rule, meta.sigma.options);
  const fixed: { weights: Float64Array; count: number }[] = [];
  const cycles: { orbit: Float64Array[]; count: number }[] = [];
  const raw: { start: Float64Array; limit: MetaLimit; basin: number }[] = [];
  let unconverged = 0;
  for (const start of starts) {
    const limit = iterateMeta(meta, start, opts, call);
    let basin = -1;
    if (limit.kind === 'fixed') {
      basin = fixed.findIndex((f) => chebyshev(f.weights, limit.weights) <= clusterTol);
      if (basin < 0) basin = fixed.push({ weights: limit.weights, count: 0 }) - 1;
      fixed[basin].count++;
    } else if (limit.kind === 'cycle') {
      let lo = 0;
      limit.orbit.forEach((x, j) => {
        if (lexLess(x, limit.orbit[lo]) < 0) lo = j;
      });
      const orbit = [...limit.orbit.slice(lo), ...limit.orbit.slice(0, lo)];
      basin = cycles.findIndex(
        (c) =>
          c.orbit.length === orbit.length && c.orbit.every((x, j) => chebyshev(x, orbit[j]) <= clusterTol),
      );
      if (basin < 0) basin = cycles.push({ orbit, count: 0 }) - 1;
      cycles[basin].count++;
    } else unconverged++;
    raw.push({ start, limit, basin });
  }
  const self = selfEndorsingCandidates(meta);
  if (opts.exhaustive)
    for (const x of self)
      if (x.fixed && !fixed.some((f) => chebyshev(f.weights, x.weights) <= clusterTol))
        fixed.push({ weights: x.weights, count: 0 });
  const order = fixed
    .map((_, j) => j)
    .sort((a, b) => fixed[b].count - fixed[a].count || lexLess(fixed[a].weights, fixed[b].weights));
  const rank = new Int32Array(fixed.length);
  order.forEach((j, r) => {
    rank[j] = r;
  });
  const fixedPoints = order.map((j) => {
    const f = fixed[j];
    let cand = -1;
    for (let k = 0; k < meta.count && cand < 0; k++)
      if (chebyshev(candidate(meta, k), f.weights) <= clusterTol) cand = k;
    return {
      weights: cand >= 0 ? candidate(meta, cand) : f.weights,
      count: f.count,
      frequency: f.count / starts.length,
      candidate: cand,
      strict: self.some((x) => x.candidate === cand && x.strict),
    };
  });
  return {
    starts: starts.length,
    fixedPoints,
    cycles: cycles.map((c) => ({ orbit: c.orbit, count: c.count, frequency: c.count / starts.length })),
    unconverged,
    runs: raw.map((r) => ({ ...r, basin: r.limit.kind === 'fixed' ? rank[r.basin] : r.basin })),
  };
}

export interface MetaStability {
  /** Perturbed starts whose iteration came back to the point (within the cluster tolerance). */
  readonly returned: number;
  readonly perturbations: number;
  /** Stable: every perturbed start came back; unstable: at least one left. */
  readonly stable: boolean;
}

/**
 * Stability by perturbation: from `perturbations` points (1 − ε) w + ε u near the fixed point w
 * (u uniform on the simplex, drawn from `rng.split(k)`; the mix stays on the simplex), iterate
 * the dynamics and count the runs that end back at w. E(w) is piecewise constant in w, so a strict
 * self-endorsing candidate keeps its winner in a neighbourhood and every small perturbation
 * returns; a point between basins (a tie's mean) loses almost every one.
 */
export function metaStability(
  meta: MetaPreferences,
  w: ArrayLike<number>,
  rng: Random,
  opts: MetaIterationOptions & {
    readonly perturbations?: number;
    readonly radius?: number;
    readonly clusterTol?: number;
  } = {},
  call?: SigmaCall,
): MetaStability {
  const n = meta.parts.length;
  const k = opts.perturbations ?? 8;
  const eps = opts.radius ?? 1e-3;
  if (!(Number.isInteger(k) && k >= 1))
    throw new UserError(`expected a positive whole number of perturbations, got ${k}`, 'meta.perturbations');
  if (!(eps > 0 && eps < 1)) throw new UserError(`expected a radius in (0, 1), got ${eps}`, 'meta.radius');
  const c = call ?? sigmaCall(meta.sigma.rule, meta.sigma.options);
  let returned = 0;
  for (let j = 0; j < k; j++) {
    const u = uniformSimplex(n, rng.split(j));
    const start = new Float64Array(n);
    for (let i = 0; i < n; i++) start[i] = (1 - eps) * w[i] + eps * u[i];
    const end = iterateMeta(meta, start, opts, c);
    if (end.kind === 'fixed' && chebyshev(end.weights, w) <= (opts.clusterTol ?? 1e-6)) returned++;
  }
  return { returned, perturbations: k, stable: returned === k };
}

export interface MetaEquilibria extends MetaBasins {
  /** Each fixed point of `fixedPoints`, in the same order, with its stability by perturbation. */
  readonly stability: MetaStability[];
}

/**
 * Every fixed point the dynamics has (those reached from the seeded starts, and every
 * self-endorsing candidate that is one), its basin's share of the starts, and its stability by
 * perturbation. The basins' shares, the cycles' and the unconverged starts' sum to 1.
 */
export function metaEquilibria(
  meta: MetaPreferences,
  rng: Random,
  opts: MetaIterationOptions & {
    readonly starts?: number | readonly ArrayLike<number>[];
    readonly clusterTol?: number;
    readonly perturbations?: number;
    readonly radius?: number;
  } = {},
): MetaEquilibria {
  const basins = metaFixedPoints(meta, rng.split(0), { ...opts, exhaustive: true });
  const call = sigmaCall(meta.sigma.rule, meta.sigma.options);
  const stability = basins.fixedPoints.map((f, j) =>
    metaStability(meta, f.weights, rng.split(1 + j), opts, call),
  );
  return { ...basins, stability };
}
