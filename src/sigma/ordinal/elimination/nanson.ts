/**
 * Nanson (strict) and weak Nanson. Each round computes the Borda scores of the remaining candidates
 * (recomputed on them). Strict Nanson removes every candidate scoring strictly below the average and
 * stops when none is below it (all remaining win) or one remains; weak Nanson removes every candidate
 * scoring at or below the average, and if that removes them all, they all win.
 *
 * Example (pref_voting's docstring): 2 voters 2≻1≻0≻3, one each 0≻2≻1≻3, 1≻3≻0≻2, 0≻3≻2≻1. Borda
 * 9, 8, 9, 4 (average 7.5): both remove 3. Then 5, 4, 6 (average 5): strict Nanson removes 1, and 0
 * beats 2 3–2, so 0 wins; weak Nanson removes 0 and 1, so 2 wins.
 */
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { eliminate, marginBorda, tolerance } from './rounds.js';

/**
 * Nanson among `cands`: `strict` removes scores below the average, weak at or below. With Borda
 * scores as sums of margins the average is 0.
 */
export function nansonRule(s: Summary, cands: readonly number[] | undefined, strict: boolean): RuleResult {
  const b = new Float64Array(s.m);
  return eliminate(inPlay(s.m, cands), (rem) => {
    marginBorda(s, rem, b);
    const tol = tolerance(s, rem.length);
    const out = rem.filter((c) => (strict ? b[c] < -tol : b[c] <= tol));
    return out.length === 0 ? { winners: rem } : { remove: out };
  });
}

const WEAK =
  "Borda on weak orders is pref_voting's symmetric Borda (ranked below − ranked above; unranked candidates tied at the bottom), i.e. averaged positions; the ranking is the reverse order of elimination.";

export const nanson: ProfileRule = {
  name: 'nanson',
  aliases: ['strict-nanson'],
  title: 'Nanson (strict)',
  description:
    'Repeatedly remove the candidates whose Borda score among those remaining is strictly below the average; when none is, the remaining candidates win.',
  family: 'elimination',
  input: 'rankings',
  output: 'ranking',
  ties: `As pref_voting's strict_nanson: all candidates below the average go at once; when no candidate is below it (all tie), all remaining win. ${WEAK}`,
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference: 'Nanson (1882), Methods of election; pref_voting iterative_methods.strict_nanson',
  run: (s, cands) => nansonRule(s, cands, true),
};

export const weakNanson: ProfileRule = {
  name: 'weak-nanson',
  aliases: [],
  title: 'Nanson (weak)',
  description:
    'Repeatedly remove the candidates whose Borda score among those remaining is at or below the average; the last remaining win.',
  family: 'elimination',
  input: 'rankings',
  output: 'ranking',
  ties: `As pref_voting's weak_nanson: all candidates at or below the average go at once; if that is all of them (all tie), they all win. ${WEAK}`,
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference: 'Nanson (1882), Methods of election; pref_voting iterative_methods.weak_nanson',
  run: (s, cands) => nansonRule(s, cands, false),
};
