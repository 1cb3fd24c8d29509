/**
 * The `bounded-compute` experiment: bounded parts splitting compute between their values and
 * their world model, served by Critch's negotiable RL (dynamics/bounded/: bounded.ts for the forms,
 * builtins.ts for the weather world and the two parts). It runs the `precision` split rule
 * — each part first buys the value precision σ* and spends the rest on its world model — on the
 * built-in's defaults, the fixed split as the contrast, and the sweep over the refined part's
 * value complexity. The best-response rule is not run here (it takes seconds); the built-in
 * documents and tests it.
 */
import { Random } from '../core/random.js';
import {
  finalWeights,
  runBounded,
  type SplitRule,
  weatherEnv,
  weatherParts,
} from '../dynamics/bounded/index.js';
import { type BoundedSplitSummary, boundedSplitSummary } from '../run/sequential-bounded.js';
import { byName, type Experiment, type ExperimentBase, fixed } from './types.js';

export type { BoundedSplitSummary } from '../run/sequential-bounded.js';

export interface BoundedSweepRow {
  /** The refined part's value complexity k (plain has 1). */
  readonly complexity: number;
  /** The refined part's compute on values and the truth's share in its beliefs. */
  readonly refined_value_compute: number;
  readonly refined_model_share: number;
  readonly final_weights: Record<string, number>;
  readonly utility: Record<string, number>;
}

export interface BoundedComputeExperiment extends ExperimentBase {
  readonly experiment: 'bounded-compute';
  readonly parts: string[];
  readonly states: string[];
  readonly actions: string[];
  /** Value complexity per part. */
  readonly complexity: Record<string, number>;
  readonly budget: number;
  readonly horizon: number;
  readonly draws: number;
  /** σ* of the precision rule, σ0 and h of the forms. */
  readonly precision_sd: number;
  readonly sd0: number;
  readonly half_model: number;
  readonly precision: BoundedSplitSummary;
  readonly fixed: BoundedSplitSummary;
  readonly sweep: BoundedSweepRow[];
}

const HORIZON = 8;
const BUDGET = 8;
const COMPLEXITY = 4;
const SD = 0.5;
const FORMS = { sd0: 1, halfModel: 1 } as const;
const DRAWS = 200;
const SWEEP = [1, 1.5, 2, 2.5, 4];

const summarize = boundedSplitSummary;

export function runBoundedCompute(seed: number): BoundedComputeExperiment {
  const env = weatherEnv(HORIZON);
  const parts = weatherParts(COMPLEXITY, BUDGET);
  const names = parts.map((p) => p.name);
  const run = (split: SplitRule, ps = parts) =>
    runBounded(env, ps, { split, forms: FORMS, draws: DRAWS }, new Random(seed));
  const precision = summarize(`precision (σ* = ${SD})`, names, run({ kind: 'precision', sd: SD }));
  const fixedSplit = summarize('fixed (f = 0.5)', names, run({ kind: 'fixed', fraction: 0.5 }));
  const sweep = SWEEP.map((k): BoundedSweepRow => {
    const r = run({ kind: 'precision', sd: SD }, weatherParts(k, BUDGET));
    return {
      complexity: k,
      refined_value_compute: r.valueCompute[1],
      refined_model_share: r.modelShare[1],
      final_weights: byName(names, finalWeights(r)),
      utility: byName(names, r.utility),
    };
  });
  const [plain, refined] = names;
  const w = precision.final_weights;
  return {
    kind: 'experiment',
    experiment: 'bounded-compute',
    title: boundedComputeExperiment.title,
    seed,
    summary:
      `precision split: E[w] after ${HORIZON} days ${plain} ${fixed(w[plain])} / ${refined} ${fixed(w[refined])} ` +
      `(fixed split ${fixed(fixedSplit.final_weights[plain])} / ${fixed(fixedSplit.final_weights[refined])}); ` +
      `${plain}’s weight as ${refined}’s complexity goes ${SWEEP.join(', ')}: ` +
      sweep.map((s) => fixed(s.final_weights[plain])).join(', '),
    parts: names,
    states: [...env.states],
    actions: [...env.actions],
    complexity: byName(
      names,
      parts.map((p) => p.complexity),
    ),
    budget: BUDGET,
    horizon: HORIZON,
    draws: DRAWS,
    precision_sd: SD,
    sd0: FORMS.sd0,
    half_model: FORMS.halfModel,
    precision,
    fixed: fixedSplit,
    sweep,
  };
}

export const boundedComputeExperiment: Experiment<BoundedComputeExperiment> = {
  name: 'bounded-compute',
  title: 'Bounded parts splitting compute between values and world model',
  description:
    'Two parts of H are served by negotiable RL in a weather world that ignores what A does (sun or rain, persistent; A picks hike, museum or cafe each day for 8 days). They are mirror images — plain likes hiking, refined the museum — except that refined’s values are 4 times as costly to compute. Each has 8 units of compute to split between its values (a reward estimate with sd σ = 1/√(1 + c_v/k)) and its world model (beliefs whose truth share is m = c_m/(c_m + 1), the rest uniform). Under the precision rule each part first buys σ* = 0.5: plain needs 3 and keeps 5 for its model, refined needs 12, spends all 8 and predicts the weather no better than chance, so NRL’s weight flows to plain day by day. The sweep varies refined’s complexity. Not everything points this way: with a fixed split (half on values for both) both parts buy the same model and the weights never separate, and when each part best-responds to the other both spend (almost) everything on prediction and nothing on values — a race to predict; those two rules are documented and tested with the bounded-parts built-in, and only the fixed split is run here, as the contrast. Weights are exact over all 2^8 weather sequences (they do not depend on the seed); utilities average 200 seeded noise draws.',
  essay:
    '“If we assume that parts are boundedly rational, and that parts can spend computational resources on either a) computing values or b) modelling the world, the parts with easy to compute values would be at systematic advantage. Intuitively, this seems bad.”',
  run: runBoundedCompute,
};
