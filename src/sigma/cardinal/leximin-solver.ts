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

export interface LeximinSolution {
  /** A leximin-optimal lottery over the m actions (rounded to floats). */
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
 * The columns among `cands` that are leximin-optimal lotteries by themselves: those reaching every
 * row's optimal level (the optimal values are unique), ties to EPS relative to each row's level.
 * The tolerance is per row: a row that takes large values elsewhere (an action far below a
 * disagreement point) must not loosen the test for the others.
 */
export function optimalColumns(
  V: Float64Array,
  k: number,
  m: number,
  cands: readonly number[],
  levels: ArrayLike<number>,
): number[] {
  return cands.filter((a) => {
    for (let q = 0; q < k; q++) {
      const v = V[q * m + a];
      if (!(v >= levels[q] || same(v, levels[q]))) return false;
    }
    return true;
  });
}
