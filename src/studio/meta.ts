/**
 * Meta-preferences on the page: each top-level part of H wants H's weights to be its own target;
 * H's Σ over those meta-preferences (weighted by the current weights) endorses weights, and H
 * moves towards them, w ← (1 − λ)·w + λ·E(w) (dynamics/meta). The fixed points, the share of
 * seeded starts that end at each (its basin), cycles, and every start with where it ended.
 * Node-free: the page's worker runs it.
 */
import { UserError } from '../core/errors.js';
import type { SigmaSpec } from '../core/model.js';
import { Random } from '../core/random.js';
import { metaFixedPoints, metaFromTargets } from '../dynamics/meta/index.js';
import { getRule, sigmaRegistry } from '../sigma/registry.js';

export interface MetaAsk {
  /** One target per part: the weights that part wants H to have (taken as shares). */
  readonly targets: readonly (readonly number[])[];
  /** Seeded uniform starts on the simplex (default 200). */
  readonly starts?: number;
  /** λ, the step towards the endorsed weights (default 0.5). */
  readonly rate?: number;
  /** The Σ rule over the meta-preferences (default: H's own when it reads utilities, else weighted-utilitarian). */
  readonly sigma?: string;
}

export interface MetaAnswer {
  readonly parts: readonly string[];
  /** The Σ rule that aggregated the meta-preferences. */
  readonly sigma: string;
  /** The candidate weights are the simplex in steps of 1/resolution (plus the targets). */
  readonly resolution: number;
  readonly candidates: number;
  readonly fixedPoints: readonly {
    readonly weights: readonly number[];
    /** The part whose target it is, or null. */
    readonly idealOf: string | null;
    readonly count: number;
    readonly frequency: number;
    /** The only Σ winner at its own weights. */
    readonly strict: boolean;
  }[];
  readonly cycles: number;
  readonly unconverged: number;
  /** Every start (weights) and the fixed point it ended at (−1: a cycle or none). */
  readonly runs: readonly { readonly start: readonly number[]; readonly end: number }[];
}

/** Parts past this many are refused: the candidate grid and the runs would not answer live. */
export const MAX_META_PARTS = 8;

/** The number of weight vectors on the simplex of n parts in steps of 1/r: C(r + n − 1, n − 1). */
function gridSize(n: number, r: number): number {
  let c = 1;
  for (let k = 1; k < n; k++) c = (c * (r + k)) / k;
  return Math.round(c);
}

/** The finest grid, at most tenths, of at most `cap` candidates: the live answer stays fast. */
export function gridResolution(n: number, cap = 150): number {
  let r = 10;
  while (r > 1 && gridSize(n, r) > cap) r--;
  return r;
}

/**
 * The meta dynamics of `parts` from seeded starts, under `ask.sigma`, else H's Σ (`own`) when it
 * reads utilities, else weighted-utilitarian: an ordinal rule over every candidate weight vector
 * at every step of every start would not answer live.
 */
export function metaAnswer(
  parts: readonly string[],
  own: { readonly rule: string; readonly options?: SigmaSpec['options'] },
  ask: MetaAsk,
  seed: number,
): MetaAnswer {
  const sigma = ask.sigma
    ? { rule: getRule(ask.sigma).name }
    : sigmaRegistry.find(own.rule)?.input === 'utilities'
      ? own
      : { rule: 'weighted-utilitarian' };
  if (parts.length > MAX_META_PARTS)
    throw new UserError(
      `the studio runs meta-preferences for at most ${MAX_META_PARTS} parts, H has ${parts.length}`,
      'meta',
    );
  const resolution = gridResolution(parts.length);
  const meta = metaFromTargets({ parts, targets: ask.targets.map((t) => [...t]), sigma, resolution }, 'meta');
  const starts = ask.starts ?? (parts.length <= 3 ? 200 : 100);
  const b = metaFixedPoints(meta, new Random(seed), { starts, rate: ask.rate ?? 0.5 });
  const shares = ask.targets.map((t) => {
    const s = t.reduce((a, x) => a + x, 0);
    return t.map((x) => x / s);
  });
  const owner = (w: ArrayLike<number>) =>
    shares.findIndex((t) => t.every((x, j) => Math.abs(x - w[j]) <= 1e-9));
  return {
    parts: [...parts],
    sigma: sigma.rule,
    resolution,
    candidates: meta.count,
    fixedPoints: b.fixedPoints.map((f) => {
      const i = owner(f.weights);
      return {
        weights: Array.from(f.weights),
        idealOf: i >= 0 ? parts[i] : null,
        count: f.count,
        frequency: f.frequency,
        strict: f.strict,
      };
    }),
    cycles: b.cycles.reduce((t, c) => t + c.count, 0),
    unconverged: b.unconverged,
    runs: b.runs.map((r) => ({ start: Array.from(r.start), end: r.limit.kind === 'fixed' ? r.basin : -1 })),
  };
}
