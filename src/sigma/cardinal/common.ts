/**
 * What the cardinal rules share: checking a UtilityProblem and the options, the disagreement
 * point and individual rationality, who is "at the table", favourites, leximin comparison,
 * rankings by a comparator, and turning a solver's lottery into the canonical one a rule returns.
 *
 * Conventions every cardinal rule follows (stated in each registry entry too):
 * - Parts with weight 0 are not at the table: they never constrain or move a result (except that
 *   random dictatorship gives them probability 0 and dictatorship never picks them by default).
 * - The disagreement point is the `disagreement` option, else the problem's own, else each part's
 *   minimum utility over the actions (egalitarian: else none, it compares levels).
 * - Two numbers are tied when they agree to EPS = 1e-9 relative (result.ts).
 * - Lottery results: `lottery` is one optimal lottery — uniform over the pure actions that are
 *   themselves optimal when there are any; otherwise the solver's optimum, with probabilities
 *   below 1e-9 dropped (solver noise) and equal shares among actions whose utility vectors (for
 *   the parts at the table) are identical. `winners` is the support of that lottery.
 */
import { UserError } from '../../core/errors.js';
import { type UtilityProblem, utilityBounds } from '../../core/utility.js';
import { EPS } from '../result.js';
import type { OptionSpec, Options, RuleResult } from '../types.js';
import type { ExtraConstraints } from './leximin-solver.js';
import { bestLotteries } from './nash-solver.js';

export { EPS };

/** True when x and y agree to EPS (relative). Infinities of the same sign are equal. */
export function same(x: number, y: number): boolean {
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= EPS * Math.max(1, Math.abs(x), Math.abs(y));
}

/** Throws a UserError unless `p` is a well-formed problem. */
export function checkProblem(p: UtilityProblem, rule: string): void {
  const where = `${rule}: utilities`;
  if (!(Number.isInteger(p.parts) && p.parts >= 1))
    throw new UserError(`expected at least one part, got ${p.parts}`, where);
  if (!(Number.isInteger(p.actions) && p.actions >= 1))
    throw new UserError(`expected at least one action, got ${p.actions}`, where);
  if (p.u.length !== p.parts * p.actions)
    throw new UserError(
      `expected ${p.parts * p.actions} numbers (${p.parts} parts × ${p.actions} actions), got ${p.u.length}`,
      where,
    );
  for (let k = 0; k < p.u.length; k++)
    if (!Number.isFinite(p.u[k]))
      throw new UserError(
        `part ${Math.floor(k / p.actions)}, action ${k % p.actions}: expected a finite utility, got ${p.u[k]}`,
        where,
      );
  if (p.weights.length !== p.parts)
    throw new UserError(
      `expected ${p.parts} weights (one per part), got ${p.weights.length}`,
      `${rule}: weights`,
    );
  for (let i = 0; i < p.parts; i++)
    if (!(Number.isFinite(p.weights[i]) && p.weights[i] >= 0))
      throw new UserError(`expected a non-negative weight, got ${p.weights[i]}`, `${rule}: weights[${i}]`);
  if (p.disagreement) checkVector(p.disagreement, p.parts, `${rule}: disagreement`);
}

function checkVector(x: ArrayLike<number>, n: number, where: string): Float64Array {
  if (x.length !== n) throw new UserError(`expected ${n} numbers (one per part), got ${x.length}`, where);
  const out = Float64Array.from(x);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(out[i]))
      throw new UserError(`expected a finite number, got ${x[i]}`, `${where}[${i}]`);
  return out;
}

/** The disagreement point: option `disagreement`, else the problem's, else each part's minimum utility. */
export function disagreementOf(p: UtilityProblem, opts: Options | undefined, rule: string): Float64Array {
  return givenDisagreement(p, opts, rule) ?? utilityBounds(p).lo;
}

