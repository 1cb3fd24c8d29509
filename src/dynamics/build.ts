/**
 * Building and checking sequential problems (types.ts) from plain arrays, with errors that say
 * where and what: `truth[1][2]: sums to 0.9, expected 1 (state "s1", action "a2")`.
 *
 * Paths use indices in the layout of the plain arrays (`truth[s][a][s']`, `parts[i].reward[s][a]`,
 * `internal.actionShift[a][i]`); names, where they help, follow in parentheses.
 *
 * Limits, and why:
 * - `MAX_HORIZON` (100,000 decisions). A recorded run keeps one row per step (levels, shares and
 *   welfare of every part), and an exact plan keeps one decision per step per product state; past
 *   10^5 steps neither fits comfortably in a browser tab, and no problem in the essay needs it.
 * - `MAX_LEVELS` (1,000 attention levels) and levels^parts ≤ 2^52: the internal state is indexed by
 *   one mixed-radix integer (space.ts), which must be an exact double.
 * - The exact solver's own limits on the product space (states × levels^parts) are in solve.ts.
 */
import { UserError } from '../core/errors.js';
import { getRule } from '../sigma/registry.js';
import { checkTree } from './nesting.js';
import type { Environment, InternalModel, SeqPart, SequentialPrincipal } from '../core/sequential.js';

export const MAX_HORIZON = 100_000;
export const MAX_LEVELS = 1000;
/** Largest number of level combinations (levels^parts): codes must be exact integers in a double. */
export const MAX_LEVEL_CODES = 2 ** 52;
/** Largest number of actions: an exact plan stores decisions as 16-bit integers. */
export const MAX_ACTIONS = 65_535;
/** A probability row may miss 1 by this much (decimal input like 0.1 + 0.2 + 0.7). */
export const SUM_TOLERANCE = 1e-9;

type Num2 = readonly (readonly number[])[];
type Num3 = readonly Num2[];

export interface EnvironmentSpec {
  /** State names, or their number (named s0, s1, …). */
  readonly states: readonly string[] | number;
  /** Action names, or their number (named a0, a1, …). */
  readonly actions: readonly string[] | number;
  /** truth[s][a][s']: probability of moving from s to s' when A takes a. */
  readonly truth: Num3;
  /** The initial state (index or name), or a distribution over the states. */
  readonly start: readonly number[] | number | string;
  readonly horizon: number;
}

export interface PartSpec {
  readonly name: string;
  /** reward[s][a]. */
  readonly reward: Num2;
  /** beliefs[s][a][s'], the part's own dynamics; absent = the truth. */
  readonly beliefs?: Num3;
  /** Declared weight (default 1). */
  readonly weight?: number;
}

export interface InternalSpec {
  readonly levels: number;
  /** Level of each part at t = 0, or one level for every part (default: the top level). */
  readonly initial?: readonly number[] | number;
  /** Weight multiplier of each level (default: all 1, so levels change nothing). */
  readonly gain?: readonly number[];
  /** actionShift[a][i]: level shift of part i when A takes a (default: none). */
  readonly actionShift?: Num2;
  /** stateShift[s][i]: level shift of part i on arriving in s (default: none). */
  readonly stateShift?: Num2;
}

export interface PrincipalSpec {
  readonly parts: readonly PartSpec[];
  /** H's Σ: a rule name, or a rule and its options (default: weighted-utilitarian). */
  readonly sigma?: string | SequentialPrincipal['sigma'];
  /** H's internal state (default: one level, no influence). */
  readonly internal?: InternalSpec;
}

const show = (x: unknown): string =>
  typeof x === 'number' ? String(x) : x === undefined ? 'nothing' : JSON.stringify(x);

function names(x: readonly string[] | number, prefix: string, where: string): string[] {
  if (typeof x === 'number') {
    if (!(Number.isInteger(x) && x >= 1))
      throw new UserError(`expected a positive whole number or a list of names, got ${show(x)}`, where);
    return Array.from({ length: x }, (_, k) => `${prefix}${k}`);
  }
  if (!Array.isArray(x) || x.length === 0)
    throw new UserError(`expected a non-empty list of names, got ${show(x)}`, where);
  const seen = new Set<string>();
  x.forEach((s, k) => {
    if (typeof s !== 'string' || s.trim() === '')
      throw new UserError(`expected a non-empty name, got ${show(s)}`, `${where}[${k}]`);
    if (seen.has(s)) throw new UserError(`duplicate name ${JSON.stringify(s)}`, `${where}[${k}]`);
    seen.add(s);
  });
  return [...x];
}

