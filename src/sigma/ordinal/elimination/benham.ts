/**
 * Benham: while the remaining candidates have no Condorcet winner, remove every candidate with the
 * fewest first places; then elect the Condorcet winner of the remaining candidates. If all remaining
 * candidates tie for the fewest first places, they all win.
 *
 * Example: 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻0≻1 — a cycle. 2 has the fewest first places
 * and goes; among 0 and 1, 0 wins 3–2.
 */
import { condorcetWinner } from '../../majority.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { eliminate, lowest, placeShares } from './rounds.js';

export const benham: ProfileRule = {
  name: 'benham',
  aliases: [],
  title: 'Benham',
  description:
    'While there is no Condorcet winner among the remaining candidates, remove the candidates with the fewest first places; then the Condorcet winner wins.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: 'As pref_voting: all candidates tied for the fewest first places are removed at once; if all remaining candidates tie, they all win. A ballot counts for its best remaining group, 1/t to each of its t members; exhausted ballots count for nobody.',
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner'],
  reference: 'pref_voting iterative_methods.benham',
  run(s, cands) {
    const first = new Float64Array(s.m);
    const r = eliminate(inPlay(s.m, cands), (rem) => {
      const cw = condorcetWinner(s, rem);
      if (cw >= 0) return { winners: [cw] };
      placeShares(s.profile, rem, first);
      return { remove: lowest(rem, first) };
    });
    return { winners: r.winners };
  },
};
