/**
 * Preference evolution: H acting on its own over time, its parts' utilities adapting to what it
 * chose and what happened — the "considerations relating to the evolution of preferences" the
 * essay lists among what social choice misses. No AI system here: B(H) repeated, and what that
 * does to the parts.
 *
 * Settings (both compile to one `EvolutionModel` over K "items", the things utilities are about
 * and experience happens to):
 * - **repeated** (`evolutionFromPrincipal`): a one-shot problem played again and again. Items are
 *   the outcomes; part i's expected utility of action a is Σ_o W[a][o] u_i[o] with H's world model
 *   W; the outcome that happens is drawn from the true model (default W). One state.
 * - **tabular** (`evolutionFromSequential`): an environment with states; items are the state ×
 *   action cells, part i's reward r_i(s, a) is its utility of cell s·A + a. Σ is myopic: it reads
 *   the parts' rewards in the current state. The experienced item is the cell (s, a); the next
 *   state is drawn from the true dynamics.
 *
 * State: for every part i and item k an underlying value v_i[k] (starts at the original utility
 * u⁰_i[k]) and a habituation level h_i[k] in [0, 1] (starts at 0); the parts' weights as shares
 * (start: the declared weights as shares); the world state. The part's current utility is
 *
 *   u_i[k] = v_i[k] − h_i[k] · (v_i[k] − b_i)        (b_i the part's habituation baseline)
 *
 * One step at time t, in state s (every rate defaults to 0, and with every rate 0 nothing changes):
 * 1. Choice: H's Σ (`applySigma`, any registry rule) on the parts' current expected utilities of
 *    the actions in s, weighted by the current shares. A lottery rule's lottery is sampled; ties
 *    among winners are broken uniformly at random (`tieBreak: 'random'`, default) or by lowest
 *    index (`'lexicographic'`).
 * 2. What happens: the experienced item k* (repeated: an outcome drawn from the true row of the
 *    chosen action; tabular: the cell (s, a)) and the next state (tabular: drawn from the truth).
 * 3. Who lost, who won, by the utilities before this step's update: part i is *overruled* when
 *    the chosen action is not among its best actions in s (tolerance 1e-9 relative); it is
 *    *satisfied* when u_i[k*] is its best utility among the items reachable from s (repeated:
 *    outcomes with positive true probability under some action; tabular: the cells of s).
 * 4. Endorsement / cognitive dissonance (rate η_e = `endorsement`, parts `endorsers`: 'all' or
 *    'overruled', default 'overruled'): parts come to value more what H chose. With q the chosen
 *    action's item distribution as H sees it (repeated: W[a][·]; tabular: the cell (s, a)) and
 *    top_i = max_k u⁰_i[k] the part's original best,
 *        v_i[k] ← v_i[k] + η_e · q[k] · (top_i − v_i[k])          for every eligible part i.
 *    The chosen path's value climbs towards the part's best, never past it.
 * 5. Habituation (rate η_h = `habituation`, recovery ρ = `recovery`, baseline b_i = `baseline`,
 *    one number or one per part, default 0): for every part,
 *        h_i[k*] ← h_i[k*] + η_h · (1 − h_i[k*])     (the experienced item)
 *        h_i[k]  ← (1 − ρ) · h_i[k]                   (every other item)
 *    Equivalently (v held fixed): u[k*] ← u[k*] + η_h (b − u[k*]) — the experienced
 *    item's utility moves a fraction η_h of the way to the baseline (down when it was above it) —
 *    and u[k] ← u[k] + ρ (v[k] − u[k]) for the others, which recover towards their value.
 * 6. Weight drift (rate η_w = `weightDrift` ≥ 0): satisfied parts gain weight multiplicatively,
 *        w_i ← w_i · (1 + η_w · [i satisfied]) / Σ_j w_j · (1 + η_w · [j satisfied]).
 * 7. Meta-preferences (optional `meta` with rate λ = `metaRate`): the weights then move towards
 *    what the weighted meta-preferences endorse, w ← (1 − λ) w + λ E(w) (see meta-preferences.ts):
 *    the preference + meta-preference dynamics.
 *
 * Records (`runEvolution`, one per step, after the step's update): t, state, choice, experienced
 * item, next state, every part's current utilities and weight, H's Σ re-run on the evolved parts
 * in the step's state (winners, ranking, approval of every action, approval of the choice), the
 * original H's approval of the choice, each part's welfare of the experienced item by its original
 * utilities and by its current ones after the step (min–max over all items, 1 for an indifferent
 * part), each part's drift (largest |u_i[k] − u⁰_i[k]| over the items, in units of the part's
 * original range), and the total-variation distance of the weights from the initial ones.
 *
 * `evolutionLimit` iterates to a fixed point or cycle of the whole state (or a step cap) and says
 * whether H's Σ on the evolved parts still chooses what H chose at t = 0.
 *
 * Rules that need asynchronous preparation (the exact rules) must be prepared first
 * (`prepareRules`); everything here is synchronous.
 */
