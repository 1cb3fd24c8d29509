/**
 * One step of preference evolution: H chooses by its Σ on the parts' current utilities, the world
 * answers, and habituation, endorsement and weight drift update the parts (model.ts has the rules).
 */
import { applySigma, type SigmaCall, sigmaCall } from '../../sigma/apply-utilities.js';
import { UserError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { RuleResult } from '../../sigma/types.js';
import { type MetaPreferences, metaEndorsed } from '../meta/index.js';
import type { EvolutionModel, EvolutionParams, EvolutionState } from './model.js';

// ---------------------------------------------------------------------------------------------
// Parameters

export interface Compiled {
  readonly m: EvolutionModel;
  readonly n: number;
  readonly A: number;
  readonly K: number;
  readonly S: number;
  readonly etaH: number;
  readonly rho: number;
  readonly base: Float64Array;
  readonly etaE: number;
  readonly overruledOnly: boolean;
  readonly etaW: number;
  readonly meta: MetaPreferences | undefined;
  readonly metaRate: number;
  readonly metaCall: SigmaCall | undefined;
  readonly lexicographic: boolean;
  readonly call: SigmaCall;
  /** Original best and range of each part. */
  readonly top: Float64Array;
  readonly range: Float64Array;
}

function unitRate(x: number | undefined, name: string): number {
  const r = x ?? 0;
  if (!(Number.isFinite(r) && r >= 0 && r <= 1))
    throw new UserError(`expected a rate in [0, 1], got ${r}`, `params.${name}`);
  return r;
}

export function compile(m: EvolutionModel, p: EvolutionParams): Compiled {
  const n = m.parts.length;
  const K = m.items.length;
  const A = m.actions.length;
  const S = m.states.length;
  const etaW = p.weightDrift ?? 0;
  if (!(Number.isFinite(etaW) && etaW >= 0))
    throw new UserError(`expected a non-negative rate, got ${etaW}`, 'params.weightDrift');
  const base = new Float64Array(n);
  const b = p.baseline ?? 0;
  if (typeof b === 'number') {
    if (!Number.isFinite(b)) throw new UserError(`expected a finite number, got ${b}`, 'params.baseline');
    base.fill(b);
  } else {
    if (!Array.isArray(b) || b.length !== n)
      throw new UserError(`expected one number or ${n} numbers (one per part)`, 'params.baseline');
    b.forEach((x, i) => {
      if (!Number.isFinite(x))
        throw new UserError(`expected a finite number, got ${x}`, `params.baseline[${i}]`);
      base[i] = x;
    });
  }
  const endorsers = p.endorsers ?? 'overruled';
  if (endorsers !== 'all' && endorsers !== 'overruled')
    throw new UserError(
      `expected "all" or "overruled", got ${JSON.stringify(endorsers)}`,
      'params.endorsers',
    );
  const tieBreak = p.tieBreak ?? 'random';
  if (tieBreak !== 'random' && tieBreak !== 'lexicographic')
    throw new UserError(
      `expected "random" or "lexicographic", got ${JSON.stringify(tieBreak)}`,
      'params.tieBreak',
    );
  const metaRate = unitRate(p.metaRate, 'metaRate');
  if (p.meta) {
    if (p.meta.parts.length !== n || p.meta.parts.some((x, i) => x !== m.parts[i]))
      throw new UserError(`expected the parts ${JSON.stringify(m.parts)} in this order`, 'params.meta.parts');
  }
  const top = new Float64Array(n);
  const range = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let mx = -Infinity;
    let mn = Infinity;
    for (let k = 0; k < K; k++) {
      const x = m.utility[i * K + k];
      if (x > mx) mx = x;
      if (x < mn) mn = x;
    }
    top[i] = mx;
    range[i] = mx - mn;
  }
  return {
    m,
    n,
    A,
    K,
    S,
    etaH: unitRate(p.habituation, 'habituation'),
    rho: unitRate(p.recovery, 'recovery'),
    base,
    etaE: unitRate(p.endorsement, 'endorsement'),
    overruledOnly: endorsers === 'overruled',
    etaW,
    meta: p.meta,
    metaRate,
    metaCall: p.meta ? sigmaCall(p.meta.sigma.rule, p.meta.sigma.options) : undefined,
    lexicographic: tieBreak === 'lexicographic',
    call: sigmaCall(m.sigma.rule, m.sigma.options),
    top,
    range,
  };
}

// ---------------------------------------------------------------------------------------------
// The model's step

/** The state at t = 0: original values, no habituation, the initial weights, a start state (drawn in the tabular setting). */
export function initialState(m: EvolutionModel, rng: Random): EvolutionState {
  const n = m.parts.length;
  const K = m.items.length;
  return {
    value: Float64Array.from(m.utility),
    habit: new Float64Array(n * K),
    weights: Float64Array.from(m.weights),
    state: m.states.length === 1 ? 0 : rng.weighted(m.start),
  };
}

/** The parts' current utilities u = v − h (v − b), n × K. */
export function currentUtilities(
  m: EvolutionModel,
  params: EvolutionParams,
  s: EvolutionState,
): Float64Array {
  return utilitiesOf(compile(m, params), s);
}

export function utilitiesOf(c: Compiled, s: EvolutionState): Float64Array {
  const { n, K } = c;
  const u = new Float64Array(n * K);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < K; k++) {
      const j = i * K + k;
      const h = s.habit[j];
      u[j] = h === 0 ? s.value[j] : s.value[j] - h * (s.value[j] - c.base[i]);
    }
  return u;
}

