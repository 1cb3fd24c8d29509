/**
 * Pareto domination among actions: b dominates a when every part (with positive weight) weakly
 * prefers b and at least one strictly — judged under one utility problem, i.e. under one set of
 * beliefs (each part's own, or the shared world model). Two utilities of a part count as equal
 * when they differ by at most TOL times that part's utility range (scale-free: rescaling a part's
 * utility changes nothing), or by rounding.
 */
import { type UtilityProblem, utilityBounds } from '../core/utility.js';

const TOL = 1e-9;

/** Per part: the smallest difference that counts as a preference. */
function tolerances(p: UtilityProblem): Float64Array {
  const { lo, hi } = utilityBounds(p);
  return hi.map((h, i) =>
    Math.max(TOL * (h - lo[i]), 4 * Number.EPSILON * Math.max(Math.abs(h), Math.abs(lo[i]))),
  );
}

/**
 * Whether decision values x dominate y (per-part arrays), over parts with positive weight;
 * `tol[i]` is part i's indifference threshold (default: exact comparison up to rounding).
 */
export function dominates(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
  tol?: ArrayLike<number>,
): boolean {
  let strict = false;
  for (let i = 0; i < x.length; i++) {
    if (!(weights[i] > 0)) continue;
    const t = tol ? tol[i] : 4 * Number.EPSILON * Math.max(Math.abs(x[i]), Math.abs(y[i]));
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
  for (let b = 0; b < p.actions; b++) if (b !== a && dominates(column(p, b), ua, p.weights, tol)) out.push(b);
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