import { applySigma, approvalOf, type SigmaCall, sigmaCall } from '../../sigma/apply-utilities.js';
import { totalVariation } from '../../core/distance.js';
import { UserError } from '../../core/errors.js';
import { type Principal, rowsOf, type SigmaSpec } from '../../core/model.js';
import type { Random } from '../../core/random.js';
import { validateWorld, type WorldModel } from '../../core/world.js';
import type { RuleResult } from '../../sigma/types.js';
import { chebyshev, limitOptions, periodOf, remember } from '../orbit.js';
import { type MetaPreferences, metaEndorsed } from '../meta/meta-preferences.js';
import type { Environment, SeqPart } from '../../core/sequential.js';

/** A compiled evolution problem: plain data over typed arrays (see the module comment). */
export interface EvolutionModel {
  readonly setting: 'repeated' | 'tabular';
  readonly parts: readonly string[];
  readonly actions: readonly string[];
  /** World states (repeated: one, named "now"). */
  readonly states: readonly string[];
  /** What utilities are about: the outcomes (repeated) or "state/action" cells (tabular). */
  readonly items: readonly string[];
  readonly sigma: SigmaSpec;
  /** n × K original utilities u⁰, row-major (`utility[i*K + k]`). */
  readonly utility: Float64Array;
  /** Initial weights as shares (length n, sum 1). */
  readonly weights: Float64Array;
  /** Repeated: A × K, H's world model (expected utilities, endorsement). Tabular: empty. */
  readonly world: Float64Array;
  /** Repeated: A × K, what generates the outcomes. Tabular: S × A × S true dynamics. */
  readonly truth: Float64Array;
  /** Initial state distribution (length S). */
  readonly start: Float64Array;
  /** S × K: 1 where item k can be experienced from state s. */
  readonly reach: Uint8Array;
}

export interface EvolutionParams {
  /** η_h in [0, 1]: how far an experienced item's utility moves to the baseline per experience. */
  readonly habituation?: number;
  /** ρ in [0, 1]: how fast habituation wears off for items not experienced. */
  readonly recovery?: number;
  /** b_i: the utility of a fully habituated item, one number for all parts or one per part (default 0). */
  readonly baseline?: number | readonly number[];
  /** η_e in [0, 1]: how far the chosen item's value climbs towards the part's original best. */
  readonly endorsement?: number;
  /** Which parts endorse the choice: 'overruled' (default) or 'all'. */
  readonly endorsers?: 'all' | 'overruled';
  /** η_w ≥ 0: multiplicative weight gain of parts whose preferred item happened. */
  readonly weightDrift?: number;
  /** Meta-preferences over the weights (same parts, same order). */
  readonly meta?: MetaPreferences;
  /** λ in [0, 1] for the meta step (default 0 = no meta step). */
  readonly metaRate?: number;
  /** How ties among Σ winners are broken (default 'random'). */
  readonly tieBreak?: 'random' | 'lexicographic';
}

export interface EvolutionState {
  /** n × K underlying values v. */
  readonly value: Float64Array;
  /** n × K habituation levels h in [0, 1]. */
  readonly habit: Float64Array;
  /** Weight shares (length n, sum 1). */
  readonly weights: Float64Array;
  /** World state (0 in the repeated setting). */
  readonly state: number;
}

// ---------------------------------------------------------------------------------------------
// Building models

function checkRowStochastic(p: Float64Array, rows: number, cols: number, where: string): void {
  if (p.length !== rows * cols)
    throw new UserError(`expected ${rows * cols} probabilities (${rows}×${cols}), got ${p.length}`, where);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) {
      const x = p[r * cols + c];
      if (!(Number.isFinite(x) && x >= -1e-9))
        throw new UserError(`entry ${c} is ${x}, expected a probability`, `${where}[${r}]`);
      s += x;
    }
    if (Math.abs(s - 1) > 1e-9) throw new UserError(`row sums to ${s}, expected 1`, `${where}[${r}]`);
  }
}

