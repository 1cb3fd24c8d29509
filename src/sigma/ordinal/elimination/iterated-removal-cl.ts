/**
 * Iterated removal of Condorcet losers: while the remaining candidates have a Condorcet loser (one
 * every other remaining candidate beats by majority), remove it; the candidates left all win.
 *
 * Example (pref_voting's docstring): one voter each 2≻1≻3≻0, 2≻1≻0≻3, 3≻1≻2≻0, 1≻2≻3≻0. 0 loses to
 * everyone and goes; then 3 loses to 1 and 2 and goes; 1 and 2 tie 2–2, so both win.
 */
import { condorcetLoser } from '../../majority.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { eliminate } from './rounds.js';

export const iteratedRemovalCl: ProfileRule = {
  name: 'iterated-removal-cl',
  aliases: ['iterated-removal-condorcet-loser', 'iterated-removal-condorcet-losers'],
  title: 'Iterated removal of Condorcet losers',
  description:
    'While the remaining candidates have a Condorcet loser, remove it; every candidate left wins. The ranking is the survivors, then the losers, last removed first.',
  family: 'elimination',
  input: 'rankings',
  output: 'ranking',
  ties: "As pref_voting's iterated_removal_cl: a Condorcet loser must lose every comparison by a strict majority; the survivors are not separated. With majority ties there may be no Condorcet loser to remove even when there is a Condorcet winner, so the rule is not Condorcet-consistent on such profiles.",
  axioms: ['anonymity', 'neutrality', 'condorcet-loser'],
  reference: 'pref_voting iterative_methods.iterated_removal_cl',
  run(s, cands) {
    return eliminate(inPlay(s.m, cands), (rem) => {
      const cl = condorcetLoser(s, rem);
      return cl < 0 ? { winners: rem } : { remove: [cl] };
    });
  },
};
