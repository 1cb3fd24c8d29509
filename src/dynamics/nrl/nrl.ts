/**
 * Negotiable reinforcement learning (the essay's "Critch's theorem"): Pareto-optimal sequential
 * decisions on behalf of parts that disagree about the world.
 *
 * Setting (Critch 2017, "Toward negotiable reinforcement learning", arXiv 1701.01302; Critch &
 * Russell 2017, "Servant of many masters", arXiv 1711.00363; Desai, Critch & Russell, NeurIPS
 * 2018). Parts i = 1…n have rewards r_i (S×A), their own beliefs T_i (S×A×S) about the dynamics
 * (absent = the truth), and prior weights w_i ≥ 0. Everyone agrees on the start distribution
 * (`env.start`). A history is h_t = (s_0, a_0, s_1, …, s_t); A acts at t = 0 … H−1 and part i's
 * utility is U_i = Σ_t r_i(s_t, a_t). Each part judges a policy π by its own expectation
 * V_i(π) = E_{T_i}[U_i | π].
 *
 * The theorem (the form implemented and tested here). A policy maximizing Σ_i w_i V_i(π) with all
 * w_i > 0 is Pareto optimal for the parts' expected utilities, each under its own beliefs (and
 * conversely every Pareto-optimal policy maximizes such a sum for some w ≥ 0: the achievable set is
 * convex once policies may randomize). Such a policy satisfies, at every history h_t,
 *
 *     π(h_t) ∈ argmax_a Σ_i w_i P_i(h_t) E_{T_i}[U_i^{≥t} | h_t, a, π],
 *     P_i(h_t) = Π_{k<t} T_i(s_k, a_k, s_{k+1})          (the likelihood part i gave the observations)
 *
 * — it acts as if part i's weight were w_i·P_i(h_t), normalized: `nrlWeights`. The weight of the
 * part whose beliefs predicted the observations better grows, and the log-ratio of two parts'
 * weights changes at each step by exactly the log-likelihood ratio of the observation. With a
 * shared prior (all T_i equal) the weights never move: Harsanyi's fixed-weight aggregation. With
 * different beliefs, fixed-weight aggregation under any single world model can be Pareto-dominated
 * (`naiveAggregation`; the coin bet of `coinBet`).
 *
 * Exact solver. `solveNrl` maximizes Σ_i w_i V_i(π) by dynamic programming over the tree of
 * histories with the weights carried down as likelihood vectors. Because the weights at a child
 * depend on the action taken (T_i(s, a, s') does), the search branches on actions as well as
 * states: it visits up to Σ_t |start| (G·S)^t nodes, where G ≤ A is the number of actions with
 * distinct transition rows in a state (actions whose rows agree under every part and the truth
 * share one subtree, so a coin that ignores the action costs S^t). Past `maxNodes` (default
 * 2,000,000) it refuses with a UserError. The optimal policy is then read off the tree: its
 * decision at each state sequence (s_0 … s_t) it can reach — a `HistoryPolicy`.
 *
 * Conventions. Ties between actions (within a relative 1e-12) go to the lowest action index. An
 * observation every part called impossible leaves the weights unchanged (no part predicted it, and
 * Pareto optimality says nothing there); branches only the truth can reach are still solved, so a
 * trajectory sampled from the truth always finds a decision. Pure TypeScript over typed arrays, no
 * Node imports, randomness only through an explicit `Random`.
 */
