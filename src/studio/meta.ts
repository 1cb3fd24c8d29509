/**
 * Meta-preferences on the page: each top-level part of H wants H's weights to be its own target;
 * H's Σ over those meta-preferences (weighted by the current weights) endorses weights, and H
 * moves towards them, w ← (1 − λ)·w + λ·E(w) (dynamics/meta). The fixed points, the share of
 * seeded starts that end at each (its basin), cycles, and every start with where it ended.
 * Node-free: the page's worker runs it.
 */
import type { SigmaSpec } from '../core/model.js';
import { Random } from '../core/random.js';
import { metaFixedPoints, metaFromTargets } from '../dynamics/meta/index.js';

export interface MetaAsk {
  /** One target per part: the weights that part wants H to have (taken as shares). */
  readonly targets: readonly (readonly number[])[];
  /** Seeded uniform starts on the simplex (default 200). */
  readonly starts?: number;
  /** λ, the step towards the endorsed weights (default 0.5). */
  readonly rate?: number;
}

export interface MetaAnswer {
  readonly parts: readonly string[];
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

/** The meta dynamics of `parts` under Σ = `sigma` from seeded starts. */
export function metaAnswer(
  parts: readonly string[],
  sigma: { readonly rule: string; readonly options?: SigmaSpec['options'] },
  ask: MetaAsk,
  seed: number,
): MetaAnswer {
  const meta = metaFromTargets(
    {
      parts,
      targets: ask.targets.map((t) => [...t]),
      sigma,
    },
    'meta',
  );
  const b = metaFixedPoints(meta, new Random(seed), { starts: ask.starts ?? 200, rate: ask.rate ?? 0.5 });
  const shares = ask.targets.map((t) => {
    const s = t.reduce((a, x) => a + x, 0);
    return t.map((x) => x / s);
  });
  const owner = (w: ArrayLike<number>) =>
    shares.findIndex((t) => t.every((x, j) => Math.abs(x - w[j]) <= 1e-9));
  return {
    parts: [...parts],
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
