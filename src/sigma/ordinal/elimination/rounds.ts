/**
 * What the elimination rules share: one pass over the ballots per round for the first and last
 * places among the remaining candidates, Borda scores among them read off the margin matrix, the
 * loop that removes a group per round and records the order, and the parallel-universe search.
 *
 * Conventions (the same as the positional rules): a ballot's first places among the remaining
 * candidates are its best group of them, and its t members get 1/t each; likewise for last places
 * with its worst group (a truncated ballot's unranked candidates are tied at the bottom). A ballot
 * that ranks all remaining candidates equal (an exhausted ballot) abstains.
 */
import { UserError } from '../../../core/errors.js';
import type { Profile, Summary } from '../../profile.js';
import { EPS, groupByScore } from '../../result.js';
import type { RuleResult } from '../../types.js';

/**
 * First-place shares among `rem`, written into `first` (entries of other candidates untouched), and
 * last-place shares into `last` when given. Returns the weight of the ballots that do not abstain.
 */
export function placeShares(
  p: Profile,
  rem: readonly number[],
  first: Float64Array,
  last?: Float64Array,
): number {
  const { m, k, levels, counts } = p;
  const r = rem.length;
  for (let i = 0; i < r; i++) first[rem[i]] = 0;
  if (last) for (let i = 0; i < r; i++) last[rem[i]] = 0;
  let active = 0;
  for (let b = 0; b < k; b++) {
    const w = counts[b];
    if (w === 0) continue;
    const o = b * m;
    let lo = levels[o + rem[0]];
    let hi = lo;
    let nlo = 0;
    let nhi = 0;
    for (let i = 0; i < r; i++) {
      const l = levels[o + rem[i]];
      if (l < lo) {
        lo = l;
        nlo = 1;
      } else if (l === lo) nlo++;
      if (l > hi) {
        hi = l;
        nhi = 1;
      } else if (l === hi) nhi++;
    }
    if (lo === hi) continue;
    active += w;
    const top = w / nlo;
    const bottom = w / nhi;
    for (let i = 0; i < r; i++) {
      const c = rem[i];
      const l = levels[o + c];
      if (l === lo) first[c] += top;
      else if (last && l === hi) last[c] += bottom;
    }
  }
  return active;
}

/** Borda scores among `rem` as sums of margins (symmetric Borda), written into `out`. */
export function marginBorda(s: Summary, rem: readonly number[], out: Float64Array): void {
  const g = s.margin();
  const m = s.m;
  for (const c of rem) {
    let t = 0;
    const row = c * m;
    for (const d of rem) t += g[row + d];
    out[c] = t;
  }
}

/** A tolerance for comparing sums of weights to zero. */
export function tolerance(s: Summary, r: number): number {
  return EPS * Math.max(1, s.n) * Math.max(1, r);
}

/** One round's verdict: the rule stops with these winners, or removes this group and goes on. */
export type Round = { winners: readonly number[] } | { remove: readonly number[] };

/**
 * Runs an elimination: `round` looks at the remaining candidates and either names the winners or a
 * group to remove. A single remaining candidate wins. The ranking is the winners, then the
 * candidates still in when the rule stopped (not separated), then the removed groups, last removed
 * first.
 */
export function eliminate(cands: readonly number[], round: (rem: readonly number[]) => Round): RuleResult {
  if (cands.length === 0) return { winners: [], ranking: [] };
  let rem: readonly number[] = cands;
  const out: number[][] = [];
  let winners: readonly number[];
  for (;;) {
    if (rem.length === 1) {
      winners = rem;
      break;
    }
    const v = round(rem);
    if ('winners' in v) {
      winners = v.winners;
      break;
    }
    if (v.remove.length === 0 || v.remove.length >= rem.length) {
      winners = rem;
      break;
    }
    const gone = new Set(v.remove);
    out.push([...v.remove].sort((a, b) => a - b));
    rem = rem.filter((c) => !gone.has(c));
  }
  const w = [...winners].sort((a, b) => a - b);
  const won = new Set(w);
  const ranking = [w];
  const rest = rem.filter((c) => !won.has(c));
  if (rest.length > 0) ranking.push(rest);
  for (let i = out.length - 1; i >= 0; i--) ranking.push(out[i]);
  return { winners: w, ranking };
}

/** The candidates with the lowest score among `rem` (ties within the shared tolerance). */
export function lowest(rem: readonly number[], score: ArrayLike<number>): number[] {
  const groups = groupByScore(rem, score);
  return groups[groups.length - 1];
}

/** The candidates with the highest score among `rem`. */
export function highest(rem: readonly number[], score: ArrayLike<number>): number[] {
  return groupByScore(rem, score)[0];
}

/** The most candidates the parallel-universe rules take: the search is over subsets of them. */
export const PUT_LIMIT = 20;

/**
 * Parallel-universe tie-breaking: the union of the winners over every order of removing the tied
 * candidates one at a time. `round` names the winners of a remaining set or the candidates tied for
 * removal; each of those is removed in its own universe. Memoized on the remaining set, so each set
 * is tallied once: at most 2^r sets, and in practice a handful.
 */
export function parallelUniverses(
  cands: readonly number[],
  round: (rem: readonly number[]) => { winners: readonly number[] } | { tied: readonly number[] },
  rule: string,
): RuleResult {
  const r = cands.length;
  if (r === 0) return { winners: [] };
  if (r > PUT_LIMIT)
    throw new UserError(
      `${rule} searches every tie-breaking order and refuses more than ${PUT_LIMIT} candidates (got ${r})`,
      'cands',
    );
  const index = new Map<number, number>();
  cands.forEach((c, i) => {
    index.set(c, i);
  });
  const memo = new Map<number, number>();
  const solve = (mask: number): number => {
    const hit = memo.get(mask);
    if (hit !== undefined) return hit;
    const rem: number[] = [];
    for (let i = 0; i < r; i++) if (mask & (1 << i)) rem.push(cands[i]);
    let won = 0;
    if (rem.length === 1) won = mask;
    else {
      const v = round(rem);
      if ('winners' in v) for (const c of v.winners) won |= 1 << (index.get(c) as number);
      else for (const c of v.tied) won |= solve(mask & ~(1 << (index.get(c) as number)));
    }
    memo.set(mask, won);
    return won;
  };
  const won = solve((1 << r) - 1);
  const winners: number[] = [];
  for (let i = 0; i < r; i++) if (won & (1 << i)) winners.push(cands[i]);
  return { winners };
}
