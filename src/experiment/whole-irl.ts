/**
 * The `whole-irl` experiment: learning the whole H from its trajectories (learn/irl/). H is a
 * Boltzmann-rational planner of its Σ (a weighted sum of two parts' rewards) on a small chain;
 * maximum-entropy inverse RL fits a reward to H's sampled trajectories, un-bounding plans with it,
 * and the Armstrong–Mindermann decompositions of the same behaviour are scored by a simplicity
 * prior.
 */
import { Random } from '../core/random.js';
import {
  decompositions,
  demonstrations,
  maxEntIrl,
  optimalPolicy,
  policyDistance,
  policyReturn,
  type ScoredDecomposition,
  sampleTrajectories,
  signFlipDistance,
  scoreDecompositions,
  softPlan,
  stateIndicators,
  stateReward,
  type TabularMdp,
} from '../learn/irl/index.js';
import { byName, type Experiment, type ExperimentBase, fixed } from './types.js';

export interface WholeIrlExperiment extends ExperimentBase {
  readonly experiment: 'whole-irl';
  readonly states: string[];
  readonly actions: string[];
  readonly horizon: number;
  readonly parts: Record<string, { weight: number; reward: Record<string, number> }>;
  /** H's reward (its Σ of the parts' rewards) and rationality. */
  readonly true_reward: Record<string, number>;
  readonly true_beta: number;
  readonly demonstrations: number;
  /** MaxEnt IRL's fit, β = 1 assumed. */
  readonly fit: {
    readonly reward: Record<string, number>;
    /** Fitted minus β·true reward, each centred (the constant shift removed): 0 if recovered up to the known ambiguity. */
    readonly centred_error: Record<string, number>;
    readonly policy_distance: number;
    readonly iterations: number;
  };
  /** Expected true return (H's Σ over the horizon): H itself, the best plan, un-bounding the fit. */
  readonly returns: { readonly h: number; readonly optimal: number; readonly unbounded_fit: number };
  /** (β, R) against (−β, −R): the largest difference of their policies (exactly 0). */
  readonly sign_flip_distance: number;
  readonly prior: { readonly l1: number; readonly per_parameter: number };
  readonly decompositions: ScoredDecomposition[];
  /** The decomposition with the lowest score under the prior. */
  readonly simplest: string;
}

const STATES = ['rest', 'errands', 'commute', 'desk', 'deep-work'];
const ACTIONS = ['back', 'stay', 'forward'];
const HORIZON = 8;
const SLIP = 0.1;
const BETA = 2;
const DEMOS = 500;
const PARTS = { rest: { weight: 0.4, state: 0 }, ambition: { weight: 0.6, state: 4 } };
const PRIOR = { l1: 1, perParameter: 1 };

/** The chain: back / stay / forward, each move failing (staying) with probability SLIP; H starts at the commute. */
export function irlChain(): TabularMdp {
  const S = STATES.length;
  const A = ACTIONS.length;
  const T = new Float64Array(S * A * S);
  for (let s = 0; s < S; s++)
    for (let a = 0; a < A; a++) {
      const to = Math.min(S - 1, Math.max(0, s + a - 1));
      T[(s * A + a) * S + to] += to === s ? 1 : 1 - SLIP;
      if (to !== s) T[(s * A + a) * S + s] += SLIP;
    }
  const start = new Float64Array(S);
  start[2] = 1;
  return { S, A, T, start, horizon: HORIZON };
}

