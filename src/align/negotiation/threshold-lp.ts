/**
 * The linear program of a negotiation round over lotteries, solved for one right-hand side after
 * another:
 *
 *   maximize u_p·x  subject to  Σ_a x_a = 1,  u_j·x ≥ c_j (j ∈ J),  x ≥ 0
 *
 * — the proposer p's best lottery among those that give every responder j at least its threshold
 * c_j (alternating offers), or the last delegate's best utility given the others' demands (the Nash
 * demand game). The utilities, p and J are fixed; only the thresholds c change between solves.
 *
 * Dual simplex on the m = |J| + 1 rows (each responder's row and the objective divided by the
 * part's range). The right-hand side is the only thing that changes, so the last optimal basis
 * stays dual feasible and is the warm start: a solve whose thresholds moved a little is one product
 * x_B = B⁻¹b, and a few dual pivots when they moved across a vertex. The first basis is the
 * proposer's best action (lowest index among exact ties) with every surplus basic. A basis holds
 * k ≤ A actions; the rest are surpluses, whose columns are unit columns, so B⁻¹ is read from the
 * k × k block U⁻¹ of the actions and the binding rows: a solve costs O(k·m), not O(m²), and a new
 * basis O(k³ + A·k), not O(m³) — what keeps a negotiation among many delegates polynomial and
 * fast. U⁻¹ is kept per basis met with the reduced costs: a later pivot back to it costs a lookup.
 *
 * What a solve certifies, and nothing more (callers use the general solver, src/sigma/cardinal/lp.ts,
 * for the rest):
 * - `optimal`: the basis is primal feasible (x_B ≥ −1e-12, clamped to 0) and dual feasible. With
 *   `unique`, every nonbasic reduced cost is below −1e-6, so the optimum is the only one and any
 *   solver returns the same lottery to rounding (the lexicographic tie-breaks callers apply on top
 *   of the first objective then change nothing).
 * - `infeasible`: a Farkas row of B⁻¹ shows that no lottery meets the thresholds, by more than
 *   1e-8 (scaled) beyond what rounding in the row could explain.
 * - `unsure`: anything else (nearly infeasible thresholds, a pivot limit, a singular basis).
 */

import { Arena } from './common.js';

export type ThresholdStatus = 'optimal' | 'infeasible' | 'unsure';

const PRIMAL_TOL = 1e-12;
const DUAL_TOL = 1e-9;
const UNIQUE_GAP = 1e-6;
const PIVOT_TOL = 1e-11;
const INFEASIBLE_GAP = 1e-8;
/**
 * Dual pivots per solve, at most MAX_PIVOTS + 4 per row: a warm start needs a few, a first solve
 * among many delegates about one per binding responder (50 rows need ~50), and a solve past the
 * cap goes to the general solver, which costs far more (over a second at 50 rows).
 */
const MAX_PIVOTS = 50;
const PIVOTS_PER_ROW = 4;
/** Bases kept per LP (each holds k² + A + m numbers). */
const MAX_RECORDS = 256;

export class ThresholdLp {
  /** Actions (lottery entries). */
  readonly A: number;
  /** Rows: the simplex row, then one per responder. */
  readonly m: number;
  /** The lottery of the last `optimal` solve, or of the last projection. */
  readonly x: Float64Array;
  /** u_p·x of the last `optimal` solve (unscaled). */
  value = Number.NaN;
  /** The last solve's outcome. */
  status: ThresholdStatus = 'unsure';
  /** The last `optimal` solve's optimum is the only one. */
  unique = false;
  /** Counts basis changes: equal counts bracket solves that used one basis. */
  pivots = 0;
  /** The variable basic in each row: an action (< A), or A + q for the surplus of responder q's row. */
  readonly basis: Int32Array;
  /** Basic values of the last solve or projection, row i belonging to basis[i]. */
  readonly xB: Float64Array;

