/**
 * Who fares worst and who is neglected, from the parts' welfare of a decision (each part's
 * utility normalized to [0, 1] over the feasible actions: welfareMatrix in core/normalize.ts).
 */

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

/** Whether every part with positive weight fares the same (then no part is worst off). */
export function allEqual(xs: ArrayLike<number>, weights: ArrayLike<number>): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++)
    if (weights[i] > 0) {
      lo = Math.min(lo, xs[i]);
      hi = Math.max(hi, xs[i]);
    }
  return hi - lo <= 1e-12;
}
