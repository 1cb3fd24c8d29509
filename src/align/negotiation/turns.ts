/**
 * Whole turns of alternating offers over lotteries, skipped without playing their rounds.
 *
 * A turn is the rounds of phases L − 1, …, 0 (in that order: backward induction runs from the last
 * round), phase k proposed by order[k]. While every phase's round LP (threshold-lp.ts) keeps its
 * basis, a turn is an affine map of the value W at its start (the value of the game from the
 * round after the turn on): the thresholds are affine in W, each basic solution B⁻¹b is affine in
 * its thresholds, and the offer's values are linear in the lottery. So
 *
 *   Φ(W) = V* + M(W − V*),
 *
 * with V* the map's fixed point — the stationary values, when it lies where the bases hold. The
 * rows — each phase's basic values x_B, then its proposer's margin u_p·x − c_p — are affine in W
 * too: rows(W) = rows(V*) + D(W − V*). Where every row is ≥ 0, each round keeps its basis (x_B ≥ 0
 * needs no pivot) and its proposer accepts, so a turn from W is exactly what playing its rounds
 * computes, to rounding. M, D and V* come from differences of turns played with fixed bases (exact
 * for an affine map, up to rounding), one per delegate.
 *
 * Sizes are relative to each delegate's range: |v|_w = max over the delegates of |v_i|/range_i.
 * Row q stays ≥ 0 while |W − V*|_w < reach_q = rows_q(V*)/|D_q|_w (half of that is kept, for the
 * rounding of the differences); `radius` is the least reach, 0 when V* itself is outside the region
 * (a region the values only pass through). Blocks of S turns use M^(S−1) and K = max over k ≤ S of
 * |M^k|_w (the norm |v|_w induces), so that |v_k|_w ≤ K·|v_0|_w along S turns v_{k+1} = M v_k.
 */
import { type Arena, lotteryUtilities, type Table } from './common.js';
import { invert, type ThresholdLp } from './threshold-lp.js';

/** What the turns read of the game. */
export interface Phases {
  readonly t: Table;
  /** The parts at the table. */
  readonly seated: Int32Array;
  readonly delta: Float64Array;
  readonly order: readonly number[];
  /** Each phase's round LP, with the basis its last round left. */
  readonly lps: readonly (ThresholdLp | undefined)[];
  /** Where the working arrays come from. */
  readonly arena: Arena;
}

export interface CycleMap {
  readonly fixed: Float64Array;
  /** n × n, row-major; the columns of parts without a delegate are 0 (their values feed nothing). */
  readonly M: Float64Array;
  readonly rows: Float64Array;
  /** rows × n, row-major, delegates' columns only. */
  readonly D: Float64Array;
  /** Each row's reach, and the rows by increasing reach. */
  readonly reach: Float64Array;
  readonly tight: Int32Array;
  readonly radius: number;
  readonly blocks: readonly Block[];
}

interface Block {
  readonly turns: number;
  /** M^(turns − 1). */
  readonly power: Float64Array;
  readonly K: number;
}

interface Entry {
  readonly bases: Int32Array;
  readonly map: CycleMap | null;
}

/** The cycle maps of one game, by the phases' bases, with the buffers they work in. */
export class Turns {
  private readonly g: Phases;
  private readonly n: number;
  /** Rows of a turn: each phase's m basic values and its margin. */
  private readonly R: number;
  private readonly maps = new Map<number, Entry[]>();
  /** The maps made so far (not null). */
  private readonly made: CycleMap[] = [];
  /** The entry of the current bases, looked up at a basis count. */
  private current: { pivots: number; entry: Entry | undefined } | null = null;
  private readonly c: Float64Array;
  private readonly base: Float64Array;
  private readonly out: Float64Array;
  private readonly e: Float64Array;
  private readonly next: Float64Array;
  private readonly v: Float64Array;
  private readonly w: Float64Array;
  private readonly baseRows: Float64Array;
  private readonly rows: Float64Array;
  private readonly square: Float64Array;
  private readonly other: Float64Array;

  constructor(g: Phases) {
    this.g = g;
    const n = g.t.p.parts;
    const { arena } = g;
    this.n = n;
    this.R = g.order.length * (g.seated.length + 1);
    this.c = arena.f64(n);
    this.base = arena.f64(n);
    this.out = arena.f64(n);
    this.e = arena.f64(n);
    this.next = arena.f64(n);
    this.v = arena.f64(n);
    this.w = arena.f64(n);
    this.baseRows = arena.f64(this.R);
    this.rows = arena.f64(this.R);
    this.square = arena.f64(n * n);
    this.other = arena.f64(n * n);
  }

  /** Basis changes so far over every phase's round LP: unchanged between two reads, no basis moved. */
  pivots(): number {
    let s = 0;
    for (const lp of this.g.lps) if (lp) s += lp.pivots;
    return s;
  }

