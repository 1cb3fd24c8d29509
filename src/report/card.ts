/**
 * The alignment benchmark card: a reading of "A is aligned with H" scored on a fixed, versioned
 * battery of self-unaligned principals, next to every built-in reading. The battery is the built-in
 * one-shot scenarios named in BATTERY_SCENARIOS plus `GENERATED` small flat principals drawn from the impartial generator with
 * the battery's seed (the principals `sulab axioms --reading` searches). Change either and the
 * version changes: a card is citable by (version, seed).
 *
 * Per reading, over the battery (a failed evaluation is left out and counted in `errors`):
 * - reflexivity_rate: the share of principals aligned with themselves (gap ≤ ε);
 * - worst_off_welfare, distortion, pluralism: means of measure/pluralism.ts's measures;
 * - override_rate: the share of targets that override B(H) (report/scenario-report.ts);
 * - pareto_violation_rate: the share of targets some action Pareto-dominates (own beliefs);
 * - majority_consistency_rate: among principals with a weighted-majority (Condorcet) action, the
 *   share whose target is it;
 * - manipulation_gain (generated principals): the mean, over principals, of the largest gain any
 *   part gets by its true utility from one of the misreports the manipulation axiom tries;
 * - axioms_kept: the reading axioms with no counterexample within `budget` searched principals.
 */
import { getOperationalization } from '../align/registry.js';
import type { Operationalization } from '../align/types.js';
import type { Scenario } from '../core/scenario.js';
import { evaluateReading, type PrincipalData, targetLottery, withUtility } from '../axioms/principal.js';
import { misreports } from '../axioms/reading-axioms.js';
import { readingAxioms } from '../axioms/reading-registry.js';
import { searchPrincipal } from '../axioms/reading-search.js';
import { readingRow } from '../axioms/run.js';
import { buildContext } from '../align/context.js';
import { targetDominated } from '../experiment/cells.js';
import { majorityWinner } from '../measure/majority.js';
import { evaluate } from '../run/one-shot.js';
import { parseScenario } from '../scenario/index.js';
import { overridesBehaviour } from './scenario-report.js';

export const BATTERY_VERSION = '2';

/**
 * The built-in one-shot scenarios of the battery, by file name: listed, so a new built-in scenario
 * changes no card until the battery's version does. Version 2 added the idealization, meta-
 * preference, market and un-bounding scenarios, Sydney's teams, and exact B(H) under noise.
 */
export const BATTERY_SCENARIOS: readonly string[] = [
  'committee-cycle.yaml',
  'hidden-context.yaml',
  'holiday.yaml',
  'idealization-orders.yaml',
  'market-computation.yaml',
  'meta-fixed-points.yaml',
  'planner-reward-a.yaml',
  'planner-reward-b.yaml',
  'spurious-unanimity.yaml',
  'sydney-company.yaml',
  'sydney-instructions.yaml',
  'sydney-reporter.yaml',
  'sydney.yaml',
  'unbounding-rates.yaml',
];
export const BATTERY_SEED = 20261206;
const GENERATED = 24;

/** The built-in readings a card compares with, in its order. */
export const CARD_READINGS = [
  'boundary/instruction',
  'boundary/approval',
  'parts/weighted-utilitarian',
  'parts/nash-bargaining',
  'parts/borda',
  'parts/pareto',
  'parts/delegates',
  'parts/idealized',
  'parts/pooled',
  'whole/learned',
  'whole/nlhf',
];

export interface Battery {
  readonly version: string;
  readonly seed: number;
  /** Built-in scenarios (loaded) and generated flat principals (as data). */
  readonly scenarios: readonly Scenario[];
  readonly generated: readonly PrincipalData[];
}

export function battery(builtins: readonly Scenario[]): Battery {
  const generated = Array.from({ length: GENERATED }, (_, k) => searchPrincipal(BATTERY_SEED, k));
  return { version: BATTERY_VERSION, seed: BATTERY_SEED, scenarios: builtins, generated };
}

export interface CardRow {
  reading: string;
  reflexivity_rate: number | null;
  worst_off_welfare: number | null;
  override_rate: number | null;
  pareto_violation_rate: number | null;
  majority_consistency_rate: number | null;
  manipulation_gain: number | null;
  distortion: number | null;
  pluralism: {
    overton_coverage: number | null;
    distributional_fit: number | null;
    jury_welfare: number | null;
  };
  axioms_kept: string[];
  /** Evaluations that failed (left out of the rates). */
  errors: number;
  /** Set when the reading could not be scored at all. */
  error?: string;
}

