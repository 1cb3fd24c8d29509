/**
 * The parallel-universe versions of the combined elimination rules: Benham PUT, Condorcet–IRV PUT
 * and Smith–IRV PUT. Each follows every way of removing one of the candidates tied for the fewest
 * first places, and its winners are the union over all of them.
 *
 * Example: 1 voter each 1≻2≻0, 2≻1≻0, 0≻1≻2: 1 beats 2 and 0 by 2–1, the Condorcet winner, so every
 * one of them elects 1; plain instant runoff PUT elects 1 or 2 (each first places tie 1–1–1).
 */
import { condorcetWinner, smithSet } from '../../majority.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { irvPut } from './instant-runoff.js';
import { lowest, PUT_LIMIT, parallelUniverses, placeShares } from './rounds.js';

const FIRST =
  'First places of weak orders: 1/t to each of the t candidates tied at the top among those remaining; exhausted ballots count for nobody.';

export const benhamPut: ProfileRule = {
  name: 'benham-put',
  aliases: [],
  title: 'Benham (parallel-universe tie-breaking)',
  description:
    'Benham removing one candidate at a time: a Condorcet winner among the remaining candidates wins; otherwise each candidate tied for the fewest first places is removed in its own universe; the winners are the union.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's benham_put (exact, memoized on the remaining set). ${FIRST}`,
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting iterative_methods.benham_put',
  run(s, cands) {
    const first = new Float64Array(s.m);
    return parallelUniverses(
      inPlay(s.m, cands),
      (rem) => {
        const cw = condorcetWinner(s, rem);
        if (cw >= 0) return { winners: [cw] };
        placeShares(s.profile, rem, first);
        return { tied: lowest(rem, first) };
      },
      'benham-put',
    );
  },
};

export const condorcetIrvPut: ProfileRule = {
  name: 'condorcet-irv-put',
  aliases: [],
  title: 'Condorcet–IRV (parallel-universe tie-breaking)',
  description: 'The Condorcet winner if there is one; otherwise the instant-runoff PUT winners.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's condorcet_irv_put: the Condorcet winner is checked once, on the candidates in play; then instant runoff PUT. ${FIRST}`,
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting combined_methods.condorcet_irv_put',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return { winners: [] };
    const cw = condorcetWinner(s, cs);
    if (cw >= 0) return { winners: [cw] };
    return { winners: irvPut.run(s, cs).winners };
  },
};

export const smithIrvPut: ProfileRule = {
  name: 'smith-irv-put',
  aliases: [],
  title: 'Smith–IRV (parallel-universe tie-breaking)',
  description: 'Instant runoff PUT restricted to the Smith set.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's smith_irv_put: instant runoff PUT on the Smith set of the candidates in play. ${FIRST}`,
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser', 'smith'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting combined_methods.smith_irv_put',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return { winners: [] };
    return { winners: irvPut.run(s, smithSet(s, cs)).winners };
  },
};
