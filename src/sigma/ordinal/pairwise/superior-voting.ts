/**
 * Superior voting (Holliday): a candidate earns a ballot's point when it is that ballot's first
 * choice or it beats the ballot's first choice by majority; the most points wins. It elects a
 * Condorcet winner with at least one first place, and only it.
 *
 * Example: 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻0≻1 (0 beats 1, 1 beats 2, 2 beats 0): first
 * places 2, 2, 1; points 0: 2 + 2, 1: 2 + 1, 2: 1 + 2: 0 wins.
 */
import { marginTolerance } from '../../majority.js';
import { groupByScore, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { placeShares } from '../elimination/rounds.js';
import { inPlay } from '../positional/positions.js';

export const superiorVoting: ProfileRule = {
  name: 'superior-voting',
  aliases: ['superior'],
  title: 'Superior voting',
  description:
    'Each candidate scores its own first places plus the first places of every candidate it beats by majority; the most points wins.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's superior_voting: every top scorer wins; first places of weak orders give 1/t to each of t candidates tied at the top (exhausted ballots give nothing).",
  axioms: ['anonymity', 'neutrality'],
  reference: 'Holliday (devised), named by Foley; pref_voting other_methods.superior_voting',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    const first = new Float64Array(s.m);
    if (cs.length > 0) placeShares(s.profile, cs, first);
    const g = s.margin();
    const m = s.m;
    const tol = marginTolerance(s);
    if (cs.length === 0) return setResult([]);
    const points = new Float64Array(m);
    for (const c of cs) {
      let t = first[c];
      for (const d of cs) if (g[c * m + d] > tol) t += first[d];
      points[c] = t;
    }
    // Points are sums of shares of weight: the tie tolerance absorbs the order of summation.
    return setResult(groupByScore(cs, points)[0]);
  },
};
