/**
 * The search for a principal on which a reading breaks an axiom: seeded impartial principals
 * (utilities uniform, rounded to two decimals so a counterexample reads easily), smallest sizes
 * first — 2–5 parts, 2–4 actions — with equal or Dirichlet weights and H's Σ cycling through
 * weighted-utilitarian, plurality and Borda (so H's own behaviour differs from many readings').
 * The first counterexample is shrunk (parts and actions removed while the violation stays).
 * A reading that throws a UserError on a principal counts as no violation there.
 */
import type { Operationalization } from '../align/types.js';
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import { getPrincipalGenerator } from '../generate/principal-registry.js';
import type { Options } from '../sigma/types.js';
import { type PrincipalData, withoutAction, withoutPart } from './principal.js';
import type { ReadingAxiom } from './reading-axioms.js';
import type { Violation } from './types.js';

export interface ReadingSearchResult {
  readonly violated: boolean;
  readonly counterexample: PrincipalData | null;
  readonly violation: Violation | null;
  readonly searched: number;
}

const SIGMAS = ['weighted-utilitarian', 'plurality', 'borda'] as const;

/** (parts, actions) sizes, smallest first. */
const SIZES: readonly [number, number][] = (() => {
  const out: [number, number][] = [];
  for (let n = 2; n <= 5; n++) for (let a = 2; a <= 4; a++) out.push([n, a]);
  return out.sort((x, y) => x[0] * x[1] - y[0] * y[1] || x[0] - y[0]);
})();

/** Principals drawn at each size before the next, smallest sizes first; then sizes at random. */
const PER_SIZE = 6;

/** The k-th principal of the search with this seed (deterministic in seed and k). */
export function searchPrincipal(seed: number, k: number): PrincipalData {
  const rng = new Random([seed, 0x9e3d, k]);
  const ordered = k < PER_SIZE * SIZES.length;
  const [parts, actions] = ordered ? SIZES[Math.floor(k / PER_SIZE)] : [2 + rng.int(4), 2 + rng.int(3)];
  const sigma = SIGMAS[k % SIGMAS.length];
  const g = getPrincipalGenerator('impartial').generate(rng, {
    parts,
    actions,
    weights: k % 2 === 1 ? 'dirichlet' : 'uniform',
    sigma,
  });
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    name: 'counterexample',
    title: `A principal from the impartial generator (seed ${seed}, #${k})`,
    description: 'Found by `sulab axioms --reading`.',
    outcomes: g.outcomes,
    parts: g.parts.map((p) => ({
      name: p.name,
      ...(p.weight !== undefined ? { weight: round(p.weight) || 0.01 } : {}),
      utility: (p.utility ?? []).map(round),
    })),
    sigma,
    bounds: { noise: 0, samples: 1 },
    seed: g.seed,
  };
}

function tryCheck(
  ax: ReadingAxiom,
  op: Operationalization,
  opts: Options,
  d: PrincipalData,
): Violation | null {
  try {
    return ax.check(op, opts, d);
  } catch (e) {
    if (e instanceof UserError) return null;
    throw e;
  }
}

/** Removes parts and actions while the violation stays. */
export function shrinkPrincipal(
  ax: ReadingAxiom,
  op: Operationalization,
  opts: Options,
  d: PrincipalData,
  v: Violation,
): { principal: PrincipalData; violation: Violation } {
  let cur = d;
  let why = v;
  for (let changed = true; changed; ) {
    changed = false;
    const smaller: PrincipalData[] = [];
    if (cur.parts.length > 1) for (let i = 0; i < cur.parts.length; i++) smaller.push(withoutPart(cur, i));
    if (cur.outcomes.length > 2)
      for (let a = 0; a < cur.outcomes.length; a++) smaller.push(withoutAction(cur, a));
    for (const s of smaller) {
      const w = tryCheck(ax, op, opts, s);
      if (w) {
        cur = s;
        why = w;
        changed = true;
        break;
      }
    }
  }
  return { principal: cur, violation: why };
}

export function searchReadingCounterexample(
  ax: ReadingAxiom,
  op: Operationalization,
  opts: Options,
  search: { readonly budget: number; readonly seed: number },
): ReadingSearchResult {
  for (let k = 0; k < search.budget; k++) {
    const d = searchPrincipal(search.seed, k);
    const v = tryCheck(ax, op, opts, d);
    if (v) {
      const s = shrinkPrincipal(ax, op, opts, d, v);
      return {
        violated: true,
        counterexample: { ...s.principal, alignments: [op.id] },
        violation: s.violation,
        searched: k + 1,
      };
    }
  }
  return { violated: false, counterexample: null, violation: null, searched: search.budget };
}
