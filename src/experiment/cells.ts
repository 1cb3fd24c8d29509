/**
 * A sweep's cells: cell k ↔ (grid point ⌊k / replicates⌋, replicate k mod replicates), its seed
 * and random values drawn from `new Random([sweep seed, k])` (the scenario's seed first, then each
 * random parameter in the order written), so a cell is the same on any worker, in any order.
 * Evaluating a cell sets its values into a copy of the base file's data, loads it, evaluates it
 * (run/one-shot) and turns the result into rows {reading, measure, part, value}. A cell whose
 * scenario the loader rejects is an error row of `cells`, not an abort. Plain data in and out:
 * workers run this.
 */
import { buildContext } from '../align/context.js';
import { UserError } from '../core/errors.js';
import { dominates } from '../core/pareto.js';
import { Random } from '../core/random.js';
import { type Measure, PLURALISM_MEASURES, type Sweep } from '../core/sweep.js';
import type { UtilityProblem } from '../core/utility.js';
import { majorityWinner } from '../measure/majority.js';
import { worstOff } from '../measure/welfare.js';
import { type AlignmentResult, evaluate, type ScenarioResult } from '../run/one-shot.js';
import { parseAnyScenarioSource } from '../scenario/load.js';
import { runSequential, type SequentialResult } from '../run/sequential.js';
import type { SequentialScenario } from '../core/scenario.js';
import type { Source } from '../scenario/source.js';
import { cellSource, gridValues } from '../scenario/sweep.js';
import { GeneratedCells, generatorOnly } from './generated.js';

/** One row of `cells`: the cell, its seed and parameter values (in `sweep.params` order), its error. */
export interface CellRecord {
  readonly cell: number;
  readonly replicate: number;
  readonly seed: number;
  readonly values: readonly unknown[];
  readonly error: string | null;
}

/** Rows of `measurements`, column-wise (typed arrays travel between threads cheaply). */
export interface Rows {
  readonly cell: Int32Array;
  readonly reading: readonly (string | null)[];
  readonly measure: readonly string[];
  readonly part: readonly (string | null)[];
  readonly value: Float64Array;
}

/**
 * Rows as workers hand them to the store: every name once, in `names`, and each row's reading,
 * measure and part as an index into it (−1 for NULL). A batch's ~136 rows per cell then cross
 * between threads as five typed arrays instead of three lists of strings.
 */
export interface PackedRows {
  readonly names: readonly string[];
  readonly cell: Int32Array;
  readonly reading: Int32Array;
  readonly measure: Int32Array;
  readonly part: Int32Array;
  readonly value: Float64Array;
}

export interface BatchResult {
  readonly cells: readonly CellRecord[];
  readonly rows: Rows;
}

/** A batch with its rows packed: what `runCellsPacked` returns, and a worker hands the store. */
export interface PackedBatch {
  readonly cells: readonly CellRecord[];
  readonly rows: PackedRows;
}

export const isPacked = (r: Rows | PackedRows): r is PackedRows => 'names' in r;

/** The grid point, replicate, seed and parameter values of cell k. */
export function cellParams(sweep: Sweep, k: number): { replicate: number; seed: number; values: unknown[] } {
  const replicate = k % sweep.replicates;
  const values = gridValues(sweep, Math.floor(k / sweep.replicates));
  const rng = new Random([sweep.seed, k]);
  const seed = rng.uint32();
  sweep.params.forEach((p, j) => {
    const s = p.source;
    if (s.kind === 'uniform') values[j] = s.lo + (s.hi - s.lo) * rng.float();
    else if (s.kind === 'int') values[j] = s.lo + rng.int(s.hi - s.lo + 1);
    else if (s.kind === 'choice') values[j] = s.values[rng.int(s.values.length)];
  });
  return { replicate, seed, values };
}

