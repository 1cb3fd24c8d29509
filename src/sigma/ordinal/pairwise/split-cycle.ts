/**
 * Split Cycle: a majority win of b over a is a defeat unless it is a weakest edge of some majority
 * cycle, that is, unless there is a path of majority wins from a back to b each by a margin at least
 * margin(b, a). The undefeated candidates win. With p(a, b) the strongest-path strength from a to b,
 * b defeats a exactly when margin(b, a) > p(a, b).
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5: 0≻1 is the cycle's weakest edge and is split off;
 * 1≻2 and 2≻0 stand, so 0 and 2 are defeated and 1 wins.
 */
import type { ProfileRule } from '../../types.js';
import { localMargins, localSet, Scratch } from './local.js';
import { widestPaths } from './schulze.js';

const strengths = new Scratch((n) => new Float64Array(n));

/**
 * Marks in `out` (k entries, 1 = undefeated) the Split Cycle winners of the k*k margins `g`; `p` is
 * k*k scratch. Returns how many there are.
 */
export function splitCycleUndefeated(g: Float64Array, k: number, p: Float64Array, out: Uint8Array): number {
  widestPaths(g, k, p);
  let count = 0;
  for (let a = 0; a < k; a++) {
    let ok = 1;
    for (let b = 0; b < k; b++) {
      const w = g[b * k + a];
      if (w > 0 && w > p[a * k + b]) {
        ok = 0;
        break;
      }
    }
    out[a] = ok;
    count += ok;
  }
  return count;
}

export const splitCycle: ProfileRule = {
  name: 'split-cycle',
  aliases: [],
  title: 'Split Cycle',
  description:
    'In every majority cycle the wins of smallest margin are discarded; a remaining majority win is a defeat, and the undefeated candidates win.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "Margins as the strength of a win, as pref_voting's `split_cycle`; a win tied for weakest in a cycle is discarded; every undefeated candidate wins (no tie-breaking).",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  reference:
    'Holliday & Pacuit (2023), Split Cycle: a new Condorcet-consistent voting method independent of clones and immune to spoilers, Public Choice 197',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    const out = new Uint8Array(k);
    splitCycleUndefeated(g, k, strengths.get(k * k), out);
    return localSet(cs, out);
  },
};
