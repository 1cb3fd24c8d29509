/**
 * whole/learned: "have a model with large representation capacity, and learn everything", then
 * un-bound it. A observes H's pairwise choices with hidden context — each comparison is answered
 * by one part, drawn by weight, choosing by its own-belief utility (Boltzmann-rational with β;
 * β = ∞ by default: the part simply picks what it prefers) — fits a Bradley–Terry model (or a
 * mixture of types), and takes the argmax of what it learned. With `samples: 0` (default) it
 * fits the exact comparison probabilities, the infinite-data limit; there the learned order is
 * the Borda count of the parts (Siththaranjan, Laidlaw & Hadfield-Menell 2023), not their
 * utilitarian sum, nor their majority winner. With `features` the learner has limited capacity: it
 * can only represent scores Φθ, so its un-bounded choice follows what the features make easy.
 */
import { fitBradleyTerry } from '../../learn/bradley-terry.js';
import { fitFeatureBradleyTerry } from '../../learn/features.js';
import { comparisonProbabilities, sampleComparisons } from '../../learn/hidden-context.js';
import { fitMixture } from '../../learn/mixture.js';
import type { Options } from '../../sigma/types.js';
import type { Operationalization } from '../types.js';
import { actionTarget, unitScores } from './common.js';

function num(opts: Options, key: string, dflt: number): number {
  const v = opts[key];
  return typeof v === 'number' ? v : dflt;
}

export const learned: Operationalization = {
  id: 'whole/learned',
  family: 'whole',
  title: 'Whole: learn a model of H, then un-bound it',
  description:
    'A fits a preference model to H’s observed pairwise choices (hidden context: a part drawn by weight answers each), then takes its argmax.',
  claims: [],
  options: [
    {
      name: 'samples',
      type: 'number',
      default: 0,
      description: 'comparisons observed; 0 = the exact probabilities (infinite data)',
    },
    {
      name: 'beta',
      type: 'number',
      default: Number.POSITIVE_INFINITY,
      description: 'rationality of the answering part (∞ = deterministic)',
    },
    {
      name: 'model',
      type: 'string',
      default: 'bradley-terry',
      description: 'bradley-terry, or mixture (of `types` Bradley–Terry types)',
    },
    { name: 'types', type: 'number', default: 2, description: 'number of types for the mixture model' },
    {
      name: 'prior',
      type: 'number',
      default: 0.01,
      description: 'L2 prior λ on the scores (keeps them finite when an option never loses)',
    },
    {
      name: 'features',
      type: 'number[]',
      description:
        'limited capacity: each action’s features, row-major (actions × d numbers); the learner represents only scores Φθ (not with the mixture model)',
    },
  ],
  read(ctx, opts: Options) {
    if (ctx.actions.length < 2)
      return {
        target: actionTarget([0]),
        scores: Float64Array.of(1),
        notes: ['one action: nothing to learn'],
      };
    const beta = num(opts, 'beta', Number.POSITIVE_INFINITY);
    const samples = num(opts, 'samples', 0);
    const prior = num(opts, 'prior', 0.01);
    const data =
      samples > 0
        ? sampleComparisons(ctx.rng('whole/learned:data'), ctx.own, Math.round(samples), { beta }).data
        : comparisonProbabilities(ctx.own, { beta });
    let scores: Float64Array;
    const notes: string[] = [];
    // A single number is a list of one (as for every list option); only one action could use it.
    const features = typeof opts.features === 'number' ? [opts.features] : opts.features;
    if (opts.model === 'mixture') {
      if (features !== undefined) notes.push('features are ignored by the mixture model');
      const fit = fitMixture(ctx.rng('whole/learned:em'), data, { types: num(opts, 'types', 2), prior });
      // Un-bounding a mixture: A maximizes the population's expected score, Σ_k π_k s_k.
      scores = new Float64Array(ctx.actions.length);
      fit.scores.forEach((s, k) => {
        for (let a = 0; a < s.length; a++) scores[a] += fit.weights[k] * s[a];
      });
      notes.push(
        `mixture of ${fit.types} types, weights ${Array.from(fit.weights, (w) => w.toFixed(3)).join(', ')}`,
      );
    } else if (Array.isArray(features)) {
      // What is easy to represent: scores confined to the span of the given features.
      const fit = fitFeatureBradleyTerry(data, features as readonly number[], { prior });
      scores = fit.scores;
      notes.push(`capacity: ${features.length / ctx.actions.length} feature(s) per action`);
      if (!fit.converged) notes.push('the feature-limited fit did not converge');
    } else {
      const fit = fitBradleyTerry(data, { prior });
      scores = fit.scores;
      if (!fit.converged) notes.push('the Bradley–Terry fit did not converge');
    }
    const top = Math.max(...scores);
    const best: number[] = [];
    scores.forEach((x, a) => {
      if (x >= top - 1e-9 * Math.max(1, Math.abs(top))) best.push(a);
    });
    // Spreads below 1e-6 are the residue of the numerical fit (e.g. EM's symmetry breaking when
    // every part is indifferent), not preferences.
    const tied = Math.max(...scores) - Math.min(...scores) <= 1e-6 * Math.max(1, Math.abs(top));
    return {
      target: actionTarget(tied ? Array.from(scores, (_, a) => a) : best),
      scores: unitScores(scores, 1e-6),
      notes,
    };
  },
};
