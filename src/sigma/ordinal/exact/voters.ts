/**
 * What Dodgson and Young need from a profile: whole voters (they count swaps and removals per
 * voter, so ballot counts must be whole numbers) and, for Dodgson, linear orders over the candidates
 * in play. Also the way both turn per-candidate scores (Infinity = impossible) into a result.
 */
import { UserError } from '../../../core/errors.js';
import type { Summary } from '../../profile.js';
import { groupByScore } from '../../result.js';
import type { RuleResult } from '../../types.js';

/** Throws a UserError naming the first ballot whose count is not a whole number. */
export function requireWholeVoters(s: Summary, rule: string): void {
  const { counts } = s.profile;
  for (let b = 0; b < counts.length; b++)
    if (!Number.isInteger(counts[b]))
      throw new UserError(
        `${rule} counts whole voters (swaps or removals per voter): expected a whole number of voters, got ${counts[b]}`,
        `counts[${b}]`,
      );
}

/**
 * The ballots (with a positive count) as orders over `cands`, best first, in local indices:
 * `orders[b*r + i]` is ballot b's i-th candidate. Throws a UserError naming the ballot when one ties
 * two candidates in play (truncated ballots tie the candidates they leave out): its `where` is the
 * field path `rankings[b]`, which a caller holding the file turns into a line (`atBallotLine`).
 */
export function linearOrders(
  s: Summary,
  cands: readonly number[],
  rule: string,
): { orders: Int32Array; counts: Float64Array } {
  const p = s.profile;
  const { m } = p;
  const r = cands.length;
  const keep: number[] = [];
  for (let b = 0; b < p.k; b++) if (p.counts[b] > 0) keep.push(b);
  const orders = new Int32Array(keep.length * r);
  const counts = new Float64Array(keep.length);
  const idx = Array.from({ length: r }, (_, i) => i);
  keep.forEach((b, row) => {
    const lv = (i: number) => p.levels[b * m + cands[i]];
    idx.sort((x, y) => lv(x) - lv(y));
    for (let i = 1; i < r; i++)
      if (lv(idx[i]) === lv(idx[i - 1])) {
        const [x, y] = [cands[idx[i - 1]], cands[idx[i]]].sort((u, v) => u - v);
        throw new UserError(
          `${rule} needs linear orders over the candidates in play: this ballot ties ${p.names[x]} and ${p.names[y]}`,
          `rankings[${b}]`,
        );
      }
    orders.set(idx, row * r);
    counts[row] = p.counts[b];
  });
  return { orders, counts };
}

/** A result from per-candidate scores where lower is better and Infinity means "cannot". */
export function lowestScoreResult(m: number, cands: readonly number[], local: Float64Array): RuleResult {
  const scores = new Array<number>(m).fill(Number.NaN);
  const forGrouping = new Float64Array(m).fill(Number.NaN);
  cands.forEach((c, i) => {
    scores[c] = local[i];
    forGrouping[c] = local[i] === Number.POSITIVE_INFINITY ? Number.MAX_VALUE : local[i];
  });
  const ranking = groupByScore(cands, forGrouping, true);
  return { winners: ranking.length > 0 ? ranking[0] : [], ranking, scores };
}