import { UserError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { Environment, SeqPart } from '../../core/sequential.js';

/** A sequential principal as NRL sees it: the environment (truth, start, horizon) and the parts. */
export interface NrlProblem {
  readonly env: Environment;
  readonly parts: readonly SeqPart[];
}

/** The sizes a transition model is laid out by: T[(s*A + a)*S + s2]. */
export interface Shape {
  readonly S: number;
  readonly A: number;
}

/** An observed history: states s_0 … s_t and the actions a_0 … a_{t−1} taken between them. */
export interface ObservedHistory {
  readonly states: ArrayLike<number>;
  readonly actions: ArrayLike<number>;
}

/**
 * A deterministic history-dependent policy on the tree of state sequences. decisions[t] has S^(t+1)
 * entries; the history (s_0, …, s_t) has code Σ_k s_k·S^(t−k) (base S, s_0 most significant) and
 * decisions[t][code] is the action taken there, or −1 where the policy never arrives (or the
 * history has probability 0 under every part and the truth). Actions in a history are the
 * policy's own, so the state sequence identifies the history.
 */
export interface HistoryPolicy {
  readonly S: number;
  readonly A: number;
  readonly horizon: number;
  readonly decisions: readonly Int32Array[];
}

/** Each part's expected utility Σ_t r_i(s_t, a_t) under its own beliefs and under the truth. */
export interface PolicyValues {
  readonly own: Float64Array;
  readonly truth: Float64Array;
}

export interface NrlOptions {
  /** Largest history tree searched (default 2,000,000 nodes). */
  readonly maxNodes?: number;
  /** Relative margin by which an action must beat a lower-indexed one (default 1e-12). */
  readonly tieTolerance?: number;
  /** Skip validating the problem (the caller has). */
  readonly trusted?: boolean;
}

export interface NrlSolution {
  /** The NRL policy: its decision at every history it reaches. */
  readonly policy: HistoryPolicy;
  /** The prior weights, normalized to sum 1. */
  readonly prior: Float64Array;
  /** V_i: each part's expected utility under its own beliefs. */
  readonly own: Float64Array;
  /** Each part's expected utility under the true dynamics. */
  readonly truth: Float64Array;
  /** The maximized objective Σ_i prior_i · own_i. */
  readonly objective: number;
  /** History nodes the search visited. */
  readonly nodes: number;
}

export const DEFAULT_MAX_NODES = 2_000_000;
const ROW_TOL = 1e-9;

// ————————————————————————————————————————— validation —————————————————————————————————————————

function checkModel(T: unknown, S: number, A: number, where: string): asserts T is Float64Array {
  if (!(T instanceof Float64Array)) throw new UserError('expected a Float64Array (S×A×S)', where);
  if (T.length !== S * A * S)
    throw new UserError(`expected ${S * A * S} numbers (S×A×S), got ${T.length}`, where);
  for (let sa = 0; sa < S * A; sa++) {
    let sum = 0;
    for (let s2 = 0; s2 < S; s2++) {
      const p = T[sa * S + s2];
      if (!(Number.isFinite(p) && p >= -ROW_TOL))
        throw new UserError(
          `entry ${s2} of row (s ${Math.floor(sa / A)}, a ${sa % A}) is ${p}, expected a probability`,
          where,
        );
      sum += p;
    }
    if (Math.abs(sum - 1) > ROW_TOL)
      throw new UserError(`row (s ${Math.floor(sa / A)}, a ${sa % A}) sums to ${sum}, expected 1`, where);
  }
}

/** Checks the problem's shapes, rows and weights; errors name the field (`parts[1].beliefs: …`). */
export function validateNrlProblem(p: NrlProblem): void {
  const env = p.env;
  const S = env.states.length;
  const A = env.actions.length;
  if (S < 1) throw new UserError('expected at least one state', 'env.states');
  if (A < 1) throw new UserError('expected at least one action', 'env.actions');
  if (!(Number.isInteger(env.horizon) && env.horizon >= 1))
    throw new UserError(`expected an integer ≥ 1, got ${env.horizon}`, 'env.horizon');
  checkModel(env.truth, S, A, 'env.truth');
  if (!(env.start instanceof Float64Array) || env.start.length !== S)
    throw new UserError(`expected ${S} probabilities`, 'env.start');
  let st = 0;
  for (let s = 0; s < S; s++) {
    if (!(Number.isFinite(env.start[s]) && env.start[s] >= 0))
      throw new UserError(`entry ${s} is ${env.start[s]}, expected a probability`, 'env.start');
    st += env.start[s];
  }
  if (Math.abs(st - 1) > ROW_TOL) throw new UserError(`sums to ${st}, expected 1`, 'env.start');
  if (p.parts.length < 1) throw new UserError('expected at least one part', 'parts');
  let wsum = 0;
  p.parts.forEach((part, i) => {
    const at = `parts[${i}]`;
    if (!(part.reward instanceof Float64Array) || part.reward.length !== S * A)
      throw new UserError(`expected ${S * A} numbers (S×A)`, `${at}.reward`);
    for (let k = 0; k < S * A; k++)
      if (!Number.isFinite(part.reward[k]))
        throw new UserError(`entry ${k} is ${part.reward[k]}`, `${at}.reward`);
    if (part.beliefs !== undefined) checkModel(part.beliefs, S, A, `${at}.beliefs`);
    if (!(Number.isFinite(part.weight) && part.weight >= 0))
      throw new UserError(`expected a number ≥ 0, got ${part.weight}`, `${at}.weight`);
    wsum += part.weight;
  });
  if (!(wsum > 0)) throw new UserError('expected at least one part with positive weight', 'parts[].weight');
}

/** The parts' belief models (the truth where a part has none). */
export function beliefsOf(p: NrlProblem): Float64Array[] {
  return p.parts.map((part) => part.beliefs ?? p.env.truth);
}

/** The prior weights normalized to sum 1. */
export function priorOf(p: NrlProblem): Float64Array {
  const w = Float64Array.from(p.parts, (part) => part.weight);
  let s = 0;
  for (const x of w) s += x;
  for (let i = 0; i < w.length; i++) w[i] /= s;
  return w;
}

export function shapeOf(env: Environment): Shape {
  return { S: env.states.length, A: env.actions.length };
}

// ————————————————————————————————————————— the weights —————————————————————————————————————————

function checkHistory(h: ObservedHistory, shape: Shape): void {
  const T = h.actions.length;
  if (h.states.length !== T + 1)
    throw new UserError(
      `expected ${T + 1} states for ${T} actions, got ${h.states.length}`,
      'history.states',
    );
  for (let k = 0; k <= T; k++) {
    const s = h.states[k];
    if (!(Number.isInteger(s) && s >= 0 && s < shape.S))
      throw new UserError(`entry ${k} is ${s}, expected a state index below ${shape.S}`, 'history.states');
  }
  for (let k = 0; k < T; k++) {
    const a = h.actions[k];
    if (!(Number.isInteger(a) && a >= 0 && a < shape.A))
      throw new UserError(`entry ${k} is ${a}, expected an action index below ${shape.A}`, 'history.actions');
  }
}

/**
 * One NRL weight update in place: w_i ← w_i·T_i(s, a, s2), normalized. When every part gave the
 * observation probability 0 the weights are left as they were. Returns whether they changed.
 */
export function updateWeights(
  w: Float64Array,
  beliefs: readonly Float64Array[],
  shape: Shape,
  s: number,
  a: number,
  s2: number,
): boolean {
  const at = (s * shape.A + a) * shape.S + s2;
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i] * beliefs[i][at];
  if (!(sum > 0)) return false;
  for (let i = 0; i < w.length; i++) w[i] = (w[i] * beliefs[i][at]) / sum;
  return true;
}

