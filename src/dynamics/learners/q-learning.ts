/**
 * learner/q-learning: model-free, tabular Q-learning over (step, world state, H's internal state,
 * action) — Watkins & Dayan 1992, in its finite-horizon form. It never models H's dynamics; it
 * only sees the approval each action earned and where it landed.
 *
 *   Q_t(x, a) ← Q_t(x, a) + α · (r + max_b Q_{t+1}(x', b) − Q_t(x, a)),   Q_H ≡ 0
 *
 * Hyper-parameters: α = 1 / (visits of (t, x, a)) — the running mean, which on deterministic
 * dynamics makes each update exact once its successor's values are; Q initialized to H − t, the
 * most approval the remaining steps can give (approval ≤ 1), so every action is tried (optimism);
 * ε-greedy exploration with a fixed ε (default 0.1), greedy ties to the lowest action.
 */
import type { AgentEntry } from '../agents.js';
import type { DynamicsModel } from '../model.js';
import type { DecisionRule } from '../solve.js';
import {
  episodesOption,
  type LearnerAgent,
  learnerAgent,
  numberOf,
  numberOption,
  seedOption,
} from './agent.js';
import type { Learner } from './episodes.js';

export interface QSettings {
  readonly episodes: number;
  readonly seed: number;
  readonly epsilon: number;
}

export function qLearner(
  model: DynamicsModel,
  horizon: number,
  epsilon: number,
): Learner & { q: Float64Array } {
  const A = model.A;
  const N = model.space.size;
  const C = model.space.codes;
  const q = new Float64Array(horizon * N * A);
  const visits = new Float64Array(horizon * N * A);
  for (let t = 0; t < horizon; t++) q.fill(horizon - t, t * N * A, (t + 1) * N * A);
  const best = (t: number, x: number) => {
    const base = (t * N + x) * A;
    let arg = 0;
    for (let a = 1; a < A; a++) if (q[base + a] > q[base + arg] + 1e-12) arg = a;
    return arg;
  };
  return {
    q,
    startEpisode() {},
    act: (t, s, code, rng) => (rng.float() < epsilon ? rng.int(A) : best(t, s * C + code)),
    observe({ t, s, code, a, r, s2, code2 }) {
      const k = (t * N + s * C + code) * A + a;
      const x2 = s2 * C + code2;
      const target = r + (t + 1 < horizon ? q[((t + 1) * N + x2) * A + best(t + 1, x2)] : 0);
      visits[k]++;
      q[k] += (target - q[k]) / visits[k];
    },
    greedy: (): DecisionRule => {
      const frozen = Float64Array.from(q);
      return (t, s, code) => {
        const base = (t * N + s * C + code) * A;
        let arg = 0;
        for (let a = 1; a < A; a++) if (frozen[base + a] > frozen[base + arg] + 1e-12) arg = a;
        return arg;
      };
    },
  };
}

export function qAgent(settings: QSettings): LearnerAgent {
  return learnerAgent({
    id: 'learner/q-learning',
    title: 'Learner: Q-learning',
    description: `Model-free: learns the value of each action at each step, world state and internal state of H from ${settings.episodes} episodes of observed approval (ε = ${settings.epsilon}), then acts greedily on it.`,
    settings,
    learner: (model, horizon) => qLearner(model, horizon, settings.epsilon),
  });
}

const episodes = episodesOption(2000);
const epsilon = numberOption(
  'epsilon',
  0.1,
  'Probability of a uniformly random action at each learning step (ε-greedy).',
  (x) => x >= 0 && x <= 1,
  'a probability in 0 … 1',
);

export const qLearningEntry: AgentEntry = {
  id: 'learner/q-learning',
  title: 'Learner: Q-learning',
  description:
    'Model-free tabular Q-learning of H’s approval over (step, world state, H’s internal state): learning rate 1/visits, optimistic start, ε-greedy exploration; then greedy. It never models how its actions move H.',
  options: [episodes, seedOption, epsilon],
  claims: [],
  make: (o) =>
    qAgent({ episodes: numberOf(o, episodes), seed: numberOf(o, seedOption), epsilon: numberOf(o, epsilon) }),
};
