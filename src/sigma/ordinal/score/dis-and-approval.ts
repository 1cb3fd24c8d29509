/**
 * Dis&approval voting (Alcantud & Laruelle 2014): each voter approves (+1), disapproves (−1) or
 * leaves neutral (0) each candidate; the highest sum wins and the sums rank everyone. As in
 * pref_voting, a candidate a ballot leaves unscored counts 0 (neither approved nor disapproved).
 * A ranking approves its top group and disapproves its bottom group among the candidates in play
 * (a truncated ballot's unranked candidates are its bottom group); a ballot ranking all of them
 * equal says nothing.
 *
 * Example: ballots 1/0/−1 ×2, −1/1/0 ×1, 0/1/−1 ×2 (candidates 0/1/2): sums 1, 3, −4; winner 1.
 */
import { UserError } from '../../../core/errors.js';
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';

export const disAndApproval: ProfileRule = {
  name: 'dis-and-approval',
  aliases: ['dis-approval'],
  title: 'Dis&approval',
  description:
    'Each voter gives +1 (approve), 0 or −1 (disapprove) to each candidate; the highest sum wins and the sums rank everyone.',
  family: 'score',
  input: 'scores',
  output: 'ranking',
  ties: "As pref_voting's dis_and_approval: every candidate with the top sum wins; cardinal ballots must use grades in {−1, 0, 1} (a UserError otherwise) and an unscored candidate counts 0. Rankings: +1 to the top group and −1 to the bottom group among the candidates in play.",
  axioms: ['anonymity', 'neutrality'],
  reference:
    'Alcantud & Laruelle (2014), Dis&approval voting: a characterization, Social Choice and Welfare 43; pref_voting grade_methods.dis_and_approval',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    const { m, k, levels, counts, scores } = s.profile;
    const sum = new Float64Array(m).fill(Number.NaN);
    for (const c of cs) sum[c] = 0;
    for (let b = 0; b < k; b++) {
      const w = counts[b];
      const o = b * m;
      if (scores) {
        for (const c of cs) {
          const x = scores[o + c];
          if (Number.isNaN(x)) continue;
          if (x !== -1 && x !== 0 && x !== 1)
            throw new UserError(
              `dis-and-approval reads grades −1, 0 or 1; ballot ${b} gives candidate ${c} ${x}`,
              '--method dis-and-approval',
            );
          sum[c] += w * x;
        }
        continue;
      }
      if (cs.length === 0) continue;
      let lo = levels[o + cs[0]];
      let hi = lo;
      for (const c of cs) {
        lo = Math.min(lo, levels[o + c]);
        hi = Math.max(hi, levels[o + c]);
      }
      if (lo === hi) continue;
      for (const c of cs) {
        const l = levels[o + c];
        if (l === lo) sum[c] += w;
        else if (l === hi) sum[c] -= w;
      }
    }
    return scoredResult(cs, sum);
  },
};
