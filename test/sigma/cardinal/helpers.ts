import assert from 'node:assert/strict';
import type { UtilityProblem } from '../../../src/core/utility.js';

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

export function close(xs: ArrayLike<number> | undefined, ys: number[], tol = 1e-9): void {
  assert.ok(xs, 'expected a vector');
  assert.equal(xs.length, ys.length, `${Array.from(xs)} vs ${ys}`);
  for (let i = 0; i < ys.length; i++) assert.ok(Math.abs(xs[i] - ys[i]) <= tol, `${Array.from(xs)} vs ${ys}`);
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
