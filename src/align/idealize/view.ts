/**
 * The principal view that idealization operators transform: H's leaves (teams speak through their
 * members, as `flatten` weighs them), each with its utility over outcomes and its own beliefs, their
 * weights, the noise through which H sees them, the actions still on the table, and — when the
 * model has them — the parts' meta-preferences over the weights. Plain data: an operator returns a
 * new view and never edits the one it was given.
 */
import { flatten } from '../../core/hierarchy.js';
import type { UtilityProblem } from '../../core/utility.js';
import { expectedUtility, type WorldModel } from '../../core/world.js';
import { sigmaCall } from '../../sigma/apply-utilities.js';
import type { AlignContext } from '../types.js';
import { contextMeta } from './meta-context.js';
import { type MetaPreferences, metaEndorsed } from './meta-preferences.js';

export interface IdealView {
  /** Leaf names ("team/member"). */
  readonly names: readonly string[];
  /** Each part's utility over outcomes. */
  readonly utility: readonly Float64Array[];
  /** Each part's world model (actions × outcomes). */
  readonly beliefs: readonly WorldModel[];
  /** Each part's weight (≥ 0). */
  readonly weights: Float64Array;
  /** H's noise, in units of each part's utility range (as `bounds.noise`). */
  readonly noise: number;
  /** The actions still on the table, ascending. */
  readonly allowed: readonly number[];
  /**
   * Meta-preferences: the weight shares the parts endorse when the shares are `w` (E(w), a point
   * of the simplex). Absent when the model has none.
   */
  readonly endorse?: (w: Float64Array) => Float64Array;
  /** λ of the meta dynamics s ← (1 − λ) s + λ E(s) that `reflective` runs (default ½). */
  readonly reflectRate?: number;
}

/** What every operator may consult and never changes. */
export interface IdealWorld {
  /** The true world model (actions × outcomes). */
  readonly truth: WorldModel;
}

/**
 * H as it is: its leaves with their own beliefs and weights, H's noise, every action allowed, and
 * the file's meta-preferences (over H's own parts) when it declares them.
 */
export function baseView(ctx: AlignContext): IdealView {
  const leaves = flatten(ctx.h);
  const weights = Float64Array.from(leaves.map((l) => l.weight));
  const meta = contextMeta(ctx);
  return {
    names: leaves.map((l) => l.name),
    utility: leaves.map((l) => l.utility),
    beliefs: leaves.map((l) => l.beliefs),
    weights,
    noise: ctx.scenario.bounds.noise,
    allowed: ctx.actions.map((_, a) => a),
    ...(meta
      ? {
          endorse: leafEndorsement(
            meta,
            leaves.map((l) => l.path[0]),
            weights,
          ),
          reflectRate: ctx.scenario.meta?.rate,
        }
      : {}),
  };
}

/**
 * E over leaf shares: the meta-preferences are over H's own parts, so a leaf's share is its top
 * part's endorsed share split among that part's leaves as their declared weights split it
 * (evenly when those are all 0). For a flat H this is E itself.
 */
function leafEndorsement(
  meta: MetaPreferences,
  top: readonly number[],
  weights: Float64Array,
): (s: Float64Array) => Float64Array {
  const n = meta.parts.length;
  const team = new Float64Array(n);
  const size = new Float64Array(n);
  top.forEach((k, l) => {
    team[k] += weights[l];
    size[k]++;
  });
  const within = top.map((k, l) => (team[k] > 0 ? weights[l] / team[k] : 1 / size[k]));
  const call = sigmaCall(meta.sigma.rule, meta.sigma.options);
  return (s) => {
    const t = new Float64Array(n);
    top.forEach((k, l) => {
      t[k] += s[l];
    });
    const e = metaEndorsed(meta, t, call).target;
    return Float64Array.from(top, (k, l) => e[k] * within[l]);
  };
}

/** The parts × actions expected utilities of a view, each part under its own beliefs. */
export function viewUtilities(v: IdealView): UtilityProblem {
  const n = v.names.length;
  const A = v.beliefs.length > 0 ? v.beliefs[0].actions : 0;
  const u = new Float64Array(n * A);
  for (let i = 0; i < n; i++) expectedUtility(v.beliefs[i], v.utility[i], u.subarray(i * A, (i + 1) * A));
  return { parts: n, actions: A, u, weights: Float64Array.from(v.weights) };
}

/** Weights as shares of their total (uniform when every weight is 0). */
export function shares(w: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i];
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = total > 0 ? w[i] / total : 1 / w.length;
  return out;
}
