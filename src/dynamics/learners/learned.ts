/**
 * A learner's model of the product space world state × H's internal state (space.ts), and exact
 * planning in it.
 *
 * The truth factorizes: the world moves by P(s' | s, a), and each part's attention level moves by
 * itself, λ'_i = f_i(λ_i, a, s') (the influence model). A learner that knows this structure but not
 * the tables holds
 *
 *   world[(s·A + a)·S + s']                       P(s' | s, a)
 *   levels[i][((λ·A + a)·S + s')·L + λ']          P(λ'_i = λ' | λ_i = λ, a, s')
 *   approval[(s·C + code)·A + a]                  H's approval of a in s at internal state code
 *
 * — stochastic level moves included, since a sampled model need not be deterministic. So the
 * planner of solve.ts (which steps H's levels by the known shifts) cannot plan in it; `planLearned`
 * does the same backward induction with the expectation over λ' taken one part at a time:
 * E[V(s', λ') | λ, a, s'] is V(s', ·) contracted with each part's level table in turn (C · L
 * operations per part instead of C² per row).
 */
import { totalVariation } from '../../core/distance.js';
import type { DecisionRule } from '../solve.js';
import type { DynamicsModel } from '../model.js';
import { decodeLevels } from '../space.js';

export interface LearnedModel {
  readonly world: Float64Array;
  readonly levels: readonly Float64Array[];
  readonly approval: Float64Array;
}

/** The sizes the tables are laid out by. */
export interface Shape {
  readonly S: number;
  readonly A: number;
  readonly n: number;
  readonly L: number;
  readonly C: number;
}

export function shapeOf(model: DynamicsModel): Shape {
  return { S: model.S, A: model.A, n: model.n, L: model.space.L, C: model.space.codes };
}

/** The truth in the learner's layout: what a learner with every table right would hold. */
export function trueLearned(model: DynamicsModel): LearnedModel {
  const { S, A, n, L, C } = shapeOf(model);
  const m = model.principal.internal;
  const top = L - 1;
  const clamp = (l: number) => (l < 0 ? 0 : Math.min(l, top));
  const levels = Array.from({ length: n }, (_, i) => {
    const t = new Float64Array(L * A * S * L);
    for (let l = 0; l < L; l++)
      for (let a = 0; a < A; a++)
        for (let s2 = 0; s2 < S; s2++) {
          const next = clamp(clamp(l + m.actionShift[a * n + i]) + m.stateShift[s2 * n + i]);
          t[((l * A + a) * S + s2) * L + next] = 1;
        }
    return t;
  });
  const approval = new Float64Array(S * C * A);
  for (let s = 0; s < S; s++) for (let c = 0; c < C; c++) approval.set(model.approval(s, c), (s * C + c) * A);
  return { world: Float64Array.from(model.env.truth), levels, approval };
}

/** A plan in a learned model: the decision rule and its value there from each product state at t = 0. */
export interface LearnedPlan {
  readonly rule: DecisionRule;
  readonly values: Float64Array;
}

/**
 * Exact finite-horizon backward induction in a learned model (ties to the lowest action, as in
 * solve.ts): Q_t(s, λ, a) = approval + Σ_{s'} world · E[V_{t+1}(s', λ') | λ, a, s'].
 */
export function planLearned(shape: Shape, m: LearnedModel, horizon: number): LearnedPlan {
  const { S, A, C } = shape;
  const N = S * C;
  const decisions: Uint16Array[] = new Array(horizon);
  let next: Float64Array | null = null;
  // expect[(a·S + s')·C + code] = E[V_{t+1}(s', λ') | λ = code, a, s']
  const expect = new Float64Array(A * S * C);
  const buf = new Float64Array(C);
  let V = new Float64Array(N);
  for (let t = horizon - 1; t >= 0; t--) {
    if (next)
      for (let a = 0; a < A; a++) for (let s2 = 0; s2 < S; s2++) contract(shape, m, next, a, s2, expect, buf);
    const D = new Uint16Array(N);
    const W = new Float64Array(N);
    for (let s = 0; s < S; s++)
      for (let c = 0; c < C; c++) {
        let best = -Infinity;
        let arg = 0;
        for (let a = 0; a < A; a++) {
          let q = m.approval[(s * C + c) * A + a];
          if (next) {
            const w = (s * A + a) * S;
            for (let s2 = 0; s2 < S; s2++) q += m.world[w + s2] * expect[(a * S + s2) * C + c];
          }
          if (a === 0 || q > best + 1e-12 * Math.max(1, Math.abs(best))) {
            best = q;
            arg = a;
          }
        }
        W[s * C + c] = best;
        D[s * C + c] = arg;
      }
    decisions[t] = D;
    next = W;
    V = W;
  }
  return { rule: (t, s, code) => decisions[t][s * C + code], values: V };
}

/** expect[(a·S + s2)·C + ·] = V(s2, ·) averaged over each part's next level, one part at a time. */
function contract(
  shape: Shape,
  m: LearnedModel,
  V: Float64Array,
  a: number,
  s2: number,
  expect: Float64Array,
  buf: Float64Array,
): void {
  const { S, A, n, L, C } = shape;
  const out = expect.subarray((a * S + s2) * C, (a * S + s2 + 1) * C);
  out.set(V.subarray(s2 * C, (s2 + 1) * C));
  let stride = 1;
  for (let i = 0; i < n; i++) {
    const P = m.levels[i];
    const block = stride * L;
    // c = hi · block + l · stride + lo: digit i is l, and the successors differ from c only there.
    for (let hi = 0; hi < C; hi += block)
      for (let l = 0; l < L; l++) {
        const row = ((l * A + a) * S + s2) * L;
        for (let lo = 0; lo < stride; lo++) {
          const base = hi + lo;
          let x = 0;
          for (let l2 = 0; l2 < L; l2++) x += P[row + l2] * out[base + l2 * stride];
          buf[base + l * stride] = x;
        }
      }
    out.set(buf);
    stride = block;
  }
}

/**
 * How far a learned model's transitions are from the truth: the total-variation distance between
 * P̂((s', λ') | s, λ, a) and the true one, for every product state and action (N · A rows, each over
 * the N successors; small problems only).
 */
export function transitionDistances(model: DynamicsModel, m: LearnedModel): Float64Array {
  const shape = shapeOf(model);
  const { S, A, n, L, C } = shape;
  const truth = trueLearned(model);
  const lv = new Int32Array(n);
  const lv2 = new Int32Array(n);
  const p = new Float64Array(S * C);
  const q = new Float64Array(S * C);
  const out = new Float64Array(S * C * A);
  const fill = (x: LearnedModel, s: number, a: number, into: Float64Array) => {
    for (let s2 = 0; s2 < S; s2++)
      for (let c2 = 0; c2 < C; c2++) {
        decodeLevels(model.space, c2, lv2);
        let pr = x.world[(s * A + a) * S + s2];
        for (let i = 0; i < n && pr > 0; i++) pr *= x.levels[i][((lv[i] * A + a) * S + s2) * L + lv2[i]];
        into[s2 * C + c2] = pr;
      }
  };
  for (let s = 0; s < S; s++)
    for (let c = 0; c < C; c++) {
      decodeLevels(model.space, c, lv);
      for (let a = 0; a < A; a++) {
        fill(m, s, a, p);
        fill(truth, s, a, q);
        out[(s * C + c) * A + a] = totalVariation(p, q);
      }
    }
  return out;
}
