/**
 * A loaded sweep (`kind: sweep`): a base scenario, parameters set into it cell by cell, and the
 * measurements to record. Plain data, so worker threads receive it as it is. The file format is
 * in src/scenario/sweep-schema.ts; cells are expanded and evaluated in src/experiment/cells.ts.
 *
 * Cell order: the grid's points in row-major order of the grid as written (the last grid key
 * varies fastest), and within a point its replicates: cell k is grid point ⌊k / replicates⌋,
 * replicate k mod replicates. A cell's seed depends only on the sweep's seed and k.
 */

/** A path into a scenario file's data: object keys and list indices (`parts[0].weight`). */
export type DataPath = readonly (string | number)[];

/**
 * Where the cells' scenarios come from: a scenario file, or a principal generator that draws a
 * fresh principal for each cell from the cell's seed (options swept as `generator.OPTION`).
 */
export type SweepBase =
  | {
      readonly kind: 'scenario';
      /** As written, relative to the sweep file. */
      readonly file: string;
      /** The sweep file line that names it (for errors). */
      readonly line: number;
    }
  | {
      readonly kind: 'generator';
      /** `generator MODEL`, as the store's base_file column names it. */
      readonly file: string;
      readonly model: string;
      /** The generator's options as written (checked by the generator in each cell). */
      readonly options: Readonly<Record<string, number | string | readonly number[]>>;
      readonly line: number;
    };

/** How a swept parameter gets its value in each cell. */
export type ParamSource =
  | { readonly kind: 'grid'; readonly values: readonly unknown[] }
  | { readonly kind: 'uniform'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'int'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'choice'; readonly values: readonly unknown[] };

/** The SQL type of a parameter's column in the store. */
export type ColumnType = 'DOUBLE' | 'BOOLEAN' | 'VARCHAR';

export interface SweepParam {
  /** The path as written in the sweep file, e.g. `parts[0].weight`. */
  readonly name: string;
  readonly path: DataPath;
  /** Its column in the store: the path with every run of other characters than [a-z0-9] as `_`. */
  readonly column: string;
  readonly type: ColumnType;
  readonly source: ParamSource;
  /** The sweep file line that sets it (for errors). */
  readonly line: number;
}

/**
 * What a sequential base's cells record, per agent A (the `reading` column): H's expected
 * approval and the original parts' expected welfare, totals over the horizon, and the mean drift
 * of H's attention (exact where the agent has a plan, else by seeded rollouts). A base with a
 * `bounded:` block also records, per split rule (`reading` "bounded: <rule>") and part, NRL's
 * expected final weight and the part's expected true utility; one with an `evolution:` block, per
 * part (`reading` "evolution"), its weight after the run and its mean welfare by its original
 * utilities. The other measures are one-shot readings' and apply to one-shot bases only.
 */
export const SEQUENTIAL_MEASURES = [
  'approval',
  'original_welfare',
  'drift',
  'bounded_weight',
  'bounded_utility',
  'evolved_weight',
  'evolved_original_welfare',
] as const;

/** What can be recorded of a cell, in the order rows are written. */
export const MEASURES = [
  'self_aligned',
  'gap',
  'target_welfare',
  'worst_off_welfare',
  'neglected_count',
  'override',
  'pareto_dominated',
  'accepted_by_some',
  'behaviour_welfare',
  'behaviour_worst_off_welfare',
  'condorcet_winner',
  'overton_coverage',
  'steerability',
  'distributional_fit',
  'jury_welfare',
  'distortion',
  'manipulation_gain',
  ...SEQUENTIAL_MEASURES,
] as const;

export type Measure = (typeof MEASURES)[number];

/** Whether a cell of this kind records measure m. */
export function measureApplies(m: Measure, kind: 'one-shot' | 'sequential'): boolean {
  return (SEQUENTIAL_MEASURES as readonly string[]).includes(m) === (kind === 'sequential');
}

/**
 * Recorded when a sweep names no measures: all but steerability and manipulation_gain, which read H
 * again once per part or per misreport (each cell records those that apply to its kind).
 */
export const DEFAULT_MEASURES: readonly Measure[] = MEASURES.filter(
  (m) => m !== 'steerability' && m !== 'manipulation_gain',
);

/** The per-reading pluralism measures (measure/pluralism.ts). */
export const PLURALISM_MEASURES = [
  'overton_coverage',
  'steerability',
  'distributional_fit',
  'jury_welfare',
  'distortion',
] as const satisfies readonly Measure[];

export interface Sweep {
  readonly kind: 'sweep';
  readonly name: string;
  readonly seed: number;
  readonly base: SweepBase;
  /** Grid parameters first (in the order written), then random ones (in the order written). */
  readonly params: readonly SweepParam[];
  readonly replicates: number;
  /** Replaces the base scenario's `alignments` when given (entries as a scenario writes them). */
  readonly readings?: readonly unknown[];
  /** The sweep file line of `readings` (for errors). */
  readonly readingsLine?: number;
  readonly measures: readonly Measure[];
  /** The sweep file line of `measures` when the file names them (for errors). */
  readonly measuresLine?: number;
  /** Points of the grid (the product of the grid lists' lengths; 1 without a grid). */
  readonly points: number;
  /** points × replicates. */
  readonly cells: number;
  /** The sweep file, as named when it was read. */
  readonly file: string;
}
