/**
 * NRL's weights: each part's prior weight times the likelihood its beliefs gave the observed
 * history, normalized — the priorities a Pareto-optimal policy acts on at each history.
 */
import { UserError } from '../../core/errors.js';
import type { ObservedHistory, Shape } from './problem.js';

function checkHistory(h: ObservedHistory, shape: Shape): void {
  const T = h.actions.length;
  if (h.states.length !== T + 1)
    throw new UserError(
      `expected ${T + 1} states for ${T} actions, got ${h.states.length}`,
      'history.states',
    );
  for (let k = 0; k <= T; k++) {
    const s = h.states[k];
    if (!(Number.isInteger(s) && s >= 0 && s < shape.S))
      throw new UserError(`entry ${k} is ${s}, expected a state index below ${shape.S}`, 'history.states');
  }
  for (let k = 0; k < T; k++) {
    const a = h.actions[k];
    if (!(Number.isInteger(a) && a >= 0 && a < shape.A))
      throw new UserError(`entry ${k} is ${a}, expected an action index below ${shape.A}`, 'history.actions');
  }
}

/**
 * One NRL weight update in place: w_i ← w_i·T_i(s, a, s2), normalized. When every part gave the
 * observation probability 0 the weights are left as they were. Returns whether they changed.
 */
export function updateWeights(
  w: Float64Array,
  beliefs: readonly Float64Array[],
  shape: Shape,
  s: number,
  a: number,
  s2: number,
): boolean {
  const at = (s * shape.A + a) * shape.S + s2;
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i] * beliefs[i][at];
  if (!(sum > 0)) return false;
  for (let i = 0; i < w.length; i++) w[i] = (w[i] * beliefs[i][at]) / sum;
  return true;
}

export function normalizedPrior(prior: ArrayLike<number>, n: number): Float64Array {
  if (prior.length !== n)
    throw new UserError(`expected ${n} weights (one per part), got ${prior.length}`, 'prior');
  const w = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(prior[i]) && prior[i] >= 0))
      throw new UserError(`entry ${i} is ${prior[i]}, expected a weight ≥ 0`, 'prior');
    s += prior[i];
  }
  if (!(s > 0)) throw new UserError('expected a positive weight', 'prior');
  for (let i = 0; i < n; i++) w[i] = prior[i] / s;
  return w;
}

/**
 * The NRL weights after a history: prior_i · P_i(h) / Σ_j prior_j · P_j(h), with
 * P_i(h) = Π_k T_i(s_k, a_k, s_{k+1}). (An observation that every part still in play called
 * impossible is skipped.) Computed step by step with renormalization, so long histories do not
 * underflow.
 */
export function nrlWeights(
  prior: ArrayLike<number>,
  beliefs: readonly Float64Array[],
  history: ObservedHistory,
  shape: Shape,
): Float64Array {
  const path = nrlWeightPath(prior, beliefs, history, shape);
  const n = beliefs.length;
  return path.slice(history.actions.length * n);
}

/**
 * The NRL weights along a history: row k (n numbers, at k·n) is the weight vector after the first k
 * transitions, k = 0 … t. Row 0 is the normalized prior. Between rows, log(w_i/w_j) changes by
 * log T_i(s, a, s2) − log T_j(s, a, s2): the log-likelihood ratio of the observation.
 */
export function nrlWeightPath(
  prior: ArrayLike<number>,
  beliefs: readonly Float64Array[],
  history: ObservedHistory,
  shape: Shape,
): Float64Array {
  const n = beliefs.length;
  checkHistory(history, shape);
  const w = normalizedPrior(prior, n);
  const T = history.actions.length;
  const out = new Float64Array((T + 1) * n);
  out.set(w, 0);
  for (let k = 0; k < T; k++) {
    updateWeights(w, beliefs, shape, history.states[k], history.actions[k], history.states[k + 1]);
    out.set(w, (k + 1) * n);
  }
  return out;
}

/** log P_i(h) = Σ_k log T_i(s_k, a_k, s_{k+1}) for each part (−Infinity where a step had probability 0). */
export function logLikelihoods(
  beliefs: readonly Float64Array[],
  history: ObservedHistory,
  shape: Shape,
): Float64Array {
  checkHistory(history, shape);
  const out = new Float64Array(beliefs.length);
  for (let k = 0; k < history.actions.length; k++) {
    const at = (history.states[k] * shape.A + history.actions[k]) * shape.S + history.states[k + 1];
    for (let i = 0; i < beliefs.length; i++) out[i] += Math.log(beliefs[i][at]);
  }
  return out;
}
