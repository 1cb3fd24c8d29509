/**
 * Everything `sulab run` reports about one scenario: for every reading f its target, scores,
 * reflexivity gap and neglected parts; for every action its per-part utility and welfare, the
 * worst-off part, Pareto domination (under the parts' own and the shared beliefs), its place in
 * H's own Σ ranking and whether it overrides B(H); and the interpretation matrix of the
 * candidate behaviours. A reading that throws (a plugin, say) is reported with its error and
 * the others go on.
 */
import { behaviourWork, buildContext, reweightContext } from '../align/context.js';
import { MAX_STEERING_WORK } from '../scenario/limits.js';
import { targetAsLottery } from '../align/readings/common.js';
import { getOperationalization } from '../align/registry.js';
import type { AlignContext, Reading, Target } from '../align/types.js';
import { byName, labelOf } from '../core/names.js';
import type { AlignmentSpec, Scenario } from '../core/scenario.js';
import { beliefPareto, pooledProblem, spuriousUnanimities } from '../measure/beliefs.js';
import { type Pluralism, pluralism } from '../measure/pluralism.js';

import { dominators } from '../core/pareto.js';
import { interpretationMatrix } from '../measure/interpretation.js';
import { reflexivityGap } from '../measure/reflexivity.js';
import { decisionValues, welfareMatrix } from '../core/normalize.js';
import { allEqual, neglected, worstOff } from '../measure/welfare.js';
import { evaluateLevels, type LevelResult } from './levels.js';
import { bestMisreport, type Manipulation, manipulable } from './manipulation.js';

/** A decision in the output: an action name, or a lottery as {action: probability}. */
export type DecisionJson = string | Record<string, number>;

export interface AlignmentResult {
  id: string;
  /** The id with its options, e.g. "parts/delegates{protocol=nash-demand}": tells repeated readings apart. */
  label: string;
  options?: Record<string, unknown>;
  title?: string;
  target?: DecisionJson;
  /** The tie set the target was picked from (lowest index first), when it is an action. */
  target_ties?: string[];
  /** Each part's expected utility of the target under its own beliefs. */
  target_utility?: Record<string, number>;
  /** The same, normalized to [0, 1] per part. */
  target_welfare?: Record<string, number>;
  scores?: Record<string, number>;
  reflexivity_gap?: number;
  self_aligned?: boolean;
  neglected?: string[];
  notes?: string[];
  /** The notes that qualify the target itself (Reading.caveats), when there are any. */
  caveats?: string[];
  /** What the reading found beyond its target (meta/equilibrium's fixed points, parts/unbounding's path). */
  details?: Readonly<Record<string, unknown>>;
  error?: string;
  /** Pluralism and distortion of the target (measure/pluralism.ts); steerability only when asked. */
  pluralism?: Partial<Pluralism>;
  /** The best misreport of any part (run/manipulation.ts), when asked and H is small enough. */
  manipulation?: Manipulation;
  /**
   * The reading at every nested principal (run/levels.ts): its own target and self-alignment
   * there, and that level's parts' welfare under this (top-level) target. Empty when H is flat.
   */
  levels?: LevelResult[];
  /** The target is Pareto-undominated by the parts' own beliefs (measure/beliefs.ts). */
  pareto_ex_ante?: boolean;
  /** The target is Pareto-undominated under one belief for all: the linear pool of theirs. */
  pareto_ex_post?: boolean;
}

export interface ActionMetrics {
  utility: Record<string, number>;
  welfare: Record<string, number>;
  welfare_shared: Record<string, number>;
  /** The part with the lowest welfare; null when every part fares the same. */
  worst_off: string | null;
  pareto_dominated: boolean;
  pareto_dominated_by: string[];
  pareto_dominated_shared: boolean;
  /**
   * Every part prefers this action to some other by its own beliefs, but neither the shared world
   * model nor the pool of their beliefs agrees: they agree only because they disagree about the world.
   */
  spurious_unanimity: boolean;
  /** The actions it is so preferred to. */
  spurious_unanimity_over: string[];
  sigma_rank: number;
  approval: number;
  override: boolean;
}

export interface ScenarioResult {
  kind: 'one-shot';
  scenario: string;
  title: string;
  parts: string[];
  actions: string[];
  candidates: string[];
  behaviour: DecisionJson;
  alignments: AlignmentResult[];
  metrics: Record<string, ActionMetrics>;
  interpretation: Record<string, string[]>;
  /** How many candidates some reading accepts. */
  accepted_by_some: number;
}

