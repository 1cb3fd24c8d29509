/**
 * H's approval of A's action in a sequential problem: H's Σ applied to its parts' rewards in the
 * current world state, with the weights H has now (declared weight × gain of the part's current
 * level). Two readings of the Σ result:
 *
 * - `rank` — approvalOf (sigma/apply-utilities.ts) on the parts' own rewards: where the action stands in Σ's
 *   ranking of A's actions (1 for the top group, 0 for the bottom), or its probability relative to
 *   the likeliest action for lottery rules, or 1 for winners. Every state has an action with
 *   approval 1 whatever H's internal state, so under this reading the greedy agent already collects
 *   the most approval there is (1 per step): reshaping H can never raise it.
 * - `score` — Σ's own score for the action on the normalized problem (rewards min–max normalized
 *   over all (s, a), weights = the current shares), which must lie in [0, 1]: for
 *   weighted-utilitarian it is Σ_i share_i(λ) · r̂_i(s, a), how well the action serves what H
 *   currently cares about. This is the cardinal approval the essay's productivity assistant
 *   raises by shifting attention towards parts whose reward it can easily deliver. Rules whose
 *   scores are in other units (or that have none) are refused with a UserError.
 */
import { UserError } from '../core/errors.js';
import type { UtilityProblem } from '../core/utility.js';
import { applySigma, approvalOf, type SigmaCall } from '../sigma/apply-utilities.js';
import type { SequentialPrincipal } from '../core/sequential.js';

export type ApprovalReading = 'rank' | 'score';
export const APPROVAL_READINGS: readonly ApprovalReading[] = ['rank', 'score'];

export function parseApprovalReading(x: unknown, where = 'approval'): ApprovalReading {
  if (x === 'rank' || x === 'score') return x;
  throw new UserError(`expected one of ${APPROVAL_READINGS.join(', ')}, got ${JSON.stringify(x)}`, where);
}

/**
 * Each part's reward min–max normalized over all (s, a): r̂ = (r − min) / (max − min), one S×A
 * array per part. A part whose reward is constant gets 1 everywhere (core/normalize.ts's
 * convention: every choice is as good as it can be for it).
 */
export function normalizedRewards(h: SequentialPrincipal): Float64Array[] {
  return h.parts.map((p) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < p.reward.length; k++) {
      lo = Math.min(lo, p.reward[k]);
      hi = Math.max(hi, p.reward[k]);
    }
    const out = new Float64Array(p.reward.length);
    for (let k = 0; k < out.length; k++) out[k] = hi > lo ? (p.reward[k] - lo) / (hi - lo) : 1;
    return out;
  });
}

const SCORE_SLACK = 1e-9;

/**
 * H's approval of every action in world state s at levels λ, into `out` (length A).
 * `reward` is the parts' raw rewards for `rank` and the normalized ones for `score`.
 */
export function approvalInState(
  h: SequentialPrincipal,
  sigma: SigmaCall,
  reading: ApprovalReading,
  reward: readonly Float64Array[],
  A: number,
  s: number,
  levels: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const n = h.parts.length;
  const u = new Float64Array(n * A);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    u.set(reward[i].subarray(s * A, (s + 1) * A), i * A);
    weights[i] = h.parts[i].weight * h.internal.gain[levels[i]];
  }
  return approvalOfRows(sigma, h.sigma.rule, reading, u, weights, A, s, out);
}

/**
 * A principal's approval of every action in world state s, into `out`: Σ on the rows `u` (n×A)
 * with the current `weights` (shares under the score reading). Flat and nested principals
 * (nesting.ts) both read their Σ here, so a level is read the same way wherever it sits.
 */
export function approvalOfRows(
  sigma: SigmaCall,
  rule: string,
  reading: ApprovalReading,
  u: Float64Array,
  weights: Float64Array,
  A: number,
  s: number,
  out: Float64Array,
): Float64Array {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  if (total === 0) return out.fill(0);
  if (reading === 'score') for (let i = 0; i < n; i++) weights[i] /= total;
  const p: UtilityProblem = { parts: n, actions: A, u, weights };
  const r = applySigma(sigma, p);
  if (reading === 'rank') {
    out.set(approvalOf(r, A));
    return out;
  }
  if (!r.scores || r.scores.length !== A)
    throw new UserError(
      `the score reading of approval needs a rule that scores every action (e.g. weighted-utilitarian); "${rule}" gives no scores — use the rank reading`,
      'approval',
    );
  for (let a = 0; a < A; a++) {
    const x = r.scores[a];
    if (!(x >= -SCORE_SLACK && x <= 1 + SCORE_SLACK))
      throw new UserError(
        `the score reading of approval needs scores in [0, 1] on normalized rewards with weight shares; "${rule}" scored action ${a} ${x} in state ${s} — use the rank reading`,
        'approval',
      );
    out[a] = x < 0 ? 0 : Math.min(x, 1);
  }
  return out;
}
