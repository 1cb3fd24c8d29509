/**
 * The idealized parts bargain: Σ′ on the view's utilities, over the actions still on the table.
 * Without noise this is Σ′ once (its lottery, or its winners with Σ′'s approval as the scores).
 * With noise left (no `unbounded`), the parts are seen as H sees them — `behaviourOf` with Σ′ in
 * place of Σ: the target is the modal choice (or the mean lottery) over the seeded draws and the
 * scores are Σ′'s mean approval.
 */
import type { Principal } from '../../core/model.js';
import type { Random } from '../../core/random.js';
import { type UtilityProblem, utilityBounds } from '../../core/utility.js';
import { applySigma, approvalOf, type SigmaCall } from '../../sigma/apply-utilities.js';
import type { RuleResult } from '../../sigma/types.js';
import { behaviourOf } from '../context.js';
import { actionTarget, lotteryProximity, targetOf } from '../readings/common.js';
import type { Target } from '../types.js';
import { type IdealView, viewUtilities } from './view.js';

export interface Bargain {
  readonly target: Target;
  readonly scores: Float64Array;
  readonly scoreLottery?: (l: Float64Array) => number;
}

/**
 * The problem restricted to the columns `keep`. The disagreement point stays each part's minimum
 * over all the actions: narrowing the menu does not change what a part gets without agreement.
 */
function restrict(p: UtilityProblem, keep: readonly number[]): UtilityProblem {
  const A = p.actions;
  const m = keep.length;
  const u = new Float64Array(p.parts * m);
  for (let i = 0; i < p.parts; i++)
    keep.forEach((a, k) => {
      u[i * m + k] = p.u[i * A + a];
    });
  return {
    parts: p.parts,
    actions: m,
    u,
    weights: p.weights,
    disagreement: p.disagreement ?? utilityBounds(p).lo,
  };
}

/** A result on the restricted actions, renamed to the full ones (the excluded get no share). */
function widen(r: RuleResult, keep: readonly number[], A: number): RuleResult {
  const out: RuleResult = { winners: r.winners.map((k) => keep[k]) };
  if (r.ranking) out.ranking = r.ranking.map((g) => g.map((k) => keep[k]));
  if (r.lottery) {
    const lottery = new Array<number>(A).fill(0);
    keep.forEach((a, k) => {
      lottery[a] = r.lottery![k];
    });
    out.lottery = lottery;
  }
  return out;
}

function widenVector(x: Float64Array, keep: readonly number[], A: number): Float64Array {
  const out = new Float64Array(A);
  keep.forEach((a, k) => {
    out[a] = x[k];
  });
  return out;
}

export function bargain(
  view: IdealView,
  call: SigmaCall,
  h: Principal,
  samples: number,
  rng: () => Random,
): Bargain {
  const full = viewUtilities(view);
  const A = full.actions;
  const keep = view.allowed;
  const all = keep.length === A;
  const p = all ? full : restrict(full, keep);
  if (!(view.noise > 0)) {
    const r0 = applySigma(call, p);
    const r = all ? r0 : widen(r0, keep, A);
    const target = targetOf(r);
    if (target.kind === 'lottery') return { target, ...lotteryProximity(target.lottery) };
    return { target, scores: approvalOf(r, A) };
  }
  const bounded = { ...h, sigma: { rule: call.rule.name, options: call.options } };
  const { behaviour, approval } = behaviourOf(bounded, p, { noise: view.noise, samples }, rng());
  const scores = all ? approval : widenVector(approval, keep, A);
  if (call.rule.output === 'lottery') {
    const lottery = all ? behaviour.lottery : widenVector(behaviour.lottery, keep, A);
    return { target: { kind: 'lottery', lottery }, ...lotteryProximity(lottery) };
  }
  return { target: actionTarget(behaviour.modes.map((k) => (all ? k : keep[k]))), scores };
}
