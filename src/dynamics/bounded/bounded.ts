/**
 * Bounded parts under negotiable RL: the essay's "if we assume that parts are boundedly rational,
 * and that parts can spend computational resources on either a) computing values or b) modelling
 * the world, the parts with easy to compute values would be at systematic advantage".
 *
 * Each part i has a true reward r_i (S×A), a value complexity k_i > 0, a compute budget c_i ≥ 0
 * and a prior weight. It spends a fraction f_i of its budget on its values and the rest on its world
 * model: c_v = f_i·c_i, c_m = (1 − f_i)·c_i. The functional forms:
 *
 *   values:  the part knows its reward only as an estimate r̂_i = r_i + σ_i·ε, ε ~ N(0, 1)
 *            independently per (s, a), with
 *                σ_i = σ0 / √(1 + c_v / k_i)
 *            — precision 1/σ² = (1 + c_v/k_i)/σ0² grows by one "sample" per k_i units of compute,
 *            so complex values need proportionally more compute for the same precision.
 *   model:   the part's beliefs are a mixture of the truth and a fallback model F_i (default:
 *            uniform over next states — uninformed; or any given wrong model),
 *                T_i = (1 − m_i)·F_i + m_i·truth,   m_i = c_m / (c_m + h)
 *            — the truth's share rises with compute, reaching 1/2 at c_m = h.
 *
 * The NRL agent (../nrl/) then serves the parts with the estimates r̂_i, the beliefs T_i and the
 * prior weights; its weights move toward the parts whose beliefs predict the world better.
 *
 * How a part splits its budget (`SplitRule`):
 *   fixed          — the same fraction f for everyone;
 *   precision      — spend on values what precision σ* needs, c_v = min(c, k(σ0²/σ*² − 1)), and the
 *                    rest on the model (a part must first know what it wants);
 *   best-response  — grid search over f ∈ {0, 1/g, …, 1} maximizing the part's own expected true
 *                    utility given the others' splits, iterated round by round (Gauss–Seidel)
 *                    until no part moves or `rounds` is reached.
 *
 * A part's "expected true utility" is the modeller's: E over the value noise and over trajectories
 * of the truth of Σ_t r_i(s_t, a_t) under the NRL policy — what the split actually buys it. The
 * part's own view (its estimate under its beliefs) is reported next to it. Noise draws are made
 * once (common random numbers), so every candidate split is judged on the same draws.
 *
 * Everything is exact over the history tree per noise draw (../nrl/ `solveNrl`,
 * `expectedWeightPath`) and averaged over `draws` seeded draws; the tree size limit of ../nrl/
 * applies. When the dynamics ignore A's actions the weights do not depend on the rewards at all:
 * only the world models move them, and the values decide only what each part does with its weight.
 */
