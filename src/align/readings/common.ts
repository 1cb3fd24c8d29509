/** Small helpers the readings share. */
import { totalVariation } from '../../core/distance.js';
import { UserError } from '../../core/errors.js';
import { comparisonProbabilities } from '../../learn/hidden-context.js';
import type { OptionSpec, Options, RuleResult } from '../../sigma/types.js';
import type { AlignContext, Reading, Target } from '../types.js';

/**
 * Min–max to [0, 1] (1 = best); a vector whose spread is within `tie` (relative) of zero is all 1
 * (nothing to choose between — e.g. the residue of a numerical fit). Non-finite lows count as the
 * bottom.
 */
export function unitScores(xs: ArrayLike<number>, tie = 1e-12): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) continue;
    if (xs[i] < lo) lo = xs[i];
    if (xs[i] > hi) hi = xs[i];
  }
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!Number.isFinite(x)) out[i] = x > 0 ? 1 : 0;
    else out[i] = hi - lo > tie * Math.max(1, Math.abs(hi)) ? (x - lo) / (hi - lo) : 1;
  }
  return out;
}

/** The target a rule's result names: its lottery if it returns one, else its first winner (ties kept). */
export function targetOf(r: RuleResult): Target {
  if (r.lottery) return { kind: 'lottery', lottery: Float64Array.from(r.lottery) };
  // A rule may elect no one (condorcet-winner on a cycle): then there is no target to name.
  if (r.winners.length === 0) throw new UserError('the rule elects no action here, so there is no target');
  return { kind: 'action', action: r.winners[0], ties: [...r.winners] };
}

/** The action target for a tie set (lowest index first, the whole set kept). */
export function actionTarget(ties: readonly number[]): Target {
  const sorted = [...ties].sort((a, b) => a - b);
  return { kind: 'action', action: sorted[0], ties: sorted };
}

/**
 * Scores for a lottery target: a decision scores 1 − its total-variation distance from the
 * target, so the target itself scores 1 and a pure action scores the target's probability of it.
 */
export function lotteryProximity(target: Float64Array): {
  scores: Float64Array;
  scoreLottery: (l: Float64Array) => number;
} {
  const scoreLottery = (l: Float64Array) => 1 - totalVariation(l, target);
  return { scores: Float64Array.from(target), scoreLottery };
}

/** A target as a lottery over the actions (an action target is a point mass). */
export function targetAsLottery(t: Target, actions: number): Float64Array {
  if (t.kind === 'lottery') return t.lottery;
  const out = new Float64Array(actions);
  out[t.action] = 1;
  return out;
}

/** The `beta` option of the readings that learn from H's comparisons (whole/nlhf, whole/lcpo). */
export const BETA_OPTION: OptionSpec = {
  name: 'beta',
  type: 'number',
  default: Number.POSITIVE_INFINITY,
  description: 'rationality of the answering part (∞ = deterministic)',
};

/**
 * What a comparison-learning reading learns: P(a ≻ b) over H's comparisons, row-major k × k (a
 * part drawn by weight answers each, Boltzmann-rational with `beta`) — or, with one action,
 * the reading itself: there is nothing to learn.
 */
export function learnedComparisons(ctx: AlignContext, opts: Options): Float64Array | Reading {
  if (ctx.actions.length < 2)
    return { target: actionTarget([0]), scores: Float64Array.of(1), notes: ['one action: nothing to learn'] };
  const beta = typeof opts.beta === 'number' ? opts.beta : Number.POSITIVE_INFINITY;
  return comparisonProbabilities(ctx.own, { beta }).p;
}
