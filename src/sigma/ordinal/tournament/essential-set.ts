/**
 * The essential set and the bipartisan set: the candidates that some maximal lottery gives positive
 * probability — of the margins (essential set; Dutta & Laslier 1999) or of the majority relation
 * alone (bipartisan set; Laffond, Laslier & Le Breton 1993): the union of the supports of all
 * maximal lotteries, which is also the support of sulab's maximal-lottery (c1-maximal-lottery)
 * result, the leximin point inside their polytope.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5 with 3 beaten by all three: the maximal lottery is
 * (3, 5, 1, 0)/9, so the essential set is [0, 1, 2]; so is the bipartisan set.
 */
import { solveLp, type LinearConstraint } from '../../cardinal/lp.js';
import { marginTolerance, smithSet } from '../../majority.js';
import type { Summary } from '../../profile.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';

/**
 * The candidates some maximal lottery gives positive probability, ascending: one linear program per
 * candidate (maximize its probability over the maximal lotteries), as in maximal.ts but without the
 * leximin choice among them, which the set does not need. Every maximal lottery lives on the Smith
 * set (each member beats each outsider, so a lottery on the Smith set that no lottery on it beats is
 * beaten by no outsider either), so the programs are solved there: none when there is a Condorcet
 * winner, and a few in a cycle.
 */
function support(s: Summary, cands: readonly number[] | undefined, sign: boolean): number[] {
  const smith = smithSet(s, inPlay(s.m, cands));
  const k = smith.length;
  if (k <= 1) return smith;
  const g = s.margin();
  const m = s.m;
  const tol = marginTolerance(s);
  const pay = (x: number, y: number) => {
    const v = g[smith[x] * m + smith[y]];
    return sign ? (v > tol ? 1 : v < -tol ? -1 : 0) : v;
  };
  // Lotteries p over the Smith set with Σ p = 1 and Σ_x p_x pay(x, y) ≥ 0 for every y.
  const rows: LinearConstraint[] = [{ a: new Array(k).fill(1), op: '=', b: 1 }];
  for (let y = 0; y < k; y++)
    rows.push({ a: Array.from({ length: k }, (_, x) => pay(x, y)), op: '>=', b: 0 });
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const c = new Array(k).fill(0);
    c[i] = 1;
    const r = solveLp({ n: k, c, rows });
    if (r.status !== 'optimal') throw new Error(`essential set: the program is ${r.status}`);
    if (r.value > 1e-9) out.push(smith[i]);
  }
  return out;
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
