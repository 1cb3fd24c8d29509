/**
 * Small helpers every rule uses to turn numbers into a RuleResult, so tie handling is the same
 * everywhere: scores within EPS (relative) of each other are tied.
 */
import type { RuleResult } from './types.js';

export const EPS = 1e-9;

function same(x: number, y: number): boolean {
  return Math.abs(x - y) <= EPS * Math.max(1, Math.abs(x), Math.abs(y));
}

/** Groups `cands` by score, best first (highest first unless `lowerIsBetter`). */
export function groupByScore(
  cands: readonly number[],
  score: ArrayLike<number>,
  lowerIsBetter = false,
): number[][] {
  const sign = lowerIsBetter ? 1 : -1;
  const order = (a: number, b: number) => sign * (score[a] - score[b]) || a - b;
  const sorted = cands.slice();
  // A few candidates (every profile of a stream): insertion sort, no comparator calls through
  // Array.prototype.sort. The order is the same total order either way; NaN scores take sort().
  let small = sorted.length <= 16;
  for (let i = 0; small && i < sorted.length; i++) if (Number.isNaN(score[sorted[i]])) small = false;
  if (small)
    for (let i = 1; i < sorted.length; i++) {
      const c = sorted[i];
      let j = i - 1;
      for (; j >= 0 && order(c, sorted[j]) < 0; j--) sorted[j + 1] = sorted[j];
      sorted[j + 1] = c;
    }
  else sorted.sort(order);
  const groups: number[][] = [];
  for (const c of sorted) {
    const g = groups[groups.length - 1];
    if (g && same(score[g[0]], score[c])) g.push(c);
    else groups.push([c]);
  }
  for (const g of groups) if (g.length > 1) g.sort((a, b) => a - b);
  return groups;
}

/** A scoring rule's result: winners are the best-scored candidates, the ranking orders all by score. */
export function scoredResult(
  cands: readonly number[],
  score: ArrayLike<number>,
  lowerIsBetter = false,
): RuleResult {
  const ranking = groupByScore(cands, score, lowerIsBetter);
  return {
    winners: ranking.length > 0 ? ranking[0] : [],
    ranking,
    scores: toArray(score),
  };
}

/** A set-valued rule's result. */
export function setResult(winners: Iterable<number>): RuleResult {
  return { winners: [...new Set(winners)].sort((a, b) => a - b) };
}

/** A plain array copy (Array.from on a typed array is slow in hot loops). */
function toArray(xs: ArrayLike<number>): number[] {
  const out = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[i];
  return out;
}
