/**
 * Pareto domination among actions: b dominates a when every part (with positive weight) weakly
 * prefers b and at least one strictly — judged under one utility problem, i.e. under one set of
 * beliefs (each part's own, or the shared world model). Two utilities of a part count as equal
 * when they differ by at most TOL times that part's utility range (scale-free: rescaling a part's
 * utility changes nothing), or by rounding.
 */
import { type UtilityProblem, utilityBounds } from './utility.js';

const TOL = 1e-9;

/** Per part: the smallest difference that counts as a preference. */
function tolerances(p: UtilityProblem): Float64Array {
  const { lo, hi } = utilityBounds(p);
  return hi.map((h, i) =>
    Math.max(TOL * (h - lo[i]), 4 * Number.EPSILON * Math.max(Math.abs(h), Math.abs(lo[i]))),
  );
}

/**
 * Whether x Pareto-dominates y (per-part values): every part with positive weight weakly prefers
 * x and one strictly. Two values count as equal when they differ by at most the tolerance: per part
 * (`tol[i]`, e.g. a share of that part's utility range), or one relative tolerance for all
 * (`tol · max(1, |x_i|, |y_i|)`), or by default rounding alone.
 */
export function dominates(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  opts: { weights?: ArrayLike<number>; tol?: number | ArrayLike<number> } = {},
): boolean {
  const { weights, tol } = opts;
  let strict = false;
  for (let i = 0; i < x.length; i++) {
    if (weights && !(weights[i] > 0)) continue;
    const t =
      tol === undefined
        ? 4 * Number.EPSILON * Math.max(Math.abs(x[i]), Math.abs(y[i]))
        : typeof tol === 'number'
          ? tol * Math.max(1, Math.abs(x[i]), Math.abs(y[i]))
          : tol[i];
    if (Math.abs(x[i] - y[i]) <= t) continue;
    if (x[i] < y[i]) return false;
    strict = true;
  }
  return strict;
}

function column(p: UtilityProblem, a: number): Float64Array {
  const out = new Float64Array(p.parts);
  for (let i = 0; i < p.parts; i++) out[i] = p.u[i * p.actions + a];
  return out;
}

/** The actions that Pareto-dominate action `a`, ascending. */
export function dominators(p: UtilityProblem, a: number): number[] {
  const ua = column(p, a);
  const tol = tolerances(p);
  const out: number[] = [];
  for (let b = 0; b < p.actions; b++)
    if (b !== a && dominates(column(p, b), ua, { weights: p.weights, tol })) out.push(b);
  return out;
}

/** The Pareto-undominated actions, ascending. */
export function paretoFrontier(p: UtilityProblem): number[] {
  const out: number[] = [];
  for (let a = 0; a < p.actions; a++) if (dominators(p, a).length === 0) out.push(a);
  return out;
}

/** Whether every part (with positive weight) weakly prefers b to a. */
export function weaklyImproves(p: UtilityProblem, b: number, a: number): boolean {
  const tol = tolerances(p);
  for (let i = 0; i < p.parts; i++) {
    if (!(p.weights[i] > 0)) continue;
    const x = p.u[i * p.actions + b];
    const y = p.u[i * p.actions + a];
    if (x < y - tol[i]) return false;
  }
  return true;
}
