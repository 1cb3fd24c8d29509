/**
 * Raynaud: remove the candidates whose worst defeat (largest margin against them, 0 if unbeaten) is
 * the largest among those remaining, and repeat; stop when all remaining candidates have the same
 * worst defeat — they win.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5: worst defeats 5, 1, 3; remove 0; then 1 beats 2
 * by 3, so 2 goes and 1 wins.
 */
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { eliminate, highest } from './rounds.js';

/** Worst defeats among `rem` (largest margin against each, 0 when unbeaten), written into `out`. */
export function worstDefeats(s: Summary, rem: readonly number[], out: Float64Array): void {
  const g = s.margin();
  const m = s.m;
  for (const c of rem) {
    let worst = 0;
    for (const d of rem) if (g[d * m + c] > worst) worst = g[d * m + c];
    out[c] = worst;
  }
}

export function raynaudRule(s: Summary, cands?: readonly number[]): RuleResult {
  const w = new Float64Array(s.m);
  return eliminate(inPlay(s.m, cands), (rem) => {
    worstDefeats(s, rem, w);
    return { remove: highest(rem, w) };
  });
}

export const raynaud: ProfileRule = {
  name: 'raynaud',
  aliases: [],
  title: 'Raynaud',
  description:
    'Repeatedly remove the candidates whose worst pairwise defeat (by margin) among those remaining is the largest; when all remaining have the same worst defeat, they win. The ranking is the reverse order of elimination.',
  family: 'elimination',
  input: 'rankings',
  output: 'ranking',
  ties: 'As pref_voting\'s raynaud with its default score_method "margins": all candidates with the largest worst defeat go at once (an unbeaten candidate\'s worst defeat is 0); if all remaining tie, they all win.',
  axioms: ['anonymity', 'neutrality', 'condorcet-winner'],
  reference: 'Raynaud (1981); electowiki "Raynaud"; pref_voting iterative_methods.raynaud',
  run: (s, cands) => raynaudRule(s, cands),
};
