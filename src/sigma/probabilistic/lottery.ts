/**
 * Lotteries proportional to nonnegative weights over the candidates in play: what the
 * score-proportional probabilistic rules share. A lottery's winners are its support.
 */
import type { RuleResult } from '../types.js';

/**
 * The lottery giving each of `cands` probability weight/total (uniform when every weight is 0),
 * with its support as the winners.
 */
export function proportionalLottery(
  m: number,
  cands: readonly number[],
  weight: ArrayLike<number>,
): RuleResult {
  const lottery = new Array<number>(m).fill(0);
  if (cands.length === 0) return { winners: [], lottery };
  let total = 0;
  for (const c of cands) total += weight[c];
  for (const c of cands) lottery[c] = total > 0 ? weight[c] / total : 1 / cands.length;
  // Shares below rounding of the total are zero (a ballot split 1/3 three ways and summed back).
  const tiny = 1e-12;
  const winners = cands.filter((c) => lottery[c] > tiny).sort((a, b) => a - b);
  for (const c of cands) if (lottery[c] <= tiny) lottery[c] = 0;
  return { winners, lottery };
}