import { UserError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import { type NrlProblem, policyReport, solveNrl, validateNrlProblem } from '../nrl/index.js';
import type { Environment, SeqPart } from '../../core/sequential.js';

export interface BoundedPart {
  readonly name: string;
  /** The part's true reward (S×A). */
  readonly reward: Float64Array;
  /** Value complexity k_i > 0: compute per unit of value precision. */
  readonly complexity: number;
  /** Compute budget c_i ≥ 0. */
  readonly budget: number;
  /** Prior weight (≥ 0). */
  readonly weight: number;
  /** What the part believes with no model compute (S×A×S); default uniform over next states. */
  readonly fallback?: Float64Array;
}

export interface BoundedForms {
  /** σ0: the sd of a part's reward estimate with no compute on values (default 1). */
  readonly sd0?: number;
  /** h: model compute at which half of a part's beliefs is the truth (default 1). */
  readonly halfModel?: number;
}

export type SplitRule =
  | { readonly kind: 'fixed'; readonly fraction: number }
  | { readonly kind: 'precision'; readonly sd: number }
  | {
      readonly kind: 'best-response';
      readonly grid?: number;
      readonly rounds?: number;
      readonly start?: number;
    };

export interface BoundedOptions {
  readonly split: SplitRule;
  readonly forms?: BoundedForms;
  /** Noise draws of the reward estimates (default 32; 1 when every σ_i is 0). */
  readonly draws?: number;
  /** Passed to the NRL solver. */
  readonly maxNodes?: number;
}

/** What a set of splits leads to, averaged over the noise draws. */
export interface SplitOutcome {
  /** Fraction of each part's budget spent on its values. */
  readonly fractions: Float64Array;
  readonly valueCompute: Float64Array;
  readonly modelCompute: Float64Array;
  /** σ_i: sd of each part's reward estimate. */
  readonly sd: Float64Array;
  /** m_i: the truth's share in each part's beliefs. */
  readonly modelShare: Float64Array;
  /** Each part's beliefs T_i. */
  readonly beliefs: readonly Float64Array[];
  /** (H+1)×n: E[w_i(t)] over trajectories of the truth and noise draws; row t at t·n. */
  readonly expectedWeights: Float64Array;
  /** (H+1)×n: E[log w_i(t)]. */
  readonly expectedLogWeights: Float64Array;
  /** E[Σ_t r_i(s_t, a_t)] under the truth with the true rewards: what each part actually gets. */
  readonly utility: Float64Array;
  /** Standard error of `utility` over the noise draws (0 with one draw). */
  readonly utilitySe: Float64Array;
  /** E[Σ_t r̂_i(s_t, a_t)] under the part's own beliefs: what each part thinks it gets. */
  readonly ownUtility: Float64Array;
  readonly draws: number;
}

export interface BoundedResult extends SplitOutcome {
  readonly rule: SplitRule;
  /** Best-response rounds run (0 for the other rules). */
  readonly rounds: number;
  /** Whether best responses settled (no part moved in the last round); true for the other rules. */
  readonly settled: boolean;
  /** The fractions after each best-response round. */
  readonly trace: readonly Float64Array[];
}

function resolveForms(forms: BoundedForms = {}): { sd0: number; h: number } {
  const sd0 = forms.sd0 ?? 1;
  const h = forms.halfModel ?? 1;
  if (!(Number.isFinite(sd0) && sd0 >= 0))
    throw new UserError(`expected a number ≥ 0, got ${sd0}`, 'forms.sd0');
  if (!(Number.isFinite(h) && h > 0))
    throw new UserError(`expected a number > 0, got ${h}`, 'forms.halfModel');
  return { sd0, h };
}

/** σ = σ0 / √(1 + c_v / k): the sd of a reward estimate bought with c_v compute at complexity k. */
export function valueSd(valueCompute: number, complexity: number, sd0 = 1): number {
  return sd0 / Math.sqrt(1 + valueCompute / complexity);
}

/** m = c_m / (c_m + h): the truth's share in beliefs bought with c_m compute. */
export function modelShare(modelCompute: number, halfModel = 1): number {
  return modelCompute / (modelCompute + halfModel);
}

/** The value compute precision σ* needs at complexity k: k(σ0²/σ*² − 1), at least 0. */
export function precisionCompute(sd: number, complexity: number, sd0 = 1): number {
  if (!(sd > 0)) return Number.POSITIVE_INFINITY;
  return Math.max(0, complexity * ((sd0 * sd0) / (sd * sd) - 1));
}

/** The uniform model: every next state equally likely from every (s, a). */
export function uniformModel(S: number, A: number): Float64Array {
  return new Float64Array(S * A * S).fill(1 / S);
}

/** T = (1 − m)·fallback + m·truth. */
export function mixedBeliefs(truth: Float64Array, fallback: Float64Array, m: number): Float64Array {
  const out = new Float64Array(truth.length);
  for (let k = 0; k < out.length; k++) out[k] = (1 - m) * fallback[k] + m * truth[k];
  return out;
}

function validate(env: Environment, parts: readonly BoundedPart[]): void {
  const S = env.states.length;
  const A = env.actions.length;
  if (parts.length < 1) throw new UserError('expected at least one part', 'parts');
  parts.forEach((p, i) => {
    const at = `parts[${i}]`;
    if (!(Number.isFinite(p.complexity) && p.complexity > 0))
      throw new UserError(`expected a number > 0, got ${p.complexity}`, `${at}.complexity`);
    if (!(Number.isFinite(p.budget) && p.budget >= 0))
      throw new UserError(`expected a number ≥ 0, got ${p.budget}`, `${at}.budget`);
    if (p.fallback !== undefined && !(p.fallback instanceof Float64Array && p.fallback.length === S * A * S))
      throw new UserError(`expected ${S * A * S} numbers (S×A×S)`, `${at}.fallback`);
  });
  // The rest (rewards, weights, the environment, the fallback rows) is checked as an NRL problem.
  validateNrlProblem({
    env,
    parts: parts.map((p) => ({ name: p.name, reward: p.reward, beliefs: p.fallback, weight: p.weight })),
  });
}

/** The standard normal draws ε (one S×A matrix per part per draw), drawn once. */
function drawNoise(rng: Random, draws: number, n: number, SA: number): Float64Array[][] {
  const out: Float64Array[][] = [];
  for (let d = 0; d < draws; d++) {
    const r = rng.split(d);
    const row: Float64Array[] = [];
    for (let i = 0; i < n; i++) {
      const e = new Float64Array(SA);
      for (let k = 0; k < SA; k++) e[k] = r.normal();
      row.push(e);
    }
    out.push(row);
  }
  return out;
}

/**
 * What given splits lead to: each part's σ_i, m_i and beliefs, then — per noise draw — the exact
 * NRL policy for the estimated rewards, its expected weights over time and each part's true and
 * own-view utilities, averaged over the draws.
 */
function outcomeOf(
  env: Environment,
  parts: readonly BoundedPart[],
  fractions: Float64Array,
  forms: { sd0: number; h: number },
  noise: readonly (readonly Float64Array[])[],
  maxNodes: number | undefined,
): SplitOutcome {
  const S = env.states.length;
  const A = env.actions.length;
  const n = parts.length;
  const H = env.horizon;
  const valueCompute = new Float64Array(n);
  const modelCompute = new Float64Array(n);
  const sd = new Float64Array(n);
  const share = new Float64Array(n);
  const beliefs: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    valueCompute[i] = fractions[i] * parts[i].budget;
    modelCompute[i] = parts[i].budget - valueCompute[i];
    sd[i] = valueSd(valueCompute[i], parts[i].complexity, forms.sd0);
    share[i] = modelShare(modelCompute[i], forms.h);
    beliefs.push(mixedBeliefs(env.truth, parts[i].fallback ?? uniformModel(S, A), share[i]));
  }
  const noiseless = sd.every((x) => x === 0);
  const D = noiseless ? 1 : noise.length;
  const expectedWeights = new Float64Array((H + 1) * n);
  const expectedLogWeights = new Float64Array((H + 1) * n);
  const utility = new Float64Array(n);
  const square = new Float64Array(n);
  const ownUtility = new Float64Array(n);
  const trueRewards = parts.map((p) => p.reward);
  for (let d = 0; d < D; d++) {
    const est: SeqPart[] = parts.map((p, i) => {
      const r = new Float64Array(S * A);
      for (let k = 0; k < S * A; k++) r[k] = p.reward[k] + (noiseless ? 0 : sd[i] * noise[d][i][k]);
      return { name: p.name, reward: r, beliefs: beliefs[i], weight: p.weight };
    });
    const problem: NrlProblem = { env, parts: est };
    const sol = solveNrl(problem, { maxNodes, trusted: true });
    const rep = policyReport(problem, sol.policy, { rewards: trueRewards, trusted: true });
    for (let k = 0; k < expectedWeights.length; k++) {
      expectedWeights[k] += rep.mean[k] / D;
      expectedLogWeights[k] += rep.meanLog[k] / D;
    }
    for (let i = 0; i < n; i++) {
      utility[i] += rep.truth[i] / D;
      square[i] += (rep.truth[i] * rep.truth[i]) / D;
      ownUtility[i] += sol.own[i] / D;
    }
  }
  const utilitySe = new Float64Array(n);
  if (D > 1)
    for (let i = 0; i < n; i++)
      utilitySe[i] = Math.sqrt((Math.max(0, square[i] - utility[i] * utility[i]) * D) / (D - 1) / D);
  return {
    fractions: fractions.slice(),
    valueCompute,
    modelCompute,
    sd,
    modelShare: share,
    beliefs,
    expectedWeights,
    expectedLogWeights,
    utility,
    utilitySe,
    ownUtility,
    draws: D,
  };
}

