/**
 * Everything `sulab run` reports about a sequential scenario: for each agent, its expected totals
 * over the horizon (H's approval, the original parts' welfare, drift — exact where the agent has a
 * plan, else by seeded rollouts) and one recorded trajectory (sampled from the truth with the
 * seed, or replaying given observations). An agent with weights of its own (critch/nrl's
 * negotiable priorities, prior × likelihood) shows them in the trajectory instead of H's attention.
 */
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import { byName, labelOf } from '../core/names.js';
import type { SequentialScenario } from '../core/scenario.js';
import { compareAgents } from '../dynamics/compare.js';
import { prepareModel } from '../dynamics/model.js';
import { recordRun, runTotals, type StepRecord } from '../dynamics/recorder.js';
import { agentRegistry } from '../dynamics/registry.js';
import type { WholeIrlDetails } from '../dynamics/whole/irl.js';
import {
  type AgentLevel,
  type LevelVerdict,
  levelProbe,
  levelVerdicts,
  type VerdictInput,
} from './sequential-levels.js';
import { type BoundedRun, runBoundedBlock } from './sequential-bounded.js';
import { type EvolutionRunResult, runEvolutionBlock } from './sequential-evolution.js';

export interface TrajectoryRow {
  t: number;
  state: string;
  action: string;
  observation: string;
  weights: Record<string, number>;
  approval: number;
  welfare: Record<string, number>;
  drift: number;
  impossible?: boolean;
}

export interface AgentRun {
  id: string;
  label: string;
  options?: Record<string, unknown>;
  title?: string;
  /**
   * Expected totals over the scenario's horizon. mean_drift is the drift of H's attention; it is
   * null for critch/nrl, whose trajectory shows its priorities instead (their drift is in the rows).
   */
  expected?: {
    method: 'exact' | 'rollouts';
    approval: number;
    original_welfare: number;
    mean_drift: number | null;
  };
  /** critch/nrl: each part's expected utility under its own beliefs and under the truth. */
  nrl?: { own_beliefs: Record<string, number>; truth: Record<string, number> };
  /**
   * policy/* (policies aggregated whole): each part's expected return at the chosen policy, exact
   * through its occupancy measure, and its level — the share of all policies it ranks below it.
   */
  policy?: { return: Record<string, number>; level: Record<string, number> };
  /** whole/maxent-irl: what A learned of H, its returns, and the decompositions under the prior. */
  irl?: WholeIrlDetails;
  /** Totals of the recorded trajectory. */
  recorded?: {
    approval: number;
    original_welfare: number;
    welfare: Record<string, number>;
    final_drift: number;
  };
  trajectory?: TrajectoryRow[];
  /**
   * A hierarchical H (sequential-levels.ts): what each nested principal says about this agent's
   * trajectory, depth first. Absent for a flat H.
   */
  levels?: AgentLevel[];
  /** The raw rows (typed arrays), for CSV and plots. */
  rows?: StepRecord[];
  error?: string;
}

export interface SequentialResult {
  scenario: string;
  kind: 'sequential';
  title: string;
  parts: string[];
  states: string[];
  actions: string[];
  /** The scenario's horizon (expected totals are over it). */
  horizon: number;
  /** Steps in the recorded runs: the horizon, or the number of replayed observations. */
  recorded_steps: number;
  seed: number;
  observed: string[] | null;
  alignments: AgentRun[];
  /** A hierarchical H: each level's verdict over the agents (H itself first, path ""). */
  level_verdicts?: LevelVerdict[];
  /** The `bounded:` block: each split rule's compute, NRL's weights over time, the parts' utilities. */
  bounded?: BoundedRun;
  /** The `evolution:` block: H acting by its own Σ while its parts evolve. */
  evolution?: EvolutionRunResult;
}

