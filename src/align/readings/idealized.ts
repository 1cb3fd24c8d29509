/**
 * parts/idealized: "Just making all the parts less computationally bounded and bargaining a
 * solution." The parts see the true world model instead of their own beliefs, every nested team is
 * heard through its own members (the hierarchy is flattened), H's noise is gone, and they bargain
 * with Σ' (default Nash bargaining). Scores are Σ''s approval of each action.
 */
import { flatten } from '../../core/hierarchy.js';
import type { UtilityProblem } from '../../core/utility.js';
import { expectedUtility } from '../../core/world.js';
import type { Options } from '../../sigma/types.js';
import { applySigma, approvalOf, sigmaCall } from '../../sigma/apply-utilities.js';
import type { AlignContext, Operationalization } from '../types.js';
import { rules } from '../../sigma/registry.js';
import type { OptionSpec } from '../../sigma/types.js';
import { lotteryProximity, targetOf } from './common.js';

// `rule` and every option any Σ' may take (the chosen rule checks its own when it runs).
const options: OptionSpec[] = [
  { name: 'rule', type: 'string', default: 'nash-bargaining', description: 'the bargaining rule Σ′' },
];
for (const r of rules)
  for (const o of r.options ?? []) if (!options.some((x) => x.name === o.name)) options.push(o);

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
    const call = sigmaCall(rule);
    for (const k of Object.keys(rest))
      if (!call.rule.options?.some((o) => o.name === k))
        throw new Error(`parts/idealized: ${call.rule.name} has no option "${k}"`);
    const r = applySigma({ rule: call.rule, options: rest }, idealizedProblem(ctx));
    const target = targetOf(r);
    if (target.kind === 'lottery') return { target, ...lotteryProximity(target.lottery), notes: [] };
    return { target, scores: approvalOf(r, ctx.actions.length), notes: [] };
  },
};
