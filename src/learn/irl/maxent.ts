/**
 * Maximum-entropy inverse RL (Ziebart, Maas, Bagnell & Dey 2008, "Maximum entropy inverse
 * reinforcement learning"; the soft-value-iteration form of Ziebart, Bagnell & Dey 2010): H is
 * modelled as a Boltzmann-rational planner with β = 1 (soft.ts) of a reward linear in features,
 * r(s, a) = φ(s, a) · θ, and θ is fitted to H's demonstrations by gradient ascent on their
 * log-likelihood, whose gradient is the difference of feature expectations
 *
 *   ∇ = f̃ − E_θ[Σ_t φ(s_t, a_t)],
 *
 * f̃ from the demonstrations, the expectation exact: the state-visitation frequencies D_t(s) of
 * the soft policy by a forward pass (mdp.ts). An optional L1 penalty λ · ‖θ‖₁ (a simplicity prior)
 * is applied by soft-thresholding after each step (proximal gradient).
 *
 * What it cannot recover: rewards that give the same trajectory distribution — a constant added to
 * every reward (every trajectory has H steps), potential shaping where it cancels — and, before
 * any of that, the rationality β: fixing β = 1 is an assumption about H, not a finding.
 */
import { UserError } from '../../core/errors.js';
import { type StepPolicy, stateVisitation, type TabularMdp, type Trajectory } from './mdp.js';
import { logLikelihood, softPlan } from './soft.js';

/** Demonstrations as counts N_t(s, a) (per step, S×A) over `total` trajectories. */
export interface Demonstrations {
  readonly counts: readonly Float64Array[];
  readonly total: number;
}

export function demonstrations(m: TabularMdp, trajectories: readonly Trajectory[]): Demonstrations {
  if (trajectories.length === 0) throw new UserError('expected at least one demonstration', 'demonstrations');
  const counts = Array.from({ length: m.horizon }, () => new Float64Array(m.S * m.A));
  trajectories.forEach((tr, i) => {
    if (tr.actions.length !== m.horizon)
      throw new UserError(`expected ${m.horizon} actions, got ${tr.actions.length}`, `demonstrations[${i}]`);
    tr.actions.forEach((a, t) => {
      counts[t][tr.states[t] * m.A + a]++;
    });
  });
  return { counts, total: trajectories.length };
}

/** The demonstrations of infinitely many trajectories of `policy`: expected counts per trajectory. */
export function expectedDemonstrations(m: TabularMdp, policy: StepPolicy): Demonstrations {
  const D = stateVisitation(m, policy);
  const counts = D.map((d, t) => {
    const c = new Float64Array(m.S * m.A);
    for (let s = 0; s < m.S; s++)
      for (let a = 0; a < m.A; a++) c[s * m.A + a] = d[s] * policy[t][s * m.A + a];
    return c;
  });
  return { counts, total: 1 };
}

/** Features φ(s, a) ∈ ℝ^K, row-major: phi[(s·A + a)·K + k]. */
export interface Features {
  readonly K: number;
  readonly phi: Float64Array;
}

/** One indicator feature per state: r(s, a) = θ_s. */
export function stateIndicators(S: number, A: number): Features {
  const phi = new Float64Array(S * A * S);
  for (let s = 0; s < S; s++) for (let a = 0; a < A; a++) phi[(s * A + a) * S + s] = 1;
  return { K: S, phi };
}

/** One indicator feature per state and action: r(s, a) = θ_(s, a), any reward table. */
export function stateActionIndicators(S: number, A: number): Features {
  const K = S * A;
  const phi = new Float64Array(K * K);
  for (let k = 0; k < K; k++) phi[k * K + k] = 1;
  return { K, phi };
}

export function rewardOf(f: Features, theta: ArrayLike<number>): Float64Array {
  const n = f.phi.length / f.K;
  const r = new Float64Array(n);
  for (let k = 0; k < n; k++) for (let j = 0; j < f.K; j++) r[k] += f.phi[k * f.K + j] * theta[j];
  return r;
}

/** Σ_t Σ_{s,a} w_t(s, a) · φ(s, a) / total. */
function featureCounts(f: Features, weights: readonly Float64Array[], total: number): Float64Array {
  const out = new Float64Array(f.K);
  for (const w of weights)
    for (let k = 0; k < w.length; k++)
      if (w[k] !== 0) for (let j = 0; j < f.K; j++) out[j] += w[k] * f.phi[k * f.K + j];
  for (let j = 0; j < f.K; j++) out[j] /= total;
  return out;
}

export interface MaxEntOptions {
  /** Most gradient steps (default 20000). */
  readonly iterations?: number;
  /** Step size (default 1 / horizon). */
  readonly rate?: number;
  /** Stop when the largest feature-expectation gap is below this (default 1e-9). */
  readonly tolerance?: number;
  /** L1 penalty λ on θ (default 0). */
  readonly l1?: number;
}

export interface MaxEntFit {
  readonly theta: Float64Array;
  readonly reward: Float64Array;
  /** The soft-optimal (β = 1) policy of the fitted reward. */
  readonly policy: StepPolicy;
  /** Mean log-likelihood per demonstration. */
  readonly logLikelihood: number;
  readonly iterations: number;
  /** The largest |f̃ − E_θ[f]| at the end. */
  readonly gap: number;
}

export function maxEntIrl(
  m: TabularMdp,
  f: Features,
  demos: Demonstrations,
  opts: MaxEntOptions = {},
): MaxEntFit {
  const iterations = opts.iterations ?? 20000;
  const rate = opts.rate ?? 1 / m.horizon;
  const tol = opts.tolerance ?? 1e-9;
  const l1 = opts.l1 ?? 0;
  if (!(l1 >= 0)) throw new UserError(`expected an L1 penalty ≥ 0, got ${l1}`, 'l1');
  const target = featureCounts(f, demos.counts, demos.total);
  const theta = new Float64Array(f.K);
  let plan = softPlan(m, rewardOf(f, theta), 1);
  let gap = Infinity;
  let it = 0;
  for (; it < iterations; it++) {
    const model = expectedDemonstrations(m, plan.policy);
    const expected = featureCounts(f, model.counts, 1);
    gap = 0;
    for (let j = 0; j < f.K; j++) {
      const g = target[j] - expected[j];
      // The optimality condition with an L1 penalty: |g| ≤ λ where θ = 0, g = λ·sign(θ) elsewhere.
      const slack = theta[j] === 0 ? Math.max(0, Math.abs(g) - l1) : Math.abs(g - l1 * Math.sign(theta[j]));
      gap = Math.max(gap, slack);
      const x = theta[j] + rate * g;
      theta[j] = Math.sign(x) * Math.max(0, Math.abs(x) - rate * l1);
    }
    if (gap < tol) break;
    plan = softPlan(m, rewardOf(f, theta), 1);
  }
  const reward = rewardOf(f, theta);
  plan = softPlan(m, reward, 1);
  return {
    theta,
    reward,
    policy: plan.policy,
    logLikelihood: logLikelihood(plan.policy, demos.counts, demos.total),
    iterations: it,
    gap,
  };
}
