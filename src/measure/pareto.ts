/**
 * Pareto domination among actions: b dominates a when every part (with positive weight) weakly
 * prefers b and at least one strictly — judged under one utility problem, i.e. under one set of
 * beliefs (each part's own, or the shared world model). Utilities within TOL count as equal.
 */
import type { UtilityProblem } from '../core/utility.js';

const TOL = 1e-9;

function close(x: number, y: number): boolean {
  return Math.abs(x - y) <= TOL * Math.max(1, Math.abs(x), Math.abs(y));
}

/** Whether decision values x dominate y (per-part arrays), over parts with positive weight. */
export function dominates(x: ArrayLike<number>, y: ArrayLike<number>, weights: ArrayLike<number>): boolean {
  let strict = false;
  for (let i = 0; i < x.length; i++) {
    if (!(weights[i] > 0)) continue;
    if (close(x[i], y[i])) continue;
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
  const out: number[] = [];
  for (let b = 0; b < p.actions; b++) if (b !== a && dominates(column(p, b), ua, p.weights)) out.push(b);
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
  for (let i = 0; i < p.parts; i++) {
    if (!(p.weights[i] > 0)) continue;
    const x = p.u[i * p.actions + b];
    const y = p.u[i * p.actions + a];
    if (x < y && !close(x, y)) return false;
  }
  return true;
}
