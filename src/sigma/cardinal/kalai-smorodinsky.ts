/**
 * Kalai–Smorodinsky: give every part the same fraction of its possible gain. With the ideal point
 * ideal_i = part i's best individually rational utility and r_i(a) = (u_i(a) − d_i)/(ideal_i − d_i)
 * the normalized gain, maximize min_i r_i (Kalai & Smorodinsky 1975). The max–min level t* is the
 * classic KS point d + t*(ideal − d): the maximal point of the segment from d to the ideal within
 * the feasible set with free disposal. For three or more parts that point can be only weakly
 * Pareto optimal (a flat face: some parts gain more at no cost to the others), so option `refine`
 * says what is returned:
 * - `leximin` (default): ties at the max–min level are broken by leximin on the normalized gains
 *   (the lexicographic maxmin solution, Imai 1983), so the result is Pareto optimal;
 * - `none`: the classic KS point itself. Pure: actions with the same smallest gain are tied. Over
 *   lotteries: a lottery giving exactly d + t*(ideal − d) when one does, otherwise the one with
 *   the least total normalized gain above it (leximin-solver.ts).
 * For two parts over lotteries the two agree (the classic point is Pareto optimal there).
 *
 * - Pure (default): actions are ranked as above among the individually rational actions
 *   (u_i ≥ d_i for every part at the table); the others rank last, tied. No individually rational
 *   action: all tied (over lotteries a mix of actions may still be).
 * - `lotteries: true`: the same over lotteries (ideal_i over individually rational lotteries), by
 *   LPs solved in exact rational arithmetic (leximin-solver.ts); returns the lottery.
 * - `weighted: true`: the asymmetric variant, gains proportional to the weights: maximize
 *   min_i r_i / (w_i / max w) (then refine on those).
 * Parts that cannot gain over d (ideal_i ≤ d_i) drop out of the ratios; parts of weight 0 are not at
 * the table. Disagreement point: option `disagreement`, else the problem's, else each part's minimum
 * — with that default KS is leximin (refine `none`: egalitarian) on min–max normalized utilities.
 *
 * Scores: min_i r_i(a) for individually rational actions (0 when no part can gain), −Infinity
 * otherwise.
 *
 * Example (two parts, d = 0): actions (1, 0), (0, 1), (0.8, 0.5). Ideal (1, 1). Pure: action 2
 * (min ratio 0.5). Over lotteries: the point of the hull on the diagonal, on the edge from (0.8, 0.5)
 * to (0, 1): 0.8s = 0.5s + (1 − s) gives s = 10/13, utilities (8/13, 8/13), lottery
 * (0, 3/13, 10/13).
 */
import type { UtilityProblem } from '../../core/utility.js';
import type { Options, RuleResult, UtilityRule } from '../types.js';
import {
  allTied,
  boolOption,
  canonicalLottery,
  checkProblem,
  disagreementOf,
  disagreementOption,
  leximinCompare,
  lotteriesOption,
  lotteryResult,
  rankBy,
  rationalActions,
  rationalLotteries,
  seated,
  stringOption,
} from './common.js';
import { maxminLottery, optimalColumns, REFINEMENTS } from './leximin-solver.js';

const NAME = 'kalai-smorodinsky';

export const kalaiSmorodinsky: UtilityRule = {
  name: NAME,
  aliases: ['ks'],
  title: 'Kalai–Smorodinsky',
  description:
    'Maximizes the smallest normalized gain (u_i − d_i)/(ideal_i − d_i), ties broken by leximin on those gains (refine none: the classic KS point); over actions or (lotteries) over lotteries.',
  family: 'cardinal',
  input: 'utilities',
  output: 'ranking',
  ties: 'pure: leximin on the normalized gains (refine none: the smallest gain only), vectors agreeing to 1e-9 (relative) tied; actions below the disagreement point last, tied. lotteries: a canonical optimal lottery (uniform over optimal pure actions if any), winners = its support; refine none: the classic KS point d + t*(ideal − d) when a lottery gives it, else the least total normalized gain above it. Parts of weight 0 are not at the table.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  options: [
    lotteriesOption,
    disagreementOption,
    {
      name: 'weighted',
      type: 'boolean',
      default: false,
      description: 'asymmetric KS: gains proportional to the weights (default: weights only seat the parts)',
    },
    {
      name: 'refine',
      type: 'string',
      default: 'leximin',
      description:
        'leximin: ties in the smallest normalized gain go to the next smallest, and so on (Pareto optimal); none: the classic KS point, the maximal point of the segment from d to the ideal (for 3 or more parts only weakly Pareto optimal)',
    },
  ],
  reference:
    'Kalai & Smorodinsky (1975), Other solutions to Nash’s bargaining problem, Econometrica 43; Imai (1983), Individual monotonicity and lexicographic maxmin solution, Econometrica 51',
  run(p: UtilityProblem, opts?: Options): RuleResult {
    checkProblem(p, NAME);
    const d = disagreementOf(p, opts, NAME);
    const lotteries = boolOption(opts, 'lotteries', false, NAME);
    const weighted = boolOption(opts, 'weighted', false, NAME);
    const refine = stringOption(opts, 'refine', REFINEMENTS, 'leximin', NAME);
    const act = seated(p);
    const A = p.actions;
    if (act.length === 0) return allTied(A);
    let wmax = 0;
    for (const i of act) wmax = Math.max(wmax, p.weights[i]);
    const factor = (i: number) => (weighted ? p.weights[i] / wmax : 1);

    // Pure actions.
    const scores = new Float64Array(A).fill(-Infinity);
    const { ir, rest, ideal, gainers: inc } = rationalActions(p, d, act);
    // With no individually rational action, mixes of actions can still be individually rational.
    if (ir.length === 0 && !lotteries) return allTied(A, scores);
    const vec: Float64Array[] = [];
    for (const a of ir) {
      const v = Float64Array.from(inc, (i) => (p.u[i * A + a] - d[i]) / (ideal[i] - d[i]) / factor(i)).sort();
      vec[a] = v;
      scores[a] = v.length > 0 ? v[0] : 0;
    }
    // Unrefined, only the smallest gain counts (the first entry of the sorted vector).
    const depth = refine === 'leximin' ? inc.length : Math.min(1, inc.length);
    const ranking = rankBy(ir, (a, b) =>
      leximinCompare(vec[a].subarray(0, depth), vec[b].subarray(0, depth)),
    );
    if (rest.length > 0) ranking.push(rest);
    if (!lotteries) return { winners: ranking[0], ranking, scores: Array.from(scores) };

    // Lotteries: ideal point and individual rationality over lotteries.
    const rational = rationalLotteries(p, d, act);
    if (!rational) return allTied(A, scores); // no individually rational lottery
    const { ideal: lideal, gainers: linc, extra } = rational;
    const V = new Float64Array(linc.length * A);
    linc.forEach((i, q) => {
      for (let a = 0; a < A; a++) V[q * A + a] = (p.u[i * A + a] - d[i]) / (lideal[i] - d[i]) / factor(i);
    });
    const sol = maxminLottery(V, linc.length, A, refine, extra);
    if (!sol) return allTied(A, scores);
    const pureOptimal = optimalColumns(V, linc.length, A, ir, sol.levels, refine);
    return lotteryResult(canonicalLottery(p, sol.x, pureOptimal, act), scores);
  },
};
