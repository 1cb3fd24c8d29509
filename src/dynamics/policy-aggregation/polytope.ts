/**
 * The occupancy polytope of a sequential scenario's world (Alamdari, Ebadian & Procaccia, "Policy
 * Aggregation", NeurIPS 2024, §3, here in the engine's finite-horizon, undiscounted form).
 *
 * A policy of A, followed from the start distribution under the true dynamics, visits (t, s, a)
 * with probability x_t(s, a): its occupancy measure. The measures of all (stochastic, Markov)
 * policies are exactly the non-negative x meeting the Bellman flow constraints
 *
 *   Σ_a x_0(s, a) = start(s),   Σ_a x_{t+1}(s', a) = Σ_{s,a} truth(s' | s, a) · x_t(s, a),
 *
 * a polytope; each layer t has total mass 1. Part i's expected total reward over the horizon is
 * linear in x: J_i(x) = Σ_{t,s,a} x_t(s, a) · r̂_i(s, a), r̂_i the part's reward normalized to [0, 1]
 * (a positive affine change of the reward, so no ranking of policies changes). The policy of a
 * point is π_t(a | s) = x_t(s, a) / Σ_b x_t(s, b). H's internal state does not enter: it moves
 * nothing in the world and no part's reward reads it.
 *
 * Only the (t, s) a policy can reach carry coordinates (`pairs`); x is indexed pair · A + a.
 */
import { UserError } from '../../core/errors.js';
import { type LinearConstraint, type LpSolution, solveLp } from '../../sigma/cardinal/lp.js';
import type { DynamicsModel } from '../model.js';

/** Most coordinates (reachable (t, s) × actions) the polytope takes: its LPs are dense. */
export const MAX_COORDINATES = 150;

export interface OccupancyPolytope {
  readonly S: number;
  readonly A: number;
  readonly horizon: number;
  /** The reachable (t, s) pairs, in order of t then s. */
  readonly pairs: readonly { readonly t: number; readonly s: number }[];
  /** pairIndex[t·S + s]: the pair's index, −1 where no policy reaches s at step t. */
  readonly pairIndex: Int32Array;
  /** Coordinates: pairs × A. */
  readonly size: number;
  /** The flow constraints as LP rows over the coordinates (one per pair). */
  readonly flow: readonly LinearConstraint[];
  /** The true dynamics, S×A×S. */
  readonly truth: Float64Array;
  readonly start: Float64Array;
}

/** The occupancy polytope of a prepared model's world under the truth, over its horizon. */
export function occupancyPolytope(model: DynamicsModel): OccupancyPolytope {
  const { S, A } = model;
  const H = model.env.horizon;
  const truth = model.env.truth;
  const pairIndex = new Int32Array(H * S).fill(-1);
  const pairs: { t: number; s: number }[] = [];
  let reach = Uint8Array.from(model.env.start, (p) => (p > 0 ? 1 : 0));
  for (let t = 0; t < H; t++) {
    const next = new Uint8Array(S);
    for (let s = 0; s < S; s++) {
      if (!reach[s]) continue;
      pairIndex[t * S + s] = pairs.length;
      pairs.push({ t, s });
      for (let a = 0; a < A; a++)
        for (let s2 = 0; s2 < S; s2++) if (truth[(s * A + a) * S + s2] > 0) next[s2] = 1;
    }
    reach = next;
  }
  const size = pairs.length * A;
  if (size > MAX_COORDINATES)
    throw new UserError(
      `the occupancy polytope has ${pairs.length} reachable (step, state) pairs × ${A} actions = ${size} coordinates, more than the ${MAX_COORDINATES} its linear programs take; shorten the horizon`,
      'agent',
    );
  const flow = pairs.map(({ t, s }): LinearConstraint => {
    const a = new Float64Array(size);
    const k = pairIndex[t * S + s];
    for (let b = 0; b < A; b++) a[k * A + b] = 1;
    if (t > 0)
      for (let s0 = 0; s0 < S; s0++) {
        const k0 = pairIndex[(t - 1) * S + s0];
        if (k0 < 0) continue;
        for (let b = 0; b < A; b++) a[k0 * A + b] -= truth[(s0 * A + b) * S + s];
      }
    return { a, op: '=', b: t === 0 ? model.env.start[s] : 0 };
  });
  return { S, A, horizon: H, pairs, pairIndex, size, flow, truth, start: model.env.start };
}

/** c · x. */
export function dot(c: ArrayLike<number>, x: ArrayLike<number>): number {
  let v = 0;
  for (let k = 0; k < x.length; k++) v += c[k] * x[k];
  return v;
}

/** A reward over (s, a) (S×A) as a linear functional over the coordinates: J(x) = c · x. */
export function returnVector(P: OccupancyPolytope, reward: ArrayLike<number>): Float64Array {
  const c = new Float64Array(P.size);
  P.pairs.forEach(({ s }, k) => {
    for (let a = 0; a < P.A; a++) c[k * P.A + a] = reward[s * P.A + a];
  });
  return c;
}

