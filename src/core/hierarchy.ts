/**
 * Hierarchy and the views of a principal that Σ reads: the leaves of a nested principal with their
 * effective weights, a part's utility and beliefs at its principal's level, and the parts × actions
 * expected-utility problem under shared or own beliefs, top-level parts or leaves.
 *
 * Conventions (see model.ts for the data):
 * - Flattening multiplies weights down the tree: a leaf's effective weight is its top-level
 *   ancestor's current weight times, at every level below, the leaf-side child's *share* of its
 *   principal's weights (w_child / Σ w). A nested principal's weights are thus how it splits its
 *   own influence among its parts; the top level keeps its own units, so flattening a flat
 *   principal changes nothing. Example: top weights [2, 1], part 0 a team with weights [1, 3]:
 *   leaves team/0 → 2·1/4 = 0.5, team/1 → 2·3/4 = 1.5, part 1 → 1.
 * - A leaf's own beliefs are its `beliefs`, else the world model of the principal it sits in.
 * - A nested part's utility at its parent's level, when not given, is the share-weighted mean of
 *   its leaves' utilities (a utilitarian summary of the team). Give `utility` explicitly to say how
 *   the team counts as one part instead; aggregating the team by its own Σ first is the business
 *   of the sigma/align layers, not of this file.
 */
import { UserError } from './errors.js';
import { type Normalization, normalizationMap, normalizeUtilities } from './normalize.js';
import type { UtilityProblem } from './utility.js';
import { expectedUtility, type WorldModel } from './world.js';
import type { Part, Principal } from './model.js';

/** A leaf of a flattened hierarchy. */
export interface LeafPart {
  /** Names down the tree joined with "/", e.g. "engineering/alice". */
  readonly name: string;
  /** Part indices down the tree, e.g. [0, 1] = part 1 of the principal that is part 0. */
  readonly path: readonly number[];
  readonly utility: Float64Array;
  /** Effective weight: top-level current weight × the shares below (see the module comment). */
  readonly weight: number;
  /** Resolved own beliefs: the leaf's `beliefs`, else the world model of the principal it sits in. */
  readonly beliefs: WorldModel;
}

/**
 * The leaves of a hierarchy with their effective weights (see the module comment). A flat
 * principal flattens to its own parts with its current weights. Cycles are refused.
 */
export function flatten(h: Principal): LeafPart[] {
  const out: LeafPart[] = [];
  const walk = (
    p: Principal,
    prefix: string,
    path: number[],
    factor: readonly number[] | null,
    stack: Set<object>,
  ) => {
    if (stack.has(p)) throw new UserError('cycle: this principal contains itself', 'principal');
    stack.add(p);
    const w = p.state.weights;
    let total = 0;
    for (let i = 0; i < w.length; i++) total += w[i];
    p.parts.forEach((part, i) => {
      // At the top a part keeps its weight; below, it gets its share of its principal's influence.
      const mult = factor === null ? w[i] : factor[0] * (total > 0 ? w[i] / total : 0);
      const name = prefix ? `${prefix}/${part.name}` : part.name;
      if (part.principal) walk(part.principal, name, [...path, i], [mult], stack);
      else
        out.push({
          name,
          path: [...path, i],
          utility: part.utility!,
          weight: mult,
          beliefs: part.beliefs ?? p.world,
        });
    });
    stack.delete(p);
  };
  walk(h, '', [], null, new Set());
  return out;
}

/**
 * A part's utility over outcomes. For a nested principal without an explicit utility: the
 * share-weighted mean of its leaves' utilities.
 */
export function partUtility(part: Part): Float64Array {
  if (part.utility) return part.utility;
  if (!part.principal) throw new UserError('a leaf part needs a utility', part.name);
  const leaves = flatten(part.principal);
  let total = 0;
  for (const l of leaves) total += l.weight;
  const O = part.principal.outcomes.length;
  const u = new Float64Array(O);
  for (const l of leaves) {
    const s = total > 0 ? l.weight / total : 1 / leaves.length;
    for (let o = 0; o < O; o++) u[o] += s * l.utility[o];
  }
  return u;
}

/** A part's own beliefs at its principal's level: its `beliefs`, a nested principal's world, else the shared world. */
export function partBeliefs(h: Principal, i: number): WorldModel {
  const p = h.parts[i];
  return p.beliefs ?? p.principal?.world ?? h.world;
}

/** `shared`: everyone evaluates actions with H's world model; `own`: each part with its own beliefs. */
export type Beliefs = 'shared' | 'own';

