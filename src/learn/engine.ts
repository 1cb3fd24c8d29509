/**
 * The maximizer shared by every score model here (Bradley–Terry, multinomial logit, their
 * feature-restricted variants, and the M-step of the mixture EM).
 *
 * A model is a concave log-likelihood ℓ(s) over item scores s ∈ R^K that depends on s only
 * through differences, with gradient ∂ℓ/∂s_i = W_i − E_i(s): observed wins minus expected wins.
 * The fit maximizes the objective ℓ(s) − (λ/2)·|s|² (λ = `prior`, a Gaussian N(0, 1/λ) prior on
 * each score; λ = 0 is plain maximum likelihood). With features, s = Φθ and the penalty is on θ.
 *
 * - Newton: solves (I(s) + λ·Id) δ = ∇ (I = the observed information, positive semidefinite with
 *   rows summing to 0; when λ = 0 a multiple of 11ᵀ is added, which fixes Σδ = 0 without changing
 *   the step), then backtracks (halving) until the Armijo condition holds, so the objective never
 *   decreases (except by rounding, once the predicted gain is below 1e-12 of the objective and
 *   only the gradient can still tell a better point). Quadratic convergence near the optimum.
 * - MM (Hunter 2004): the minorizer −log Σ_j e^{s_j} ≥ const − Σ_j e^{s_j}/Σ_j e^{s^k_j} makes
 *   the surrogate separable; its per-item maximizer is s_i ← s_i + log(W_i / E_i) when λ = 0,
 *   and the root of W_i − E_i·e^{x} − λ(s_i + x) = 0 (x = the change in s_i) when λ > 0. Every
 *   step increases the objective; convergence is linear.
 *
 * Convergence: max_i |∇_i| / max(1, n_i) ≤ tol, where n_i is how many comparisons (or choice
 * sets) item i appears in — a relative gradient, comparable across data sizes and across the two
 * methods. Identification: the scores are centred to sum to 0 after every step. The likelihood
 * depends only on differences, so centring never lowers the objective (with a prior it raises
 * it, and the penalized optimum has Σ s_i = 0 anyway).
 */
import { rootDecreasing, solveSpd } from './numeric.js';

export interface Evaluator {
  /** Number of items K. */
  readonly k: number;
  /** W_i: observed (weighted) wins or choices of each item. */
  readonly wins: Float64Array;
  /** n_i: total weight of the comparisons or choice sets each item appears in. */
  readonly exposure: Float64Array;
  /**
   * The log-likelihood at s. Fills `expected` (E_i, zeroed by the caller) and, when given,
   * `info` (K*K observed information −∇²ℓ, zeroed by the caller).
   */
  evaluate(s: Float64Array, expected: Float64Array, info?: Float64Array): number;
}

export interface FitOptions {
  /** 'newton' (default) or 'mm'. Feature-restricted fits are Newton only. */
  readonly method?: 'newton' | 'mm';
  /** λ ≥ 0: the L2 penalty (λ/2)|s|² (a Gaussian prior); default 0 (maximum likelihood). */
  readonly prior?: number;
  /** Relative-gradient tolerance; default 1e-10 for Newton, 1e-9 for MM. */
  readonly tol?: number;
  /** Iteration cap; default 200 for Newton, 100000 for MM. */
  readonly maxIterations?: number;
  /** Starting scores (or θ for feature fits); default all 0. */
  readonly init?: ArrayLike<number>;
  /** Record the objective after every iteration in `trace`. */
  readonly trace?: boolean;
}

export interface ScoreFit {
  /** One score per item; P(i beats j) = σ(s_i − s_j). Identification: Σ s_i = 0. */
  readonly scores: Float64Array;
  /** The log-likelihood at the scores (for exact probabilities, the expected log-likelihood). */
  readonly logLik: number;
  /** logLik − (λ/2)|s|² (or |θ|² with features): what the fit maximizes. */
  readonly objective: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly method: 'newton' | 'mm';
  readonly prior: number;
  /** The objective before the first step and after each iteration, when `trace` was asked for. */
  readonly trace?: number[];
}

/** Optional linear restriction s = Φθ, Φ row-major K×d. */
export interface Restriction {
  readonly phi: Float64Array;
  readonly d: number;
}

function checkPrior(prior: number): void {
  if (!(prior >= 0) || !Number.isFinite(prior))
    throw new RangeError(`prior must be a finite number ≥ 0, got ${prior}`);
}

function centre(s: Float64Array): void {
  let m = 0;
  for (let i = 0; i < s.length; i++) m += s[i];
  m /= s.length;
  for (let i = 0; i < s.length; i++) s[i] -= m;
}

function sq(x: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < x.length; i++) t += x[i] * x[i];
  return t;
}

/**
 * The line-search test: the Armijo condition (with no decrease at all), or — once the predicted
 * gain gᵀδ is at the rounding level of the objective, where objective values can no longer tell
 * steps apart — the full Newton step whenever it shrinks the gradient and the objective moves by
 * rounding only.
 */
