/**
 * Limit detection for iterated dynamics (preference evolution, meta-preference dynamics): a state
 * is a flat vector; an iteration has reached a fixed point when the new state is within `tol`
 * (largest absolute coordinate difference) of the previous one, and a cycle of period p when it is
 * within `tol` of the state p steps back (and of no state fewer steps back). Plain functions over
 * typed arrays; the caller keeps the last `maxPeriod` states.
 */
import { UserError } from './errors.js';

/** Largest absolute coordinate difference between two vectors of the same length. */
export function chebyshev(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  for (let k = 0; k < x.length; k++) {
    const e = Math.abs(x[k] - y[k]);
    if (e > d || Number.isNaN(e)) d = e;
  }
  return d;
}

/**
 * The smallest p in 1..history.length such that `current` is within `tol` of the state p steps
 * back (`history[history.length - p]`, history ordered oldest first), or 0 when there is none.
 * p = 1 is a fixed point.
 */
export function periodOf(
  history: readonly ArrayLike<number>[],
  current: ArrayLike<number>,
  tol: number,
): number {
  for (let p = 1; p <= history.length; p++)
    if (chebyshev(history[history.length - p], current) <= tol) return p;
  return 0;
}

/** Appends `x` to `history`, dropping the oldest entry past `keep` entries. */
export function remember<T>(history: T[], x: T, keep: number): void {
  history.push(x);
  if (history.length > keep) history.shift();
}

/** Checks an iteration's options; returns them with defaults filled in. */
export function limitOptions(
  opts: { maxSteps?: number; tol?: number; maxPeriod?: number },
  defaults: { maxSteps: number; tol: number; maxPeriod: number },
  where: string,
): { maxSteps: number; tol: number; maxPeriod: number } {
  const maxSteps = opts.maxSteps ?? defaults.maxSteps;
  const tol = opts.tol ?? defaults.tol;
  const maxPeriod = opts.maxPeriod ?? defaults.maxPeriod;
  if (!(Number.isInteger(maxSteps) && maxSteps >= 1))
    throw new UserError(`expected a positive integer, got ${maxSteps}`, `${where}.maxSteps`);
  if (!(Number.isFinite(tol) && tol >= 0))
    throw new UserError(`expected a non-negative number, got ${tol}`, `${where}.tol`);
  if (!(Number.isInteger(maxPeriod) && maxPeriod >= 1))
    throw new UserError(`expected a positive integer, got ${maxPeriod}`, `${where}.maxPeriod`);
  return { maxSteps, tol, maxPeriod };
}
