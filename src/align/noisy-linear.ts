/**
 * B(H) and H's approval exactly, for the noise model that allows it: H's Σ linear in the parts'
 * utilities (weighted utilitarian) and H seeing each utility with independent Gaussian noise of
 * σ × that part's range (context.ts). Then action a's aggregate score is itself Gaussian,
 * S_a ~ N(μ_a, s²) with μ_a = Σ_i w_i u_i(a) and one variance for every action,
 * s² = σ² Σ_i w_i² r_i², independently across actions. So
 *
 *   P(Σ picks a) = ∫ φ(z) Π_{b≠a} Φ(z + (μ_a − μ_b)/s) dz          (one integral, numerically)
 *   approval(a)  = Σ_{b≠a} P(S_a > S_b) / (A − 1)
 *                = Σ_{b≠a} Φ((μ_a − μ_b) / (s√2)) / (A − 1)          (closed form)
 *
 * the approval being Σ's ranking position (1 at the top, 0 at the bottom; ties have probability 0).
 * The sampled estimate these replace converges to them (tested).
 */
import { normalCdf, normalPdf } from '../core/gaussian.js';
import type { UtilityProblem } from '../core/utility.js';

/** Σ rules whose noisy choice this module computes exactly (canonical names). */
export const LINEAR_RULES: ReadonlySet<string> = new Set(['weighted-utilitarian']);

/**
 * Composite Simpson's rule over z ∈ [−Z, Z] with STEPS intervals: the integrand varies on the
 * scale of φ and Φ (1), so h = 0.0125 leaves errors far below 1e-9 (tested against a finer grid);
 * beyond |z| = 9, φ < 1e-17.
 */
const Z = 9;
const STEPS = 1440;

/**
 * The exact B(H) lottery and approval of a weighted-utilitarian H under Gaussian noise σ with
 * per-part ranges `range`; undefined when the noise reaches no part with weight (s = 0: H is
 * then noiseless).
 */
export function linearNoiseBehaviour(
  own: UtilityProblem,
  noise: number,
  range: ArrayLike<number>,
): { lottery: Float64Array; approval: Float64Array } | undefined {
  const { parts: n, actions: A, u, weights } = own;
  const mu = new Float64Array(A);
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w === 0) continue;
    for (let a = 0; a < A; a++) mu[a] += w * u[i * A + a];
    variance += (w * range[i]) ** 2;
  }
  const s = noise * Math.sqrt(variance);
  if (!(s > 0)) return undefined;

  const approval = new Float64Array(A);
  if (A === 1) approval[0] = 1;
  else
    for (let a = 0; a < A; a++) {
      let t = 0;
      for (let b = 0; b < A; b++) if (b !== a) t += normalCdf((mu[a] - mu[b]) / (s * Math.SQRT2));
      approval[a] = t / (A - 1);
    }

  const lottery = new Float64Array(A);
  const h = (2 * Z) / STEPS;
  const d = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    for (let b = 0; b < A; b++) d[b] = (mu[a] - mu[b]) / s;
    let sum = 0;
    for (let k = 0; k <= STEPS; k++) {
      const z = -Z + k * h;
      let f = normalPdf(z);
      for (let b = 0; b < A && f > 0; b++) if (b !== a) f *= normalCdf(z + d[b]);
      sum += (k === 0 || k === STEPS ? 1 : k % 2 === 1 ? 4 : 2) * f;
    }
    lottery[a] = (sum * h) / 3;
  }
  // The probabilities sum to 1 up to the quadrature's error; make it exact.
  let total = 0;
  for (let a = 0; a < A; a++) total += lottery[a];
  for (let a = 0; a < A; a++) lottery[a] /= total;
  return { lottery, approval };
}