function acceptStep(
  objT: number,
  obj: number,
  t: number,
  slope: number,
  fullStepShrinksGradient: boolean,
): boolean {
  if (objT >= obj + 1e-4 * t * slope && objT >= obj) return true;
  const noise = 1e-12 * (1 + Math.abs(obj));
  return fullStepShrinksGradient && slope <= noise && objT >= obj - noise;
}

/** What the damped Newton loop needs from a fit over unknowns x (scores, or θ with features). */
interface NewtonProblem {
  readonly lambda: number;
  /** The gradient of the objective at the point last evaluated. */
  readonly g: Float64Array;
  /** The log-likelihood at x; refreshes `g` (and, with `withInfo`, the information) there. */
  evalAt(x: Float64Array, withInfo: boolean): number;
  /** max over unknowns of |g| / its scale: the convergence measure. */
  relGrad(): number;
  /**
   * The Newton matrix at the point last evaluated with information: minus the objective's
   * Hessian, made positive definite. May be built in place of the information.
   */
  system(): Float64Array;
  /** Puts a trial point in canonical form (centring scores); may be a no-op. */
  normalize(x: Float64Array): void;
}

interface Climb {
  ll: number;
  obj: number;
  iterations: number;
  converged: boolean;
}

/**
 * Damped Newton from x (updated in place): solve the Newton system, then backtrack by halving
 * until `acceptStep` holds. Stops when the relative gradient is within tol, after maxIt
 * iterations, or when no step is accepted — then x is the numerical optimum, and counts as
 * converged when its relative gradient is within max(tol, 1e-6).
 */
function newton(p: NewtonProblem, x: Float64Array, tol: number, maxIt: number, trace?: number[]): Climb {
  const n = x.length;
  const { g, lambda } = p;
  let ll = p.evalAt(x, true);
  let obj = ll - (lambda / 2) * sq(x);
  trace?.push(obj);
  const trial = new Float64Array(n);
  let it = 0;
  for (; it < maxIt; it++) {
    if (p.relGrad() <= tol) return { ll, obj, iterations: it, converged: true };
    const delta = solveSpd(p.system(), g, n);
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i] * delta[i];
    const gSaved = Float64Array.from(g);
    const gradBefore = p.relGrad();
    let accepted = false;
    for (let h = 0, t = 1; h < 60; h++, t /= 2) {
      for (let i = 0; i < n; i++) trial[i] = x[i] + t * delta[i];
      p.normalize(trial);
      const llT = p.evalAt(trial, false);
      const objT = llT - (lambda / 2) * sq(trial);
      if (acceptStep(objT, obj, t, slope, h === 0 && p.relGrad() < gradBefore)) {
        x.set(trial);
        obj = objT;
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      // No ascent is left at machine precision: the iterate is the numerical optimum.
      g.set(gSaved);
      return { ll, obj, iterations: it, converged: p.relGrad() <= Math.max(tol, 1e-6) };
    }
    ll = p.evalAt(x, true);
    trace?.push(obj);
  }
  return { ll, obj, iterations: it, converged: p.relGrad() <= tol };
}

/** Maximizes ℓ(s) − (λ/2)|s|² over item scores. */
export function maximizeScores(ev: Evaluator, opts: FitOptions = {}): ScoreFit {
  const method = opts.method ?? 'newton';
  const lambda = opts.prior ?? 0;
  checkPrior(lambda);
  const tol = opts.tol ?? (method === 'newton' ? 1e-10 : 1e-9);
  const maxIt = opts.maxIterations ?? (method === 'newton' ? 200 : 100000);
  const k = ev.k;
  const s = new Float64Array(k);
  if (opts.init) {
    if (opts.init.length !== k) throw new RangeError(`init: expected ${k} scores, got ${opts.init.length}`);
    for (let i = 0; i < k; i++) s[i] = opts.init[i];
  }
  centre(s);
  const e = new Float64Array(k);
  const g = new Float64Array(k);
  const info = method === 'newton' ? new Float64Array(k * k) : undefined;
  const trace: number[] | undefined = opts.trace ? [] : undefined;
  const scale = new Float64Array(k);
  for (let i = 0; i < k; i++) scale[i] = Math.max(1, ev.exposure[i]);

  const evalAt = (x: Float64Array, withInfo: boolean) => {
    e.fill(0);
    if (withInfo && info) info.fill(0);
    const ll = ev.evaluate(x, e, withInfo ? info : undefined);
    for (let i = 0; i < k; i++) g[i] = ev.wins[i] - e[i] - lambda * x[i];
    return ll;
  };
  const relGrad = () => {
    let m = 0;
    for (let i = 0; i < k; i++) m = Math.max(m, Math.abs(g[i]) / scale[i]);
    return m;
  };
  const result = (c: Climb): ScoreFit => ({
    scores: s,
    logLik: c.ll,
    objective: c.obj,
    iterations: c.iterations,
    converged: c.converged,
    method,
    prior: lambda,
    ...(trace ? { trace } : {}),
  });

  if (method === 'newton') {
    const a = info!;
    const system = () => {
      let meanDiag = 0;
      for (let i = 0; i < k; i++) meanDiag += a[i * k + i];
      meanDiag = Math.max(meanDiag / k, 1e-300);
      for (let i = 0; i < k; i++) {
        a[i * k + i] += lambda;
        if (lambda === 0) for (let j = 0; j < k; j++) a[i * k + j] += meanDiag / k;
      }
      return a;
    };
    return result(newton({ lambda, g, evalAt, relGrad, system, normalize: centre }, s, tol, maxIt, trace));
  }

  let ll = evalAt(s, false);
  let obj = ll - (lambda / 2) * sq(s);
  trace?.push(obj);
  let it = 0;
  let converged = false;
  for (; it < maxIt; it++) {
    if (relGrad() <= tol) {
      converged = true;
      break;
    }
    for (let i = 0; i < k; i++) {
      const wi = ev.wins[i];
      const ei = e[i];
      if (lambda === 0) {
        if (ei > 0 && wi > 0) s[i] += Math.log(wi / ei);
      } else if (ei === 0) {
        s[i] = wi / lambda;
      } else {
        const si = s[i];
        const x = rootDecreasing((x) => {
          const ex = ei * Math.exp(x);
          return [wi - ex - lambda * (si + x), -ex - lambda];
        }, 0);
        s[i] = si + x;
      }
    }
    centre(s);
    ll = evalAt(s, false);
    obj = ll - (lambda / 2) * sq(s);
    trace?.push(obj);
  }
  if (!converged && relGrad() <= tol) converged = true;
  return result({ ll, obj, iterations: it, converged });
}

