/**
 * Condorcet winner: the candidate that beats every other by majority, or no one. Unlike
 * `condorcet` (every candidate when there is no Condorcet winner, pref_voting's convention) it
 * answers the question "is there a Condorcet winner?" — the empty set says no.
 *
 * Example: 2 voters 0≻1≻2 and 1 voter 1≻2≻0: [0]; the cycle 0≻1≻2, 1≻2≻0, 2≻0≻1 gives [].
 */
import { condorcetWinner } from '../../majority.js';
import { allCandidates } from '../../profile.js';
import { setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { checkCandidates } from '../pairwise/local.js';

export const condorcetWinnerRule: ProfileRule = {
  name: 'condorcet-winner',
  aliases: ['strict-condorcet'],
  title: 'Condorcet winner',
  description: 'The Condorcet winner if there is one; otherwise no winner at all (the empty set).',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: 'With no Condorcet winner (a cycle, or a majority tie at the top) the winners are the empty set; `condorcet` returns every candidate instead.',
  empty: 'when no candidate beats every other by majority',
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  reference: 'Condorcet (1785)',
  run(s, cands) {
    const cs = cands ?? allCandidates(s.m);
    if (cands) checkCandidates(s.m, cands);
    const w = condorcetWinner(s, cs);
    return setResult(w >= 0 ? [w] : []);
  },
};