/** The largest violation of the flow constraints (and of x ≥ 0) at x. */
export function flowResidual(P: OccupancyPolytope, x: ArrayLike<number>): number {
  let worst = 0;
  for (const row of P.flow) worst = Math.max(worst, Math.abs(dot(row.a, x) - row.b));
  for (let k = 0; k < x.length; k++) worst = Math.max(worst, -x[k]);
  return worst;
}

/** A Markov policy's action probabilities: writes π_t(· | s) into `out` (length A). */
export type MarkovPolicy = (t: number, s: number, out: Float64Array) => void;

/** The occupancy measure of a Markov policy, by the flow forward from the start. */
export function occupancyOf(P: OccupancyPolytope, policy: MarkovPolicy): Float64Array {
  const { S, A, horizon: H } = P;
  const x = new Float64Array(P.size);
  let rho = Float64Array.from(P.start);
  const pi = new Float64Array(A);
  for (let t = 0; t < H; t++) {
    const next = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      if (!(rho[s] > 0)) continue;
      const k = P.pairIndex[t * S + s];
      policy(t, s, pi);
      for (let a = 0; a < A; a++) {
        const m = rho[s] * pi[a];
        x[k * A + a] = m;
        if (m > 0) for (let s2 = 0; s2 < S; s2++) next[s2] += m * P.truth[(s * A + a) * S + s2];
      }
    }
    rho = next;
  }
  return x;
}

/** The uniformly random policy's occupancy: positive on every coordinate (a relative-interior point). */
export function uniformOccupancy(P: OccupancyPolytope): Float64Array {
  return occupancyOf(P, (_t, _s, out) => out.fill(1 / P.A));
}

/** π_t(· | s) of the point x (null where x gives the pair no mass). */
export function policyAt(
  P: OccupancyPolytope,
  x: ArrayLike<number>,
  t: number,
  s: number,
): Float64Array | null {
  const k = P.pairIndex[t * P.S + s];
  if (k < 0) return null;
  let mass = 0;
  for (let a = 0; a < P.A; a++) mass += Math.max(0, x[k * P.A + a]);
  if (!(mass > 1e-12)) return null;
  return Float64Array.from({ length: P.A }, (_, a) => Math.max(0, x[k * P.A + a]) / mass);
}

/** A lower bound on a linear functional: c · x ≥ b. */
export interface AtLeast {
  readonly c: ArrayLike<number>;
  readonly b: number;
}

/**
 * Maximizes c · x over the polytope cut by `atLeast` (and any extra columns and rows: `extra`
 * columns follow the coordinates, each ≥ 0). The flow rows get zeros for the extra columns.
 */
export function maximize(
  P: OccupancyPolytope,
  c: ArrayLike<number>,
  atLeast: readonly AtLeast[] = [],
  extra: { readonly columns: number; readonly rows: readonly LinearConstraint[] } = { columns: 0, rows: [] },
): LpSolution {
  const n = P.size + extra.columns;
  const widen = (a: ArrayLike<number>) => {
    if (a.length === n) return a;
    const w = new Float64Array(n);
    w.set(a as ArrayLike<number>);
    return w;
  };
  const rows: LinearConstraint[] = [
    ...P.flow.map((r) => ({ ...r, a: widen(r.a) })),
    ...atLeast.map((l): LinearConstraint => ({ a: widen(l.c), op: '>=', b: l.b })),
    ...extra.rows,
  ];
  return solveLp({ n, c: widen(c), rows });
}

/** The point maximizing c · x subject to `atLeast` (a UserError if the cuts leave nothing). */
export function argmax(
  P: OccupancyPolytope,
  c: ArrayLike<number>,
  atLeast: readonly AtLeast[] = [],
): Float64Array {
  const r = maximize(P, c, atLeast);
  if (r.status !== 'optimal')
    throw new UserError(`the occupancy polytope's linear program is ${r.status}`, 'agent');
  return r.x.subarray(0, P.size).slice();
}

/**
 * Whether some point meets every bound. Asked as an LP that always has an optimum — the least
 * shortfall z ≥ 0 with c · x + z ≥ b for every bound — so the float simplex answers it (an LP
 * reported infeasible is re-solved in exact arithmetic, which is slow at this size).
 */
export function feasible(P: OccupancyPolytope, atLeast: readonly AtLeast[]): boolean {
  if (atLeast.length === 0) return true;
  const rows = atLeast.map((l): LinearConstraint => {
    const a = new Float64Array(P.size + 1);
    a.set(l.c as ArrayLike<number>);
    a[P.size] = 1;
    return { a, op: '>=', b: l.b };
  });
  const c = new Float64Array(P.size + 1);
  c[P.size] = -1;
  const r = maximize(P, c, [], { columns: 1, rows });
  if (r.status !== 'optimal') throw new Error(`feasible: the shortfall LP is ${r.status}`);
  return r.x[P.size] <= 1e-12;
}
