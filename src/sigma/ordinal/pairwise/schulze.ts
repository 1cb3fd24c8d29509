/**
 * Schulze (beat path): the strength of a path of majority wins is its smallest margin, and
 * p(a, b) is the strength of the strongest path from a to b (0 when there is none), found by the
 * Floyd–Warshall widest-path recurrence. a beats b in the Schulze order when p(a, b) > p(b, a); that
 * relation is a strict partial order (Schulze 2011), its undominated candidates win, and the
 * ranking layers it: first the undominated, then the undominated among the rest, and so on.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5: p(1,0) = 3 > p(0,1) = 1, p(2,0) = 5 > p(0,2) = 1
 * and p(1,2) = 3 > p(2,1) = 1, so the ranking is [[1], [2], [0]].
 */
import type { ProfileRule } from '../../types.js';
import { globalScores, localMargins, Scratch } from './local.js';

const strengths = new Scratch((n) => new Float64Array(n));

/**
 * Fills `p` (k*k) with the strongest-path strengths over the majority graph of margins `g`, with 0
 * for no path and on the diagonal.
 */
export function widestPaths(g: Float64Array, k: number, p: Float64Array): void {
  for (let i = 0; i < k * k; i++) p[i] = Math.max(g[i], 0);
  for (let i = 0; i < k; i++) p[i * k + i] = 0;
  for (let i = 0; i < k; i++) {
    const ri = i * k;
    for (let j = 0; j < k; j++) {
      const rj = j * k;
      const ji = p[rj + i];
      if (j === i || ji <= 0) continue;
      for (let c = 0; c < k; c++) {
        if (c === j) continue;
        const ic = p[ri + c];
        const via = Math.min(ji, ic);
        if (via > p[rj + c]) p[rj + c] = via;
      }
    }
  }
}

export const schulze: ProfileRule = {
  name: 'schulze',
  aliases: ['beat-path'],
  title: 'Schulze (beat path)',
  description:
    'a beats b when the strongest path of majority wins from a to b (a path is as strong as its smallest margin) is stronger than the strongest from b to a; the unbeaten win, and the ranking layers this order.',
  family: 'pairwise',
  input: 'rankings',
  output: 'ranking',
  ties: "Path strength by margins, as pref_voting's `beat_path`; every candidate no other beats in the Schulze order wins. The ranking puts candidates in the same group when neither is ranked above the other by the layering (undominated first, then undominated among the rest, …). Scores: the number of candidates each beats in the Schulze order.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  reference:
    'Schulze (2011), A new monotonic, clone-independent, reversal symmetric, and Condorcet-consistent single-winner election method, Social Choice and Welfare 36',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    const p = strengths.get(k * k);
    widestPaths(g, k, p);
    // beaten[j]: how many beat j; wins[i]: how many i beats.
    const beaten = new Int32Array(k);
    const wins = new Float64Array(k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++)
        if (i !== j && p[i * k + j] > p[j * k + i]) {
          beaten[j]++;
          wins[i]++;
        }
    // Layer the order: repeatedly take the candidates nobody left beats.
    const ranking: number[][] = [];
    const placed = new Uint8Array(k);
    let left = k;
    while (left > 0) {
      const group: number[] = [];
      for (let j = 0; j < k; j++) if (!placed[j] && beaten[j] === 0) group.push(j);
      // The order is transitive, so some candidate is always unbeaten; guard anyway.
      if (group.length === 0) for (let j = 0; j < k; j++) if (!placed[j]) group.push(j);
      for (const j of group) {
        placed[j] = 1;
        left--;
        for (let c = 0; c < k; c++) if (p[j * k + c] > p[c * k + j]) beaten[c]--;
      }
      ranking.push(group.map((j) => cs[j]).sort((a, b) => a - b));
    }
    return { winners: ranking[0] ?? [], ranking, scores: globalScores(s.m, cs, wins) };
  },
};
