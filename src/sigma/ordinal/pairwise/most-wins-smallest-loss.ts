/**
 * Most wins, smallest loss: the candidates with the most head-to-head wins (a tie counts ½); among
 * several, the one whose defeats, sorted from the largest margin down, are lexicographically
 * smallest (an unbeaten candidate's sequence is [0]).
 *
 * Example: margins 0 over 1 by 4, 1 over 2 by 2, 2 over 0 by 2, 3 beaten by all by 2: 0, 1 and 2
 * have 2 wins each; their defeats are [2], [4] and [2]: 0 and 2 win.
 */
import { EPS } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { compareSequences } from './leximax.js';
import { localMargins, localSet } from './local.js';

export const mostWinsSmallestLoss: ProfileRule = {
  name: 'most-wins-smallest-loss',
  aliases: ['mwsl'],
  title: 'Most wins, smallest loss',
  description:
    'The candidates with the most head-to-head wins (ties count ½); among them, the smallest largest defeat, then the smallest next one, and so on.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's MWSL with its defaults (half a point for a tie, lexicographic tie-breaker): defeat sequences sorted largest first, compared lexicographically (a shorter prefix is smaller); an unbeaten candidate's sequence is [0]; all with the least sequence win.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser'],
  reference: 'arXiv:2508.17095; pref_voting margin_based_methods.MWSL',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    const tol = EPS * Math.max(1, s.n);
    const wins = new Float64Array(k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        if (i === j) continue;
        const x = g[i * k + j];
        wins[i] += x > tol ? 1 : x < -tol ? 0 : 0.5;
      }
    let most = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < k; i++) if (wins[i] > most) most = wins[i];
    const top: number[] = [];
    for (let i = 0; i < k; i++) if (wins[i] === most) top.push(i);
    const seq = top.map((j) => {
      const xs: number[] = [];
      for (let i = 0; i < k; i++) if (i !== j && g[i * k + j] > tol) xs.push(g[i * k + j]);
      return xs.length === 0 ? [0] : xs.sort((a, b) => b - a);
    });
    let best = 0;
    for (let t = 1; t < top.length; t++) if (compareSequences(seq[t], seq[best], tol) < 0) best = t;
    const flags = new Uint8Array(k);
    top.forEach((j, t) => {
      if (compareSequences(seq[t], seq[best], tol) === 0) flags[j] = 1;
    });
    return localSet(cs, flags);
  },
};
