/**
 * Minimax (support): a candidate's worst defeat is the largest number of voters who prefer some
 * candidate that beats it by majority (0 when nobody beats it); the winners have the smallest worst
 * defeat. On linear orders it elects as the margins variant does; with ties in the ballots, support
 * ("winning votes") and margins can disagree.
 */
import { EPS, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';

export const minimaxSupport: ProfileRule = {
  name: 'minimax-support',
  aliases: ['minimax-winning-votes', 'simpson-support'],
  title: 'Minimax (support)',
  description:
    'Each candidate’s worst defeat is the largest support (voters preferring the other) of a candidate that beats it by majority, 0 if unbeaten; the smallest worst defeat wins.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's minimax_support (minimax with the support as strength): only majority defeats count; every candidate with the smallest worst defeat wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner'],
  reference: 'Simpson (1969); Kramer (1977); pref_voting margin_based_methods.minimax_support',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    const sup = s.support();
    const m = s.m;
    const tol = EPS * Math.max(1, s.n);
    const worst = cs.map((c) => {
      let w = 0;
      for (const d of cs)
        if (d !== c && sup[d * m + c] - sup[c * m + d] > tol && sup[d * m + c] > w) w = sup[d * m + c];
      return w;
    });
    const best = Math.min(...worst);
    return setResult(cs.filter((_, i) => worst[i] <= best + tol));
  },
};
