/**
 * Weighted utilitarian: maximize the weighted sum of utilities W(a) = Σ_i w_i u_i(a), and rank the
 * actions by it (Harsanyi's aggregation).
 *
 * Example: parts with weights [2, 1] and utilities u_0 = (1, 0, 0.6), u_1 = (0, 1, 0.6) give
 * W = (2, 1, 1.8): winner action 0, ranking [[0], [2], [1]].
 *
 * Scale dependence: unlike Nash and Kalai–Smorodinsky, the result changes when one part's utility
 * is rescaled (multiplying u_1 by 10 above makes action 1 win). Interpersonal comparison is
 * exactly what the weights and the units of the utilities encode; normalize the problem first
 * (core/normalize.ts) to compare parts on [0, 1] ("relative utilitarianism").
 */
import { scoredResult } from '../result.js';
import type { UtilityRule } from '../types.js';
import { checkProblem, indices } from './common.js';

export const weightedUtilitarian: UtilityRule = {
  name: 'weighted-utilitarian',
  aliases: ['utilitarian'],
  title: 'Weighted utilitarian',
  description: 'Maximizes the weighted sum of the parts’ utilities, Σ_i w_i u_i(a), and ranks actions by it.',
  family: 'cardinal',
  input: 'utilities',
  output: 'ranking',
  ties: 'actions whose weighted sums agree to 1e-9 (relative) are tied; winners are the whole top group',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference:
    'Harsanyi (1955), Cardinal welfare, individualistic ethics, and interpersonal comparisons of utility',
  run(p) {
    checkProblem(p, 'weighted-utilitarian');
    const A = p.actions;
    const score = new Float64Array(A);
    for (let i = 0; i < p.parts; i++) {
      const w = p.weights[i];
      if (w === 0) continue;
      for (let a = 0; a < A; a++) score[a] += w * p.u[i * A + a];
    }
    return scoredResult(indices(A), score);
  },
};