function shares(w: ArrayLike<number>, where: string): Float64Array {
  const out = new Float64Array(w.length);
  let t = 0;
  for (let i = 0; i < w.length; i++) {
    if (!(Number.isFinite(w[i]) && w[i] >= 0))
      throw new UserError(
        `expected a non-negative weight, got ${w[i]}`,
        where === 'parts' ? `parts[${i}].weight` : `${where}[${i}]`,
      );
    t += w[i];
  }
  if (!(t > 0)) throw new UserError('expected at least one part with a positive weight', where);
  for (let i = 0; i < w.length; i++) out[i] = w[i] / t;
  return out;
}

/**
 * The repeated setting from a principal: its top-level parts (a nested part counts by its
 * summarized utility), current weights, world model and Σ. `truth` (default H's world model)
 * draws the outcomes.
 */
export function evolutionFromPrincipal(
  h: Principal,
  opts: { readonly truth?: WorldModel } = {},
): EvolutionModel {
  const rows = rowsOf(h, 'top');
  const n = rows.names.length;
  const A = h.actions.length;
  const K = h.outcomes.length;
  const truth = opts.truth ?? h.world;
  validateWorld(truth, { where: 'truth', actions: A, outcomes: K, actionNames: h.actions });
  const utility = new Float64Array(n * K);
  rows.utilities.forEach((u, i) => {
    utility.set(u, i * K);
  });
  const reach = new Uint8Array(K);
  for (let a = 0; a < A; a++) for (let k = 0; k < K; k++) if (truth.p[a * K + k] > 0) reach[k] = 1;
  return {
    setting: 'repeated',
    parts: rows.names,
    actions: h.actions,
    states: ['now'],
    items: h.outcomes,
    sigma: h.sigma,
    utility,
    weights: shares(rows.weights, 'weights'),
    world: Float64Array.from(h.world.p),
    truth: Float64Array.from(truth.p),
    start: Float64Array.of(1),
    reach,
  };
}

/**
 * The tabular setting from an environment and the parts' rewards (S × A each) with their declared
 * weights; `sigma` is H's Σ. The parts' own beliefs are not used (Σ is myopic).
 */
export function evolutionFromSequential(
  env: Environment,
  h: { readonly parts: readonly SeqPart[]; readonly sigma: SigmaSpec },
): EvolutionModel {
  const S = env.states.length;
  const A = env.actions.length;
  if (S < 1) throw new UserError('expected at least one state', 'env.states');
  if (A < 1) throw new UserError('expected at least one action', 'env.actions');
  checkRowStochastic(env.truth, S * A, S, 'env.truth');
  checkRowStochastic(env.start, 1, S, 'env.start');
  const n = h.parts.length;
  if (n < 1) throw new UserError('expected at least one part', 'parts');
  const K = S * A;
  const utility = new Float64Array(n * K);
  h.parts.forEach((p, i) => {
    if (p.reward.length !== K)
      throw new UserError(
        `expected ${K} rewards (${S} states × ${A} actions), got ${p.reward.length}`,
        `parts[${i}].reward`,
      );
    for (let k = 0; k < K; k++)
      if (!Number.isFinite(p.reward[k]))
        throw new UserError(`expected a finite number, got ${p.reward[k]}`, `parts[${i}].reward[${k}]`);
    utility.set(p.reward, i * K);
  });
  const reach = new Uint8Array(S * K);
  for (let s = 0; s < S; s++) for (let a = 0; a < A; a++) reach[s * K + s * A + a] = 1;
  const items: string[] = [];
  for (const s of env.states) for (const a of env.actions) items.push(`${s}/${a}`);
  sigmaCall(h.sigma.rule, h.sigma.options);
  return {
    setting: 'tabular',
    parts: h.parts.map((p) => p.name),
    actions: env.actions,
    states: env.states,
    items,
    sigma: h.sigma,
    utility,
    weights: shares(
      h.parts.map((p) => p.weight),
      'parts',
    ),
    world: new Float64Array(0),
    truth: Float64Array.from(env.truth),
    start: Float64Array.from(env.start),
    reach,
  };
}

// ---------------------------------------------------------------------------------------------
// Parameters

