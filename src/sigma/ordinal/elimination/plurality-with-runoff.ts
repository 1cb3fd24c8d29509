/**
 * Plurality with runoff (two-round system): the two candidates with the most first places meet in
 * a runoff, decided by majority. When several tie for first, every pair of them meets; when one is
 * first and several tie for second, it meets each of them; the winners are all runoff winners (both,
 * if a runoff is tied).
 *
 * Example (pref_voting's docstring): 2 voters 0≻1≻2≻3, 1 voter 3≻1≻2≻0, 2 voters 2≻0≻3≻1, 2 voters
 * 1≻2≻3≻0, 1 voter 2≻3≻0≻1, 2 voters 0≻3≻2≻1. First places 4, 2, 3, 1: 0 meets 2, and 2 wins 6–4.
 */
import type { ProfileRule } from '../../types.js';
import { setResult, groupByScore } from '../../result.js';
import { inPlay } from '../positional/positions.js';
import { placeShares, tolerance } from './rounds.js';

export const pluralityWithRunoff: ProfileRule = {
  name: 'plurality-with-runoff',
  aliases: ['two-round', 'top-two-runoff'],
  title: 'Plurality with runoff',
  description:
    'The two candidates with the most first places meet in a majority runoff; ties for first or second place send every tied pairing to a runoff, and every runoff winner wins.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's plurality_with_runoff: all tied pairings are run (parallel universes) and a tied runoff elects both. First places of weak orders: 1/t to each of the t candidates tied at the top.",
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-loser'],
  reference: 'pref_voting iterative_methods.plurality_with_runoff',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length <= 1) return setResult(cs);
    const first = new Float64Array(s.m);
    placeShares(s.profile, cs, first);
    const groups = groupByScore(cs, first);
    const pairs: [number, number][] = [];
    if (groups[0].length === 1) for (const b of groups[1]) pairs.push([groups[0][0], b]);
    else for (const a of groups[0]) for (const b of groups[0]) if (a < b) pairs.push([a, b]);
    const g = s.margin();
    const m = s.m;
    const tol = tolerance(s, 1);
    const winners: number[] = [];
    for (const [a, b] of pairs) {
      const x = g[a * m + b];
      if (x >= -tol) winners.push(a);
      if (x <= tol) winners.push(b);
    }
    return setResult(winners);
  },
};
