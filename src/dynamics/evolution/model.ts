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
 *    what the weighted meta-preferences endorse, w ← (1 − λ) w + λ E(w) (see ../meta/):
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
import { sigmaCall } from '../../sigma/apply-utilities.js';
import { UserError } from '../../core/errors.js';
import type { Principal, SigmaSpec } from '../../core/model.js';
import { rowsOf } from '../../core/hierarchy.js';
import { validateWorld, type WorldModel } from '../../core/world.js';
import type { MetaPreferences } from '../meta/index.js';
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
