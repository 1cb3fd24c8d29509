/**
 * Nash bargaining (weighted / asymmetric): maximize the weighted Nash product
 * Π_i (u_i − d_i)^{w_i}, i.e. Σ_i w_i log(u_i − d_i), over the actions that give every part at the
 * table strictly more than its disagreement utility d_i (Nash 1950; the weighted form is the
 * asymmetric Nash solution of Kalai 1977 and Roth 1979). With `lotteries: true` the maximization is
 * over the convex hull (lotteries over actions, evaluated by expected utility).
 *
 * Disagreement point: option `disagreement`, else the problem's, else each part's minimum utility
 * over the actions.
 *
 * When no action beats the disagreement point for everyone. With the default disagreement point
 * this is common for pure actions (any action that is some part's worst). The rule then takes the
 * limit of the Nash solution as the disagreement point moves down towards d along each part's
 * range, d − ε·(ideal − d) with ε → 0⁺, which is:
 *   1. actions that leave a part at the table *below* d_i are not individually rational and rank
 *      last (all tied); if every action is such, the rule cannot separate them (all tied, and with
 *      `lotteries` no lottery is returned);
 *   2. among the rest, the total weight of the parts left *at* d_i is minimized;
 *   3. then Σ w_i log r_i is maximized over the parts that gain, with r_i = (u_i − d_i)/(ideal_i − d_i)
 *      the normalized gain (ideal_i = part i's best individually rational utility).
 * When some action beats d for everyone this is exactly the Nash solution. The limit is invariant
 * to positive affine rescaling of any part's utility (with d rescaled alike), like Nash itself.
 * Over lotteries the same limit reads: maximize the Nash product over the parts that can gain in
 * some individually rational lottery, subject to individual rationality for all.
 *
 * Scores: Σ_i w_i log(u_i(a) − d_i) for each pure action (−Infinity when some part at the table does
 * not gain; JSON shows it as null). Ranking (pure only): the order above. Lotteries: see common.ts
 * for the canonical lottery; winners are its support. The lottery problem is solved by
 * nash-solver.ts (fully corrective Frank–Wolfe with Newton steps) to a duality gap ≤ 1e-12 in the
 * log Nash product with weights normalized to sum 1 (`nashLottery` reports the gap); when d lies
 * above some action's utility the individually rational region is a polytope and its vertices come
 * from lp.ts.
 *
 * Example (divide the dollar, d = 0): actions give (1, 0), (0.75, 0.25), (0.5, 0.5), (0, 1);
 * equal weights pick (0.5, 0.5); weights [3, 1] pick (0.75, 0.25), the weighted Nash split w_i / Σw.
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
  gainsOver,
  lotteriesOption,
  lotteryResult,
  rankBy,
  same,
  seated,
} from './common.js';
import { bestLotteries, nashOverPolytope, nashOverSimplex } from './nash-solver.js';

const NAME = 'nash-bargaining';

/** The pure-action part of the rule: scores and the limit ranking described above. */
function pureNash(
  p: UtilityProblem,
  d: Float64Array,
  act: readonly number[],
): { scores: Float64Array; ranking: number[][] } {
  const A = p.actions;
  const scores = new Float64Array(A).fill(-Infinity);
  const ir: number[] = [];
  const rest: number[] = [];
  for (let a = 0; a < A; a++) (act.every((i) => p.u[i * A + a] >= d[i]) ? ir : rest).push(a);
  if (ir.length === 0) return { scores, ranking: [rest] };
  const ideal = new Float64Array(p.parts).fill(-Infinity);
  for (const i of act) for (const a of ir) ideal[i] = Math.max(ideal[i], p.u[i * A + a]);
  const Z = new Float64Array(A);
  const S = new Float64Array(A);
  for (const a of ir) {
    let score = 0;
    for (const i of act) {
      const gain = p.u[i * A + a] - d[i];
      const w = p.weights[i];
      if (gain > 0) {
        S[a] += w * Math.log(gain / (ideal[i] - d[i]));
        score += w * Math.log(gain);
      } else {
        Z[a] += w;
        score = -Infinity;
      }
    }
    scores[a] = score;
  }
  const ranking = rankBy(ir, (a, b) => {
    if (!same(Z[a], Z[b])) return Z[a] < Z[b] ? 1 : -1;
    if (!same(S[a], S[b])) return S[a] > S[b] ? 1 : -1;
    return 0;
  });
  if (rest.length > 0) ranking.push(rest);
  return { scores, ranking };
}

export interface NashLottery {
  /** The canonical optimal lottery (see common.ts). */
  readonly lottery: Float64Array;
  /** Expected utility of each part under the lottery. */
  readonly utilities: Float64Array;
  /** Frank–Wolfe gap of the solver at its optimum (weights normalized to sum 1). */
  readonly gap: number;
}

