/**
 * Nash's demand game among delegates (Nash 1953): each delegate demands a utility level at once; if
 * some decision gives every delegate at least its demand, the demands are met, otherwise everyone
 * gets the disagreement point.
 *
 * Demands. Delegate i demands one of the grid levels d_i + k·(top_i − d_i)/G, k = 0..G (option
 * `grid` = G, default 20), where top_i is its best utility over the actions; a part that cannot
 * gain over d_i (top_i ≤ d_i) has the single level d_i. Decisions are pure actions, or with
 * `lotteries` lotteries over actions (expected utility). A demand vector y is compatible when some
 * decision x has u_i(x) ≥ y_i for every delegate (to 1e-9 of a grid step); payoffs are y if
 * compatible, d otherwise.
 *
 * Equilibria. A compatible y is a (pure Nash) equilibrium exactly when no delegate can raise its
 * demand by a level and stay compatible — i.e. y is a maximal ("efficient") compatible demand
 * vector; lowering a demand never pays. These are all enumerated (`details.equilibria`, in
 * lexicographic order of the levels). An incompatible y is an equilibrium when no delegate can make
 * the demands compatible by lowering its own demand to a level above its disagreement utility (in
 * dividing a dollar: both demanding all of it); these give the disagreement point and are not
 * enumerated.
 *
 * Selection. Nash's smoothing argument (uncertainty about the feasible set, shrinking to nothing)
 * selects the equilibrium that maximizes the Nash product of gains Π_i (y_i − d_i) — with
 * `weighted`, Π_i (y_i − d_i)^{w_i}. Selected here: among the equilibria, the one with the fewest
 * delegates (by weight, with `weighted`) demanding only their disagreement utility, then the largest
 * Π (y_i − d_i)/(top_i − d_i) over the others (the Nash product itself when everyone gains; the
 * same ε-limit convention as the nash-bargaining rule otherwise). Equilibria tied on both (to 1e-9)
 * are all listed in `details.selected`; the first in lexicographic order is played. So the selection
 * is the Nash bargaining solution restricted to the demand grid; it converges to the Nash solution
 * as the grid is refined (over lotteries; over pure actions the frontier is the actions' own points).
 *
 * The agreement: among the decisions meeting the selected demands, the one maximizing
 * Σ_i (u_i − d_i)/range_i over the delegates (range = the part's max − min over the actions), so it
 * is Pareto-efficient; pure actions tied on that are the ties, and the lowest index is taken.
 *
 * Exactness and limits. Pure actions: exact and cheap — the compatible set is the union of the
 * boxes below the actions' utility vectors, so the equilibria are the maximal grid-rounded action
 * points (O(A²·n)). Lotteries: one LP per grid cell of all delegates but the last — (G + 1)^{n−1}
 * cells, refused past `maxCells` (default 100000) — giving the last delegate's highest compatible
 * level. Only the LP's value matters, and neighbouring cells differ in one threshold, so each cell
 * is a warm-started dual simplex step from the last (threshold-lp.ts), with the general solver
 * (src/sigma/cardinal/lp.ts) for the cells it is unsure of.
 */
import { UserError } from '../../core/errors.js';
import type { UtilityProblem } from '../../core/utility.js';
import { type LinearConstraint, solveLp } from '../../sigma/cardinal/lp.js';
import type { Target } from '../types.js';
import {
  type Agreement,
  agreementUtilities,
  boolOpt,
  cleanLottery,
  intOpt,
  type NegotiationResult,
  row,
  same,
  type Table,
  table,
} from './common.js';
import { ThresholdLp } from './threshold-lp.js';

const NAME = 'nash-demand';

export interface NashDemandOptions {
  /** Grid steps over each part's range [d_i, top_i] (default 20: levels 0..20). */
  readonly grid?: number;
  /** Decisions are lotteries over actions (default false: pure actions). */
  readonly lotteries?: boolean;
  /** Select by the weighted Nash product Π (y_i − d_i)^{w_i} (default false: the symmetric product). */
  readonly weighted?: boolean;
  /** Each part's disagreement utility (default: the problem's, else its minimum). */
  readonly disagreement?: readonly number[];
  /** Lotteries: refuse when the grid has more than this many cells for all delegates but one (default 100000). */
  readonly maxCells?: number;
}

