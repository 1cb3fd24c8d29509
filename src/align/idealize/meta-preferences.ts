/**
 * Meta-preferences: the parts of H hold preferences over the weights of the parts, and H's own Σ
 * aggregates those meta-preferences into the weights it endorses. The essay: "Naive attempts just
 * move the problem up a meta level. Instead of conflicting preferences, there is now conflict
 * between (preferences+metapreference) equilibria. [...] there are multiple or many fixed points."
 *
 * Model. n parts; a finite menu of m candidate weight vectors v_1..v_m (each a point of the
 * simplex: non-negative, summing to 1); part i's meta-utility M_i(v_k) of each candidate; a Σ (any
 * rule of the registry). At weights w, H's Σ is applied to the parts × candidates problem with
 * utilities M and weights w — the candidates play the actions — and its result is the endorsed
 * weight vector
 *
 *   E(w) = Σ_k p_k v_k,   p = the rule's lottery where it returns one, else uniform over its
 *                          winners (a tie is resolved by moving towards the winners' mean).
 *
 * Dynamics (rate λ in (0, 1]): w_{t+1} = (1 − λ) w_t + λ E(w_t). A fixed point is w = E(w): a
 * weight vector whose own Σ endorses exactly it. Every candidate v_k that is the unique winner at
 * weights v_k is one ("self-endorsing"); with ties, the winners' mean can be one too (usually an
 * unstable one, between basins). From a start the iteration ends at a fixed point, a cycle, or
 * runs out of steps; many seeded starts give each fixed point's basin frequency.
 *
 * `metaFromTargets` builds the common case: part i wants weights proportional to a target τ_i, and
 * its meta-utility of a candidate is minus its distance to τ_i (L1 by default), over a grid on the
 * simplex plus the targets themselves.
 *
 * Example (the hand example of the tests): parts A and B, candidates (1, 0), (0.75, 0.25),
 * (0.5, 0.5), (0.25, 0.75), (0, 1), targets τ_A = (0.75, 0.25), τ_B = (0.25, 0.75), weighted
 * utilitarian Σ. The score of v = (x, 1 − x) is −2(w_A |x − 0.75| + w_B |x − 0.25|): the weighted
 * median of the targets wins, so E(w) = τ_A when w_A > 1/2 and τ_B when w_A < 1/2. Fixed points:
 * τ_A and τ_B (stable; basins w_A > 1/2 and w_A < 1/2, each half of the uniform starts) and
 * (0.5, 0.5) (at equal weights every x in [0.25, 0.75] ties; their mean is 0.5; unstable).
 */
import { applySigma, type SigmaCall, sigmaCall } from '../../sigma/apply-utilities.js';
import { UserError } from '../../core/errors.js';
import { DEFAULT_SIGMA, type SigmaSpec } from '../../core/model.js';
import type { ScenarioMeta } from '../../core/scenario.js';
import type { RuleResult } from '../../sigma/types.js';
import { chebyshev } from '../../core/orbit.js';

export interface MetaPreferences {
  readonly parts: readonly string[];
  /** Number of candidate weight vectors (m). */
  readonly count: number;
  /** m × n candidate weight vectors, row-major (`candidates[k*n + i]`), each summing to 1. */
  readonly candidates: Float64Array;
  /** n × m meta-utilities, row-major: `utility[i*m + k]` is part i's meta-utility of candidate k. */
  readonly utility: Float64Array;
  /** The Σ that aggregates the meta-preferences (H's own Σ, usually). */
  readonly sigma: SigmaSpec;
}

/** Meta-preferences as a user writes them. */
export interface MetaSpec {
  readonly parts: readonly string[];
  /** Candidate weight vectors (one number per part, non-negative, not all 0; taken as shares). */
  readonly candidates: readonly (readonly number[] | Float64Array)[];
  /** One row per part, one meta-utility per candidate. */
  readonly utility: readonly (readonly number[] | Float64Array)[];
  /** Default: weighted utilitarian. */
  readonly sigma?: { readonly rule: string; readonly options?: SigmaSpec['options'] };
}

function checkParts(parts: unknown, where: string): readonly string[] {
  if (!Array.isArray(parts) || parts.length < 1)
    throw new UserError('expected at least one part name', where);
  const seen = new Set<string>();
  parts.forEach((p, k) => {
    if (typeof p !== 'string' || p.length === 0 || seen.has(p))
      throw new UserError(`expected a new non-empty name, got ${JSON.stringify(p)}`, `${where}[${k}]`);
    seen.add(p);
  });
  return parts as string[];
}

/** A weight vector as shares: n non-negative finite numbers, not all 0, divided by their sum (unless it is 1 up to 1e-12). */
export function toShares(x: unknown, n: number, where: string): Float64Array {
  if (!(Array.isArray(x) || x instanceof Float64Array))
    throw new UserError(`expected ${n} numbers (one per part)`, where);
  if (x.length !== n) throw new UserError(`expected ${n} numbers (one per part), got ${x.length}`, where);
  const v = Float64Array.from(x as ArrayLike<number>);
  let t = 0;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(v[i]) && v[i] >= 0))
      throw new UserError(`expected a non-negative number, got ${JSON.stringify(v[i])}`, `${where}[${i}]`);
    t += v[i];
  }
  if (!(t > 0)) throw new UserError('expected at least one positive weight', where);
  // Shares that already sum to 1 (up to rounding) are kept exactly as given.
  if (Math.abs(t - 1) > 1e-12) for (let i = 0; i < n; i++) v[i] /= t;
  return v;
}

