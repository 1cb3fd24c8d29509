/**
 * A mixture of Bradley–Terry types (distributional preference learning): T types with scores
 * s_t and mixing weights π_t. A group of comparisons — one annotator's records, or a single
 * comparison when annotators are unknown — comes from one type drawn by π:
 *
 *   L = Σ_g m_g · log Σ_t π_t · Π_{r∈g} σ(s_t[winner_r] − s_t[loser_r])^{e_r}
 *
 * (annotator groups: m_g = 1, e_r = count_r; record groups: m_g = count_r, e_r = 1, so each
 * counted comparison has its own hidden type). Exact probabilities are read as record groups
 * with fractional counts, which makes L the expected log-likelihood per comparison.
 *
 * Fitted by EM (MAP-EM with the optional L2 prior on every type's scores). E-step: exact
 * responsibilities ρ_gt ∝ π_t·Π σ^{e}. M-step: π_t = Σ m_g ρ_gt / Σ m_g exactly, and each type's
 * scores by damped Newton on its responsibility-weighted win matrix, warm-started, so every
 * iteration increases the objective L − (λ/2)Σ_t|s_t|² (it never decreases; `trace` records it).
 * Stops when the objective changes by at most tol·(1 + |objective|). Several restarts, each from
 * random scores (N(0, initScale²) per item and type, drawn from `rng.split(restart)`) and equal
 * weights; the best objective wins (the earliest restart on ties). Types are returned by
 * decreasing weight. Each type's scores sum to 0.
 *
 * Separation: each group is assigned its most likely type (the largest ρ_gt; the first on ties),
 * and a type is *separated* when the comparisons of the groups assigned to it are perfectly
 * separable (`oneWayPairs`: some item beat another that never beat it back, not even through
 * other items). Holding the assignment, the likelihood of those comparisons keeps rising as the
 * type's gaps widen, so with λ = 0 EM typically runs the type's scores off towards ±∞ while its
 * objective settles (the objective alone cannot tell this from convergence): the
 * maximum-likelihood mixture does not exist. The fit lists the separated types whatever λ; with λ = 0 it is `diverged`, and
 * not `converged`, once one of them has run off: a one-way comparison fitted at odds beyond
 * 1e8:1, which no finite maximum reaches without counts in that ratio. With λ > 0 every score is
 * finite and bounded: each type's M-step maximizer of Σ w·log σ − (λ/2)|s|² does at least as
 * well as s = 0, where every comparison has log-likelihood −log 2, so Σ_t |s_t|² ≤ 2·n·log 2/λ
 * for n = Σ_r m_g·e_r comparisons in all.
 *
 * Identification: from single comparisons (record groups, or exact probabilities) the data are
 * only the K(K−1)/2 pair probabilities, which T types with T(K−1) + T − 1 parameters may fit in
 * many ways — the fit then reproduces the probabilities but its types need not be H's parts.
 * Several comparisons per annotator (annotator groups) are what let EM recover the parts.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { pairwiseEvaluator } from './bradley-terry.js';
import { aggregate, type ComparisonData, oneWayPairs } from './data.js';
import { maximizeScores } from './engine.js';
import { logSigmoid, logSumExp, sigmoid } from './numeric.js';

export interface MixtureOptions {
  /** Number of types T ≥ 1. */
  readonly types: number;
  /** Random restarts; default 5. */
  readonly restarts?: number;
  /** λ ≥ 0: L2 penalty on each type's scores; default 0. */
  readonly prior?: number;
  /** Relative objective change that stops EM; default 1e-10. */
  readonly tol?: number;
  /** EM iteration cap per restart; default 1000. */
  readonly maxIterations?: number;
  /** Standard deviation of the random initial scores; default 1. */
  readonly initScale?: number;
  /** 'annotator' (default when records carry annotators) or 'record'. */
  readonly grouping?: 'annotator' | 'record';
}

