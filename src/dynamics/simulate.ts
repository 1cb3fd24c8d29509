/**
 * The simulation loop (Mesa's model step): run a policy of A for the horizon from the start
 * distribution. At each step the policy picks an action from the moment (t, state, H's levels,
 * history); the next world state is sampled from the truth, or taken from a given observation
 * sequence (a replay); H's internal state moves by the influence model (space.ts, `nextLevels`).
 *
 * The loop knows nothing of approval or welfare: it hands each step to its collectors
 * (recorder.ts is one), as Mesa's model hands itself to its DataCollector, and returns the bare
 * trajectory. A replayed observation that is impossible under the truth (probability 0) is still
 * replayed, and flagged.
 *
 * Randomness: the start state (unless given) and every sampled next state come from the `rng`
 * passed in, in step order, so a seed fixes the run.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { MAX_HORIZON } from './build.js';
import type { DynamicsModel } from './model.js';
import type { Moment, Policy } from './policy.js';
import { encodeLevels, nextLevels } from './space.js';

/** One step as the loop saw it. */
export interface StepEvent {
  readonly t: number;
  readonly state: number;
  readonly action: number;
  readonly observation: number;
  /** H's levels when the action was chosen (the event's own copy). */
  readonly levels: Int32Array;
  readonly code: number;
  /** The observation has probability 0 under the truth (possible only in a replay). */
  readonly impossible: boolean;
}

export interface Collector {
  collect(e: StepEvent): void;
}

export interface SimulateOptions {
  /** Next states to replay, one per step (length = horizon), instead of sampling them. */
  readonly observe?: readonly number[];
  /** The initial world state (default: sampled from the start distribution). */
  readonly start?: number;
  /** Default: the environment's horizon. */
  readonly horizon?: number;
  readonly collectors?: readonly Collector[];
}

export interface Trajectory {
  readonly horizon: number;
  /** s_0 … s_H. */
  readonly states: Int32Array;
  /** a_0 … a_{H−1}. */
  readonly actions: Int32Array;
  /** H's levels at steps 0 … H (row t = levels when a_t was chosen; row H = after the run): (H+1)·n. */
  readonly levels: Int32Array;
  /** 1 where the observation at step t was impossible under the truth. */
  readonly impossible: Uint8Array;
  /** The initial state has probability 0 under the start distribution (given explicitly). */
  readonly startImpossible: boolean;
}

function checkState(model: DynamicsModel, s: unknown, where: string): number {
  if (!(typeof s === 'number' && Number.isInteger(s) && s >= 0 && s < model.S))
    throw new UserError(`expected a state index 0 … ${model.S - 1}, got ${JSON.stringify(s)}`, where);
  return s;
}

export function horizonFor(model: DynamicsModel, h?: number): number {
  const H = h ?? model.env.horizon;
  if (!(Number.isInteger(H) && H >= 1 && H <= MAX_HORIZON))
    throw new UserError(`expected a whole number of decisions in 1 … ${MAX_HORIZON}, got ${H}`, 'horizon');
  return H;
}

/** Samples s' from the truth row (s, a). */
export function sampleNext(model: DynamicsModel, s: number, a: number, rng: Random): number {
  const { rowStart, next, prob } = model.truth;
  const lo = rowStart[s * model.A + a];
  const hi = rowStart[s * model.A + a + 1];
  let u = rng.float();
  for (let j = lo; j < hi; j++) {
    u -= prob[j];
    if (u < 0) return next[j];
  }
  return next[hi - 1];
}

/** The truth's probability of s' after (s, a). */
export function truthProbability(model: DynamicsModel, s: number, a: number, s2: number): number {
  return model.env.truth[(s * model.A + a) * model.S + s2];
}

/** Runs `policy` for the horizon; see the module comment. */
export function simulate(
  model: DynamicsModel,
  policy: Policy,
  rng: Random,
  opts: SimulateOptions = {},
): Trajectory {
  const H = horizonFor(model, opts.horizon);
  const { n, A } = model;
  const observe = opts.observe;
  if (observe !== undefined) {
    if (!Array.isArray(observe) || observe.length !== H)
      throw new UserError(
        `expected ${H} next states (one per step), got ${Array.isArray(observe) ? observe.length : JSON.stringify(observe)}`,
        'observe',
      );
    observe.forEach((s, t) => {
      checkState(model, s, `observe[${t}]`);
    });
  }
  let s = opts.start === undefined ? rng.weighted(model.env.start) : checkState(model, opts.start, 'start');
  const startImpossible = !(model.env.start[s] > 0);
  const states = new Int32Array(H + 1);
  const actions = new Int32Array(H);
  const levelRows = new Int32Array((H + 1) * n);
  const impossible = new Uint8Array(H);
  const collectors = opts.collectors ?? [];
  const historyStates: number[] = [s];
  const historyActions: number[] = [];
  const history = { states: historyStates, actions: historyActions };
  let levels: Int32Array = Int32Array.from(model.initialLevels);
  states[0] = s;
  levelRows.set(levels, 0);
  for (let t = 0; t < H; t++) {
    const code = encodeLevels(model.space, levels);
    const moment: Moment = { t, state: s, levels, code, history };
    const a = policy(moment);
    if (!(Number.isInteger(a) && a >= 0 && a < A))
      throw new UserError(`expected an action 0 … ${A - 1}, got ${JSON.stringify(a)} at t = ${t}`, 'policy');
    let s2: number;
    let bad = false;
    if (observe) {
      s2 = observe[t];
      bad = !(truthProbability(model, s, a, s2) > 0);
    } else s2 = sampleNext(model, s, a, rng);
    for (const c of collectors)
      c.collect({
        t,
        state: s,
        action: a,
        observation: s2,
        levels: Int32Array.from(levels),
        code,
        impossible: bad,
      });
    actions[t] = a;
    impossible[t] = bad ? 1 : 0;
    const after = nextLevels(model.principal.internal, levels, a, s2, new Int32Array(n));
    levels = after;
    s = s2;
    states[t + 1] = s;
    levelRows.set(levels, (t + 1) * n);
    historyStates.push(s);
    historyActions.push(a);
  }
  return { horizon: H, states, actions, levels: levelRows, impossible, startImpossible };
}
