/**
 * whole/nlhf: Nash learning from human feedback (Munos et al. 2023) run to convergence. A learns
 * H's pairwise preference probabilities from comparisons — with hidden context, as whole/learned:
 * each comparison is answered by one part drawn by weight, by its own-belief utility (Boltzmann-
 * rational with β; ∞ = it picks what it prefers, ties split) — and plays the Nash equilibrium of the
 * symmetric preference game with payoff P(a ≻ b) − P(b ≻ a). That equilibrium is the maximal
 * lottery of those probabilities (Fishburn 1984), proposed as the Condorcet-consistent answer to
 * Bradley–Terry reward learning (Ge et al. 2024): an action every other loses to in H's
 * comparisons gets all the mass, where whole/learned's Bradley–Terry argmax may not pick it.
 */
import { maximalLottery } from '../../sigma/probabilistic/maximal.js';
import type { Options } from '../../sigma/types.js';
import type { Operationalization } from '../types.js';
import { BETA_OPTION, learnedComparisons, lotteryProximity } from './common.js';

export const nlhf: Operationalization = {
  id: 'whole/nlhf',
  family: 'whole',
  title: 'Whole: Nash learning from H’s comparisons (the maximal lottery)',
  description:
    'A learns H’s pairwise preference probabilities (a part drawn by weight answers each comparison) and plays the Nash equilibrium of the preference game: the maximal lottery NLHF converges to.',
  claims: [],
  options: [BETA_OPTION],
  read(ctx, opts: Options) {
    const p = learnedComparisons(ctx, opts);
    if (!(p instanceof Float64Array)) return p;
    const k = ctx.actions.length;
    const pay = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) pay[a * k + b] = p[a * k + b] - p[b * k + a];
    const lottery = maximalLottery(
      pay,
      k,
      Array.from({ length: k }, (_, a) => a),
    );
    const support = ctx.actions.filter((_, a) => lottery[a] > 1e-9);
    const notes = [
      support.length === 1
        ? `${support[0]} beats every other action in H’s comparisons: all the mass on it`
        : `no action beats every other in H’s comparisons: the equilibrium mixes ${support.join(', ')}`,
    ];
    return { target: { kind: 'lottery', lottery }, ...lotteryProximity(lottery), notes };
  },
};
