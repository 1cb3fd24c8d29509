import fc from 'fast-check';
import type { UtilityProblem } from '../../../src/core/utility.js';
import { marketRules } from '../../../src/sigma/market/index.js';
import type { UtilityRule } from '../../../src/sigma/types.js';

export { close, problem } from '../cardinal/helpers.js';

export const rule = (name: string): UtilityRule => marketRules.find((r) => r.name === name)!;

export function make(n: number, m: number, u: number[], w: number[]): UtilityProblem {
  return { parts: n, actions: m, u: Float64Array.from(u), weights: Float64Array.from(w) };
}

/** A fine grid on [0, 1]: generic data (ties unlikely). */
export const fine = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((x) => x / 1_000_000);

/** Small integer utilities (ties likely) and positive integer weights. */
export const intProblem = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 5 }) })
  .chain(({ n, m }) =>
    fc
      .record({
        u: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n * m, maxLength: n * m }),
        w: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
      })
      .map(({ u, w }) => make(n, m, u, w)),
  );

/** Continuous utilities and positive weights, up to `n` parts and `m` actions. */
export const realProblemOf = (n: number, m: number) =>
  fc.record({ n: fc.integer({ min: 1, max: n }), m: fc.integer({ min: 1, max: m }) }).chain(({ n, m }) =>
    fc
      .record({
        u: fc.array(fine, { minLength: n * m, maxLength: n * m }),
        w: fc.array(
          fine.map((x) => 0.2 + 2.8 * x),
          { minLength: n, maxLength: n },
        ),
      })
      .map(({ u, w }) => make(n, m, u, w)),
  );

export const realProblem = realProblemOf(4, 5);

/** Part i's utilities on [0, 1] (min–max; 0s when flat), as the markets read them. */
export function normRow(p: UtilityProblem, i: number): number[] {
  const row = Array.from(p.u.subarray(i * p.actions, (i + 1) * p.actions));
  const lo = Math.min(...row);
  const hi = Math.max(...row);
  return row.map((x) =>
    hi - lo > 1e-12 * Math.max(1, Math.abs(hi), Math.abs(lo)) ? (x - lo) / (hi - lo) : 0,
  );
}

/** Mean of xs over the indices `at`. */
export const meanAt = (xs: readonly number[], at: readonly number[]) =>
  at.reduce((t, a) => t + xs[a], 0) / at.length;
