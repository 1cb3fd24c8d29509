/**
 * Coombs: if a candidate has a strict majority of first places among the remaining ones, it wins;
 * otherwise remove every candidate with the most last places, and repeat. If all remaining candidates
 * tie for the most last places, they all win.
 *
 * Coombs PUT: remove one of the candidates tied for the most last places at a time, in every possible
 * order; the winners are the union over those orders.
 *
 * Example (pref_voting's docstring): 1 voter 2≻1≻0, 2 voters 0≻2≻1, 2 voters 1≻2≻0. No majority;
 * last places 0: 3, 1: 2, 2: 0; remove 0; then 2 has 3 of 5 first places: winner 2.
 */
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { EPS } from '../../result.js';
import { inPlay } from '../positional/positions.js';
import { eliminate, highest, PUT_LIMIT, parallelUniverses, placeShares } from './rounds.js';

/** The candidate among `rem` with a strict majority of the active ballots' first places, or -1. */
export function majority(rem: readonly number[], first: Float64Array, active: number): number {
  const half = active / 2;
  const tol = EPS * Math.max(1, active);
  for (const c of rem) if (first[c] - half > tol) return c;
  return -1;
}

export function coombsRule(s: Summary, cands?: readonly number[]): RuleResult {
  const first = new Float64Array(s.m);
  const last = new Float64Array(s.m);
  return eliminate(inPlay(s.m, cands), (rem) => {
    const active = placeShares(s.profile, rem, first, last);
    const w = majority(rem, first, active);
    if (w >= 0) return { winners: [w] };
    return { remove: highest(rem, last) };
  });
}

const WEAK =
  "A ballot's last places among the remaining candidates are its worst group (a truncated ballot's unranked candidates), 1/t to each of its t members; first places likewise; the majority is of the ballots that do not rank all remaining candidates equal.";

export const coombs: ProfileRule = {
  name: 'coombs',
  aliases: [],
  title: 'Coombs',
  description:
    'A candidate with a strict majority of first places wins; otherwise remove the candidates with the most last places and repeat.',
  family: 'elimination',
  input: 'rankings',
  output: 'ranking',
  ties: `As pref_voting: all candidates tied for the most last places are removed at once, and if all remaining candidates tie, they all win. The ranking is the winner, then the candidates still in when it won (not separated), then the removed groups in reverse order. ${WEAK}`,
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference: 'Coombs (1964), A Theory of Data; pref_voting iterative_methods.coombs',
  run: (s, cands) => coombsRule(s, cands),
};

export const coombsPut: ProfileRule = {
  name: 'coombs-put',
  aliases: [],
  title: 'Coombs (parallel-universe tie-breaking)',
  description:
    'Coombs removing one candidate at a time; when several tie for the most last places, every choice is followed, and the winners are the union over all of them.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's coombs_put: the union of the winners over every order of removing tied candidates one at a time (exact, memoized on the remaining set); a strict majority of first places ends a universe. ${WEAK}`,
  axioms: ['anonymity', 'neutrality', 'pareto'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting iterative_methods.coombs_put',
  run(s, cands) {
    const first = new Float64Array(s.m);
    const last = new Float64Array(s.m);
    return parallelUniverses(
      inPlay(s.m, cands),
      (rem) => {
        const active = placeShares(s.profile, rem, first, last);
        const w = majority(rem, first, active);
        return w >= 0 ? { winners: [w] } : { tied: highest(rem, last) };
      },
      'coombs-put',
    );
  },
};