function normalizedPrior(prior: ArrayLike<number>, n: number): Float64Array {
  if (prior.length !== n)
    throw new UserError(`expected ${n} weights (one per part), got ${prior.length}`, 'prior');
  const w = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(prior[i]) && prior[i] >= 0))
      throw new UserError(`entry ${i} is ${prior[i]}, expected a weight ≥ 0`, 'prior');
    s += prior[i];
  }
  if (!(s > 0)) throw new UserError('expected a positive weight', 'prior');
  for (let i = 0; i < n; i++) w[i] = prior[i] / s;
  return w;
}

/**
 * The NRL weights after a history: prior_i · P_i(h) / Σ_j prior_j · P_j(h), with
 * P_i(h) = Π_k T_i(s_k, a_k, s_{k+1}). (An observation that every part still in play called
 * impossible is skipped.) Computed step by step with renormalization, so long histories do not
 * underflow.
 */
export function nrlWeights(
  prior: ArrayLike<number>,
  beliefs: readonly Float64Array[],
  history: ObservedHistory,
  shape: Shape,
): Float64Array {
  const path = nrlWeightPath(prior, beliefs, history, shape);
  const n = beliefs.length;
  return path.slice(history.actions.length * n);
}

/**
 * The NRL weights along a history: row k (n numbers, at k·n) is the weight vector after the first k
 * transitions, k = 0 … t. Row 0 is the normalized prior. Between rows, log(w_i/w_j) changes by
 * log T_i(s, a, s2) − log T_j(s, a, s2): the log-likelihood ratio of the observation.
 */
