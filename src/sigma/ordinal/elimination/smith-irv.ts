/**
 * Smith–IRV: instant runoff on the Smith set (the smallest set of candidates that each beat every
 * candidate outside it).
 *
 * Example (the centre squeeze): 4 voters 0≻1≻2, 3 voters 2≻1≻0, 2 voters 1≻0≻2. 1 beats 0 5–4 and 2
 * 6–3, so the Smith set is {1} and 1 wins, while plain instant runoff removes 1 first and elects 0.
 */
import { smithSet } from '../../majority.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { instantRunoff } from './instant-runoff.js';

export const smithIrv: ProfileRule = {
  name: 'smith-irv',
  aliases: [],
  title: 'Smith–IRV',
  description: 'Instant runoff restricted to the Smith set.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's smith_irv: instant runoff's convention (all tied for fewest first places removed at once; all win if all tie) on the Smith set.",
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference: 'pref_voting combined_methods.smith_irv',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return { winners: [] };
    return { winners: instantRunoff(s, smithSet(s, cs)).winners };
  },
};
