/**
 * H as a Boltzmann-rational (soft-optimal) planner: soft value iteration over a finite horizon,
 *
 *   Q_t(s, a) = r(s, a) + Σ_{s'} T(s' | s, a) · V_{t+1}(s'),   V_H ≡ 0,
 *   V_t(s) = (1/β) · log Σ_a exp(β · Q_t(s, a)),   π_t(a | s) = exp(β · (Q_t(s, a) − V_t(s))).
 *
 * β is H's rationality: large β is nearly optimal, β → 0 uniform, β < 0 anti-rational (it
 * soft-minimizes). With β = 1 this is the model of maximum-entropy inverse RL (Ziebart et al.
 * 2008; the causal form of Ziebart, Bagnell & Dey 2010). The pair (−β, −r) gives the same
 * policy as (β, r), bit for bit: negation is exact in floating point, so Q and V are negated
 * exactly and β · Q is unchanged (Armstrong & Mindermann 2018).
 *
 * `optimalPolicy` is the limit β → ∞ (hard value iteration, ties to the lowest action): the
 * un-bounded planner that plans with a learned reward.
 */
import { UserError } from '../../core/errors.js';
import type { StepPolicy, TabularMdp } from './mdp.js';

export interface SoftPlan {
  readonly policy: StepPolicy;
  /** Soft values V_t(s), t = 0 … H − 1. */
  readonly values: readonly Float64Array[];
}

/** Σ_{s'} T(s' | s, a) · V(s') for every (s, a), into q (added to what is there). */
function addContinuation(m: TabularMdp, V: Float64Array, q: Float64Array): void {
  const { S, A } = m;
  for (let k = 0; k < S * A; k++) {
    let x = 0;
    for (let s2 = 0; s2 < S; s2++) x += m.T[k * S + s2] * V[s2];
    q[k] += x;
  }
}

/**
 * Backward induction over the horizon: Q_t = r + T·V_{t+1}, then `choose` fills state s's row of
 * π_t from Q_t and returns V_t(s). The soft and the hard planner differ only in `choose`.
 */
function backward(
  m: TabularMdp,
  reward: ArrayLike<number>,
  choose: (q: Float64Array, s: number, pi: Float64Array) => number,
): SoftPlan {
  const { S, horizon: H } = m;
  const policy: Float64Array[] = new Array(H);
  const values: Float64Array[] = new Array(H);
  let next: Float64Array | null = null;
  for (let t = H - 1; t >= 0; t--) {
    const q = Float64Array.from(reward);
    if (next) addContinuation(m, next, q);
    const V = new Float64Array(S);
    const pi = new Float64Array(S * m.A);
    for (let s = 0; s < S; s++) V[s] = choose(q, s, pi);
    policy[t] = pi;
    values[t] = V;
    next = V;
  }
  return { policy, values };
}

/** The soft-optimal planner's policy for reward r (S×A) at rationality β (finite, non-zero). */
export function softPlan(m: TabularMdp, reward: ArrayLike<number>, beta: number): SoftPlan {
  if (!(Number.isFinite(beta) && beta !== 0))
    throw new UserError(`expected a finite, non-zero rationality β, got ${beta}`, 'beta');
  const A = m.A;
  return backward(m, reward, (q, s, pi) => {
    let max = -Infinity;
    for (let a = 0; a < A; a++) max = Math.max(max, beta * q[s * A + a]);
    let z = 0;
    for (let a = 0; a < A; a++) z += Math.exp(beta * q[s * A + a] - max);
    const lse = max + Math.log(z);
    for (let a = 0; a < A; a++) pi[s * A + a] = Math.exp(beta * q[s * A + a] - lse);
    return lse / beta;
  });
}

/** The optimal deterministic policy for reward r (β → ∞), as one-hot step tables. */
export function optimalPolicy(m: TabularMdp, reward: ArrayLike<number>): StepPolicy {
  const A = m.A;
  return backward(m, reward, (q, s, pi) => {
    let arg = 0;
    for (let a = 1; a < A; a++)
      if (q[s * A + a] > q[s * A + arg] + 1e-12 * Math.max(1, Math.abs(q[s * A + arg]))) arg = a;
    pi[s * A + arg] = 1;
    return q[s * A + arg];
  }).policy;
}

/** A planner that looks one step ahead (ignores the future): π_t(a | s) ∝ exp(β · r_t(s, a)), for rewards per step. */
export function myopicPolicy(m: TabularMdp, rewards: readonly ArrayLike<number>[], beta: number): StepPolicy {
  const { S, A } = m;
  return rewards.map((r) => {
    const pi = new Float64Array(S * A);
    for (let s = 0; s < S; s++) {
      let max = -Infinity;
      for (let a = 0; a < A; a++) max = Math.max(max, beta * r[s * A + a]);
      let z = 0;
      for (let a = 0; a < A; a++) z += pi[s * A + a] = Math.exp(beta * r[s * A + a] - max);
      for (let a = 0; a < A; a++) pi[s * A + a] /= z;
    }
    return pi;
  });
}

/** The mean log-likelihood per trajectory of demonstrations (counts N_t(s, a), summing to `total` trajectories) under a policy. */
export function logLikelihood(policy: StepPolicy, counts: readonly Float64Array[], total: number): number {
  let ll = 0;
  counts.forEach((c, t) => {
    for (let k = 0; k < c.length; k++) if (c[k] > 0) ll += c[k] * Math.log(policy[t][k]);
  });
  return ll / total;
}