function finite(x: unknown, where: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new UserError(`expected a finite number, got ${show(x)}`, where);
  return x;
}

function list(x: unknown, n: number, what: string, where: string): readonly unknown[] {
  if (!Array.isArray(x)) throw new UserError(`expected a list of ${n} ${what}, got ${show(x)}`, where);
  if (x.length !== n) throw new UserError(`expected ${n} ${what}, got ${x.length}`, where);
  return x;
}

/** Flattens a [rows][cols] array of numbers, checking shape and finiteness. */
function matrix(x: unknown, rows: number, cols: number, rowWhat: string, colWhat: string, where: string) {
  const out = new Float64Array(rows * cols);
  list(x, rows, rowWhat, where).forEach((row, r) => {
    list(row, cols, colWhat, `${where}[${r}]`).forEach((v, c) => {
      out[r * cols + c] = finite(v, `${where}[${r}][${c}]`);
    });
  });
  return out;
}

/** Flattens a transition model [s][a][s'] (shape only; stochasticity is checked by checkTransitions). */
function transitions(x: unknown, S: number, A: number, where: string): Float64Array {
  const out = new Float64Array(S * A * S);
  list(x, S, 'rows (one per state)', where).forEach((byAction, s) => {
    const w = `${where}[${s}]`;
    list(byAction, A, 'rows (one per action)', w).forEach((row, a) => {
      list(row, S, 'probabilities (one per next state)', `${w}[${a}]`).forEach((p, s2) => {
        out[(s * A + a) * S + s2] = finite(p, `${w}[${a}][${s2}]`);
      });
    });
  });
  return out;
}

function label(xs: readonly string[], k: number, generic: string): string | undefined {
  return xs[k] === `${generic}${k}` ? undefined : JSON.stringify(xs[k]);
}

/** Checks an S×A×S model: entries in [0, 1], each row summing to 1. */
export function checkTransitions(
  T: Float64Array,
  states: readonly string[],
  actions: readonly string[],
  where: string,
): void {
  const S = states.length;
  const A = actions.length;
  if (T.length !== S * A * S)
    throw new UserError(
      `expected ${S * A * S} probabilities (${S} states × ${A} actions × ${S} next states), got ${T.length}`,
      where,
    );
  for (let s = 0; s < S; s++)
    for (let a = 0; a < A; a++) {
      const o = (s * A + a) * S;
      const named = [
        label(states, s, 's') && `state ${label(states, s, 's')}`,
        label(actions, a, 'a') && `action ${label(actions, a, 'a')}`,
      ]
        .filter(Boolean)
        .join(', ');
      const tail = named ? ` (${named})` : '';
      let sum = 0;
      for (let s2 = 0; s2 < S; s2++) {
        const p = T[o + s2];
        if (!(Number.isFinite(p) && p >= 0 && p <= 1))
          throw new UserError(
            `expected a probability in [0, 1], got ${p}${tail}`,
            `${where}[${s}][${a}][${s2}]`,
          );
        sum += p;
      }
      if (Math.abs(sum - 1) > SUM_TOLERANCE)
        throw new UserError(`sums to ${round(sum)}, expected 1${tail}`, `${where}[${s}][${a}]`);
    }
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}

function checkHorizon(h: unknown): number {
  if (typeof h !== 'number' || !Number.isInteger(h) || h < 1)
    throw new UserError(`expected a whole number of decisions ≥ 1, got ${show(h)}`, 'horizon');
  if (h > MAX_HORIZON)
    throw new UserError(
      `${h} is more than ${MAX_HORIZON.toLocaleString('en-US')} decisions: a recorded run keeps one row per step and an exact plan one decision per step per product state, which would not fit in memory`,
      'horizon',
    );
  return h;
}

/** Checks a typed Environment (built here or elsewhere); returns it. */
export function checkEnvironment(env: Environment): Environment {
  names(env.states as string[], 's', 'states');
  names(env.actions as string[], 'a', 'actions');
  if (env.actions.length > MAX_ACTIONS)
    throw new UserError(`expected at most ${MAX_ACTIONS} actions, got ${env.actions.length}`, 'actions');
  checkTransitions(env.truth, env.states, env.actions, 'truth');
  const S = env.states.length;
  if (env.start.length !== S)
    throw new UserError(`expected ${S} probabilities (one per state), got ${env.start.length}`, 'start');
  let sum = 0;
  for (let s = 0; s < S; s++) {
    const p = env.start[s];
    if (!(Number.isFinite(p) && p >= 0 && p <= 1))
      throw new UserError(`expected a probability in [0, 1], got ${p}`, `start[${s}]`);
    sum += p;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) throw new UserError(`sums to ${round(sum)}, expected 1`, 'start');
  checkHorizon(env.horizon);
  return env;
}

