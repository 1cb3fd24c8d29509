/**
 * The hand example of meta-preferences (src/align/idealize/meta-preferences.ts), shared by the
 * meta-preference tests: parts A and B, candidates x ∈ {1, .75, .5, .25, 0} (weights (x, 1 − x)),
 * targets τ_A = (.75, .25), τ_B = (.25, .75), L1, weighted utilitarian. The weighted median of the
 * targets wins: E(w) = τ_A when w_A > ½, τ_B when w_A < ½, and at w_A = ½ every x in [.25, .75]
 * ties, their mean .5. Fixed points: τ_A, τ_B (stable, basins w_A > ½ and w_A < ½) and (½, ½)
 * (unstable, basin of measure 0): exactly three.
 */
import { metaFromTargets } from '../../src/align/idealize/meta-preferences.js';

export const hand = () =>
  metaFromTargets({
    parts: ['A', 'B'],
    targets: [
      [0.75, 0.25],
      [0.25, 0.75],
    ],
    candidates: [
      [1, 0],
      [0.75, 0.25],
      [0.5, 0.5],
      [0.25, 0.75],
      [0, 1],
    ],
  });