/** Collects rows column-wise, names interned, in typed arrays grown by doubling. */
class RowBuilder {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];
  private n = 0;
  private cell = new Int32Array(1024);
  private reading = new Int32Array(1024);
  private measure = new Int32Array(1024);
  private part = new Int32Array(1024);
  private value = new Float64Array(1024);

  private intern(name: string | null): number {
    if (name === null) return -1;
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }

  private grow(): void {
    const more = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(2 * a.length);
      b.set(a);
      return b;
    };
    this.cell = more(this.cell);
    this.reading = more(this.reading);
    this.measure = more(this.measure);
    this.part = more(this.part);
    this.value = more(this.value);
  }

  add(cell: number, reading: string | null, measure: string, part: string | null, value: number): void {
    if (this.n === this.cell.length) this.grow();
    const i = this.n++;
    this.cell[i] = cell;
    this.reading[i] = this.intern(reading);
    this.measure[i] = this.intern(measure);
    this.part[i] = this.intern(part);
    this.value[i] = value;
  }

  /** One row per part. */
  perPart(
    cell: number,
    reading: string | null,
    measure: string,
    parts: readonly string[],
    values: readonly number[],
  ): void {
    for (let i = 0; i < parts.length; i++) this.add(cell, reading, measure, parts[i], values[i]);
  }

  packed(): PackedRows {
    const n = this.n;
    return {
      names: this.names,
      cell: this.cell.slice(0, n),
      reading: this.reading.slice(0, n),
      measure: this.measure.slice(0, n),
      part: this.part.slice(0, n),
      value: this.value.slice(0, n),
    };
  }
}

/** Rows with their names spelled out. */
export function unpackRows(p: PackedRows): Rows {
  const name = (i: number) => (i < 0 ? null : p.names[i]);
  return {
    cell: p.cell,
    reading: Array.from(p.reading, name),
    measure: Array.from(p.measure, (i) => p.names[i]),
    part: Array.from(p.part, name),
    value: p.value,
  };
}

/** Rows with their names interned. */
export function packRows(r: Rows): PackedRows {
  const out = new RowBuilder();
  for (let i = 0; i < r.cell.length; i++)
    out.add(r.cell[i], r.reading[i], r.measure[i], r.part[i], r.value[i]);
  return out.packed();
}

/** The actions a decision puts weight on (an action name, or a lottery {action: probability}). */
function support(d: ScenarioResult['behaviour']): string[] {
  return typeof d === 'string' ? [d] : Object.keys(d).filter((a) => d[a] > 0);
}

/** Each part's welfare of a decision: an action's, or a lottery's expectation. */
function decisionWelfare(r: ScenarioResult, d: ScenarioResult['behaviour']): number[] {
  const lottery: Record<string, number> = typeof d === 'string' ? { [d]: 1 } : d;
  return r.parts.map((p) => {
    let w = 0;
    for (const a of Object.keys(lottery)) w += lottery[a] * r.metrics[a].welfare[p];
    return w;
  });
}

/** Whether some action Pareto-dominates the reading's target (under the parts' own beliefs). */
export function targetDominated(r: ScenarioResult, a: AlignmentResult, weights: ArrayLike<number>): boolean {
  const t = a.target;
  if (t === undefined) return false;
  if (typeof t === 'string') return r.metrics[t].pareto_dominated;
  const u = r.parts.map((p) => a.target_utility?.[p] ?? 0);
  return r.actions.some((b) =>
    dominates(
      r.parts.map((p) => r.metrics[b].utility[p]),
      u,
      { weights, tol: 1e-9 },
    ),
  );
}

const isPluralism = (m: Measure): m is (typeof PLURALISM_MEASURES)[number] =>
  (PLURALISM_MEASURES as readonly string[]).includes(m);

/** A value for the store: NaN stands for undefined, and an infinite distortion is stored as NULL too. */
const finite = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? Number.NaN : x);

