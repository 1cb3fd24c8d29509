/**
 * Daunou: the Condorcet winner if there is one; otherwise remove Condorcet losers one after another
 * while there is one, and elect the plurality winners among the candidates left.
 *
 * Example (pref_voting's docstring): one voter each 1≻3≻2≻0, 0≻2≻3≻1, 1≻3≻0≻2, 3≻1≻0≻2. No Condorcet
 * winner (1 and 3 tie 2–2); 2 loses to everyone and goes, then 0 loses to 1 and 3 and goes; 1 and 3
 * have two first places each among themselves: winners [1, 3] (plurality alone elects 1).
 */
import { condorcetLoser, condorcetWinner } from '../../majority.js';
import { groupByScore, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { placeShares } from './rounds.js';

export const daunou: ProfileRule = {
  name: 'daunou',
  aliases: [],
  title: 'Daunou',
  description:
    'The Condorcet winner if there is one; otherwise repeatedly remove the Condorcet loser, then elect the plurality winners among those left.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's daunou: every plurality winner among the survivors wins. First places of weak orders: 1/t to each of the t candidates tied at the top.",
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser'],
  reference: 'Daunou (1803); pref_voting combined_methods.daunou',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    const cw = condorcetWinner(s, cs);
    if (cw >= 0) return setResult([cw]);
    let rem: readonly number[] = cs;
    while (rem.length > 1) {
      const cl = condorcetLoser(s, rem);
      if (cl < 0) break;
      rem = rem.filter((c) => c !== cl);
    }
    const first = new Float64Array(s.m);
    placeShares(s.profile, rem, first);
    return setResult(groupByScore(rem, first)[0]);
  },
};
