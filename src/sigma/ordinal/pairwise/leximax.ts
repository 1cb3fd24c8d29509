/**
 * Leximax: each candidate's margins against the others, sorted from the largest defeat down (a
 * defeat is a positive margin against it); the winners have the lexicographically smallest sequence:
 * the smallest worst defeat, then the smallest second-worst, and so on (Minimax refined).
 *
 * Example: margins 0 over 1 by 2, 1 over 2 by 2, 2 over 0 by 2, 3 beaten by 0 and 1 by 2 and beating
 * 2 by 2. Worst defeats are all 2; sequences (against-margins, largest first) 0: [2, −2, −2],
 * 1: [2, −2, −2], 2: [2, 2, −2], 3: [2, 2, −2]: winners 0 and 1.
 */
import type { ProfileRule } from '../../types.js';
import { EPS } from '../../result.js';
import { localMargins, localSet } from './local.js';

/** −1, 0 or 1 as the sequence a is lexicographically below, equal to or above b (within tolerance). */
export function compareSequences(a: readonly number[], b: readonly number[], tol: number): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] < b[i] - tol) return -1;
    if (a[i] > b[i] + tol) return 1;
  }
  return Math.sign(a.length - b.length);
}

export const leximax: ProfileRule = {
  name: 'leximax',
  aliases: ['leximin-minimax'],
  title: 'Leximax',
  description:
    'Compare the candidates by their margins of defeat sorted from the largest down: the smallest worst defeat wins, ties go to the smallest second-worst, and so on.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's leximax: every margin against a candidate (wins as negative numbers) enters its sequence; all candidates with the least sequence win.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'pareto'],
  reference: 'Discussed as "Leximin" in arXiv:2411.19857; pref_voting margin_based_methods.leximax',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    const tol = EPS * Math.max(1, s.n);
    const seq = Array.from({ length: k }, (_, j) => {
      const xs: number[] = [];
      for (let i = 0; i < k; i++) if (i !== j) xs.push(g[i * k + j]);
      return xs.sort((a, b) => b - a);
    });
    let best = 0;
    for (let j = 1; j < k; j++) if (compareSequences(seq[j], seq[best], tol) < 0) best = j;
    const flags = new Uint8Array(k);
    for (let j = 0; j < k; j++) flags[j] = compareSequences(seq[j], seq[best], tol) === 0 ? 1 : 0;
    return localSet(cs, flags);
  },
};