export function nrlWeightPath(
  prior: ArrayLike<number>,
  beliefs: readonly Float64Array[],
  history: ObservedHistory,
  shape: Shape,
): Float64Array {
  const n = beliefs.length;
  checkHistory(history, shape);
  const w = normalizedPrior(prior, n);
  const T = history.actions.length;
  const out = new Float64Array((T + 1) * n);
  out.set(w, 0);
  for (let k = 0; k < T; k++) {
    updateWeights(w, beliefs, shape, history.states[k], history.actions[k], history.states[k + 1]);
    out.set(w, (k + 1) * n);
  }
  return out;
}

/** log P_i(h) = Σ_k log T_i(s_k, a_k, s_{k+1}) for each part (−Infinity where a step had probability 0). */
export function logLikelihoods(
  beliefs: readonly Float64Array[],
  history: ObservedHistory,
  shape: Shape,
): Float64Array {
  checkHistory(history, shape);
  const out = new Float64Array(beliefs.length);
  for (let k = 0; k < history.actions.length; k++) {
    const at = (history.states[k] * shape.A + history.actions[k]) * shape.S + history.states[k + 1];
    for (let i = 0; i < beliefs.length; i++) out[i] += Math.log(beliefs[i][at]);
  }
  return out;
}

// ————————————————————————————————————————— policies on the tree —————————————————————————————————

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

