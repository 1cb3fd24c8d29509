/**
 * A's agents in sequential problems: each is an objective (objective.ts) and a look-ahead, and
 * gives a policy for a prepared model — from the exact plan over the product space where it fits
 * (solve.ts), else from online look-ahead (rollout.ts).
 *
 * - boundary/approval/far-sighted: maximizes the sum over the horizon of H's approval, each step's
 *   approval computed with H's internal state at that step. Where A's actions move H's internal
 *   state, this agent reshapes H when that raises the approval it will collect.
 * - boundary/approval/myopic: the same objective, one step at a time.
 * - parts/original/far-sighted and /myopic: maximize the original parts' welfare with their t = 0
 *   weights, Σ_i w_i(0) · r̂_i(s, a); reshaping H never pays under it.
 *
 * Other agents (negotiable RL, with a history-dependent policy) implement `DynamicsAgent` with
 * `policy` only. What a scenario may name are the `AgentEntry`s of the agent registry.
 */
import { UserError } from '../core/errors.js';
import type { OptionSpec, Options } from '../sigma/types.js';
import type { DynamicsModel } from './model.js';
import { approvalObjective, type Objective, originalWelfareObjective } from './objective.js';
import type { Policy } from './policy.js';
import type { StepRecord } from './recorder.js';
import { lookaheadPolicy } from './rollout.js';
import { horizonFor } from './simulate.js';
import { exactRefusal, type Plan, type StochasticRule, solveExact } from './solve.js';

export interface AgentOptions {
  /** Default: the environment's horizon. */
  readonly horizon?: number;
}

/**
 * An agent a sequential scenario may name (the agent registry's entry, src/dynamics/registry.ts):
 * its id, what it does, the options it takes, and how to build it from them.
 */
export type AgentClaim = 'max-approval' | 'max-original-welfare' | 'pareto';

export interface AgentEntry {
  /** "family/name", e.g. boundary/approval. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /**
   * What the agent built with its default options promises (property-tested from the list):
   * 'max-approval' — no agent collects more expected approval over the horizon;
   * 'max-original-welfare' — no agent gives the original parts more expected welfare;
   * 'pareto' — no policy gives every part more, each by its own beliefs.
   */
  readonly claims: readonly AgentClaim[];
  /** The agent for these (already checked) options. */
  make(options: Options): DynamicsAgent;
}

export interface DynamicsAgent {
  /** "family/name/variant", e.g. boundary/approval/far-sighted. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The agent's decision rule on this model. */
  policy(model: DynamicsModel, opts?: AgentOptions): Policy;
  /** What it maximizes, for agents that maximize a per-step objective. */
  objective?(model: DynamicsModel): Objective;
  /** Its exact plan over the product space, for planning agents (a UserError past the solver's limits). */
  plan?(model: DynamicsModel, opts?: AgentOptions): Plan;
  /**
   * For an agent with weights of its own (negotiable RL's priorities): the recorded rows with
   * those weights (and their drift) in place of H's attention. H's attention drift is then not
   * what the agent moves, and the runner reports none.
   */
  ownWeights?(model: DynamicsModel, rows: readonly StepRecord[]): StepRecord[];
  /** Further figures for the runner's report, by field name (part-indexed arrays by part). */
  report?(model: DynamicsModel): Readonly<Record<string, Readonly<Record<string, ArrayLike<number>>>>>;
  /**
   * For an agent whose policy is a stochastic Markov rule (the policy-aggregation agents): the rule,
   * so its totals are evaluated exactly rather than by rollouts.
   */
  stochasticRule?(model: DynamicsModel): StochasticRule;
  /** Further results for the runner's JSON, by field name, as they are (not by part). */
  details?(model: DynamicsModel): Readonly<Record<string, unknown>>;
}

/** Look-ahead: 'horizon' (far-sighted) or a number of steps (1 = myopic). */
export type Lookahead = 'horizon' | number;