interface Compiled {
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

function compile(m: EvolutionModel, p: EvolutionParams): Compiled {
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

function utilitiesOf(c: Compiled, s: EvolutionState): Float64Array {
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

function step(c: Compiled, s: EvolutionState, rng: Random): EvolutionStep {
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
// The recorder

export interface EvolutionRecord {
  readonly t: number;
  readonly state: number;
  readonly choice: number;
  /** The experienced item (outcome, or cell s·A + a). */
  readonly outcome: number;
  readonly next: number;
  /** n × K current utilities after the step. */
  readonly utilities: Float64Array;
  /** Weight shares after the step. */
  readonly weights: Float64Array;
  /** H's Σ re-run on the evolved parts in `state`: its winners, ranking (where it has one) and approval of every action. */
  readonly evolved: {
    readonly winners: number[];
    readonly ranking?: number[][];
    readonly approval: Float64Array;
  };
  /** The evolved H's approval of `choice`, in [0, 1]. */
  readonly approval: number;
  /** The original H's (original utilities, initial weights) approval of `choice` in `state`. */
  readonly originalApproval: number;
  /** Each part's welfare of the experienced item by its original utilities (min–max over items). */
  readonly welfareOriginal: Float64Array;
  /** The same by its current utilities (after the step). */
  readonly welfareCurrent: Float64Array;
  /** Each part's largest utility change, in units of its original range. */
  readonly drift: Float64Array;
  /** Total-variation distance of the weights from the initial ones. */
  readonly weightDrift: number;
  readonly overruled: Uint8Array;
  readonly satisfied: Uint8Array;
}

export interface EvolutionRun {
  /** The state at t = 0 (its values are the original utilities, its weights the initial ones). */
  readonly initial: EvolutionState;
  readonly records: EvolutionRecord[];
  readonly final: EvolutionState;
}

function minmax(u: Float64Array, i: number, K: number, k: number): number {
  let mx = -Infinity;
  let mn = Infinity;
  for (let j = 0; j < K; j++) {
    const x = u[i * K + j];
    if (x > mx) mx = x;
    if (x < mn) mn = x;
  }
  return mx - mn > 0 ? (u[i * K + k] - mn) / (mx - mn) : 1;
}

function driftOf(c: Compiled, u: Float64Array): Float64Array {
  const { n, K } = c;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = 0;
    for (let k = 0; k < K; k++) x = Math.max(x, Math.abs(u[i * K + k] - c.m.utility[i * K + k]));
    d[i] = x / (c.range[i] > 0 ? c.range[i] : 1);
  }
  return d;
}

/**
 * Runs `steps` steps from `start` (default `initialState(m, rng)`) and records each one. The
 * random stream is consumed in a fixed order (start state, then per step: tie-break or lottery,
 * outcome, next state), so a seed fixes the run.
 */
export function runEvolution(
  m: EvolutionModel,
  params: EvolutionParams,
  steps: number,
  rng: Random,
  start?: EvolutionState,
): EvolutionRun {
  if (!(Number.isInteger(steps) && steps >= 0))
    throw new UserError(`expected a non-negative integer, got ${steps}`, 'steps');
  const c = compile(m, params);
  const { n, A, K } = c;
  const initial = start ?? initialState(m, rng);
  const original = new Map<number, Float64Array>();
  const originalApprovals = (st: number) => {
    let a = original.get(st);
    if (!a) {
      a = approvalOf(sigmaOn(m, m.utility, m.weights, st, c.call), A);
      original.set(st, a);
    }
    return a;
  };
  const records: EvolutionRecord[] = [];
  let s = initial;
  for (let t = 0; t < steps; t++) {
    const r = step(c, s, rng);
    s = r.after;
    const u = utilitiesOf(c, s);
    const ev = sigmaOn(m, u, s.weights, r.state, c.call);
    const approval = approvalOf(ev, A);
    const welfareOriginal = new Float64Array(n);
    const welfareCurrent = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      welfareOriginal[i] = minmax(m.utility, i, K, r.outcome);
      welfareCurrent[i] = minmax(u, i, K, r.outcome);
    }
    records.push({
      t,
      state: r.state,
      choice: r.choice,
      outcome: r.outcome,
      next: r.next,
      utilities: u,
      weights: s.weights,
      evolved: { winners: ev.winners, ...(ev.ranking ? { ranking: ev.ranking } : {}), approval },
      approval: approval[r.choice],
      originalApproval: originalApprovals(r.state)[r.choice],
      welfareOriginal,
      welfareCurrent,
      drift: driftOf(c, u),
      weightDrift: totalVariation(s.weights, m.weights),
      overruled: r.overruled,
      satisfied: r.satisfied,
    });
  }
  return { initial, records, final: s };
}

// ---------------------------------------------------------------------------------------------
// Fixed points

export interface EvolutionLimit {
  /** 'fixed': the whole state stopped moving (within tol); 'cycle': it repeats with period > 1; 'none': the cap ran out. */
  readonly kind: 'fixed' | 'cycle' | 'none';
  /** 1 for a fixed point, the cycle length for a cycle, 0 for none. */
  readonly period: number;
  readonly steps: number;
  readonly final: EvolutionState;
  /** n × K current utilities at the end. */
  readonly utilities: Float64Array;
  readonly weights: Float64Array;
  /** H's choices over the last `period` steps (the last choice for a fixed point; empty for none). */
  readonly orbit: number[];
  /** What H chose at t = 0, and in which state. */
  readonly firstChoice: number;
  readonly firstState: number;
  /** Σ winners on the original parts, and on the evolved parts, in the first state. */
  readonly initialWinners: number[];
  readonly evolvedWinners: number[];
  /** Whether H's Σ on the evolved parts still chooses what it chose at t = 0. */
  readonly stillChooses: boolean;
  /** The evolved H's approval of the first choice, in [0, 1]. */
  readonly evolvedApproval: number;
  readonly drift: Float64Array;
  readonly weightDrift: number;
}

function flat(s: EvolutionState): Float64Array {
  const out = new Float64Array(s.value.length + s.habit.length + s.weights.length + 1);
  out.set(s.value, 0);
  out.set(s.habit, s.value.length);
  out.set(s.weights, s.value.length + s.habit.length);
  out[out.length - 1] = s.state;
  return out;
}

/**
 * Iterates the evolution from `start` (default the initial state) until the whole state (values,
 * habituation levels, weights, world state) is within `tol` of the previous one (a fixed point) or
 * of the one `period` steps back (a cycle), or `maxSteps` run out. Defaults: maxSteps 10000,
 * tol 1e-10, maxPeriod 8. With a random world the state rarely settles: expect 'none'.
 */
export function evolutionLimit(
  m: EvolutionModel,
  params: EvolutionParams,
  rng: Random,
  opts: {
    readonly maxSteps?: number;
    readonly tol?: number;
    readonly maxPeriod?: number;
    readonly start?: EvolutionState;
  } = {},
): EvolutionLimit {
  const { maxSteps, tol, maxPeriod } = limitOptions(
    opts,
    { maxSteps: 10000, tol: 1e-10, maxPeriod: 8 },
    'limit',
  );
  const c = compile(m, params);
  let s = opts.start ?? initialState(m, rng);
  const history: Float64Array[] = [flat(s)];
  const choices: number[] = [];
  let firstChoice = -1;
  const firstState = s.state;
  let kind: EvolutionLimit['kind'] = 'none';
  let period = 0;
  let t = 0;
  while (t < maxSteps) {
    const r = step(c, s, rng);
    t++;
    if (firstChoice < 0) firstChoice = r.choice;
    remember(choices, r.choice, maxPeriod);
    s = r.after;
    const x = flat(s);
    const p = periodOf(history, x, tol);
    remember(history, x, maxPeriod);
    if (p > 0) {
      kind = p === 1 ? 'fixed' : 'cycle';
      period = p;
      break;
    }
  }
  const u = utilitiesOf(c, s);
  const initialWinners = sigmaOn(m, m.utility, m.weights, firstState, c.call).winners;
  const ev = sigmaOn(m, u, s.weights, firstState, c.call);
  return {
    kind,
    period,
    steps: t,
    final: s,
    utilities: u,
    weights: s.weights,
    orbit: period > 0 ? choices.slice(choices.length - period) : [],
    firstChoice,
    firstState,
    initialWinners,
    evolvedWinners: ev.winners,
    stillChooses: ev.winners.includes(firstChoice),
    evolvedApproval: approvalOf(ev, c.A)[firstChoice],
    drift: driftOf(c, u),
    weightDrift: totalVariation(s.weights, m.weights),
  };
}

/** Largest difference between two evolution states (values, habituation, weights; Infinity when the world states differ). */
export function stateDistance(x: EvolutionState, y: EvolutionState): number {
  if (x.state !== y.state) return Infinity;
  return Math.max(chebyshev(x.value, y.value), chebyshev(x.habit, y.habit), chebyshev(x.weights, y.weights));
}
