/**
 * Utility normalization: putting each part's utilities for the actions on a common footing.
 *
 * Utilities in a scenario are in each part's own units; most comparisons across parts (the
 * worst-off part, egalitarian rules) need them normalized first. Every method works per part
 * (per row of a parts × actions matrix), over the *feasible* actions (default: all of them), and
 * is applied to every action, so an infeasible action may land outside the feasible range.
 *
 * - `none`   — values unchanged.
 * - `minmax` — (u − min) / (max − min): the feasible worst is 0 and the feasible best is 1.
 *              A part that is indifferent among the feasible actions (max = min) gets 1 for each of
 *              them: every feasible choice is as good as it can be for that part, so it is never the
 *              worst-off part and it moves no egalitarian comparison. (Formally the map is then the
 *              shift u ↦ u − c + 1.)
 * - `zscore` — (u − mean) / sd, with the population standard deviation over the feasible actions;
 *              an indifferent part gets 0 (the shift u ↦ u − c).
 * - `range`  — a range-voting ballot: the min–max value scaled to the grades 0..G (option `grades`,
 *              default 10) and rounded to the nearest grade (halves up). An indifferent part gives
 *              every feasible action the top grade G.
 *
 * Weights are never touched: normalization decides what "one unit of utility" means for each
 * part; how much each part counts is its weight.
 */
import { UserError } from './errors.js';
import type { UtilityProblem } from './utility.js';

export type Normalization = 'none' | 'minmax' | 'zscore' | 'range';

export const NORMALIZATIONS: readonly Normalization[] = ['none', 'minmax', 'zscore', 'range'];

export interface NormalizeOptions {
  /** The feasible actions the statistics are taken over (default: all). */
  readonly feasible?: readonly number[];
  /** Top grade for `range` (default 10: grades 0..10). */
  readonly grades?: number;
}

/** Checks a normalization name given by a user (`where` names the field). */
export function parseNormalization(x: unknown, where = 'normalize'): Normalization {
  if (typeof x === 'string' && (NORMALIZATIONS as readonly string[]).includes(x)) return x as Normalization;
  throw new UserError(`expected one of ${NORMALIZATIONS.join(', ')}, got ${JSON.stringify(x)}`, where);
}

/**
 * The affine map x ↦ scale·x + shift that `method` applies to one part's row (before rounding,
 * for `range`). Used to carry a disagreement point along with the utilities.
 */
export function normalizationMap(
  row: ArrayLike<number>,
  method: Normalization,
  opts: NormalizeOptions = {},
): { scale: number; shift: number } {
  if (method === 'none') return { scale: 1, shift: 0 };
  const feasible = opts.feasible;
  const n = feasible ? feasible.length : row.length;
  if (n === 0) throw new UserError('expected at least one feasible action', 'feasible');
  if (feasible)
    for (const a of feasible)
      if (!(Number.isInteger(a) && a >= 0 && a < row.length))
        throw new UserError(`action ${JSON.stringify(a)} is not one of 0..${row.length - 1}`, 'feasible');
  const at = (k: number) => row[feasible ? feasible[k] : k];
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const x = at(k);
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    sum += x;
  }
  const grades = opts.grades ?? 10;
  if (method === 'minmax' || method === 'range') {
    const top = method === 'range' ? grades : 1;
    // A range within rounding of zero (e.g. 0.3 vs 0.30000000000000004) is indifference.
    if (!(hi - lo > 1e-9 * Math.max(Math.abs(hi), Math.abs(lo)))) return { scale: 1, shift: top - hi };
    const scale = top / (hi - lo);
    return { scale, shift: -lo * scale };
  }
  // zscore
  const mean = sum / n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (at(k) - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  if (!(sd > 0) || sd <= 1e-15 * Math.max(1, Math.abs(mean))) return { scale: 1, shift: -mean };
  return { scale: 1 / sd, shift: -mean / sd };
}

/** Normalizes one part's utilities for the actions (see the module comment). */
export function normalizeRow(
  row: ArrayLike<number>,
  method: Normalization,
  opts: NormalizeOptions = {},
  out: Float64Array = new Float64Array(row.length),
): Float64Array {
  if (method === 'range') {
    const g = opts.grades ?? 10;
    if (!(Number.isInteger(g) && g >= 1))
      throw new UserError(`expected a positive whole number of grades, got ${g}`, 'grades');
  }
  const { scale, shift } = normalizationMap(row, method, opts);
  for (let a = 0; a < row.length; a++) {
    let y = scale * row[a] + shift;
    if (method === 'range') y = Math.floor(y + 0.5 + 1e-9);
    out[a] = y;
  }
  if (method === 'minmax' || method === 'range') {
    // Pin the feasible extremes exactly (no 0.9999999999 from rounding).
    const top = method === 'range' ? (opts.grades ?? 10) : 1;
    const idx = opts.feasible ?? range(row.length);
    let lo = Infinity;
    let hi = -Infinity;
    for (const a of idx) {
      lo = Math.min(lo, row[a]);
      hi = Math.max(hi, row[a]);
    }
    for (const a of idx) {
      if (row[a] === hi) out[a] = top;
      else if (row[a] === lo) out[a] = 0;
    }
  }
  return out;
}

/**
 * Normalizes a parts × actions matrix (row-major, `u[i*actions + a]`) part by part.
 */
export function normalizeUtilities(
  u: Float64Array,
  parts: number,
  actions: number,
  method: Normalization,
  opts: NormalizeOptions = {},
): Float64Array {
  const out = new Float64Array(parts * actions);
  for (let i = 0; i < parts; i++)
    normalizeRow(
      u.subarray(i * actions, (i + 1) * actions),
      method,
      opts,
      out.subarray(i * actions, (i + 1) * actions),
    );
  return out;
}

/**
 * A normalized copy of a utility problem. The disagreement point, when present, is carried along
 * by the same affine map as its part's utilities (for `range`, without rounding).
 */
export function normalizeProblem(
  p: UtilityProblem,
  method: Normalization,
  opts: NormalizeOptions = {},
): UtilityProblem {
  if (method === 'none') return p;
  const u = normalizeUtilities(p.u, p.parts, p.actions, method, opts);
  let disagreement: Float64Array | undefined;
  if (p.disagreement) {
    disagreement = new Float64Array(p.parts);
    for (let i = 0; i < p.parts; i++) {
      const { scale, shift } = normalizationMap(
        p.u.subarray(i * p.actions, (i + 1) * p.actions),
        method,
        opts,
      );
      disagreement[i] = scale * p.disagreement[i] + shift;
    }
  }
  return { parts: p.parts, actions: p.actions, u, weights: p.weights, disagreement };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * Per-part welfare: parts × actions utilities normalized to [0, 1] per part over the feasible
 * actions (min–max: 0 = its worst action, 1 = its best; a part indifferent among them gets 1), so
 * parts with different units can be compared and the worst-off part named.
 */
export function welfareMatrix(p: UtilityProblem): Float64Array {
  return normalizeUtilities(p.u, p.parts, p.actions, 'minmax');
}

/** Each part's value of a decision: an action, or a lottery over actions (expected value). */
export function decisionValues(
  m: Float64Array,
  parts: number,
  actions: number,
  d: number | ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(parts);
  for (let i = 0; i < parts; i++) {
    if (typeof d === 'number') out[i] = m[i * actions + d];
    else {
      let t = 0;
      for (let a = 0; a < actions; a++) t += d[a] * m[i * actions + a];
      out[i] = t;
    }
  }
  return out;
}
