/**
 * Baldwin: remove every candidate with the lowest Borda score among the remaining ones, and repeat
 * until one remains; if all remaining candidates tie, they all win. Borda scores are recomputed on
 * the remaining candidates each round (read off the margin matrix: a candidate's symmetric Borda
 * score is the sum of its margins).
 *
 * Baldwin PUT: remove one of the candidates tied for the lowest Borda score at a time, in every
 * possible order; the winners are the union over those orders.
 *
 * Example (pref_voting's docstring): 2 voters 1≻0≻2≻3, 1 voter 3≻1≻0≻2, 1 voter 2≻0≻3≻1. Borda
 * 7, 8, 5, 4: remove 3; then 4, 6, 2: remove 2; then 1 beats 0 3–1: winner 1.
 */
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { condorcetWinner } from '../../majority.js';
import { inPlay } from '../positional/positions.js';
import { eliminate, lowest, marginBorda, PUT_LIMIT, parallelUniverses } from './rounds.js';

export function baldwinRule(s: Summary, cands?: readonly number[]): RuleResult {
  const b = new Float64Array(s.m);
  return eliminate(inPlay(s.m, cands), (rem) => {
    marginBorda(s, rem, b);
    return { remove: lowest(rem, b) };
  });
}

const WEAK =
  "Borda on weak orders is pref_voting's symmetric Borda (ranked below − ranked above; unranked candidates tied at the bottom), i.e. averaged positions.";

export const baldwin: ProfileRule = {
  name: 'baldwin',
  aliases: [],
  title: 'Baldwin',
  description:
    'Repeatedly remove the candidates with the lowest Borda score among those remaining (recomputed each round); the last remaining wins. The ranking is the reverse order of elimination.',
  family: 'elimination',
  input: 'rankings',
  output: 'ranking',
  ties: `As pref_voting: all candidates tied for the lowest Borda score are removed at once, and if all remaining candidates tie, they all win. ${WEAK}`,
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference:
    'Baldwin (1926), The technique of the Nanson preferential majority system; pref_voting iterative_methods.baldwin',
  run: (s, cands) => baldwinRule(s, cands),
};

export const baldwinPut: ProfileRule = {
  name: 'baldwin-put',
  aliases: [],
  title: 'Baldwin (parallel-universe tie-breaking)',
  description:
    'Baldwin removing one candidate at a time; when several tie for the lowest Borda score, every choice is followed, and the winners are the union over all of them.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's baldwin_put: a Condorcet winner wins outright; otherwise the union of the winners over every order of removing tied candidates one at a time (exact, memoized on the remaining set). ${WEAK}`,
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser', 'smith'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting iterative_methods.baldwin_put',
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    if (cs.length > 0) {
      const cw = condorcetWinner(s, cs);
      if (cw >= 0) return { winners: [cw] };
    }
    const b = new Float64Array(s.m);
    return parallelUniverses(
      cs,
      (rem) => {
        marginBorda(s, rem, b);
        return { tied: lowest(rem, b) };
      },
      'baldwin-put',
    );
  },
};
