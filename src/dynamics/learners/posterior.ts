/**
 * PSRL's posterior over the learned model (learned.ts), from the steps it has seen.
 *
 * - Transitions: a Dirichlet(α, …, α) prior on every row of the world table P(· | s, a) and of each
 *   part's level table P(· | λ_i, a, s'); the posterior adds the observed counts (conjugacy).
 * - Approval: for each (s, internal state, a), a normal prior N(μ0, σ0²) on H's approval with
 *   normal observation noise of sd σ; after k observations with sum Σ, the posterior is normal with
 *   precision 1/σ0² + k/σ² and mean (μ0/σ0² + Σ/σ²) / precision. H's approval is in [0, 1], so
 *   μ0 = 1/2; σ is small (H's approval is observed without noise, the σ only keeps it a density).
 *
 * `sample` draws one model from the posterior (one per episode, Osband, Russo & Van Roy 2013,
 * "(More) efficient reinforcement learning via posterior sampling"); `mean` is the posterior mean.
 */
import type { Random } from '../../core/random.js';
import type { LearnedModel, Shape } from './learned.js';

export interface PosteriorOptions {
  /** Dirichlet pseudo-count α of every successor (> 0). */
  readonly dirichlet: number;
  /** The prior sd σ0 of H's approval of an action never tried (> 0). */
  readonly rewardSd: number;
}

/** The observation noise σ assumed of H's approval. */
export const APPROVAL_NOISE_SD = 0.05;
/** The prior mean μ0 of H's approval: the middle of its range [0, 1]. */
export const APPROVAL_PRIOR_MEAN = 0.5;

export class Posterior {
  readonly world: Float64Array;
  readonly levels: Float64Array[];
  readonly count: Float64Array;
  readonly sum: Float64Array;

  constructor(
    readonly shape: Shape,
    readonly opts: PosteriorOptions,
  ) {
    const { S, A, n, L, C } = shape;
    this.world = new Float64Array(S * A * S);
    this.levels = Array.from({ length: n }, () => new Float64Array(L * A * S * L));
    this.count = new Float64Array(S * C * A);
    this.sum = new Float64Array(S * C * A);
  }

  /** One step: in s at levels (code) A took a, H approved r, the world moved to s2 and H to levels2. */
  observe(
    s: number,
    code: number,
    levels: ArrayLike<number>,
    a: number,
    r: number,
    s2: number,
    levels2: ArrayLike<number>,
  ): void {
    const { S, A, n, L, C } = this.shape;
    this.world[(s * A + a) * S + s2]++;
    for (let i = 0; i < n; i++) this.levels[i][((levels[i] * A + a) * S + s2) * L + levels2[i]]++;
    const k = (s * C + code) * A + a;
    this.count[k]++;
    this.sum[k] += r;
  }

  /** One model drawn from the posterior. */
  sample(rng: Random): LearnedModel {
    const { S, L } = this.shape;
    const a = this.opts.dirichlet;
    const draw = (counts: Float64Array, k: number) => {
      const out = new Float64Array(counts.length);
      for (let r = 0; r < counts.length; r += k) {
        let total = 0;
        for (let j = r; j < r + k; j++) total += out[j] = rng.gamma(a + counts[j]);
        for (let j = r; j < r + k; j++) out[j] /= total;
      }
      return out;
    };
    const approval = new Float64Array(this.count.length);
    for (let k = 0; k < approval.length; k++) {
      const { mean, sd } = this.approvalPosterior(k);
      approval[k] = mean + sd * rng.normal();
    }
    return { world: draw(this.world, S), levels: this.levels.map((t) => draw(t, L)), approval };
  }

  /** The posterior mean model. */
  mean(): LearnedModel {
    const { S, L } = this.shape;
    const a = this.opts.dirichlet;
    const avg = (counts: Float64Array, k: number) => {
      const out = new Float64Array(counts.length);
      for (let r = 0; r < counts.length; r += k) {
        let total = 0;
        for (let j = r; j < r + k; j++) total += counts[j];
        for (let j = r; j < r + k; j++) out[j] = (a + counts[j]) / (k * a + total);
      }
      return out;
    };
    const approval = new Float64Array(this.count.length);
    for (let k = 0; k < approval.length; k++) approval[k] = this.approvalPosterior(k).mean;
    return { world: avg(this.world, S), levels: this.levels.map((t) => avg(t, L)), approval };
  }

  private approvalPosterior(k: number): { mean: number; sd: number } {
    const p0 = 1 / this.opts.rewardSd ** 2;
    const p1 = 1 / APPROVAL_NOISE_SD ** 2;
    const precision = p0 + this.count[k] * p1;
    return { mean: (APPROVAL_PRIOR_MEAN * p0 + this.sum[k] * p1) / precision, sd: 1 / Math.sqrt(precision) };
  }
}