  private readonly N: number;
  private readonly up: Float64Array;
  /** Column-major constraint matrix: column j is cols[j·m … j·m + m). */
  private readonly cols: Float64Array;
  private readonly cost: Float64Array;
  private readonly scale: Float64Array;
  private readonly top: Float64Array;
  private readonly responders: Int32Array;
  private readonly isBasic: Uint8Array;
  private readonly b: Float64Array;
  /** The basic actions' values, then a row of B⁻¹ (each of at most min(A, m) numbers). */
  private readonly xS: Float64Array;
  private readonly rho: Float64Array;
  private readonly covered: Uint8Array;
  /** What each basis met so far gives whatever the thresholds (see Basis); then one scratch record. */
  private readonly records: Basis[] = [];
  private readonly U: Float64Array;
  private readonly y: Float64Array;
  /** The current basis's record, −1 before the first basis or after a singular one. */
  private current = -1;
  /**
   * Records by the basis's columns in row order (see enter), so no basis kept is computed twice.
   */
  private readonly seen = new Map<number, number[]>();
  private readonly radix: number;

  private readonly arena: Arena;

  /**
   * u: parts × actions utilities (row-major); p the objective's part; J the responders; range the
   * unit of each part's utilities (positive); `arena` the working arrays' source.
   */
  constructor(
    u: Float64Array,
    A: number,
    p: number,
    J: readonly number[],
    range: ArrayLike<number>,
    arena: Arena = new Arena(),
  ) {
    this.arena = arena;
    const m = J.length + 1;
    const N = A + J.length;
    this.A = A;
    this.m = m;
    this.N = N;
    this.radix = (N + 1) ** m <= 2 ** 53 ? N + 1 : 0;
    this.x = new Float64Array(A);
    this.up = u.subarray(p * A, (p + 1) * A);
    this.responders = Int32Array.from(J);
    this.scale = new Float64Array(m - 1);
    this.top = new Float64Array(m - 1).fill(-Infinity);
    this.cols = arena.f64(N * m);
    this.cost = new Float64Array(N);
    for (let q = 0; q < m - 1; q++) {
      const j = J[q];
      this.scale[q] = range[j];
      for (let a = 0; a < A; a++) {
        this.top[q] = Math.max(this.top[q], u[j * A + a]);
        this.cols[a * m + 1 + q] = u[j * A + a] / range[j];
      }
      this.cols[(A + q) * m + 1 + q] = -1;
    }
    for (let a = 0; a < A; a++) {
      this.cols[a * m] = 1;
      this.cost[a] = u[p * A + a] / range[p];
    }
    this.basis = new Int32Array(m);
    this.isBasic = new Uint8Array(N);
    this.b = new Float64Array(m);
    this.xB = new Float64Array(m);
    const k = Math.min(A, m);
    this.xS = arena.f64(k);
    this.rho = arena.f64(k);
    this.U = arena.f64(k * k);
    this.y = arena.f64(k);
    this.covered = new Uint8Array(m);
  }

  /**
   * The basic solution of the current basis for thresholds c, without pivoting or clamping (an
   * affine function of c while the basis stays): x, and x_B in `xB`. False before any solve.
   */
  project(c: ArrayLike<number>): boolean {
    if (this.current < 0) return false;
    this.rhs(c);
    this.basicValues();
    this.x.fill(0);
    for (let i = 0; i < this.m; i++) if (this.basis[i] < this.A) this.x[this.basis[i]] = this.xB[i];
    return true;
  }

  /** Solves for thresholds c (indexed by part). */
  solve(c: ArrayLike<number>): ThresholdStatus {
    this.status = this.run(c);
    return this.status;
  }