function decisionJson(ctx: AlignContext, d: Target | Float64Array): DecisionJson {
  const lottery = d instanceof Float64Array ? d : d.kind === 'lottery' ? d.lottery : null;
  if (lottery === null) return ctx.actions[(d as { action: number }).action];
  const support: [string, number][] = [];
  lottery.forEach((q, a) => {
    if (q > 1e-12) support.push([ctx.actions[a], q]);
  });
  if (support.length === 1 && Math.abs(support[0][1] - 1) < 1e-12) return support[0][0];
  return Object.fromEntries(support);
}

/** The place of each action in a ranking given by approval scores: 1 = top group. */
function ranksOf(approval: Float64Array): number[] {
  const levels = [...new Set(Array.from(approval).map((x) => Math.round(x * 1e9)))].sort((a, b) => b - a);
  return Array.from(approval, (x) => levels.indexOf(Math.round(x * 1e9)) + 1);
}

const paretoJson = (p: { exAnte: boolean; exPost: boolean }) => ({
  pareto_ex_ante: p.exAnte,
  pareto_ex_post: p.exPost,
});

export interface EvaluateOptions {
  /** Per-level results (default true; a sweep cell records top-level measures only). */
  readonly levels?: boolean;
  /** Pluralism and distortion measures (default true). */
  readonly pluralism?: boolean;
  /** Steerability, which reads H again once per part (default true). */
  readonly steerability?: boolean;
  /** The best misreport's gain (run/manipulation.ts; reads H again per report: default false). */
  readonly manipulation?: boolean;
  /**
   * Steerability is left out, with a note, when parts × the part-utilities one B(H) draws is
   * over this (default MAX_STEERING_WORK, scenario/limits.ts).
   */
  readonly maxSteeringWork?: number;
}

const fmt = (x: number) => x.toLocaleString('en-US');

/** Why steerability is left out, or undefined when it is within the bound. */
function steeringSkipped(scenario: Scenario, max: number): string | undefined {
  const h = scenario.principal;
  const draws = behaviourWork(h, scenario.bounds);
  const work = h.parts.length * draws;
  if (work <= max) return undefined;
  const { samples } = scenario.bounds;
  return `steerability: not computed — it reads H again once per part (${fmt(h.parts.length)}), and each reading draws B(H) under noise through ${h.sigma.rule} (${fmt(samples)} samples × ${fmt(h.parts.length)} parts × ${fmt(h.actions.length)} actions): ${fmt(work)} draws, over the bound of ${fmt(max)} (fewer bounds.samples, or evaluate's maxSteeringWork, allow it)`;
}

/**
 * The target of `reading` on the scenario with H's weights replaced, as a lottery: the context is
 * the scenario's with other weights (the parts' utilities are kept; B(H) is computed only if the
 * reading reads it), and the reading is told that its notes are not read.
 */
function targetWithWeights(
  ctx: AlignContext,
  spec: AlignmentSpec,
  A: number,
  contexts: Map<string, AlignContext>,
) {
  return (weights: Float64Array): Float64Array => {
    // Every reading steers with the same weights: one context (and one B(H)) per weight vector.
    const key = Array.from(weights).join(',');
    let re = contexts.get(key);
    if (!re) {
      re = reweightContext(ctx, weights, { quiet: true });
      contexts.set(key, re);
    }
    return targetAsLottery(getOperationalization(spec.id, spec.where).read(re, spec.options).target, A);
  };
}