export function runWholeIrl(seed: number): WholeIrlExperiment {
  const m = irlChain();
  const { S, A } = m;
  const r = new Float64Array(S);
  for (const p of Object.values(PARTS)) r[p.state] += p.weight;
  const R = stateReward(r, A);
  const h = softPlan(m, R, BETA).policy;
  const trajectories = sampleTrajectories(m, h, DEMOS, new Random([seed, 0x121]));
  const demos = demonstrations(m, trajectories);
  const fit = maxEntIrl(m, stateIndicators(S, A), demos);
  const centre = (xs: ArrayLike<number>) => {
    const mean = Array.from(xs).reduce((t, x) => t + x, 0) / xs.length;
    return Array.from(xs, (x) => x - mean);
  };
  const fc = centre(fit.theta);
  const tc = centre(r.map((x) => BETA * x));
  const trueReturn = (p: Parameters<typeof policyReturn>[1]) => policyReturn(m, p, R);
  const scored = scoreDecompositions(decompositions(m, fit.reward, 1), fit.policy, demos, PRIOR, trueReturn);
  const simplest = scored.reduce((b, d) => (d.score < b.score ? d : b));
  const flip = signFlipDistance(m, R, BETA);
  const returns = {
    h: trueReturn(h),
    optimal: trueReturn(optimalPolicy(m, R)),
    unbounded_fit: trueReturn(optimalPolicy(m, fit.reward)),
  };
  const [rational, anti] = scored;
  return {
    kind: 'experiment',
    experiment: 'whole-irl',
    title: wholeIrlExperiment.title,
    seed,
    summary: `learn the whole: MaxEnt IRL (β = 1 assumed) fits ${DEMOS} trajectories of H; un-bounded, its reward returns ${fixed(returns.unbounded_fit)} (H itself ${fixed(returns.h)}, best ${fixed(returns.optimal)}); (β, R) and (−β, −R) give the same policy (largest difference ${flip}) and the same simplicity score (${fixed(rational.score)} = ${fixed(anti.score)}), yet un-bounded they return ${fixed(rational.unboundedReturn)} and ${fixed(anti.unboundedReturn)}; the simplest decomposition is ${simplest.name} (score ${fixed(simplest.score)}): the learned H is not identified without assumptions about H’s rationality`,
    states: [...STATES],
    actions: [...ACTIONS],
    horizon: HORIZON,
    parts: Object.fromEntries(
      Object.entries(PARTS).map(([name, p]) => [
        name,
        {
          weight: p.weight,
          reward: byName(
            STATES,
            STATES.map((_, s) => (s === p.state ? 1 : 0)),
          ),
        },
      ]),
    ),
    true_reward: byName(STATES, r),
    true_beta: BETA,
    demonstrations: DEMOS,
    fit: {
      reward: byName(STATES, fit.theta),
      centred_error: byName(
        STATES,
        fc.map((x, s) => x - tc[s]),
      ),
      policy_distance: policyDistance(fit.policy, h),
      iterations: fit.iterations,
    },
    returns,
    sign_flip_distance: flip,
    prior: { l1: PRIOR.l1, per_parameter: PRIOR.perParameter },
    decompositions: scored,
    simplest: simplest.name,
  };
}

export const wholeIrlExperiment: Experiment<WholeIrlExperiment> = {
  name: 'whole-irl',
  title: 'Learning the whole H from its trajectories: inverse RL and the Armstrong–Mindermann ambiguity',
  description: `H walks a chain of ${STATES.length} states (${STATES.join(', ')}; actions back, stay, forward, each move failing with probability ${SLIP}; ${HORIZON} steps from the commute). H’s reward is its Σ, weighted utilitarian over two parts: rest (weight ${PARTS.rest.weight}, reward 1 at rest) and ambition (weight ${PARTS.ambition.weight}, reward 1 at deep-work). H is Boltzmann-rational with β = ${BETA} (soft value iteration). A learns the whole from ${DEMOS} seeded trajectories of H by maximum-entropy inverse RL (Ziebart et al. 2008: one indicator feature per state, β = 1 assumed, gradient ascent on the log-likelihood with exact state-visitation frequencies), then un-bounds: plans with the learned reward, β → ∞. The fitted reward is compared with β·R modulo a constant shift (every trajectory has ${HORIZON} steps, so a constant is not identified; nor is β, which the fit absorbs). Then the same behaviour is decomposed into planner and reward as Armstrong & Mindermann (NeurIPS 2018) do — rational (β, R), anti-rational (−β, −R), over-rational (cβ, R/c), myopic with R = log π, indifferent with R = 0 — and each pair is scored by a simplicity prior: negative log-likelihood + ${PRIOR.l1}·‖R‖₁ + ${PRIOR.perParameter} per planner parameter (lower is simpler).`,
  essay:
    '“It is often unclear what is supposed to happen next, once the AI system has learned to represent the whole system. I assume that in most cases, the next step is that all parts, the aggregation process, and the world modelling apparatus are made less computationally bounded.” Learning the whole from behaviour, then un-bounding it, needs an assumption about how rational the whole is: (β, R) and (−β, −R) explain H equally well, and a simplicity prior does not choose between them.',
  run: runWholeIrl,
};
