/**
 * Absolute majority (Dodgson 1873): the candidate ranked first by more than half of the voters,
 * or no one. Formally not a voting method, since it may elect no one: the empty set says that no
 * candidate has a strict majority of first places.
 *
 * Example (pref_voting's docstring): 3 voters 0≻1≻2, 1 voter 1≻0≻2, 2 voters 2≻1≻0: 0 has 3 of 6
 * first places, not more than half: no winner. 5 voters 0≻1≻2, 1 voter 1≻0≻2, 2 voters 1≻2≻0:
 * 0 has 5 of 8: winner 0.
 */
import { EPS, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay, scoreVector } from './positions.js';

const FIRST = [1];

export const absoluteMajority: ProfileRule = {
  name: 'absolute-majority',
  aliases: ['majority-winner'],
  title: 'Absolute majority',
  description:
    'The candidate ranked first (among the candidates in play) by more than half of the voters; no one if there is none.',
  family: 'positional',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's absolute_majority: a strict majority of all voters' weight (more than n/2) is needed, so the winner is unique. pref_voting reads linear orders only; here the t candidates tied first on a ballot get 1/t first place each, and a ballot ranking all candidates in play equal counts towards n but gives no first place.",
  empty: 'when no candidate is ranked first by more than half of the voters',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference:
    'Dodgson (1873), A discussion of the various methods of procedure in conducting elections; pref_voting other_methods.absolute_majority',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    const first = scoreVector(s, cs, FIRST);
    const half = s.n / 2 + EPS * Math.max(1, s.n);
    return setResult(cs.filter((c) => first[c] > half));
  },
};
