/**
 * Leximin over lotteries by a sequence of LPs (the standard "saturation" algorithm), in exact
 * rational arithmetic:
 *
 *   round r: maximize t subject to V_i·x ≥ t for every free row i, V_i·x ≥ level_i for every
 *            fixed row, the extra constraints, and x a lottery. Then each free row that cannot
 *            exceed t* while the other free rows keep t* and the fixed rows their levels (one LP
 *            each; rows already above t* in the round's solution are skipped) is fixed at level t*.
 *            At least one row is fixed per round, so there are at most k rounds.
 *
 * The data (V, the extra constraints) are floats, taken as the exact dyadic rationals they are;
 * levels are exact rationals carried from LP to LP (lp.ts `solveLpExact`), and "cannot exceed" is
 * an exact comparison. So the result is the exact leximin optimum of the given numbers, with no
 * tolerance: floating-point versions of this algorithm either need slacks (which let a row with a
 * steep trade-off gain slack × steepness, showing up as spurious support) or lose feasibility on
 * degenerate, badly scaled rounds. The cost is a few milliseconds for a handful of parts and
 * actions. The leximin-optimal value vector is unique; the lottery need not be.
 *
 * Without refinement (`maxminLottery(…, 'none')`) only round 0 is kept, and among the lotteries
 * with every row at t* or above one with the least total Σ_i V_i·x is returned (one more exact
 * LP): the equal vector t*·1 whenever some lottery gives it — the maximal point of the diagonal,
 * what the classic Kalai–Smorodinsky and egalitarian solutions ask for — and otherwise the lottery
 * closest above it. Any lottery at the max–min level is weakly Pareto optimal (no lottery raises
 * every row); only the leximin one is Pareto optimal.
 */
import { same } from './common.js';
import {
  addRational,
  compareRational,
  dotExact,
  type ExactConstraint,
  fromNumber,
  type Rational,
  ratioToNumber,
  solveLpExact,
} from './lp.js';

/** How far the max–min optimum is refined: leximin (Pareto optimal) or not at all (see above). */
export type Refinement = 'leximin' | 'none';

export const REFINEMENTS: readonly Refinement[] = ['leximin', 'none'];

export interface LeximinSolution {
  /** An optimal lottery over the m actions (rounded to floats). */
  readonly x: Float64Array;
  /** Each row's value at the optimum (V·x), rounded to floats. */
  readonly levels: Float64Array;
}

export interface ExtraConstraints {
  /** count × m coefficients, row-major. */
  readonly B: Float64Array;
  /** Lower bound of each row: B_j·x ≥ lb_j. */
  readonly lb: ArrayLike<number>;
  readonly count: number;
}

/**
 * Among lotteries x (with B·x ≥ lb when given), lexicographically maximizes the ascending-sorted
 * vector (V_1·x, …, V_k·x). V is k×m row-major. Returns null when no lottery meets the extra
 * constraints.
 */
export function leximinLottery(
  V: Float64Array,
  k: number,
  m: number,
  extra?: ExtraConstraints,
): LeximinSolution | null {
  return maxminLottery(V, k, m, 'leximin', extra);
}

/**
 * Among lotteries x (with B·x ≥ lb when given), maximizes min_i V_i·x, then refines as `refine`
 * says (module comment). Returns null when no lottery meets the extra constraints.
 */