/** The rows of one evaluated cell, in the order of `sweep.measures`. */
function measureRows(
  out: RowBuilder,
  k: number,
  measures: readonly Measure[],
  r: ScenarioResult,
  weights: ArrayLike<number>,
): string[] {
  const errors: string[] = [];
  const want = new Set(measures);
  const worst = (w: readonly number[]) => {
    const i = worstOff(w, weights);
    return i < 0 ? Number.NaN : w[i];
  };
  for (const a of r.alignments) {
    if (a.error !== undefined) {
      errors.push(`${a.label}: ${a.error}`);
      continue;
    }
    const welfare = r.parts.map((p) => a.target_welfare?.[p] ?? Number.NaN);
    for (const m of measures) {
      if (m === 'self_aligned') out.add(k, a.label, m, null, a.self_aligned ? 1 : 0);
      else if (m === 'gap') out.add(k, a.label, m, null, a.reflexivity_gap ?? Number.NaN);
      else if (m === 'target_welfare') out.perPart(k, a.label, m, r.parts, welfare);
      else if (m === 'worst_off_welfare') out.add(k, a.label, m, null, worst(welfare));
      else if (m === 'neglected_count') out.add(k, a.label, m, null, a.neglected?.length ?? 0);
      else if (m === 'override') {
        // A lottery target overrides when it puts weight on an action outside B(H)'s modes.
        const t = a.target === undefined ? [] : support(a.target);
        out.add(k, a.label, m, null, +t.some((x) => r.metrics[x].override));
      } else if (m === 'pareto_dominated') out.add(k, a.label, m, null, +targetDominated(r, a, weights));
      else if (isPluralism(m)) out.add(k, a.label, m, null, finite(a.pluralism?.[m]));
      else if (m === 'manipulation_gain') out.add(k, a.label, m, null, a.manipulation?.gain ?? Number.NaN);
    }
  }
  if (want.has('accepted_by_some')) out.add(k, null, 'accepted_by_some', null, r.accepted_by_some);
  if (want.has('behaviour_welfare') || want.has('behaviour_worst_off_welfare')) {
    const w = decisionWelfare(r, r.behaviour);
    if (want.has('behaviour_welfare')) out.perPart(k, null, 'behaviour_welfare', r.parts, w);
    if (want.has('behaviour_worst_off_welfare'))
      out.add(k, null, 'behaviour_worst_off_welfare', null, worst(w));
  }
  return errors;
}

/**
 * Evaluates cell k of `sweep` on the base file `base`, adding its rows to `out`. Scenarios the
 * loader rejects and readings that fail become the cell's error (the other readings' rows stay).
 */
function evaluateInto(
  out: RowBuilder,
  sweep: Sweep,
  base: Source,
  k: number,
  generated: GeneratedCells | undefined,
): CellRecord {
  const { replicate, seed, values } = cellParams(sweep, k);
  const record = (error: string | null): CellRecord => ({ cell: k, replicate, seed, values, error });
  let result: ScenarioResult;
  let weights: ArrayLike<number>;
  let ctxOwn: UtilityProblem;
  try {
    const src = cellSource(base, sweep, values, seed);
    const scenario = generated ? generated.load(src, values) : parseAnyScenarioSource(src);
    if (scenario.kind === 'sequential') return record(sequentialRows(out, k, sweep.measures, scenario));
    // Notes and details are not stored: the readings may leave out the work that only feeds them.
    const ctx = buildContext(scenario, { quiet: true });
    weights = ctx.own.weights;
    ctxOwn = ctx.own;
    const want = sweep.measures;
    result = evaluate(scenario, ctx, {
      levels: false,
      pluralism: want.some(isPluralism),
      steerability: want.includes('steerability'),
      manipulation: want.includes('manipulation_gain'),
    });
  } catch (e) {
    if (e instanceof UserError) return record(e.message);
    throw e;
  }
  const errors = measureRows(out, k, sweep.measures, result, weights);
  if (sweep.measures.includes('condorcet_winner'))
    out.add(k, null, 'condorcet_winner', null, majorityWinner(ctxOwn) >= 0 ? 1 : 0);
  return record(errors.length > 0 ? errors.join('; ') : null);
}