/** A planning agent: `objective` maximized with look-ahead `depth`. */
export function plannerAgent(spec: {
  id: string;
  title: string;
  description: string;
  objective: (model: DynamicsModel) => Objective;
  depth: Lookahead;
}): DynamicsAgent {
  const depthFor = (H: number) => (spec.depth === 'horizon' ? H : Math.min(spec.depth, H));
  const plan = (model: DynamicsModel, opts: AgentOptions = {}) => {
    const H = horizonFor(model, opts.horizon);
    return solveExact(model, spec.objective(model), { horizon: H, depth: depthFor(H) });
  };
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    objective: spec.objective,
    plan,
    policy(model, opts = {}) {
      const H = horizonFor(model, opts.horizon);
      const depth = depthFor(H);
      const why = exactRefusal(model, depth);
      if (why === null) return plan(model, opts).policy;
      if (spec.depth === 'horizon')
        throw new UserError(
          `${spec.id} plans over the whole product space, and ${why.replace(/; .*$/, '')}; use its myopic variant ({myopic: true} in a scenario file, or lookaheadAgent in code)`,
          'agent',
        );
      return lookaheadPolicy(model, spec.objective(model), depth, { horizon: H });
    },
  };
}

export const approvalFarSighted = plannerAgent({
  id: 'boundary/approval/far-sighted',
  title: 'Approval, far-sighted',
  description:
    'Maximizes the sum over the horizon of H’s approval, each step’s approval computed with H’s internal state at that step.',
  objective: approvalObjective,
  depth: 'horizon',
});

export const approvalMyopic = plannerAgent({
  id: 'boundary/approval/myopic',
  title: 'Approval, myopic',
  description: 'Takes the action H approves of most now (one-step look-ahead).',
  objective: approvalObjective,
  depth: 1,
});

export const originalFarSighted = plannerAgent({
  id: 'parts/original/far-sighted',
  title: 'Original parts, far-sighted',
  description:
    'Maximizes the sum over the horizon of the original parts’ normalized rewards with their t = 0 weights.',
  objective: originalWelfareObjective,
  depth: 'horizon',
});

export const originalMyopic = plannerAgent({
  id: 'parts/original/myopic',
  title: 'Original parts, myopic',
  description:
    'Takes the action best for the original parts with their t = 0 weights now (one-step look-ahead).',
  objective: originalWelfareObjective,
  depth: 1,
});

/** A planning agent with any objective and look-ahead (id `custom/<objective>/<depth>` unless given). */
export function lookaheadAgent(
  objective: (model: DynamicsModel) => Objective,
  depth: Lookahead,
  id = `custom/lookahead/${depth}`,
): DynamicsAgent {
  return plannerAgent({
    id,
    title: `Look-ahead ${depth}`,
    description: `Maximizes its objective over the next ${depth === 'horizon' ? 'steps to the horizon' : `${depth} steps`}.`,
    objective,
    depth,
  });
}

/** The four planner variants, far-sighted before myopic. */
export const plannerAgents: readonly DynamicsAgent[] = [
  approvalFarSighted,
  approvalMyopic,
  originalFarSighted,
  originalMyopic,
];

const myopic: OptionSpec = {
  name: 'myopic',
  type: 'boolean',
  default: false,
  description: 'Choose by the current step alone instead of planning to the horizon.',
};

/** A planner family with a far-sighted and a myopic variant, chosen by the `myopic` option. */
function plannerEntry(
  id: string,
  title: string,
  description: string,
  claim: AgentClaim,
  farSighted: DynamicsAgent,
  short: DynamicsAgent,
): AgentEntry {
  return {
    id,
    title,
    description,
    options: [myopic],
    claims: [claim],
    make: (options) => (options.myopic === true ? short : farSighted),
  };
}

export const approvalAgent = plannerEntry(
  'boundary/approval',
  'Approval',
  "Maximizes H's approval as H's Σ computes it with the weights H has at each step.",
  'max-approval',
  approvalFarSighted,
  approvalMyopic,
);

export const originalAgent = plannerEntry(
  'parts/original',
  'Original parts',
  "Maximizes H's Σ with the parts' weights frozen at their initial levels.",
  'max-original-welfare',
  originalFarSighted,
  originalMyopic,
);
