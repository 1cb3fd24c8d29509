/**
 * What a run of preference evolution comes to, for any model (repeated or tabular): what H chose,
 * the original and the evolved H's rankings and approvals, the years H went against its original
 * ranking and endorsed doing so, each part's utilities, weight, drift and welfare of what happened
 * judged by its original and by its current utilities, and — iterated on — where the whole state
 * ends. The career built-in (builtins.ts) and the `evolution:` block of a sequential scenario
 * (run/sequential-mechanisms.ts) both read a run through this one function.
 */
import { approvalOf } from '../../sigma/apply-utilities.js';
import { Random } from '../../core/random.js';
import type { EvolutionModel, EvolutionParams } from './model.js';
import { type EvolutionRecord, runEvolution } from './run.js';
import { evolutionLimit } from './limit.js';
import { sigmaOn } from './updates.js';

export interface EvolvedPart {
  readonly name: string;
  /** Original utility of each item (outcome, or state/action cell). */
  readonly original: number[];
  /** Utility of each item after the run. */
  readonly evolved: number[];
  readonly weight: number;
  readonly evolvedWeight: number;
  /** Mean over the steps of the welfare of what happened, by the original and by the current utilities. */
  readonly meanWelfareOriginal: number;
  readonly meanWelfareCurrent: number;
  /** Largest utility change, in units of the part's original range. */
  readonly drift: number;
}

export interface EvolutionSummary {
  readonly records: EvolutionRecord[];
  /** The state the rankings are read in: the first step's (the only one in the repeated setting). */
  readonly rankingState: number;
  /** The original H's and the evolved H's (after the last step) Σ rankings of the actions, best first. */
  readonly originalRanking: number[][];
  readonly evolvedRanking: number[][];
  /** Steps in which H took an action the original H ranks below its first choice there (original approval < 1). */
  readonly againstOriginal: number[];
  /** Those of them the evolved H of that step approved fully (approval 1). */
  readonly endorsedAgainstOriginal: number[];
  /** The evolved H's (after the last step) approval of each step's action, and the original H's, in the ranking state. */
  readonly evolvedApprovalOfPast: number[];
  readonly originalApprovalOfPast: number[];
  readonly parts: EvolvedPart[];
  /** Iterated on past the run (from the start, up to `limitSteps`): the limit of the whole state. */
  readonly limit: {
    readonly kind: 'fixed' | 'cycle' | 'none';
    readonly period: number;
    readonly steps: number;
    /** Actions along the limit cycle (or the fixed point's action). */
    readonly orbit: number[];
    /** Whether the evolved H's Σ still chooses the first action. */
    readonly stillChooses: boolean;
    readonly weights: number[];
  } | null;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * Runs `steps` steps of evolution from the seed, then (when `limitSteps` > 0) iterates the model
 * from the start again, on its own seeded stream, up to `limitSteps` steps to find its limit.
 */
export function summarizeEvolution(
  m: EvolutionModel,
  params: EvolutionParams,
  steps: number,
  seed: number,
  limitSteps: number,
): EvolutionSummary {
  const run = runEvolution(m, params, steps, new Random(seed));
  const K = m.items.length;
  const A = m.actions.length;
  const last = run.records[run.records.length - 1];
  const uNow = last ? last.utilities : m.utility;
  const wNow = last ? last.weights : m.weights;
  const st = run.records.length > 0 ? run.records[0].state : run.initial.state;
  const evolved = sigmaOn(m, uNow, wNow, st);
  const original = sigmaOn(m, m.utility, m.weights, st);
  const evolvedApproval = approvalOf(evolved, A);
  const originalApproval = approvalOf(original, A);
  const rankingOf = (r: typeof evolved) => (r.ranking ?? [r.winners]).map((g) => [...g]);
  const againstOriginal = run.records.filter((r) => r.originalApproval < 1).map((r) => r.t);
  const limit =
    limitSteps > 0 ? evolutionLimit(m, params, new Random(seed), { maxSteps: limitSteps }) : undefined;
  return {
    records: run.records,
    rankingState: st,
    originalRanking: rankingOf(original),
    evolvedRanking: rankingOf(evolved),
    againstOriginal,
    endorsedAgainstOriginal: againstOriginal.filter((t) => run.records[t].approval === 1),
    evolvedApprovalOfPast: run.records.map((r) => evolvedApproval[r.choice]),
    originalApprovalOfPast: run.records.map((r) => originalApproval[r.choice]),
    parts: m.parts.map((name, i) => ({
      name,
      original: Array.from(m.utility.subarray(i * K, (i + 1) * K)),
      evolved: Array.from(uNow.subarray(i * K, (i + 1) * K)),
      weight: m.weights[i],
      evolvedWeight: wNow[i],
      meanWelfareOriginal: mean(run.records.map((r) => r.welfareOriginal[i])),
      meanWelfareCurrent: mean(run.records.map((r) => r.welfareCurrent[i])),
      drift: last ? last.drift[i] : 0,
    })),
    limit: limit
      ? {
          kind: limit.kind,
          period: limit.period,
          steps: limit.steps,
          orbit: limit.orbit,
          stillChooses: limit.stillChooses,
          weights: Array.from(limit.weights),
        }
      : null,
  };
}
