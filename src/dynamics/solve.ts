/**
 * Exact finite-horizon solving over the product space world state × internal state (space.ts):
 * backward induction (value iteration / expectimax) under the true dynamics, for any per-step
 * objective, undiscounted.
 *
 *   V_H ≡ 0,   Q_t(x, a) = r(t, x, a) + Σ_{s'} truth[s][a][s'] · V_{t+1}(s', λ'(λ, a, s')),
 *   V_t(x) = max_a Q_t(x, a),   d_t(x) = the lowest a attaining it (ties within 1e-12, relative)
 *
 * with x = (s, λ) indexed s · L^n + code(λ). One stage costs |S × L^n| · A backups, each summing
 * over the positive entries of one truth row. Memory: two value vectors (8 bytes per product
 * state) and one 16-bit decision per product state per stored stage.
 *
 * Look-ahead. A plan of depth k < horizon is receding-horizon: at step t it takes the first action
 * of the best plan for the next min(k, H − t) steps. Depth 1 is the myopic (greedy) agent; depth =
 * horizon is the far-sighted one, the optimum over all policies. For a stationary objective the
 * depth-k rule depends on t only through the steps left, so k stages suffice; otherwise each step
 * is solved on its own (H · k stages).
 *
 * Limits: the product space may have at most EXACT_STATE_LIMIT states and the stored decisions
 * (stages × product states) at most EXACT_CELL_LIMIT; beyond them use the Monte Carlo estimates and
 * online look-ahead of rollout.ts.
 */
import { UserError } from '../core/errors.js';
import { MAX_HORIZON } from './build.js';
import type { DynamicsModel } from './model.js';
import type { Objective } from './objective.js';
import type { Policy } from './policy.js';
import { afterActionRow, afterStateTable } from './space.js';

/** Most product states the exact solver takes (2^21 ≈ 2.1 million: 16 MB per value vector pair). */
export const EXACT_STATE_LIMIT = 2 ** 21;
/** Most stored decisions (stages × product states): 2^25 16-bit cells = 64 MB. */
export const EXACT_CELL_LIMIT = 2 ** 25;

/** A Markov decision rule over the product space: the action at step t in state s at internal state code. */
export type DecisionRule = (t: number, s: number, code: number) => number;

/** A stochastic Markov rule: the probability of each action at step t in world state s, internal state `code`. */
export type StochasticRule = (t: number, s: number, code: number) => ArrayLike<number>;

export interface Plan {
  readonly objective: string;
  readonly horizon: number;
  /** Look-ahead in steps (horizon = far-sighted, 1 = myopic). */
  readonly depth: number;
  readonly rule: DecisionRule;
  readonly policy: Policy;
  /** The objective's expected total over the horizon when following the plan, from each product state at t = 0. */
  readonly values: Float64Array;
  /** The same from the start distribution and H's initial internal state. */
  readonly value: number;
  /** State–action backups performed (product states × actions × stages). */
  readonly backups: number;
}

export interface SolveOptions {
  /** Default: the environment's horizon. */
  readonly horizon?: number;
  /** Look-ahead in steps, 1 … horizon (default: the horizon, i.e. far-sighted). */
  readonly depth?: number;
}

function horizonOf(model: DynamicsModel, h: number | undefined): number {
  const H = h ?? model.env.horizon;
  if (!(Number.isInteger(H) && H >= 1 && H <= MAX_HORIZON))
    throw new UserError(`expected a whole number of decisions in 1 … ${MAX_HORIZON}, got ${H}`, 'horizon');
  return H;
}

/** Why the exact solver refuses this problem (null when it does not). */
export function exactRefusal(model: DynamicsModel, stages: number): string | null {
  const N = model.space.size;
  const { S, L, n } = model.space;
  if (N > EXACT_STATE_LIMIT)
    return `the product space has ${S} states × ${L}^${n} internal states = ${N.toLocaleString('en-US')} states, more than the exact solver's ${EXACT_STATE_LIMIT.toLocaleString('en-US')}; estimate by rollouts instead`;
  if (N * stages > EXACT_CELL_LIMIT)
    return `${stages} stages × ${N.toLocaleString('en-US')} product states is more decisions than the exact solver stores (${EXACT_CELL_LIMIT.toLocaleString('en-US')}); shorten the horizon or the look-ahead, or estimate by rollouts`;
  return null;
}

