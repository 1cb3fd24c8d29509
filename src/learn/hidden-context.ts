/**
 * Comparison data from a principal with hidden context: H is made of parts with utilities over
 * the items and influence weights (a `UtilityProblem`, actions = items). Each comparison is
 * answered by one part — the hidden context — drawn with probability proportional to its weight,
 * who picks i over j with probability σ(β(u_i − u_j)) (Boltzmann rationality), or, when β = ∞,
 * deterministically by its utility with ties broken 50/50. The learner sees only who won.
 *
 * Siththaranjan, Laidlaw & Hadfield-Menell (2023, "Distributional Preference Learning", arXiv
 * 2312.08358, Theorem 3.1): Bradley–Terry preference learning on such data, with pairs drawn
 * uniformly, aggregates the hidden context by Borda count — û(a) > û(b) exactly when BC(a) >
 * BC(b), where BC(a) = Σ_b p(a beats b) is the expected number (here: fraction) of comparisons a
 * wins. `bordaScores` computes that from exact probabilities, `populationBorda` computes the
 * weighted Borda count of the parts' rankings directly (equal for deterministic annotators),
 * and `utilitarianScores` the weighted mean utility that Borda can disagree with.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import type { UtilityProblem } from '../core/utility.js';
import { pairSampler } from './bradley-terry.js';
import { type ComparisonRecord, type Comparisons, comparisons, type PairProbabilities } from './data.js';
import { sigmoid } from './numeric.js';

export interface AnnotatorOptions {
  /** Rationality of every part; Infinity (default) = deterministic with ties 50/50. */
  readonly beta?: number;
  /** K*K symmetric weights of the pairs asked about; default uniform over pairs of distinct items. */
  readonly pairWeight?: ArrayLike<number>;
  readonly names?: readonly string[];
}

/** Checks a population and returns its normalized weights. */
function checkPopulation(pop: UtilityProblem, where = 'population'): Float64Array {
  const { parts, actions, u, weights } = pop;
  if (!Number.isInteger(parts) || parts < 1)
    throw new UserError(`expected at least one part, got ${parts}`, `${where}.parts`);
  if (!Number.isInteger(actions) || actions < 1)
    throw new UserError(`expected at least one item, got ${actions}`, `${where}.actions`);
  if (u.length !== parts * actions)
    throw new UserError(
      `expected ${parts * actions} utilities (parts × items), got ${u.length}`,
      `${where}.u`,
    );
  if (weights.length !== parts)
    throw new UserError(`expected ${parts} weights, got ${weights.length}`, `${where}.weights`);
  let total = 0;
  for (let k = 0; k < parts; k++) {
    if (!(weights[k] >= 0) || !Number.isFinite(weights[k]))
      throw new UserError(`expected a non-negative weight, got ${weights[k]}`, `${where}.weights[${k}]`);
    total += weights[k];
  }
  if (!(total > 0)) throw new UserError('expected some part to have positive weight', `${where}.weights`);
  for (let q = 0; q < u.length; q++)
    if (!Number.isFinite(u[q]))
      throw new UserError(`expected finite utilities, got ${u[q]}`, `${where}.u[${Math.floor(q / actions)}]`);
  return Float64Array.from(weights, (w) => w / total);
}

/** The probability that a part with utilities u (row `k` of the population) picks i over j. */
function partPrefers(pop: UtilityProblem, k: number, i: number, j: number, beta: number): number {
  const a = pop.actions;
  const d = pop.u[k * a + i] - pop.u[k * a + j];
  if (Number.isNaN(beta)) throw new RangeError('beta must be a number');
  if (!Number.isFinite(beta)) {
    const sd = beta > 0 ? d : -d;
    return sd > 0 ? 1 : sd < 0 ? 0 : 0.5;
  }
  return sigmoid(beta * d);
}

/** The exact comparison probabilities of the population (the infinite-data limit). */
export function comparisonProbabilities(pop: UtilityProblem, opts: AnnotatorOptions = {}): PairProbabilities {
  const w = checkPopulation(pop);
  const beta = opts.beta ?? Number.POSITIVE_INFINITY;
  const k = pop.actions;
  const p = new Float64Array(k * k);
  const weight = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    p[i * k + i] = 0.5;
    for (let j = i + 1; j < k; j++) {
      let pij = 0;
      for (let t = 0; t < pop.parts; t++) if (w[t] > 0) pij += w[t] * partPrefers(pop, t, i, j, beta);
      pij = Math.min(1, Math.max(0, pij));
      p[i * k + j] = pij;
      p[j * k + i] = 1 - pij;
      const pw = opts.pairWeight ? opts.pairWeight[i * k + j] : 1;
      if (opts.pairWeight && pw !== opts.pairWeight[j * k + i])
        throw new UserError(`expected symmetric pair weights, [${i}][${j}] ≠ [${j}][${i}]`, 'pairWeight');
      weight[i * k + j] = weight[j * k + i] = pw;
    }
  }
  return { kind: 'probabilities', items: k, ...(opts.names ? { names: opts.names } : {}), p, weight };
}