  private run(c: ArrayLike<number>): ThresholdStatus {
    const { m, A, cols } = this;
    if (this.current < 0 && !this.start()) return 'unsure';
    this.rhs(c);
    const most = MAX_PIVOTS + PIVOTS_PER_ROW * m;
    for (let it = 0; it <= most; it++) {
      this.basicValues();
      let r = -1;
      for (let i = 0; i < m; i++) if (this.xB[i] < -PRIMAL_TOL && (r < 0 || this.xB[i] < this.xB[r])) r = i;
      if (r < 0) return this.finish();
      if (it === most) return 'unsure';
      // Dual ratio test on row r: the entering column keeps every reduced cost ≤ 0. Row r of B⁻¹N
      // is ρ·N[R0] (minus N's entry in row 1 + q when x_Br is responder q's surplus), so only the
      // nonbasic columns — the actions out of the basis and the binding responders' surpluses —
      // are read, in the order of their index.
      const rec = this.records[this.current];
      const { k, R0, d } = rec;
      const surplus = this.rowOf(rec, r);
      let q = -1;
      let best = Infinity;
      let nearlyNegative = false;
      // The actions out of the basis, then (j ≥ A) a binding responder's surplus, whose column is
      // −1 in its row (R0[j − A + 1], after the simplex row).
      for (let j = 0; j < A + k - 1; j++) {
        let alpha: number;
        let col: number;
        if (j < A) {
          if (this.isBasic[j]) continue;
          col = j;
          alpha = surplus >= 0 ? -cols[j * m + 1 + surplus] : 0;
          for (let l = 0; l < k; l++) alpha += this.rho[l] * cols[j * m + R0[l]];
        } else {
          col = A + R0[j - A + 1] - 1;
          alpha = -this.rho[j - A + 1];
        }
        if (alpha < -PIVOT_TOL) {
          const ratio = Math.min(d[col], 0) / alpha;
          if (ratio < best) {
            best = ratio;
            q = col;
          }
        } else if (alpha < 0) nearlyNegative = true;
      }
      if (q < 0) {
        // Row r reads x_Br = β_r − Σ α_j z_j with every α_j ≥ −PIVOT_TOL and Σ z_j ≤ Z over the
        // feasible set, so x_Br < 0 for every lottery once β_r < −PIVOT_TOL·Z − INFEASIBLE_GAP.
        let Z = 1;
        for (let l = 0; l < m - 1; l++)
          Z += Math.max(0, (this.top[l] - c[this.responders[l]]) / this.scale[l]);
        const bound = nearlyNegative ? PIVOT_TOL * Z : 0;
        return this.xB[r] < -bound - INFEASIBLE_GAP ? 'infeasible' : 'unsure';
      }
      this.isBasic[this.basis[r]] = 0;
      this.basis[r] = q;
      this.isBasic[q] = 1;
      if (!this.enter()) return 'unsure';
    }
    return 'unsure';
  }

  /**
   * Row r of B⁻¹ restricted to the rows R0, into ρ; returns the responder whose surplus is basic
   * in row r (its own row then adds −1 to the products), or −1 when an action is.
   */
  private rowOf(rec: Basis, r: number): number {
    const { k, inv, at } = rec;
    const { cols } = this;
    const v = this.basis[r];
    if (v < this.A) {
      const c = at[r];
      for (let l = 0; l < k; l++) this.rho[l] = inv[c * k + l];
      return -1;
    }
    // x_Br = Σ_c col_S[c](1 + q)·x_S[c] − b(1 + q): ρ = g·U⁻¹ with g_c = col_S[c](1 + q).
    const q = v - this.A;
    for (let l = 0; l < k; l++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += cols[rec.colS[c] + 1 + q] * inv[c * k + l];
      this.rho[l] = s;
    }
    return q;
  }

  /** The first basis: the proposer's best action and every surplus. */
  private start(): boolean {
    const { A, m } = this;
    let best = 0;
    for (let a = 1; a < A; a++) if (this.cost[a] > this.cost[best]) best = a;
    this.isBasic.fill(0);
    this.basis[0] = best;
    this.isBasic[best] = 1;
    for (let i = 1; i < m; i++) {
      this.basis[i] = A + i - 1;
      this.isBasic[A + i - 1] = 1;
    }
    return this.enter();
  }

