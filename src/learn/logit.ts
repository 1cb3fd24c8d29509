/**
 * Logit (Boltzmann-rational) choice: from a choice set S an agent with utilities u picks i with
 * probability exp(β·u_i) / Σ_{j∈S} exp(β·u_j) (Luce 1959; McFadden's multinomial logit). β is the
 * rationality (inverse temperature): β = 0 picks uniformly, β → ∞ maximizes u (ties uniform),
 * β < 0 is anti-rational. A Plackett–Luce ranking is the sequence of such choices (best from all,
 * next best from the rest, …), so rankings fit through `rankingsAsChoices`.
 *
 * Two directions:
 * - generating choices from known utilities and β (`choiceProbabilities`, `sampleChoices`), and
 *   fitting β when the utilities are known (`fitRationality`);
 * - fitting item scores s = β·u (identified up to a constant: Σ s_i = 0) from choices
 *   (`fitLogit`, Newton or Hunter's MM, as in engine.ts). Pairwise choice sets give back
 *   Bradley–Terry exactly.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { requireScoresExist } from './bradley-terry.js';
import { type ChoiceRecord, type Choices, choiceBeats, choices } from './data.js';
import { type Evaluator, type FitOptions, maximizeScores, type ScoreFit } from './engine.js';
import { logSumExp, rootDecreasing } from './numeric.js';

/** The multinomial-logit likelihood of choice data, as the shared maximizer reads it. */
export function choiceEvaluator(data: Choices): Evaluator {
  const k = data.items;
  const wins = new Float64Array(k);
  const exposure = new Float64Array(k);
  const { offsets, members, chosen, count } = data;
  const n = chosen.length;
  for (let r = 0; r < n; r++) {
    if (offsets[r + 1] - offsets[r] < 2) continue;
    wins[chosen[r]] += count[r];
    for (let q = offsets[r]; q < offsets[r + 1]; q++) exposure[members[q]] += count[r];
  }
  let maxSet = 0;
  for (let r = 0; r < n; r++) maxSet = Math.max(maxSet, offsets[r + 1] - offsets[r]);
  const p = new Float64Array(maxSet);
  return {
    k,
    wins,
    exposure,
    evaluate(s, expected, info) {
      let ll = 0;
      for (let r = 0; r < n; r++) {
        const from = offsets[r];
        const to = offsets[r + 1];
        const m = count[r];
        if (to - from < 2 || !(m > 0)) continue;
        const lse = logSumExp(s, members, from, to);
        ll += m * (s[chosen[r]] - lse);
        for (let q = from; q < to; q++) {
          const pq = Math.exp(s[members[q]] - lse);
          p[q - from] = pq;
          expected[members[q]] += m * pq;
        }
        if (info)
          for (let q = from; q < to; q++) {
            const i = members[q];
            const pi = p[q - from];
            info[i * k + i] += m * pi;
            for (let q2 = from; q2 < to; q2++) info[i * k + members[q2]] -= m * pi * p[q2 - from];
          }
      }
      return ll;
    },
  };
}

/**
 * Fits multinomial-logit scores to choice data (scores sum to 0; they estimate β·u). Without a
 * prior the "chosen over" graph must be strongly connected, else a UserError names the items
 * that are never passed over.
 */
export function fitLogit(data: Choices, opts: FitOptions = {}): ScoreFit {
  if (!(opts.prior && opts.prior > 0)) requireScoresExist(data, choiceBeats(data), 'choices');
  return maximizeScores(choiceEvaluator(data), opts);
}

/** The logit log-likelihood of scores on choice data. */
export function logitLogLik(data: Choices, scores: ArrayLike<number>): number {
  const s = Float64Array.from(scores);
  return choiceEvaluator(data).evaluate(s, new Float64Array(data.items));
}

/**
 * Choice probabilities over `set` (in its order) for utilities u and rationality β. β = ±∞ gives
 * the uniform distribution over the maximizers (minimizers) of u in the set.
 */
export function choiceProbabilities(
  u: ArrayLike<number>,
  set: readonly number[],
  beta: number,
): Float64Array {
  const m = set.length;
  const p = new Float64Array(m);
  if (m === 0) return p;
  if (Number.isNaN(beta)) throw new RangeError('beta must be a number');
  if (!Number.isFinite(beta)) {
    const sign = beta > 0 ? 1 : -1;
    let best = Number.NEGATIVE_INFINITY;
    for (const i of set) best = Math.max(best, sign * u[i]);
    let ties = 0;
    for (const i of set) if (sign * u[i] === best) ties++;
    for (let q = 0; q < m; q++) p[q] = sign * u[set[q]] === best ? 1 / ties : 0;
    return p;
  }
  const z = set.map((i) => beta * u[i]);
  const lse = logSumExp(z);
  for (let q = 0; q < m; q++) p[q] = Math.exp(z[q] - lse);
  return p;
}

