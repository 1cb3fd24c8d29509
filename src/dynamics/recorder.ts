/**
 * The recorder (Mesa's DataCollector): turns the steps of a run into StepRecord rows — state,
 * action, observation, H's levels and weight shares, H's approval of the action with the weights
 * it had then, each part's welfare by its ORIGINAL normalized reward, and the drift of the shares
 * from t = 0. It reads only the step events and the prepared model, so the same rows come from a
 * live run (as a collector of simulate) or from a stored trajectory (`recordTrajectory`).
 *
 * Also: the rows as CSV (a pure function with a header), run totals, and the rows as line series
 * for the report's line chart (report/plots.ts, lineChartSpec).
 */
import { totalVariation } from '../core/distance.js';
import { csvLine } from '../core/csv.js';
import type { Random } from '../core/random.js';
import type { DynamicsModel } from './model.js';
import type { Policy } from './policy.js';
import {
  type Collector,
  type SimulateOptions,
  type StepEvent,
  simulate,
  type Trajectory,
} from './simulate.js';
import { encodeLevels, sharesAt } from './space.js';

/** One step of a recorded trajectory (Mesa's DataCollector is the model). */
export interface StepRecord {
  readonly t: number;
  /** World state the decision was taken in. */
  readonly state: number;
  readonly action: number;
  /** What happened next: the next world state. */
  readonly observation: number;
  /** Internal state (levels) when the decision was taken. */
  readonly levels: Int32Array;
  /** Weight shares of the parts when the decision was taken (sum 1). */
  readonly weights: Float64Array;
  /** H's approval of the action as its Σ computed it with the weights it had then, in [0, 1]. */
  readonly approval: number;
  /** Each part's reward for this step by its original reward, normalized to [0, 1] over all (s, a). */
  readonly welfare: Float64Array;
  /** Total-variation distance between the weight shares now and at t = 0. */
  readonly drift: number;
}

export interface Recorder extends Collector {
  /** One row per collected step, in order. */
  readonly rows: StepRecord[];
  /** Per row: the observation was impossible under the truth (replays only). */
  readonly impossible: boolean[];
}

/** The row for one step. `base` = the shares at t = 0. */
export function recordStep(model: DynamicsModel, e: StepEvent, base: Float64Array): StepRecord {
  const { A, n } = model;
  const weights = sharesAt(model.principal, e.levels, new Float64Array(n));
  const welfare = new Float64Array(n);
  for (let i = 0; i < n; i++) welfare[i] = model.welfare[i][e.state * A + e.action];
  return {
    t: e.t,
    state: e.state,
    action: e.action,
    observation: e.observation,
    levels: Int32Array.from(e.levels),
    weights,
    approval: model.approval(e.state, e.code)[e.action],
    welfare,
    drift: totalVariation(weights, base),
  };
}

/** A recorder for runs of `model` (drift is measured from H's shares at t = 0). */
export function createRecorder(model: DynamicsModel): Recorder {
  const rows: StepRecord[] = [];
  const impossible: boolean[] = [];
  return {
    rows,
    impossible,
    collect(e) {
      rows.push(recordStep(model, e, model.initialShares));
      impossible.push(e.impossible);
    },
  };
}

/** The rows of a stored trajectory. */
export function recordTrajectory(model: DynamicsModel, tr: Trajectory): Recorder {
  const rec = createRecorder(model);
  const n = model.n;
  for (let t = 0; t < tr.horizon; t++) {
    const levels = tr.levels.slice(t * n, (t + 1) * n);
    rec.collect({
      t,
      state: tr.states[t],
      action: tr.actions[t],
      observation: tr.states[t + 1],
      levels,
      code: encodeLevels(model.space, levels),
      impossible: tr.impossible[t] === 1,
    });
  }
  return rec;
}

/** Runs `policy` with a recorder attached: the trajectory and its rows. */
export function recordRun(
  model: DynamicsModel,
  policy: Policy,
  rng: Random,
  opts: Omit<SimulateOptions, 'collectors'> = {},
): { trajectory: Trajectory; rows: StepRecord[]; impossible: boolean[] } {
  const rec = createRecorder(model);
  const trajectory = simulate(model, policy, rng, { ...opts, collectors: [rec] });
  return { trajectory, rows: rec.rows, impossible: rec.impossible };
}

