/**
 * Bradley–Terry as a voting rule: every ballot's pairwise comparisons (a over b whenever the
 * ballot ranks a strictly above b, weighted by its count) are the data, P(a beats b) =
 * σ(s_a − s_b), and the maximum-likelihood scores rank the candidates (Bradley & Terry 1952;
 * Zermelo 1929). This is what reward learning from pairwise human feedback fits; Ge et al.
 * (NeurIPS 2024) show it is not pairwise-majority consistent: on 3×(0≻1≻2), 2×(1≻2≻0) it ranks
 * 1 first although 0 beats every candidate by majority.
 *
 * The fit lives here rather than in learn/ (a sibling floor sigma may not import): Newton's
 * method on the concave log-likelihood, whose Hessian is a weighted graph Laplacian, solved with
 * the constant direction pinned (scores sum to 0). The maximum exists when the "beats" graph is
 * strongly connected; when it is not (some candidates never lose to the rest), a vanishing L2
 * prior (λ = 1e-6 per comparison, or the `prior` option) keeps the scores finite, and its order
 * is the order of the limit.
 *
 * Example: 3 voters 0≻1≻2 and 2 voters 1≻2≻0: scores ≈ 0.312, 0.617, −0.929; ranking
 * [[1], [0], [2]].
 */
import { UserError } from '../../../core/errors.js';
import { allCandidates, type Summary } from '../../profile.js';
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { checkCandidates, globalScores } from './local.js';

/** Past this many candidates the dense Newton steps (k³ each) take too long to be a voting rule. */
export const BRADLEY_TERRY_MAX = 200;

/** The prior per comparison used when maximum-likelihood scores do not exist. */
const VANISHING_PRIOR = 1e-6;

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const logSigmoid = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));

/** Whether every candidate reaches every other through "i beat j at least once". */
export function stronglyConnected(k: number, w: ArrayLike<number>): boolean {
  const reach = (forward: boolean) => {
    const seen = new Uint8Array(k);
    const stack = [0];
    seen[0] = 1;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      for (let j = 0; j < k; j++)
        if (!seen[j] && (forward ? w[i * k + j] : w[j * k + i]) > 0) {
          seen[j] = 1;
          stack.push(j);
        }
    }
    return seen.every((x) => x === 1);
  };
  return k <= 1 || (reach(true) && reach(false));
}

/**
 * Maximum-(penalized-)likelihood Bradley–Terry scores for a k×k win matrix (w[i*k+j]: times i beat
 * j), summing to 0, maximizing Σ w_ij log σ(s_i − s_j) − (λ/2)|s|².
 */
export function bradleyTerryScores(k: number, w: ArrayLike<number>, prior = 0): Float64Array {
  const s = new Float64Array(k);
  if (k <= 1) return s;
  const n = new Float64Array(k * k);
  let total = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      n[i * k + j] = w[i * k + j] + w[j * k + i];
      total += w[i * k + j];
    }
  const lambda = prior > 0 ? prior : stronglyConnected(k, w) ? 0 : VANISHING_PRIOR * Math.max(1, total);
  const loglik = (x: Float64Array) => {
    let ll = 0;
    for (let i = 0; i < k; i++) {
      ll -= (lambda / 2) * x[i] * x[i];
      for (let j = 0; j < k; j++) if (w[i * k + j] > 0) ll += w[i * k + j] * logSigmoid(x[i] - x[j]);
    }
    return ll;
  };
  const g = new Float64Array(k);
  const h = new Float64Array(k * k);
  const tol = 1e-10 * Math.max(1, total);
  for (let iter = 0; iter < 200; iter++) {
    g.fill(0);
    h.fill(0);
    let worst = 0;
    for (let i = 0; i < k; i++) {
      g[i] -= lambda * s[i];
      for (let j = 0; j < k; j++) {
        if (j === i || n[i * k + j] === 0) continue;
        const p = sigmoid(s[i] - s[j]);
        g[i] += w[i * k + j] - n[i * k + j] * p;
        const v = n[i * k + j] * p * (1 - p);
        h[i * k + i] += v;
        h[i * k + j] -= v;
      }
      h[i * k + i] += lambda;
      worst = Math.max(worst, Math.abs(g[i]));
    }
    if (worst <= tol) break;
    // Pin the constant direction (the likelihood ignores it): solve (H + 11ᵀ/k) d = g.
    for (let i = 0; i < k * k; i++) h[i] += 1 / k;
    const d = solve(h, g, k);
    let mean = 0;
    for (let i = 0; i < k; i++) mean += d[i] / k;
    // Damped step: halve until the (concave) objective does not decrease.
    const before = loglik(s);
    let t = 1;
    const next = new Float64Array(k);
    for (let tries = 0; tries < 40; tries++, t /= 2) {
      for (let i = 0; i < k; i++) next[i] = s[i] + t * (d[i] - mean);
      if (loglik(next) >= before - 1e-12 * Math.abs(before)) break;
    }
    s.set(next);
  }
  let mean = 0;
  for (let i = 0; i < k; i++) mean += s[i] / k;
  for (let i = 0; i < k; i++) s[i] -= mean;
  return s;
}

