/**
 * Cumulative voting: each voter spreads a fixed number of points (`total`, default 5) over the
 * candidates, as many on one as it likes; the most points wins and the points rank everyone.
 * Following pref_voting's cumulative_voting, every cardinal ballot must give non-negative points
 * that sum to the total (unscored candidates get none). A ranking puts all its points on its top
 * group among the candidates in play, shared equally — cumulative voting over rankings is then
 * plurality with a scale.
 *
 * Example: ballots 3/2/0 ×2, 0/0/5 ×1, 1/4/0 ×1 (candidates 0/1/2, total 5): sums 7, 8, 5; winner 1.
 */
import { UserError } from '../../../core/errors.js';
import { EPS, scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay, numberOption, scoreVector } from '../positional/positions.js';

export const cumulative: ProfileRule = {
  name: 'cumulative-voting',
  aliases: ['cumulative'],
  title: 'Cumulative voting',
  description:
    'Each voter spreads a fixed number of points over the candidates; the most points wins and the points rank everyone.',
  family: 'score',
  input: 'scores',
  output: 'ranking',
  ties: "As pref_voting's cumulative_voting (max_total_grades = total): every candidate with the most points wins; each cardinal ballot must give points ≥ 0 summing to the total over all candidates (a UserError otherwise; unscored candidates get 0). Rankings: the total shared equally by the top group among the candidates in play.",
  axioms: ['anonymity', 'neutrality'],
  options: [
    {
      name: 'total',
      type: 'number',
      default: 5,
      description: 'the points each voter spreads (pref_voting max_total_grades)',
      check: (x) => (typeof x === 'number' && x > 0 ? undefined : 'expected a number > 0'),
    },
  ],
  reference:
    'Glasser (1959), Game theory and cumulative voting for corporate directors; pref_voting grade_methods.cumulative_voting',
  run(s, cands, opts) {
    const total = numberOption(opts, 'total', 5, (x) => x > 0, 'a number > 0');
    const cs = inPlay(s.m, cands);
    const { m, k, counts, scores } = s.profile;
    if (!scores) {
      const first = scoreVector(s, cs, [total]);
      return scoredResult(cs, first);
    }
    const sum = new Float64Array(m).fill(Number.NaN);
    for (const c of cs) sum[c] = 0;
    for (let b = 0; b < k; b++) {
      let spent = 0;
      for (let c = 0; c < m; c++) {
        const x = scores[b * m + c];
        if (Number.isNaN(x)) continue;
        if (x < 0)
          throw new UserError(
            `cumulative voting reads points ≥ 0; ballot ${b} gives candidate ${c} ${x}`,
            '--method cumulative-voting',
          );
        spent += x;
      }
      if (Math.abs(spent - total) > EPS * Math.max(1, total))
        throw new UserError(
          `each ballot must spread exactly ${total} points (option total); ballot ${b} spreads ${spent}`,
          '--method cumulative-voting',
        );
      for (const c of cs) {
        const x = scores[b * m + c];
        if (!Number.isNaN(x)) sum[c] += counts[b] * x;
      }
    }
    return scoredResult(cs, sum);
  },
};