/** A type whose assigned comparisons are perfectly separable (see the module comment). */
export interface TypeSeparation {
  /** The type (index into `scores` and `weights`). */
  readonly type: number;
  /** The groups assigned to it (indices into `groupIds`). */
  readonly groups: number[];
  /** Its one-way comparisons [winner, loser]: the gaps the data put no bound on. */
  readonly pairs: [number, number][];
}

export interface MixtureFit {
  readonly types: number;
  /** Scores of each type (sum 0), types ordered by decreasing weight. */
  readonly scores: Float64Array[];
  /** Mixing weights π, decreasing. */
  readonly weights: Float64Array;
  /** How the data were grouped. */
  readonly grouping: 'annotator' | 'record';
  /** groups × types posterior type probabilities. */
  readonly responsibilities: Float64Array;
  /** For annotator grouping, the annotator id of each group; for record grouping, the record index. */
  readonly groupIds: Int32Array;
  /**
   * For record grouping, the [winner, loser] of each group (records with the same winner and
   * loser are merged into one group).
   */
  readonly groupPairs?: [number, number][];
  /** The most likely type of each group (the first on ties). */
  readonly assignment: Int32Array;
  /** The types whose assigned comparisons are perfectly separable, by type. */
  readonly separated: TypeSeparation[];
  /** λ = 0 and a separated type's scores ran off: no maximum-likelihood fit exists. */
  readonly diverged: boolean;
  readonly prior: number;
  readonly logLik: number;
  /** logLik − (λ/2)Σ|s_t|². */
  readonly objective: number;
  readonly iterations: number;
  /** EM met its tolerance and the fit did not diverge. */
  readonly converged: boolean;
  /** The restart that won. */
  readonly restart: number;
  /** Final objective of every restart. */
  readonly restartObjectives: number[];
  /** The winning restart's objective at the start and after every EM iteration. */
  readonly trace: number[];
}

interface Flat {
  k: number;
  winner: Int32Array;
  loser: Int32Array;
  /** e_r: exponent of the record inside its group. */
  expo: Float64Array;
  /** Group of each record (any order). */
  group: Int32Array;
  groups: number;
  /** m_g. */
  mult: Float64Array;
  groupIds: Int32Array;
  grouping: 'annotator' | 'record';
}

function flatten(data: ComparisonData, grouping: 'annotator' | 'record' | undefined): Flat {
  const k = data.items;
  const byAnnotator =
    grouping === 'annotator' || (grouping === undefined && data.kind === 'comparisons' && !!data.annotator);
  if (byAnnotator) {
    if (data.kind !== 'comparisons' || !data.annotator)
      throw new UserError('grouping by annotator needs comparisons with annotator ids', 'mixture.grouping');
    const ids = new Map<number, number>();
    const n = data.winner.length;
    const group = new Int32Array(n);
    const idList: number[] = [];
    for (let r = 0; r < n; r++) {
      const a = data.annotator[r];
      let g = ids.get(a);
      if (g === undefined) {
        g = idList.length;
        ids.set(a, g);
        idList.push(a);
      }
      group[r] = g;
    }
    return {
      k,
      winner: data.winner,
      loser: data.loser,
      expo: data.count,
      group,
      groups: idList.length,
      mult: new Float64Array(idList.length).fill(1),
      groupIds: Int32Array.from(idList),
      grouping: 'annotator',
    };
  }
  const agg = aggregate(data);
  const n = agg.winner.length;
  const group = new Int32Array(n);
  for (let r = 0; r < n; r++) group[r] = r;
  return {
    k,
    winner: agg.winner,
    loser: agg.loser,
    expo: new Float64Array(n).fill(1),
    group,
    groups: n,
    mult: agg.count,
    groupIds: Int32Array.from(group),
    grouping: 'record',
  };
}

interface EmState {
  scores: Float64Array[];
  weights: Float64Array;
  resp: Float64Array;
  objective: number;
  logLik: number;
  iterations: number;
  converged: boolean;
  trace: number[];
}