/**
 * The Nash solution over lotteries, or null when no lottery is individually rational for every
 * part at the table (see the module comment).
 */
export function nashLottery(p: UtilityProblem, opts?: Options): NashLottery | null {
  checkProblem(p, NAME);
  const d = disagreementOf(p, opts, NAME);
  return solveLottery(p, d, seated(p));
}

function solveLottery(p: UtilityProblem, d: Float64Array, act: readonly number[]): NashLottery | null {
  const A = p.actions;
  const k = act.length;
  const { G, simplex } = gainsOver(p, d, act);
  const rowMax = (r: number, x: ArrayLike<number>) => {
    let t = 0;
    for (let a = 0; a < A; a++) t += G[r * A + a] * x[a];
    return t;
  };
  // Each row's best individually rational lottery (a vertex), and the rows that can gain at all.
  const best = bestLotteries(G, k, A, simplex);
  if (!best) return null; // no individually rational lottery
  const gainers: number[] = [];
  for (let r = 0; r < k; r++) {
    let scale = 0;
    for (let a = 0; a < A; a++) scale = Math.max(scale, Math.abs(G[r * A + a]));
    if (rowMax(r, best[r]) > 1e-12 * scale) gainers.push(r);
  }
  const irPure: number[] = [];
  for (let a = 0; a < A; a++) {
    let ok = true;
    for (let r = 0; r < k; r++) if (G[r * A + a] < 0) ok = false;
    if (ok) irPure.push(a);
  }
  let x: Float64Array;
  let gap = 0;
  let pureOptimal: number[];
  if (gainers.length === 0) {
    // Nobody can gain: every individually rational lottery is as good as any other.
    x = best.length > 0 ? best[0] : new Float64Array(A).fill(1 / A);
    pureOptimal = irPure.length > 0 ? irPure : [];
  } else {
    const kk = gainers.length;
    const Gn = new Float64Array(kk * A);
    const w = new Float64Array(kk);
    gainers.forEach((r, q) => {
      const top = rowMax(r, best[r]);
      for (let a = 0; a < A; a++) Gn[q * A + a] = G[r * A + a] / top;
      w[q] = p.weights[act[r]];
    });
    let wt = 0;
    for (let q = 0; q < kk; q++) wt += w[q];
    for (let q = 0; q < kk; q++) w[q] /= wt;
    const sol = simplex
      ? nashOverSimplex(Gn, kk, A, w)
      : nashOverPolytope(
          Gn,
          kk,
          A,
          w,
          G,
          k,
          gainers.map((r) => best[r]),
        );
    x = sol.x;
    gap = sol.gap;
    const f = (col: (q: number) => number) => {
      let t = 0;
      for (let q = 0; q < kk; q++) {
        const v = col(q);
        if (!(v > 0)) return -Infinity;
        t += w[q] * Math.log(v);
      }
      return t;
    };
    const fx = f((q) => sol.gains[q]);
    pureOptimal = irPure.filter((a) => f((q) => Gn[q * A + a]) >= fx - 1e-12);
  }
  const lottery = canonicalLottery(p, x, pureOptimal, act);
  const utilities = new Float64Array(p.parts);
  for (let i = 0; i < p.parts; i++) for (let a = 0; a < A; a++) utilities[i] += lottery[a] * p.u[i * A + a];
  return { lottery, utilities, gap };
}

export const nashBargaining: UtilityRule = {
  name: NAME,
  aliases: ['nash'],
  title: 'Nash bargaining (weighted)',
  description:
    'Maximizes the weighted Nash product Σ_i w_i log(u_i − d_i) over the actions (or, with lotteries, over lotteries) that give every part more than its disagreement utility d_i (default: its minimum).',
  family: 'cardinal',
  input: 'utilities',
  output: 'ranking',
  ties: 'pure: actions whose Nash products agree to 1e-9 (relative) are tied; if no action beats the disagreement point for everyone, the ε-limit order (fewest weight left at d, then the normalized Nash product of the others) with actions below d last. lotteries: a canonical optimal lottery (uniform over optimal pure actions if any), winners = its support. Parts of weight 0 are not at the table.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  options: [lotteriesOption, disagreementOption],
  reference: 'Nash (1950), The bargaining problem, Econometrica 18; Kalai (1977) for the weighted form',
  run(p: UtilityProblem, opts?: Options): RuleResult {
    checkProblem(p, NAME);
    const d = disagreementOf(p, opts, NAME);
    const lotteries = boolOption(opts, 'lotteries', false, NAME);
    const act = seated(p);
    if (act.length === 0) return allTied(p.actions);
    const { scores, ranking } = pureNash(p, d, act);
    if (!lotteries) return { winners: ranking[0], ranking, scores: Array.from(scores) };
    const sol = solveLottery(p, d, act);
    if (!sol) return allTied(p.actions, scores);
    return lotteryResult(sol.lottery, scores);
  },
};
