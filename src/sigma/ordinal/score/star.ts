/**
 * STAR voting (score then automatic runoff): sum the grades; the two highest-scoring candidates meet
 * in a runoff won by the one graded higher on more ballots.
 *
 * Example: 0/5/3 ×3, 5/0/4 ×2, 1/2/5 ×2 (grades of candidates 0/1/2): sums 12, 19, 27; 2 meets 1 and is
 * graded higher on 4 ballots to 1's 3: winner 2.
 */
import { EPS, groupByScore, setResult } from '../../result.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { gradeSums, grades } from './grades.js';

export const star: ProfileRule = {
  name: 'star',
  aliases: ['star-voting', 'score-then-automatic-runoff'],
  title: 'STAR voting',
  description:
    'Sum the grades; the two candidates with the highest sums meet in a runoff won by the one graded higher on more ballots.',
  family: 'score',
  input: 'scores',
  output: 'set',
  ties: "As pref_voting's star: if several tie for the highest sum, every pair of them meets in a runoff; if one leads and several tie second, it meets each; every runoff winner wins, both if a runoff is tied. Unscored candidates get the profile's lowest score; rankings are graded by the number of candidates in play ranked strictly below.",
  axioms: ['anonymity', 'neutrality'],
  reference: 'Equal Vote Coalition, starvoting.org; pref_voting grade_methods.star',
  run(s, cands): RuleResult {
    const G = grades(s, cands);
    const { cands: cs, g } = G;
    const r = cs.length;
    const sums = gradeSums(s, G);
    if (r <= 1) return { ...setResult(cs), scores: Array.from(sums) };
    const groups = groupByScore(cs, sums);
    const pairs: [number, number][] = [];
    if (groups[0].length === 1) for (const b of groups[1]) pairs.push([groups[0][0], b]);
    else for (const a of groups[0]) for (const b of groups[0]) if (a < b) pairs.push([a, b]);
    const at = new Map<number, number>();
    cs.forEach((c, i) => {
      at.set(c, i);
    });
    const { k, counts } = s.profile;
    const tol = EPS * Math.max(1, s.n);
    const winners: number[] = [];
    for (const [a, b] of pairs) {
      const ia = at.get(a) as number;
      const ib = at.get(b) as number;
      let x = 0;
      for (let v = 0; v < k; v++) {
        const d = g[v * r + ia] - g[v * r + ib];
        if (d > 0) x += counts[v];
        else if (d < 0) x -= counts[v];
      }
      if (x >= -tol) winners.push(a);
      if (x <= tol) winners.push(b);
    }
    return { ...setResult(winners), scores: Array.from(sums) };
  },
};