/** E-step: fills resp (groups × T) and returns the log-likelihood. */
function eStep(f: Flat, scores: Float64Array[], weights: Float64Array, resp: Float64Array): number {
  const t = scores.length;
  const lg = new Float64Array(f.groups * t);
  for (let r = 0; r < f.winner.length; r++) {
    const e = f.expo[r];
    if (!(e > 0)) continue;
    const g = f.group[r];
    for (let c = 0; c < t; c++)
      lg[g * t + c] += e * logSigmoid(scores[c][f.winner[r]] - scores[c][f.loser[r]]);
  }
  const logW = Array.from(weights, Math.log);
  let ll = 0;
  const row = new Float64Array(t);
  for (let g = 0; g < f.groups; g++) {
    for (let c = 0; c < t; c++) row[c] = logW[c] + lg[g * t + c];
    const z = logSumExp(row);
    if (f.mult[g] > 0) ll += f.mult[g] * z;
    for (let c = 0; c < t; c++) resp[g * t + c] = Math.exp(row[c] - z);
  }
  return ll;
}

function penalty(scores: Float64Array[], lambda: number): number {
  if (lambda === 0) return 0;
  let s = 0;
  for (const v of scores) for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return (lambda / 2) * s;
}

function runEm(f: Flat, init: Float64Array[], opts: Required<Omit<MixtureOptions, 'grouping'>>): EmState {
  const t = init.length;
  const k = f.k;
  const lambda = opts.prior;
  const scores: Float64Array[] = init.map((s) => Float64Array.from(s));
  const weights = new Float64Array(t).fill(1 / t);
  const resp = new Float64Array(f.groups * t);
  let ll = eStep(f, scores, weights, resp);
  let obj = ll - penalty(scores, lambda);
  const trace = [obj];
  let it = 0;
  let converged = false;
  let totalMult = 0;
  for (let g = 0; g < f.groups; g++) totalMult += f.mult[g];
  const w = new Float64Array(k * k);
  for (; it < opts.maxIterations; it++) {
    // M-step: weights exactly, then each type's scores by warm-started Newton.
    for (let c = 0; c < t; c++) {
      let m = 0;
      for (let g = 0; g < f.groups; g++) m += f.mult[g] * resp[g * t + c];
      weights[c] = totalMult > 0 ? m / totalMult : 1 / t;
    }
    for (let c = 0; c < t; c++) {
      w.fill(0);
      for (let r = 0; r < f.winner.length; r++) {
        const g = f.group[r];
        w[f.winner[r] * k + f.loser[r]] += f.mult[g] * f.expo[r] * resp[g * t + c];
      }
      const fit = maximizeScores(pairwiseEvaluator(k, w), {
        method: 'newton',
        prior: lambda,
        init: scores[c],
        tol: 1e-11,
        maxIterations: 50,
      });
      scores[c] = fit.scores;
    }
    const nll = eStep(f, scores, weights, resp);
    const nobj = nll - penalty(scores, lambda);
    trace.push(nobj);
    const change = Math.abs(nobj - obj);
    ll = nll;
    obj = nobj;
    if (change <= opts.tol * (1 + Math.abs(obj))) {
      it++;
      converged = true;
      break;
    }
  }
  return { scores, weights, resp, objective: obj, logLik: ll, iterations: it, converged, trace };
}

