/**
 * Maximal lotteries (Fishburn 1984; Brandl, Brandt & Seedig 2016): the optimal mixed strategies of
 * the symmetric zero-sum game whose payoff is the majority margin — lotteries p with
 * Σ_x p_x · τ(M[x][y]) ≥ 0 for every candidate y, where M is the margin matrix and τ the identity
 * (maximal lotteries) or the sign (C1 maximal lotteries, on the majority relation alone). A
 * Condorcet winner gets probability 1; in a cycle x ≻ y ≻ z ≻ x with margins a, b, c the lottery
 * is (b, c, a)/(a + b + c) (each candidate weighted by the margin of the edge it does not touch).
 *
 * With an odd number of voters casting linear orders the maximal lottery is unique. Otherwise the
 * maximal lotteries form a polytope, and sulab returns one point of it by a stated rule: the
 * leximin choice on the essential set (the candidates some maximal lottery gives positive
 * probability) — the smallest probability as large as it can be, then the next, and so on — which
 * is unique. (pref_voting returns the equilibrium its game solver finds.) Each program is a small
 * linear program, solved exactly when the float answer cannot be trusted (cardinal/lp.ts).
 * Winners are the lottery's support.
 */
import { solveLp, type LinearConstraint } from '../cardinal/lp.js';
import { marginTolerance } from '../majority.js';
import { checkCandidates } from '../ordinal/pairwise/local.js';
import { allCandidates, type Summary } from '../profile.js';
import type { RuleResult } from '../types.js';

const TOL = 1e-9;

/** One maximal lottery over `cands` for the payoff matrix `pay` (m × m, pay[x*m+y]), leximin on the essential set. */
export function maximalLottery(pay: ArrayLike<number>, m: number, cands: readonly number[]): Float64Array {
  const k = cands.length;
  // Variables: p_0 … p_{k−1} over `cands`, then t. Constraints of the lottery set: Σ p = 1 and
  // Σ_x p_x pay[x][y] ≥ 0 for every y.
  const n = k + 1;
  const base: LinearConstraint[] = [
    { a: [...new Array(k).fill(1), 0], op: '=', b: 1 },
    ...cands.map((y) => ({ a: [...cands.map((x) => pay[x * m + y]), 0], op: '>=' as const, b: 0 })),
  ];
  /** Coefficients: `coef` on p_i (i < k), `tCoef` on t. */
  const unit = (i: number, coef = 1, tCoef = 0) => {
    const a = new Array(n).fill(0);
    a[k] = tCoef;
    if (i < k) a[i] = coef;
    return a;
  };
  const T = unit(k, 0, 1);
  const solve = (c: number[], rows: LinearConstraint[]) => {
    const r = solveLp({ n, c, rows: [...base, ...rows] });
    if (r.status !== 'optimal') throw new Error(`maximal lottery: the program is ${r.status}`);
    return r;
  };
  // The essential set: candidates some maximal lottery gives positive probability.
  const essential = cands.map((_, i) => i).filter((i) => solve(unit(i), []).value > TOL);
  const fixed = new Map<number, number>();
  let free = essential;
  let last: Float64Array | undefined;
  while (free.length > 0) {
    // Fixed candidates keep at least their level (a lower bound, not an equality, so that the
    // rounding of earlier levels cannot make the next program infeasible).
    const pinned: LinearConstraint[] = [...fixed].map(([i, v]) => ({ a: unit(i), op: '>=', b: v - TOL }));
    const atLeastT = free.map((i) => ({ a: unit(i, 1, -1), op: '>=' as const, b: 0 }));
    const lift = solve(T, [...pinned, ...atLeastT]);
    const t = lift.value;
    last = lift.x;
    // Those that cannot rise above t in any lottery keeping the others at ≥ t are fixed at t.
    const floor = free.map((i) => ({ a: unit(i), op: '>=' as const, b: t - TOL }));
    const stuck = free.filter((i) => solve(unit(i), [...pinned, ...floor]).value <= t + 1e-7);
    // At least one is stuck at the leximin level; rounding aside, fix the lowest if none reads so.
    const fix = stuck.length > 0 ? stuck : [free.reduce((a, b) => (lift.x[a] <= lift.x[b] ? a : b))];
    for (const i of fix) fixed.set(i, t);
    free = free.filter((i) => !fix.includes(i));
  }
  const p = new Float64Array(m);
  for (const [i, v] of fixed) p[cands[i]] = v;
  // The fixed values sum to 1 up to rounding; renormalize so the lottery is exact to the last bit.
  const sum = p.reduce((a, b) => a + b, 0);
  if (!(sum > 0) && last) for (let i = 0; i < k; i++) p[cands[i]] = last[i];
  else for (let x = 0; x < m; x++) p[x] = p[x] / sum;
  return p;
}

export function lotteryOver(s: Summary, cands: readonly number[] | undefined, sign: boolean): RuleResult {
  const m = s.m;
  if (cands) checkCandidates(m, cands);
  const cs = cands ?? allCandidates(m);
  const margin = s.margin();
  const tol = marginTolerance(s);
  const pay = sign ? margin.map((x) => (x > tol ? 1 : x < -tol ? -1 : 0)) : margin;
  const p = maximalLottery(pay, m, cs);
  const winners: number[] = [];
  const lottery: number[] = new Array(m).fill(0);
  for (const c of cs) {
    const q = p[c] < 1e-12 ? 0 : p[c];
    lottery[c] = q;
    if (q > 0) winners.push(c);
  }
  return { winners, lottery };
}