/** The disagreement point given: option `disagreement`, else the problem's; undefined if neither. */
export function givenDisagreement(
  p: UtilityProblem,
  opts: Options | undefined,
  rule: string,
): Float64Array | undefined {
  const o = opts?.disagreement;
  if (o !== undefined) {
    if (!Array.isArray(o))
      throw new UserError('expected one number per part', `${rule}: option disagreement`);
    return checkVector(o as readonly number[], p.parts, `${rule}: option disagreement`);
  }
  return p.disagreement ? Float64Array.from(p.disagreement) : undefined;
}

/**
 * The seated parts' gains over the disagreement point, k × A row-major (row r is part act[r]), and
 * whether every action is individually rational: then the individually rational lotteries are the
 * whole simplex, else the polytope {x : G·x ≥ 0}.
 */
export function gainsOver(
  p: UtilityProblem,
  d: ArrayLike<number>,
  act: readonly number[],
): { G: Float64Array; simplex: boolean } {
  const A = p.actions;
  const G = new Float64Array(act.length * A);
  let simplex = true;
  act.forEach((i, r) => {
    for (let a = 0; a < A; a++) {
      G[r * A + a] = p.u[i * A + a] - d[i];
      if (G[r * A + a] < 0) simplex = false;
    }
  });
  return { G, simplex };
}

/** Individual rationality among the seated parts `act`, over pure actions or over lotteries. */
export interface Rationality {
  /** Each seated part's best individually rational utility (indexed by part; −∞ if there is none). */
  readonly ideal: Float64Array;
  /** The seated parts that gain over d somewhere (ideal_i > d_i), ascending. */
  readonly gainers: number[];
}

/**
 * Pure actions: the individually rational ones (every seated part at d or above, ascending), the
 * others, and the ideal point over the former.
 */
export function rationalActions(
  p: UtilityProblem,
  d: ArrayLike<number>,
  act: readonly number[],
): Rationality & { ir: number[]; rest: number[] } {
  const A = p.actions;
  const ir: number[] = [];
  const rest: number[] = [];
  for (let a = 0; a < A; a++) (act.every((i) => p.u[i * A + a] >= d[i]) ? ir : rest).push(a);
  const ideal = new Float64Array(p.parts).fill(-Infinity);
  for (const i of act) for (const a of ir) ideal[i] = Math.max(ideal[i], p.u[i * A + a]);
  return { ir, rest, ideal, gainers: act.filter((i) => ideal[i] > d[i]) };
}

/**
 * Lotteries: the ideal point over the individually rational lotteries (gainers to a relative
 * 1e-12: LP noise), and the constraints G·x ≥ 0 that keep a lottery individually rational
 * (undefined when every lottery is). Null when no lottery is individually rational.
 */
export function rationalLotteries(
  p: UtilityProblem,
  d: ArrayLike<number>,
  act: readonly number[],
): (Rationality & { extra: ExtraConstraints | undefined }) | null {
  const A = p.actions;
  const k = act.length;
  const { G, simplex } = gainsOver(p, d, act);
  const best = bestLotteries(G, k, A, simplex);
  if (!best) return null;
  const ideal = new Float64Array(p.parts).fill(-Infinity);
  act.forEach((i, r) => {
    let t = 0;
    for (let a = 0; a < A; a++) t += best[r][a] * p.u[i * A + a];
    ideal[i] = t;
  });
  const gainers = act.filter(
    (i) => ideal[i] - d[i] > 1e-12 * Math.max(1, Math.abs(ideal[i]), Math.abs(d[i])),
  );
  return { ideal, gainers, extra: simplex ? undefined : { B: G, lb: new Float64Array(k), count: k } };
}

/** The parts at the table (weight > 0), ascending. */
export function seated(p: UtilityProblem): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.parts; i++) if (p.weights[i] > 0) out.push(i);
  return out;
}

