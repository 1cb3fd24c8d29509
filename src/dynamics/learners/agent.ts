/**
 * A learner as an agent of the simulation loop and the runner: it learns on the scenario's model
 * (episodes of interaction under the true dynamics, seeded) and then acts on what it learned —
 * PSRL on its posterior-mean model, the Q-learner greedily on its Q. Its plan is that final
 * policy, so the runner measures it exactly, as it measures the planners.
 */
import { UserError } from '../../core/errors.js';
import { Random } from '../../core/random.js';
import type { OptionSpec } from '../../sigma/types.js';
import type { AgentOptions, DynamicsAgent } from '../agents.js';
import type { DynamicsModel } from '../model.js';
import { approvalObjective } from '../objective.js';
import { horizonFor } from '../simulate.js';
import { evaluateExact, exactRefusal, type Plan } from '../solve.js';
import { checkpoints, type Learner, type LearningRun, learn } from './episodes.js';

export interface LearnerSettings {
  readonly episodes: number;
  readonly seed: number;
}

/** A learning agent, with the run that taught it exposed (learned once per model and horizon). */
export interface LearnerAgent extends DynamicsAgent {
  learning(model: DynamicsModel, opts?: AgentOptions): LearningRun;
}

export function learnerAgent(spec: {
  id: string;
  title: string;
  description: string;
  settings: LearnerSettings;
  learner: (model: DynamicsModel, horizon: number) => Learner;
}): LearnerAgent {
  const runs = new WeakMap<DynamicsModel, Map<number, LearningRun>>();
  const learning = (model: DynamicsModel, opts: AgentOptions = {}): LearningRun => {
    const H = horizonFor(model, opts.horizon);
    let byHorizon = runs.get(model);
    if (!byHorizon) runs.set(model, (byHorizon = new Map()));
    let run = byHorizon.get(H);
    if (!run) {
      refuseUnlessSmall(spec.id, model, H);
      const { episodes, seed } = spec.settings;
      run = learn(model, spec.learner(model, H), {
        episodes,
        horizon: H,
        rng: new Random([seed, 0x1ea2]),
        checkpoints: checkpoints(episodes),
      });
      byHorizon.set(H, run);
    }
    return run;
  };
  const plan = (model: DynamicsModel, opts: AgentOptions = {}): Plan => {
    const H = horizonFor(model, opts.horizon);
    const rule = learning(model, opts).final;
    const { values, value } = evaluateExact(model, rule, approvalObjective(model), { horizon: H });
    return {
      objective: 'approval',
      horizon: H,
      depth: H,
      rule,
      policy: (m) => rule(m.t, m.state, m.code),
      values,
      value,
      backups: 0,
    };
  };
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    objective: approvalObjective,
    learning,
    plan,
    policy: (model, opts) => plan(model, opts).policy,
  };
}

/** Most (step, product state, action) cells a learner tabulates (2^25: 256 MB of Q-values and visit counts). */
export const LEARNER_CELL_LIMIT = 2 ** 25;

/** A learner tabulates over step × product state × action and is measured exactly: it refuses past either limit. */
function refuseUnlessSmall(id: string, model: DynamicsModel, H: number): void {
  const why = exactRefusal(model, H);
  if (why)
    throw new UserError(
      `${id} learns over the whole product space, and ${why.replace(/; .*$/, '')}`,
      'agent',
    );
  const cells = H * model.space.size * model.A;
  if (cells > LEARNER_CELL_LIMIT)
    throw new UserError(
      `${id} learns over ${H} steps × ${model.space.size.toLocaleString('en-US')} product states × ${model.A} actions = ${cells.toLocaleString('en-US')} cells, more than ${LEARNER_CELL_LIMIT.toLocaleString('en-US')}; shorten the horizon or shrink the internal state`,
      'agent',
    );
}

const whole = (lo: number, hi: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi
    ? undefined
    : `expected a whole number in ${lo} … ${hi.toLocaleString('en-US')}, got ${String(v)}`;

/** Most learning episodes an agent may be asked for. */
export const MAX_EPISODES = 1_000_000;

export const episodesOption = (byDefault: number): OptionSpec => ({
  name: 'episodes',
  type: 'number',
  default: byDefault,
  description: 'Learning episodes (each the scenario’s horizon long) before the agent acts.',
  check: whole(1, MAX_EPISODES),
});

export const seedOption: OptionSpec = {
  name: 'seed',
  type: 'number',
  default: 1,
  description: 'Seed of the learning episodes (sampled starts, next states, draws and exploration).',
  check: whole(0, 2 ** 32 - 1),
};

/** A number option in an open or closed interval. */
export function numberOption(
  name: string,
  byDefault: number,
  description: string,
  ok: (x: number) => boolean,
  expected: string,
): OptionSpec {
  return {
    name,
    type: 'number',
    default: byDefault,
    description,
    check: (v) => (typeof v === 'number' && ok(v) ? undefined : `expected ${expected}, got ${String(v)}`),
  };
}

/** The value of a number option, or its default. */
export function numberOf(options: Readonly<Record<string, unknown>>, spec: OptionSpec): number {
  const v = options[spec.name];
  return typeof v === 'number' ? v : (spec.default as number);
}
