/**
 * Leximax Copeland subject to Pareto optimality (LCPO; Ge, Halpern, Micha, Procaccia, Shapira,
 * Vorobeychik & Wu, "Axioms for AI alignment from human feedback", NeurIPS 2024): the rule they
 * propose for learning a reward function from rankings, keeping the two axioms Bradley–Terry
 * reward learning breaks — Pareto optimality (a candidate every voter ranks above another is ranked
 * above it) and pairwise majority consistency (when the majority relation is a ranking the reward
 * can express, that ranking is the output).
 *
 * Rewards are linear in the candidates' features, r(c) = θ·x_c (option `features`, m rows of d
 * numbers), so only the rankings some θ induces are possible. LCPO fills the ranking top down: at
 * each position it places the candidate with the highest Copeland score among those that can go
 * there — some θ ranks the candidates placed so far in their order, this one next, above all the
 * others, and every Pareto-dominating candidate above the one it dominates (a linear feasibility
 * problem, margin 1 by scale invariance). So each position gets the highest Copeland score still
 * possible below the positions above it (leximax, position by position). Equal scores at the top
 * are the rule's tie set (its winners); further down the lowest index goes first (`details.order`),
 * and another choice there could allow other scores below it. When the Pareto constraints
 * themselves admit no θ (voters whose rankings no linear reward induces), they are dropped and
 * `details.paretoFeasible` says so.
 *
 * Without features every ranking is expressible, and LCPO is Copeland's ranking: a candidate b
 * Pareto-dominating a beats a, and its margin against any other candidate is at least a's (every
 * voter ranking a above it ranks b above it too), so Copeland already ranks b above a.
 * The linear structure is what makes the leximax matter.
 *
 * Example: features [0], [1], [2] (a line: θ > 0 gives 2≻1≻0, θ < 0 gives 0≻1≻2); voters 1≻0≻2 ×2,
 * 2≻1≻0 ×2, 0≻1≻2 ×1. 1 is the Condorcet winner (Copeland 2) but no linear reward ranks it first;
 * of 0 (Copeland 0) and 2 (−2), 0 can go first: LCPO ranks 0≻1≻2.
 */
import { UserError } from '../../../core/errors.js';
import { solveLp } from '../../cardinal/lp.js';
import type { Summary } from '../../profile.js';
import { groupByScore } from '../../result.js';
import type { Options, ProfileRule, RuleResult } from '../../types.js';
import { globalScores, localMargins } from './local.js';

export interface LcpoProblem {
  /** Number of candidates. */
  readonly k: number;
  /** Copeland score of each candidate (higher is better). */
  readonly score: ArrayLike<number>;
  /** k*k flags: dominates[a*k+b] = 1 when every voter ranks a above b. */
  readonly dominates: ArrayLike<number>;
  /** k rows of d features, row-major; absent: every ranking is expressible. */
  readonly features?: { readonly phi: ArrayLike<number>; readonly d: number };
  /** How messages name the candidates (default: their indices here). */
  readonly names?: readonly string[];
}

export interface LcpoOutcome {
  /** The candidates LCPO may place first (the highest Copeland score among those that can go first). */
  readonly first: number[];
  /** One LCPO ranking, best first (equal Copeland scores at a position go to the lowest index). */
  readonly order: number[];
  /** False when no linear reward respects every Pareto domination (the constraints were dropped). */
  readonly paretoFeasible: boolean;
}

/** Whether some θ puts a above b by margin 1 for every pair (a, b) in `above`. */
function expressible(p: LcpoProblem, above: readonly (readonly [number, number])[]): boolean {
  const f = p.features;
  if (!f) return acyclic(p.k, above);
  const { phi, d } = f;
  // θ is free: θ = θ⁺ − θ⁻ with both non-negative, as the solver wants.
  const rows = above.map(([a, b]) => {
    const row = new Float64Array(2 * d);
    for (let j = 0; j < d; j++) {
      const x = phi[a * d + j] - phi[b * d + j];
      row[j] = x;
      row[d + j] = -x;
    }
    return { a: row, op: '>=' as const, b: 1 };
  });
  return solveLp({ n: 2 * d, c: new Float64Array(2 * d), rows }).status !== 'infeasible';
}

/** Whether the pairs, as arcs, leave the candidates orderable (no directed cycle). */
function acyclic(k: number, arcs: readonly (readonly [number, number])[]): boolean {
  const indegree = new Int32Array(k);
  const out: number[][] = Array.from({ length: k }, () => []);
  for (const [a, b] of arcs) {
    out[a].push(b);
    indegree[b]++;
  }
  const ready: number[] = [];
  for (let c = 0; c < k; c++) if (indegree[c] === 0) ready.push(c);
  let seen = 0;
  while (ready.length > 0) {
    const c = ready.pop() as number;
    seen++;
    for (const x of out[c]) if (--indegree[x] === 0) ready.push(x);
  }
  return seen === k;
}

/** Two candidates with the same features: no linear reward ranks one above the other. */
function sameFeatures(p: LcpoProblem): [number, number] | undefined {
  const f = p.features;
  if (!f) return undefined;
  const rows = new Map<string, number>();
  for (let c = 0; c < p.k; c++) {
    const key = Array.from({ length: f.d }, (_, j) => f.phi[c * f.d + j]).join(',');
    const before = rows.get(key);
    if (before !== undefined) return [before, c];
    rows.set(key, c);
  }
  return undefined;
}

