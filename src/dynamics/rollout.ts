/**
 * Monte Carlo estimates for product spaces too large for the exact solver (solve.ts's
 * EXACT_STATE_LIMIT), and an online look-ahead agent that needs no table over the product space.
 *
 * - `estimateValue`: the mean total objective over seeded rollouts of any policy (Markov or
 *   history-dependent), with its standard error. Episode e draws from rng.split(e), so estimates
 *   do not depend on how episodes are scheduled.
 * - `lookaheadPolicy`: expectimax from the current (t, s, λ) over the next min(depth, H − t) steps
 *   under the truth, memoized per decision. It takes the same decisions as solveExact's plan of the
 *   same depth (lowest action on ties). Its cost per decision grows like (A · b)^depth, b the
 *   number of likely next states: depth 1 (greedy) is always cheap.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import type { DynamicsModel } from './model.js';
import type { Objective } from './objective.js';
import type { Moment, Policy } from './policy.js';
import { horizonFor, simulate } from './simulate.js';
import { encodeLevels, nextLevels } from './space.js';

export interface Estimate {
  readonly mean: number;
  /** Sample standard deviation of the episode totals. */
  readonly sd: number;
  /** sd / √episodes. */
  readonly stderr: number;
  readonly episodes: number;
  /** Steps simulated (episodes × horizon). */
  readonly steps: number;
}

export interface EstimateOptions {
  /** Default 1000. */
  readonly episodes?: number;
  /** Default: the environment's horizon. */
  readonly horizon?: number;
}

/** Most episodes one estimate runs. */
export const MAX_EPISODES = 10_000_000;

export function estimateValue(
  model: DynamicsModel,
  policy: Policy,
  objective: Objective,
  rng: Random,
  opts: EstimateOptions = {},
): Estimate {
  const E = opts.episodes ?? 1000;
  if (!(Number.isInteger(E) && E >= 1 && E <= MAX_EPISODES))
    throw new UserError(`expected a whole number of episodes in 1 … ${MAX_EPISODES}, got ${E}`, 'episodes');
  const H = horizonFor(model, opts.horizon);
  let total = 0;
  const collector = {
    collect(e: { t: number; state: number; code: number; action: number }) {
      total += objective.reward(e.t, e.state, e.code, e.action);
    },
  };
  let mean = 0;
  let m2 = 0;
  for (let e = 0; e < E; e++) {
    total = 0;
    simulate(model, policy, rng.split(e), { horizon: H, collectors: [collector] });
    const d = total - mean;
    mean += d / (e + 1);
    m2 += d * (total - mean);
  }
  const sd = E > 1 ? Math.sqrt(m2 / (E - 1)) : 0;
  return { mean, sd, stderr: sd / Math.sqrt(E), episodes: E, steps: E * H };
}

/** The online expectimax agent of look-ahead `depth` for `objective` (see the module comment). */
export function lookaheadPolicy(
  model: DynamicsModel,
  objective: Objective,
  depth: number,
  opts: { horizon?: number } = {},
): Policy {
  const H = horizonFor(model, opts.horizon);
  if (!(Number.isInteger(depth) && depth >= 1))
    throw new UserError(`expected a look-ahead of at least 1 step, got ${depth}`, 'depth');
  const { A, n } = model;
  const { rowStart, next, prob } = model.truth;
  const internal = model.principal.internal;

  return (m: Moment) => {
    const end = Math.min(H, m.t + depth);
    const memo = new Map<string, number>();
    const r = new Float64Array(A);
    // Best total from (t, s, levels) to `end`, and the action attaining it.
    const best = (t: number, s: number, levels: Int32Array): { value: number; action: number } => {
      const code = encodeLevels(model.space, levels);
      objective.rewards(t, s, code, r);
      const own = Float64Array.from(r);
      let top = -Infinity;
      let arg = 0;
      const lv = new Int32Array(n);
      for (let a = 0; a < A; a++) {
        let q = own[a];
        if (t + 1 < end) {
          // Summed as solveExact sums, so both break ties alike.
          let cont = 0;
          for (let j = rowStart[s * A + a]; j < rowStart[s * A + a + 1]; j++) {
            const s2 = next[j];
            nextLevels(internal, levels, a, s2, lv);
            cont += prob[j] * valueAt(t + 1, s2, lv);
          }
          q += cont;
        }
        if (a === 0 || q > top + 1e-12 * Math.max(1, Math.abs(top))) {
          top = q;
          arg = a;
        }
      }
      return { value: top, action: arg };
    };
    const valueAt = (t: number, s: number, levels: Int32Array): number => {
      const key = `${t}|${s}|${encodeLevels(model.space, levels)}`;
      let v = memo.get(key);
      if (v === undefined) {
        v = best(t, s, Int32Array.from(levels)).value;
        memo.set(key, v);
      }
      return v;
    };
    return best(m.t, m.state, Int32Array.from(m.levels)).action;
  };
}
