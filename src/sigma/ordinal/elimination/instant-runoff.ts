/**
 * Instant runoff (Hare, ranked choice, alternative vote): remove every candidate with the fewest
 * first places among the remaining ones, and repeat until one remains; if all remaining candidates
 * tie, they all win. The ranking lists the candidates in reverse order of elimination.
 *
 * Instant runoff PUT (parallel-universe tie-breaking): remove one of the candidates tied for fewest
 * first places at a time, in every possible order; the winners are the union over those orders.
 *
 * Example (pref_voting's docstring): 1 voter 2≻1≻0, 2 voters 0≻2≻1, 2 voters 1≻2≻0. First places
 * 2, 2, 1: remove 2; then 0 has 2 and 1 has 3: winner 1, ranking [[1], [0], [2]].
 */
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { eliminate, lowest, PUT_LIMIT, parallelUniverses, placeShares } from './rounds.js';

/** Instant runoff among `cands` (all when undefined). */
export function instantRunoff(s: Summary, cands?: readonly number[]): RuleResult {
  const first = new Float64Array(s.m);
  return eliminate(inPlay(s.m, cands), (rem) => {
    placeShares(s.profile, rem, first);
    return { remove: lowest(rem, first) };
  });
}

const TRUNCATED =
  'A ballot counts for its best remaining group, 1/t to each of its t members (pref_voting refuses ties; exhausted ballots count for nobody, as in its truncated-ballot version).';

export const irv: ProfileRule = {
  name: 'instant-runoff',
  aliases: ['irv', 'hare', 'ranked-choice', 'alternative-vote', 'split-irv'],
  title: 'Instant runoff',
  description:
    'Repeatedly remove the candidates with the fewest first places among those remaining; the last remaining wins. The ranking is the reverse order of elimination.',
  family: 'elimination',
  input: 'rankings',
  output: 'ranking',
  ties: `As pref_voting: all candidates tied for the fewest first places are removed at once, and if all remaining candidates tie, they all win. ${TRUNCATED}`,
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference: 'Hare (1859); pref_voting iterative_methods.instant_runoff',
  run: (s, cands) => instantRunoff(s, cands),
};

export const irvPut: ProfileRule = {
  name: 'instant-runoff-put',
  aliases: ['irv-put', 'hare-put', 'ranked-choice-put', 'split-irv-put'],
  title: 'Instant runoff (parallel-universe tie-breaking)',
  description:
    'Instant runoff removing one candidate at a time; when several tie for the fewest first places, every choice is followed, and the winners are the union over all of them.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's instant_runoff_put: the union of the winners over every order of removing tied candidates one at a time (exact, memoized on the remaining set). ${TRUNCATED}`,
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-loser'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting iterative_methods.instant_runoff_put',
  run(s, cands) {
    const first = new Float64Array(s.m);
    return parallelUniverses(
      inPlay(s.m, cands),
      (rem) => {
        placeShares(s.profile, rem, first);
        return { tied: lowest(rem, first) };
      },
      'instant-runoff-put',
    );
  },
};
