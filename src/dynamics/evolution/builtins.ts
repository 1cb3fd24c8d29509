/**
 * Built-in examples of preference evolution and meta-preference fixed points. Each is a function
 * returning plain data (numbers, strings, typed arrays); the numbers quoted below are what the
 * defaults produce, and the tests pin them.
 */
import { makePrincipal } from '../../core/model.js';
import { type EvolutionParams, evolutionFromPrincipal } from './model.js';
import type { EvolutionRecord } from './run.js';
import { type EvolvedPart, summarizeEvolution } from './summary.js';

/** A part of the career principal: its paths' utilities before and after, weight, welfare, drift. */
export type CareerPart = EvolvedPart;

export interface CareerReport {
  readonly title: string;
  readonly description: string;
  readonly paths: readonly string[];
  readonly sigma: string;
  readonly params: EvolutionParams;
  readonly years: number;
  /** The path H took each year. */
  readonly choices: string[];
  readonly records: EvolutionRecord[];
  /** The original H's and the evolved H's (after the last year) rankings of the paths, best first. */
  readonly originalRanking: string[][];
  readonly evolvedRanking: string[][];
  /** Years in which H took a path the original H ranks below its first choice (original approval < 1). */
  readonly againstOriginal: number[];
  /** Those of them the evolved H of that year approved fully (approval 1). */
  readonly endorsedAgainstOriginal: number[];
  /** The evolved H's (after the last year) approval of each year's path, and the original H's. */
  readonly evolvedApprovalOfPast: number[];
  readonly originalApprovalOfPast: number[];
  readonly parts: CareerPart[];
  /** Iterating on past the run: the limit of the whole state. */
  readonly limit: {
    readonly kind: 'fixed' | 'cycle' | 'none';
    readonly period: number;
    readonly steps: number;
    /** Paths along the limit cycle (or the fixed point's path). */
    readonly orbit: string[];
    /** Whether the evolved H's Σ still chooses the year-0 path. */
    readonly stillChooses: boolean;
    readonly weights: number[];
  };
}

/** The career principal's default evolution parameters. */
export const CAREER_PARAMS: EvolutionParams = {
  habituation: 0.05,
  recovery: 0.05,
  baseline: 0.3,
  endorsement: 0.3,
  endorsers: 'overruled',
  weightDrift: 0.05,
  tieBreak: 'lexicographic',
};

/**
 * A career chosen year after year by a principal whose preferences evolve under its own choices.
 *
 * Paths (outcomes = actions, identity world): research, startup, teaching. Parts (utility of
 * research, startup, teaching; weight): curiosity (1, 0.6, 0.3; 0.3), ambition (0.5, 1, 0; 0.4),
 * care (0.4, 0.2, 1; 0.3). Σ: weighted utilitarian, so the original H scores research 0.62,
 * startup 0.64, teaching 0.39 and takes the startup, overruling curiosity and care. Each year:
 * overruled parts endorse the path taken (η_e = 0.3 of the way to their best), the path taken
 * loses novelty (η_h = 0.05 towards the baseline 0.3; recovery ρ = 0.05 when not taken), and the
 * parts whose favourite happened gain weight (η_w = 0.05). Ties go to the lower index.
 *
 * With the defaults (25 years; no randomness: the world is the identity and ties go low):
 * - years 0–18: startup. Dissonance lifts the startup for the overruled curiosity and care while
 *   its novelty wears off for everyone: after year 18 curiosity, ambition and care all value it
 *   0.564 (originally 0.6, 1 and 0.2). Ambition, satisfied every year, grows from weight 0.4 to
 *   0.628; curiosity and care shrink to 0.186 each. The evolved Σ now ranks research first.
 * - years 19–24: research — a path the original H ranks second (approval 0.5) — and in each of
 *   those years the evolved H approves it fully (approval 1): `againstOriginal` =
 *   `endorsedAgainstOriginal` = [19, …, 24].
 * - after year 24: the evolved H ranks research > startup > teaching (the original: startup >
 *   research > teaching). Care values research 0.763 and the startup 0.679 (originally 0.4 and
 *   0.2); its mean welfare of what happened is 0.06 by its original utilities but 0.371 by its
 *   current ones (curiosity 0.566 vs 0.668, ambition 0.88 vs 0.998): judged by the evolved parts,
 *   the neglected part looks served. Weights: curiosity 0.215, ambition 0.625, care 0.160.
 * - iterated on (`evolutionLimit`), the state settles after 422 steps into a 2-cycle
 *   startup ↔ research; care's weight tends to 0 (teaching, its favourite, never happens), and
 *   the evolved Σ still picks the year-0 path, the startup, where the cycle is read.
 */
export function careerEvolution(
  opts: { readonly years?: number; readonly seed?: number; readonly params?: EvolutionParams } = {},
): CareerReport {
  const years = opts.years ?? 25;
  const params = opts.params ?? CAREER_PARAMS;
  const paths = ['research', 'startup', 'teaching'];
  const h = makePrincipal({
    name: 'career',
    outcomes: paths,
    parts: [
      { name: 'curiosity', utility: [1, 0.6, 0.3], weight: 0.3 },
      { name: 'ambition', utility: [0.5, 1, 0], weight: 0.4 },
      { name: 'care', utility: [0.4, 0.2, 1], weight: 0.3 },
    ],
    sigma: { rule: 'weighted-utilitarian' },
  });
  const m = evolutionFromPrincipal(h);
  const r = summarizeEvolution(m, params, years, opts.seed ?? 1, 5000);
  const names = (g: number[][]) => g.map((x) => x.map((a) => paths[a]));
  const limit = r.limit!;
  return {
    title: 'A career chosen by a principal whose preferences evolve under its own choices',
    description:
      'Endorsement makes the chosen path valued more, habituation erodes its novelty, satisfied parts gain weight; the evolved H endorses paths the original H would not have chosen.',
    paths,
    sigma: 'weighted-utilitarian',
    params,
    years,
    choices: r.records.map((x) => paths[x.choice]),
    records: r.records,
    originalRanking: names(r.originalRanking),
    evolvedRanking: names(r.evolvedRanking),
    againstOriginal: r.againstOriginal,
    endorsedAgainstOriginal: r.endorsedAgainstOriginal,
    evolvedApprovalOfPast: r.evolvedApprovalOfPast,
    originalApprovalOfPast: r.originalApprovalOfPast,
    parts: r.parts,
    limit: {
      kind: limit.kind,
      period: limit.period,
      steps: limit.steps,
      orbit: limit.orbit.map((a) => paths[a]),
      stillChooses: limit.stillChooses,
      weights: limit.weights,
    },
  };
}
