/**
 * Condorcet: the Condorcet winner (the candidate that beats every other by majority) if there is
 * one, else every candidate, as pref_voting's `condorcet`.
 *
 * Example: 2 voters 0≻1≻2 and 1 voter 1≻2≻0: 0 beats 1 and 2, so [0]; the Condorcet cycle gives
 * [0, 1, 2].
 */
import { condorcetWinner } from '../../majority.js';
import { allCandidates } from '../../profile.js';
import { setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { checkCandidates } from '../pairwise/local.js';

export const condorcet: ProfileRule = {
  name: 'condorcet',
  aliases: [],
  title: 'Condorcet',
  description: 'The Condorcet winner if there is one; otherwise every candidate.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: "pref_voting's convention: with no Condorcet winner (a cycle, or a majority tie at the top), every candidate wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner'],
  reference: 'Condorcet (1785); pref_voting `condorcet`',
  run(s, cands) {
    const cs = cands ?? allCandidates(s.m);
    if (cands) checkCandidates(s.m, cands);
    const w = condorcetWinner(s, cs);
    return setResult(w >= 0 ? [w] : cs);
  },
};