function emptyPolicy(S: number, A: number, H: number, maxNodes: number): HistoryPolicy {
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

// ————————————————————————————————————————— the exact NRL solver —————————————————————————————————

interface Prepared {
  S: number;
  A: number;
  n: number;
  H: number;
  beliefs: Float64Array[];
  rewards: Float64Array[];
  truth: Float64Array;
  /** Number of transition classes in each state. */
  groups: Int32Array;
  /** groupOf[s*A + a]: the class of action a in state s. */
  groupOf: Int32Array;
  /** rep[s*A + g]: the lowest action of class g in state s. */
  rep: Int32Array;
  /** kids[s*A + g]: the next states some part or the truth gives positive probability. */
  kids: Int32Array[];
}

function sameRow(T: Float64Array, x: number, y: number, S: number): boolean {
  for (let s2 = 0; s2 < S; s2++) if (T[x * S + s2] !== T[y * S + s2]) return false;
  return true;
}

function prepare(p: NrlProblem): Prepared {
  const { S, A } = shapeOf(p.env);
  const beliefs = beliefsOf(p);
  const models = [...beliefs, p.env.truth];
  const groups = new Int32Array(S);
  const groupOf = new Int32Array(S * A);
  const rep = new Int32Array(S * A);
  const kids: Int32Array[] = [];
  for (let s = 0; s < S; s++) {
    let g = 0;
    for (let a = 0; a < A; a++) {
      let found = -1;
      for (let h = 0; h < g && found < 0; h++) {
        const b = rep[s * A + h];
        if (models.every((T) => sameRow(T, s * A + a, s * A + b, S))) found = h;
      }
      if (found < 0) {
        rep[s * A + g] = a;
        found = g++;
      }
      groupOf[s * A + a] = found;
    }
    groups[s] = g;
    for (let h = 0; h < A; h++) {
      if (h >= g) {
        kids.push(new Int32Array(0));
        continue;
      }
      const row = (s * A + rep[s * A + h]) * S;
      const list: number[] = [];
      for (let s2 = 0; s2 < S; s2++) if (models.some((T) => T[row + s2] > 0)) list.push(s2);
      kids.push(Int32Array.from(list));
    }
  }
  return {
    S,
    A,
    n: beliefs.length,
    H: p.env.horizon,
    beliefs,
    rewards: p.parts.map((x) => x.reward),
    truth: p.env.truth,
    groups,
    groupOf,
    rep,
    kids,
  };
}

/** How many history nodes the exact search may visit (an upper bound; exact without zero weights). */
export function nrlTreeSize(p: NrlProblem): number {
  validateNrlProblem(p);
  const q = prepare(p);
  return treeSize(q, p.env.start);
}

function treeSize(q: Prepared, start: Float64Array): number {
  const { S, A, H } = q;
  let below = new Float64Array(S).fill(1); // k = 1 decision left: one node, no children searched
  for (let k = 2; k <= H; k++) {
    const next = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      let c = 1;
      for (let g = 0; g < q.groups[s]; g++) for (const s2 of q.kids[s * A + g]) c += below[s2];
      next[s] = c;
    }
    below = next;
  }
  let total = 0;
  for (let s = 0; s < S; s++) if (start[s] > 0) total += below[s];
  return total;
}

/**
 * The exact NRL policy for a finite horizon: the deterministic history-dependent policy maximizing
 * Σ_i w_i V_i(π) (w the normalized prior weights, V_i part i's expected utility under its own
 * beliefs), found by dynamic programming over the history tree with the weights w_i·P_i(h) carried
 * down. With every w_i > 0 it is Pareto optimal for the parts' own-belief expected utilities (a
 * part with weight 0 is ignored, so the policy may then be only weakly Pareto optimal). Throws a
 * UserError when the search tree (`nrlTreeSize`) or the dense policy (S + S² + … + S^H decision
 * slots) exceeds `maxNodes`.
 */
