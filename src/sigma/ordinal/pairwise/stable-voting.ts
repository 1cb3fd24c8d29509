/**
 * Stable Voting (Holliday & Pacuit): with one candidate, it wins. Otherwise take the pairs (a, b)
 * with a undefeated under Split Cycle, from the largest margin of a over b down (negative margins
 * included), and elect the a's of the first margin at which some a wins the election without b
 * (recursively); all such a at that margin win. Each candidate subset is solved once (memoized by
 * its bitmask); as pref_voting's default algorithm, a subset with a single Split Cycle winner returns
 * it at once (Stable Voting winners are always Split Cycle winners).
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5: Split Cycle leaves only 1 undefeated, so 1 wins.
 */
import { UserError } from '../../../core/errors.js';
import type { ProfileRule } from '../../types.js';
import { localMargins, localSet } from './local.js';
import { splitCycleUndefeated } from './split-cycle.js';

/** Candidate subsets are bitmasks; the memo holds at most 2^m of them. */
export const STABLE_VOTING_MAX = 20;

function popcount(x: number): number {
  let n = 0;
  for (let y = x; y !== 0; y &= y - 1) n++;
  return n;
}

export const stableVoting: ProfileRule = {
  name: 'stable-voting',
  aliases: [],
  title: 'Stable Voting',
  description:
    'Among pairs (a, b) with a undefeated under Split Cycle, from the largest margin of a over b down, elect the a of the first pair such that a wins (recursively) the election without b.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's `stable_voting`: pairs with equal margins are considered together and every a that wins without its b at the first such margin wins (no tie-breaking). Exact, memoized on the remaining candidate set; refuses more than 20 candidates.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  maxCandidates: STABLE_VOTING_MAX,
  reference: 'Holliday & Pacuit (2023), Stable Voting, Constitutional Political Economy 34',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    if (k > STABLE_VOTING_MAX)
      throw new UserError(
        `stable-voting is exact and refuses more than ${STABLE_VOTING_MAX} candidates (got ${k})`,
        '--method',
      );
    if (k === 0) return { winners: [] };
    const sub = new Float64Array(k * k);
    const p = new Float64Array(k * k);
    const und = new Uint8Array(k);
    const idx = new Int32Array(k);
    // Only candidates undefeated under Split Cycle within the subset may win it.
    const undefeatedIn = (mask: number): number => {
      let n = 0;
      for (let i = 0; i < k; i++) if (mask & (1 << i)) idx[n++] = i;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sub[i * n + j] = g[idx[i] * k + idx[j]];
      splitCycleUndefeated(sub, n, p, und);
      let undefeated = 0;
      for (let i = 0; i < n; i++) if (und[i]) undefeated |= 1 << idx[i];
      return undefeated;
    };
    return localSet(cs, flagsOf(stableWinners(k, g, undefeatedIn), k));
  },
};

/** The candidates of a bitmask as 0/1 flags. */
export function flagsOf(mask: number, k: number): Uint8Array {
  const flags = new Uint8Array(k);
  for (let i = 0; i < k; i++) if (mask & (1 << i)) flags[i] = 1;
  return flags;
}

/**
 * The stable-voting recursion on k candidates with margins g (g[a·k + b]), as a bitmask of the
 * winners of the whole set: pairs (a, b) from the largest margin down, and the a's of the first
 * margin at which some a wins the subset without b. `eligible(mask)` names who may win a subset:
 * every candidate (Simple Stable Voting) or the Split Cycle undefeated (Stable Voting, which then
 * returns a single undefeated candidate at once, as pref_voting's default algorithm does).
 */
export function stableWinners(k: number, g: ArrayLike<number>, eligible?: (mask: number) => number): number {
  // Every ordered pair, by margin descending.
  const pairs: number[] = [];
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (a !== b) pairs.push(a * k + b);
  pairs.sort((x, y) => g[y] - g[x] || x - y);
  const memo = new Map<number, number>();
  const solve = (mask: number): number => {
    const known = memo.get(mask);
    if (known !== undefined) return known;
    if ((mask & (mask - 1)) === 0) return mask;
    const allowed = eligible ? eligible(mask) : mask;
    if (eligible && popcount(allowed) === 1) {
      memo.set(mask, allowed);
      return allowed;
    }
    let winners = 0;
    let witness = Number.NEGATIVE_INFINITY;
    for (const pr of pairs) {
      const a = (pr / k) | 0;
      const b = pr - a * k;
      const ba = 1 << a;
      const bb = 1 << b;
      if (!(mask & ba) || !(mask & bb)) continue;
      const w = g[pr];
      if (w < witness) break;
      if (!(allowed & ba) || winners & ba) continue;
      if (solve(mask & ~bb) & ba) {
        winners |= ba;
        witness = w;
      }
    }
    memo.set(mask, winners);
    return winners;
  };
  return solve((1 << k) - 1);
}
