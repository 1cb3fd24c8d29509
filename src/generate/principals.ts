/**
 * Seeded principal generators: random principals H written as plain data in the shape of a
 * one-shot scenario file (src/scenario/schema.ts), so they can be written as YAML or JSON, read
 * back by the loader and run by `sulab run`. This module only builds the data; turning it into a
 * `Scenario` goes through the loader (a floor above).
 *
 * Definitions (O outcomes, n leaf parts; every utility row is min–max normalized to [0, 1], a
 * constant row becomes all 0):
 * - impartial: u_i(o) i.i.d. uniform.
 * - spatial: outcomes and parts are points in d dimensions (uniform in [0,1]^d or standard
 *   normal; outcomes drawn first, as the euclidean profile generator does); u_i(o) = g(dist),
 *   g(x) = −x (linear), −x² (quadratic) or exp(−x²/2w²) (gaussian, width w).
 * - mallows: each part's order of the outcomes is drawn from Mallows(φ) around the reference
 *   order o1 > o2 > … (repeated insertion); utilities from positions: Borda (the outcome at
 *   position r of O, 0 = best, gets (O−1−r)/(O−1)) or random (O sorted uniform values handed out
 *   best first).
 * - single-peaked: the axis is the outcome order; each part's order is single-peaked on it (Walsh:
 *   uniform over single-peaked orders; Conitzer: uniform peak, then left/right by coin); utilities
 *   from positions as for mallows, so they decrease strictly away from the peak on both sides.
 *
 * The shared world model W: identity (actions are the outcomes, named a1…am; no `actions` key)
 * or random (outcomes o1…oK, each action's row uniform on the simplex, i.e. Dirichlet(1)).
 * Divergence δ: each leaf part i believes W_i[a] = (1−δ)·W[a] + δ·R_i[a], R_i[a] uniform on the
 * simplex, independently per part and action. Then TV(W_i[a], W[a]) = δ·TV(R_i[a], W[a]): the mean
 * total variation is δ·E[TV(R, W[a])], linear in δ; for the identity world it is δ·(1 − 1/O).
 * δ = 0 writes no beliefs (the parts share W).
 * Weights: uniform (no `weight` key: all 1) or Dirichlet(α) within each principal.
 * Depth d: the n leaf parts p1…pn are grouped in order into teams of `team-size`, those teams into
 * teams, d − 1 times; H holds what is left. Teams are named t1, t2, … under H and t1-1, t1-2, …
 * below; every team uses H's Σ. Beliefs belong to leaves (a team reads with its parent's world).
 *
 * Each component draws from its own sub-stream of the principal's Random (world, utilities,
 * weights, beliefs, scenario seed), so changing one option leaves the other draws as they were:
 * the same seed with a larger δ moves the same beliefs further along the same directions.
 *
 * Pure: no Node imports.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { sigmaRegistry } from '../sigma/registry.js';
import { mallowsOrders, singlePeakedOrders, spatialDistances, spatialSample } from './profiles.js';

/** A lottery over outcomes, as probabilities in outcome order. */
export type Row = number[];

/** A part as the scenario file writes it. */
export interface GeneratedPart {
  readonly name: string;
  readonly weight?: number;
  readonly utility?: number[];
  readonly beliefs?: Record<string, Row>;
  readonly sigma?: string;
  readonly parts?: GeneratedPart[];
}

/** A one-shot scenario file as plain data (what schema.ts accepts; `alignments` left to the default). */
export interface GeneratedScenario {
  name: string;
  title: string;
  description: string;
  readonly outcomes: string[];
  readonly actions?: Record<string, Row>;
  readonly parts: GeneratedPart[];
  readonly sigma: string;
  readonly bounds: { readonly noise: number; readonly samples: number };
  readonly seed: number;
}

/** The options every principal generator takes, checked (see principal-registry.ts). */
export interface PrincipalSettings {
  readonly parts: number;
  readonly actions: number;
  readonly world: 'identity' | 'random';
  /** Outcomes of a random world (default: as many as actions). */
  readonly outcomes?: number;
  readonly weights: 'uniform' | 'dirichlet';
  /** Dirichlet concentration (default 1; only with Dirichlet weights). */
  readonly alpha?: number;
  readonly divergence: number;
  readonly noise: number;
  readonly samples: number;
  readonly depth: number;
  readonly teamSize: number;
  readonly sigma: string;
}

