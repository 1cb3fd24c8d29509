/**
 * Bracket voting (Foley): seed the four candidates with the most first places 1 to 4; seed 1 meets
 * seed 4 and seed 2 meets seed 3 head to head, by majority, and the two winners meet in a final. A
 * tied match goes to the better seed. With three candidates seed 1 has a bye to the final; with two,
 * the plurality winners win.
 *
 * Ties in first places are seeded by a fixed order of the candidates (option `tie_breaker`, default
 * index order: pref_voting's tie_break="lexicographic"). pref_voting's default draws that order at
 * random; in sulab a random order is the separate, seeded tie-breaking step, not part of the rule.
 *
 * Example: 4 voters 0≻1≻2≻3, 3 voters 1≻2≻3≻0, 2 voters 2≻3≻1≻0, 1 voter 3≻2≻1≻0. Seeds 0, 1, 2, 3.
 * 0 meets 3 and loses 4–6; 1 meets 2 and wins 7–3; in the final 1 beats 3 7–3: 1 wins.
 */
import { marginTolerance } from '../../majority.js';
import { groupByScore, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { placeShares } from '../elimination/rounds.js';
import { TIE_BREAKER, tieBreakerOrder } from '../elimination/tie-breaker.js';
import { inPlay } from '../positional/positions.js';
import { plurality } from '../positional/plurality.js';

export const bracketVoting: ProfileRule = {
  name: 'bracket-voting',
  aliases: ['bracket'],
  title: 'Bracket voting',
  description:
    'The four candidates with the most first places are seeded into a bracket: 1 meets 4, 2 meets 3, and the winners meet in a final, each match decided by majority.',
  family: 'procedural',
  input: 'rankings',
  output: 'set',
  ties: 'As pref_voting\'s bracket_voting with tie_break="lexicographic": ties in first places are seeded by the tie_breaker order (default index order); a tied match goes to the better seed; with two candidates, every plurality winner wins. First places of weak orders give 1/t to each of t candidates tied at the top.',
  axioms: ['anonymity'],
  options: [
    {
      ...TIE_BREAKER,
      description: 'the order that seeds candidates tied in first places, best first (default: index order)',
    },
  ],
  reference: 'Foley; pref_voting other_methods.bracket_voting',
  run(s, cands, opts) {
    const cs = inPlay(s.m, cands);
    if (cs.length <= 1) return setResult(cs);
    if (cs.length === 2) return setResult(plurality.run(s, cs).winners);
    const rank = new Map(tieBreakerOrder(cs, s.m, opts).map((c, i) => [c, i]));
    const first = new Float64Array(s.m);
    placeShares(s.profile, cs, first);
    const seeds = groupByScore(cs, first)
      .flatMap((g) => [...g].sort((a, b) => (rank.get(a) as number) - (rank.get(b) as number)))
      .slice(0, 4);
    const g = s.margin();
    const m = s.m;
    const tol = marginTolerance(s);
    // The better seed (lower index in `seeds`) wins a tie.
    const match = (a: number, b: number) => (g[seeds[a] * m + seeds[b]] >= -tol ? a : b);
    const top = seeds.length === 3 ? 0 : match(0, 3);
    const bottom = match(1, 2);
    return setResult([seeds[top < bottom ? match(top, bottom) : match(bottom, top)]]);
  },
};
