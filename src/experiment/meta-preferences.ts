/**
 * The `meta-preferences` experiment: parts that hold preferences over the weights of the parts,
 * H's Σ aggregating those meta-preferences into the weights it endorses, and the fixed points of
 * that dynamics with their basins (dynamics/meta/, with its built-in example).
 */
import { Random } from '../core/random.js';
import { metaPreferenceExample, metaFixedPoints } from '../dynamics/meta/index.js';
import { byName, type Experiment, type ExperimentBase, tuple } from './types.js';

export interface MetaFixedPointRow {
  /** "planner’s ideal" when it is a part's target, else the weights as a tuple. */
  readonly label: string;
  /** The part whose target it is, or null. */
  readonly ideal_of: string | null;
  readonly weights: Record<string, number>;
  /** Starts that ended here, and their share: the basin's frequency. */
  readonly count: number;
  readonly frequency: number;
  /** The unique Σ winner at its own weights. */
  readonly strict: boolean;
}

export interface MetaPreferencesExperiment extends ExperimentBase {
  readonly experiment: 'meta-preferences';
  readonly parts: string[];
  /** Each part's target weights (the weights it wants H to have). */
  readonly targets: Record<string, Record<string, number>>;
  /** Candidate weight vectors (the simplex in tenths plus the targets). */
  readonly candidates: number;
  readonly rate: number;
  readonly starts: number;
  readonly fixed_points: MetaFixedPointRow[];
  /** Per part: whether its target is a fixed point, and the share of starts that end there. */
  readonly target_outcomes: {
    readonly part: string;
    readonly fixed_point: boolean;
    readonly frequency: number;
  }[];
  /** Candidates that are the unique Σ winner at their own weights (found exhaustively). */
  readonly self_endorsing: Record<string, number>[];
  readonly cycles: number;
  readonly unconverged: number;
  /** Every start and the fixed point it ends at (index into fixed_points; −1: a cycle or none). */
  readonly runs: { readonly start: number[]; readonly end: number }[];
}

const STARTS = 400;
const RATE = 0.5;

export function runMetaPreferences(seed: number): MetaPreferencesExperiment {
  // The example's parts, targets, candidates and self-endorsing vectors (its own basin count is
  // skipped: one start); the basins are computed here to keep each start's end, with the seed,
  // starts and rate the example uses, so they are the example's.
  const ex = metaPreferenceExample({ seed, starts: 1 });
  const { parts, targets, meta } = ex;
  const basins = metaFixedPoints(meta, new Random(seed), { starts: STARTS, rate: RATE });
  const close = (a: ArrayLike<number>, b: ArrayLike<number>) =>
    Array.from(a).every((x, i) => Math.abs(x - b[i]) <= 1e-9);
  const owner = (w: ArrayLike<number>) => parts.findIndex((_, i) => close(w, targets[i]));
  const fixed_points = basins.fixedPoints.map((f): MetaFixedPointRow => {
    const i = owner(f.weights);
    return {
      label: i >= 0 ? `${parts[i]}’s ideal` : tuple(f.weights),
      ideal_of: i >= 0 ? parts[i] : null,
      weights: byName(parts, f.weights),
      count: f.count,
      frequency: f.frequency,
      strict: f.strict,
    };
  });
  const target_outcomes = parts.map((part, i) => {
    const f = basins.fixedPoints.find((x) => close(x.weights, targets[i]));
    return { part, fixed_point: f !== undefined, frequency: f ? f.frequency : 0 };
  });
  const cycles = basins.cycles.reduce((t, c) => t + c.count, 0);
  return {
    kind: 'experiment',
    experiment: 'meta-preferences',
    title: metaPreferencesExperiment.title,
    seed,
    summary:
      `${fixed_points.length} fixed points from ${basins.starts} starts: ` +
      fixed_points
        .map(
          (f) =>
            `${f.ideal_of ? `${f.label} ${tuple(Object.values(f.weights))}` : f.label} basin ${Math.round(f.frequency * 100)}%`,
        )
        .join(', ') +
      target_outcomes
        .filter((t) => !t.fixed_point)
        .map((t) => `; ${t.part}’s ideal ${tuple(targets[parts.indexOf(t.part)])} is not a fixed point`)
        .join('') +
      `; ${cycles} cycles, ${basins.unconverged} unconverged`,
    parts: [...parts],
    targets: Object.fromEntries(parts.map((p, i) => [p, byName(parts, targets[i])])),
    candidates: meta.count,
    rate: RATE,
    starts: basins.starts,
    fixed_points,
    target_outcomes,
    self_endorsing: ex.selfEndorsing.map((s) => byName(parts, s.weights)),
    cycles,
    unconverged: basins.unconverged,
    runs: basins.runs.map((r) => ({
      start: Array.from(r.start),
      end: r.limit.kind === 'fixed' ? r.basin : -1,
    })),
  };
}

export const metaPreferencesExperiment: Experiment<MetaPreferencesExperiment> = {
  name: 'meta-preferences',
  title: 'Meta-preferences over the weights of the parts, with several fixed points',
  description:
    'Three parts of H — a planner, an impulse and a conscience — each want H’s weights to be their own target: planner (0.6, 0.1, 0.3), impulse (0.2, 0.7, 0.1), conscience (0.5, 0, 0.5) as shares of planner, impulse, conscience. A part’s meta-utility of a weight vector is minus its L1 distance to its target; the candidates are the simplex in tenths (66 vectors). At weights w, H’s own Σ (weighted utilitarian) over the meta-preferences, weighted by w, picks the weights it endorses, E(w), and H moves half way there: w ← (w + E(w))/2. A fixed point is a weight vector that endorses itself. The experiment runs the dynamics from 400 seeded uniform starts on the simplex and counts where they end: each fixed point with the share of starts in its basin.',
  essay:
    '“Naive attempts just move the problem up a meta level. Instead of conflicting preferences, there is now conflict between (preferences+metapreference) equilibria. Intuitively at least for humans, there are multiple or many fixed points, possibly infinitely many.”',
  run: runMetaPreferences,
};
