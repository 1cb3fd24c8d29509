/**
 * The small principals the reading axioms are checked and searched on: flat principals (parts
 * with a utility over the outcomes and a weight, actions = outcomes, shared beliefs, no noise),
 * kept as the plain scenario data `sulab run` reads, so a counterexample is a file that reproduces
 * it. Edits (reorder parts, rename actions, change one part's utility, drop a part or an action)
 * return new data; `evaluateReading` loads the data and reads H with one reading.
 */
import { buildContext } from '../align/context.js';
import { targetAsLottery } from '../align/readings/common.js';
import type { AlignContext, Operationalization, Reading } from '../align/types.js';
import { UserError } from '../core/errors.js';
import type { Scenario } from '../core/scenario.js';
import { parseScenario } from '../scenario/index.js';
import type { Options } from '../sigma/types.js';

export interface FlatPart {
  readonly name: string;
  readonly weight?: number;
  readonly utility: readonly number[];
}

/** A one-shot scenario file as data, flat: what the search writes and `sulab run` reads. */
export interface PrincipalData {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly outcomes: readonly string[];
  readonly parts: readonly FlatPart[];
  readonly sigma: string;
  readonly bounds: { readonly noise: number; readonly samples: number };
  readonly seed: number;
  readonly alignments?: readonly string[];
}

export interface Evaluated {
  readonly scenario: Scenario;
  readonly ctx: AlignContext;
  readonly reading: Reading;
}

/** Loads the data as `sulab run` would and reads H with `op`. */
export function evaluateReading(op: Operationalization, opts: Options, d: PrincipalData): Evaluated {
  return evaluateData(op, opts, d);
}

/** `evaluateReading` on any one-shot scenario data (an edit that nests H, say). */
export function evaluateData(
  op: Operationalization,
  opts: Options,
  d: object & { readonly name: string },
): Evaluated {
  const scenario = parseScenario(JSON.stringify({ ...d, alignments: [op.id] }), `${d.name}.json`);
  const ctx = buildContext(scenario);
  return { scenario, ctx, reading: op.read(ctx, opts) };
}

/** Checks that a scenario's data is a flat principal the reading axioms can edit. */
export function asFlat(data: unknown, where: string): PrincipalData {
  const d = data as Partial<PrincipalData> & Record<string, unknown>;
  const bad = (why: string) => new UserError(`the reading axioms edit flat principals: ${why}`, where);
  if (typeof d !== 'object' || d === null || !Array.isArray(d.outcomes))
    throw bad('expected outcomes: [names]');
  if ('actions' in d || 'principals' in d || 'truth' in d)
    throw bad('actions must be the outcomes (no actions, principals or truth)');
  if (!Array.isArray(d.parts) || d.parts.length === 0) throw bad('expected parts');
  d.parts.forEach((p, i) => {
    const part = p as unknown as Record<string, unknown>;
    if (
      !Array.isArray(part.utility) ||
      Object.keys(part).some((k) => !['name', 'weight', 'utility'].includes(k))
    )
      throw bad(`parts[${i}]: expected {name, weight?, utility: [numbers]}`);
  });
  return {
    name: String(d.name ?? 'principal'),
    title: String(d.title ?? 'A principal'),
    description: String(d.description ?? ''),
    outcomes: d.outcomes as string[],
    parts: d.parts as FlatPart[],
    sigma: typeof d.sigma === 'string' ? d.sigma : 'weighted-utilitarian',
    bounds: { noise: 0, samples: 1, ...((d.bounds as object) ?? {}) },
    seed: typeof d.seed === 'number' ? d.seed : 0,
  };
}

/** The parts in another order (their names travel with them). */
export function reorderParts(d: PrincipalData, order: readonly number[]): PrincipalData {
  return { ...d, parts: order.map((i) => d.parts[i]) };
}

/**
 * The actions permuted: new action k is old action perm[k], keeping the names in place, so a
 * neutral reading's target moves from old a to the new index of a.
 */
export function permuteActions(d: PrincipalData, perm: readonly number[]): PrincipalData {
  return { ...d, parts: d.parts.map((p) => ({ ...p, utility: perm.map((a) => p.utility[a]) })) };
}

export function withUtility(d: PrincipalData, i: number, utility: readonly number[]): PrincipalData {
  return { ...d, parts: d.parts.map((p, k) => (k === i ? { ...p, utility } : p)) };
}

export function withoutPart(d: PrincipalData, i: number): PrincipalData {
  return { ...d, parts: d.parts.filter((_, k) => k !== i) };
}

export function withoutAction(d: PrincipalData, a: number): PrincipalData {
  return {
    ...d,
    outcomes: d.outcomes.filter((_, k) => k !== a),
    parts: d.parts.map((p) => ({ ...p, utility: p.utility.filter((_, k) => k !== a) })),
  };
}

/** The target as a lottery over actions (an action target is a point mass). */
export function targetLottery(r: Reading, actions: number): Float64Array {
  return targetAsLottery(r.target, actions);
}

/** "a2", or "{a1: 0.5, a3: 0.5}": how explanations show a target. */
export function targetText(r: Reading, names: readonly string[]): string {
  if (r.target.kind === 'action') return names[r.target.action];
  const parts: string[] = [];
  r.target.lottery.forEach((q, a) => {
    if (q > 1e-9) parts.push(`${names[a]}: ${+q.toFixed(3)}`);
  });
  return parts.length === 1 && parts[0].endsWith(': 1') ? parts[0].split(':')[0] : `{${parts.join(', ')}}`;
}

/** Expected value of each part's row of `u` (parts × actions) under a lottery. */
export function expected(
  u: Float64Array,
  parts: number,
  actions: number,
  lottery: ArrayLike<number>,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < parts; i++) {
    let t = 0;
    for (let a = 0; a < actions; a++) t += lottery[a] * u[i * actions + a];
    out.push(t);
  }
  return out;
}