export function lcpo(p: LcpoProblem): LcpoOutcome {
  const { k, score, dominates } = p;
  const name = (c: number) => p.names?.[c] ?? String(c);
  const same = sameFeatures(p);
  if (same)
    throw new UserError(
      `${name(same[0])} and ${name(same[1])} have the same features: no linear reward ranks one above the other`,
      'options.features',
    );
  let pareto: [number, number][] = [];
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (dominates[a * k + b]) pareto.push([a, b]);
  const paretoFeasible = expressible(p, pareto);
  if (!paretoFeasible) pareto = [];
  const order: number[] = [];
  const chain: [number, number][] = [];
  let rest = Array.from({ length: k }, (_, c) => c);
  let first: number[] = [];
  while (rest.length > 0) {
    // Highest Copeland score first; the first feasible score is the best one at this position.
    const byScore = [...rest].sort((a, b) => score[b] - score[a] || a - b);
    const fits = (c: number) => {
      if (rest.length === 1) return true;
      const last = order[order.length - 1];
      const pairs: [number, number][] = [...chain, ...pareto];
      if (last !== undefined) pairs.push([last, c]);
      for (const r of rest) if (r !== c) pairs.push([c, r]);
      return expressible(p, pairs);
    };
    let best = Number.NaN;
    const tied: number[] = [];
    for (const c of byScore) {
      if (tied.length > 0 && score[c] !== best) break;
      if (fits(c)) {
        best = score[c];
        tied.push(c);
        // Past the first position one candidate is enough; at the top the tie set is the answer.
        if (order.length > 0) break;
      }
    }
    if (tied.length === 0)
      throw new Error('lcpo: no candidate can be placed (the constraints were feasible)');
    if (order.length === 0) first = [...tied].sort((a, b) => a - b);
    const c = Math.min(...tied);
    const last = order[order.length - 1];
    if (last !== undefined) chain.push([last, c]);
    order.push(c);
    rest = rest.filter((r) => r !== c);
  }
  return { first, order, paretoFeasible };
}

/** Copeland scores (win 1, tie 0, loss −1) and strict unanimity among the candidates in play. */
export function lcpoProblemOf(
  s: Summary,
  cands?: readonly number[],
): LcpoProblem & { cands: readonly number[] } {
  const { k, cands: cs, g } = localMargins(s, cands);
  const score = new Float64Array(k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) if (i !== j) score[i] += g[i * k + j] > 0 ? 1 : g[i * k + j] < 0 ? -1 : 0;
  const { m, k: ballots, levels, counts } = s.profile;
  const dominates = new Uint8Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      if (a === b) continue;
      let all = true;
      let any = false;
      for (let v = 0; v < ballots && all; v++) {
        if (counts[v] === 0) continue;
        any = true;
        if (!(levels[v * m + cs[a]] < levels[v * m + cs[b]])) all = false;
      }
      if (all && any) dominates[a * k + b] = 1;
    }
  return { k, score, dominates, cands: cs };
}

function featuresOf(opts: Options | undefined, m: number, cands: readonly number[]) {
  const given = opts?.features;
  if (given === undefined) return undefined;
  if (!Array.isArray(given) || given.length === 0 || given.length % m !== 0)
    throw new UserError(
      `expected ${m} rows of d features, row-major (a multiple of ${m} numbers), got ${Array.isArray(given) ? given.length : typeof given}`,
      'options.features',
    );
  const d = given.length / m;
  const phi = new Float64Array(cands.length * d);
  cands.forEach((c, i) => {
    for (let j = 0; j < d; j++) phi[i * d + j] = (given as readonly number[])[c * d + j];
  });
  if (!phi.every(Number.isFinite)) throw new UserError('expected finite numbers', 'options.features');
  return { phi, d };
}

export const lcpoRule: ProfileRule = {
  name: 'lcpo',
  aliases: ['leximax-copeland-pareto', 'leximax-copeland-subject-to-pareto'],
  title: 'Leximax Copeland subject to Pareto optimality',
  description:
    'Fill the ranking top down with the highest-Copeland candidate that a linear reward over the candidates’ features can put there while respecting every Pareto domination; without features, Copeland’s ranking.',
  family: 'pairwise',
  input: 'rankings',
  output: 'ranking',
  ties: 'Copeland scores win 1, tie 0, loss −1. The winners are every candidate with the highest Copeland score among those some Pareto-respecting linear reward ranks first; further down, equal scores go to the lowest index (details.order). Without features the ranking is Copeland’s, ties grouped; with features only details.order is given. Pareto domination is strict on every ballot of positive weight.',
  axioms: ['anonymity', 'neutrality', 'pareto', 'condorcet-winner'],
  options: [
    {
      name: 'features',
      type: 'number[]',
      description:
        'each candidate’s features, row-major (m × d numbers): rewards are linear in them (default: none, every ranking expressible)',
    },
  ],
  reference:
    'Ge, Halpern, Micha, Procaccia, Shapira, Vorobeychik & Wu (2024), Axioms for AI alignment from human feedback, NeurIPS 2024 (arXiv:2405.14758), section on LCPO',
  run(s, cands, opts): RuleResult {
    const p = lcpoProblemOf(s, cands);
    const features = featuresOf(opts, s.m, p.cands);
    const out = lcpo({ ...p, features, names: p.cands.map((c) => `candidate ${c}`) });
    const back = (xs: readonly number[]) => xs.map((i) => p.cands[i]);
    const scores = globalScores(s.m, p.cands, p.score);
    const details = { order: back(out.order), paretoFeasible: out.paretoFeasible };
    const winners = back(out.first).sort((a, b) => a - b);
    if (features) return { winners, scores, details };
    return { winners, ranking: groupByScore(p.cands, scores), scores, details };
  },
};
