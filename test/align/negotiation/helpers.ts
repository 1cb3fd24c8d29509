import assert from 'node:assert/strict';
import type { UtilityProblem } from '../../../src/core/utility.js';
import { type LinearConstraint, solveLp } from '../../../src/sigma/cardinal/lp.js';

/** A problem from rows of utilities (one row per part). */
export function problem(rows: number[][], weights?: number[], disagreement?: number[]): UtilityProblem {
  return {
    parts: rows.length,
    actions: rows[0].length,
    u: Float64Array.from(rows.flat()),
    weights: Float64Array.from(weights ?? rows.map(() => 1)),
    ...(disagreement ? { disagreement: Float64Array.from(disagreement) } : {}),
  };
}

export function close(xs: ArrayLike<number> | null | undefined, ys: readonly number[], tol = 1e-9): void {
  assert.ok(xs, 'expected a vector');
  assert.equal(xs.length, ys.length, `${Array.from(xs)} vs ${ys}`);
  for (let i = 0; i < ys.length; i++)
    assert.ok(Math.abs(xs[i] - ys[i]) <= tol, `${Array.from(xs)} vs ${ys} (tolerance ${tol})`);
}

/** Largest |x_i − y_i|. */
export function distance(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, Math.abs(xs[i] - ys[i]));
  return m;
}

/** Expected utility of each part under a lottery. */
export function utilitiesOf(p: UtilityProblem, x: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.parts; i++) {
    let t = 0;
    for (let a = 0; a < p.actions; a++) t += x[a] * p.u[i * p.actions + a];
    out.push(t);
  }
  return out;
}

/** u[i][a]. */
export function at(p: UtilityProblem, i: number, a: number): number {
  return p.u[i * p.actions + a];
}

/** Each part's max − min over the actions (1 when indifferent). */
export function ranges(p: UtilityProblem): number[] {
  return Array.from({ length: p.parts }, (_, i) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let a = 0; a < p.actions; a++) {
      lo = Math.min(lo, at(p, i, a));
      hi = Math.max(hi, at(p, i, a));
    }
    return hi > lo ? hi - lo : 1;
  });
}

/**
 * How much a lottery can improve on utilities v for the parts in `rows` without hurting any of
 * them: max Σ_i (u_i·x − v_i)/range_i subject to u_i·x ≥ v_i. Zero (to rounding) iff v is
 * Pareto-efficient over lotteries among those parts. The constraints are exact where possible
 * (relaxing them lets a steep frontier turn the relaxation into a large gain), and relaxed by a
 * hair only when rounding in v makes them infeasible.
 */
export function paretoSlack(p: UtilityProblem, v: ArrayLike<number>, rows: readonly number[]): number {
  const A = p.actions;
  const r = ranges(p);
  const c = new Float64Array(A);
  let base = 0;
  for (const i of rows) {
    for (let a = 0; a < A; a++) c[a] += at(p, i, a) / r[i];
    base += v[i] / r[i];
  }
  for (const slack of [0, 1e-14, 1e-12]) {
    const cons: LinearConstraint[] = [{ a: new Float64Array(A).fill(1), op: '=', b: 1 }];
    for (const i of rows)
      cons.push({ a: p.u.subarray(i * A, (i + 1) * A), op: '>=', b: v[i] - slack * r[i] });
    const sol = solveLp({ n: A, c, rows: cons });
    if (sol.status === 'optimal') return sol.value - base;
  }
  assert.fail('no lottery gives the parts v');
}
