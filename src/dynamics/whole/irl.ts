/**
 * `whole/maxent-irl`: A learns the whole H from its behaviour, then un-bounds it (the essay's "learn
 * the whole system, then make it less computationally bounded"). H's behaviour is modelled as a
 * Boltzmann-rational planner (rationality β, the `rationality` option) of its Σ over the truth —
 * R(s, a) = Σ_i w_i(0) · r̂_i(s, a), the original parts' welfare table — and A sees `demonstrations`
 * seeded trajectories of it. Maximum-entropy inverse RL (learn/irl/maxent.ts; β = 1 assumed, one
 * indicator feature per state and action) fits a reward; A then plans with it, β → ∞.
 *
 * The same behaviour is then decomposed into planner and reward as Armstrong & Mindermann
 * (NeurIPS 2018) do — rational (β, R), anti-rational (−β, −R), over-rational, myopic, indifferent —
 * each scored by the scenario's simplicity prior (`prior_l1` per unit of ‖R‖₁, `prior_per_parameter`
 * per planner parameter): the prior is stated in the scenario file, and the report shows that it
 * cannot tell (β, R) from (−β, −R) — they explain H equally well at the same cost — though
 * un-bounded they do opposite things.
 *
 * H's internal state is not in the learned reward's domain: a scenario whose actions or states
 * shift H's attention (internal:) is refused, since no reward over states and actions is H's then.
 */
import { UserError } from '../../core/errors.js';
import { Random } from '../../core/random.js';
import {
  decompositions,
  demonstrations,
  maxEntIrl,
  optimalPolicy,
  policyDistance,
  policyReturn,
  sampleTrajectories,
  signFlipDistance,
  type ScoredDecomposition,
  scoreDecompositions,
  softPlan,
  stateActionIndicators,
  type StepPolicy,
  type TabularMdp,
} from '../../learn/irl/index.js';
import type { OptionSpec, Options } from '../../sigma/types.js';
import type { AgentEntry, AgentOptions, DynamicsAgent } from '../agents.js';
import { numberOf, numberOption, seedOption } from '../learners/agent.js';
import type { DynamicsModel } from '../model.js';
import { objectiveOf, originalWelfareObjective, originalWelfareTable } from '../objective.js';
import { evaluateExact, type Plan, solveExact } from '../solve.js';

/** The fit's features are S·A indicators and each gradient step costs about H·(S·A)²: a bound keeps it seconds. */
const MAX_PAIRS = 400;

const rationality = numberOption(
  'rationality',
  2,
  'β of H as a Boltzmann-rational planner of its Σ: how H’s demonstrations are generated.',
  (x) => x >= 0.01 && x <= 100,
  'a rationality in 0.01 … 100',
);
const demonstrationsOption = numberOption(
  'demonstrations',
  500,
  'Trajectories of H that A learns from (seeded).',
  (x) => Number.isInteger(x) && x >= 1 && x <= 100_000,
  'a whole number of trajectories in 1 … 100,000',
);
const priorL1 = numberOption(
  'prior_l1',
  1,
  'Simplicity prior: the cost of each unit of ‖R‖₁ (the reward’s size).',
  (x) => x >= 0 && x <= 1_000,
  'a cost in 0 … 1,000',
);
const priorPerParameter = numberOption(
  'prior_per_parameter',
  1,
  'Simplicity prior: the cost of each planner parameter beyond the reward.',
  (x) => x >= 0 && x <= 1_000,
  'a cost in 0 … 1,000',
);
const demonstrationSeed: OptionSpec = { ...seedOption, description: 'Seed of the demonstrations.' };
const options: OptionSpec[] = [
  rationality,
  demonstrationsOption,
  priorL1,
  priorPerParameter,
  demonstrationSeed,
];

/** What the run reports beside the totals (JSON field `irl`). */
export interface WholeIrlDetails {
  readonly rationality: number;
  readonly demonstrations: number;
  readonly prior: { readonly l1: number; readonly per_parameter: number };
  /** Expected return by H's Σ (the original parts' welfare) over the horizon. */
  readonly returns: { readonly h: number; readonly optimal: number; readonly unbounded_fit: number };
  /** The fit: largest difference between its β = 1 policy and H's, and its gradient steps. */
  readonly fit: { readonly policy_distance: number; readonly iterations: number };
  /** (β, R) against (−β, −R): the largest difference of their policies (0: the same behaviour). */
  readonly sign_flip_distance: number;
  readonly decompositions: readonly {
    readonly name: string;
    readonly planner: string;
    /** Mean log-likelihood of the demonstrations, ‖R‖₁ and planner parameters: what the score sums. */
    readonly log_likelihood: number;
    readonly reward_l1: number;
    readonly planner_parameters: number;
    readonly score: number;
    readonly policy_distance: number;
    readonly unbounded_return: number;
  }[];
  /** The decompositions with the lowest score under the prior (several when tied). */
  readonly simplest: readonly string[];
}

function tabular(model: DynamicsModel): TabularMdp {
  const { internal } = model.principal;
  if (internal.actionShift.some((x) => x !== 0) || internal.stateShift.some((x) => x !== 0))
    throw new UserError(
      'whole/maxent-irl learns a reward over states and actions; this scenario’s internal dynamics move H’s weights, so no such reward is H’s',
      'agent',
    );
  if (model.S * model.A > MAX_PAIRS)
    throw new UserError(
      `whole/maxent-irl fits one feature per state and action: ${model.S} × ${model.A} is over its bound of ${MAX_PAIRS}`,
      'agent',
    );
  const { truth, start, horizon } = model.env;
  return { S: model.S, A: model.A, T: truth, start, horizon };
}

