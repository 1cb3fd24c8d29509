/**
 * Idealization operators: CEV's desiderata ("if we knew more, thought faster, were more the people
 * we wished we were, had grown up farther together; where the extrapolation converges rather than
 * diverges") as pure functions from a principal view to an idealized one. Each takes a level; a
 * list applies them in the order written, so the order is part of what "idealized" means.
 *
 * - informed:λ (λ ∈ [0, 1], default 1): every belief row moves to (1 − λ)·own + λ·true; at 1 the
 *   parts hold the true world model.
 * - unbounded:λ (λ ∈ [0, 1], default 1): H's noise becomes (1 − λ)·noise; at 1 H sees its parts
 *   exactly.
 * - deliberated:k (whole k ≥ 0, default 1): k rounds of deliberation (see `deliberate`).
 * - reflective: the weights move to the fixed point of the parts' meta-preferences (see
 *   `reflect`); without meta-preferences the view is unchanged.
 * - coherent: only what the parts agree on — the actions on the table that no other action on the
 *   table Pareto-dominates among the parts with positive weight (under each part's beliefs).
 */
import { UserError } from '../../core/errors.js';
import { hint } from '../../core/names.js';
import { quoteName } from '../../core/registry.js';
import type { WorldModel } from '../../core/world.js';
import { type IdealView, type IdealWorld, shares, viewUtilities } from './view.js';

export interface IdealOperator {
  readonly name: string;
  /** `unit`: a level in [0, 1]; `rounds`: a whole number ≥ 0; `none`: takes no level. */
  readonly level: 'unit' | 'rounds' | 'none';
  readonly defaultLevel: number;
  readonly description: string;
  apply(v: IdealView, level: number, world: IdealWorld): { view: IdealView; note?: string };
}

/** One operator as written in a list, with its level. */
export interface OperatorCall {
  readonly name: string;
  readonly level: number;
}

/** How far each round moves beliefs towards the weighted mean belief (DeGroot trust in the others). */
export const BELIEF_TRUST = 0.5;
/** How far each round moves utilities towards the weighted mean utility. */
export const UTILITY_RATE = 0.25;
/** The most rounds `deliberated` and `reflective` run. */
export const MAX_ROUNDS = 1000;

function mixWorld(a: WorldModel, b: WorldModel, t: number): WorldModel {
  const p = new Float64Array(a.p.length);
  for (let k = 0; k < p.length; k++) p[k] = (1 - t) * a.p[k] + t * b.p[k];
  return { actions: a.actions, outcomes: a.outcomes, p };
}

/** Min–max to [0, 1] over outcomes; a constant utility becomes all 0. */
function unit(u: Float64Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of u) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return u.map((x) => (hi > lo ? (x - lo) / (hi - lo) : 0));
}

/**
 * k rounds of deliberation among the parts, weighted by their weight shares s (uniform if all are
 * 0). Before the first round each utility is rescaled to [0, 1] over the outcomes (so no part wins
 * the exchange by its units). Each round, with the weighted means m = Σ s_j·beliefs_j and
 * ū = Σ s_j·u_j of the round's start:
 *   beliefs_i ← (1 − ½)·beliefs_i + ½·m       (DeGroot: trust ½ in oneself, ½ in the others by weight)
 *   u_i       ← (1 − ¼)·u_i + ¼·ū
 * The means are invariant, so after k rounds beliefs_i = m + 2^−k (beliefs_i − m) and
 * u_i = ū + (3/4)^k (u_i − ū): consensus on both as k grows. Weights and noise are unchanged.
 */
export function deliberate(v: IdealView, k: number): IdealView {
  if (k === 0) return v;
  const s = shares(v.weights);
  const n = v.names.length;
  let beliefs = v.beliefs.map((b) => Float64Array.from(b.p));
  let utility = v.utility.map(unit);
  for (let r = 0; r < k; r++) {
    const m = new Float64Array(beliefs[0].length);
    const mu = new Float64Array(utility[0].length);
    for (let j = 0; j < n; j++) {
      for (let q = 0; q < m.length; q++) m[q] += s[j] * beliefs[j][q];
      for (let o = 0; o < mu.length; o++) mu[o] += s[j] * utility[j][o];
    }
    beliefs = beliefs.map((b) => b.map((x, q) => (1 - BELIEF_TRUST) * x + BELIEF_TRUST * m[q]));
    utility = utility.map((u) => u.map((x, o) => (1 - UTILITY_RATE) * x + UTILITY_RATE * mu[o]));
  }
  const { actions, outcomes } = v.beliefs[0];
  return { ...v, utility, beliefs: beliefs.map((p) => ({ actions, outcomes, p })) };
}

/**
 * The parts' meta-preferences applied to a fixed point: shares move by s ← (1 − λ) s + λ E(s)
 * (λ the file's `meta.rate`, default ½) until no share moves more than 1e-12 (at most MAX_ROUNDS
 * rounds) — the fixed point whose basin holds H's current weights; the weights keep their total.
 * Without meta-preferences the view is returned as it is.
 */
export function reflect(v: IdealView): { view: IdealView; note?: string } {
  if (!v.endorse)
    return { view: v, note: 'reflective: the model has no meta-preferences; the weights stay as they are' };
  let total = 0;
  for (const x of v.weights) total += x;
  let s = shares(v.weights);
  const rate = v.reflectRate ?? 0.5;
  for (let r = 0; r < MAX_ROUNDS; r++) {
    const e = v.endorse(s);
    const next = s.map((x, i) => (1 - rate) * x + rate * e[i]);
    let moved = 0;
    for (let i = 0; i < s.length; i++) moved = Math.max(moved, Math.abs(next[i] - s[i]));
    s = next;
    if (moved <= 1e-12) return { view: { ...v, weights: s.map((x) => x * (total > 0 ? total : 1)) } };
  }
  return {
    view: { ...v, weights: s.map((x) => x * (total > 0 ? total : 1)) },
    note: `reflective: the meta-preference dynamics did not settle in ${MAX_ROUNDS} rounds; the last weights are used`,
  };
}

