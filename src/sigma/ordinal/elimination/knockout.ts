/**
 * Knockout voting (Foley): the candidate with the lowest Borda score meets the one with the second
 * lowest head to head, and the loser is removed; repeat until one remains. Borda scores are computed
 * once, on all the candidates in play at the start, and never recomputed (unlike Baldwin's). Ties in
 * the Borda scores are broken every possible way (parallel universes) and the winners are the union.
 *
 * Example: 3 voters 0≻1≻2, 2 voters 1≻2≻0, 2 voters 2≻0≻1. Borda 8, 7, 6: 2 meets 1 and loses 2–5;
 * then 1 meets 0 and loses 2–5 (0 ≻ 1 for the 0≻1≻2 and 2≻0≻1 voters): 0 wins.
 */
import { UserError } from '../../../core/errors.js';
import { groupByScore } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { marginBorda, PUT_LIMIT, tolerance } from './rounds.js';

export const knockout: ProfileRule = {
  name: 'knockout',
  aliases: ['knockout-voting'],
  title: 'Knockout voting',
  description:
    'The candidates with the lowest and second-lowest Borda scores (computed once, at the start) meet head to head; the loser is removed; repeat until one remains.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's knockout, with parallel-universe tie-breaking for ties in the Borda scores: when several tie for the lowest, every ordered pair of them meets and a margin ≥ 0 removes the second; otherwise the lowest meets each tied second-lowest, a margin ≥ 0 for the second-lowest removes the lowest and a positive margin for the lowest removes the other. Borda scores are those of the candidates in play when the rule starts (pref_voting uses the whole profile's even when given curr_cands; the two agree when every candidate is in play); weak orders use symmetric Borda.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser'],
  maxCandidates: PUT_LIMIT,
  reference: 'Foley, "Knockout voting"; pref_voting iterative_methods.knockout',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    const r = cs.length;
    if (r === 0) return { winners: [] };
    if (r > PUT_LIMIT)
      throw new UserError(
        `knockout searches every tie-breaking order and refuses more than ${PUT_LIMIT} candidates (got ${r})`,
        'cands',
      );
    const borda = new Float64Array(s.m);
    marginBorda(s, cs, borda);
    const g = s.margin();
    const m = s.m;
    const tol = tolerance(s, 1);
    const memo = new Map<number, number>();
    const solve = (mask: number): number => {
      const hit = memo.get(mask);
      if (hit !== undefined) return hit;
      const rem: number[] = [];
      for (let i = 0; i < r; i++) if (mask & (1 << i)) rem.push(i);
      let won = 0;
      if (rem.length === 1) won = mask;
      else {
        const groups = groupByScore(
          rem.map((i) => cs[i]),
          borda,
          true,
        );
        const at = new Map(cs.map((c, i) => [c, i]));
        const drop = (c: number) => {
          won |= solve(mask & ~(1 << (at.get(c) as number)));
        };
        const low = groups[0];
        if (low.length > 1) {
          for (const a of low) for (const b of low) if (a !== b && g[a * m + b] >= -tol) drop(b);
        } else {
          const a = low[0];
          for (const b of groups[1]) {
            if (g[b * m + a] >= -tol) drop(a);
            if (g[a * m + b] > tol) drop(b);
          }
        }
      }
      memo.set(mask, won);
      return won;
    };
    const won = solve((1 << r) - 1);
    const winners: number[] = [];
    for (let i = 0; i < r; i++) if (won & (1 << i)) winners.push(cs[i]);
    return { winners };
  },
};
