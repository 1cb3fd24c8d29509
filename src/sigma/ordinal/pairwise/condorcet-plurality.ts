/**
 * Condorcet plurality: the Condorcet winner if there is one, otherwise the plurality winners.
 *
 * Example: 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻0≻1 (a cycle): no Condorcet winner, and 0 and
 * 1 tie for the most first places: winners [0, 1].
 */
import { condorcetWinner } from '../../majority.js';
import { setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { plurality } from '../positional/plurality.js';

export const condorcetPlurality: ProfileRule = {
  name: 'condorcet-plurality',
  aliases: [],
  title: 'Condorcet plurality',
  description: 'The Condorcet winner if there is one; otherwise the plurality winners.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's condorcet_plurality: every plurality winner wins when there is no Condorcet winner; first places of weak orders give 1/t to each of t candidates tied at the top.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'pareto'],
  reference: 'pref_voting combined_methods.condorcet_plurality',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    const cw = condorcetWinner(s, cs);
    return cw >= 0 ? setResult([cw]) : setResult(plurality.run(s, cs).winners);
  },
};
