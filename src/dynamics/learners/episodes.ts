/**
 * The learning loop shared by the learners: episodes of interaction with H under the true
 * dynamics, from the start distribution and H's initial internal state, each step showing the
 * learner the world state, H's internal state (its attention levels), the approval H gives the
 * action and where the world and H moved. Nothing else of the model is the learner's to read.
 *
 * At chosen episodes the loop measures the policy the learner would act on if it stopped learning
 * (`greedy`) exactly under the truth, with the runner's measures (compare.ts): H's expected approval
 * over the horizon, the original parts' welfare with their t = 0 weights, and the mean drift of H's
 * attention — the learning curve.
 */
import type { Random } from '../../core/random.js';
import type { DynamicsModel } from '../model.js';
import { approvalObjective, driftObjective, originalWelfareObjective } from '../objective.js';
import { type DecisionRule, evaluateExact } from '../solve.js';
import { encodeLevels, nextLevels } from '../space.js';
import type { LearnedModel } from './learned.js';

/** One step as the learner sees it. */
export interface Step {
  readonly t: number;
  readonly s: number;
  readonly code: number;
  readonly levels: Int32Array;
  readonly a: number;
  /** H's approval of a. */
  readonly r: number;
  readonly s2: number;
  readonly code2: number;
  readonly levels2: Int32Array;
}

export interface Learner {
  /** Called before each episode (PSRL draws its model here). */
  startEpisode(rng: Random): void;
  /** The action taken at step t (exploration included). */
  act(t: number, s: number, code: number, rng: Random): number;
  observe(step: Step): void;
  /** The policy it would follow if it stopped learning now. */
  greedy(): DecisionRule;
  /** A model-based learner's model of the dynamics now (PSRL: its posterior mean). */
  model?(): LearnedModel;
}

/** The runner's three measures of one policy, exact under the truth. */
export interface PolicyMeasures {
  readonly approval: number;
  readonly originalWelfare: number;
  readonly meanDrift: number;
}

export function measurePolicy(model: DynamicsModel, rule: DecisionRule, horizon: number): PolicyMeasures {
  const at = (o: Parameters<typeof evaluateExact>[2]) => evaluateExact(model, rule, o, { horizon }).value;
  return {
    approval: at(approvalObjective(model)),
    originalWelfare: at(originalWelfareObjective(model)),
    meanDrift: at(driftObjective(model)) / horizon,
  };
}

export interface LearningCurve {
  /** The episodes after which the greedy policy was measured (0 = before any). */
  readonly episodes: readonly number[];
  readonly approval: readonly number[];
  readonly originalWelfare: readonly number[];
  readonly meanDrift: readonly number[];
}

export interface LearningRun {
  readonly final: DecisionRule;
  readonly curve: LearningCurve;
  /** The model a model-based learner ends with. */
  readonly learned?: LearnedModel;
}

/** About `points` episode counts from 0 to `episodes`, denser early, where learning is fast. */
export function checkpoints(episodes: number, points = 24): number[] {
  const out = new Set<number>([0, episodes]);
  for (let k = 1; k < points; k++) out.add(Math.round(episodes * (k / points) ** 2));
  return [...out].sort((a, b) => a - b);
}

export function learn(
  model: DynamicsModel,
  learner: Learner,
  opts: { episodes: number; horizon: number; rng: Random; checkpoints?: readonly number[] },
): LearningRun {
  const { episodes, horizon: H, rng } = opts;
  const marks = new Set(opts.checkpoints ?? []);
  const curve = {
    episodes: [] as number[],
    approval: [] as number[],
    originalWelfare: [] as number[],
    meanDrift: [] as number[],
  };
  const mark = (k: number) => {
    if (!marks.has(k)) return;
    const m = measurePolicy(model, learner.greedy(), H);
    curve.episodes.push(k);
    curve.approval.push(m.approval);
    curve.originalWelfare.push(m.originalWelfare);
    curve.meanDrift.push(m.meanDrift);
  };
  const internal = model.principal.internal;
  let lv = new Int32Array(model.n);
  let lv2 = new Int32Array(model.n);
  mark(0);
  for (let k = 1; k <= episodes; k++) {
    learner.startEpisode(rng);
    let s = rng.weighted(model.env.start);
    lv.set(model.initialLevels);
    let code = model.initialCode;
    for (let t = 0; t < H; t++) {
      const a = learner.act(t, s, code, rng);
      const r = model.approval(s, code)[a];
      const s2 = rng.weighted(
        model.env.truth.subarray((s * model.A + a) * model.S, (s * model.A + a + 1) * model.S),
      );
      nextLevels(internal, lv, a, s2, lv2);
      const code2 = encodeLevels(model.space, lv2);
      learner.observe({ t, s, code, levels: lv, a, r, s2, code2, levels2: lv2 });
      [lv, lv2] = [lv2, lv];
      s = s2;
      code = code2;
    }
    mark(k);
  }
  const learned = learner.model?.();
  return { final: learner.greedy(), curve, ...(learned ? { learned } : {}) };
}
