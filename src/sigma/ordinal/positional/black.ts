/**
 * Black's rule: the Condorcet winner if there is one, otherwise the Borda winners.
 *
 * Example (pref_voting's blacks docstring): voters 2≻0≻1, 0≻1≻2, 2≻1≻0, 1≻2≻0, one each. No
 * Condorcet winner (2 beats 0 3–1 but ties 1 2–2); Borda scores 3, 4, 5; winner 2.
 */
import { condorcetWinner } from '../../majority.js';
import { groupByScore, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { bordaScores } from './borda.js';
import { inPlay } from './positions.js';

export const black: ProfileRule = {
  name: 'black',
  aliases: ['blacks'],
  title: "Black's rule",
  description: 'The Condorcet winner if there is one; otherwise the Borda winners.',
  family: 'positional',
  input: 'rankings',
  output: 'set',
  ties: 'As pref_voting: with no Condorcet winner, every Borda winner wins (Borda on weak orders by averaged positions, i.e. symmetric Borda).',
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser'],
  reference: 'Black (1958), The Theory of Committees and Elections',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    const cw = condorcetWinner(s, cs);
    if (cw >= 0) return setResult([cw]);
    return setResult(groupByScore(cs, bordaScores(s, cs))[0]);
  },
};