/** Fits by model, rationality, demonstrations and seed: agents that differ only in their prior share one. */
const fits = new WeakMap<DynamicsModel, Map<string, ReturnType<typeof fitOnce>>>();

function fitOnce(m: TabularMdp, R: Float64Array, beta: number, count: number, seed: number) {
  const h = softPlan(m, R, beta).policy;
  const demos = demonstrations(m, sampleTrajectories(m, h, count, new Random([seed, 0x121])));
  return { h, demos, fit: maxEntIrl(m, stateActionIndicators(m.S, m.A), demos) };
}

function fitted(
  model: DynamicsModel,
  m: TabularMdp,
  R: Float64Array,
  beta: number,
  count: number,
  seed: number,
) {
  let byKey = fits.get(model);
  if (!byKey) {
    byKey = new Map();
    fits.set(model, byKey);
  }
  const key = `${beta}:${count}:${seed}`;
  let f = byKey.get(key);
  if (!f) {
    f = fitOnce(m, R, beta, count, seed);
    byKey.set(key, f);
  }
  return f;
}

function learn(model: DynamicsModel, o: Options): { plan: Plan; details: WholeIrlDetails } {
  const m = tabular(model);
  const beta = numberOf(o, rationality);
  const count = numberOf(o, demonstrationsOption);
  const prior = { l1: numberOf(o, priorL1), perParameter: numberOf(o, priorPerParameter) };
  const R = originalWelfareTable(model);
  const { h, demos, fit } = fitted(model, m, R, beta, count, numberOf(o, demonstrationSeed));
  const trueReturn = (p: StepPolicy) => policyReturn(m, p, R);
  const scored: ScoredDecomposition[] = scoreDecompositions(
    decompositions(m, fit.reward, 1),
    fit.policy,
    demos,
    prior,
    trueReturn,
  );
  const best = Math.min(...scored.map((d) => d.score));
  // Un-bounding: the exact plan for the learned reward (the engine's solver, so its ties are broken
  // as every planning agent's are), its true return by the same exact evaluation as the runner's.
  const learnedReward = fit.reward;
  const plan = solveExact(
    model,
    objectiveOf('learned reward', (_t, s, _code, a) => learnedReward[s * m.A + a], true),
    { horizon: m.horizon },
  );
  const unbounded = evaluateExact(model, plan.rule, originalWelfareObjective(model)).value;
  const flip = signFlipDistance(m, R, beta);
  return {
    plan,
    details: {
      rationality: beta,
      demonstrations: count,
      prior: { l1: prior.l1, per_parameter: prior.perParameter },
      returns: {
        h: trueReturn(h),
        optimal: trueReturn(optimalPolicy(m, R)),
        unbounded_fit: unbounded,
      },
      fit: { policy_distance: policyDistance(fit.policy, h), iterations: fit.iterations },
      sign_flip_distance: flip,
      decompositions: scored.map((d) => ({
        name: d.name,
        planner: d.planner,
        log_likelihood: d.logLikelihood,
        reward_l1: d.rewardL1,
        planner_parameters: d.plannerParameters,
        score: d.score,
        policy_distance: d.policyDistance,
        unbounded_return: d.unboundedReturn,
      })),
      // Scores within 1e-9 (relative) are one: the rational and anti-rational pairs cost the same.
      simplest: scored.filter((d) => d.score <= best + 1e-9 * Math.max(1, Math.abs(best))).map((d) => d.name),
    },
  };
}

function wholeIrlAgent(o: Options): DynamicsAgent {
  const learned = new WeakMap<DynamicsModel, ReturnType<typeof learn>>();
  const get = (model: DynamicsModel) => {
    let r = learned.get(model);
    if (!r) {
      r = learn(model, o);
      learned.set(model, r);
    }
    return r;
  };
  const planFor = (model: DynamicsModel, opts: AgentOptions = {}): Plan => {
    if (opts.horizon !== undefined && opts.horizon !== model.env.horizon)
      throw new UserError(
        `whole/maxent-irl learns from trajectories of the scenario's horizon (${model.env.horizon}), not ${opts.horizon}`,
        'horizon',
      );
    return get(model).plan;
  };
  return {
    id: 'whole/maxent-irl',
    title: wholeIrlEntry.title,
    description: wholeIrlEntry.description,
    plan: planFor,
    policy: (model, opts) => planFor(model, opts).policy,
    details: (model) => ({ irl: get(model).details }),
  };
}

export const wholeIrlEntry: AgentEntry = {
  id: 'whole/maxent-irl',
  title: 'Learn the whole: maximum-entropy inverse RL, then un-bound',
  description:
    'Fits a reward to seeded trajectories of H (a Boltzmann-rational planner of its Σ) by maximum-entropy inverse RL, β = 1 assumed, then plans with it, β → ∞; scores the Armstrong–Mindermann decompositions of the same behaviour by the simplicity prior the options state.',
  options,
  claims: [],
  make: (o) => wholeIrlAgent(o),
};
