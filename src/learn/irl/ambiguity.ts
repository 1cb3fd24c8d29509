/**
 * The Armstrong–Mindermann non-identifiability (Armstrong & Mindermann 2018, "Occam's razor is
 * insufficient to infer the preferences of irrational agents", NeurIPS): H's behaviour π is what a
 * planner p makes of a reward R, π = p(R), and many pairs (p, R) give the same π. From one fitted
 * pair (a Boltzmann planner of rationality β and a reward R) this module builds the others —
 *
 *   rational        (β, R)                the fitted pair
 *   anti-rational   (−β, −R)              a soft-minimizer of the opposite reward
 *   over-rational   (c·β, R/c)            sharper planning of a fainter reward, c = 10, 100, …
 *   myopic          (β = 1, no look-ahead, R_t(s, a) = log π_t(a | s))
 *   indifferent     (R = 0, a planner that returns π whatever the reward)
 *
 * — every one giving H's policy (the first two bit for bit, soft.ts; the others to rounding),
 * hence the same likelihood of any demonstrations. A simplicity prior scores each pair by its
 * negative log-likelihood plus λ·‖R‖₁ (the reward's description) plus μ per planner parameter;
 * it cannot separate (β, R) from (−β, −R) (equal norms), and the pair it likes best is
 * degenerate: the reward fades (R/c, c → ∞) or vanishes (R = 0) while the planner carries the
 * behaviour. Un-bounding (planning with the pair's reward, β → ∞) then gives opposite plans for
 * the rational and the anti-rational reading of the same H.
 */
import { type StepPolicy, policyDistance, type TabularMdp } from './mdp.js';
import { logLikelihood, myopicPolicy, optimalPolicy, softPlan } from './soft.js';
import type { Demonstrations } from './maxent.js';

export interface Decomposition {
  readonly name: string;
  /** The planner, in words. */
  readonly planner: string;
  /** The planner's rationality, where it has one. */
  readonly beta: number | null;
  /** Its reward per step (the same table at every step unless the planner is myopic). */
  readonly rewards: readonly Float64Array[];
  /** Parameters that describe the planner beyond the reward. */
  readonly plannerParameters: number;
  /** What the planner makes of the reward: H's behaviour if the pair is right. */
  readonly policy: StepPolicy;
  /** Planning with the pair's reward, β → ∞. */
  readonly unbounded: StepPolicy;
}

/** The decompositions of the behaviour of the Boltzmann planner (β, R). */
export function decompositions(
  m: TabularMdp,
  reward: Float64Array,
  beta: number,
  scales: readonly number[] = [10, 100],
): Decomposition[] {
  const H = m.horizon;
  const every = (r: Float64Array) => Array.from({ length: H }, () => r);
  const boltzmann = (name: string, b: number, r: Float64Array): Decomposition => ({
    name,
    planner: `Boltzmann-rational, β = ${Number(b.toPrecision(6))}`,
    beta: b,
    rewards: every(r),
    plannerParameters: 1,
    policy: softPlan(m, r, b).policy,
    unbounded: optimalPolicy(m, r),
  });
  const pi = softPlan(m, reward, beta).policy;
  const logPi = pi.map((p) => p.map(Math.log));
  const zero = new Float64Array(m.S * m.A);
  return [
    boltzmann('rational', beta, reward),
    boltzmann(
      'anti-rational',
      -beta,
      reward.map((x) => -x),
    ),
    ...scales.map((c) =>
      boltzmann(
        `over-rational ×${c}`,
        c * beta,
        reward.map((x) => x / c),
      ),
    ),
    {
      name: 'myopic',
      planner: 'Boltzmann, β = 1, no look-ahead',
      beta: 1,
      rewards: logPi,
      plannerParameters: 1,
      policy: myopicPolicy(m, logPi, 1),
      unbounded: logPi.map((r) => argmaxRows(r, m.A)),
    },
    {
      name: 'indifferent',
      planner: 'returns H’s policy whatever the reward',
      beta: null,
      rewards: every(zero),
      plannerParameters: H * m.S * (m.A - 1),
      policy: pi,
      unbounded: optimalPolicy(m, zero),
    },
  ];
}

/** Each row's best action as a one-hot row (ties to the lowest). */
function argmaxRows(p: Float64Array, A: number): Float64Array {
  const out = new Float64Array(p.length);
  for (let s = 0; s < p.length / A; s++) {
    let arg = 0;
    for (let a = 1; a < A; a++) if (p[s * A + a] > p[s * A + arg]) arg = a;
    out[s * A + arg] = 1;
  }
  return out;
}

/**
 * The largest difference between the policies of (β, R) and (−β, −R): 0 — negation is exact in
 * floating point, so soft value iteration computes the same β·Q. Reported as the ambiguity's witness.
 */
export function signFlipDistance(m: TabularMdp, reward: Float64Array, beta: number): number {
  return policyDistance(
    softPlan(m, reward, beta).policy,
    softPlan(
      m,
      reward.map((x) => -x),
      -beta,
    ).policy,
  );
}

/** A simplicity prior: λ per unit of ‖R‖₁ and μ per planner parameter. */
export interface SimplicityPrior {
  readonly l1: number;
  readonly perParameter: number;
}

export interface ScoredDecomposition {
  readonly name: string;
  readonly planner: string;
  readonly beta: number | null;
  /** The largest difference from H's policy (0: the same behaviour). */
  readonly policyDistance: number;
  /** Mean log-likelihood of the demonstrations. */
  readonly logLikelihood: number;
  /** ‖R‖₁ over one step's table (over every step's for a myopic planner's per-step rewards). */
  readonly rewardL1: number;
  readonly plannerParameters: number;
  /** −log-likelihood + λ·‖R‖₁ + μ·parameters: lower is preferred. */
  readonly score: number;
  /** The true expected return of planning with this reward, β → ∞. */
  readonly unboundedReturn: number;
}

export function scoreDecompositions(
  list: readonly Decomposition[],
  behaviour: StepPolicy,
  demos: Demonstrations,
  prior: SimplicityPrior,
  trueReturn: (p: StepPolicy) => number,
): ScoredDecomposition[] {
  return list.map((d) => {
    const steps = d.rewards.every((r) => r === d.rewards[0]) ? [d.rewards[0]] : d.rewards;
    const rewardL1 = steps.reduce((t, r) => t + r.reduce((u, x) => u + Math.abs(x), 0), 0);
    const ll = logLikelihood(d.policy, demos.counts, demos.total);
    return {
      name: d.name,
      planner: d.planner,
      beta: d.beta,
      policyDistance: policyDistance(d.policy, behaviour),
      logLikelihood: ll,
      rewardL1,
      plannerParameters: d.plannerParameters,
      score: -ll + prior.l1 * rewardL1 + prior.perParameter * d.plannerParameters,
      unboundedReturn: trueReturn(d.unbounded),
    };
  });
}
