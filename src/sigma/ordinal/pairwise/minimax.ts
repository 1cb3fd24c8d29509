/**
 * Minimax (Simpson–Kramer), margins variant: a candidate's worst defeat is the largest margin by
 * which another candidate beats it (0 when nobody beats it); the winners have the smallest worst
 * defeat. Scores are −(worst defeat), pref_voting's `minimax_scores` with score_method "margins",
 * and order everyone.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5: worst defeats 5, 1, 3; winner 1, ranking
 * [[1], [2], [0]].
 */
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { globalScores, localMargins } from './local.js';

export const minimax: ProfileRule = {
  name: 'minimax',
  aliases: ['simpson-kramer', 'simpson'],
  title: 'Minimax (Simpson–Kramer)',
  description:
    "Each candidate's score is minus the largest margin by which another candidate beats it (0 if unbeaten); the highest score wins and the scores rank everyone.",
  family: 'pairwise',
  input: 'rankings',
  output: 'ranking',
  ties: "Margins variant, as pref_voting's `minimax`: a defeat's size is its margin and ties count as no defeat; every candidate with the smallest worst defeat wins; equal scores are tied in the ranking.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner'],
  reference: 'Simpson (1969); Kramer (1977)',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    const score = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      let worst = 0;
      for (let i = 0; i < k; i++) {
        const x = g[i * k + j];
        if (x > worst) worst = x;
      }
      score[j] = 0 - worst; // +0, not −0, for the unbeaten
    }
    return scoredResult(cs, globalScores(s.m, cs, score));
  },
};