/** n utility rows over O outcomes (any scale; normalized afterwards). */
export type UtilityModel = (rng: Random, n: number, O: number) => Float64Array[];

/** Most numbers a file with beliefs may hold (parts × actions × outcomes). */
export const MAX_BELIEF_ENTRIES = 2_000_000;

// Sub-streams of a principal's Random, one per component.
const STREAM = { world: 1, utilities: 2, weights: 3, beliefs: 4, seed: 5 } as const;

/** Min–max normalization to [0, 1]; a constant row becomes all 0. */
export function minMax(row: ArrayLike<number>): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < row.length; k++) {
    lo = Math.min(lo, row[k]);
    hi = Math.max(hi, row[k]);
  }
  const out = new Array<number>(row.length);
  for (let k = 0; k < row.length; k++) out[k] = hi > lo ? (row[k] - lo) / (hi - lo) : 0;
  return out;
}

/** A point uniform on the simplex of dimension k (Dirichlet(α, …, α); α = 1 by default). */
export function dirichlet(rng: Random, k: number, alpha = 1): number[] {
  const g = Array.from({ length: k }, () => rng.gamma(alpha));
  let s = 0;
  for (const x of g) s += x;
  // Tiny α can underflow every draw: fall back to a uniform vertex, the limit as α → 0.
  if (!(s > 0)) {
    const v = rng.int(k);
    return g.map((_, i) => (i === v ? 1 : 0));
  }
  return g.map((x) => x / s);
}

export type PositionValues = 'borda' | 'random';

/**
 * Utilities consistent with orders (best first, n × O in `orders`): Borda — position r gets
 * O−1−r — or random — O uniform values sorted, the largest to the best outcome.
 */
export function utilitiesFromOrders(
  rng: Random,
  orders: Int32Array,
  n: number,
  O: number,
  values: PositionValues,
): Float64Array[] {
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const v = Float64Array.from({ length: O }, (_, r) => (values === 'borda' ? O - 1 - r : rng.float()));
    if (values === 'random') v.sort().reverse();
    const row = new Float64Array(O);
    for (let r = 0; r < O; r++) row[orders[i * O + r]] = v[r];
    rows.push(row);
  }
  return rows;
}

function rows(flat: Float64Array, n: number, O: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => flat.subarray(i * O, (i + 1) * O));
}

// ---- the utility models ------------------------------------------------------------------------

export const impartialUtilities: UtilityModel = (rng, n, O) =>
  Array.from({ length: n }, () => Float64Array.from({ length: O }, () => rng.float()));

export interface SpatialUtilityOptions {
  readonly dimensions: number;
  readonly distribution: 'uniform' | 'normal';
  readonly decay: 'linear' | 'quadratic' | 'gaussian';
  readonly width: number;
}

export function spatialPrincipalUtilities(o: SpatialUtilityOptions): UtilityModel {
  return (rng, n, O) => {
    const d = spatialDistances(spatialSample(rng, O, n, o));
    const g =
      o.decay === 'linear'
        ? (x: number) => -x
        : o.decay === 'quadratic'
          ? (x: number) => -x * x
          : (x: number) => Math.exp(-(x * x) / (2 * o.width * o.width));
    for (let k = 0; k < d.length; k++) d[k] = g(d[k]);
    return rows(d, n, O);
  };
}

export function mallowsPrincipalUtilities(o: {
  readonly phi: number;
  readonly normalizedPhi?: number;
  readonly values: PositionValues;
}): UtilityModel {
  return (rng, n, O) =>
    utilitiesFromOrders(
      rng,
      mallowsOrders(rng, O, n, { phi: o.phi, normalizedPhi: o.normalizedPhi }),
      n,
      O,
      o.values,
    );
}

export function singlePeakedPrincipalUtilities(o: {
  readonly method: 'walsh' | 'conitzer';
  readonly values: PositionValues;
}): UtilityModel {
  return (rng, n, O) =>
    utilitiesFromOrders(rng, singlePeakedOrders(rng, O, n, { method: o.method }), n, O, o.values);
}

// ---- the principal -----------------------------------------------------------------------------

function names(prefix: string, k: number): string[] {
  return Array.from({ length: k }, (_, i) => `${prefix}${i + 1}`);
}

