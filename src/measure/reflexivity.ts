/**
 * The essay's central question asked of a reading f: is H aligned with itself?
 * gap_f(H) = max_d score_f(H, d) − score_f(H, B(H)); H is self-aligned under f when gap ≤ ε.
 * B(H) may be a lottery (a bounded H); its score is the reading's own lottery score where it has
 * one, else the expected score.
 */
import type { Behaviour, Reading } from '../align/types.js';

export function lotteryScore(r: Reading, lottery: Float64Array): number {
  if (r.scoreLottery) return r.scoreLottery(lottery);
  let t = 0;
  for (let a = 0; a < lottery.length; a++) t += lottery[a] * r.scores[a];
  return t;
}

/** The best score any decision gets under the reading (pure actions, and its target lottery). */
export function bestScore(r: Reading): number {
  let best = Math.max(...r.scores);
  if (r.target.kind === 'lottery') best = Math.max(best, lotteryScore(r, r.target.lottery));
  return best;
}

export function reflexivityGap(r: Reading, b: Behaviour): number {
  return Math.max(0, bestScore(r) - lotteryScore(r, b.lottery));
}

/** Whether action a is accepted as aligned under the reading: within ε of its best score. */
export function accepts(r: Reading, a: number, epsilon: number): boolean {
  return r.scores[a] >= bestScore(r) - epsilon;
}