  /**
   * Makes `basis` current: its record from `seen`, else computed; false when B is (nearly)
   * singular. Bases are keyed by Σ basis[i]·(N + 1)^i when that is exact, else by a hash checked
   * against the record's basis. Past MAX_RECORDS bases (many actions: the optimum wanders over many
   * vertices) a new basis is computed into one scratch record and not kept.
   */
  private enter(): boolean {
    this.pivots++;
    const { m, basis } = this;
    let key = 0;
    if (this.radix > 0) for (let i = m - 1; i >= 0; i--) key = key * this.radix + basis[i];
    else {
      for (let i = 0; i < m; i++) key = Math.imul(key ^ basis[i], 0x01000193) >>> 0;
    }
    const bucket = this.seen.get(key);
    if (bucket)
      for (const r of bucket)
        if (this.radix > 0 || this.records[r].basis.every((v, i) => v === basis[i])) {
          this.current = r;
          return true;
        }
    const keep = this.records.length < MAX_RECORDS;
    const r = keep ? this.records.length : MAX_RECORDS;
    this.records[r] ??= this.newRecord();
    this.current = this.compute(this.records[r]) ? r : -1;
    if (this.current >= 0 && keep) {
      if (bucket) bucket.push(r);
      else this.seen.set(key, [r]);
    } else if (keep) this.records.pop();
    return this.current >= 0;
  }

  private newRecord(): Basis {
    const { m, N, arena } = this;
    const K = Math.min(this.A, m);
    return {
      k: 0,
      basis: arena.i32(m),
      P: arena.i32(K),
      at: arena.i32(m),
      R0: arena.i32(K),
      colS: arena.i32(K),
      inv: arena.f64(K * K),
      d: arena.f64(N),
      bits: 0,
    };
  }

  /**
   * Fills `rec` for the current basis; false when B is (nearly) singular. B is block triangular: the
   * basic surpluses' columns are −1 in their own rows and 0 elsewhere, so with the basic actions S
   * (k of them) and the rows R0 that no basic surplus covers (the simplex row and the k − 1 binding
   * responders), B is invertible exactly when U = B[R0, S] (k × k) is, and only U⁻¹ is kept.
   */
  private compute(rec: Basis): boolean {
    const { m, A, cols } = this;
    const { P, at, R0, colS, inv, d } = rec;
    rec.basis.set(this.basis);
    let k = 0;
    const covered = this.covered.fill(0);
    for (let i = 0; i < m; i++) {
      const v = this.basis[i];
      if (v < A) {
        at[i] = k;
        P[k++] = i;
      } else covered[1 + v - A] = 1;
    }
    rec.k = k;
    let l = 0;
    for (let row = 0; row < m && l <= k; row++) if (!covered[row]) R0[l++] = row;
    if (l !== k) return false;
    const U = this.U;
    for (let r = 0; r < k; r++) for (let j = 0; j < k; j++) U[r * k + j] = cols[this.basis[P[j]] * m + R0[r]];
    if (!invert(U, k, inv)) return false;
    // y = cost_S U⁻¹ on the rows R0 (0 on the others); d_j = cost_j − y·a_j for the nonbasic j.
    const y = this.y;
    for (let r = 0; r < k; r++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += this.cost[this.basis[P[j]]] * inv[j * k + r];
      y[r] = s;
    }
    let bits = 3;
    // The nonbasic columns: the actions out of the basis, then the binding responders' surpluses.
    for (let j = 0; j < A + k - 1; j++) {
      let s: number;
      let col: number;
      if (j < A) {
        if (this.isBasic[j]) continue;
        col = j;
        s = this.cost[j];
        for (let r = 0; r < k; r++) s -= y[r] * cols[j * m + R0[r]];
      } else {
        col = A + R0[j - A + 1] - 1;
        s = y[j - A + 1];
      }
      d[col] = s;
      if (s > DUAL_TOL) bits &= ~1;
      if (s >= -UNIQUE_GAP) bits &= ~2;
    }
    for (let c = 0; c < k; c++) colS[c] = this.basis[P[c]] * m;
    rec.bits = bits;
    return true;
  }

