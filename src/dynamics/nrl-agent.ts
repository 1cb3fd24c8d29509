/**
 * critch/nrl as an agent of the simulation loop: the exact negotiable-RL policy (nrl.ts) for the
 * principal's parts, their own beliefs and prior weights (the parts' declared weights, or an
 * explicit prior). It ignores H's internal state: its priorities move only with the likelihood
 * each part's beliefs gave the observations.
 */
import type { DynamicsAgent } from './agents.js';
import { historyPolicyFn, type NrlProblem, solveNrl } from './nrl.js';

/** The NRL problem of a model, with the parts' weights replaced by `prior` when given. */
export function nrlProblem(
  model: { env: NrlProblem['env']; principal: { parts: NrlProblem['parts'] } },
  prior?: ArrayLike<number>,
): NrlProblem {
  const parts = model.principal.parts.map((p, i) => (prior ? { ...p, weight: prior[i] } : p));
  return { env: model.env, parts };
}

export function nrlAgent(prior?: ArrayLike<number>): DynamicsAgent {
  return {
    id: 'critch/nrl',
    title: 'Critch: negotiable RL',
    description:
      'The Pareto-optimal policy for parts with different beliefs: each part is weighted by its prior weight times the likelihood its beliefs gave the observations so far.',
    policy(model) {
      return historyPolicyFn(solveNrl(nrlProblem(model, prior)).policy);
    },
  };
}
