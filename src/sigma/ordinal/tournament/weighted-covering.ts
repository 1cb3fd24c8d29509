/**
 * Weighted covering: x covers y when x beats y by majority and, against every candidate z, x's
 * margin is at least y's; the uncovered candidates win.
 *
 * Example: 3 voters 0≻1≻2, 2 voters 1≻2≻0. Margins 0 over 1 by 1, 0 over 2 by 1, 1 over 2 by 5. 0
 * does not cover 1 (against 2, 0 has 1 and 1 has 5), and 1 does not beat 0: winners [0, 1] (2 is
 * covered by 1). The Copeland and Gillies winners are [0] alone.
 */
import type { ProfileRule } from '../../types.js';
import { EPS } from '../../result.js';
import { localMargins, localSet } from '../pairwise/local.js';

export const weightedCovering: ProfileRule = {
  name: 'weighted-covering',
  aliases: [],
  title: 'Weighted covering',
  description:
    'x covers y when x beats y by majority and has at least y’s margin against every other candidate; the uncovered candidates win.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's weighted_covering: covering needs a strict majority win and margins at least as large (equal margins count); every uncovered candidate wins. A Condorcet winner need not cover a candidate with larger margins against third candidates, so the set can be larger than the Condorcet winner.",
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference:
    'Dutta & Laslier (1999), Comparison functions and choice correspondences; Pérez-Fernández & De Baets (2018); pref_voting margin_based_methods.weighted_covering',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    const tol = EPS * Math.max(1, s.n);
    const inSet = new Uint8Array(k);
    for (let y = 0; y < k; y++) {
      let covered = false;
      for (let x = 0; x < k && !covered; x++) {
        if (x === y || !(g[x * k + y] > tol)) continue;
        let ok = true;
        for (let z = 0; z < k && ok; z++) if (g[x * k + z] < g[y * k + z] - tol) ok = false;
        covered = ok;
      }
      inSet[y] = covered ? 0 : 1;
    }
    return localSet(cs, inSet);
  },
};