/** One pure equilibrium with compatible demands. */
export interface DemandEquilibrium {
  /** Each part's demand level k (demand d_i + k·step_i); −1 for a part without a delegate. */
  readonly levels: Int32Array;
  /** Each part's demand; NaN for a part without a delegate. */
  readonly demands: Float64Array;
  /** Weight (count, unweighted) of the delegates that could gain but demand only d_i. */
  readonly atDisagreement: number;
  /** Σ_i w_i log((y_i − d_i)/(top_i − d_i)) over the delegates that demand more than d_i. */
  readonly logNash: number;
}

export interface NashDemandDetails {
  readonly grid: number;
  readonly lotteries: boolean;
  readonly weighted: boolean;
  readonly disagreement: Float64Array;
  /** Each part's top level (its best utility over the actions). */
  readonly top: Float64Array;
  /** Each part's grid step (0 for a part that cannot gain). */
  readonly step: Float64Array;
  /** Every equilibrium with compatible demands (the efficient compatible demand vectors). */
  readonly equilibria: readonly DemandEquilibrium[];
  /** Indices (into equilibria) of the selected ones: tied on the selection criterion. */
  readonly selected: readonly number[];
  /** The demands played (the first selected equilibrium's), or null when no demands are compatible. */
  readonly demands: Float64Array | null;
}

export type NashDemandResult = NegotiationResult<'nash-demand', NashDemandDetails>;

interface Grid {
  readonly t: Table;
  readonly G: number;
  readonly step: Float64Array;
  readonly top: Float64Array;
}

/** Levels available to part i. */
function count(g: Grid, i: number): number {
  return g.step[i] > 0 ? g.G + 1 : 1;
}

/** The highest level part i's utility v meets (to 1e-9 of a step), or −1 when v is below d_i. */
function floorLevel(g: Grid, i: number, v: number): number {
  const d = g.t.d[i];
  if (g.step[i] === 0) return v >= d - 1e-9 * g.t.range[i] ? 0 : -1;
  const k = Math.floor((v - d) / g.step[i] + 1e-9);
  return k < 0 ? -1 : Math.min(k, g.G);
}

/** The utility threshold of level k for part i (relaxed by 1e-9 of a step). */
function threshold(g: Grid, i: number, k: number): number {
  const d = g.t.d[i];
  return g.step[i] === 0 ? d - 1e-9 * g.t.range[i] : d + (k - 1e-9) * g.step[i];
}

