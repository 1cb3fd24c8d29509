/** Running preference evolution for a number of steps and recording each one. */
import { approvalOf } from '../../sigma/apply-utilities.js';
import { totalVariation } from '../../core/distance.js';
import { UserError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { EvolutionModel, EvolutionParams, EvolutionState } from './model.js';
import { type Compiled, compile, initialState, sigmaOn, step, utilitiesOf } from './updates.js';

// The recorder

export interface EvolutionRecord {
  readonly t: number;
  readonly state: number;
  readonly choice: number;
  /** The experienced item (outcome, or cell s·A + a). */
  readonly outcome: number;
  readonly next: number;
  /** n × K current utilities after the step. */
  readonly utilities: Float64Array;
  /** Weight shares after the step. */
  readonly weights: Float64Array;
  /** H's Σ re-run on the evolved parts in `state`: its winners, ranking (where it has one) and approval of every action. */
  readonly evolved: {
    readonly winners: number[];
    readonly ranking?: number[][];
    readonly approval: Float64Array;
  };
  /** The evolved H's approval of `choice`, in [0, 1]. */
  readonly approval: number;
  /** The original H's (original utilities, initial weights) approval of `choice` in `state`. */
  readonly originalApproval: number;
  /** Each part's welfare of the experienced item by its original utilities (min–max over items). */
  readonly welfareOriginal: Float64Array;
  /** The same by its current utilities (after the step). */
  readonly welfareCurrent: Float64Array;
  /** Each part's largest utility change, in units of its original range. */
  readonly drift: Float64Array;
  /** Total-variation distance of the weights from the initial ones. */
  readonly weightDrift: number;
  readonly overruled: Uint8Array;
  readonly satisfied: Uint8Array;
}

export interface EvolutionRun {
  /** The state at t = 0 (its values are the original utilities, its weights the initial ones). */
  readonly initial: EvolutionState;
  readonly records: EvolutionRecord[];
  readonly final: EvolutionState;
}

function minmax(u: Float64Array, i: number, K: number, k: number): number {
  let mx = -Infinity;
  let mn = Infinity;
  for (let j = 0; j < K; j++) {
    const x = u[i * K + j];
    if (x > mx) mx = x;
    if (x < mn) mn = x;
  }
  return mx - mn > 0 ? (u[i * K + k] - mn) / (mx - mn) : 1;
}

export function driftOf(c: Compiled, u: Float64Array): Float64Array {
  const { n, K } = c;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = 0;
    for (let k = 0; k < K; k++) x = Math.max(x, Math.abs(u[i * K + k] - c.m.utility[i * K + k]));
    d[i] = x / (c.range[i] > 0 ? c.range[i] : 1);
  }
  return d;
}

/**
 * Runs `steps` steps from `start` (default `initialState(m, rng)`) and records each one. The
 * random stream is consumed in a fixed order (start state, then per step: tie-break or lottery,
 * outcome, next state), so a seed fixes the run.
 */
export function runEvolution(
  m: EvolutionModel,
  params: EvolutionParams,
  steps: number,
  rng: Random,
  start?: EvolutionState,
): EvolutionRun {
  if (!(Number.isInteger(steps) && steps >= 0))
    throw new UserError(`expected a non-negative integer, got ${steps}`, 'steps');
  const c = compile(m, params);
  const { n, A, K } = c;
  const initial = start ?? initialState(m, rng);
  const original = new Map<number, Float64Array>();
  const originalApprovals = (st: number) => {
    let a = original.get(st);
    if (!a) {
      a = approvalOf(sigmaOn(m, m.utility, m.weights, st, c.call), A);
      original.set(st, a);
    }
    return a;
  };
  const records: EvolutionRecord[] = [];
  let s = initial;
  for (let t = 0; t < steps; t++) {
    const r = step(c, s, rng);
    s = r.after;
    const u = utilitiesOf(c, s);
    const ev = sigmaOn(m, u, s.weights, r.state, c.call);
    const approval = approvalOf(ev, A);
    const welfareOriginal = new Float64Array(n);
    const welfareCurrent = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      welfareOriginal[i] = minmax(m.utility, i, K, r.outcome);
      welfareCurrent[i] = minmax(u, i, K, r.outcome);
    }
    records.push({
      t,
      state: r.state,
      choice: r.choice,
      outcome: r.outcome,
      next: r.next,
      utilities: u,
      weights: s.weights,
      evolved: { winners: ev.winners, ...(ev.ranking ? { ranking: ev.ranking } : {}), approval },
      approval: approval[r.choice],
      originalApproval: originalApprovals(r.state)[r.choice],
      welfareOriginal,
      welfareCurrent,
      drift: driftOf(c, u),
      weightDrift: totalVariation(s.weights, m.weights),
      overruled: r.overruled,
      satisfied: r.satisfied,
    });
  }
  return { initial, records, final: s };
}

// ---------------------------------------------------------------------------------------------
// Fixed points