export function runSequential(
  s: SequentialScenario,
  opts: {
    seed?: number;
    observe?: readonly number[];
    /** false: expected totals only, no recorded run (a sweep's cells). Default true. */
    record?: boolean;
    /** false: the file's `bounded:` block is not run (a sweep that records none of its measures). */
    bounded?: boolean;
    /** false: the file's `evolution:` block is not run. */
    evolution?: boolean;
  } = {},
): SequentialResult {
  const seed = opts.seed ?? s.seed;
  const observe = opts.observe ?? s.observe;
  const model = prepareModel(s.env, s.principal);
  const names = s.principal.parts.map((p) => p.name);
  const byPart = (xs: ArrayLike<number>) => byName(names, xs);
  const steps = observe ? observe.length : s.env.horizon;
  // A hierarchy is measured at every level: the leaves' welfare and each level's approval ride
  // along as extra objectives, after the top's own (so the top's numbers are drawn as before).
  const probe = s.principal.tree ? levelProbe(model) : undefined;
  const verdicts: VerdictInput[] = [];
  const alignments = s.agents.map((spec, k): AgentRun => {
    const label = labelOf(spec);
    const options = Object.keys(spec.options).length > 0 ? { options: { ...spec.options } } : {};
    try {
      const agent = agentRegistry.get(spec.id, spec.where).make(spec.options);
      const root = new Random([seed, k]);
      const [summary] = compareAgents(model, [agent], {
        rng: root.split(0),
        episodes: 2000,
        ...(probe ? { extra: probe.objectives } : {}),
      });
      const expected = {
        method: summary.method,
        approval: summary.approval,
        original_welfare: summary.originalWelfare,
        mean_drift: agent.ownWeights ? null : summary.meanDrift,
      };
      const verdict: VerdictInput | undefined = probe
        ? {
            label,
            approval: summary.approval,
            leafWelfare: probe.leafWelfare(summary.extra),
          }
        : undefined;
      if (verdict) verdicts.push(verdict);
      if (opts.record === false) {
        if (verdict) verdict.levels = probe!.entries(summary.extra);
        return { id: spec.id, label, ...options, title: agent.title, expected, ...levelsOf(verdict) };
      }
      const policy = agent.policy(model);
      const run = recordRun(model, policy, root.split(1), {
        ...(observe ? { observe: [...observe], horizon: steps } : {}),
      });
      const rows = agent.ownWeights ? agent.ownWeights(model, run.rows) : run.rows;
      const totals = runTotals(run.rows);
      if (verdict) verdict.levels = probe!.entries(summary.extra, run.rows);
      const extra = Object.fromEntries(
        Object.entries(agent.report?.(model) ?? {}).map(([k, v]) => [
          k,
          Object.fromEntries(Object.entries(v).map(([f, xs]) => [f, byPart(xs)])),
        ]),
      );
      return {
        id: spec.id,
        label,
        ...options,
        title: agent.title,
        expected,
        ...extra,
        ...agent.details?.(model),
        recorded: {
          approval: totals.approval,
          original_welfare: totals.originalWelfare,
          welfare: byPart(totals.welfare),
          final_drift: rows.length > 0 ? rows[rows.length - 1].drift : 0,
        },
        trajectory: rows.map((r, t) => ({
          t: r.t,
          state: s.env.states[r.state],
          action: s.env.actions[r.action],
          observation: s.env.states[r.observation],
          weights: byPart(r.weights),
          approval: r.approval,
          welfare: byPart(r.welfare),
          drift: r.drift,
          ...(run.impossible[t] ? { impossible: true } : {}),
        })),
        ...levelsOf(verdict),
        rows,
      };
    } catch (e) {
      // An agent that refuses (too large, a rule that cannot read these rewards) is reported and the
      // others go on; anything else is a bug and propagates.
      if (!(e instanceof UserError)) throw e;
      return { id: spec.id, label, ...options, error: e.message };
    }
  });
  return {
    scenario: s.name,
    kind: 'sequential',
    title: s.title,
    parts: names,
    states: [...s.env.states],
    actions: [...s.env.actions],
    horizon: s.env.horizon,
    recorded_steps: steps,
    seed,
    observed: observe ? observe.map((o) => s.env.states[o]) : null,
    alignments,
    ...(probe ? { level_verdicts: levelVerdicts(model, verdicts) } : {}),
    ...(s.bounded && opts.bounded !== false ? { bounded: runBoundedBlock(s, s.bounded, seed) } : {}),
    ...(s.evolution && opts.evolution !== false
      ? { evolution: runEvolutionBlock(s, s.evolution, seed) }
      : {}),
  };
}

/** An agent's `levels` field (filled in place by levelVerdicts once every agent has run). */
const levelsOf = (v: VerdictInput | undefined) => (v?.levels ? { levels: v.levels } : {});
