/**
 * parts/idealized: "Just making all the parts less computationally bounded and bargaining a
 * solution." The parts see the true world model instead of their own beliefs, every nested team is
 * heard through its own members (the hierarchy is flattened), H's noise is gone, and they bargain
 * with Σ' (default Nash bargaining). Scores are Σ''s approval of each action.
 */
import { flatten } from '../../core/model.js';
import type { UtilityProblem } from '../../core/utility.js';
import { expectedUtility } from '../../core/world.js';
import type { Options } from '../../sigma/types.js';
import { applySigma, approvalOf, sigmaCall } from '../sigma.js';
import type { AlignContext, Operationalization } from '../types.js';
import { targetOf } from './common.js';

/** The leaves of H, each evaluating the actions with the true world model. */
export function idealizedProblem(ctx: AlignContext): UtilityProblem {
  const leaves = flatten(ctx.h);
  const A = ctx.actions.length;
  const u = new Float64Array(leaves.length * A);
  leaves.forEach((l, i) => {
    expectedUtility(ctx.scenario.truth, l.utility, u.subarray(i * A, (i + 1) * A));
  });
  return { parts: leaves.length, actions: A, u, weights: Float64Array.from(leaves.map((l) => l.weight)) };
}

export const idealized: Operationalization = {
  id: 'parts/idealized',
  family: 'parts',
  title: 'Parts: idealized, then bargain',
  description:
    'The parts see the true world model and their full utilities (teams speak through their members), then bargain with Σ′ (default Nash bargaining).',
  claims: [],
  options: [
    { name: 'rule', type: 'string', default: 'nash-bargaining', description: 'the bargaining rule Σ′' },
  ],
  read(ctx, opts: Options) {
    const rule = typeof opts.rule === 'string' ? opts.rule : 'nash-bargaining';
    const { rule: _r, ...rest } = opts;
    const r = applySigma(sigmaCall(rule, rest), idealizedProblem(ctx));
    return { target: targetOf(r), scores: approvalOf(r, ctx.actions.length), notes: [] };
  },
};