/**
 * Runs bounded parts under NRL: each part splits its compute by `opts.split`, then the exact NRL
 * agent serves them over the horizon. Returns the splits, what they bought (σ_i, m_i, beliefs), the
 * expected weights over time and each part's utilities (see SplitOutcome).
 */
export function runBounded(
  env: Environment,
  parts: readonly BoundedPart[],
  opts: BoundedOptions,
  rng: Random,
): BoundedResult {
  validate(env, parts);
  const forms = resolveForms(opts.forms);
  const n = parts.length;
  const S = env.states.length;
  const A = env.actions.length;
  const draws = opts.draws ?? 32;
  if (!(Number.isInteger(draws) && draws >= 1))
    throw new UserError(`expected an integer ≥ 1, got ${draws}`, 'draws');
  const noise = drawNoise(rng, draws, n, S * A);
  const rule = opts.split;
  const fractions = new Float64Array(n);
  const trace: Float64Array[] = [];
  let rounds = 0;
  let settled = true;
  if (rule.kind === 'fixed') {
    if (!(rule.fraction >= 0 && rule.fraction <= 1))
      throw new UserError(`expected a fraction in [0, 1], got ${rule.fraction}`, 'split.fraction');
    fractions.fill(rule.fraction);
  } else if (rule.kind === 'precision') {
    if (!(Number.isFinite(rule.sd) && rule.sd >= 0))
      throw new UserError(`expected a number ≥ 0, got ${rule.sd}`, 'split.sd');
    for (let i = 0; i < n; i++) {
      const c = parts[i].budget;
      const need = precisionCompute(rule.sd, parts[i].complexity, forms.sd0);
      fractions[i] = c > 0 ? Math.min(1, need / c) : 0;
    }
  } else if (rule.kind === 'best-response') {
    const g = rule.grid ?? 10;
    const maxRounds = rule.rounds ?? 5;
    const start = rule.start ?? 0.5;
    if (!(Number.isInteger(g) && g >= 1))
      throw new UserError(`expected an integer ≥ 1, got ${g}`, 'split.grid');
    if (!(Number.isInteger(maxRounds) && maxRounds >= 1))
      throw new UserError(`expected an integer ≥ 1, got ${maxRounds}`, 'split.rounds');
    if (!(start >= 0 && start <= 1))
      throw new UserError(`expected a fraction in [0, 1], got ${start}`, 'split.start');
    fractions.fill(start);
    settled = false;
    while (rounds < maxRounds && !settled) {
      rounds++;
      let moved = false;
      for (let i = 0; i < n; i++) {
        const current = fractions[i];
        const base = outcomeOf(env, parts, fractions, forms, noise, opts.maxNodes).utility[i];
        let best = current;
        let bestU = base;
        for (let j = 0; j <= g; j++) {
          const f = j / g;
          if (f === current) continue;
          fractions[i] = f;
          const u = outcomeOf(env, parts, fractions, forms, noise, opts.maxNodes).utility[i];
          if (u > bestU + 1e-12 * (1 + Math.abs(bestU))) {
            best = f;
            bestU = u;
          }
        }
        fractions[i] = best;
        if (best !== current) moved = true;
      }
      trace.push(fractions.slice());
      settled = !moved;
    }
  } else {
    throw new UserError(`unknown split rule ${(rule as { kind: string }).kind}`, 'split.kind');
  }
  const out = outcomeOf(env, parts, fractions, forms, noise, opts.maxNodes);
  return { ...out, rule, rounds, settled, trace };
}

/** The final expected weights (row H of `expectedWeights`). */
export function finalWeights(r: SplitOutcome): Float64Array {
  const n = r.utility.length;
  return r.expectedWeights.slice(r.expectedWeights.length - n);
}
