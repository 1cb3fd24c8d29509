/**
 * Copeland–Global–Borda and Copeland–Global–Minimax: among the Copeland winners, those with the best
 * Borda (or Minimax) score computed on all the candidates in play ("global", unlike the local
 * versions, which recompute the scores among the Copeland winners only).
 *
 * Example: 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻0≻1 (a cycle): all three are Copeland
 * winners; Borda 5, 6, 4: Copeland–Global–Borda elects 1; worst defeats 1, 1, 3:
 * Copeland–Global–Minimax elects 0 and 1.
 */
import { groupByScore, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { bordaScores } from '../positional/borda.js';
import { inPlay } from '../positional/positions.js';
import { copeland } from './copeland.js';
import { minimax } from './minimax.js';

export const copelandGlobalBorda: ProfileRule = {
  name: 'copeland-global-borda',
  aliases: [],
  title: 'Copeland–Global–Borda',
  description: 'Among the Copeland winners, those with the highest Borda score over all candidates in play.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's copeland_global_borda: a single Copeland winner wins at once; otherwise every Copeland winner with the top Borda score (symmetric Borda on weak orders) wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference: 'pref_voting combined_methods.copeland_global_borda',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    const ws = copeland.run(s, cs).winners;
    if (ws.length === 1) return setResult(ws);
    return setResult(groupByScore(ws, bordaScores(s, cs))[0]);
  },
};

export const copelandGlobalMinimax: ProfileRule = {
  name: 'copeland-global-minimax',
  aliases: [],
  title: 'Copeland–Global–Minimax',
  description:
    'Among the Copeland winners, those with the smallest worst defeat (Minimax, margins) over all candidates in play.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's copeland_global_minimax: every Copeland winner with the best Minimax score over the candidates in play wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference: 'pref_voting combined_methods.copeland_global_minimax',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    const ws = copeland.run(s, cs).winners;
    const scores = minimax.run(s, cs).scores as number[];
    return setResult(groupByScore(ws, scores)[0]);
  },
};