/**
 * Samples choices by a Boltzmann-rational agent: `perSet` independent choices from each set, in
 * order. Returns one record per choice (count 1).
 */
export function sampleChoices(
  rng: Random,
  u: ArrayLike<number>,
  sets: readonly (readonly number[])[],
  beta: number,
  opts: { perSet?: number; names?: readonly string[] } = {},
): Choices {
  const per = opts.perSet ?? 1;
  const recs: ChoiceRecord[] = [];
  for (const set of sets) {
    const p = choiceProbabilities(u, set, beta);
    for (let t = 0; t < per; t++) recs.push({ set, chosen: set[rng.weighted(p)] });
  }
  return choices(u.length, recs, opts.names ? { names: opts.names } : {});
}

/**
 * Rankings (best first, each a list of distinct items; partial rankings allowed) as Plackett–Luce
 * choices: the top item chosen from all the ranking's items, the next from the rest, and so on.
 * With `topOf: 'all'` a partial ranking is read as a top-t list: each choice is from every item
 * not yet ranked, listed or not.
 */
export function rankingsAsChoices(
  items: number,
  rankings: readonly (readonly number[])[],
  opts: { counts?: readonly number[]; topOf?: 'listed' | 'all'; where?: string } = {},
): Choices {
  const where = opts.where ?? 'rankings';
  const recs: ChoiceRecord[] = [];
  rankings.forEach((rk, b) => {
    const at = `${where}[${b}]`;
    const pool = opts.topOf === 'all' ? Array.from({ length: items }, (_, i) => i) : [...rk];
    const count = opts.counts ? opts.counts[b] : 1;
    const left = new Set(pool);
    for (const x of rk) {
      if (!left.has(x))
        throw new UserError(`item ${JSON.stringify(x)} is repeated or not one of 0..${items - 1}`, at);
      if (left.size >= 2) recs.push({ set: [...left], chosen: x, count });
      left.delete(x);
    }
  });
  return choices(items, recs, { where });
}

/**
 * Maximum-likelihood rationality β for choices by an agent with known utilities u. The
 * log-likelihood is concave in β; its maximizer is +∞ when every choice maximizes u in its set
 * (−∞ when every choice minimizes it) and some set is not all ties. When every set is all ties
 * the data say nothing about β: the result is β = 0 with `identified` false.
 */
export function fitRationality(
  data: Choices,
  u: ArrayLike<number>,
): { beta: number; logLik: number; identified: boolean } {
  const { offsets, members, chosen, count } = data;
  const n = chosen.length;
  let anySpread = false;
  let allMax = true;
  let allMin = true;
  for (let r = 0; r < n; r++) {
    if (!(count[r] > 0)) continue;
    let hi = Number.NEGATIVE_INFINITY;
    let lo = Number.POSITIVE_INFINITY;
    for (let q = offsets[r]; q < offsets[r + 1]; q++) {
      hi = Math.max(hi, u[members[q]]);
      lo = Math.min(lo, u[members[q]]);
    }
    if (hi > lo) anySpread = true;
    if (u[chosen[r]] < hi) allMax = false;
    if (u[chosen[r]] > lo) allMin = false;
  }
  const ll = (beta: number) => {
    let t = 0;
    for (let r = 0; r < n; r++) {
      if (!(count[r] > 0)) continue;
      const p = choiceProbabilities(u, Array.from(members.subarray(offsets[r], offsets[r + 1])), beta);
      const c = Array.prototype.indexOf.call(members.subarray(offsets[r], offsets[r + 1]), chosen[r]);
      t += count[r] * Math.log(p[c]);
    }
    return t;
  };
  if (!anySpread) return { beta: 0, logLik: ll(0), identified: false };
  if (allMax) return { beta: Number.POSITIVE_INFINITY, logLik: 0, identified: true };
  if (allMin) return { beta: Number.NEGATIVE_INFINITY, logLik: 0, identified: true };
  // dℓ/dβ = Σ m (u_c − E_p[u]), d²ℓ/dβ² = −Σ m Var_p[u]: decreasing in β.
  const beta = rootDecreasing((b) => {
    let d1 = 0;
    let d2 = 0;
    for (let r = 0; r < n; r++) {
      const m = count[r];
      if (!(m > 0)) continue;
      const from = offsets[r];
      const to = offsets[r + 1];
      let mx = Number.NEGATIVE_INFINITY;
      for (let q = from; q < to; q++) mx = Math.max(mx, b * u[members[q]]);
      let z = 0;
      let eu = 0;
      let eu2 = 0;
      for (let q = from; q < to; q++) {
        const x = u[members[q]];
        const w = Math.exp(b * x - mx);
        z += w;
        eu += w * x;
        eu2 += w * x * x;
      }
      eu /= z;
      eu2 /= z;
      d1 += m * (u[chosen[r]] - eu);
      d2 -= m * Math.max(0, eu2 - eu * eu);
    }
    return [d1, d2];
  }, 0);
  return { beta, logLik: ll(beta), identified: true };
}