/** Builds and checks an Environment from plain arrays. */
export function buildEnvironment(spec: EnvironmentSpec): Environment {
  const states = names(spec.states, 's', 'states');
  const actions = names(spec.actions, 'a', 'actions');
  const S = states.length;
  const A = actions.length;
  const truth = transitions(spec.truth, S, A, 'truth');
  let start: Float64Array;
  if (typeof spec.start === 'number' || typeof spec.start === 'string') {
    const k = typeof spec.start === 'number' ? spec.start : states.indexOf(spec.start);
    if (!(Number.isInteger(k) && k >= 0 && k < S))
      throw new UserError(
        `expected a state (an index 0…${S - 1} or one of ${states.map((s) => JSON.stringify(s)).join(', ')}) or a distribution over the states, got ${show(spec.start)}`,
        'start',
      );
    start = new Float64Array(S);
    start[k] = 1;
  } else {
    start = Float64Array.from(list(spec.start, S, 'probabilities (one per state)', 'start'), (p, s) =>
      finite(p, `start[${s}]`),
    );
  }
  return checkEnvironment({ states, actions, truth, start, horizon: checkHorizon(spec.horizon) });
}

function intIn(x: unknown, lo: number, hi: number, what: string, where: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi)
    throw new UserError(`expected ${what}, a whole number in ${lo} … ${hi}, got ${show(x)}`, where);
  return x;
}

/** Checks an InternalModel for n parts in an environment; returns it. */
export function checkInternal(
  m: InternalModel,
  env: Environment,
  n: number,
  where = 'internal',
): InternalModel {
  const L = intIn(m.levels, 1, MAX_LEVELS, 'a number of levels', `${where}.levels`);
  if (L ** n > MAX_LEVEL_CODES)
    throw new UserError(
      `${L} levels for ${n} parts make ${L}^${n} internal states, more than 2^52: the internal state must be indexable by one exact integer`,
      `${where}.levels`,
    );
  if (m.initial.length !== n)
    throw new UserError(`expected ${n} levels (one per part), got ${m.initial.length}`, `${where}.initial`);
  for (let i = 0; i < n; i++) intIn(m.initial[i], 0, L - 1, 'a level', `${where}.initial[${i}]`);
  if (m.gain.length !== L)
    throw new UserError(`expected ${L} multipliers (one per level), got ${m.gain.length}`, `${where}.gain`);
  let top = 0;
  for (let l = 0; l < L; l++) {
    const g = m.gain[l];
    if (!(Number.isFinite(g) && g >= 0))
      throw new UserError(`expected a finite multiplier ≥ 0, got ${g}`, `${where}.gain[${l}]`);
    top = Math.max(top, g);
  }
  if (top === 0) throw new UserError('every multiplier is 0: no level gives any part a say', `${where}.gain`);
  const shifts = (x: Int32Array, rows: number, rowName: string, field: string) => {
    if (x.length !== rows * n)
      throw new UserError(
        `expected ${rows * n} shifts (${rows} ${rowName} × ${n} parts), got ${x.length}`,
        `${where}.${field}`,
      );
    for (let k = 0; k < x.length; k++)
      intIn(
        x[k],
        -(L - 1),
        L - 1,
        `a level shift (with ${L} levels a part can move at most ${L - 1})`,
        `${where}.${field}[${Math.floor(k / n)}][${k % n}]`,
      );
  };
  shifts(m.actionShift, env.actions.length, 'actions', 'actionShift');
  shifts(m.stateShift, env.states.length, 'states', 'stateShift');
  return m;
}

function shiftMatrix(x: Num2 | undefined, rows: number, n: number, rowWhat: string, where: string) {
  const out = new Int32Array(rows * n);
  if (x === undefined) return out;
  list(x, rows, rowWhat, where).forEach((row, r) => {
    list(row, n, 'shifts (one per part)', `${where}[${r}]`).forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isInteger(v))
        throw new UserError(`expected a whole-number level shift, got ${show(v)}`, `${where}[${r}][${i}]`);
      out[r * n + i] = v;
    });
  });
  return out;
}

