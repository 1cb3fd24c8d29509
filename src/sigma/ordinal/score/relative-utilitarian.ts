/**
 * Relative utilitarian: rescale each ballot's scores to [0, 1] by its range (its worst candidate 0,
 * its best 1; Kaplan's normalization) and elect the highest sum. A ballot that scores every
 * candidate alike adds 0 to each; a candidate a ballot leaves unscored gets 0 from it.
 *
 * Example: scores 0/1/10 ×1 and 5/0/1 ×1 (candidates 0/1/2). Rescaled 0/0.1/1 and 1/0/0.2: sums 1,
 * 0.1, 1.2: winner 2 (a plain sum, 5/1/11, elects 2 too; with the second ballot 50/0/10, rescaling
 * keeps the sums and the plain sum would elect 0).
 */
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { grades } from './grades.js';

export const relativeUtilitarian: ProfileRule = {
  name: 'relative-utilitarian',
  aliases: ['relative-utilitarianism'],
  title: 'Relative utilitarian',
  description:
    "Rescale each ballot's scores to [0, 1] by its range and elect the highest sum; the sums rank everyone.",
  family: 'score',
  input: 'scores',
  output: 'ranking',
  ties: "As pref_voting's relative_utilitarian (normalize_by_range, summed): every top sum wins; a constant ballot gives 0; unscored candidates get 0 and do not enter the range. The range is taken over the candidates in play (pref_voting takes it over all candidates before restricting; the two agree when every candidate is in play). Rankings: the grade of a candidate is the number of candidates in play ranked strictly below it, so a linear order rescales to normalized Borda.",
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference:
    'Dhillon & Mertens (1999), Relative utilitarianism; pref_voting utility_methods.relative_utilitarian',
  run(s, cands) {
    const { cands: cs, g, given } = grades(s, cands);
    const r = cs.length;
    const { k, counts } = s.profile;
    const acc = new Float64Array(r);
    for (let b = 0; b < k; b++) {
      const w = counts[b];
      if (w === 0) continue;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < r; i++) {
        if (given && !given[b * r + i]) continue;
        const x = g[b * r + i];
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      if (!(hi > lo)) continue;
      for (let i = 0; i < r; i++)
        if (!given || given[b * r + i]) acc[i] += (w * (g[b * r + i] - lo)) / (hi - lo);
    }
    const sums = new Float64Array(s.m).fill(Number.NaN);
    for (let i = 0; i < r; i++) sums[cs[i]] = acc[i];
    return scoredResult(cs, sums);
  },
};