/** The actions of `v.allowed` that no other allowed action Pareto-dominates among the weighted parts. */
export function undominated(v: IdealView): number[] {
  const p = viewUtilities(v);
  const A = p.actions;
  const parts: number[] = [];
  for (let i = 0; i < p.parts; i++) if (p.weights[i] > 0) parts.push(i);
  if (parts.length === 0) for (let i = 0; i < p.parts; i++) parts.push(i);
  let scale = 1;
  for (const x of p.u) scale = Math.max(scale, Math.abs(x));
  const tol = 1e-12 * scale;
  const dominates = (b: number, a: number) => {
    let strict = false;
    for (const i of parts) {
      const d = p.u[i * A + b] - p.u[i * A + a];
      if (d < -tol) return false;
      if (d > tol) strict = true;
    }
    return strict;
  };
  return v.allowed.filter((a) => !v.allowed.some((b) => b !== a && dominates(b, a)));
}

export const idealOperators: readonly IdealOperator[] = [
  {
    name: 'informed',
    level: 'unit',
    defaultLevel: 1,
    description: 'beliefs move towards the true world model: (1 − λ)·own + λ·true',
    apply: (v, level, world) => {
      if (level === 0) return { view: v };
      // At 1 the parts hold the true model itself (exactly, not a mixture that rounds).
      const beliefs = v.beliefs.map((b) => (level === 1 ? world.truth : mixWorld(b, world.truth, level)));
      return { view: { ...v, beliefs } };
    },
  },
  {
    name: 'unbounded',
    level: 'unit',
    defaultLevel: 1,
    description: "H's noise becomes (1 − λ)·noise",
    apply: (v, level) => ({ view: { ...v, noise: level === 1 ? 0 : (1 - level) * v.noise } }),
  },
  {
    name: 'deliberated',
    level: 'rounds',
    defaultLevel: 1,
    description: `k rounds: beliefs move ${BELIEF_TRUST} and [0, 1]-rescaled utilities ${UTILITY_RATE} of the way to their weighted means`,
    apply: (v, level) => ({ view: deliberate(v, level) }),
  },
  {
    name: 'reflective',
    level: 'none',
    defaultLevel: 1,
    description: "weights move to the fixed point of the parts' meta-preferences (unchanged without them)",
    apply: (v) => reflect(v),
  },
  {
    name: 'coherent',
    level: 'none',
    defaultLevel: 1,
    description: 'only actions no other action Pareto-dominates among the weighted parts stay on the table',
    apply: (v) => ({ view: { ...v, allowed: undominated(v) } }),
  },
];

/** Today's bundle, and the default: the parts see the truth and H's noise is gone. */
export const DEFAULT_OPERATORS = 'informed, unbounded';

const NAMES = idealOperators.map((o) => o.name);

export function getOperator(name: string): IdealOperator {
  const op = idealOperators.find((o) => o.name === name);
  if (op) return op;
  throw new UserError(
    `unknown idealization operator ${quoteName(name)}${hint(name, NAMES, `; operators are ${NAMES.join(', ')}`)}`,
  );
}

/**
 * An operator list as written: names separated by commas (or spaces), each optionally with a
 * level after a colon — "informed:0.5, deliberated:3, reflective". A UserError says what is wrong.
 */
export function parseOperators(text: string): OperatorCall[] {
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '');
  return tokens.map((token) => {
    const [name, level, ...extra] = token.split(':');
    const op = getOperator(name.trim().toLowerCase());
    if (extra.length > 0) throw new UserError(`${quoteName(token)}: expected NAME or NAME:LEVEL`);
    if (level === undefined) return { name: op.name, level: op.defaultLevel };
    if (op.level === 'none') throw new UserError(`${op.name} takes no level, got ${quoteName(token)}`);
    const x = level.trim() === '' ? Number.NaN : Number(level);
    if (op.level === 'unit' && !(x >= 0 && x <= 1))
      throw new UserError(`${op.name}: expected a level in [0, 1], got ${quoteName(level)}`);
    if (op.level === 'rounds' && !(Number.isInteger(x) && x >= 0 && x <= MAX_ROUNDS))
      throw new UserError(
        `${op.name}: expected a whole number of rounds from 0 to ${MAX_ROUNDS}, got ${quoteName(level)}`,
      );
    return { name: op.name, level: x };
  });
}

/** An operator as written back: "informed", "informed:0.5", "deliberated:3". */
export function callText(c: OperatorCall): string {
  const op = getOperator(c.name);
  return op.level === 'none' || c.level === op.defaultLevel ? c.name : `${c.name}:${c.level}`;
}

/** Applies the operators in order; the notes are what they had to say. */
export function idealize(
  v: IdealView,
  calls: readonly OperatorCall[],
  world: IdealWorld,
): { view: IdealView; notes: string[] } {
  const notes: string[] = [];
  let view = v;
  for (const c of calls) {
    const r = getOperator(c.name).apply(view, c.level, world);
    view = r.view;
    if (r.note && !notes.includes(r.note)) notes.push(r.note);
  }
  return { view, notes };
}
