/**
 * critch/nrl as an agent of the simulation loop: the exact negotiable-RL policy (solver.ts) for the
 * principal's parts, their own beliefs and prior weights (the parts' declared weights, or an
 * explicit prior). It ignores H's internal state: its priorities move only with the likelihood
 * each part's beliefs gave the observations.
 */
import { totalVariation } from '../../core/distance.js';
import type { SequentialPrincipal } from '../../core/sequential.js';
import type { AgentEntry, DynamicsAgent } from '../agents.js';
import { nestedShares } from '../nesting.js';
import type { DynamicsModel } from '../model.js';
import type { StepRecord } from '../recorder.js';
import { beliefsOf, type NrlProblem, type NrlSolution, priorOf, shapeOf } from './problem.js';
import { decisionAt } from './policies.js';
import { nrlWeightPath } from './weights.js';
import { solveNrl } from './solver.js';

/**
 * The NRL problem of a model, with the parts' weights replaced by `prior` when given. In a
 * hierarchy the parts are the leaves and the default prior is their declared shares down the tree
 * (nesting.ts), so a team's weight is split among its members.
 */
export function nrlProblem(
  model: { env: NrlProblem['env']; principal: SequentialPrincipal },
  prior?: ArrayLike<number>,
): NrlProblem {
  const h = model.principal;
  if (!prior && h.tree) {
    const shares = nestedShares(h, null, new Float64Array(h.parts.length));
    return { env: model.env, parts: h.parts.map((p, i) => ({ ...p, weight: shares[i] })), shares: true };
  }
  const parts = h.parts.map((p, i) => (prior ? { ...p, weight: prior[i] } : p));
  return { env: model.env, parts };
}

/** The NRL agent, with its exact solution exposed (solved once per model, however often asked). */
export interface NrlAgent extends DynamicsAgent {
  solution(model: DynamicsModel): NrlSolution;
}

export function nrlAgent(prior?: ArrayLike<number>): NrlAgent {
  const solved = new WeakMap<DynamicsModel, NrlSolution>();
  const solution = (model: DynamicsModel): NrlSolution => {
    let sol = solved.get(model);
    if (!sol) {
      sol = solveNrl(nrlProblem(model, prior));
      solved.set(model, sol);
    }
    return sol;
  };
  return {
    solution,
    ownWeights: (model, rows) => priorityRows(model, rows, prior),
    report: (model) => {
      const sol = solution(model);
      return { nrl: { own_beliefs: sol.own, truth: sol.truth } };
    },
    id: 'critch/nrl',
    title: 'Critch: negotiable RL',
    description:
      'The Pareto-optimal policy for parts with different beliefs: each part is weighted by its prior weight times the likelihood its beliefs gave the observations so far.',
    policy(model) {
      const p = nrlProblem(model, prior);
      const { policy } = solution(model);
      const shape = shapeOf(model.env);
      const { A } = shape;
      return (m) => {
        const a = decisionAt(policy, m.history.states);
        if (a >= 0) return a;
        // A replayed history the solved tree never reaches (an observation the truth calls
        // impossible): act for the parts as the history weights them now, one step at a time.
        const states = m.history.states;
        const path = nrlWeightPath(priorOf(p), beliefsOf(p), { states, actions: m.history.actions }, shape);
        const n = p.parts.length;
        const w = path.subarray((states.length - 1) * n, states.length * n);
        let best = 0;
        let bestValue = -Infinity;
        for (let b = 0; b < A; b++) {
          let v = 0;
          for (let i = 0; i < n; i++) v += w[i] * model.welfare[i][m.state * A + b];
          if (v > bestValue + 1e-12) {
            bestValue = v;
            best = b;
          }
        }
        return best;
      };
    },
  };
}

/** NRL's priorities along the recorded states and actions, in place of H's attention. */
function priorityRows(
  model: DynamicsModel,
  rows: readonly StepRecord[],
  prior?: ArrayLike<number>,
): StepRecord[] {
  if (rows.length === 0) return [];
  const p = nrlProblem(model, prior);
  const states = [rows[0].state, ...rows.map((r) => r.observation)];
  const actions = rows.map((r) => r.action);
  const path = nrlWeightPath(priorOf(p), beliefsOf(p), { states, actions }, shapeOf(model.env));
  const n = p.parts.length;
  const w0 = path.subarray(0, n);
  return rows.map((r, t) => {
    const w = path.slice(t * n, (t + 1) * n);
    return { ...r, weights: w, drift: totalVariation(w, w0) };
  });
}

export const nrlEntry: AgentEntry = {
  id: 'critch/nrl',
  title: 'Critch: negotiable RL',
  description:
    "Negotiable RL: Pareto-optimal for parts with different beliefs, each part's weight multiplied by how well its beliefs predicted the observations.",
  claims: ['pareto'],
  options: [
    {
      name: 'prior',
      type: 'number[]',
      description:
        "Each part's weight before any observation: a list in part order, or {part: weight}. Default: the declared weights.",
    },
  ],
  make: (options) => nrlAgent(Array.isArray(options.prior) ? (options.prior as number[]) : undefined),
};
