/**
 * whole/lcpo: Ge et al.'s fix for reward learning (NeurIPS 2024, "Axioms for AI alignment from
 * human feedback"). A learns H's pairwise preference probabilities from comparisons — with hidden
 * context, as whole/learned and whole/nlhf: a part drawn by weight answers each, by its own-belief
 * utility (Boltzmann-rational with β; ∞ = it picks what it prefers, ties split) — and, instead of
 * the Bradley–Terry argmax, ranks the actions by leximax Copeland subject to Pareto optimality:
 * the majority of H's comparisons decides each pair, an action every comparison prefers to another
 * stays above it, and with `features` only rankings a reward linear in them can express count. It
 * keeps pairwise majority consistency where whole/learned's Bradley–Terry does not, and unlike
 * whole/nlhf it names one action rather than a lottery.
 */
import { featureMatrix } from '../../learn/features.js';
import { lcpo } from '../../sigma/ordinal/pairwise/lcpo.js';
import type { Options } from '../../sigma/types.js';
import type { Operationalization } from '../types.js';
import { actionTarget, BETA_OPTION, learnedComparisons } from './common.js';

/** Probabilities this close to 1 mean every comparison went one way (a Pareto domination). */
const ALL = 1 - 1e-12;

export const lcpoReading: Operationalization = {
  id: 'whole/lcpo',
  family: 'whole',
  title: 'Whole: leximax Copeland subject to Pareto over H’s comparisons (Ge et al.)',
  description:
    'A learns who wins each pairwise comparison of H (a part drawn by weight answers each) and ranks the actions by leximax Copeland subject to Pareto optimality, among the rankings a reward linear in the given features can express; it takes the top.',
  claims: [],
  options: [
    BETA_OPTION,
    {
      name: 'features',
      type: 'number[]',
      description:
        'each action’s features, row-major (actions × d numbers): the reward is linear in them (default: any ranking)',
    },
  ],
  read(ctx, opts: Options) {
    const p = learnedComparisons(ctx, opts);
    if (!(p instanceof Float64Array)) return p;
    const k = ctx.actions.length;
    const score = new Float64Array(k);
    const dominates = new Uint8Array(k * k);
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        if (a === b) continue;
        const d = p[a * k + b] - p[b * k + a];
        score[a] += d > 1e-12 ? 1 : d < -1e-12 ? -1 : 0;
        if (p[a * k + b] >= ALL) dominates[a * k + b] = 1;
      }
    const given = typeof opts.features === 'number' ? [opts.features] : opts.features;
    const features = Array.isArray(given)
      ? featureMatrix(k, given as readonly number[], undefined, 'options.features')
      : undefined;
    const out = lcpo({ k, score, dominates, features, names: ctx.actions });
    // Scores: the LCPO ranking, top 1 and bottom 0; the actions that could have been first share 1.
    const scores = new Float64Array(k);
    out.order.forEach((a, i) => {
      scores[a] = out.first.includes(a) ? 1 : 1 - i / (k - 1);
    });
    const name = (a: number) => ctx.actions[a];
    const notes = [
      `LCPO ranking ${out.order.map(name).join(' ≻ ')} (Copeland ${out.order.map((a) => score[a]).join(', ')})`,
    ];
    const best = Math.max(...score);
    if (!out.first.some((a) => score[a] === best))
      notes.push(
        `the majority's favourite ${[...score.keys()]
          .filter((a) => score[a] === best)
          .map(name)
          .join(', ')} cannot be ranked first by a reward linear in the features`,
      );
    if (!out.paretoFeasible)
      notes.push(
        'no reward linear in the features respects every Pareto domination: those constraints were dropped',
      );
    return { target: actionTarget(out.first), scores, notes };
  },
};