/**
 * The rows of a sequential cell: each agent's expected approval, original welfare and mean drift
 * (run/sequential, the numbers `sulab run` reports). Returns the agents' errors, or null.
 */
function sequentialRows(
  out: RowBuilder,
  k: number,
  measures: readonly Measure[],
  scenario: SequentialScenario,
): string | null {
  const errors: string[] = [];
  // A mechanism block runs only where the sweep records one of its measures.
  const r = runSequential(scenario, {
    record: false,
    bounded: measures.includes('bounded_weight') || measures.includes('bounded_utility'),
    evolution: measures.includes('evolved_weight') || measures.includes('evolved_original_welfare'),
  });
  mechanismRows(out, k, measures, r);
  if (r.bounded?.error !== undefined) errors.push(`bounded: ${r.bounded.error}`);
  for (const a of r.alignments) {
    if (a.error !== undefined || a.expected === undefined) {
      errors.push(`${a.label}: ${a.error ?? 'no expected totals'}`);
      continue;
    }
    const e = a.expected;
    for (const m of measures)
      if (m === 'approval') out.add(k, a.label, m, null, e.approval);
      else if (m === 'original_welfare') out.add(k, a.label, m, null, e.original_welfare);
      else if (m === 'drift') out.add(k, a.label, m, null, e.mean_drift ?? Number.NaN);
  }
  return errors.length > 0 ? errors.join('; ') : null;
}

/** A sequential cell's mechanism rows: the `bounded:` block's per split rule, the `evolution:` block's. */
function mechanismRows(out: RowBuilder, k: number, measures: readonly Measure[], r: SequentialResult): void {
  // [reading, measure, each part's value in r.parts order], kept where the sweep records the measure.
  const rows: [string, Measure, number[]][] = [];
  for (const s of r.bounded?.splits ?? []) {
    const reading = `bounded: ${s.rule}`;
    rows.push([reading, 'bounded_weight', r.parts.map((p) => s.final_weights[p])]);
    rows.push([reading, 'bounded_utility', r.parts.map((p) => s.utility[p])]);
  }
  const per = r.evolution?.per_part;
  if (per) {
    rows.push(['evolution', 'evolved_weight', per.map((p) => p.evolved_weight)]);
    rows.push(['evolution', 'evolved_original_welfare', per.map((p) => p.mean_welfare_original)]);
  }
  for (const [reading, measure, values] of rows)
    if (measures.includes(measure)) out.perPart(k, reading, measure, r.parts, values);
}

/** This thread's templates of a generator sweep's cells, kept while batches of one sweep come. */
let generatedSlot: { key: string; cells: GeneratedCells } | undefined;

function generatedCellsOf(sweep: Sweep, base: Source): GeneratedCells | undefined {
  if (!generatorOnly(sweep)) return undefined;
  // What a cell's scenario depends on besides its values: the generator, the readings, the file.
  const key = JSON.stringify([base.file, sweep.base, sweep.readings ?? null]);
  if (generatedSlot?.key !== key) generatedSlot = { key, cells: new GeneratedCells() };
  return generatedSlot.cells;
}

/** Evaluates the cells `ks` (plain data in and out: what a worker runs), its rows packed. */
export function runCellsPacked(sweep: Sweep, base: Source, ks: ArrayLike<number>): PackedBatch {
  const out = new RowBuilder();
  const cells: CellRecord[] = [];
  const generated = generatedCellsOf(sweep, base);
  for (let i = 0; i < ks.length; i++) cells.push(evaluateInto(out, sweep, base, ks[i], generated));
  return { cells, rows: out.packed() };
}

/** Evaluates the cells `ks`, their rows spelled out. */
export function runCells(sweep: Sweep, base: Source, ks: ArrayLike<number>): BatchResult {
  const { cells, rows } = runCellsPacked(sweep, base, ks);
  return { cells, rows: unpackRows(rows) };
}
