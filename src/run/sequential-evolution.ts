/**
 * A sequential scenario's `evolution:` block, run: H acts by its own Σ in the scenario's world,
 * step after step — no AI system, B(H) repeated — while habituation, endorsement and weight drift
 * change its parts (dynamics/evolution/, the tabular setting: utilities are about (state, action)
 * cells). The result says where the weights and utilities drift to, whether H came to endorse
 * what its original self ranked lower, and whether the parts' original welfare survives: what
 * they got by their original utilities, next to what the same H would have given them had its
 * parts not evolved.
 */
import { byName, runs } from '../core/names.js';
import type { SequentialScenario } from '../core/scenario.js';
import type { DeclaredEvolution } from '../core/sequential-mechanisms.js';
import {
  type EvolutionParams,
  evolutionFromSequential,
  type EvolutionSummary,
  summarizeEvolution,
} from '../dynamics/evolution/index.js';

/** Where the whole state goes when H's evolution is iterated on past the run. */
export interface EvolutionLimitJson {
  readonly kind: 'fixed' | 'cycle' | 'none';
  readonly period: number;
  readonly steps: number;
  readonly orbit: string[];
  readonly still_chooses: boolean;
  readonly weights: Record<string, number>;
}

export interface EvolvedPartRun {
  readonly name: string;
  /** Utility of each item (an action when the world has one state, else "state/action") at the start and after the run. */
  readonly original: Record<string, number>;
  readonly evolved: Record<string, number>;
  readonly weight: number;
  readonly evolved_weight: number;
  /** Mean over the steps of the welfare of what happened, by its original and by its current utilities. */
  readonly mean_welfare_original: number;
  readonly mean_welfare_current: number;
  /** The same by its original utilities had no part evolved (every rate 0): what the original H gives it. */
  readonly mean_welfare_unevolved: number;
  /** Largest utility change, in units of the part's original range. */
  readonly drift: number;
}

export interface EvolutionRunResult {
  readonly steps: number;
  readonly params: {
    habituation: number;
    recovery: number;
    baseline: number | number[];
    endorsement: number;
    endorsers: string;
    weight_drift: number;
    tie_break: string;
  };
  readonly items: string[];
  /** What H chose at each step (the action; "state: action" when the world has several states). */
  readonly choices: string[];
  /** The choices as runs of steps: ["0–18 startup", "19–24 research"]. */
  readonly choice_runs: string[];
  /** The state the rankings are read in (the first step's). */
  readonly ranking_state: string;
  readonly original_ranking: string[][];
  readonly evolved_ranking: string[][];
  /** Steps in which H took an action its original self ranks lower; those the evolved H of that step approved fully. */
  readonly against_original: number[];
  readonly endorsed_against_original: number[];
  /** Each part's weight share for t = 0 … steps. */
  readonly weights: Record<string, number[]>;
  /** Total-variation distance of the weights from t = 0, for t = 0 … steps. */
  readonly weight_drift: number[];
  readonly per_part: EvolvedPartRun[];
  /** Iterated on past the run: a fixed point or cycle of the whole state (null: not looked for). */
  readonly limit: EvolutionLimitJson | null;
  /** Whether every part gets at least as much by its original utilities as it would have unevolved. */
  readonly original_welfare_survives: boolean;
  /** What the run shows, in the essay's words. */
  readonly findings: string[];
}

export function evolutionParams(e: DeclaredEvolution): EvolutionParams {
  return {
    habituation: e.habituation,
    recovery: e.recovery,
    baseline: e.baseline,
    endorsement: e.endorsement,
    endorsers: e.endorsers,
    weightDrift: e.weightDrift,
    tieBreak: e.tieBreak,
  };
}

const f3 = (x: number) => x.toFixed(3);
const TOL = 1e-9;