function refuseUnlessExact(model: DynamicsModel, stages: number): void {
  const why = exactRefusal(model, stages);
  if (why) throw new UserError(why, 'solver');
}

/** What one backward stage needs, built once per solve. */
interface Kernel {
  readonly model: DynamicsModel;
  readonly afterState: Int32Array | null;
  readonly c1: Int32Array;
  readonly lv: Int32Array;
  readonly r: Float64Array;
}

function kernel(model: DynamicsModel): Kernel {
  return {
    model,
    afterState: afterStateTable(model.space, model.principal.internal),
    c1: new Int32Array(model.A),
    lv: new Int32Array(model.n),
    r: new Float64Array(model.A),
  };
}

/** Σ_{s'} truth[s][a][s'] · V(s', λ') for the action whose post-action code is c1. */
function continuation(k: Kernel, V: Float64Array, s: number, a: number, c1: number): number {
  const { rowStart, next, prob } = k.model.truth;
  const C = k.model.space.codes;
  const S = k.model.S;
  const aft = k.afterState;
  let q = 0;
  const end = rowStart[s * k.model.A + a + 1];
  if (aft === null)
    for (let j = rowStart[s * k.model.A + a]; j < end; j++) q += prob[j] * V[next[j] * C + c1];
  else
    for (let j = rowStart[s * k.model.A + a]; j < end; j++) {
      const s2 = next[j];
      q += prob[j] * V[s2 * C + aft[c1 * S + s2]];
    }
  return q;
}

/**
 * One optimizing stage at step t: V ← max_a Q_t, D ← argmax (lowest on ties). `next` null = the
 * terminal stage (no continuation).
 */
function optimizeStage(
  k: Kernel,
  objective: Objective,
  t: number,
  next: Float64Array | null,
  V: Float64Array,
  D: Uint16Array,
): void {
  const { model, c1, lv, r } = k;
  const { S, A } = model;
  const C = model.space.codes;
  const m = model.principal.internal;
  for (let c = 0; c < C; c++) {
    if (next) afterActionRow(model.space, m, c, A, lv, c1);
    for (let s = 0; s < S; s++) {
      objective.rewards(t, s, c, r);
      let best = -Infinity;
      let arg = 0;
      for (let a = 0; a < A; a++) {
        const q = next ? r[a] + continuation(k, next, s, a, c1[a]) : r[a];
        if (a === 0 || q > best + 1e-12 * Math.max(1, Math.abs(best))) {
          best = q;
          arg = a;
        }
      }
      const x = s * C + c;
      V[x] = best;
      D[x] = arg;
    }
  }
}

/**
 * Backward induction over steps t0 … t0 + steps − 1: the decision tables (index i = step t0 + i)
 * and the values at t0.
 */
function backward(
  k: Kernel,
  objective: Objective,
  t0: number,
  steps: number,
  keep: 'all' | 'first',
): { decisions: Uint16Array[]; values: Float64Array } {
  const N = k.model.space.size;
  let next: Float64Array | null = null;
  let V: Float64Array = new Float64Array(N);
  const spare: Float64Array = new Float64Array(N);
  const decisions: Uint16Array[] = new Array(keep === 'all' ? steps : 1);
  const scratch = keep === 'first' ? new Uint16Array(N) : null;
  for (let i = steps - 1; i >= 0; i--) {
    const D = scratch ?? new Uint16Array(N);
    optimizeStage(k, objective, t0 + i, next, V, D);
    decisions[keep === 'all' ? i : 0] = D;
    const previous: Float64Array | null = next;
    next = V;
    V = previous ?? spare;
  }
  return { decisions, values: next! };
}

/** The expected value from the start distribution at H's initial internal state. */
function fromStart(model: DynamicsModel, values: Float64Array): number {
  const C = model.space.codes;
  let v = 0;
  for (let s = 0; s < model.S; s++) {
    const p = model.env.start[s];
    if (p > 0) v += p * values[s * C + model.initialCode];
  }
  return v;
}