/** Fits a mixture of Bradley–Terry types by EM with seeded restarts. */
export function fitMixture(rng: Random, data: ComparisonData, options: MixtureOptions): MixtureFit {
  const t = options.types;
  if (!Number.isInteger(t) || t < 1)
    throw new UserError(`expected a whole number of types ≥ 1, got ${t}`, 'mixture.types');
  const opts = {
    types: t,
    restarts: options.restarts ?? 5,
    prior: options.prior ?? 0,
    tol: options.tol ?? 1e-10,
    maxIterations: options.maxIterations ?? 1000,
    initScale: options.initScale ?? 1,
  };
  if (!Number.isInteger(opts.restarts) || opts.restarts < 1)
    throw new UserError(`expected a whole number of restarts ≥ 1, got ${opts.restarts}`, 'mixture.restarts');
  if (!(opts.prior >= 0)) throw new UserError(`expected a prior ≥ 0, got ${opts.prior}`, 'mixture.prior');
  const f = flatten(data, options.grouping);
  const k = f.k;
  let best: EmState | null = null;
  let bestRestart = 0;
  const restartObjectives: number[] = [];
  for (let r = 0; r < opts.restarts; r++) {
    const rr = rng.split(r);
    const init: Float64Array[] = [];
    for (let c = 0; c < t; c++) {
      const s = new Float64Array(k);
      for (let i = 0; i < k; i++) s[i] = t === 1 ? 0 : opts.initScale * rr.normal();
      init.push(s);
    }
    const st = runEm(f, init, opts);
    restartObjectives.push(st.objective);
    if (!best || st.objective > best.objective) {
      best = st;
      bestRestart = r;
    }
  }
  const b = best!;
  const order = Array.from({ length: t }, (_, c) => c).sort((x, y) => b.weights[y] - b.weights[x] || x - y);
  const resp = new Float64Array(f.groups * t);
  for (let g = 0; g < f.groups; g++) for (let c = 0; c < t; c++) resp[g * t + c] = b.resp[g * t + order[c]];
  const scores = order.map((c) => b.scores[c]);
  const assignment = assign(resp, f.groups, t);
  const separated = separatedTypes(f, assignment, t);
  // Odds beyond 1e8:1 on a one-way comparison: the gap is running off, not estimated.
  const diverged =
    opts.prior === 0 &&
    separated.some((sep) =>
      sep.pairs.some(([i, j]) => scores[sep.type][i] - scores[sep.type][j] > DIVERGED_GAP),
    );
  return {
    types: t,
    scores,
    weights: Float64Array.from(order, (c) => b.weights[c]),
    grouping: f.grouping,
    responsibilities: resp,
    groupIds: f.groupIds,
    ...(f.grouping === 'record'
      ? { groupPairs: Array.from(f.winner, (w, r): [number, number] => [w, f.loser[r]]) }
      : {}),
    assignment,
    separated,
    diverged,
    prior: opts.prior,
    logLik: b.logLik,
    objective: b.objective,
    iterations: b.iterations,
    converged: b.converged && !diverged,
    restart: bestRestart,
    restartObjectives,
    trace: b.trace,
  };
}

const DIVERGED_GAP = Math.log(1e8);

/** The most likely type of each group, the first on ties. */
function assign(resp: Float64Array, groups: number, t: number): Int32Array {
  const out = new Int32Array(groups);
  for (let g = 0; g < groups; g++)
    for (let c = 1; c < t; c++) if (resp[g * t + c] > resp[g * t + out[g]]) out[g] = c;
  return out;
}

/** The types whose assigned groups' comparisons are perfectly separable. */
function separatedTypes(f: Flat, assignment: Int32Array, t: number): TypeSeparation[] {
  const k = f.k;
  const out: TypeSeparation[] = [];
  const beats = new Float64Array(k * k);
  for (let c = 0; c < t; c++) {
    beats.fill(0);
    for (let r = 0; r < f.winner.length; r++) {
      const g = f.group[r];
      if (assignment[g] === c && f.mult[g] * f.expo[r] > 0) beats[f.winner[r] * k + f.loser[r]] = 1;
    }
    const pairs = oneWayPairs(k, beats);
    if (pairs.length === 0) continue;
    const groups: number[] = [];
    for (let g = 0; g < f.groups; g++) if (assignment[g] === c) groups.push(g);
    out.push({ type: c, groups, pairs });
  }
  return out;
}

/** The mixture's predicted P(i beats j) = Σ_t π_t σ(s_t[i] − s_t[j]), K*K. */
export function mixtureProbabilities(fit: Pick<MixtureFit, 'scores' | 'weights'>): Float64Array {
  const k = fit.scores[0].length;
  const p = new Float64Array(k * k);
  for (let c = 0; c < fit.scores.length; c++) {
    const s = fit.scores[c];
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) p[i * k + j] += fit.weights[c] * sigmoid(s[i] - s[j]);
  }
  return p;
}