function checkSigma(sg: MetaSpec['sigma'], where: string): SigmaSpec {
  if (sg === undefined) return DEFAULT_SIGMA;
  if (typeof sg !== 'object' || sg === null || typeof sg.rule !== 'string' || sg.rule.length === 0)
    throw new UserError('expected { rule: <name>, options?: {...} }', where);
  sigmaCall(sg.rule); // unknown rule names fail here, with suggestions
  return { rule: sg.rule, options: sg.options ?? {} };
}

/** Builds and checks meta-preferences. */
export function makeMetaPreferences(spec: MetaSpec, where = 'meta'): MetaPreferences {
  const parts = checkParts(spec.parts, `${where}.parts`);
  const n = parts.length;
  if (!Array.isArray(spec.candidates) || spec.candidates.length < 1)
    throw new UserError('expected at least one candidate weight vector', `${where}.candidates`);
  const m = spec.candidates.length;
  const candidates = new Float64Array(m * n);
  spec.candidates.forEach((c, k) => {
    candidates.set(toShares(c, n, `${where}.candidates[${k}]`), k * n);
  });
  if (!Array.isArray(spec.utility) || spec.utility.length !== n)
    throw new UserError(
      `expected ${n} rows (one per part), got ${Array.isArray(spec.utility) ? spec.utility.length : typeof spec.utility}`,
      `${where}.utility`,
    );
  const utility = new Float64Array(n * m);
  spec.utility.forEach((row, i) => {
    const at = `${where}.utility[${i}]`;
    if (!(Array.isArray(row) || row instanceof Float64Array) || row.length !== m)
      throw new UserError(
        `expected ${m} numbers (one per candidate), got ${(row as { length?: number }).length}`,
        at,
      );
    for (let k = 0; k < m; k++) {
      if (!Number.isFinite(row[k]))
        throw new UserError(`expected a finite number, got ${row[k]}`, `${at}[${k}]`);
      utility[i * m + k] = row[k];
    }
  });
  return { parts, count: m, candidates, utility, sigma: checkSigma(spec.sigma, `${where}.sigma`) };
}

/**
 * All weight vectors on n parts whose shares are multiples of 1/resolution, as an m × n row-major
 * matrix, in lexicographic order of the integer compositions (first part's share largest first).
 * m = C(resolution + n − 1, n − 1): 66 points for n = 3, resolution = 10.
 */
export function simplexGrid(n: number, resolution: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 1)) throw new UserError(`expected a positive integer, got ${n}`, 'parts');
  if (!(Number.isInteger(resolution) && resolution >= 1))
    throw new UserError(`expected a positive integer, got ${resolution}`, 'resolution');
  const out: number[] = [];
  const cur = new Array<number>(n).fill(0);
  const rec = (i: number, left: number) => {
    if (i === n - 1) {
      cur[i] = left;
      for (const c of cur) out.push(c / resolution);
      return;
    }
    for (let c = left; c >= 0; c--) {
      cur[i] = c;
      rec(i + 1, left - c);
    }
  };
  rec(0, resolution);
  return Float64Array.from(out);
}

export type MetaDistance = 'l1' | 'l2';

/**
 * Meta-preferences where part i wants weights proportional to `targets[i]`: its meta-utility of a
 * candidate v is −d(v, τ_i) (τ_i the target as shares; d the L1 distance Σ_j |v_j − τ_ij|, or L2).
 * Candidates: the given ones, else the simplex grid of the given resolution (default 10) followed
 * by every target not already on it.
 */
export function metaFromTargets(
  spec: {
    readonly parts: readonly string[];
    readonly targets: readonly (readonly number[] | Float64Array)[];
    readonly candidates?: readonly (readonly number[] | Float64Array)[];
    readonly resolution?: number;
    readonly distance?: MetaDistance;
    readonly sigma?: MetaSpec['sigma'];
  },
  where = 'meta',
): MetaPreferences {
  const parts = checkParts(spec.parts, `${where}.parts`);
  const n = parts.length;
  if (!Array.isArray(spec.targets) || spec.targets.length !== n)
    throw new UserError(`expected ${n} targets (one per part)`, `${where}.targets`);
  const targets = spec.targets.map((t, i) => toShares(t, n, `${where}.targets[${i}]`));
  const distance = spec.distance ?? 'l1';
  if (distance !== 'l1' && distance !== 'l2')
    throw new UserError(`expected "l1" or "l2", got ${JSON.stringify(distance)}`, `${where}.distance`);
  const cands =
    spec.candidates !== undefined
      ? spec.candidates.map((c, k) => toShares(c, n, `${where}.candidates[${k}]`))
      : gridWithTargets(n, spec.resolution ?? 10, targets);
  if (cands.length < 1) throw new UserError('expected at least one candidate', `${where}.candidates`);
  const utility = targets.map((t) => cands.map((c) => -distanceTo(c, t, distance)));
  return makeMetaPreferences({ parts, candidates: cands, utility, sigma: spec.sigma }, where);
}