/**
 * Samples n comparisons. Annotators each answer `perAnnotator` comparisons (default 1) and each
 * is one part, drawn by weight; the records carry annotator ids, and `annotatorPart` (the hidden
 * context) says which part each annotator was.
 */
export function sampleComparisons(
  rng: Random,
  pop: UtilityProblem,
  n: number,
  opts: AnnotatorOptions & { perAnnotator?: number } = {},
): { data: Comparisons; annotatorPart: Int32Array } {
  const w = checkPopulation(pop);
  const beta = opts.beta ?? Number.POSITIVE_INFINITY;
  const per = opts.perAnnotator ?? 1;
  if (!Number.isInteger(per) || per < 1)
    throw new RangeError(`perAnnotator must be a whole number ≥ 1, got ${per}`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  const pair = pairSampler(pop.actions, opts.pairWeight);
  const annotators = Math.ceil(n / per);
  const annotatorPart = new Int32Array(annotators);
  const recs: ComparisonRecord[] = [];
  for (let a = 0; a < annotators; a++) {
    const part = rng.weighted(w);
    annotatorPart[a] = part;
    for (let c = 0; c < per && recs.length < n; c++) {
      const [i, j] = pair(rng);
      const pij = partPrefers(pop, part, i, j, beta);
      const iWins = pij === 1 ? true : pij === 0 ? false : rng.float() < pij;
      recs.push({ winner: iWins ? i : j, loser: iWins ? j : i, annotator: a });
    }
  }
  const data = comparisons(pop.actions, recs, opts.names ? { names: opts.names } : {});
  return { data, annotatorPart };
}

/**
 * Borda scores from exact probabilities: the expected fraction of its comparisons each item
 * wins, Σ_j weight_ij·P(i beats j) / Σ_j weight_ij (0.5 for an item never compared). With
 * uniform pair weights this is the normalized Borda count BC(i)/(K−1).
 */
export function bordaScores(data: PairProbabilities): Float64Array {
  const k = data.items;
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let won = 0;
    let n = 0;
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      won += data.weight[i * k + j] * data.p[i * k + j];
      n += data.weight[i * k + j];
    }
    out[i] = n > 0 ? won / n : 0.5;
  }
  return out;
}

/**
 * The weighted Borda count of the parts' own rankings, normalized to [0, 1]: each part gives an
 * item one point per item it ranks strictly lower and half a point per item tied with it,
 * divided by K−1; parts count by weight. Equals `bordaScores` of the deterministic annotators'
 * exact probabilities with uniform pairs.
 */
export function populationBorda(pop: UtilityProblem): Float64Array {
  const w = checkPopulation(pop);
  const k = pop.actions;
  const out = new Float64Array(k);
  if (k === 1) return out.fill(0.5);
  for (let t = 0; t < pop.parts; t++) {
    const row = pop.u.subarray(t * k, (t + 1) * k);
    for (let i = 0; i < k; i++) {
      let pts = 0;
      for (let j = 0; j < k; j++) if (j !== i) pts += row[i] > row[j] ? 1 : row[i] === row[j] ? 0.5 : 0;
      out[i] += (w[t] * pts) / (k - 1);
    }
  }
  return out;
}

/** The utilitarian aggregate: each item's weighted mean utility over the parts. */
export function utilitarianScores(pop: UtilityProblem): Float64Array {
  const w = checkPopulation(pop);
  const k = pop.actions;
  const out = new Float64Array(k);
  for (let t = 0; t < pop.parts; t++) for (let i = 0; i < k; i++) out[i] += w[t] * pop.u[t * k + i];
  return out;
}

/** A population from nested utilities (one row per part) and weights (default equal). */
export function population(
  utilities: readonly (readonly number[])[],
  weights?: readonly number[],
): UtilityProblem {
  const parts = utilities.length;
  if (parts === 0) throw new UserError('expected at least one part', 'population');
  const actions = utilities[0].length;
  const u = new Float64Array(parts * actions);
  utilities.forEach((row, t) => {
    if (row.length !== actions)
      throw new UserError(`expected ${actions} utilities, got ${row.length}`, `population.utilities[${t}]`);
    u.set(row, t * actions);
  });
  const pop = { parts, actions, u, weights: Float64Array.from(weights ?? utilities.map(() => 1)) };
  checkPopulation(pop);
  return pop;
}