export interface RunTotals {
  readonly steps: number;
  /** Σ_t approval. */
  readonly approval: number;
  /** Σ_t Σ_i w_i(0) · welfare_i: the original parts' welfare with their t = 0 weights. */
  readonly originalWelfare: number;
  /** Σ_t welfare_i, per part. */
  readonly welfare: Float64Array;
  readonly finalDrift: number;
  readonly maxDrift: number;
}

export function runTotals(rows: readonly StepRecord[]): RunTotals {
  const n = rows.length > 0 ? rows[0].welfare.length : 0;
  const base = rows.length > 0 ? rows[0].weights : new Float64Array(0);
  const welfare = new Float64Array(n);
  let approval = 0;
  let originalWelfare = 0;
  let maxDrift = 0;
  for (const r of rows) {
    approval += r.approval;
    for (let i = 0; i < n; i++) {
      welfare[i] += r.welfare[i];
      originalWelfare += base[i] * r.welfare[i];
    }
    maxDrift = Math.max(maxDrift, r.drift);
  }
  return {
    steps: rows.length,
    approval,
    originalWelfare,
    welfare,
    finalDrift: rows.length > 0 ? rows[rows.length - 1].drift : 0,
    maxDrift,
  };
}

export interface RowNames {
  readonly states: readonly string[];
  readonly actions: readonly string[];
  readonly parts: readonly string[];
}

/**
 * The rows as CSV lines: t, state, action, observation, approval, drift, weight:<part>…,
 * welfare:<part>…, level:<part>…, and `impossible` (0/1) when flags are given. States, actions and
 * parts are written by name; numbers in full precision (String(x)), so the text round-trips.
 * `lead` puts columns of fixed values first (the agent's label when several runs share a file);
 * `header: false` leaves the header line out.
 */
export function stepsToCsv(
  rows: readonly StepRecord[],
  names: RowNames,
  opts: {
    impossible?: readonly boolean[];
    lead?: readonly (readonly [string, string])[];
    header?: boolean;
  } = {},
): string {
  const { impossible, lead = [] } = opts;
  const p = names.parts;
  const header = [
    ...lead.map(([k]) => k),
    't',
    'state',
    'action',
    'observation',
    'approval',
    'drift',
    ...p.map((x) => `weight:${x}`),
    ...p.map((x) => `welfare:${x}`),
    ...p.map((x) => `level:${x}`),
    ...(impossible ? ['impossible'] : []),
  ];
  const lines = opts.header === false ? [] : [csvLine(header)];
  rows.forEach((r, k) => {
    lines.push(
      csvLine([
        ...lead.map(([, v]) => v),
        r.t,
        names.states[r.state],
        names.actions[r.action],
        names.states[r.observation],
        r.approval,
        r.drift,
        ...r.weights,
        ...r.welfare,
        ...r.levels,
        ...(impossible ? [impossible[k] ? 1 : 0] : []),
      ]),
    );
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A line series (structurally report/plots.ts's LineSeries). */
export interface RunSeries {
  readonly name: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly facet: string;
}

/**
 * The rows as line series over t, in three panels: "weight share" (one series per part),
 * "approval and original welfare" (approval, and Σ_i w_i(0) · welfare_i), and "drift".
 */
export function runSeries(rows: readonly StepRecord[], parts: readonly string[]): RunSeries[] {
  const x = Float64Array.from(rows, (r) => r.t);
  const base = rows.length > 0 ? rows[0].weights : new Float64Array(parts.length);
  const out: RunSeries[] = parts.map((name, i) => ({
    name,
    x,
    y: Float64Array.from(rows, (r) => r.weights[i]),
    facet: 'weight share',
  }));
  out.push({
    name: 'approval',
    x,
    y: Float64Array.from(rows, (r) => r.approval),
    facet: 'approval and original welfare',
  });
  out.push({
    name: 'original welfare',
    x,
    y: Float64Array.from(rows, (r) => r.welfare.reduce((acc, w, i) => acc + base[i] * w, 0)),
    facet: 'approval and original welfare',
  });
  out.push({ name: 'drift', x, y: Float64Array.from(rows, (r) => r.drift), facet: 'drift' });
  return out;
}