/** Nash's demand game among the delegates (see the module comment). */
export function nashDemandGame(problem: UtilityProblem, opts: NashDemandOptions = {}): NashDemandResult {
  const t = table(problem, opts.disagreement, NAME);
  const G = intOpt(opts.grid, 20, 1, 1_000_000, `${NAME}: option grid`);
  const lotteries = boolOpt(opts.lotteries, false, `${NAME}: option lotteries`);
  const weighted = boolOpt(opts.weighted, false, `${NAME}: option weighted`);
  const maxCells = intOpt(opts.maxCells, 100_000, 1, 100_000_000, `${NAME}: option maxCells`);
  const n = problem.parts;
  const step = new Float64Array(n);
  const top = Float64Array.from(t.hi);
  for (let i = 0; i < n; i++) step[i] = top[i] > t.d[i] ? (top[i] - t.d[i]) / G : 0;
  const g: Grid = { t, G, step, top };

  const vectors = lotteries ? lotteryEquilibria(g, maxCells) : pureEquilibria(g);
  const wt = (i: number) => (weighted ? problem.weights[i] : 1);
  const equilibria: DemandEquilibrium[] = vectors.map((lv) => {
    const levels = new Int32Array(n).fill(-1);
    const demands = new Float64Array(n).fill(Number.NaN);
    let atDisagreement = 0;
    let logNash = 0;
    t.seated.forEach((i, q) => {
      levels[i] = lv[q];
      demands[i] = t.d[i] + lv[q] * step[i];
      if (step[i] === 0) return;
      if (lv[q] === 0) atDisagreement += wt(i);
      else logNash += wt(i) * Math.log(lv[q] / G);
    });
    return { levels, demands, atDisagreement, logNash };
  });

  const selected: number[] = [];
  equilibria.forEach((e, k) => {
    if (selected.length === 0) {
      selected.push(k);
      return;
    }
    const b = equilibria[selected[0]];
    const cmp = !same(e.atDisagreement, b.atDisagreement)
      ? b.atDisagreement - e.atDisagreement
      : same(e.logNash, b.logNash)
        ? 0
        : e.logNash - b.logNash;
    if (cmp > 0) selected.splice(0, selected.length, k);
    else if (cmp === 0) selected.push(k);
  });

  let agreement: Agreement = null;
  let demands: Float64Array | null = null;
  if (selected.length > 0) {
    const e = equilibria[selected[0]];
    demands = e.demands;
    agreement = lotteries ? lotteryMeeting(g, e.levels) : pureMeeting(g, e.levels);
  }
  return {
    protocol: NAME,
    agreement,
    utilities: agreementUtilities(t, agreement),
    details: {
      grid: G,
      lotteries,
      weighted,
      disagreement: Float64Array.from(t.d),
      top,
      step,
      equilibria,
      selected,
      demands,
    },
  };
}

/** Pure actions: the maximal grid-rounded action points (levels per seated delegate), sorted. */
function pureEquilibria(g: Grid): number[][] {
  const { t } = g;
  const A = t.p.actions;
  const corners: number[][] = [];
  for (let a = 0; a < A; a++) {
    const c = t.seated.map((i) => floorLevel(g, i, t.p.u[i * A + a]));
    if (c.every((k) => k >= 0)) corners.push(c);
  }
  const dominated = (x: number[], y: number[]) => x.every((k, q) => k <= y[q]) && x.some((k, q) => k < y[q]);
  const keys = new Set<string>();
  const out: number[][] = [];
  for (const c of corners) {
    const key = c.join(',');
    if (keys.has(key) || corners.some((o) => dominated(c, o))) continue;
    keys.add(key);
    out.push(c);
  }
  return out.sort(lexicographic);
}

function lexicographic(x: readonly number[], y: readonly number[]): number {
  for (let q = 0; q < x.length; q++) if (x[q] !== y[q]) return x[q] - y[q];
  return 0;
}

/**
 * Lotteries: for every grid cell of the delegates but the last, the last delegate's highest
 * compatible level (one LP); the maximal cells are the equilibria (lexicographic order).
 */