  /**
   * Skips the turns from the value W at horizon T (a turn boundary) that a cycle map covers, and
   * returns how many (W is advanced past them): by the map of the phases' current bases (made now
   * when `make` and not made before), else by any map made so far whose region holds W — the
   * round LPs' optima are unique there, so every round would reach that map's bases whatever
   * bases the LPs hold now. Every phase has played a round.
   */
  skip(W: Float64Array, T: number, maxRounds: number, tol: number, make: boolean): number {
    const own = this.mapAt(W, make);
    if (own) {
      const turns = this.fastForward(own, W, T, maxRounds, tol);
      if (turns > 0) return turns;
    }
    for (const map of this.made) {
      if (map === own) continue;
      const turns = this.fastForward(map, W, T, maxRounds, tol);
      if (turns > 0) return turns;
    }
    return 0;
  }

  /**
   * The cycle map of the phases' current bases, made (when `make`) the first time those bases are
   * seen, from the value W; null when not made yet, or without a usable fixed point.
   */
  private mapAt(W: Float64Array, make: boolean): CycleMap | null {
    const pivots = this.pivots();
    if (this.current?.pivots !== pivots) {
      const entry = this.maps.get(this.hash())?.find((e) => this.same(e));
      this.current = { pivots, entry };
    }
    if (!this.current.entry && make) {
      const all: number[] = [];
      for (const lp of this.g.lps) for (let i = 0; i < lp!.m; i++) all.push(lp!.basis[i]);
      const bases = this.g.arena.i32(all.length);
      bases.set(all);
      const entry = { bases, map: this.build(W) };
      if (entry.map) this.made.push(entry.map);
      const hash = this.hash();
      this.maps.set(hash, [...(this.maps.get(hash) ?? []), entry]);
      this.current.entry = entry;
    }
    return this.current.entry?.map ?? null;
  }

  /**
   * Advances W (the value at horizon T, a turn boundary) along the map while every round keeps its
   * basis, stopping one turn before the values would meet the tolerance and one turn before
   * `maxRounds`; returns the number of turns advanced.
   *
   * Turn j's check compares v_j = e_{j+1} − e_j with the tolerance (e = W − V*). A block of S turns
   * is taken at once when it provably holds neither the stop nor a turn outside the region:
   * v_{j+S−1} = M^(S−1)v_j, and |v_{j+S−1}|_w > K·tol means every v_i in the block exceeds tol;
   * K·|e_j|_w < radius keeps every e_i in the block inside. Otherwise one turn, checked row by row.
   */
  private fastForward(map: CycleMap, W: Float64Array, T: number, maxRounds: number, tol: number): number {
    const { n } = this;
    const L = this.g.order.length;
    const { fixed, M, radius, blocks } = map;
    let e = this.e;
    let next = this.next;
    const { v, w } = this;
    for (let i = 0; i < n; i++) e[i] = W[i] - fixed[i];
    let turns = 0;
    turn: while (T + (turns + 2) * L <= maxRounds) {
      const far = this.size(e);
      product(M, e, next, n);
      for (let i = 0; i < n; i++) v[i] = next[i] - e[i];
      for (const b of blocks) {
        if (T + (turns + b.turns + 1) * L > maxRounds || !(b.K * far < radius)) continue;
        product(b.power, v, w, n);
        if (!(this.size(w) > b.K * tol)) continue;
        product(b.power, e, w, n);
        product(M, w, e, n);
        turns += b.turns;
        continue turn;
      }
      if (!this.inside(map, e, far) || !(this.size(v) > tol)) break;
      const swap = e;
      e = next;
      next = swap;
      turns++;
    }
    if (turns > 0) for (let i = 0; i < n; i++) W[i] = fixed[i] + e[i];
    return turns;
  }

  private hash(): number {
    let hash = 0;
    for (const lp of this.g.lps)
      for (let i = 0; i < lp!.m; i++) hash = (Math.imul(hash, 31) + lp!.basis[i] + 1) | 0;
    return hash;
  }

  private same(entry: Entry): boolean {
    let q = 0;
    for (const lp of this.g.lps)
      for (let i = 0; i < lp!.m; i++) if (lp!.basis[i] !== entry.bases[q++]) return false;
    return true;
  }

  /** Φ(W) into `out` with the current bases and no checks; the rows into `rows`. */
  private turn(W: Float64Array, out: Float64Array, rows: Float64Array): void {
    const { t, delta, order } = this.g;
    const { n, c } = this;
    for (let i = 0; i < n; i++) out[i] = W[i];
    let o = 0;
    for (let k = order.length - 1; k >= 0; k--) {
      const lp = this.g.lps[k]!;
      for (let i = 0; i < n; i++) c[i] = t.d[i] + delta[i] * (out[i] - t.d[i]);
      lp.project(c);
      lotteryUtilities(t.p, lp.x, out);
      for (let i = 0; i < lp.m; i++) rows[o++] = lp.xB[i];
      rows[o++] = out[order[k]] - c[order[k]];
    }
  }

