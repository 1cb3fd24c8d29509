/**
 * The built-in experiments of `sulab run`: the essay's examples whose parameters (compute budgets,
 * value complexities, habituation and endorsement rates, meta-preference targets) are not in the
 * scenario file format, so they are defined in code. Each entry has a kebab-case name, a title, a
 * description (how it is modelled, what it shows and what it does not), the essay's claim quoted,
 * and `run(seed)`, which returns plain JSON-able data that depends on the seed alone. Adding one
 * is one file (NAME.ts) plus one line here, and a report section (report/experiments-report.ts).
 *
 * | name | what it runs |
 * |---|---|
 * | bounded-compute | bounded parts splitting compute between values and world model under negotiable RL (dynamics/bounded/) |
 * | career-evolution | a principal whose preferences evolve under its own choices (dynamics/evolution/) |
 * | meta-preferences | meta-preference fixed points and their basins (dynamics/meta/) |
| learners | boundary learners that learn H's dynamics, and when they come to reshape H (dynamics/learners/) |
| whole-irl | learning the whole H by inverse RL, un-bounding it, and the Armstrong–Mindermann ambiguity (learn/irl/) |
 */
import { Registry } from '../core/registry.js';
import { type BoundedComputeExperiment, boundedComputeExperiment } from './bounded-compute.js';
import { type CareerEvolutionExperiment, careerEvolutionExperiment } from './career-evolution.js';
import { type LearnersExperiment, learnersExperiment } from './learners.js';
import type { Experiment } from './types.js';
import { type WholeIrlExperiment, wholeIrlExperiment } from './whole-irl.js';
import { type MetaPreferencesExperiment, metaPreferencesExperiment } from './meta-preferences.js';

export type { BoundedComputeExperiment } from './bounded-compute.js';
export type { CareerEvolutionExperiment } from './career-evolution.js';
export type { LearnersExperiment } from './learners.js';
export type { Experiment, ExperimentBase } from './types.js';
export type { WholeIrlExperiment } from './whole-irl.js';
export type { MetaPreferencesExperiment } from './meta-preferences.js';

/** The result of any built-in experiment; `experiment` tells which. */
export type ExperimentResult =
  | BoundedComputeExperiment
  | CareerEvolutionExperiment
  | MetaPreferencesExperiment
  | LearnersExperiment
  | WholeIrlExperiment;

/** The seed an experiment runs with unless one is given (`sulab run --seed`). */
export const EXPERIMENT_SEED = 1;

/** Every built-in experiment, in the order `sulab run` runs them. */
export const EXPERIMENTS: readonly Experiment<ExperimentResult>[] = [
  boundedComputeExperiment,
  careerEvolutionExperiment,
  metaPreferencesExperiment,
  learnersExperiment,
  wholeIrlExperiment,
];

export const experimentRegistry = new Registry<Experiment<ExperimentResult>>('experiment', EXPERIMENTS);

export function experimentNames(): string[] {
  return experimentRegistry.list();
}

/** The experiment called `name`; a UserError naming close matches (or every experiment) otherwise. */
export function getExperiment(name: string, where = 'experiment'): Experiment<ExperimentResult> {
  return experimentRegistry.get(name, where);
}
