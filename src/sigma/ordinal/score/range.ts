/**
 * Range (score) voting: each voter grades every candidate; the highest total (or mean) grade wins
 * and the totals rank everyone. Rankings are graded by the number of candidates in play each ballot
 * ranks strictly below the candidate (a Borda-like count).
 *
 * Example: grades 5/3/0 ×2, 1/4/5 ×1, 0/5/2 ×2 (candidates 0/1/2): sums 11, 20, 9; winner 1.
 */
import { UserError } from '../../../core/errors.js';
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { gradeSums, grades, lowestScore } from './grades.js';

export const range: ProfileRule = {
  name: 'range',
  aliases: ['score-voting', 'range-voting'],
  title: 'Range voting',
  description:
    'Each voter grades the candidates; the highest sum of grades (or mean, with aggregate=mean) wins and the sums rank everyone.',
  family: 'score',
  input: 'scores',
  output: 'ranking',
  ties: "Every candidate with the top score wins. Sum (default): an unscored candidate gets the profile's lowest score. Mean (as pref_voting's score_voting with 'mean'): the average over the ballots that scored the candidate; a candidate nobody scored gets the lowest score. Rankings: grade = number of candidates in play ranked strictly below.",
  axioms: ['anonymity', 'neutrality'],
  options: [{ name: 'aggregate', type: 'string', default: 'sum', description: 'sum or mean of the grades' }],
  reference: 'Smith (2000), Range voting; pref_voting grade_methods.score_voting',
  run(s, cands, opts) {
    const how = opts?.aggregate ?? 'sum';
    if (how !== 'sum' && how !== 'mean')
      throw new UserError(`expected sum or mean, got ${JSON.stringify(how)}`, 'options.aggregate');
    const G = grades(s, cands);
    if (how === 'sum' || !G.given) {
      const sums = gradeSums(s, G);
      if (how === 'mean' && s.n > 0) for (const c of G.cands) sums[c] /= s.n;
      return scoredResult(G.cands, sums);
    }
    const { cands: cs, g, given } = G;
    const r = cs.length;
    const { k, counts } = s.profile;
    const tot = new Float64Array(r);
    const wt = new Float64Array(r);
    for (let b = 0; b < k; b++) {
      const w = counts[b];
      if (w === 0) continue;
      for (let i = 0; i < r; i++)
        if (given[b * r + i]) {
          tot[i] += w * g[b * r + i];
          wt[i] += w;
        }
    }
    const lo = lowestScore(s.profile.scores as Float64Array);
    const mean = new Float64Array(s.m).fill(Number.NaN);
    for (let i = 0; i < r; i++) mean[cs[i]] = wt[i] > 0 ? tot[i] / wt[i] : lo;
    return scoredResult(cs, mean);
  },
};
