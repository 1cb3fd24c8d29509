/**
 * A cardinal decision problem: what cardinal aggregators (Σ over utilities) read. Built from a
 * principal's parts and world model (see core/model.ts) or from score ballots (voters as parts).
 */
import { UserError } from './errors.js';
export interface UtilityProblem {
  /** Number of parts (players, voters). */
  readonly parts: number;
  /** Number of actions (candidates, alternatives). */
  readonly actions: number;
  /** parts*actions expected utilities: u[i*actions + a] is part i's utility for action a. */
  readonly u: Float64Array;
  /** Influence weight of each part (non-negative). */
  readonly weights: Float64Array;
  /** Each part's disagreement (status quo) utility, for bargaining rules; absent = each part's minimum over the actions. */
  readonly disagreement?: Float64Array;
}

/** Each part's lowest and highest utility over the actions: lo[i], hi[i]. */
export function utilityBounds(p: UtilityProblem): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(p.parts).fill(Infinity);
  const hi = new Float64Array(p.parts).fill(-Infinity);
  for (let i = 0; i < p.parts; i++)
    for (let a = 0; a < p.actions; a++) {
      const x = p.u[i * p.actions + a];
      if (x < lo[i]) lo[i] = x;
      if (x > hi[i]) hi[i] = x;
    }
  return { lo, hi };
}

/**
 * The sub-problem on a subset of the actions, in the given order (action k of the result is
 * `actions[k]` of `p`). Weights and disagreement point are kept.
 */
export function restrictActions(p: UtilityProblem, actions: readonly number[]): UtilityProblem {
  const m = actions.length;
  if (m < 1) throw new UserError('expected at least one action', 'actions');
  for (const a of actions)
    if (!(Number.isInteger(a) && a >= 0 && a < p.actions))
      throw new UserError(`action ${JSON.stringify(a)} is not one of 0..${p.actions - 1}`, 'actions');
  const u = new Float64Array(p.parts * m);
  for (let i = 0; i < p.parts; i++)
    for (let k = 0; k < m; k++) u[i * m + k] = p.u[i * p.actions + actions[k]];
  return { ...p, actions: m, u };
}