function lotteryEquilibria(g: Grid, maxCells: number): number[][] {
  const { t } = g;
  const A = t.p.actions;
  const s = t.seated;
  const k = s.length;
  const last = s[k - 1];
  const free = s.slice(0, k - 1);
  const radix = new Array<number>(free.length);
  let cells = 1;
  for (let q = free.length - 1; q >= 0; q--) {
    radix[q] = cells;
    cells *= count(g, free[q]);
    if (cells > maxCells) {
      // The grid grows exponentially with the delegates: refused, with its whole size.
      let all = 1;
      for (const i of free) all *= count(g, i);
      const fmt = (x: number) => x.toLocaleString('en-US');
      throw new UserError(
        `the demand grid has more than ${maxCells} cells: ${fmt(all)}, one LP each (${k} delegates, grid ${g.G}, so (grid + 1)^${k - 1} at most): lower the grid or raise maxCells`,
        `${NAME}: option grid`,
      );
    }
  }
  const best = new Int32Array(cells);
  const levels = new Array<number>(free.length).fill(0);
  const simplex: LinearConstraint = { a: new Float64Array(A).fill(1), op: '=', b: 1 };
  // One LP per cell, warm-started from the last cell's basis; the general solver where it is unsure.
  const lp = new ThresholdLp(t.p.u, A, last, free, t.range);
  const c = new Float64Array(t.p.parts);
  for (let idx = 0; idx < cells; idx++) {
    let rest = idx;
    for (let q = 0; q < free.length; q++) {
      levels[q] = Math.floor(rest / radix[q]);
      rest %= radix[q];
    }
    // Compatibility is monotone: a higher demand than an incompatible one is incompatible.
    const inner = free.length - 1;
    if (inner >= 0 && levels[inner] > 0 && best[idx - 1] < 0) {
      best[idx] = -1;
      continue;
    }
    free.forEach((i, q) => {
      c[i] = threshold(g, i, levels[q]);
    });
    const status = lp.solve(c);
    if (status === 'optimal') best[idx] = floorLevel(g, last, lp.value);
    else if (status === 'infeasible') best[idx] = -1;
    else {
      const rows: LinearConstraint[] = [simplex];
      for (const i of free) rows.push({ a: row(t.p, i), op: '>=', b: c[i] });
      const r = solveLp({ n: A, c: row(t.p, last), rows });
      best[idx] = r.status === 'optimal' ? floorLevel(g, last, r.value) : -1;
    }
  }
  const out: number[][] = [];
  for (let idx = 0; idx < cells; idx++) {
    const b = best[idx];
    if (b < 0) continue;
    let rest = idx;
    let maximal = true;
    for (let q = 0; q < free.length; q++) {
      levels[q] = Math.floor(rest / radix[q]);
      rest %= radix[q];
      if (levels[q] + 1 < count(g, free[q]) && best[idx + radix[q]] >= b) maximal = false;
    }
    if (maximal) out.push([...levels, b]);
  }
  return out;
}

/** Σ_i (u_i − d_i)/range_i over the delegates, for action a. */
function surplus(t: Table, a: number): number {
  const A = t.p.actions;
  let s = 0;
  for (const i of t.seated) s += (t.p.u[i * A + a] - t.d[i]) / t.range[i];
  return s;
}

function pureMeeting(g: Grid, levels: Int32Array): Target {
  const { t } = g;
  const A = t.p.actions;
  const meet: number[] = [];
  for (let a = 0; a < A; a++)
    if (t.seated.every((i) => floorLevel(g, i, t.p.u[i * A + a]) >= levels[i])) meet.push(a);
  let sb = -Infinity;
  for (const a of meet) sb = Math.max(sb, surplus(t, a));
  const ties = meet.filter((a) => same(surplus(t, a), sb));
  return { kind: 'action', action: ties[0], ties };
}

/**
 * The lottery meeting the demands with the largest normalized surplus. The demands are met exactly
 * when possible, else to 1e-12 of the range, else to the 1e-9 of a step compatibility was judged by.
 */
function lotteryMeeting(g: Grid, levels: Int32Array): Target {
  const { t } = g;
  const A = t.p.actions;
  const obj = new Float64Array(A);
  for (const i of t.seated) for (let a = 0; a < A; a++) obj[a] += t.p.u[i * A + a] / t.range[i];
  const solve = (bound: (i: number) => number) => {
    const rows: LinearConstraint[] = [{ a: new Float64Array(A).fill(1), op: '=', b: 1 }];
    for (const i of t.seated) rows.push({ a: row(t.p, i), op: '>=', b: bound(i) });
    return solveLp({ n: A, c: obj, rows });
  };
  const demand = (i: number) => t.d[i] + levels[i] * g.step[i];
  let r = solve(demand);
  if (r.status !== 'optimal') r = solve((i) => demand(i) - 1e-12 * t.range[i]);
  if (r.status !== 'optimal') r = solve((i) => threshold(g, i, levels[i]));
  if (r.status !== 'optimal')
    throw new Error(`nash-demand: the selected demands became infeasible (${r.status})`);
  return { kind: 'lottery', lottery: cleanLottery(r.x) };
}