/** Evaluates every reading of the scenario (see EvaluateOptions for what may be left out). */
export function evaluate(
  scenario: Scenario,
  ctx: AlignContext = buildContext(scenario),
  opts: EvaluateOptions = {},
): ScenarioResult {
  const { own, shared } = ctx;
  const A = ctx.actions.length;
  const n = ctx.parts.length;
  const W = welfareMatrix(own);
  const Wshared = welfareMatrix(shared);
  const eps = scenario.epsilon;
  const pooled = pooledProblem(ctx);

  const steered = new Map<string, AlignContext>();
  const skipSteering =
    opts.pluralism !== false && opts.steerability !== false
      ? steeringSkipped(scenario, opts.maxSteeringWork ?? MAX_STEERING_WORK)
      : undefined;
  const readings: { id: string; reading?: Reading; error?: string }[] = [];
  const tops: (Target | undefined)[] = [];
  const alignments: AlignmentResult[] = scenario.alignments.map((spec) => {
    const label = labelOf(spec);
    const options = Object.keys(spec.options).length > 0 ? { options: { ...spec.options } } : {};
    try {
      const op = getOperationalization(spec.id, spec.where);
      const reading = op.read(ctx, spec.options);
      readings.push({ id: label, reading });
      tops.push(reading.target);
      const t = reading.target;
      const d = t.kind === 'lottery' ? t.lottery : t.action;
      const welfare = decisionValues(W, n, A, d);
      const gap = reflexivityGap(reading, ctx.behaviour);
      let plural: Partial<Pluralism> | undefined;
      if (opts.pluralism !== false) {
        const p = targetAsLottery(t, A);
        const steer =
          opts.steerability !== false && !skipSteering ? targetWithWeights(ctx, spec, A, steered) : undefined;
        plural = pluralism(W, own.weights, n, A, p, steer);
      }
      return {
        id: spec.id,
        label,
        ...options,
        title: op.title,
        target: decisionJson(ctx, t),
        ...(t.kind === 'action' ? { target_ties: t.ties.map((a) => ctx.actions[a]) } : {}),
        target_utility: byName(ctx.parts, decisionValues(own.u, n, A, d)),
        target_welfare: byName(ctx.parts, welfare),
        scores: byName(ctx.actions, reading.scores),
        reflexivity_gap: gap,
        self_aligned: gap <= eps,
        neglected: neglected(welfare, own.weights, scenario.neglectThreshold).map((i) => ctx.parts[i]),
        notes: skipSteering ? [...reading.notes, skipSteering] : [...reading.notes],
        ...(reading.caveats?.length ? { caveats: [...reading.caveats] } : {}),
        ...(reading.details ? { details: reading.details } : {}),
        ...(plural ? { pluralism: plural } : {}),
        ...paretoJson(beliefPareto(own, pooled, d)),
        ...(opts.manipulation && manipulable(scenario.principal)
          ? { manipulation: bestMisreport(scenario, spec) }
          : {}),
      };
    } catch (e) {
      readings.push({ id: label, error: (e as Error).message });
      tops.push(undefined);
      return { id: spec.id, label, ...options, error: (e as Error).message };
    }
  });

  if (opts.levels !== false) {
    const levels = evaluateLevels(scenario, tops, decisionJson);
    alignments.forEach((r, k) => {
      r.levels = levels[k];
    });
  }

  const ranks = ranksOf(ctx.approval);
  const spuriousAll = spuriousUnanimities(own, shared, pooled);
  const metrics: Record<string, ActionMetrics> = {};
  for (let a = 0; a < A; a++) {
    const w = decisionValues(W, n, A, a);
    const dom = dominators(own, a);
    const spurious = spuriousAll[a];
    metrics[ctx.actions[a]] = {
      utility: byName(ctx.parts, decisionValues(own.u, n, A, a)),
      welfare: byName(ctx.parts, w),
      welfare_shared: byName(ctx.parts, decisionValues(Wshared, n, A, a)),
      worst_off: allEqual(w, own.weights) ? null : ctx.parts[worstOff(w, own.weights)],
      pareto_dominated: dom.length > 0,
      pareto_dominated_by: dom.map((b) => ctx.actions[b]),
      pareto_dominated_shared: dominators(shared, a).length > 0,
      spurious_unanimity: spurious.length > 0,
      spurious_unanimity_over: spurious.map((b) => ctx.actions[b]),
      sigma_rank: ranks[a],
      approval: ctx.approval[a],
      override: !ctx.behaviour.modes.includes(a),
    };
  }

  const matrix = interpretationMatrix(
    readings.map((r) => r.reading),
    scenario.candidates,
    eps,
  );
  const interpretation: Record<string, string[]> = {};
  scenario.candidates.forEach((c, j) => {
    interpretation[ctx.actions[c]] = matrix.acceptedBy[j].map((k) => readings[k].id);
  });

  return {
    kind: 'one-shot',
    scenario: scenario.name,
    title: scenario.title,
    parts: [...ctx.parts],
    actions: [...ctx.actions],
    candidates: scenario.candidates.map((c) => ctx.actions[c]),
    behaviour: decisionJson(ctx, ctx.behaviour.lottery),
    alignments,
    metrics,
    interpretation,
    accepted_by_some: matrix.acceptedBySome,
  };
}