export function solveNrl(p: NrlProblem, opts: NrlOptions = {}): NrlSolution {
  if (!opts.trusted) validateNrlProblem(p);
  const maxNodes = opts.maxNodes ?? DEFAULT_MAX_NODES;
  const tol = opts.tieTolerance ?? 1e-12;
  const q = prepare(p);
  const { S, A, n, H } = q;
  const bound = treeSize(q, p.env.start);
  if (bound > maxNodes)
    throw new UserError(
      `the history tree for horizon ${H} (${S} states, up to ${Math.max(...q.groups)} distinguishable actions per state) has up to ${bound} nodes; the limit is ${maxNodes} (maxNodes)`,
      'nrl',
    );
  const policy = emptyPolicy(S, A, H, maxNodes);
  const nodeAction = new Int32Array(bound);
  const nodeSize = new Int32Array(bound);
  const wbuf: Float64Array[] = [];
  const vbuf: Float64Array[] = [];
  const cbuf: Float64Array[] = [];
  for (let t = 0; t <= H; t++) {
    wbuf.push(new Float64Array(n));
    vbuf.push(new Float64Array(n));
    cbuf.push(new Float64Array(A * n));
  }
  let counter = 0;
  // Solves the node at depth t in state s whose weights are in wbuf[t]; leaves the per-part
  // continuation values V_i (own beliefs) in vbuf[t] and returns the node id.
  const solve = (t: number, s: number): number => {
    const id = counter++;
    const w = wbuf[t];
    const cont = cbuf[t];
    cont.fill(0);
    const G = q.groups[s];
    if (t + 1 < H) {
      const wc = wbuf[t + 1];
      const vc = vbuf[t + 1];
      for (let g = 0; g < G; g++) {
        const row = (s * A + q.rep[s * A + g]) * S;
        for (const s2 of q.kids[s * A + g]) {
          let sum = 0;
          for (let i = 0; i < n; i++) sum += w[i] * q.beliefs[i][row + s2];
          if (sum > 0) for (let i = 0; i < n; i++) wc[i] = (w[i] * q.beliefs[i][row + s2]) / sum;
          else wc.set(w);
          solve(t + 1, s2);
          for (let i = 0; i < n; i++) cont[g * n + i] += q.beliefs[i][row + s2] * vc[i];
        }
      }
    }
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < A; a++) {
      const g = q.groupOf[s * A + a];
      let score = 0;
      for (let i = 0; i < n; i++) score += w[i] * (q.rewards[i][s * A + a] + cont[g * n + i]);
      if (best < 0 || score > bestScore + tol * (1 + Math.abs(bestScore))) {
        best = a;
        bestScore = score;
      }
    }
    const gb = q.groupOf[s * A + best];
    const v = vbuf[t];
    for (let i = 0; i < n; i++) v[i] = q.rewards[i][s * A + best] + cont[gb * n + i];
    nodeAction[id] = best;
    nodeSize[id] = counter - id;
    return id;
  };

  const prior = priorOf(p);
  const own = new Float64Array(n);
  const roots: { s: number; id: number }[] = [];
  for (let s0 = 0; s0 < S; s0++) {
    const st = p.env.start[s0];
    if (!(st > 0)) continue;
    wbuf[0].set(prior);
    const id = solve(0, s0);
    roots.push({ s: s0, id });
    for (let i = 0; i < n; i++) own[i] += st * vbuf[0][i];
  }

  // Read the policy off the tree: follow the chosen action's subtree at every node.
  const extract = (t: number, s: number, code: number, id: number): void => {
    const a = nodeAction[id];
    policy.decisions[t][code] = a;
    if (t + 1 >= H) return;
    const gb = q.groupOf[s * A + a];
    let child = id + 1;
    for (let g = 0; g < q.groups[s]; g++)
      for (const s2 of q.kids[s * A + g]) {
        if (g === gb) extract(t + 1, s2, code * S + s2, child);
        child += nodeSize[child];
      }
  };
  for (const r of roots) extract(0, r.s, r.s, r.id);

  let objective = 0;
  for (let i = 0; i < n; i++) objective += prior[i] * own[i];
  const truth = policyReport(p, policy, { trusted: true }).truth;
  return { policy, prior, own, truth, objective, nodes: counter };
}

// ————————————————————————————————————————— naive aggregation ————————————————————————————————————

export interface NaiveOptions {
  /**
   * The single world model everyone is evaluated under when choosing: 'truth', 'mixture' (the
   * prior-weighted average of the parts' beliefs, row by row), or an S×A×S model. Default 'mixture'.
   */
  readonly model?: 'truth' | 'mixture' | Float64Array;
  /** Fixed weights (default the parts' prior weights), normalized. */
  readonly weights?: ArrayLike<number>;
  readonly maxNodes?: number;
  readonly tieTolerance?: number;
}

export interface NaiveSolution {
  /** The shared model the aggregation planned with. */
  readonly model: Float64Array;
  readonly weights: Float64Array;
  /** The optimal Markov rule for Σ_i w_i r_i under the shared model: markov[t*S + s]. */
  readonly markov: Int32Array;
  /** The same rule as a history policy (for comparison and Pareto checks). */
  readonly policy: HistoryPolicy;
  /** Σ_i w_i E_model[U_i]: what the aggregation maximized. */
  readonly objective: number;
  /** Each part's expected utility under its own beliefs and under the truth. */
  readonly own: Float64Array;
  readonly truth: Float64Array;
}