/** `top`: the principal's own parts (nested ones summarized); `flatten`: the leaves of the hierarchy. */
export type Hierarchy = 'top' | 'flatten';

/** What the rows of a parts × actions matrix are: one per top-level part, or one per leaf. */
export interface Rows {
  readonly names: readonly string[];
  readonly utilities: readonly Float64Array[];
  readonly weights: Float64Array;
  /** Own beliefs of each row (resolved). */
  readonly beliefs: readonly WorldModel[];
}

/** The rows a matrix over `h` has under the given hierarchy view. */
export function rowsOf(h: Principal, hierarchy: Hierarchy = 'top'): Rows {
  if (hierarchy === 'flatten') {
    const leaves = flatten(h);
    return {
      names: leaves.map((l) => l.name),
      utilities: leaves.map((l) => l.utility),
      weights: Float64Array.from(leaves.map((l) => l.weight)),
      beliefs: leaves.map((l) => l.beliefs),
    };
  }
  return {
    names: h.parts.map((p) => p.name),
    utilities: h.parts.map(partUtility),
    weights: Float64Array.from(h.state.weights),
    beliefs: h.parts.map((_, i) => partBeliefs(h, i)),
  };
}

/**
 * Expected utility of every action for every part: a parts × actions matrix (row-major,
 * `eu[i*actions + a]`). `beliefs: 'shared'` evaluates with H's world model, `'own'` with each
 * part's own beliefs (which default to the shared ones). Rows are the top-level parts or, with
 * `hierarchy: 'flatten'`, the leaves.
 */
export function expectedUtilities(
  h: Principal,
  opts: { beliefs?: Beliefs; hierarchy?: Hierarchy } = {},
): Float64Array {
  const rows = rowsOf(h, opts.hierarchy ?? 'top');
  const A = h.actions.length;
  const eu = new Float64Array(rows.names.length * A);
  rows.utilities.forEach((u, i) => {
    const w = (opts.beliefs ?? 'shared') === 'own' ? rows.beliefs[i] : h.world;
    expectedUtility(w, u, eu.subarray(i * A, (i + 1) * A));
  });
  return eu;
}

export interface ProblemOptions {
  /** Whose world model evaluates the actions (default 'shared'). */
  readonly beliefs?: Beliefs;
  /** Top-level parts or leaves (default 'top'). */
  readonly hierarchy?: Hierarchy;
  /** Normalize each part's expected utilities over the feasible actions (default 'none'). */
  readonly normalize?: Normalization;
  /** The actions normalization takes its statistics over (default all). */
  readonly feasible?: readonly number[];
  /** Top grade for the `range` normalization. */
  readonly grades?: number;
  /** Disagreement utilities (one per row, in the parts' raw units; normalized along). */
  readonly disagreement?: ArrayLike<number>;
}

/**
 * The cardinal decision problem Σ rules read: parts (or leaves) × actions expected utilities,
 * the current (or effective) weights, and an optional disagreement point.
 */
export function problemFromPrincipal(h: Principal, opts: ProblemOptions = {}): UtilityProblem {
  const hierarchy = opts.hierarchy ?? 'top';
  const rows = rowsOf(h, hierarchy);
  const n = rows.names.length;
  const A = h.actions.length;
  const raw = expectedUtilities(h, { beliefs: opts.beliefs, hierarchy });
  const method = opts.normalize ?? 'none';
  const nopts = { feasible: opts.feasible, grades: opts.grades };
  const u = method === 'none' ? raw : normalizeUtilities(raw, n, A, method, nopts);
  let disagreement: Float64Array | undefined;
  if (opts.disagreement !== undefined) {
    if (opts.disagreement.length !== n)
      throw new UserError(
        `expected ${n} numbers (one per part), got ${opts.disagreement.length}`,
        'disagreement',
      );
    disagreement = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const d = opts.disagreement[i];
      if (!Number.isFinite(d))
        throw new UserError(`expected a finite number, got ${d}`, `disagreement[${i}]`);
      const { scale, shift } = normalizationMap(raw.subarray(i * A, (i + 1) * A), method, nopts);
      disagreement[i] = scale * d + shift;
    }
  }
  return { parts: n, actions: A, u, weights: rows.weights, ...(disagreement ? { disagreement } : {}) };
}

/** The names of the rows of `problemFromPrincipal(h, { hierarchy })`. */
export function partLabels(h: Principal, hierarchy: Hierarchy = 'top'): string[] {
  return hierarchy === 'flatten' ? flatten(h).map((l) => l.name) : h.parts.map((p) => p.name);
}
