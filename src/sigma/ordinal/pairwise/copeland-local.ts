/**
 * Copeland–Local–Borda and Copeland–Local–Minimax: the Borda (or Minimax) winners of the election
 * restricted to the Copeland winners — scores recomputed among those winners only.
 *
 * Example: 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻0≻1 and a fourth candidate 3 last on every
 * ballot: Copeland winners 0, 1, 2 (a cycle, each beating 3); among them Borda is 5, 6, 4, so
 * Copeland–Local–Borda elects 1, and the worst defeats are 1, 1, 3, so Copeland–Local–Minimax
 * elects 0 and 1.
 */
import { setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { borda } from '../positional/borda.js';
import { inPlay } from '../positional/positions.js';
import { copeland } from './copeland.js';
import { minimax } from './minimax.js';

export const copelandLocalBorda: ProfileRule = {
  name: 'copeland-local-borda',
  aliases: [],
  title: 'Copeland–Local–Borda',
  description: 'The Borda winners of the election restricted to the Copeland winners.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's copeland_local_borda: Borda scores are recomputed among the Copeland winners (symmetric Borda on weak orders); every top scorer wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference: 'pref_voting combined_methods.copeland_local_borda',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    return setResult(borda.run(s, copeland.run(s, cs).winners).winners);
  },
};

export const copelandLocalMinimax: ProfileRule = {
  name: 'copeland-local-minimax',
  aliases: [],
  title: 'Copeland–Local–Minimax',
  description: 'The Minimax winners of the election restricted to the Copeland winners.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's copeland_local_minimax: worst defeats are counted among the Copeland winners only; every candidate with the smallest wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference: 'pref_voting combined_methods.copeland_local_minimax',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    return setResult(minimax.run(s, copeland.run(s, cs).winners).winners);
  },
};
