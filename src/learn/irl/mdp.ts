/**
 * A minimal tabular, finite-horizon MDP for whole-system learning: states, actions, the dynamics
 * T[(s·A + a)·S + s'], a start distribution and a horizon. Rewards are S×A tables (r[s·A + a]);
 * a policy is one S×A table of action probabilities per step, `policy[t][s·A + a]`.
 *
 * Kept here (floor 1) rather than borrowed from dynamics/, so that inverse RL stands below the
 * sequential engine and reads nothing of H's parts or internal state.
 */
import { UserError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';

export interface TabularMdp {
  readonly S: number;
  readonly A: number;
  /** S×A×S, each row a distribution. */
  readonly T: Float64Array;
  readonly start: Float64Array;
  readonly horizon: number;
}

/** One step table per t = 0 … horizon − 1. */
export type StepPolicy = readonly Float64Array[];

/** A demonstration: states s_0 … s_H and actions a_0 … a_{H−1}. */
export interface Trajectory {
  readonly states: readonly number[];
  readonly actions: readonly number[];
}

/** Checks sizes and that every row is a distribution; a UserError naming what is wrong. */
export function checkMdp(m: TabularMdp, where = 'mdp'): TabularMdp {
  const { S, A } = m;
  if (!(Number.isInteger(S) && S >= 1 && Number.isInteger(A) && A >= 1))
    throw new UserError(`expected at least one state and one action, got ${S} and ${A}`, where);
  if (!(Number.isInteger(m.horizon) && m.horizon >= 1))
    throw new UserError(`expected a horizon of at least 1 step, got ${m.horizon}`, where);
  if (m.T.length !== S * A * S || m.start.length !== S)
    throw new UserError(`expected ${S * A * S} transition and ${S} start probabilities`, where);
  const row = (xs: ArrayLike<number>, what: string) => {
    let sum = 0;
    for (let k = 0; k < xs.length; k++) {
      if (!(xs[k] >= 0)) throw new UserError(`${what}: expected probabilities ≥ 0, got ${xs[k]}`, where);
      sum += xs[k];
    }
    if (Math.abs(sum - 1) > 1e-9)
      throw new UserError(`${what}: expected probabilities summing to 1, got ${sum}`, where);
  };
  row(m.start, 'start');
  for (let r = 0; r < S * A; r++) row(m.T.subarray(r * S, (r + 1) * S), `T[${Math.floor(r / A)}][${r % A}]`);
  return m;
}

/** A state reward r(s) as an S×A table (the same for every action). */
export function stateReward(r: ArrayLike<number>, A: number): Float64Array {
  const out = new Float64Array(r.length * A);
  for (let s = 0; s < r.length; s++) out.fill(r[s], s * A, (s + 1) * A);
  return out;
}

/** The probability of being in each state at each step t = 0 … H − 1 under `policy` (exact forward pass). */
export function stateVisitation(m: TabularMdp, policy: StepPolicy): Float64Array[] {
  const { S, A } = m;
  const out: Float64Array[] = [Float64Array.from(m.start)];
  for (let t = 0; t + 1 < m.horizon; t++) {
    const d = out[t];
    const next = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      if (d[s] === 0) continue;
      for (let a = 0; a < A; a++) {
        const p = d[s] * policy[t][s * A + a];
        if (p === 0) continue;
        const row = (s * A + a) * S;
        for (let s2 = 0; s2 < S; s2++) next[s2] += p * m.T[row + s2];
      }
    }
    out.push(next);
  }
  return out;
}

/** Expected total of `reward` (S×A) over the horizon under `policy`, from the start distribution. */
export function policyReturn(m: TabularMdp, policy: StepPolicy, reward: ArrayLike<number>): number {
  const D = stateVisitation(m, policy);
  let total = 0;
  for (let t = 0; t < m.horizon; t++)
    for (let s = 0; s < m.S; s++)
      for (let a = 0; a < m.A; a++) total += D[t][s] * policy[t][s * m.A + a] * reward[s * m.A + a];
  return total;
}

/** `count` trajectories sampled from the start distribution, the policy and the dynamics. */
export function sampleTrajectories(
  m: TabularMdp,
  policy: StepPolicy,
  count: number,
  rng: Random,
): Trajectory[] {
  const { S, A } = m;
  return Array.from({ length: count }, () => {
    let s = rng.weighted(m.start);
    const states = [s];
    const actions: number[] = [];
    for (let t = 0; t < m.horizon; t++) {
      const a = rng.weighted(policy[t].subarray(s * A, (s + 1) * A));
      s = rng.weighted(m.T.subarray((s * A + a) * S, (s * A + a + 1) * S));
      actions.push(a);
      states.push(s);
    }
    return { states, actions };
  });
}

/** The largest difference between two policies' action probabilities, over every step and state. */
export function policyDistance(p: StepPolicy, q: StepPolicy): number {
  let d = 0;
  p.forEach((x, t) => {
    for (let k = 0; k < x.length; k++) d = Math.max(d, Math.abs(x[k] - q[t][k]));
  });
  return d;
}
