/**
 * Condorcet–IRV: the Condorcet winner if there is one, otherwise the instant-runoff winners.
 *
 * Example (the centre squeeze): 4 voters 0≻1≻2, 3 voters 2≻1≻0, 2 voters 1≻0≻2. 1 is the Condorcet
 * winner (5–4 against 0, 6–3 against 2), so it wins, while plain instant runoff removes 1 first and
 * elects 0.
 */
import { condorcetWinner } from '../../majority.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { instantRunoff } from './instant-runoff.js';

export const condorcetIrv: ProfileRule = {
  name: 'condorcet-irv',
  aliases: [],
  title: 'Condorcet–IRV',
  description: 'The Condorcet winner if there is one; otherwise the instant-runoff winners.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's condorcet_irv: with no Condorcet winner, instant runoff's convention (all tied for fewest first places removed at once; all win if all tie).",
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner'],
  reference: 'pref_voting combined_methods.condorcet_irv',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return { winners: [] };
    const cw = condorcetWinner(s, cs);
    if (cw >= 0) return { winners: [cw] };
    return { winners: instantRunoff(s, cs).winners };
  },
};