  private build(W: Float64Array): CycleMap | null {
    const { t, seated } = this.g;
    const { n, R, base, out, baseRows, rows } = this;
    for (const lp of this.g.lps) if (!(lp?.status === 'optimal' && lp.unique)) return null;
    this.turn(W, base, baseRows);
    const { arena } = this.g;
    const M = arena.f64(n * n);
    const D = arena.f64(R * n);
    const fixed = arena.f64(n);
    fixed.set(W);
    for (const i of seated) {
      fixed[i] += t.range[i];
      this.turn(fixed, out, rows);
      fixed[i] = W[i];
      for (let j = 0; j < n; j++) M[j * n + i] = (out[j] - base[j]) / t.range[i];
      for (let q = 0; q < R; q++) D[q * n + i] = (rows[q] - baseRows[q]) / t.range[i];
    }
    // V* = W + (I − M)⁻¹(Φ(W) − W), with a second such step should the first miss by rounding.
    const { square, other } = this;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) square[i * n + j] = (i === j ? 1 : 0) - M[i * n + j];
    if (!invert(square, n, other)) return null;
    let from = base;
    for (let pass = 0; ; pass++) {
      for (let i = 0; i < n; i++) this.v[i] = from[i] - fixed[i];
      product(other, this.v, this.w, n);
      for (let i = 0; i < n; i++) fixed[i] += this.w[i];
      this.turn(fixed, out, rows);
      let missed = false;
      for (const i of seated) if (!(Math.abs(out[i] - fixed[i]) <= 1e-12 * t.range[i])) missed = true;
      if (!missed) break;
      if (pass === 1) return null;
      from = out;
    }
    const reach = arena.f64(R);
    for (let q = 0; q < R; q++) {
      let norm = 0;
      for (const i of seated) norm += Math.abs(D[q * n + i]) * t.range[i];
      reach[q] = !(rows[q] > 0) ? 0 : norm > 0 ? rows[q] / norm / 2 : Infinity;
    }
    // Rows by increasing reach (insertion sort: a few dozen rows).
    const tight = arena.i32(R);
    for (let q = 0; q < R; q++) {
      let k = q;
      for (; k > 0 && reach[tight[k - 1]] > reach[q]; k--) tight[k] = tight[k - 1];
      tight[k] = q;
    }
    const radius = reach[tight[0]];
    // Blocks of turns are of use only around a V* inside the region.
    const at = arena.f64(R);
    at.set(rows);
    return {
      fixed,
      M,
      rows: at,
      D,
      reach,
      tight,
      radius,
      blocks: radius > 0 ? this.blocks(M) : [],
    };
  }

  /**
   * Blocks of 16 and 4 turns, from M², M³, M⁴, M⁸, M¹² and M¹⁵. K for 4 turns is exact; for 16 it
   * is the bound |M^(4a+b)|_w ≤ |M⁴|_w^a·|M^b|_w (a ≤ 4, b < 4).
   */
  private blocks(M: Float64Array): Block[] {
    const { n } = this;
    const times = (X: Float64Array, Y: Float64Array) => {
      const out = this.g.arena.f64(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let l = 0; l < n; l++) s += X[i * n + l] * Y[l * n + j];
          out[i * n + j] = s;
        }
      return out;
    };
    const M2 = times(M, M);
    const M3 = times(M2, M);
    const M4 = times(M2, M2);
    const M8 = times(M4, M4);
    const M15 = times(times(M8, M4), M3);
    const K4 = Math.max(1, this.norm(M), this.norm(M2), this.norm(M3), this.norm(M4));
    const K16 = K4 * Math.max(1, this.norm(M4)) ** 3;
    return [
      { turns: 16, power: M15, K: K16 },
      { turns: 4, power: M3, K: K4 },
    ];
  }

  /** |A|_w = max over delegates i of Σ_j |A_ij|·range_j/range_i. */
  private norm(A: Float64Array): number {
    const { t, seated } = this.g;
    const { n } = this;
    let best = 0;
    for (const i of seated) {
      let s = 0;
      for (const j of seated) s += Math.abs(A[i * n + j]) * t.range[j];
      best = Math.max(best, s / t.range[i]);
    }
    return best;
  }

  /** |v|_w. */
  private size(v: Float64Array): number {
    const { t, seated } = this.g;
    let s = 0;
    for (let k = 0; k < seated.length; k++) s = Math.max(s, Math.abs(v[seated[k]]) / t.range[seated[k]]);
    return s;
  }

  /** rows(V* + e) ≥ 0 for every row; `far` = |e|_w. */
  private inside(map: CycleMap, e: Float64Array, far: number): boolean {
    const { rows, D, reach, tight } = map;
    const { seated } = this.g;
    const { n } = this;
    for (let k = 0; k < tight.length; k++) {
      const q = tight[k];
      if (far < reach[q]) return true;
      let s = rows[q];
      for (let l = 0; l < seated.length; l++) s += D[q * n + seated[l]] * e[seated[l]];
      if (!(s >= 0)) return false;
    }
    return true;
  }
}

/** out = A v (n × n). */
function product(A: Float64Array, v: Float64Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j] * v[j];
    out[i] = s;
  }
}
