/**
 * World models: what an action leads to.
 *
 * Outcomes and actions are finite sets, named by arrays of strings and referred to by index
 * everywhere else. A world model W is an actions × outcomes row-stochastic matrix stored
 * row-major in one Float64Array: `W.p[a*W.outcomes + o]` is the probability that action `a`
 * leads to outcome `o`. When the actions *are* the outcomes (a one-shot choice with no
 * uncertainty) W is the identity. Everything here is plain data and pure functions: no classes,
 * no hidden state, no Node imports (this file also runs in the browser).
 *
 * Expected utility of action a for a utility u over outcomes: EU(a) = Σ_o W[a][o] u[o].
 */
import { UserError } from './errors.js';

export interface WorldModel {
  /** Number of actions (rows). */
  readonly actions: number;
  /** Number of outcomes (columns). */
  readonly outcomes: number;
  /** actions*outcomes probabilities, row-major: p[a*outcomes + o] = P(o | a). Every row sums to 1. */
  readonly p: Float64Array;
}

/** How far a row sum may be from 1 (absolute) and how negative an entry may be, before it is an error. */
export const ROW_TOLERANCE = 1e-9;

/** The identity world model on n actions = n outcomes: action i leads to outcome i for sure. */
export function identityWorld(n: number): WorldModel {
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) p[i * n + i] = 1;
  return { actions: n, outcomes: n, p };
}

/** True when `w` is the identity (square, ones on the diagonal). */
export function isIdentityWorld(w: WorldModel): boolean {
  if (w.actions !== w.outcomes) return false;
  const n = w.actions;
  for (let a = 0; a < n; a++)
    for (let o = 0; o < n; o++) if (w.p[a * n + o] !== (a === o ? 1 : 0)) return false;
  return true;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(12))) : String(x);
}

/**
 * Builds a world model from rows (one per action, one probability per outcome) and checks it:
 * the right number of rows and columns, finite non-negative entries, every row summing to 1
 * within ROW_TOLERANCE. Errors are UserErrors that name the row (by index and, when names are
 * given, by action name) and say what it sums to, e.g.
 * `world[2]: row for action "stay" sums to 0.9, expected 1`.
 * Rows within tolerance are kept as given (not renormalized).
 */
export function worldModel(
  rows: readonly (readonly number[] | Float64Array)[],
  opts: { outcomes?: number; actionNames?: readonly string[]; where?: string } = {},
): WorldModel {
  const where = opts.where ?? 'world';
  if (!Array.isArray(rows)) throw new UserError('expected an array of rows (one per action)', where);
  const A = rows.length;
  if (A < 1) throw new UserError('expected at least one row (one per action)', where);
  if (opts.actionNames && opts.actionNames.length !== A)
    throw new UserError(`expected ${opts.actionNames.length} rows (one per action), got ${A}`, where);
  const first = rows[0];
  const O = opts.outcomes ?? (first ? first.length : 0);
  if (O < 1) throw new UserError('expected at least one outcome per row', where);
  const p = new Float64Array(A * O);
  for (let a = 0; a < A; a++) {
    const row = rows[a];
    const at = `${where}[${a}]`;
    if (!(Array.isArray(row) || row instanceof Float64Array))
      throw new UserError(`expected an array of ${O} probabilities`, at);
    if (row.length !== O)
      throw new UserError(`expected ${O} probabilities (one per outcome), got ${row.length}`, at);
    for (let o = 0; o < O; o++) p[a * O + o] = row[o];
  }
  const w = { actions: A, outcomes: O, p };
  validateWorld(w, { where, actionNames: opts.actionNames });
  return w;
}

/**
 * Checks that `w` is a well-formed row-stochastic matrix and returns it. `actions`/`outcomes`
 * (when given) are the sizes it must have. Throws a UserError naming the offending row.
 */
export function validateWorld(
  w: WorldModel,
  opts: { where?: string; actions?: number; outcomes?: number; actionNames?: readonly string[] } = {},
): WorldModel {
  const where = opts.where ?? 'world';
  const { actions: A, outcomes: O } = w;
  if (!Number.isInteger(A) || A < 1 || !Number.isInteger(O) || O < 1)
    throw new UserError(`expected a positive number of actions and outcomes, got ${A}×${O}`, where);
  if (opts.actions !== undefined && A !== opts.actions)
    throw new UserError(`expected ${opts.actions} rows (one per action), got ${A}`, where);
  if (opts.outcomes !== undefined && O !== opts.outcomes)
    throw new UserError(`expected ${opts.outcomes} columns (one per outcome), got ${O}`, where);
  if (w.p.length !== A * O)
    throw new UserError(`expected ${A * O} probabilities (${A}×${O}), got ${w.p.length}`, where);
  for (let a = 0; a < A; a++) {
    const name = opts.actionNames?.[a];
    const at = `${where}[${a}]`;
    const label = name !== undefined ? `row for action ${JSON.stringify(name)}` : 'row';
    let s = 0;
    for (let o = 0; o < O; o++) {
      const x = w.p[a * O + o];
      if (!Number.isFinite(x))
        throw new UserError(`${label}: entry ${o} is ${x}, expected a probability`, at);
      if (x < -ROW_TOLERANCE)
        throw new UserError(`${label}: entry ${o} is ${fmt(x)}, expected a probability in [0, 1]`, at);
      s += x;
    }
    if (Math.abs(s - 1) > ROW_TOLERANCE) throw new UserError(`${label} sums to ${fmt(s)}, expected 1`, at);
  }
  return w;
}

/**
 * Expected utility of every action under `w` for a utility over outcomes:
 * out[a] = Σ_o w.p[a*O + o] · utility[o].
 */
export function expectedUtility(
  w: WorldModel,
  utility: ArrayLike<number>,
  out: Float64Array = new Float64Array(w.actions),
): Float64Array {
  const { actions: A, outcomes: O, p } = w;
  for (let a = 0; a < A; a++) {
    let s = 0;
    const base = a * O;
    for (let o = 0; o < O; o++) {
      const q = p[base + o];
      if (q !== 0) s += q * utility[o];
    }
    out[a] = s;
  }
  return out;
}

/** The outcome distribution of a lottery over actions: out[o] = Σ_a x[a] W[a][o]. */
export function outcomeDistribution(
  w: WorldModel,
  lottery: ArrayLike<number>,
  out: Float64Array = new Float64Array(w.outcomes),
): Float64Array {
  out.fill(0);
  const { actions: A, outcomes: O, p } = w;
  for (let a = 0; a < A; a++) {
    const x = lottery[a];
    if (x === 0) continue;
    for (let o = 0; o < O; o++) out[o] += x * p[a * O + o];
  }
  return out;
}