/** The prior-weighted average of the parts' beliefs (a single Markov world model). */
export function mixtureModel(p: NrlProblem, weights?: ArrayLike<number>): Float64Array {
  const beliefs = beliefsOf(p);
  const w = normalizedPrior(weights ?? priorOf(p), beliefs.length);
  const out = new Float64Array(p.env.truth.length);
  for (let i = 0; i < beliefs.length; i++)
    for (let k = 0; k < out.length; k++) out[k] += w[i] * beliefs[i][k];
  return out;
}

/**
 * Harsanyi-style fixed-weight aggregation under one shared world model: the policy maximizing
 * E_model[Σ_t Σ_i w_i r_i(s_t, a_t)] by backward induction (Markov, ties to the lowest action).
 * With different beliefs this can be Pareto-dominated for the parts' own-belief utilities — the
 * point of Critch's theorem — which `findDominating` exhibits on small trees.
 */
export function naiveAggregation(p: NrlProblem, opts: NaiveOptions = {}): NaiveSolution {
  validateNrlProblem(p);
  const { S, A } = shapeOf(p.env);
  const H = p.env.horizon;
  const n = p.parts.length;
  const weights = normalizedPrior(opts.weights ?? priorOf(p), n);
  const spec = opts.model ?? 'mixture';
  const model = spec === 'truth' ? p.env.truth : spec === 'mixture' ? mixtureModel(p, weights) : spec;
  checkModel(model, S, A, 'model');
  const tol = opts.tieTolerance ?? 1e-12;
  const r = new Float64Array(S * A);
  for (let i = 0; i < n; i++) for (let k = 0; k < S * A; k++) r[k] += weights[i] * p.parts[i].reward[k];
  const markov = new Int32Array(H * S);
  let V = new Float64Array(S);
  for (let t = H - 1; t >= 0; t--) {
    const next = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      let best = -1;
      let bestQ = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        let qv = r[s * A + a];
        const row = (s * A + a) * S;
        for (let s2 = 0; s2 < S; s2++) qv += model[row + s2] * V[s2];
        if (best < 0 || qv > bestQ + tol * (1 + Math.abs(bestQ))) {
          best = a;
          bestQ = qv;
        }
      }
      markov[t * S + s] = best;
      next[s] = bestQ;
    }
    V = next;
  }
  let objective = 0;
  for (let s = 0; s < S; s++) objective += p.env.start[s] * V[s];
  const policy = markovToHistory(markov, S, A, H, opts.maxNodes);
  const values = evaluatePolicy(p, policy);
  return { model, weights, markov, policy, objective, own: values.own, truth: values.truth };
}

// ————————————————————————————————————————— Pareto checks on small trees —————————————————————————

/** Whether x Pareto-dominates y: every entry ≥ (within tol) and one strictly greater (by more than tol). */
export function dominates(x: ArrayLike<number>, y: ArrayLike<number>, tol = 1e-9): boolean {
  let strict = false;
  for (let i = 0; i < x.length; i++) {
    const scale = tol * Math.max(1, Math.abs(x[i]), Math.abs(y[i]));
    if (x[i] < y[i] - scale) return false;
    if (x[i] > y[i] + scale) strict = true;
  }
  return strict;
}

/**
 * The state sequences a deterministic policy can have to decide at: those starting where
 * `env.start` is positive and moving only along transitions some action makes possible under some
 * part's beliefs or the truth. slots[t] lists their codes at depth t.
 */
