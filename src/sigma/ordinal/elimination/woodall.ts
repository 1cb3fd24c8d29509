/**
 * Woodall: a Condorcet winner wins; otherwise remove the candidates with the fewest first places
 * among those remaining (all of them at once), round after round, until one member of the original
 * Smith set is left; it wins. If a round would remove every Smith member still in, those win.
 *
 * Example (a cycle): 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻0≻1. The Smith set is all three;
 * 2 has the fewest first places (1) and goes; its voter then counts for 0, who has 3 to 1's 2; 1
 * goes and 0, the last Smith member, wins (as pref_voting's woodall).
 */
import { smithSet } from '../../majority.js';
import { setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { lowest, placeShares } from './rounds.js';

export const woodall: ProfileRule = {
  name: 'woodall',
  aliases: [],
  title: 'Woodall',
  description:
    'A Condorcet winner wins; otherwise remove the candidates with the fewest first places, round after round, until a single member of the Smith set remains.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's woodall: all candidates tied for the fewest first places go at once; if a round removes the last Smith members, they all win. First places of weak orders: 1/t to each of the t candidates tied at the top among those remaining.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith'],
  reference:
    'Woodall (1997), Monotonicity of single-seat preferential election rules; pref_voting iterative_methods.woodall',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return setResult([]);
    const smith = new Set(smithSet(s, cs));
    if (smith.size === 1) return setResult(smith);
    const first = new Float64Array(s.m);
    let rem: readonly number[] = cs;
    for (;;) {
      const inSmith = rem.filter((c) => smith.has(c));
      placeShares(s.profile, rem, first);
      const out = new Set(lowest(rem, first));
      const next = rem.filter((c) => !out.has(c));
      const left = inSmith.filter((c) => !out.has(c));
      if (left.length === 0) return setResult(inSmith);
      if (left.length === 1) return setResult(left);
      rem = next;
    }
  },
};