/** Builds and checks an InternalModel for n parts from plain arrays. */
export function buildInternal(
  spec: InternalSpec,
  env: Environment,
  n: number,
  where = 'internal',
): InternalModel {
  const L = intIn(spec.levels, 1, MAX_LEVELS, 'a number of levels', `${where}.levels`);
  const init = spec.initial ?? L - 1;
  const initial =
    typeof init === 'number'
      ? new Int32Array(n).fill(intIn(init, 0, L - 1, 'a level', `${where}.initial`))
      : Int32Array.from(list(init, n, 'levels (one per part)', `${where}.initial`), (v, i) =>
          intIn(v, 0, L - 1, 'a level', `${where}.initial[${i}]`),
        );
  const gain =
    spec.gain === undefined
      ? new Float64Array(L).fill(1)
      : Float64Array.from(list(spec.gain, L, 'multipliers (one per level)', `${where}.gain`), (g, l) =>
          finite(g, `${where}.gain[${l}]`),
        );
  return checkInternal(
    {
      levels: L,
      initial,
      gain,
      actionShift: shiftMatrix(
        spec.actionShift,
        env.actions.length,
        n,
        'rows (one per action)',
        `${where}.actionShift`,
      ),
      stateShift: shiftMatrix(
        spec.stateShift,
        env.states.length,
        n,
        'rows (one per state)',
        `${where}.stateShift`,
      ),
    },
    env,
    n,
    where,
  );
}

/** Checks a SequentialPrincipal against its environment; returns it. */
export function checkPrincipal(env: Environment, h: SequentialPrincipal): SequentialPrincipal {
  const S = env.states.length;
  const A = env.actions.length;
  if (!Array.isArray(h.parts) || h.parts.length === 0)
    throw new UserError('expected at least one part', 'parts');
  const seen = new Set<string>();
  let total = 0;
  h.parts.forEach((p, i) => {
    const w = `parts[${i}]`;
    if (typeof p.name !== 'string' || p.name.trim() === '')
      throw new UserError(`expected a non-empty name, got ${show(p.name)}`, `${w}.name`);
    if (seen.has(p.name)) throw new UserError(`duplicate part name ${JSON.stringify(p.name)}`, `${w}.name`);
    seen.add(p.name);
    if (p.reward.length !== S * A)
      throw new UserError(
        `expected ${S * A} rewards (${S} states × ${A} actions), got ${p.reward.length}`,
        `${w}.reward`,
      );
    for (let k = 0; k < p.reward.length; k++)
      if (!Number.isFinite(p.reward[k]))
        throw new UserError(
          `expected a finite reward, got ${p.reward[k]}`,
          `${w}.reward[${Math.floor(k / A)}][${k % A}]`,
        );
    if (p.beliefs) checkTransitions(p.beliefs, env.states, env.actions, `${w}.beliefs`);
    if (!(Number.isFinite(p.weight) && p.weight >= 0))
      throw new UserError(`expected a finite weight ≥ 0, got ${p.weight}`, `${w}.weight`);
    total += p.weight;
  });
  if (total === 0)
    throw new UserError('every part has weight 0; give at least one a positive weight', 'parts');
  if (!h.sigma || typeof h.sigma.rule !== 'string')
    throw new UserError(`expected a rule name, got ${show(h.sigma?.rule)}`, 'sigma.rule');
  try {
    getRule(h.sigma.rule);
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.message.replace(/^--method: /, ''), 'sigma.rule');
    throw e;
  }
  checkInternal(h.internal, env, h.parts.length);
  if (h.tree) checkTree(h);
  return h;
}

/** Builds and checks a SequentialPrincipal from plain arrays. */
export function buildPrincipal(env: Environment, spec: PrincipalSpec): SequentialPrincipal {
  const S = env.states.length;
  const A = env.actions.length;
  if (!Array.isArray(spec.parts) || spec.parts.length === 0)
    throw new UserError(`expected a non-empty list of parts, got ${show(spec.parts)}`, 'parts');
  const parts: SeqPart[] = spec.parts.map((p, i) => {
    const w = `parts[${i}]`;
    if (typeof p !== 'object' || p === null) throw new UserError(`expected a part, got ${show(p)}`, w);
    return {
      name: p.name,
      reward: matrix(p.reward, S, A, 'rows (one per state)', 'rewards (one per action)', `${w}.reward`),
      ...(p.beliefs !== undefined ? { beliefs: transitions(p.beliefs, S, A, `${w}.beliefs`) } : {}),
      weight: p.weight === undefined ? 1 : finite(p.weight, `${w}.weight`),
    };
  });
  const sigma =
    spec.sigma === undefined
      ? { rule: 'weighted-utilitarian', options: {} }
      : typeof spec.sigma === 'string'
        ? { rule: spec.sigma, options: {} }
        : { rule: spec.sigma.rule, options: spec.sigma.options ?? {} };
  const internal = buildInternal(spec.internal ?? { levels: 1 }, env, parts.length);
  return checkPrincipal(env, { parts, sigma, internal });
}