/** Solves A x = b (A k×k, symmetric positive definite here) by Gaussian elimination with pivoting. */
function solve(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r * k + c]) > Math.abs(m[p * k + c])) p = r;
    if (p !== c) {
      for (let j = 0; j < k; j++) [m[c * k + j], m[p * k + j]] = [m[p * k + j], m[c * k + j]];
      [x[c], x[p]] = [x[p], x[c]];
    }
    const piv = m[c * k + c];
    if (piv === 0) continue;
    for (let r = c + 1; r < k; r++) {
      const f = m[r * k + c] / piv;
      if (f === 0) continue;
      for (let j = c; j < k; j++) m[r * k + j] -= f * m[c * k + j];
      x[r] -= f * x[c];
    }
  }
  for (let c = k - 1; c >= 0; c--) {
    let t = x[c];
    for (let j = c + 1; j < k; j++) t -= m[c * k + j] * x[j];
    x[c] = m[c * k + c] === 0 ? 0 : t / m[c * k + c];
  }
  return x;
}

export const bradleyTerry: ProfileRule = {
  name: 'bradley-terry',
  aliases: ['bt', 'bradley-terry-mle'],
  title: 'Bradley–Terry',
  description:
    "Fits Bradley–Terry scores by maximum likelihood to the ballots' pairwise comparisons; the highest score wins and the scores rank everyone.",
  family: 'pairwise',
  input: 'rankings',
  output: 'ranking',
  ties: 'Scores within 1e-9 (relative) are tied; candidates a ballot ties give no comparison. Without a maximum-likelihood fit (the "beats" graph not strongly connected) a vanishing L2 prior (1e-6 per comparison) keeps the scores finite.',
  axioms: ['anonymity'],
  options: [
    {
      name: 'prior',
      type: 'number',
      default: 0,
      description: 'L2 penalty λ on the scores (a Gaussian N(0, 1/λ) prior); 0 = maximum likelihood',
    },
  ],
  maxCandidates: BRADLEY_TERRY_MAX,
  reference: 'Bradley & Terry (1952); Ge et al. (NeurIPS 2024), Axioms for AI alignment from human feedback',
  run(s: Summary, cands, opts) {
    const cs = cands ?? allCandidates(s.m);
    if (cands) checkCandidates(s.m, cands);
    const k = cs.length;
    if (k > BRADLEY_TERRY_MAX)
      throw new UserError(`bradley-terry fits at most ${BRADLEY_TERRY_MAX} candidates, got ${k}`, '--method');
    const prior = Number(opts?.prior ?? 0);
    if (!(prior >= 0 && Number.isFinite(prior)))
      throw new UserError(`expected a prior ≥ 0, got ${opts?.prior}`, '--method bradley-terry:prior');
    const sup = s.support();
    const w = new Float64Array(k * k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) if (i !== j) w[i * k + j] = sup[cs[i] * s.m + cs[j]];
    return scoredResult(cs, globalScores(s.m, cs, bradleyTerryScores(k, w, prior)));
  },
};
