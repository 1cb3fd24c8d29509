/**
 * β-uncovered set (Munagala & Wang): x β-covers y when at least a β share of the voters rank x above
 * y, and every candidate z that at least a β share rank above x is ranked above y by at least a β
 * share too (z = y included, so fewer than a β share rank y above x). The candidates nobody β-covers
 * win. β-covering is transitive and asymmetric, so the set is never empty.
 *
 * Example: 3 voters 0≻1≻2, 2 voters 1≻2≻0, β = ½. Shares above: 0 over 1 3/5, 0 over 2 3/5, 1 over
 * 2 1, 1 over 0 2/5, 2 over 0 2/5. 0 β-covers 1 and 2 (0 is above each by 3/5, and nobody is
 * above 0 by half): winner [0].
 */
import type { Summary } from '../../profile.js';
import { EPS } from '../../result.js';
import type { Options, ProfileRule, RuleResult } from '../../types.js';
import { localSet } from '../pairwise/local.js';
import { BETA, betaOption } from '../procedural/consensus-builder.js';
import { inPlay } from '../positional/positions.js';

/** The β-uncovered candidates among `cands`. */
export function betaUncovered(s: Summary, cands: readonly number[], beta: number): number[] {
  const sup = s.support();
  const m = s.m;
  const need = beta * s.n - EPS * Math.max(1, s.n);
  const above = (a: number, b: number) => a !== b && sup[a * m + b] >= need;
  return cands.filter(
    (y) => !cands.some((x) => above(x, y) && cands.every((z) => !above(z, x) || above(z, y))),
  );
}

export function betaUncoveredRule(
  s: Summary,
  cands: readonly number[] | undefined,
  opts?: Options,
): RuleResult {
  const cs = inPlay(s.m, cands);
  const won = new Set(betaUncovered(s, cs, betaOption(opts)));
  return localSet(
    cs,
    cs.map((c) => (won.has(c) ? 1 : 0)),
  );
}

export const betaUncoveredSet: ProfileRule = {
  name: 'beta-uncovered-set',
  aliases: ['beta-uncovered'],
  title: 'β-uncovered set',
  description:
    'x β-covers y when at least a β share of voters prefer x to y and everyone preferred to x by a β share is preferred to y by a β share; the candidates nobody β-covers win.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: 'As pref_voting\'s beta_uncovered_set: shares are of all voters\' weight and "at least" is inclusive; only strict preferences count. The default β = ½ is the uncovered set of the weak majority relation.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  options: [BETA],
  reference:
    'Munagala & Wang (2019), Improved metric distortion for deterministic social choice rules (arXiv:1905.01401); pref_voting margin_based_methods.beta_uncovered_set',
  run: (s, cands, opts) => betaUncoveredRule(s, cands, opts),
};
