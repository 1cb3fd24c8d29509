/**
 * The `career-evolution` experiment: a principal whose preferences evolve under its own choices
 * (dynamics/evolution/), on its career built-in — year by year, what H chose,
 * the parts' utilities and weights, H's Σ scores of the paths, and at the end the evolved H's
 * ranking next to the original H's, and each part's welfare of what happened judged by its
 * original utilities and by its current ones.
 */
import type { EvolutionLimitJson, EvolvedPartRun } from '../run/sequential-evolution.js';
import { careerEvolution } from '../dynamics/evolution/index.js';
import { byName, type Experiment, type ExperimentBase, fixed, runs } from './types.js';

/** H at the start of a year (`year` = years: after the last one). */
export interface CareerYear {
  readonly year: number;
  /** The path taken this year (null after the last year). */
  readonly choice: string | null;
  readonly weights: Record<string, number>;
  /** Each part's current utility of each path. */
  readonly utilities: Record<string, Record<string, number>>;
  /** H's Σ (weighted utilitarian): Σ_i w_i u_i of each path; the choice is the best, ties low. */
  readonly sigma_score: Record<string, number>;
  /** This year's experience, per part: its welfare by its original and by its current utilities. */
  readonly welfare_original: Record<string, number> | null;
  readonly welfare_current: Record<string, number> | null;
  /** The evolved H's (after this year) and the original H's approval of the choice, in [0, 1]. */
  readonly approval: number | null;
  readonly original_approval: number | null;
}

/** A part's outcome: the evolution block's (run/sequential-evolution.ts), without the unevolved comparison. */
export type CareerPartOutcome = Omit<EvolvedPartRun, 'mean_welfare_unevolved'>;

export interface CareerEvolutionExperiment extends ExperimentBase {
  readonly experiment: 'career-evolution';
  readonly paths: string[];
  readonly parts: string[];
  readonly sigma: string;
  readonly params: Record<string, unknown>;
  readonly years: number;
  readonly choices: string[];
  /** The choices as runs of years: ["0–18 startup", "19–24 research"]. */
  readonly choice_runs: string[];
  readonly original_ranking: string[][];
  readonly evolved_ranking: string[][];
  /** Years in which H took a path the original H ranks below its first, and those the evolved H of that year approved fully. */
  readonly against_original: number[];
  readonly endorsed_against_original: number[];
  readonly by_year: CareerYear[];
  readonly per_part: CareerPartOutcome[];
  /** Iterated on past the run: a fixed point or cycle of the whole state. */
  readonly limit: EvolutionLimitJson;
}

export function runCareerEvolution(seed: number): CareerEvolutionExperiment {
  const r = careerEvolution({ seed });
  const { paths } = r;
  const parts = r.parts.map((p) => p.name);
  const K = paths.length;
  const n = parts.length;
  const utilityAt = (u: ArrayLike<number>) => {
    const out: Record<string, Record<string, number>> = {};
    parts.forEach((p, i) => {
      out[p] = byName(
        paths,
        Array.from({ length: K }, (_, k) => u[i * K + k]),
      );
    });
    return out;
  };
  const scoreAt = (u: ArrayLike<number>, w: ArrayLike<number>) =>
    byName(
      paths,
      paths.map((_, k) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += w[i] * u[i * K + k];
        return s;
      }),
    );
  const u0 = new Float64Array(n * K);
  r.parts.forEach((p, i) => {
    u0.set(p.original, i * K);
  });
  const w0 = r.parts.map((p) => p.weight);
  const by_year: CareerYear[] = [];
  for (let y = 0; y <= r.years; y++) {
    const before = y === 0 ? null : r.records[y - 1];
    const u = before ? before.utilities : u0;
    const w = before ? before.weights : w0;
    const rec = y < r.years ? r.records[y] : null;
    by_year.push({
      year: y,
      choice: rec ? paths[rec.choice] : null,
      weights: byName(parts, w),
      utilities: utilityAt(u),
      sigma_score: scoreAt(u, w),
      welfare_original: rec ? byName(parts, rec.welfareOriginal) : null,
      welfare_current: rec ? byName(parts, rec.welfareCurrent) : null,
      approval: rec ? rec.approval : null,
      original_approval: rec ? rec.originalApproval : null,
    });
  }
  const care = r.parts[r.parts.length - 1];
  const rank = (g: string[][]) => g.map((x) => x.join(' = ')).join(' > ');
  const choiceRuns = runs(r.choices);
  return {
    kind: 'experiment',
    experiment: 'career-evolution',
    title: careerEvolutionExperiment.title,
    seed,
    summary:
      `years ${choiceRuns.join(', ')}; Σ ranking original ${rank(r.originalRanking)}, evolved ${rank(r.evolvedRanking)}; ` +
      `${care.name}’s mean welfare ${fixed(care.meanWelfareOriginal)} by its original utilities, ` +
      `${fixed(care.meanWelfareCurrent)} by its current ones; weights ` +
      r.parts.map((p) => `${p.name} ${fixed(p.weight)}→${fixed(p.evolvedWeight)}`).join(', '),
    paths: [...paths],
    parts,
    sigma: r.sigma,
    params: { ...r.params },
    years: r.years,
    choices: r.choices,
    choice_runs: choiceRuns,
    original_ranking: r.originalRanking,
    evolved_ranking: r.evolvedRanking,
    against_original: r.againstOriginal,
    endorsed_against_original: r.endorsedAgainstOriginal,
    by_year,
    per_part: r.parts.map((p) => ({
      name: p.name,
      original: byName(paths, p.original),
      evolved: byName(paths, p.evolved),
      weight: p.weight,
      evolved_weight: p.evolvedWeight,
      mean_welfare_original: p.meanWelfareOriginal,
      mean_welfare_current: p.meanWelfareCurrent,
      drift: p.drift,
    })),
    limit: {
      kind: r.limit.kind,
      period: r.limit.period,
      steps: r.limit.steps,
      orbit: r.limit.orbit,
      still_chooses: r.limit.stillChooses,
      weights: byName(parts, r.limit.weights),
    },
  };
}

export const careerEvolutionExperiment: Experiment<CareerEvolutionExperiment> = {
  name: 'career-evolution',
  title: 'A career chosen by a principal whose preferences evolve under its own choices',
  description:
    'H chooses a path each year — research, startup or teaching — by its weighted-utilitarian Σ over three parts: curiosity (utilities 1, 0.6, 0.3; weight 0.3), ambition (0.5, 1, 0; 0.4) and care (0.4, 0.2, 1; 0.3). No AI system: B(H) repeated, and what it does to the parts. Each year the parts H overruled come to value the path taken more (endorsement 0.3 of the way to their best: cognitive dissonance), the path taken loses novelty for everyone (habituation 0.05 towards 0.3, recovering at 0.05 when not taken), and the parts whose favourite happened gain weight (5% a year). Nothing is random (the world is the identity, ties go to the first path), so the seed changes nothing. The evolved H ends up ranking a path first that the original H ranked second, approves the years it spent there fully, and its neglected part, judged by its current utilities, looks far better served than it was by its original ones.',
  essay:
    '“Considerations relating to the evolution of preferences” — among the desiderata it finds missing from social choice theory. And of aligning with the output of H’s aggregation: “it’s not clear that this kind of alignment is stable over time.”',
  run: runCareerEvolution,
};