/** The result of a feature-restricted fit: scores s = Φθ (centred) and the weights θ. */
export interface FeatureFit extends ScoreFit {
  /** The d feature weights. Only Φθ up to a constant is identified; θ is the one Newton reached. */
  readonly theta: Float64Array;
}

/** Maximizes ℓ(Φθ) − (λ/2)|θ|² over θ by damped Newton. */
export function maximizeRestricted(ev: Evaluator, r: Restriction, opts: FitOptions = {}): FeatureFit {
  if (opts.method === 'mm') throw new RangeError('feature-restricted fits support only the newton method');
  const lambda = opts.prior ?? 0;
  checkPrior(lambda);
  const tol = opts.tol ?? 1e-10;
  const maxIt = opts.maxIterations ?? 200;
  const { k } = ev;
  const { phi, d } = r;
  const theta = new Float64Array(d);
  if (opts.init) {
    if (opts.init.length !== d) throw new RangeError(`init: expected ${d} weights, got ${opts.init.length}`);
    for (let c = 0; c < d; c++) theta[c] = opts.init[c];
  }
  const s = new Float64Array(k);
  const e = new Float64Array(k);
  const info = new Float64Array(k * k);
  const g = new Float64Array(d);
  const h = new Float64Array(d * d);
  const tmp = new Float64Array(k);
  const scale = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    let t = 0;
    for (let i = 0; i < k; i++) t += Math.abs(phi[i * d + c]) * ev.exposure[i];
    scale[c] = Math.max(1, t);
  }
  const toScores = (th: Float64Array) => {
    for (let i = 0; i < k; i++) {
      let v = 0;
      for (let c = 0; c < d; c++) v += phi[i * d + c] * th[c];
      s[i] = v;
    }
  };
  const evalAt = (th: Float64Array, withInfo: boolean) => {
    toScores(th);
    e.fill(0);
    if (withInfo) info.fill(0);
    const ll = ev.evaluate(s, e, withInfo ? info : undefined);
    for (let c = 0; c < d; c++) {
      let v = 0;
      for (let i = 0; i < k; i++) v += phi[i * d + c] * (ev.wins[i] - e[i]);
      g[c] = v - lambda * th[c];
    }
    return ll;
  };
  const relGrad = () => {
    let m = 0;
    for (let c = 0; c < d; c++) m = Math.max(m, Math.abs(g[c]) / scale[c]);
    return m;
  };
  // H = Φᵀ I Φ + λ Id.
  const system = () => {
    h.fill(0);
    for (let c = 0; c < d; c++) {
      for (let i = 0; i < k; i++) {
        let v = 0;
        for (let j = 0; j < k; j++) v += info[i * k + j] * phi[j * d + c];
        tmp[i] = v;
      }
      for (let c2 = 0; c2 < d; c2++) {
        let v = 0;
        for (let i = 0; i < k; i++) v += phi[i * d + c2] * tmp[i];
        h[c2 * d + c] = v;
      }
      h[c * d + c] += lambda;
    }
    return h;
  };
  const trace: number[] | undefined = opts.trace ? [] : undefined;
  const c = newton({ lambda, g, evalAt, relGrad, system, normalize: () => {} }, theta, tol, maxIt, trace);
  toScores(theta);
  const scores = Float64Array.from(s);
  centre(scores);
  return {
    scores,
    theta,
    logLik: c.ll,
    objective: c.obj,
    iterations: c.iterations,
    converged: c.converged,
    method: 'newton',
    prior: lambda,
    ...(trace ? { trace } : {}),
  };
}
