/**
 * Agents side by side on one model: for each agent, the expected total over the horizon of H's
 * approval, of the original parts' welfare (t = 0 weights), of drift, and of any further objectives
 * (e.g. how often A nudges) — exactly, by policy evaluation of the agent's plan over the product
 * space, or by seeded rollouts where the agent has no plan or the space is too large.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import type { DynamicsAgent } from './agents.js';
import type { DynamicsModel } from './model.js';
import { approvalObjective, driftObjective, type Objective, originalWelfareObjective } from './objective.js';
import { estimateValue } from './rollout.js';
import { horizonFor } from './simulate.js';
import { evaluateExact, exactRefusal } from './solve.js';

export interface AgentSummary {
  readonly agent: string;
  readonly method: 'exact' | 'rollouts';
  /** Expected Σ_t approval. */
  readonly approval: number;
  /** Expected Σ_t Σ_i w_i(0) · r̂_i(s_t, a_t). */
  readonly originalWelfare: number;
  /** Expected mean drift over the steps. */
  readonly meanDrift: number;
  /** Expected totals of the extra objectives, by name. */
  readonly extra: Readonly<Record<string, number>>;
}

export interface CompareOptions {
  readonly horizon?: number;
  readonly extra?: readonly Objective[];
  /** Needed when some agent is estimated by rollouts. */
  readonly rng?: Random;
  /** Episodes per rollout estimate (default 2000). */
  readonly episodes?: number;
}

export function compareAgents(
  model: DynamicsModel,
  agents: readonly DynamicsAgent[],
  opts: CompareOptions = {},
): AgentSummary[] {
  const H = horizonFor(model, opts.horizon);
  const objectives = [
    approvalObjective(model),
    originalWelfareObjective(model),
    driftObjective(model),
    ...(opts.extra ?? []),
  ];
  return agents.map((agent, k) => {
    let totals: number[];
    let method: 'exact' | 'rollouts';
    // A plan's rule, or a stochastic Markov rule, is evaluated exactly where the space allows.
    const exact = exactRefusal(model, H) === null;
    const rule = !exact
      ? undefined
      : agent.plan
        ? agent.plan(model, { horizon: H }).rule
        : agent.stochasticRule?.(model);
    if (rule) {
      totals = objectives.map((o) => evaluateExact(model, rule, o, { horizon: H }).value);
      method = 'exact';
    } else {
      if (!opts.rng)
        throw new UserError(`agent ${agent.id} is estimated by rollouts here; give a seeded Random`, 'rng');
      const policy = agent.policy(model, { horizon: H });
      const rng = opts.rng.split(k);
      totals = objectives.map(
        (o) => estimateValue(model, policy, o, rng, { horizon: H, episodes: opts.episodes ?? 2000 }).mean,
      );
      method = 'rollouts';
    }
    const extra: Record<string, number> = {};
    (opts.extra ?? []).forEach((o, j) => {
      extra[o.name] = totals[3 + j];
    });
    return {
      agent: agent.id,
      method,
      approval: totals[0],
      originalWelfare: totals[1],
      meanDrift: totals[2] / H,
      extra,
    };
  });
}