  /** b = (1, c_j / range_j) for the responders. */
  private rhs(c: ArrayLike<number>): void {
    this.b[0] = 1;
    for (let k = 0; k < this.m - 1; k++) this.b[k + 1] = c[this.responders[k]] / this.scale[k];
  }

  /** x_B = B⁻¹b for the current basis: x_S = U⁻¹b[R0], then each basic surplus from its row. */
  private basicValues(): void {
    const { m, A, cols, b, xS } = this;
    const { k, P, R0, colS, inv } = this.records[this.current];
    const xB = this.xB;
    for (let r = 0; r < k; r++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += inv[r * k + j] * b[R0[j]];
      xS[r] = s;
      xB[P[r]] = s;
    }
    if (k === m) return;
    for (let i = 0; i < m; i++) {
      const v = this.basis[i];
      if (v < A) continue;
      const row = 1 + v - A;
      let s = -b[row];
      for (let j = 0; j < k; j++) s += cols[colS[j] + row] * xS[j];
      xB[i] = s;
    }
  }

  private finish(): ThresholdStatus {
    const { m, A } = this;
    const bits = this.records[this.current].bits;
    if (!(bits & 1)) return 'unsure';
    this.unique = (bits & 2) !== 0;
    this.x.fill(0);
    for (let i = 0; i < m; i++) if (this.basis[i] < A) this.x[this.basis[i]] = Math.max(0, this.xB[i]);
    let v = 0;
    for (let a = 0; a < A; a++) v += this.up[a] * this.x[a];
    this.value = v;
    return 'optimal';
  }
}

/**
 * A basis as the solves read it: the basis itself, its k basic actions' positions P (in row order) and each
 * position's index among them (`at`), the rows R0, their columns' offsets, U⁻¹ (k × k, row-major; row c gives the action
 * at position P[c]), the reduced costs d of the nonbasic columns (0 for the basic ones), and the
 * `bits` 1 (dual feasible) and 2 (every nonbasic d_j < −1e-6: a unique optimum).
 */
interface Basis {
  k: number;
  readonly basis: Int32Array;
  readonly P: Int32Array;
  readonly at: Int32Array;
  readonly R0: Int32Array;
  /** Where each basic action's column starts in `cols`. */
  readonly colS: Int32Array;
  readonly inv: Float64Array;
  readonly d: Float64Array;
  bits: number;
}

/**
 * The inverse of the m × m row-major matrix `a` into `out` from offset `o`, by Gauss–Jordan
 * elimination with partial pivoting (`a` is overwritten); false when a pivot falls below 1e-11
 * (nearly singular).
 */
export function invert(a: Float64Array, m: number, out: Float64Array, o = 0): boolean {
  out.fill(0, o, o + m * m);
  for (let i = 0; i < m; i++) out[o + i * m + i] = 1;
  for (let k = 0; k < m; k++) {
    let p = k;
    for (let i = k + 1; i < m; i++) if (Math.abs(a[i * m + k]) > Math.abs(a[p * m + k])) p = i;
    if (!(Math.abs(a[p * m + k]) > PIVOT_TOL)) return false;
    if (p !== k)
      for (let j = 0; j < m; j++) {
        let t = a[k * m + j];
        a[k * m + j] = a[p * m + j];
        a[p * m + j] = t;
        t = out[o + k * m + j];
        out[o + k * m + j] = out[o + p * m + j];
        out[o + p * m + j] = t;
      }
    const f = 1 / a[k * m + k];
    for (let j = 0; j < m; j++) {
      a[k * m + j] *= f;
      out[o + k * m + j] *= f;
    }
    for (let i = 0; i < m; i++) {
      if (i === k) continue;
      const g = a[i * m + k];
      if (g === 0) continue;
      for (let j = 0; j < m; j++) {
        a[i * m + j] -= g * a[k * m + j];
        out[o + i * m + j] -= g * out[o + k * m + j];
      }
    }
  }
  return true;
}
