/**
 * Bradley–Terry: P(i beats j) = σ(s_i − s_j) = γ_i / (γ_i + γ_j) with γ = e^s (Bradley & Terry
 * 1952; Zermelo 1929). Fitted by maximum likelihood from a win matrix — sampled comparisons, or
 * exact comparison probabilities with pair weights, whose fit maximizes the expected
 * log-likelihood Σ_{i≠j} weight_ij · P_ij · log σ(s_i − s_j).
 *
 * Identification: scores sum to 0. Existence: without a prior the maximum exists exactly when
 * the "beats" graph is strongly connected (see `separation`); otherwise `fitBradleyTerry` throws
 * a UserError naming the items that never lose, and a prior λ > 0 (the L2 penalty (λ/2)|s|²)
 * restores a unique, finite fit. The convergence criterion and the two methods (Newton, the MM
 * algorithm of Hunter 2004) are described in engine.ts.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import {
  type ComparisonData,
  type Comparisons,
  comparisons,
  itemName,
  separation,
  winMatrix,
} from './data.js';
import { type Evaluator, type FitOptions, maximizeScores, type ScoreFit } from './engine.js';
import { logSigmoid, sigmoid } from './numeric.js';

/** The pairwise likelihood of a win matrix, as the shared maximizer reads it. */
export function pairwiseEvaluator(k: number, w: Float64Array): Evaluator {
  const wins = new Float64Array(k);
  const exposure = new Float64Array(k);
  // Pairs with any data, as parallel lists: i < j, n_ij, w_ij, w_ji.
  const pi: number[] = [];
  const pj: number[] = [];
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      const n = w[i * k + j] + w[j * k + i];
      if (n > 0) {
        pi.push(i);
        pj.push(j);
      }
    }
  const m = pi.length;
  const a = Int32Array.from(pi);
  const b = Int32Array.from(pj);
  const wab = new Float64Array(m);
  const wba = new Float64Array(m);
  for (let q = 0; q < m; q++) {
    wab[q] = w[a[q] * k + b[q]];
    wba[q] = w[b[q] * k + a[q]];
    wins[a[q]] += wab[q];
    wins[b[q]] += wba[q];
    exposure[a[q]] += wab[q] + wba[q];
    exposure[b[q]] += wab[q] + wba[q];
  }
  return {
    k,
    wins,
    exposure,
    evaluate(s, expected, info) {
      let ll = 0;
      for (let q = 0; q < m; q++) {
        const i = a[q];
        const j = b[q];
        const d = s[i] - s[j];
        const n = wab[q] + wba[q];
        if (wab[q] > 0) ll += wab[q] * logSigmoid(d);
        if (wba[q] > 0) ll += wba[q] * logSigmoid(-d);
        const p = sigmoid(d);
        expected[i] += n * p;
        expected[j] += n * (1 - p);
        if (info) {
          const v = n * p * (1 - p);
          info[i * k + i] += v;
          info[j * k + j] += v;
          info[i * k + j] -= v;
          info[j * k + i] -= v;
        }
      }
      return ll;
    },
  };
}

/** Throws the UserError that explains why maximum-likelihood scores do not exist, if they do not. */
export function requireScoresExist(
  data: { readonly items: number; readonly names?: readonly string[] },
  beats: ArrayLike<number>,
  where: string,
): void {
  const sep = separation(data.items, beats);
  if (!sep) return;
  const list = (xs: number[]) => {
    const shown = xs.slice(0, 8).map((i) => itemName(data, i));
    return xs.length > 8 ? `${shown.join(', ')}, … (${xs.length} items)` : shown.join(', ');
  };
  throw new UserError(
    `maximum-likelihood scores do not exist: ${list(sep.winners)} never lost to ${list(sep.losers)}, so their ` +
      'scores grow without bound; give a prior > 0 (an L2 penalty) or more comparisons',
    where,
  );
}

/**
 * Fits Bradley–Terry scores to comparisons or exact probabilities. Without a prior the data must
 * be strongly connected (else a UserError says which items never lose).
 */
export function fitBradleyTerry(data: ComparisonData, opts: FitOptions = {}): ScoreFit {
  const w = winMatrix(data);
  if (!(opts.prior && opts.prior > 0)) requireScoresExist(data, w, data.kind);
  return maximizeScores(pairwiseEvaluator(data.items, w), opts);
}

/** The Bradley–Terry log-likelihood of scores on the data (expected log-likelihood for probabilities). */
export function bradleyTerryLogLik(data: ComparisonData, scores: ArrayLike<number>): number {
  const k = data.items;
  const w = winMatrix(data);
  let ll = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++)
      if (i !== j && w[i * k + j] > 0) ll += w[i * k + j] * logSigmoid(scores[i] - scores[j]);
  return ll;
}

/** K*K predicted probabilities σ(s_i − s_j) (diagonal 0.5). */
export function bradleyTerryProbabilities(scores: ArrayLike<number>): Float64Array {
  const k = scores.length;
  const p = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) p[i * k + j] = sigmoid(scores[i] - scores[j]);
  return p;
}

/**
 * A sampler of unordered pairs of distinct items: uniform over the K(K−1)/2 pairs, or with
 * probability proportional to `pairWeight[i*K + j]` (read for i < j) when given. Each draw
 * returns [i, j] with i < j.
 */
export function pairSampler(k: number, pairWeight?: ArrayLike<number>): (rng: Random) => [number, number] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`pairSampler: need at least 2 items, got ${k}`);
  if (!pairWeight)
    return (rng) => {
      const i = rng.int(k);
      let j = rng.int(k - 1);
      if (j >= i) j++;
      return i < j ? [i, j] : [j, i];
    };
  const m = (k * (k - 1)) / 2;
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const cum = new Float64Array(m);
  let q = 0;
  let total = 0;
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++, q++) {
      const wij = pairWeight[i * k + j];
      if (!(wij >= 0) || !Number.isFinite(wij))
        throw new RangeError(`pairWeight[${i}][${j}] must be ≥ 0, got ${wij}`);
      a[q] = i;
      b[q] = j;
      total += wij;
      cum[q] = total;
    }
  if (!(total > 0)) throw new RangeError('pairSampler: all pair weights are zero');
  return (rng) => {
    const x = rng.float() * total;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return [a[lo], b[lo]];
  };
}

/**
 * Samples n comparisons from a Bradley–Terry model with the given scores: each comparison is a
 * uniformly random pair (or one drawn by `pairWeight`), won by i with probability σ(s_i − s_j).
 * Returns one record per comparison, count 1, in draw order.
 */
export function sampleBradleyTerry(
  rng: Random,
  scores: ArrayLike<number>,
  n: number,
  opts: { pairWeight?: ArrayLike<number>; names?: readonly string[] } = {},
): Comparisons {
  const k = scores.length;
  const pair = pairSampler(k, opts.pairWeight);
  const recs: { winner: number; loser: number }[] = [];
  for (let r = 0; r < n; r++) {
    const [i, j] = pair(rng);
    if (rng.float() < sigmoid(scores[i] - scores[j])) recs.push({ winner: i, loser: j });
    else recs.push({ winner: j, loser: i });
  }
  return comparisons(k, recs, opts.names ? { names: opts.names } : {});
}
