/**
 * Llull: a candidate scores 1 for each candidate it beats or ties by majority (pref_voting's
 * `llull`, Copeland scores (1, 1, 0)); the highest score wins and the scores order everyone.
 *
 * Example: 0 and 1 tie, both beat 2: scores 2, 2, 0; ranking [[0, 1], [2]].
 */
import type { ProfileRule } from '../../types.js';
import { copelandLike } from './copeland.js';

export const llull: ProfileRule = {
  name: 'llull',
  aliases: [],
  title: 'Llull',
  description:
    'Each candidate scores the number of candidates it beats or ties by majority; the highest score wins and the scores rank everyone.',
  family: 'pairwise',
  input: 'rankings',
  output: 'ranking',
  ties: "pref_voting's convention: win 1, tie 1, loss 0; every candidate with the top score wins; equal scores are tied in the ranking.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  reference: 'Ramon Llull, Artifitium electionis personarum (c. 1274); pref_voting `llull`',
  run: (s, cands) => copelandLike(s, cands, 1, 1, 0),
};