export function maxminLottery(
  V: Float64Array,
  k: number,
  m: number,
  refine: Refinement,
  extra?: ExtraConstraints,
): LeximinSolution | null {
  const row = (i: number) => V.subarray(i * m, (i + 1) * m);
  const base: ExactConstraint[] = [{ a: new Float64Array(m).fill(1), op: '=', b: 1 }];
  if (extra)
    for (let j = 0; j < extra.count; j++)
      base.push({ a: extra.B.subarray(j * m, (j + 1) * m), op: '>=', b: extra.lb[j] });
  let lo = 0;
  for (let q = 0; q < V.length; q++) lo = Math.min(lo, V[q]);
  const loR = fromNumber(lo);

  const levels: (Rational | null)[] = new Array(k).fill(null);
  const fixedRows = (): ExactConstraint[] => {
    const out: ExactConstraint[] = [];
    for (let i = 0; i < k; i++) {
      const l = levels[i];
      if (l) out.push({ a: row(i), op: '>=', b: l });
    }
    return out;
  };

  let point: { readonly nums: readonly bigint[]; readonly den: bigint } | null = null;
  if (k === 0) {
    const r = solveLpExact({ n: m, c: new Float64Array(m), rows: base });
    if (r.status !== 'optimal') return null;
    point = r.exact;
  }
  for (let round = 0; round < k; round++) {
    const free: number[] = [];
    for (let i = 0; i < k; i++) if (!levels[i]) free.push(i);
    if (free.length === 0) break;
    // Variables: x_0..x_{m-1}, s = t − lo ≥ 0.
    const widen = (a: ArrayLike<number>, last: number) => {
      const out = new Float64Array(m + 1);
      for (let q = 0; q < m; q++) out[q] = a[q];
      out[m] = last;
      return out;
    };
    const rows: ExactConstraint[] = [
      ...[...base, ...fixedRows()].map((r) => ({ ...r, a: widen(r.a, 0) })),
      ...free.map((i): ExactConstraint => ({ a: widen(row(i), -1), op: '>=', b: lo })),
    ];
    const c = new Float64Array(m + 1);
    c[m] = 1;
    const r = solveLpExact({ n: m + 1, c, rows });
    if (r.status !== 'optimal') {
      if (round === 0 && r.status === 'infeasible') return null;
      throw new Error(`leximin: round ${round} LP is ${r.status}`);
    }
    const tStar = addRational(loR, r.exactValue);
    const x = { nums: r.exact.nums.slice(0, m), den: r.exact.den };
    point = x;
    if (refine === 'none') {
      point = leastTotal(V, k, m, base, tStar);
      break;
    }
    const saturated: number[] = [];
    for (const i of free) {
      if (compareRational(dotExact(row(i), x), tStar) > 0) continue;
      const others = free
        .filter((j) => j !== i)
        .map((j): ExactConstraint => ({ a: row(j), op: '>=', b: tStar }));
      const rr = solveLpExact({ n: m, c: row(i), rows: [...base, ...fixedRows(), ...others] });
      if (rr.status !== 'optimal') throw new Error(`leximin: saturation LP is ${rr.status}`);
      if (compareRational(rr.exactValue, tStar) <= 0) saturated.push(i);
    }
    if (saturated.length === 0) throw new Error('leximin: no row saturated');
    for (const i of saturated) levels[i] = tStar;
  }
  const p = point!;
  const x = Float64Array.from(p.nums, (v) => ratioToNumber(v, p.den));
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const v = dotExact(row(i), p);
    out[i] = ratioToNumber(v.num, v.den);
  }
  return { x, levels: out };
}

/**
 * A lottery (meeting `base`) with every row at t or above and the least total Σ_i V_i·x. The rows
 * get slack variables y_i = V_i·x − t ≥ 0 and Σ y_i is minimized, so the objective is exact too.
 */
function leastTotal(
  V: Float64Array,
  k: number,
  m: number,
  base: readonly ExactConstraint[],
  t: Rational,
): { readonly nums: readonly bigint[]; readonly den: bigint } {
  const n = m + k;
  const rows: ExactConstraint[] = base.map((r) => {
    const a = new Float64Array(n);
    a.set(r.a);
    return { ...r, a };
  });
  for (let i = 0; i < k; i++) {
    const a = new Float64Array(n);
    a.set(V.subarray(i * m, (i + 1) * m));
    a[m + i] = -1;
    rows.push({ a, op: '=', b: t });
  }
  const c = new Float64Array(n);
  c.fill(-1, m);
  const r = solveLpExact({ n, c, rows });
  if (r.status !== 'optimal') throw new Error(`maxmin: the least-total LP is ${r.status}`);
  return { nums: r.exact.nums.slice(0, m), den: r.exact.den };
}

/**
 * The columns among `cands` that are optimal lotteries by themselves, given an optimum's levels
 * (V·x), ties to EPS. Leximin: those reaching every row's level (the optimal values are unique);
 * the test is per row, so a row that takes large values elsewhere (an action far below a
 * disagreement point) cannot loosen it for the others. Unrefined: those reaching the smallest level
 * with no greater total.
 */
export function optimalColumns(
  V: Float64Array,
  k: number,
  m: number,
  cands: readonly number[],
  levels: ArrayLike<number>,
  refine: Refinement = 'leximin',
): number[] {
  const atLeast = (x: number, y: number) => x >= y || same(x, y);
  let floor = Infinity;
  let total = 0;
  for (let q = 0; q < k; q++) {
    floor = Math.min(floor, levels[q]);
    total += levels[q];
  }
  return cands.filter((a) => {
    let sum = 0;
    for (let q = 0; q < k; q++) {
      const v = V[q * m + a];
      if (!atLeast(v, refine === 'leximin' ? levels[q] : floor)) return false;
      sum += v;
    }
    return refine === 'leximin' || atLeast(total, sum);
  });
}
