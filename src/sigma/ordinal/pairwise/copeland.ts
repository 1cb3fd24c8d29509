/**
 * Copeland: a candidate scores 1 for each candidate it beats by majority, 0 for each tie and −1 for
 * each candidate that beats it (pref_voting's `copeland_scores` default, (1, 0, −1)); the winners
 * have the highest score and the scores order everyone. The same order as "win 1, tie ½, loss 0":
 * with k candidates that score is (wins − losses + k − 1) / 2.
 *
 * Example: 3 voters 0≻1≻2 and 2 voters 1≻2≻0. 0 beats 1 (3–2) and 2 (3–2), 1 beats 2 (5–0): scores
 * 2, 0, −2 and ranking [[0], [1], [2]].
 */
import type { Summary } from '../../profile.js';
import { scoredResult } from '../../result.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { globalScores, localMargins } from './local.js';

/** Pairwise scores among `cands`: `win` per majority win, `tie` per tie, `loss` per majority loss. */
export function copelandLike(
  s: Summary,
  cands: readonly number[] | undefined,
  win: number,
  tie: number,
  loss: number,
): RuleResult {
  const { k, cands: cs, g } = localMargins(s, cands);
  const score = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let t = 0;
    const row = i * k;
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      const x = g[row + j];
      t += x > 0 ? win : x < 0 ? loss : tie;
    }
    score[i] = t;
  }
  return scoredResult(cs, globalScores(s.m, cs, score));
}

export const copeland: ProfileRule = {
  name: 'copeland',
  aliases: [],
  title: 'Copeland',
  description:
    'Each candidate scores its majority wins minus its majority losses against the others; the highest score wins and the scores rank everyone.',
  family: 'pairwise',
  input: 'rankings',
  output: 'ranking',
  ties: "pref_voting's convention: win 1, tie 0, loss −1 (the same order as win 1, tie ½, loss 0); every candidate with the top score wins; equal scores are tied in the ranking.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  reference: 'Copeland (1951), A reasonable social welfare function',
  run: (s, cands) => copelandLike(s, cands, 1, 0, -1),
};
