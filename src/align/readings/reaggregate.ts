/**
 * parts/<Σ'>: "System A learns the parts preferences, and replaces the original aggregation process
 * which is more computationally bounded with a new aggregation process which is less bounded."
 * A applies Σ' (any rule of the Σ registry) to the parts' own-belief utilities, without H's noise.
 * Scores are Σ''s approval of each action (position in its ranking); when Σ' returns a lottery,
 * a decision scores 1 − its total-variation distance from that lottery.
 */
import type { Options } from '../../sigma/types.js';
import { applySigma, approvalOf, sigmaCall } from '../../sigma/apply-utilities.js';
import type { Operationalization } from '../types.js';
import { lotteryProximity, targetOf } from './common.js';

export function reaggregation(rule: string): Operationalization {
  const call = sigmaCall(rule);
  return {
    // The id keeps the name as written: `parts/pareto-set` (the Pareto-set rule) must not become
    // `parts/pareto`, which is the Pareto-steps reading.
    id: `parts/${rule}`,
    family: 'parts',
    title: `Parts: re-aggregate with ${call.rule.title}`,
    description: `A learns the parts and replaces H’s Σ with ${call.rule.title}: ${call.rule.description}`,
    claims: [],
    options: call.rule.options,
    read(ctx, opts: Options) {
      const r = applySigma({ rule: call.rule, options: opts }, ctx.own);
      const target = targetOf(r);
      // Σ' returns a lottery: decisions score by how close they come to it (the lottery scores 1).
      if (target.kind === 'lottery') return { target, ...lotteryProximity(target.lottery), notes: [] };
      return { target, scores: approvalOf(r, ctx.own.actions), notes: [] };
    },
  };
}