export function runEvolutionBlock(
  s: SequentialScenario,
  e: DeclaredEvolution,
  seed: number,
): EvolutionRunResult {
  const m = evolutionFromSequential(s.env, s.principal);
  const params = evolutionParams(e);
  const r = summarizeEvolution(m, params, e.steps, seed, e.limit);
  // The same H, its parts held fixed: what the original H gives each part over the same steps.
  const still = summarizeEvolution(m, { tieBreak: e.tieBreak }, e.steps, seed, 0);
  const { actions, states } = s.env;
  const one = states.length === 1;
  const items = one ? [...actions] : [...m.items];
  const names = [...m.parts];
  const act = (a: number) => actions[a];
  const choices = r.records.map((x) =>
    one ? actions[x.choice] : `${states[x.state]}: ${actions[x.choice]}`,
  );
  const weights: Record<string, number[]> = {};
  names.forEach((p, i) => {
    weights[p] = [m.weights[i], ...r.records.map((x) => x.weights[i])];
  });
  const perPart = r.parts.map(
    (p, i): EvolvedPartRun => ({
      name: p.name,
      original: byName(items, p.original),
      evolved: byName(items, p.evolved),
      weight: p.weight,
      evolved_weight: p.evolvedWeight,
      mean_welfare_original: p.meanWelfareOriginal,
      mean_welfare_current: p.meanWelfareCurrent,
      mean_welfare_unevolved: still.parts[i].meanWelfareOriginal,
      drift: p.drift,
    }),
  );
  const rank = (g: number[][]) => g.map((x) => x.map(act));
  const survives = perPart.every((p) => p.mean_welfare_original >= p.mean_welfare_unevolved - TOL);
  return {
    steps: e.steps,
    params: {
      habituation: e.habituation,
      recovery: e.recovery,
      baseline: typeof e.baseline === 'number' ? e.baseline : [...e.baseline],
      endorsement: e.endorsement,
      endorsers: e.endorsers,
      weight_drift: e.weightDrift,
      tie_break: e.tieBreak,
    },
    items,
    choices,
    choice_runs: runs(choices),
    ranking_state: states[r.rankingState],
    original_ranking: rank(r.originalRanking),
    evolved_ranking: rank(r.evolvedRanking),
    against_original: r.againstOriginal,
    endorsed_against_original: r.endorsedAgainstOriginal,
    weights,
    weight_drift: [0, ...r.records.map((x) => x.weightDrift)],
    per_part: perPart,
    limit: r.limit && {
      kind: r.limit.kind,
      period: r.limit.period,
      steps: r.limit.steps,
      orbit: r.limit.orbit.map(act),
      still_chooses: r.limit.stillChooses,
      weights: byName(names, r.limit.weights),
    },
    original_welfare_survives: survives,
    findings: findings(r, perPart, e.steps, rank, survives),
  };
}

function findings(
  r: EvolutionSummary,
  parts: readonly EvolvedPartRun[],
  steps: number,
  rank: (g: number[][]) => string[][],
  survives: boolean,
): string[] {
  const out: string[] = [];
  const ranking = (g: string[][]) => g.map((x) => x.join(' = ')).join(' > ');
  const moved = parts.some((p) => Math.abs(p.evolved_weight - p.weight) > TOL);
  const byWeight = [...parts].sort((a, b) => b.evolved_weight - a.evolved_weight);
  out.push(
    moved
      ? `After ${steps} steps the weights drift to ${byWeight[0].name}: ${byWeight
          .map((p) => `${p.name} ${f3(p.weight)} → ${f3(p.evolved_weight)}`)
          .join(', ')}.`
      : `After ${steps} steps the weights have not moved.`,
  );
  const before = ranking(rank(r.originalRanking));
  const after = ranking(rank(r.evolvedRanking));
  out.push(
    before === after
      ? `H’s Σ ranks the actions as it did at the start (${before}).`
      : `H’s Σ ranking goes from ${before} to ${after}: aligning with what H wants now is not stable over time.`,
  );
  if (r.againstOriginal.length > 0)
    out.push(
      `In ${r.againstOriginal.length} of ${steps} steps H took an action its original self ranks lower; the evolved H approves ${r.endorsedAgainstOriginal.length} of them fully${
        r.endorsedAgainstOriginal.length > 0 ? ' — it comes to endorse what it did' : ''
      }.`,
    );
  const flattered = [...parts].sort(
    (a, b) =>
      b.mean_welfare_current - b.mean_welfare_original - (a.mean_welfare_current - a.mean_welfare_original),
  )[0];
  if (flattered && flattered.mean_welfare_current > flattered.mean_welfare_original + TOL)
    out.push(
      `${flattered.name}’s mean welfare is ${f3(flattered.mean_welfare_original)} by its original utilities but ${f3(flattered.mean_welfare_current)} by its current ones: judged by the evolved parts, it looks better served than it was.`,
    );
  const losers = parts.filter((p) => p.mean_welfare_original < p.mean_welfare_unevolved - TOL);
  out.push(
    survives
      ? `The parts’ original welfare survives: by its original utilities each gets at least what the unevolved H would have given it (${parts
          .map((p) => `${p.name} ${f3(p.mean_welfare_original)} vs ${f3(p.mean_welfare_unevolved)}`)
          .join(', ')}).`
      : `The parts’ original welfare does not survive for ${losers
          .map(
            (p) =>
              `${p.name} (${f3(p.mean_welfare_original)} by its original utilities, vs ${f3(p.mean_welfare_unevolved)} had no part evolved)`,
          )
          .join(', ')}.`,
  );
  if (r.limit)
    out.push(
      r.limit.kind === 'none'
        ? `Iterated on for ${r.limit.steps} steps, the state settles into no fixed point or short cycle.`
        : `Iterated on, the state settles after ${r.limit.steps} steps into a ${
            r.limit.kind === 'fixed' ? 'fixed point' : `${r.limit.period}-cycle`
          }; the evolved Σ ${r.limit.stillChooses ? 'still chooses' : 'no longer chooses'} H’s first action.`,
    );
  return out;
}