export function boolOption(opts: Options | undefined, name: string, dflt: boolean, rule: string): boolean {
  const v = opts?.[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean')
    throw new UserError(`expected true or false, got ${JSON.stringify(v)}`, `${rule}: option ${name}`);
  return v;
}

export function stringOption<T extends string>(
  opts: Options | undefined,
  name: string,
  allowed: readonly T[],
  dflt: T,
  rule: string,
): T {
  const v = opts?.[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new UserError(
      `expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`,
      `${rule}: option ${name}`,
    );
  return v as T;
}

export const lotteriesOption: OptionSpec = {
  name: 'lotteries',
  type: 'boolean',
  default: false,
  description: 'optimize over lotteries (the convex hull of the actions) and return the lottery',
};

export const disagreementOption: OptionSpec = {
  name: 'disagreement',
  type: 'number[]',
  description: "each part's disagreement utility (default: its minimum over the actions)",
};

/** Part i's favourite actions (within EPS of its best), ascending. */
export function favourites(p: UtilityProblem, i: number): number[] {
  const A = p.actions;
  let best = -Infinity;
  for (let a = 0; a < A; a++) best = Math.max(best, p.u[i * A + a]);
  const out: number[] = [];
  for (let a = 0; a < A; a++) if (same(p.u[i * A + a], best)) out.push(a);
  return out;
}

/**
 * Compares two vectors by leximin: sort each ascending and compare lexicographically (ties to
 * EPS). Positive when `x` is leximin-better. Inputs are already sorted.
 */
export function leximinCompare(x: ArrayLike<number>, y: ArrayLike<number>): number {
  for (let k = 0; k < x.length; k++) {
    if (same(x[k], y[k])) continue;
    return x[k] > y[k] ? 1 : -1;
  }
  return 0;
}

/**
 * Groups `cands` best first by a comparator (positive = first argument better), ties where it
 * returns 0. Sorting is stable on the index, groups are ascending.
 */
export function rankBy(cands: readonly number[], better: (a: number, b: number) => number): number[][] {
  const sorted = [...cands].sort((a, b) => -better(a, b) || a - b);
  const groups: number[][] = [];
  for (const c of sorted) {
    const g = groups[groups.length - 1];
    if (g && better(g[0], c) === 0) g.push(c);
    else groups.push([c]);
  }
  for (const g of groups) g.sort((a, b) => a - b);
  return groups;
}

/** 0..n-1. */
export function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** A lottery result: winners are its support (positive probability), ascending. */
export function lotteryResult(lottery: ArrayLike<number>, scores?: ArrayLike<number>): RuleResult {
  const out: number[] = [];
  const winners: number[] = [];
  for (let a = 0; a < lottery.length; a++) {
    out.push(lottery[a]);
    if (lottery[a] > 0) winners.push(a);
  }
  return { winners, lottery: out, ...(scores ? { scores: Array.from(scores) } : {}) };
}

/** Every action tied: the rule cannot separate them. */
export function allTied(A: number, scores?: ArrayLike<number>): RuleResult {
  const all = indices(A);
  return { winners: all, ranking: [all], ...(scores ? { scores: Array.from(scores) } : {}) };
}

/**
 * The canonical form of an optimal lottery (see the module comment). `pureOptimal` lists the
 * pure actions that are optimal themselves; `rows` are the parts whose utilities decide identity.
 */
export function canonicalLottery(
  p: UtilityProblem,
  x: ArrayLike<number>,
  pureOptimal: readonly number[],
  rows: readonly number[],
): Float64Array {
  const A = p.actions;
  const out = new Float64Array(A);
  if (pureOptimal.length > 0) {
    for (const a of pureOptimal) out[a] = 1 / pureOptimal.length;
    return out;
  }
  let total = 0;
  for (let a = 0; a < A; a++) {
    out[a] = x[a] > 1e-9 ? x[a] : 0;
    total += out[a];
  }
  for (let a = 0; a < A; a++) out[a] /= total;
  // Equal shares among actions with identical utility vectors.
  const done = new Uint8Array(A);
  for (let a = 0; a < A; a++) {
    if (done[a]) continue;
    const group = [a];
    for (let b = a + 1; b < A; b++) {
      if (done[b]) continue;
      if (rows.every((i) => p.u[i * A + a] === p.u[i * A + b])) group.push(b);
    }
    for (const b of group) done[b] = 1;
    if (group.length === 1) continue;
    let mass = 0;
    for (const b of group) mass += out[b];
    for (const b of group) out[b] = mass / group.length;
  }
  return out;
}