function planPolicy(rule: DecisionRule): Policy {
  return (m) => rule(m.t, m.state, m.code);
}

/**
 * The optimal (depth = horizon) or receding-horizon (depth k) plan for `objective`, exactly, by
 * backward induction over the product space.
 */
export function solveExact(model: DynamicsModel, objective: Objective, opts: SolveOptions = {}): Plan {
  const H = horizonOf(model, opts.horizon);
  const depth = opts.depth ?? H;
  if (!(Number.isInteger(depth) && depth >= 1 && depth <= H))
    throw new UserError(`expected a look-ahead in 1 … ${H} steps, got ${depth}`, 'depth');
  const N = model.space.size;
  const C = model.space.codes;
  const A = model.A;
  const k = kernel(model);
  if (depth === H) {
    refuseUnlessExact(model, H);
    const { decisions, values } = backward(k, objective, 0, H, 'all');
    const rule: DecisionRule = (t, s, code) => decisions[t][s * C + code];
    return {
      objective: objective.name,
      horizon: H,
      depth,
      rule,
      policy: planPolicy(rule),
      values,
      value: fromStart(model, values),
      backups: N * A * H,
    };
  }
  let rule: DecisionRule;
  let backups: number;
  if (objective.stationary) {
    refuseUnlessExact(model, depth);
    const { decisions } = backward(k, objective, 0, depth, 'all');
    // decisions[i] has depth − i steps to go.
    rule = (t, s, code) => decisions[depth - Math.min(depth, H - t)][s * C + code];
    backups = N * A * depth;
  } else {
    refuseUnlessExact(model, H);
    const perStep: Uint16Array[] = [];
    backups = 0;
    for (let t = 0; t < H; t++) {
      const steps = Math.min(depth, H - t);
      perStep.push(backward(k, objective, t, steps, 'first').decisions[0]);
      backups += N * A * steps;
    }
    rule = (t, s, code) => perStep[t][s * C + code];
  }
  const { values, value } = evaluateExact(model, rule, objective, { horizon: H });
  backups += N * H;
  return {
    objective: objective.name,
    horizon: H,
    depth,
    rule,
    policy: planPolicy(rule),
    values,
    value,
    backups,
  };
}

/**
 * The exact expected total of `objective` over the horizon when A follows the Markov decision rule
 * `rule`, deterministic or stochastic (policy evaluation): values over the product space at t = 0 and from the start. Use it to
 * judge one agent's plan by another's objective (the approval agent's plan by original welfare).
 */
export function evaluateExact(
  model: DynamicsModel,
  rule: DecisionRule | StochasticRule,
  objective: Objective,
  opts: { horizon?: number } = {},
): { values: Float64Array; value: number } {
  const H = horizonOf(model, opts.horizon);
  refuseUnlessExact(model, 1);
  const N = model.space.size;
  const C = model.space.codes;
  const { S, A } = model;
  const k = kernel(model);
  const m = model.principal.internal;
  let next = new Float64Array(N);
  let V = new Float64Array(N);
  for (let t = H - 1; t >= 0; t--) {
    for (let c = 0; c < C; c++) {
      afterActionRow(model.space, m, c, A, k.lv, k.c1);
      for (let s = 0; s < S; s++) {
        const a = rule(t, s, c);
        objective.rewards(t, s, c, k.r);
        if (typeof a !== 'number') {
          // A stochastic rule: the expectation over its actions (those with mass only).
          let v = 0;
          for (let b = 0; b < A; b++)
            if (a[b] > 0) v += a[b] * (k.r[b] + (t < H - 1 ? continuation(k, next, s, b, k.c1[b]) : 0));
          V[s * C + c] = v;
          continue;
        }
        if (!(Number.isInteger(a) && a >= 0 && a < A))
          throw new UserError(
            `expected an action 0 … ${A - 1}, got ${a} at t = ${t}, state ${s}, code ${c}`,
            'policy',
          );
        V[s * C + c] = k.r[a] + (t < H - 1 ? continuation(k, next, s, a, k.c1[a]) : 0);
      }
    }
    const done = V;
    V = next;
    next = done;
  }
  return { values: next, value: fromStart(model, next) };
}