/** Parts × actions expected utilities of the actions in state `st` for utilities `u` (n × K). */
export function actionUtilities(m: EvolutionModel, u: Float64Array, st: number): Float64Array {
  const n = m.parts.length;
  const A = m.actions.length;
  const K = m.items.length;
  const eu = new Float64Array(n * A);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < A; a++) {
      if (m.setting === 'tabular') eu[i * A + a] = u[i * K + st * A + a];
      else {
        let t = 0;
        for (let k = 0; k < K; k++) {
          const q = m.world[a * K + k];
          if (q !== 0) t += q * u[i * K + k];
        }
        eu[i * A + a] = t;
      }
    }
  return eu;
}

/** H's Σ on utilities `u` (n × K) with weights `w`, in state `st`. */
export function sigmaOn(
  m: EvolutionModel,
  u: Float64Array,
  w: ArrayLike<number>,
  st: number,
  call?: SigmaCall,
): RuleResult {
  return applySigma(call ?? sigmaCall(m.sigma.rule, m.sigma.options), {
    parts: m.parts.length,
    actions: m.actions.length,
    u: actionUtilities(m, u, st),
    weights: Float64Array.from(w),
  });
}

function sameValue(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

export interface EvolutionStep {
  /** The state the decision was taken in. */
  readonly state: number;
  readonly choice: number;
  /** The experienced item (outcome, or cell s·A + a). */
  readonly outcome: number;
  /** The next world state. */
  readonly next: number;
  /** H's Σ result that made the choice. */
  readonly result: RuleResult;
  /** 1 where the part's best actions did not include the choice (before the update). */
  readonly overruled: Uint8Array;
  /** 1 where the experienced item was the part's best reachable item (before the update). */
  readonly satisfied: Uint8Array;
  /** The state after the step. */
  readonly after: EvolutionState;
}

export function step(c: Compiled, s: EvolutionState, rng: Random): EvolutionStep {
  const { m, n, A, K } = c;
  const st = s.state;
  const u = utilitiesOf(c, s);
  const eu = actionUtilities(m, u, st);
  // 1. choice
  const result = applySigma(c.call, { parts: n, actions: A, u: eu, weights: Float64Array.from(s.weights) });
  let choice: number;
  if (result.lottery) choice = rng.weighted(result.lottery);
  else if (result.winners.length === 1 || c.lexicographic) choice = result.winners[0];
  else choice = result.winners[rng.int(result.winners.length)];
  // 2. what happens
  let outcome: number;
  let next: number;
  if (m.setting === 'tabular') {
    outcome = st * A + choice;
    next = rng.weighted(m.truth.subarray(outcome * c.S, (outcome + 1) * c.S));
  } else {
    outcome = rng.weighted(m.truth.subarray(choice * K, (choice + 1) * K));
    next = 0;
  }
  // 3. who was overruled, who was satisfied
  const overruled = new Uint8Array(n);
  const satisfied = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let a = 0; a < A; a++) if (eu[i * A + a] > best) best = eu[i * A + a];
    const mine = eu[i * A + choice];
    overruled[i] = mine < best && !sameValue(mine, best) ? 1 : 0;
    let bestItem = -Infinity;
    for (let k = 0; k < K; k++) if (m.reach[st * K + k] && u[i * K + k] > bestItem) bestItem = u[i * K + k];
    const got = u[i * K + outcome];
    satisfied[i] = got >= bestItem || sameValue(got, bestItem) ? 1 : 0;
  }
  // 4. endorsement
  const value = Float64Array.from(s.value);
  if (c.etaE > 0)
    for (let i = 0; i < n; i++) {
      if (c.overruledOnly && !overruled[i]) continue;
      if (m.setting === 'tabular') {
        const j = i * K + outcome;
        value[j] += c.etaE * (c.top[i] - value[j]);
      } else
        for (let k = 0; k < K; k++) {
          const q = m.world[choice * K + k];
          if (q === 0) continue;
          const j = i * K + k;
          value[j] += c.etaE * q * (c.top[i] - value[j]);
        }
    }
  // 5. habituation
  const habit = Float64Array.from(s.habit);
  if (c.etaH > 0 || c.rho > 0)
    for (let i = 0; i < n; i++)
      for (let k = 0; k < K; k++) {
        const j = i * K + k;
        if (k === outcome) habit[j] += c.etaH * (1 - habit[j]);
        else habit[j] *= 1 - c.rho;
      }
  // 6. weight drift
  let weights = Float64Array.from(s.weights);
  if (c.etaW > 0) {
    let t = 0;
    for (let i = 0; i < n; i++) {
      weights[i] *= 1 + c.etaW * satisfied[i];
      t += weights[i];
    }
    for (let i = 0; i < n; i++) weights[i] /= t;
  }
  // 7. meta-preferences
  if (c.meta && c.metaRate > 0) {
    const { target } = metaEndorsed(c.meta, weights, c.metaCall);
    const w2 = new Float64Array(n);
    for (let i = 0; i < n; i++) w2[i] = (1 - c.metaRate) * weights[i] + c.metaRate * target[i];
    weights = w2;
  }
  return {
    state: st,
    choice,
    outcome,
    next,
    result,
    overruled,
    satisfied,
    after: { value, habit, weights, state: next },
  };
}

/** One step of the evolution from state `s` (see the module comment for the order of the updates). */
export function evolutionStep(
  m: EvolutionModel,
  params: EvolutionParams,
  s: EvolutionState,
  rng: Random,
): EvolutionStep {
  return step(compile(m, params), s, rng);
}

// ---------------------------------------------------------------------------------------------
