/**
 * A sequential scenario's `bounded:` block, run: the parts split their compute budgets between
 * their values and their world models by each declared rule, negotiable RL serves the bounded
 * parts (dynamics/bounded/), and the result says — in the essay's words, from the numbers — whether
 * the parts whose values are cheap to compute gained weight. The `bounded-compute` experiment
 * summarizes its splits with the same `boundedSplitSummary`, so its fields and these are one.
 */
import { UserError } from '../core/errors.js';
import { byName } from '../core/names.js';
import { Random } from '../core/random.js';
import type { SequentialScenario } from '../core/scenario.js';
import type { DeclaredBounded, DeclaredSplit } from '../core/sequential-mechanisms.js';
import {
  type BoundedPart,
  type BoundedResult,
  finalWeights,
  runBounded,
  uniformModel,
} from '../dynamics/bounded/index.js';

/** What one split rule bought each part, and where NRL's weights went. */
export interface BoundedSplitSummary {
  /** "precision (σ* = 0.5)", "fixed (f = 0.5)" or "best response (grid 4, 4 rounds)". */
  readonly rule: string;
  /** Compute spent on values and on the world model, per part. */
  readonly value_compute: Record<string, number>;
  readonly model_compute: Record<string, number>;
  /** σ_i: the sd of the part's reward estimate. */
  readonly value_sd: Record<string, number>;
  /** m_i: the truth's share in the part's beliefs. */
  readonly model_share: Record<string, number>;
  /** E[w_i(t)] for t = 0 … horizon, exact over every trajectory of the truth. */
  readonly expected_weights: Record<string, number[]>;
  readonly final_weights: Record<string, number>;
  /** Expected total true reward per part (mean over the noise draws) and its standard error. */
  readonly utility: Record<string, number>;
  readonly utility_se: Record<string, number>;
  /** What each part expects to get, by its own estimates and beliefs. */
  readonly own_utility: Record<string, number>;
}

export function boundedSplitSummary(
  rule: string,
  names: readonly string[],
  r: BoundedResult,
): BoundedSplitSummary {
  const n = names.length;
  const T = r.expectedWeights.length / n;
  const path: Record<string, number[]> = {};
  names.forEach((p, i) => {
    path[p] = Array.from({ length: T }, (_, t) => r.expectedWeights[t * n + i]);
  });
  return {
    rule,
    value_compute: byName(names, r.valueCompute),
    model_compute: byName(names, r.modelCompute),
    value_sd: byName(names, r.sd),
    model_share: byName(names, r.modelShare),
    expected_weights: path,
    final_weights: byName(names, finalWeights(r)),
    utility: byName(names, r.utility),
    utility_se: byName(names, r.utilitySe),
    own_utility: byName(names, r.ownUtility),
  };
}

/** A split rule as the output names it. */
export function splitLabel(s: DeclaredSplit): string {
  if (s.kind === 'fixed') return `fixed (f = ${s.fraction})`;
  if (s.kind === 'precision') return `precision (σ* = ${s.sd})`;
  return `best response (grid ${s.grid}, ${s.rounds} round${s.rounds === 1 ? '' : 's'})`;
}

export interface BoundedSplitRun extends BoundedSplitSummary {
  /** Fraction of each part's budget spent on its values. */
  readonly fractions: Record<string, number>;
  /** Best response: rounds run, whether no part moved in the last one, the fractions after each. */
  readonly rounds: number;
  readonly settled: boolean;
  readonly trace: Record<string, number>[];
  /** Final weight minus the prior share, per part. */
  readonly weight_gain: Record<string, number>;
  /**
   * 'cheap': the parts with the cheapest values gained more weight than the parts with the
   * costliest; 'costly': the reverse; 'none': they gained the same (or every complexity is equal).
   */
  readonly advantage: 'cheap' | 'costly' | 'none';
  /** The finding, in the essay's words. */
  readonly finding: string;
}

export interface BoundedRun {
  readonly parts: string[];
  readonly complexity: Record<string, number>;
  readonly budget: Record<string, number>;
  readonly fallback: Record<string, 'uniform' | 'beliefs'>;
  /** The parts' prior weights as shares (NRL's weights at t = 0). */
  readonly prior: Record<string, number>;
  readonly sd0: number;
  readonly half_model: number;
  readonly draws: number;
  readonly horizon: number;
  readonly splits: BoundedSplitRun[];
  /** One line per split, then the essay's claim and whether this run bears it out. */
  readonly findings: string[];
  readonly error?: string;
}

/** The bounded parts of scenario `s` (rewards, weights, fallbacks from the scenario; compute from the block). */
export function boundedParts(s: SequentialScenario, b: DeclaredBounded): BoundedPart[] {
  const S = s.env.states.length;
  const A = s.env.actions.length;
  return s.principal.parts.map((p, i) => ({
    name: p.name,
    reward: p.reward,
    complexity: b.parts[i].complexity,
    budget: b.parts[i].budget,
    weight: p.weight,
    fallback: b.parts[i].fallback === 'beliefs' && p.beliefs ? p.beliefs : uniformModel(S, A),
  }));
}

const f3 = (x: number) => x.toFixed(3);
const TOL = 1e-9;

