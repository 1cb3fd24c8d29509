/**
 * Smith–Minimax: Minimax (margins) restricted to the Smith set.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5 with 3 beaten by all three: the Smith set is
 * {0, 1, 2} and Minimax among them elects 1 (worst defeat 1).
 */
import { smithSet } from '../../majority.js';
import { setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { minimax } from './minimax.js';

export const smithMinimax: ProfileRule = {
  name: 'smith-minimax',
  aliases: [],
  title: 'Smith–Minimax',
  description: 'Minimax (margins) restricted to the Smith set.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's smith_minimax: every Smith member with the smallest worst defeat (among Smith members) wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference: 'pref_voting combined_methods.smith_minimax',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    return setResult(minimax.run(s, smithSet(s, cs)).winners);
  },
};