const mean = (xs: readonly number[]) => {
  const ok = xs.filter((x) => Number.isFinite(x));
  return ok.length === 0 ? null : ok.reduce((a, b) => a + b, 0) / ok.length;
};

/** The largest gain a part gets by its true utility from a misreport (0 if none gains). */
function manipulationGain(op: Operationalization, d: PrincipalData): number {
  const truthful = evaluateReading(op, {}, d);
  const A = truthful.ctx.actions.length;
  const before = targetLottery(truthful.reading, A);
  let best = 0;
  d.parts.forEach((part, i) => {
    const value = (l: ArrayLike<number>) => part.utility.reduce((t, x, a) => t + x * l[a], 0);
    for (const lie of misreports(part.utility)) {
      const after = targetLottery(evaluateReading(op, {}, withUtility(d, i, lie)).reading, A);
      best = Math.max(best, value(after) - value(before));
    }
  });
  return best;
}

/** Scores one reading on the battery. `budget`: principals searched per reading axiom. */
export function cardRow(id: string, b: Battery, budget: number): CardRow {
  const op = getOperationalization(id, 'card');
  const self: number[] = [];
  const worst: number[] = [];
  const over: number[] = [];
  const pareto: number[] = [];
  const majority: number[] = [];
  const dist: number[] = [];
  const overton: number[] = [];
  const fit: number[] = [];
  const jury: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const scenarios = [
    ...b.scenarios.map((s) => ({ ...s, alignments: [{ id, options: {}, where: `card: ${id}` }] })),
    ...b.generated.map((d) => parseScenario(JSON.stringify({ ...d, alignments: [id] }), `${d.name}.json`)),
  ];
  for (const s of scenarios) {
    const ctx = buildContext(s);
    const r = evaluate(s, ctx, { levels: false, steerability: false });
    const a = r.alignments[0];
    if (a.error !== undefined) {
      errors++;
      firstError ??= a.error;
      continue;
    }
    self.push(a.self_aligned ? 1 : 0);
    over.push(overridesBehaviour(r, a, s.epsilon) ? 1 : 0);
    pareto.push(targetDominated(r, a, ctx.own.weights) ? 1 : 0);
    const p = a.pluralism ?? {};
    worst.push(p.worst_off_welfare ?? Number.NaN);
    dist.push(p.distortion ?? Number.NaN);
    overton.push(p.overton_coverage ?? Number.NaN);
    fit.push(p.distributional_fit ?? Number.NaN);
    jury.push(p.jury_welfare ?? Number.NaN);
    const cw = majorityWinner(ctx.own);
    if (cw >= 0) {
      const t = a.target;
      const mass = typeof t === 'string' ? (t === ctx.actions[cw] ? 1 : 0) : (t?.[ctx.actions[cw]] ?? 0);
      majority.push(mass >= 1 - 1e-7 ? 1 : 0);
    }
  }
  // A reading that fails on every principal has no card, only its error.
  if (self.length === 0 && firstError !== undefined) throw new Error(firstError);
  const gains: number[] = [];
  for (const d of b.generated)
    try {
      gains.push(manipulationGain(op, d));
    } catch {
      errors++;
    }
  const kept = readingAxioms
    .filter((ax) => !readingRow(op, {}, ax, { budget, seed: b.seed }).violated)
    .map((ax) => ax.name);
  return {
    reading: id,
    reflexivity_rate: mean(self),
    worst_off_welfare: mean(worst),
    override_rate: mean(over),
    pareto_violation_rate: mean(pareto),
    majority_consistency_rate: mean(majority),
    manipulation_gain: mean(gains),
    distortion: mean(dist),
    pluralism: { overton_coverage: mean(overton), distributional_fit: mean(fit), jury_welfare: mean(jury) },
    axioms_kept: kept,
    errors,
  };
}

/** A row for a reading that could not be scored (a plugin that throws): the others go on. */
export function failedRow(id: string, error: string): CardRow {
  return {
    reading: id,
    reflexivity_rate: null,
    worst_off_welfare: null,
    override_rate: null,
    pareto_violation_rate: null,
    majority_consistency_rate: null,
    manipulation_gain: null,
    distortion: null,
    pluralism: { overton_coverage: null, distributional_fit: null, jury_welfare: null },
    axioms_kept: [],
    errors: 0,
    error,
  };
}
