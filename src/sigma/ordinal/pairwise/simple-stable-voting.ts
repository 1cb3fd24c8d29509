/**
 * Simple Stable Voting (Holliday & Pacuit): with one candidate, it wins. Otherwise take every pair
 * (a, b) from the largest margin of a over b down (negative margins included) and elect the a's of
 * the first margin at which some a wins (recursively) the election without b. Unlike Stable Voting,
 * a need not be undefeated under Split Cycle. Each candidate subset is solved once (memoized by its
 * bitmask).
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5. Pairs by margin: (2, 0) 5 — without 0, 1 beats
 * 2; (1, 2) 3 — without 2, 0 beats 1; (0, 1) 1 — without 1, 2 beats 0; (1, 0) −1 — without 0, 1
 * wins: 1 wins.
 */
import { UserError } from '../../../core/errors.js';
import type { ProfileRule } from '../../types.js';
import { localMargins, localSet } from './local.js';
import { STABLE_VOTING_MAX } from './stable-voting.js';

export const simpleStableVoting: ProfileRule = {
  name: 'simple-stable-voting',
  aliases: ['ssv'],
  title: 'Simple Stable Voting',
  description:
    'From the largest margin of a over b down, elect the a of the first pair (a, b) such that a wins (recursively) the election without b.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's simple_stable_voting: pairs with equal margins are considered together and every a that wins without its b at the first such margin wins. Exact, memoized on the remaining candidate set; refuses more than 20 candidates.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  maxCandidates: STABLE_VOTING_MAX,
  reference:
    'Holliday & Pacuit (2023), Stable Voting (arXiv:2108.00542); pref_voting margin_based_methods.simple_stable_voting',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    if (k > STABLE_VOTING_MAX)
      throw new UserError(
        `simple-stable-voting is exact and refuses more than ${STABLE_VOTING_MAX} candidates (got ${k})`,
        '--method',
      );
    if (k === 0) return { winners: [] };
    const pairs: number[] = [];
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (a !== b) pairs.push(a * k + b);
    pairs.sort((x, y) => g[y] - g[x] || x - y);
    const memo = new Map<number, number>();
    const solve = (mask: number): number => {
      const known = memo.get(mask);
      if (known !== undefined) return known;
      if ((mask & (mask - 1)) === 0) return mask;
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
        if (winners & ba) continue;
        if (solve(mask & ~bb) & ba) {
          winners |= ba;
          witness = w;
        }
      }
      memo.set(mask, winners);
      return winners;
    };
    const w = solve((1 << k) - 1);
    const flags = new Uint8Array(k);
    for (let i = 0; i < k; i++) if (w & (1 << i)) flags[i] = 1;
    return localSet(cs, flags);
  },
};
