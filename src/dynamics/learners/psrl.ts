/**
 * learner/psrl: posterior sampling for reinforcement learning (Strens 2000; Osband, Russo & Van Roy
 * 2013) on the product space world × H's internal state. The agent starts without the model of H's
 * internal dynamics — how its actions and the world move H's attention, and how H's approval
 * depends on it — and with a prior over it (posterior.ts). Each episode it draws one model from
 * the posterior, plans in it exactly to the horizon (learned.ts) and follows that plan, updating
 * the posterior with every step. After the last episode it acts on the plan for the posterior
 * mean. It maximizes H's approval, as boundary/approval does: what it learns is what the planner
 * was given.
 */
import type { AgentEntry } from '../agents.js';
import type { DynamicsModel } from '../model.js';
import {
  episodesOption,
  type LearnerAgent,
  learnerAgent,
  numberOf,
  numberOption,
  seedOption,
} from './agent.js';
import type { Learner } from './episodes.js';
import { type LearnedPlan, planLearned, shapeOf } from './learned.js';
import { Posterior, type PosteriorOptions } from './posterior.js';

export interface PsrlSettings extends PosteriorOptions {
  readonly episodes: number;
  readonly seed: number;
}

/** PSRL's learner on one model: the posterior and the plan it follows this episode. */
export function psrlLearner(
  model: DynamicsModel,
  horizon: number,
  opts: PosteriorOptions,
): Learner & { posterior: Posterior } {
  const shape = shapeOf(model);
  const posterior = new Posterior(shape, opts);
  let plan: LearnedPlan | null = null;
  return {
    posterior,
    startEpisode(rng) {
      plan = planLearned(shape, posterior.sample(rng), horizon);
    },
    act: (t, s, code) => plan!.rule(t, s, code),
    observe: (x) => posterior.observe(x.s, x.code, x.levels, x.a, x.r, x.s2, x.levels2),
    greedy: () => planLearned(shape, posterior.mean(), horizon).rule,
    model: () => posterior.mean(),
  };
}

export function psrlAgent(settings: PsrlSettings): LearnerAgent {
  return learnerAgent({
    id: 'learner/psrl',
    title: 'Learner: posterior sampling (PSRL)',
    description: `Learns H’s internal dynamics and approval from ${settings.episodes} episodes of interaction (a model drawn from its posterior each episode, planned in exactly), then maximizes H’s approval under its posterior-mean model.`,
    settings,
    learner: (model, horizon) => psrlLearner(model, horizon, settings),
  });
}

const episodes = episodesOption(300);
const dirichlet = numberOption(
  'dirichlet',
  1,
  'Dirichlet pseudo-count of every successor in the prior over the world’s and H’s transitions.',
  (x) => x > 0 && Number.isFinite(x),
  'a positive number',
);
const rewardSd = numberOption(
  'reward-sd',
  0.5,
  'Prior sd of H’s approval of an action not yet tried (prior mean 0.5; approval is in [0, 1]).',
  (x) => x > 0 && Number.isFinite(x),
  'a positive number',
);

export const psrlEntry: AgentEntry = {
  id: 'learner/psrl',
  title: 'Learner: posterior sampling (PSRL)',
  description:
    'Starts without the model of H’s internal dynamics and learns it from observed approval: a Dirichlet posterior over the world’s and each part’s attention transitions and a normal posterior over H’s approval; each episode it plans in one model drawn from the posterior. Then it maximizes approval as boundary/approval does.',
  options: [episodes, seedOption, dirichlet, rewardSd],
  claims: [],
  make: (o) =>
    psrlAgent({
      episodes: numberOf(o, episodes),
      seed: numberOf(o, seedOption),
      dirichlet: numberOf(o, dirichlet),
      rewardSd: numberOf(o, rewardSd),
    }),
};
