/**
 * The baseline NRL improves on: fixed-weight aggregation under one shared world model (the truth, a
 * mixture of the parts' beliefs, or one part's), which can be Pareto-dominated when beliefs differ.
 */
import { evaluatePolicy, markovToHistory } from './policies.js';
import {
  type HistoryPolicy,
  type NrlProblem,
  beliefsOf,
  checkModel,
  priorOf,
  shapeOf,
  validateNrlProblem,
} from './problem.js';
import { normalizedPrior } from './weights.js';

export interface NaiveOptions {
  /**
   * The single world model everyone is evaluated under when choosing: 'truth', 'mixture' (the
   * prior-weighted average of the parts' beliefs, row by row), or an S×A×S model. Default 'mixture'.
   */
  readonly model?: 'truth' | 'mixture' | Float64Array;
  /** Fixed weights (default the parts' prior weights), normalized. */
  readonly weights?: ArrayLike<number>;
  readonly maxNodes?: number;
  readonly tieTolerance?: number;
}

export interface NaiveSolution {
  /** The shared model the aggregation planned with. */
  readonly model: Float64Array;
  readonly weights: Float64Array;
  /** The optimal Markov rule for Σ_i w_i r_i under the shared model: markov[t*S + s]. */
  readonly markov: Int32Array;
  /** The same rule as a history policy (for comparison and Pareto checks). */
  readonly policy: HistoryPolicy;
  /** Σ_i w_i E_model[U_i]: what the aggregation maximized. */
  readonly objective: number;
  /** Each part's expected utility under its own beliefs and under the truth. */
  readonly own: Float64Array;
  readonly truth: Float64Array;
}

/** The prior-weighted average of the parts' beliefs (a single Markov world model). */
export function mixtureModel(p: NrlProblem, weights?: ArrayLike<number>): Float64Array {
  const beliefs = beliefsOf(p);
  const w = normalizedPrior(weights ?? priorOf(p), beliefs.length);
  const out = new Float64Array(p.env.truth.length);
  for (let i = 0; i < beliefs.length; i++)
    for (let k = 0; k < out.length; k++) out[k] += w[i] * beliefs[i][k];
  return out;
}

/**
 * Harsanyi-style fixed-weight aggregation under one shared world model: the policy maximizing
 * E_model[Σ_t Σ_i w_i r_i(s_t, a_t)] by backward induction (Markov, ties to the lowest action).
 * With different beliefs this can be Pareto-dominated for the parts' own-belief utilities — the
 * point of Critch's theorem — which `findDominating` exhibits on small trees.
 */
export function naiveAggregation(p: NrlProblem, opts: NaiveOptions = {}): NaiveSolution {
  validateNrlProblem(p);
  const { S, A } = shapeOf(p.env);
  const H = p.env.horizon;
  const n = p.parts.length;
  const weights = normalizedPrior(opts.weights ?? priorOf(p), n);
  const spec = opts.model ?? 'mixture';
  const model = spec === 'truth' ? p.env.truth : spec === 'mixture' ? mixtureModel(p, weights) : spec;
  checkModel(model, S, A, 'model');
  const tol = opts.tieTolerance ?? 1e-12;
  const r = new Float64Array(S * A);
  for (let i = 0; i < n; i++) for (let k = 0; k < S * A; k++) r[k] += weights[i] * p.parts[i].reward[k];
  const markov = new Int32Array(H * S);
  let V = new Float64Array(S);
  for (let t = H - 1; t >= 0; t--) {
    const next = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      let best = -1;
      let bestQ = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        let qv = r[s * A + a];
        const row = (s * A + a) * S;
        for (let s2 = 0; s2 < S; s2++) qv += model[row + s2] * V[s2];
        if (best < 0 || qv > bestQ + tol * (1 + Math.abs(bestQ))) {
          best = a;
          bestQ = qv;
        }
      }
      markov[t * S + s] = best;
      next[s] = bestQ;
    }
    V = next;
  }
  let objective = 0;
  for (let s = 0; s < S; s++) objective += p.env.start[s] * V[s];
  const policy = markovToHistory(markov, S, A, H, opts.maxNodes);
  const values = evaluatePolicy(p, policy);
  return { model, weights, markov, policy, objective, own: values.own, truth: values.truth };
}
