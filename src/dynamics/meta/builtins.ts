/**
 * The built-in meta-preference example: the numbers quoted are what the defaults produce, and the
 * tests pin them.
 */
import { Random } from '../../core/random.js';
import { type MetaPreferences, metaFromTargets } from '../../align/idealize/meta-preferences.js';
import { metaFixedPoints, selfEndorsingCandidates } from '../../align/idealize/meta-dynamics.js';

export interface MetaExampleReport {
  readonly title: string;
  readonly description: string;
  readonly parts: readonly string[];
  readonly targets: number[][];
  readonly meta: MetaPreferences;
  /** Candidates that are the unique Σ winner at their own weights. */
  readonly selfEndorsing: { readonly weights: number[]; readonly strict: boolean; readonly fixed: boolean }[];
  /** Fixed points reached from the seeded starts, most frequent first, with their basins' frequencies. */
  readonly fixedPoints: { readonly weights: number[]; readonly count: number; readonly frequency: number }[];
  readonly starts: number;
  readonly unconverged: number;
  readonly cycles: number;
}

/**
 * Meta-preferences with two fixed points: a planner, an impulse and a conscience, each wanting the
 * weights proportional to a target (planner, impulse, conscience shares):
 * planner (0.6, 0.1, 0.3), impulse (0.2, 0.7, 0.1), conscience (0.5, 0, 0.5). Meta-utility: minus
 * the L1 distance to the target; candidates: the simplex grid in tenths (66 points); Σ: weighted
 * utilitarian; rate λ = 0.5.
 *
 * With the defaults (400 uniform starts, seed 1): two fixed points, both strict (the unique Σ
 * winner at their own weights) — the planner-led self (0.6, 0.1, 0.3), basin 79% (316 starts), and
 * the impulse-led self (0.2, 0.7, 0.1), basin 21% (84 starts); no cycles. The conscience's ideal
 * (0.5, 0, 0.5) is not one: at those weights planner and conscience tie and the dynamics leave it.
 * Which self H ends up with is decided by where it starts, not by what the meta-preferences say
 * in aggregate.
 */
export function metaPreferenceExample(
  opts: { readonly starts?: number; readonly seed?: number } = {},
): MetaExampleReport {
  const parts = ['planner', 'impulse', 'conscience'];
  const targets = [
    [0.6, 0.1, 0.3],
    [0.2, 0.7, 0.1],
    [0.5, 0, 0.5],
  ];
  const meta = metaFromTargets({ parts, targets, resolution: 10, distance: 'l1' });
  const b = metaFixedPoints(meta, new Random(opts.seed ?? 1), { starts: opts.starts ?? 400, rate: 0.5 });
  return {
    title: 'Meta-preferences over the weights of the parts, with several fixed points',
    description:
      'Each part wants the weights proportional to its target; H moves its weights towards what its Σ over the weighted meta-preferences endorses.',
    parts,
    targets,
    meta,
    selfEndorsing: selfEndorsingCandidates(meta)
      .filter((s) => s.strict)
      .map((s) => ({ weights: Array.from(s.weights), strict: s.strict, fixed: s.fixed })),
    fixedPoints: b.fixedPoints.map((f) => ({
      weights: Array.from(f.weights),
      count: f.count,
      frequency: f.frequency,
    })),
    starts: b.starts,
    unconverged: b.unconverged,
    cycles: b.cycles.reduce((t, c) => t + c.count, 0),
  };
}