/** Checks the settings that depend on each other (ranges are checked by the registry). */
function check(s: PrincipalSettings): void {
  if (s.world === 'identity' && s.outcomes !== undefined)
    throw new UserError('only a random world (world random) has its own number of outcomes', 'outcomes');
  if (s.weights === 'uniform' && s.alpha !== undefined)
    throw new UserError('α applies to Dirichlet weights only (weights dirichlet)', 'alpha');
  const O = s.world === 'identity' ? s.actions : (s.outcomes ?? s.actions);
  if (s.divergence > 0 && s.parts * s.actions * O > MAX_BELIEF_ENTRIES)
    throw new UserError(
      `beliefs of ${s.parts} parts × ${s.actions} actions × ${O} outcomes exceed ${MAX_BELIEF_ENTRIES.toLocaleString('en')} numbers; use fewer, or divergence 0`,
      'divergence',
    );
}

interface Node {
  part: GeneratedPart;
  members?: Node[];
}

/** Groups the leaves into teams `depth − 1` times; returns H's parts. */
function nest(leaves: Node[], depth: number, size: number): Node[] {
  let level = leaves;
  for (let d = 1; d < depth; d++) {
    const next: Node[] = [];
    for (let k = 0; k < level.length; k += size)
      next.push({ part: { name: '' }, members: level.slice(k, k + size) });
    level = next;
  }
  return level;
}

/** Names teams (t1… under H, t1-1… below), draws weights, writes the parts top-down. */
function write(nodes: Node[], prefix: string, s: PrincipalSettings, rng: Random): GeneratedPart[] {
  const w = s.weights === 'dirichlet' ? dirichlet(rng, nodes.length, s.alpha ?? 1) : undefined;
  return nodes.map((node, k) => {
    const weight = w ? { weight: w[k] } : {};
    if (!node.members) {
      const { name, ...rest } = node.part; // keeps the key order name, weight, utility, beliefs
      return { name, ...weight, ...rest };
    }
    const name = `${prefix}${k + 1}`;
    return { name, ...weight, sigma: s.sigma, parts: write(node.members, `${name}-`, s, rng) };
  });
}

/**
 * A principal drawn from `rng`: the shared world, the parts' utilities (by `model`), weights,
 * beliefs and nesting, as a scenario file named `label.name` (the CLI renames it MODEL-SEED-I).
 */
export function generatePrincipal(
  rng: Random,
  settings: PrincipalSettings,
  model: UtilityModel,
  label: { readonly name: string; readonly options: string },
): GeneratedScenario {
  const s = settings;
  check(s);
  const sigma = sigmaRegistry.get(s.sigma, 'sigma').name;
  const st = { ...s, sigma };
  const identity = s.world === 'identity';
  const actions = names('a', s.actions);
  const outcomes = identity ? actions : names('o', s.outcomes ?? s.actions);
  const O = outcomes.length;

  const wr = rng.split(STREAM.world);
  const world: Row[] = actions.map((_, a) =>
    identity ? outcomes.map((_, o) => (o === a ? 1 : 0)) : dirichlet(wr, O),
  );

  const utilities = model(rng.split(STREAM.utilities), s.parts, O);
  const br = rng.split(STREAM.beliefs);
  const leaves: Node[] = utilities.map((u, i) => {
    const part: { name: string; utility: number[]; beliefs?: Record<string, Row> } = {
      name: `p${i + 1}`,
      utility: minMax(u),
    };
    if (s.divergence > 0) {
      const d = s.divergence;
      const beliefs: Record<string, Row> = {};
      actions.forEach((a, k) => {
        const r = dirichlet(br, O);
        beliefs[a] = world[k].map((x, o) => (1 - d) * x + d * r[o]);
      });
      part.beliefs = beliefs;
    }
    return { part };
  });
  const parts = write(nest(leaves, s.depth, s.teamSize), 't', st, rng.split(STREAM.weights));

  return {
    name: label.name,
    title: `Generated principal (${label.name})`,
    description: `A random principal from the ${label.name} generator: ${label.options}.`,
    outcomes,
    ...(identity ? {} : { actions: Object.fromEntries(actions.map((a, k) => [a, world[k]])) }),
    parts,
    sigma,
    bounds: { noise: s.noise, samples: s.samples },
    seed: rng.split(STREAM.seed).int(2 ** 31),
  };
}