/** The simplex grid of the resolution, then every target not already on it. */
function gridWithTargets(n: number, resolution: number, targets: readonly Float64Array[]): Float64Array[] {
  const grid = simplexGrid(n, resolution);
  const cands: Float64Array[] = [];
  for (let k = 0; k < grid.length / n; k++) cands.push(grid.slice(k * n, (k + 1) * n));
  for (const t of targets) if (!cands.some((c) => chebyshev(c, t) <= 1e-12)) cands.push(t);
  return cands;
}

function distanceTo(c: ArrayLike<number>, t: ArrayLike<number>, distance: MetaDistance): number {
  let d = 0;
  for (let j = 0; j < c.length; j++) d += distance === 'l1' ? Math.abs(c[j] - t[j]) : (c[j] - t[j]) ** 2;
  return distance === 'l1' ? d : Math.sqrt(d);
}

/**
 * Meta-preferences as a scenario file declares them (core/scenario.ts `ScenarioMeta`): part i's
 * meta-utility of a candidate v is
 *
 *   M_i(v) = Σ_j say_ij · v_j − d(v, τ_i)
 *
 * — "the anxious part should have less say" is a negative say on the anxious part's share;
 * "endorsement that grows with one's own control" a positive say on one's own; a target τ_i pulls
 * towards the shares the part wants (d as in metaFromTargets). A part with neither term is
 * indifferent (M_i = 0). Candidates: the simplex grid of the resolution, then the targets. The
 * meta Σ is H's own.
 */
export function metaFromDeclared(meta: ScenarioMeta, sigma: SigmaSpec, where = 'meta'): MetaPreferences {
  const parts = checkParts(meta.parts, `${where}.parts`);
  const n = parts.length;
  const rows = parts.map(() => ({ target: undefined as Float64Array | undefined, say: new Float64Array(n) }));
  meta.preferences.forEach((p, k) => {
    const i = parts.indexOf(p.part);
    if (i < 0) throw new UserError(`unknown part ${JSON.stringify(p.part)}`, `${where}.preferences[${k}]`);
    if (p.target) rows[i].target = toShares(p.target, n, `${where}.preferences.${p.part}.target`);
    if (p.say) rows[i].say.set(toSay(p.say, n, `${where}.preferences.${p.part}.say`));
  });
  const targets = rows.flatMap((r) => (r.target ? [r.target] : []));
  const cands = gridWithTargets(n, meta.resolution, targets);
  const utility = rows.map((r) =>
    cands.map((c) => {
      let m = r.target ? -distanceTo(c, r.target, meta.distance) : 0;
      for (let j = 0; j < n; j++) m += r.say[j] * c[j];
      return m;
    }),
  );
  return makeMetaPreferences({ parts, candidates: cands, utility, sigma }, where);
}

function toSay(x: readonly number[], n: number, where: string): Float64Array {
  if (x.length !== n) throw new UserError(`expected ${n} numbers (one per part), got ${x.length}`, where);
  x.forEach((v, j) => {
    if (!Number.isFinite(v)) throw new UserError(`expected a finite number, got ${v}`, `${where}[${j}]`);
  });
  return Float64Array.from(x);
}

/** Candidate k's weight vector (a copy). */
export function candidate(meta: MetaPreferences, k: number): Float64Array {
  const n = meta.parts.length;
  return meta.candidates.slice(k * n, (k + 1) * n);
}

export interface Endorsed {
  /** E(w): the weight vector H's Σ over the meta-preferences endorses at these weights. */
  readonly target: Float64Array;
  /** The winning candidates (the support of the lottery for lottery rules). */
  readonly winners: number[];
  readonly result: RuleResult;
}

/** What the weighted meta-preferences endorse at weights `w` (shares), by the meta Σ. */
export function metaEndorsed(meta: MetaPreferences, w: ArrayLike<number>, call?: SigmaCall): Endorsed {
  const n = meta.parts.length;
  const m = meta.count;
  const result = applySigma(call ?? sigmaCall(meta.sigma.rule, meta.sigma.options), {
    parts: n,
    actions: m,
    u: meta.utility,
    weights: Float64Array.from(w),
  });
  const p = new Float64Array(m);
  let winners: number[];
  if (result.lottery) {
    let t = 0;
    for (let k = 0; k < m; k++) t += result.lottery[k];
    for (let k = 0; k < m; k++) p[k] = result.lottery[k] / t;
    winners = [];
    for (let k = 0; k < m; k++) if (p[k] > 0) winners.push(k);
  } else {
    winners = result.winners;
    for (const k of winners) p[k] = 1 / winners.length;
  }
  const target = new Float64Array(n);
  for (let k = 0; k < m; k++)
    if (p[k] > 0) for (let i = 0; i < n; i++) target[i] += p[k] * meta.candidates[k * n + i];
  return { target, winners, result };
}