function decisionSlots(p: NrlProblem): Int32Array[] {
  const { S, A } = shapeOf(p.env);
  const models = [...beliefsOf(p), p.env.truth];
  const step = new Uint8Array(S * S);
  for (let s = 0; s < S; s++)
    for (let a = 0; a < A; a++)
      for (let s2 = 0; s2 < S; s2++)
        if (models.some((T) => T[(s * A + a) * S + s2] > 0)) step[s * S + s2] = 1;
  const out: Int32Array[] = [];
  let layer: number[] = [];
  for (let s = 0; s < S; s++) if (p.env.start[s] > 0) layer.push(s);
  for (let t = 0; t < p.env.horizon; t++) {
    out.push(Int32Array.from(layer));
    if (t + 1 === p.env.horizon) break;
    const next: number[] = [];
    for (const c of layer) for (let s2 = 0; s2 < S; s2++) if (step[(c % S) * S + s2]) next.push(c * S + s2);
    layer = next;
    if (layer.length > 1 << 24)
      throw new UserError('too many histories to enumerate policies over', 'pareto');
  }
  return out;
}

/** The number of deterministic history-dependent policies `forEachPolicy` enumerates: A^(decision slots). */
export function policyCount(p: NrlProblem): number {
  validateNrlProblem(p);
  let slots = 0;
  for (const d of decisionSlots(p)) slots += d.length;
  return p.env.actions.length ** slots;
}

/**
 * Calls `visit` with every deterministic history-dependent policy (one action at every state
 * sequence of `decisionSlots`), together with each part's own-belief expected utility.
 * The policy object is reused between calls: copy it to keep it. Return `false` from `visit` to
 * stop. Refuses past `maxPolicies` (default 1,048,576). Returns the number visited.
 */
export function forEachPolicy(
  p: NrlProblem,
  visit: (policy: HistoryPolicy, own: Float64Array) => boolean | undefined,
  opts: { maxPolicies?: number } = {},
): number {
  validateNrlProblem(p);
  const { S, A } = shapeOf(p.env);
  const H = p.env.horizon;
  const count = policyCount(p);
  const max = opts.maxPolicies ?? 1 << 20;
  if (count > max)
    throw new UserError(
      `there are ${count} deterministic history policies; the limit is ${max} (maxPolicies)`,
      'pareto',
    );
  const policy = emptyPolicy(S, A, H, Number.POSITIVE_INFINITY);
  const slots: { t: number; c: number }[] = [];
  decisionSlots(p).forEach((codes, t) => {
    for (const c of codes) {
      policy.decisions[t][c] = 0;
      slots.push({ t, c });
    }
  });
  let visited = 0;
  for (;;) {
    visited++;
    const own = policyReport(p, policy, { trusted: true }).own;
    if (visit(policy, own) === false) return visited;
    let k = 0;
    while (k < slots.length) {
      const d = policy.decisions[slots[k].t];
      if (d[slots[k].c] + 1 < A) {
        d[slots[k].c]++;
        break;
      }
      d[slots[k].c] = 0;
      k++;
    }
    if (k === slots.length) return visited;
  }
}

function copyPolicy(x: HistoryPolicy): HistoryPolicy {
  return { S: x.S, A: x.A, horizon: x.horizon, decisions: x.decisions.map((d) => d.slice()) };
}

/**
 * The first enumerated deterministic policy whose own-belief utilities Pareto-dominate `own`, or
 * null when none does (then `own` is undominated among all deterministic history policies).
 */
export function findDominating(
  p: NrlProblem,
  own: ArrayLike<number>,
  opts: { maxPolicies?: number; tolerance?: number } = {},
): { policy: HistoryPolicy; own: Float64Array } | null {
  let found: { policy: HistoryPolicy; own: Float64Array } | null = null;
  forEachPolicy(
    p,
    (policy, values) => {
      if (dominates(values, own, opts.tolerance)) {
        found = { policy: copyPolicy(policy), own: values.slice() };
        return false;
      }
      return true;
    },
    opts,
  );
  return found;
}