/** Whether every part's values cost the same to compute (then the run cannot test the claim). */
function sameCost(complexity: readonly number[]): boolean {
  const hi = Math.max(...complexity);
  return hi - Math.min(...complexity) <= TOL * Math.max(1, hi);
}

function advantageOf(
  names: readonly string[],
  complexity: readonly number[],
  gain: readonly number[],
): BoundedSplitRun['advantage'] {
  if (sameCost(complexity)) return 'none';
  const [lo, hi] = [Math.min(...complexity), Math.max(...complexity)];
  const meanGain = (k: number) => {
    const at = names.map((_, i) => i).filter((i) => complexity[i] === k);
    return at.reduce((t, i) => t + gain[i], 0) / at.length;
  };
  const d = meanGain(lo) - meanGain(hi);
  return d > TOL ? 'cheap' : d < -TOL ? 'costly' : 'none';
}

/** Runs every declared split on the same seeded noise draws. */
export function runBoundedBlock(s: SequentialScenario, b: DeclaredBounded, seed: number): BoundedRun {
  const names = s.principal.parts.map((p) => p.name);
  const parts = boundedParts(s, b);
  const total = parts.reduce((t, p) => t + p.weight, 0);
  const prior = parts.map((p) => p.weight / total);
  const complexity = parts.map((p) => p.complexity);
  const base = {
    parts: names,
    complexity: byName(names, complexity),
    budget: byName(
      names,
      parts.map((p) => p.budget),
    ),
    fallback: Object.fromEntries(names.map((n, i) => [n, b.parts[i].fallback])),
    prior: byName(names, prior),
    sd0: b.forms.sd0,
    half_model: b.forms.halfModel,
    draws: b.draws,
    horizon: s.env.horizon,
  };
  let splits: BoundedSplitRun[];
  try {
    splits = b.splits.map((split): BoundedSplitRun => {
      const r = runBounded(s.env, parts, { split, forms: b.forms, draws: b.draws }, new Random(seed));
      const rule = splitLabel(split);
      const summary = boundedSplitSummary(rule, names, r);
      const final = finalWeights(r);
      const gain = names.map((_, i) => final[i] - prior[i]);
      const advantage = advantageOf(names, complexity, gain);
      return {
        ...summary,
        fractions: byName(names, r.fractions),
        rounds: r.rounds,
        settled: r.settled,
        trace: r.trace.map((f) => byName(names, f)),
        weight_gain: byName(names, gain),
        advantage,
        finding: splitFinding(rule, names, complexity, prior, final, r, advantage, s.env.horizon),
      };
    });
  } catch (e) {
    // A history tree past NRL's size limit is the user's to shrink; the agents still report.
    if (!(e instanceof UserError)) throw e;
    return { ...base, splits: [], findings: [], error: e.message };
  }
  const wins = splits.filter((x) => x.advantage === 'cheap').map((x) => x.rule);
  const claim = 'The essay: “the parts with easy to compute values would be at systematic advantage.”';
  const verdict = sameCost(complexity)
    ? 'Here every part’s values cost the same, so the run cannot test it.'
    : wins.length === splits.length
      ? `This run bears it out under every split rule it runs (${wins.join(', ')}).`
      : wins.length > 0
        ? `This run bears it out under ${wins.join(', ')}, not under ${splits
            .filter((x) => x.advantage !== 'cheap')
            .map((x) => x.rule)
            .join(', ')}: the advantage depends on how the parts split their compute.`
        : 'This run does not bear it out: under no split rule it runs do the cheap values gain weight.';
  return { ...base, splits, findings: [...splits.map((x) => x.finding), `${claim} ${verdict}`] };
}

function splitFinding(
  rule: string,
  names: readonly string[],
  complexity: readonly number[],
  prior: readonly number[],
  final: ArrayLike<number>,
  r: BoundedResult,
  advantage: BoundedSplitRun['advantage'],
  horizon: number,
): string {
  const utility = r.utility;
  const order = names.map((_, i) => i).sort((a, b) => complexity[a] - complexity[b]);
  const moves = order
    .map((i) => `${names[i]} (complexity ${complexity[i]}) ${f3(prior[i])} → ${f3(final[i])}`)
    .join(', ');
  const utilities = order.map((i) => `${names[i]} ${f3(utility[i])}`).join(', ');
  const head = `${rule}: NRL’s expected weights after ${horizon} steps ${moves}; true utility ${utilities}`;
  if (sameCost(complexity)) return `${head} — every part’s values cost the same to compute.`;
  if (advantage === 'cheap') {
    // NRL moves weight only by how well the parts' beliefs predict: say so when the cheap parts
    // did buy the better world model.
    const [a, b] = [order[0], order[order.length - 1]];
    const why =
      r.modelShare[a] > r.modelShare[b] + TOL
        ? `: their values leave them more compute for their world model (truth share ${names[a]} ${f3(r.modelShare[a])}, ${names[b]} ${f3(r.modelShare[b])}), and NRL moves weight to the better predictor`
        : '';
    return `${head} — weight flows to the parts whose values are cheap to compute${why}.`;
  }
  if (advantage === 'costly')
    return `${head} — weight flows to the parts whose values are costly to compute, against the essay’s prediction.`;
  return `${head} — the weights do not separate by complexity: no advantage to cheap values under this rule.`;
}
