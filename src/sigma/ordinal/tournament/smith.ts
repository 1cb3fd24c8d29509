/**
 * Smith set (top cycle, GETCHA): the smallest non-empty set of candidates each of whom beats every
 * candidate outside it by majority, the top strongly connected component of "beats or ties", as
 * pref_voting's `top_cycle`.
 *
 * Example: 0 ties 1, 0 beats 2, 2 beats 1: 0 and 1 reach each other through ties and 2 through
 * 2 ≻ 1, so the Smith set is [0, 1, 2] (the Schwartz set is [0]).
 */
import { smithSet } from '../../majority.js';
import { setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { checkCandidates } from '../pairwise/local.js';

export const smith: ProfileRule = {
  name: 'smith',
  aliases: ['smith-set', 'getcha', 'top-cycle'],
  title: 'Smith set (top cycle)',
  description:
    'The smallest non-empty set of candidates each of whom beats every candidate outside it by majority.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: "A majority tie links two candidates as a win would (the top cycle of 'beats or ties'), as pref_voting's `top_cycle`/`getcha`; the whole set wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith'],
  reference: 'Smith (1973); Schwartz (1986), GETCHA; pref_voting `top_cycle`',
  run(s, cands) {
    if (cands) checkCandidates(s.m, cands);
    return setResult(smithSet(s, cands));
  },
};
