/**
 * Per-part welfare of a decision: each part's expected utility normalized to [0, 1] over the
 * feasible actions (0 = its worst action, 1 = its best; a part indifferent among them gets 1),
 * so parts with different units can be compared and the worst-off part named.
 */
import { normalizeUtilities } from '../core/normalize.js';
import type { UtilityProblem } from '../core/utility.js';

/** parts × actions welfare in [0, 1] (min–max per part over all actions). */
export function welfareMatrix(p: UtilityProblem): Float64Array {
  return normalizeUtilities(p.u, p.parts, p.actions, 'minmax');
}

/** Each part's value of a decision: an action, or a lottery over actions (expected value). */
export function decisionValues(
  m: Float64Array,
  parts: number,
  actions: number,
  d: number | ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(parts);
  for (let i = 0; i < parts; i++) {
    if (typeof d === 'number') out[i] = m[i * actions + d];
    else {
      let t = 0;
      for (let a = 0; a < actions; a++) t += d[a] * m[i * actions + a];
      out[i] = t;
    }
  }
  return out;
}

/** The index of the worst-off part (lowest welfare) among parts with positive weight; ties → the first. */
export function worstOff(welfare: ArrayLike<number>, weights: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < welfare.length; i++)
    if (weights[i] > 0 && (best < 0 || welfare[i] < welfare[best] - 1e-12)) best = i;
  return best;
}

/** Parts (with positive weight) whose welfare is below `threshold`. */
export function neglected(
  welfare: ArrayLike<number>,
  weights: ArrayLike<number>,
  threshold: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < welfare.length; i++) if (weights[i] > 0 && welfare[i] < threshold) out.push(i);
  return out;
}
