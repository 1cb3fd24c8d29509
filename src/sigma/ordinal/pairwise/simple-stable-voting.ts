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
import { flagsOf, STABLE_VOTING_MAX, stableWinners } from './stable-voting.js';

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
    return localSet(cs, flagsOf(stableWinners(k, g), k));
  },
};
