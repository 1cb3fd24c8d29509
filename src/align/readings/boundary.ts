/**
 * Alignment at the boundary of H: A aligns with whatever Σ outputs.
 *
 * - boundary/instruction: the target is B(H) itself. An action scores by how likely H is to choose
 *   it unaided, min–max scaled over the actions (H's likeliest choice scores 1); a lottery scores
 *   1 − its total-variation distance from B(H), so a bounded H's own randomized behaviour scores 1. H is self-aligned by
 *   construction: the essay's point here is not reflexivity but that "aligning to the boundary of
 *   system H will systematically neglect some parts of system H".
 * - boundary/approval: A maximizes H's approval as Σ computes it now. With a bounded (noisy) H,
 *   the action H approves of most on average need not be the one it most often picks.
 */
import { totalVariation } from '../../core/distance.js';
import type { Operationalization } from '../types.js';
import { actionTarget, unitScores } from './common.js';

export const boundaryInstruction: Operationalization = {
  id: 'boundary/instruction',
  family: 'boundary',
  title: 'Boundary: follow instructions',
  description: 'A does what H would do unaided: the target is B(H), the output of Σ under H’s bounds.',
  claims: [],
  read(ctx) {
    const b = ctx.behaviour;
    const scoreLottery = (l: Float64Array) => 1 - totalVariation(l, b.lottery);
    return { target: actionTarget(b.modes), scores: unitScores(b.lottery), scoreLottery, notes: [] };
  },
};

export const boundaryApproval: Operationalization = {
  id: 'boundary/approval',
  family: 'boundary',
  title: 'Boundary: maximize approval',
  description:
    'A picks the action H approves of most, as H’s Σ computes approval now (position in Σ’s ranking, averaged over H’s noise).',
  claims: [],
  read(ctx) {
    const top = Math.max(...ctx.approval);
    const best: number[] = [];
    ctx.approval.forEach((x, a) => {
      if (x >= top - 1e-12) best.push(a);
    });
    return { target: actionTarget(best), scores: unitScores(ctx.approval), notes: [] };
  },
};
