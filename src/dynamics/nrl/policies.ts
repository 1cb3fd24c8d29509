/**
 * Policies on the tree of histories: their codes, reading a decision off a history, and what a
 * policy is worth to each part (under its own beliefs and under the truth), exactly or by sampling.
 */
import { UserError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import {
  DEFAULT_MAX_NODES,
  type HistoryPolicy,
  type NrlProblem,
  type ObservedHistory,
  type PolicyValues,
  beliefsOf,
  checkModel,
  priorOf,
  shapeOf,
  validateNrlProblem,
} from './problem.js';
import { nrlWeightPath, updateWeights } from './weights.js';

/** The code of the state sequence (s_0, …, s_t): Σ_k s_k·S^(t−k). */
export function historyCode(states: ArrayLike<number>, S: number): number {
  let c = 0;
  for (let k = 0; k < states.length; k++) c = c * S + states[k];
  return c;
}

/** The policy's action after the state sequence (s_0, …, s_t), or −1 where it has none. */
export function decisionAt(policy: HistoryPolicy, states: ArrayLike<number>): number {
  const t = states.length - 1;
  if (t < 0 || t >= policy.horizon)
    throw new UserError(`expected 1 … ${policy.horizon} states, got ${states.length}`);
  return policy.decisions[t][historyCode(states, policy.S)];
}

/**
 * The policy as a function of the moment, for simulation loops that pass the history so far
 * (`m.history.states` = s_0 … s_t, the shape of policy.ts's Policy). Throws where it has no decision.
 */
export function historyPolicyFn(
  policy: HistoryPolicy,
): (m: { readonly history: { readonly states: ArrayLike<number> } }) => number {
  return (m) => {
    const a = decisionAt(policy, m.history.states);
    if (a < 0)
      throw new UserError(
        `the policy has no decision after states ${Array.from(m.history.states).join(' ')}`,
        'policy',
      );
    return a;
  };
}

function historySlots(S: number, H: number): number {
  let total = 0;
  let layer = 1;
  for (let t = 0; t < H; t++) {
    layer *= S;
    total += layer;
  }
  return total;
}

export function emptyPolicy(S: number, A: number, H: number, maxNodes: number): HistoryPolicy {
  const slots = historySlots(S, H);
  if (slots > maxNodes)
    throw new UserError(
      `a history policy over ${S} states and horizon ${H} has ${slots} decision slots; the limit is ${maxNodes} (maxNodes)`,
      'nrl',
    );
  const decisions: Int32Array[] = [];
  let layer = 1;
  for (let t = 0; t < H; t++) {
    layer *= S;
    decisions.push(new Int32Array(layer).fill(-1));
  }
  return { S, A, horizon: H, decisions };
}

/** A Markov decision rule (markov[t*S + s]) as a history policy on every state sequence. */
export function markovToHistory(
  markov: Int32Array,
  S: number,
  A: number,
  H: number,
  maxNodes = DEFAULT_MAX_NODES,
): HistoryPolicy {
  const p = emptyPolicy(S, A, H, maxNodes);
  for (let t = 0; t < H; t++) {
    const d = p.decisions[t];
    for (let c = 0; c < d.length; c++) d[c] = markov[t * S + (c % S)];
  }
  return p;
}

/**
 * Called at every history with positive probability under some model: t, state, code, the
 * probability under each model, the NRL weights there, and the decision (−1 at t = H).
 */
type Walk = (
  t: number,
  s: number,
  code: number,
  probs: Float64Array,
  weights: Float64Array,
  action: number,
) => void;

/**
 * Depth-first walk of the policy's tree under several models at once (each history's probability
 * under each), carrying the NRL weights of `beliefs` from `prior`. Children with probability 0
 * under every model are skipped. Visits t = 0 … H (the final states too).
 */
function walkPolicy(
  p: NrlProblem,
  policy: HistoryPolicy,
  models: readonly Float64Array[],
  prior: Float64Array,
  visit: Walk,
): void {
  const { S, A } = shapeOf(p.env);
  const H = p.env.horizon;
  if (policy.S !== S || policy.A !== A || policy.horizon !== H)
    throw new UserError(
      `policy is for ${policy.S} states, ${policy.A} actions, horizon ${policy.horizon}; the problem has ${S}, ${A}, ${H}`,
      'policy',
    );
  const beliefs = beliefsOf(p);
  const M = models.length;
  const n = beliefs.length;
  const probs: Float64Array[] = [];
  const weights: Float64Array[] = [];
  for (let t = 0; t <= H; t++) {
    probs.push(new Float64Array(M));
    weights.push(new Float64Array(n));
  }
  const shape = { S, A };
  const rec = (t: number, s: number, code: number): void => {
    const pr = probs[t];
    const w = weights[t];
    if (t === H) {
      visit(t, s, code, pr, w, -1);
      return;
    }
    const a = policy.decisions[t][code];
    if (!(a >= 0 && a < A)) throw new UserError(`no decision at history code ${code} (t = ${t})`, 'policy');
    visit(t, s, code, pr, w, a);
    const row = (s * A + a) * S;
    for (let s2 = 0; s2 < S; s2++) {
      const next = probs[t + 1];
      let any = false;
      for (let m = 0; m < M; m++) {
        next[m] = pr[m] * models[m][row + s2];
        if (next[m] > 0) any = true;
      }
      if (!any) continue;
      weights[t + 1].set(w);
      updateWeights(weights[t + 1], beliefs, shape, s, a, s2);
      rec(t + 1, s2, code * S + s2);
    }
  };
  for (let s0 = 0; s0 < S; s0++) {
    const q = p.env.start[s0];
    if (!(q > 0)) continue;
    probs[0].fill(q);
    weights[0].set(prior);
    rec(0, s0, s0);
  }
}

/** The expected NRL weights over time, exact over the policy's tree. */
export interface WeightPath {
  /** (H+1)×n: E[w_i(t)], row t at t·n — the weights after t transitions. */
  readonly mean: Float64Array;
  /** (H+1)×n: E[log w_i(t)] (−Infinity once a part can be ruled out). */
  readonly meanLog: Float64Array;
  readonly horizon: number;
  readonly parts: number;
}

/** Everything `policyReport` computes in one walk of the tree. */
export interface PolicyReport extends PolicyValues, WeightPath {}

export interface ReportOptions {
  /** The world the `truth` utilities and the weight path are taken under (default env.truth). */
  readonly model?: Float64Array;
  /** Rewards to score the `truth` utilities with (default the parts' own): e.g. true rewards when the parts report estimates. */
  readonly rewards?: readonly Float64Array[];
  /** Skip validating the problem (the caller has). */
  readonly trusted?: boolean;
}

/**
 * One walk over the policy's tree: each part's expected utility under its own beliefs (`own`),
 * under the model (`truth`, default the true dynamics, scored with `rewards` if given), and the
 * expected NRL weights E[w(t)], E[log w(t)] under the model for t = 0 … H.
 */
export function policyReport(p: NrlProblem, policy: HistoryPolicy, opts: ReportOptions = {}): PolicyReport {
  if (!opts.trusted) validateNrlProblem(p);
  const { S, A } = shapeOf(p.env);
  const model = opts.model ?? p.env.truth;
  if (opts.model !== undefined) checkModel(model, S, A, 'model');
  const beliefs = beliefsOf(p);
  const n = beliefs.length;
  const H = p.env.horizon;
  const rewards = opts.rewards ?? p.parts.map((x) => x.reward);
  if (rewards.length !== n || rewards.some((r) => r.length !== S * A))
    throw new UserError(`expected ${n} reward matrices of ${S * A} numbers`, 'rewards');
  const own = new Float64Array(n);
  const truth = new Float64Array(n);
  const mean = new Float64Array((H + 1) * n);
  const meanLog = new Float64Array((H + 1) * n);
  walkPolicy(p, policy, [...beliefs, model], priorOf(p), (t, s, _c, pr, w, a) => {
    const q = pr[n];
    if (q > 0)
      for (let i = 0; i < n; i++) {
        mean[t * n + i] += q * w[i];
        meanLog[t * n + i] += w[i] > 0 ? q * Math.log(w[i]) : Number.NEGATIVE_INFINITY;
      }
    if (t === H) return;
    for (let i = 0; i < n; i++) {
      own[i] += pr[i] * p.parts[i].reward[s * A + a];
      truth[i] += q * rewards[i][s * A + a];
    }
  });
  return { own, truth, mean, meanLog, horizon: H, parts: n };
}

/**
 * Each part's expected utility Σ_t r_i(s_t, a_t) under the policy: under its own beliefs (`own`,
 * the quantity Pareto optimality is judged by) and under the true dynamics (`truth`).
 */
export function evaluatePolicy(p: NrlProblem, policy: HistoryPolicy): PolicyValues {
  const r = policyReport(p, policy);
  return { own: r.own, truth: r.truth };
}

/**
 * E[w(t)] and E[log w(t)] for t = 0 … H when A follows `policy` and the world follows `model`
 * (default the truth), summing over every history the model can produce.
 */
export function expectedWeightPath(p: NrlProblem, policy: HistoryPolicy, model?: Float64Array): WeightPath {
  const r = policyReport(p, policy, { model });
  return { mean: r.mean, meanLog: r.meanLog, horizon: r.horizon, parts: r.parts };
}

/** A trajectory: states s_0 … s_H, actions a_0 … a_{H−1}, and the NRL weights after each step. */
export interface NrlTrajectory extends ObservedHistory {
  readonly states: Int32Array;
  readonly actions: Int32Array;
  /** (H+1)×n: row t = the weights after t transitions (row 0 the prior). */
  readonly weights: Float64Array;
}

/** Samples one trajectory of the policy from `model` (default the truth), with the weights along it. */
export function sampleTrajectory(
  p: NrlProblem,
  policy: HistoryPolicy,
  rng: Random,
  model?: Float64Array,
): NrlTrajectory {
  validateNrlProblem(p);
  const { S, A } = shapeOf(p.env);
  const m = model ?? p.env.truth;
  checkModel(m, S, A, 'model');
  const H = p.env.horizon;
  const states = new Int32Array(H + 1);
  const actions = new Int32Array(H);
  states[0] = rng.weighted(p.env.start);
  let code = states[0];
  for (let t = 0; t < H; t++) {
    const a = policy.decisions[t][code];
    if (a < 0) throw new UserError(`the policy has no decision at history code ${code} (t = ${t})`, 'policy');
    actions[t] = a;
    const row = (states[t] * A + a) * S;
    states[t + 1] = rng.weighted(m.subarray(row, row + S));
    code = code * S + states[t + 1];
  }
  const weights = nrlWeightPath(priorOf(p), beliefsOf(p), { states, actions }, { S, A });
  return { states, actions, weights };
}

/** The mean of the weight paths of `runs` sampled trajectories (seeded through `rng.split(k)`). */
export function sampledWeightPath(
  p: NrlProblem,
  policy: HistoryPolicy,
  rng: Random,
  runs: number,
  model?: Float64Array,
): Float64Array {
  if (!(Number.isInteger(runs) && runs >= 1))
    throw new UserError(`expected an integer ≥ 1, got ${runs}`, 'runs');
  const n = p.parts.length;
  const out = new Float64Array((p.env.horizon + 1) * n);
  for (let k = 0; k < runs; k++) {
    const tr = sampleTrajectory(p, policy, rng.split(k), model);
    for (let j = 0; j < out.length; j++) out[j] += tr.weights[j] / runs;
  }
  return out;
}
