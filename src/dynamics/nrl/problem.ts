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
import type { Environment, SeqPart } from '../../core/sequential.js';

/** A sequential principal as NRL sees it: the environment (truth, start, horizon) and the parts. */
export interface NrlProblem {
  readonly env: Environment;
  readonly parts: readonly SeqPart[];
  /** The parts' weights are already shares (a hierarchy's, nesting.ts): the prior as they are. */
  readonly shares?: boolean;
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

export function checkModel(T: unknown, S: number, A: number, where: string): asserts T is Float64Array {
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
  if (p.shares) return w;
  let s = 0;
  for (const x of w) s += x;
  for (let i = 0; i < w.length; i++) w[i] /= s;
  return w;
}

export function shapeOf(env: Environment): Shape {
  return { S: env.states.length, A: env.actions.length };
}
