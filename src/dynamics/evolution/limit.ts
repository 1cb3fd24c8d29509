/** Where preference evolution ends: a fixed point, a cycle, or nothing within the cap. */
import { approvalOf } from '../../sigma/apply-utilities.js';
import { totalVariation } from '../../core/distance.js';
import type { Random } from '../../core/random.js';
import { chebyshev, limitOptions, periodOf, remember } from '../../core/orbit.js';
import type { EvolutionModel, EvolutionParams, EvolutionState } from './model.js';
import { driftOf } from './run.js';
import { compile, initialState, sigmaOn, step, utilitiesOf } from './updates.js';

export interface EvolutionLimit {
  /** 'fixed': the whole state stopped moving (within tol); 'cycle': it repeats with period > 1; 'none': the cap ran out. */
  readonly kind: 'fixed' | 'cycle' | 'none';
  /** 1 for a fixed point, the cycle length for a cycle, 0 for none. */
  readonly period: number;
  readonly steps: number;
  readonly final: EvolutionState;
  /** n × K current utilities at the end. */
  readonly utilities: Float64Array;
  readonly weights: Float64Array;
  /** H's choices over the last `period` steps (the last choice for a fixed point; empty for none). */
  readonly orbit: number[];
  /** What H chose at t = 0, and in which state. */
  readonly firstChoice: number;
  readonly firstState: number;
  /** Σ winners on the original parts, and on the evolved parts, in the first state. */
  readonly initialWinners: number[];
  readonly evolvedWinners: number[];
  /** Whether H's Σ on the evolved parts still chooses what it chose at t = 0. */
  readonly stillChooses: boolean;
  /** The evolved H's approval of the first choice, in [0, 1]. */
  readonly evolvedApproval: number;
  readonly drift: Float64Array;
  readonly weightDrift: number;
}

function flat(s: EvolutionState): Float64Array {
  const out = new Float64Array(s.value.length + s.habit.length + s.weights.length + 1);
  out.set(s.value, 0);
  out.set(s.habit, s.value.length);
  out.set(s.weights, s.value.length + s.habit.length);
  out[out.length - 1] = s.state;
  return out;
}

/**
 * Iterates the evolution from `start` (default the initial state) until the whole state (values,
 * habituation levels, weights, world state) is within `tol` of the previous one (a fixed point) or
 * of the one `period` steps back (a cycle), or `maxSteps` run out. Defaults: maxSteps 10000,
 * tol 1e-10, maxPeriod 8. With a random world the state rarely settles: expect 'none'.
 */
export function evolutionLimit(
  m: EvolutionModel,
  params: EvolutionParams,
  rng: Random,
  opts: {
    readonly maxSteps?: number;
    readonly tol?: number;
    readonly maxPeriod?: number;
    readonly start?: EvolutionState;
  } = {},
): EvolutionLimit {
  const { maxSteps, tol, maxPeriod } = limitOptions(
    opts,
    { maxSteps: 10000, tol: 1e-10, maxPeriod: 8 },
    'limit',
  );
  const c = compile(m, params);
  let s = opts.start ?? initialState(m, rng);
  const history: Float64Array[] = [flat(s)];
  const choices: number[] = [];
  let firstChoice = -1;
  const firstState = s.state;
  let kind: EvolutionLimit['kind'] = 'none';
  let period = 0;
  let t = 0;
  while (t < maxSteps) {
    const r = step(c, s, rng);
    t++;
    if (firstChoice < 0) firstChoice = r.choice;
    remember(choices, r.choice, maxPeriod);
    s = r.after;
    const x = flat(s);
    const p = periodOf(history, x, tol);
    remember(history, x, maxPeriod);
    if (p > 0) {
      kind = p === 1 ? 'fixed' : 'cycle';
      period = p;
      break;
    }
  }
  const u = utilitiesOf(c, s);
  const initialWinners = sigmaOn(m, m.utility, m.weights, firstState, c.call).winners;
  const ev = sigmaOn(m, u, s.weights, firstState, c.call);
  return {
    kind,
    period,
    steps: t,
    final: s,
    utilities: u,
    weights: s.weights,
    orbit: period > 0 ? choices.slice(choices.length - period) : [],
    firstChoice,
    firstState,
    initialWinners,
    evolvedWinners: ev.winners,
    stillChooses: ev.winners.includes(firstChoice),
    evolvedApproval: approvalOf(ev, c.A)[firstChoice],
    drift: driftOf(c, u),
    weightDrift: totalVariation(s.weights, m.weights),
  };
}

/** Largest difference between two evolution states (values, habituation, weights; Infinity when the world states differ). */
export function stateDistance(x: EvolutionState, y: EvolutionState): number {
  if (x.state !== y.state) return Infinity;
  return Math.max(chebyshev(x.value, y.value), chebyshev(x.habit, y.habit), chebyshev(x.weights, y.weights));
}
