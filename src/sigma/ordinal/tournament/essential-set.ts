/**
 * The essential set and the bipartisan set: the candidates that some maximal lottery gives positive
 * probability — of the margins (essential set; Dutta & Laslier 1999) or of the majority relation
 * alone (bipartisan set; Laffond, Laslier & Le Breton 1993). Both are the support of sulab's
 * maximal-lottery (c1-maximal-lottery) result, whose leximin choice lies inside the polytope of
 * maximal lotteries, so its support is the union of all their supports.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5 with 3 beaten by all three: the maximal lottery is
 * (3, 5, 1, 0)/9, so the essential set is [0, 1, 2]; so is the bipartisan set.
 */
import { smithSet } from '../../majority.js';
import type { Summary } from '../../profile.js';
import type { ProfileRule } from '../../types.js';
import { lotteryOver } from '../../probabilistic/maximal.js';
import { inPlay } from '../positional/positions.js';

/**
 * The support of the leximin maximal lottery, ascending. Every maximal lottery lives on the Smith
 * set (each member beats each outsider, so a lottery on the Smith set that no lottery on it beats is
 * beaten by no outsider either), so the programs are solved there: one candidate when there is a
 * Condorcet winner, and a few in a cycle, instead of all of them.
 */
function support(s: Summary, cands: readonly number[] | undefined, sign: boolean): number[] {
  const smith = smithSet(s, inPlay(s.m, cands));
  if (smith.length === 1) return smith;
  return [...lotteryOver(s, smith, sign).winners].sort((a, b) => a - b);
}

const CONVENTION =
  'The union of the supports of all maximal lotteries (pref_voting returns the support of the one lottery its solver finds, which can be smaller when the maximal lottery is not unique).';

export const essentialSet: ProfileRule = {
  name: 'essential-set',
  aliases: ['essential'],
  title: 'Essential set',
  description: 'The candidates some maximal lottery (of the majority margins) gives positive probability.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: CONVENTION,
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith', 'pareto'],
  reference:
    'Dutta & Laslier (1999), Comparison functions and choice correspondences; pref_voting margin_based_methods.essential',
  run: (s, cands) => ({ winners: support(s, cands, false) }),
};

export const bipartisanSet: ProfileRule = {
  name: 'bipartisan-set',
  aliases: ['bipartisan'],
  title: 'Bipartisan set',
  description:
    'The candidates some maximal lottery of the majority relation (C1 maximal lottery) gives positive probability.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: `Margins replaced by their signs. ${CONVENTION}`,
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith'],
  reference:
    'Laffond, Laslier & Le Breton (1993), The bipartisan set of a tournament game; pref_voting c1_methods.bipartisan',
  run: (s, cands) => ({ winners: support(s, cands, true) }),
};
