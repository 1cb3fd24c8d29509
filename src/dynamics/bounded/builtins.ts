/**
 * Built-in bounded-parts example: two parts split compute between their values and their world
 * model, then the NRL agent serves them (bounded.ts has the functional forms).
 *
 * World: the weather, 'sun' or 'rain', persistent (sun → sun 0.9, rain → rain 0.8), whatever A
 * does; start 0.6 sun. A picks an activity each day: 'hike', 'museum' or 'cafe'. The two parts are
 * mirror images except for the complexity of their values: 'plain' (k = 1) likes hiking (1 in sun,
 * 0.2 in rain), 'refined' (k = 4 by default) likes the museum the same way; both rate the cafe 0.55
 * and the other's favourite 0.1 in sun, 0.3 in rain. Equal budgets (8), equal prior weights, the
 * same forms (σ0 = 1, h = 1) and the same uninformed fallback (uniform). Horizon 8, 200 noise
 * draws, seed 1. The weights are exact over all 2^8 weather sequences (the weather ignores A, so
 * they do not depend on the noise); utilities are averages over the draws (± their standard error).
 *
 * Numbers with the defaults (E[w] after 8 days, plain / refined; true utility per part):
 *   fixed 0.5       — both buy the same world model (m = 0.8), so the weights never separate:
 *                     0.5 / 0.5; utilities 3.87 ± 0.14 / 4.17 ± 0.14 (the noisier values of the
 *                     complex part cost it nothing visible at this sample size).
 *   precision 0.5   — each first buys σ = 0.5: plain spends 3 and keeps 5 for its model (m ≈ 0.83);
 *                     refined would need 12, spends all 8 (σ ≈ 0.58) and keeps no model (m = 0).
 *                     Weight flows to plain day by day: 0.571, 0.633, 0.685, … 0.848 / 0.152;
 *                     utilities 4.73 ± 0.10 / 3.31 ± 0.11.
 *   best-response   — grid 4, 4 rounds: both parts put (almost) everything into their world
 *                     models, cycling between splits (0.25, 0) and (0, 0.25) — value precision
 *                     buys little here, weight buys a lot: a race to predict in which values get
 *                     no compute. Weights ≈ 0.51 / 0.49.
 *   sweep (precision rule, refined k = 1, 1.5, 2, 2.5, 4): plain's final weight 0.500, 0.519,
 *                     0.565, 0.722, 0.848 — the cheaper the other's values are, the smaller the
 *                     advantage; equal complexities, no advantage.
 */
import { Random } from '../../core/random.js';
import {
  type BoundedForms,
  type BoundedPart,
  type BoundedResult,
  finalWeights,
  runBounded,
} from './bounded.js';
import type { Environment } from '../../core/sequential.js';

export interface BoundedComputeOptions {
  /** Value complexity of the refined part (default 4; plain has 1). */
  readonly complexity?: number;
  /** Each part's compute budget (default 8). */
  readonly budget?: number;
  readonly horizon?: number;
  /** σ* of the precision rule (default 0.5). */
  readonly precisionSd?: number;
  readonly forms?: BoundedForms;
  readonly draws?: number;
  readonly seed?: number;
  /** Best-response grid and rounds (defaults 4 and 4). */
  readonly grid?: number;
  readonly rounds?: number;
  /** Complexities of the refined part swept under the precision rule (default 1, 1.5, 2, 2.5, 4). */
  readonly sweep?: readonly number[];
}

export interface BoundedComputeResult {
  readonly env: Environment;
  readonly parts: readonly BoundedPart[];
  readonly fixed: BoundedResult;
  readonly precision: BoundedResult;
  readonly bestResponse: BoundedResult;
  /** Under the precision rule, per refined complexity: the final expected weights and utilities. */
  readonly sweep: readonly {
    readonly complexity: number;
    readonly fractions: Float64Array;
    readonly finalWeights: Float64Array;
    readonly utility: Float64Array;
  }[];
}

/** The weather environment of the built-in. */
export function weatherEnv(horizon = 8): Environment {
  const S = 2;
  const A = 3;
  const truth = new Float64Array(S * A * S);
  for (let a = 0; a < A; a++) {
    truth.set([0.9, 0.1], (0 * A + a) * S);
    truth.set([0.2, 0.8], (1 * A + a) * S);
  }
  return {
    states: ['sun', 'rain'],
    actions: ['hike', 'museum', 'cafe'],
    truth,
    start: Float64Array.from([0.6, 0.4]),
    horizon,
  };
}

/** The two mirrored parts of the built-in (rewards S×A: rows sun, rain; columns hike, museum, cafe). */
export function weatherParts(complexity = 4, budget = 8): BoundedPart[] {
  return [
    {
      name: 'plain',
      reward: Float64Array.from([1, 0.1, 0.55, 0.2, 0.3, 0.55]),
      complexity: 1,
      budget,
      weight: 1,
    },
    {
      name: 'refined',
      reward: Float64Array.from([0.1, 1, 0.55, 0.3, 0.2, 0.55]),
      complexity,
      budget,
      weight: 1,
    },
  ];
}

/** Runs the built-in: the three split rules and the complexity sweep. */
export function boundedCompute(opts: BoundedComputeOptions = {}): BoundedComputeResult {
  const env = weatherEnv(opts.horizon ?? 8);
  const budget = opts.budget ?? 8;
  const parts = weatherParts(opts.complexity ?? 4, budget);
  const forms = opts.forms ?? { sd0: 1, halfModel: 1 };
  const draws = opts.draws ?? 200;
  const seed = opts.seed ?? 1;
  const sd = opts.precisionSd ?? 0.5;
  const run = (split: Parameters<typeof runBounded>[2]['split'], ps = parts) =>
    runBounded(env, ps, { split, forms, draws }, new Random(seed));
  const fixed = run({ kind: 'fixed', fraction: 0.5 });
  const precision = run({ kind: 'precision', sd });
  const bestResponse = run({ kind: 'best-response', grid: opts.grid ?? 4, rounds: opts.rounds ?? 4 });
  const sweep = (opts.sweep ?? [1, 1.5, 2, 2.5, 4]).map((k) => {
    const r = run({ kind: 'precision', sd }, weatherParts(k, budget));
    return { complexity: k, fractions: r.fractions, finalWeights: finalWeights(r), utility: r.utility };
  });
  return { env, parts, fixed, precision, bestResponse, sweep };
}
