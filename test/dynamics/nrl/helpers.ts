/** Small random NRL problems for property tests, and helpers shared by the NRL tests. */
import fc from 'fast-check';
import type { NrlProblem } from '../../../src/dynamics/nrl/index.js';

/** A row-stochastic S×A×S model from raw non-negative numbers (a row of zeros becomes uniform). */
export function stochastic(raw: readonly number[], S: number, A: number): Float64Array {
  const T = new Float64Array(S * A * S);
  for (let sa = 0; sa < S * A; sa++) {
    let sum = 0;
    for (let s2 = 0; s2 < S; s2++) sum += raw[sa * S + s2];
    for (let s2 = 0; s2 < S; s2++) T[sa * S + s2] = sum > 0 ? raw[sa * S + s2] / sum : 1 / S;
  }
  return T;
}

export interface TreeSpec {
  S: number;
  A: number;
  H: number;
  n: number;
}

/**
 * Random small problems: 2–3 states, 2–3 actions, horizon 1–3, 2–3 parts with their own beliefs
 * (sparse rows allowed), rewards on a coarse grid (so exact ties happen), positive prior weights,
 * one or two start states. Sizes are kept so that enumerating every deterministic policy is cheap.
 */
export function smallProblem(): fc.Arbitrary<NrlProblem> {
  const spec = fc
    .record({
      S: fc.integer({ min: 2, max: 3 }),
      A: fc.integer({ min: 2, max: 3 }),
      H: fc.integer({ min: 1, max: 3 }),
      n: fc.integer({ min: 2, max: 3 }),
      twoStarts: fc.boolean(),
    })
    .filter(({ S, A, H, twoStarts }) => {
      let slots = 0;
      for (let t = 0; t < H; t++) slots += S ** t;
      return A ** (slots * (twoStarts ? 2 : 1)) <= 3000;
    });
  return spec.chain(({ S, A, H, n, twoStarts }) => {
    const cells = S * A * S;
    const model = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 })), {
      minLength: cells,
      maxLength: cells,
    });
    const reward = fc.array(fc.integer({ min: -4, max: 4 }), { minLength: S * A, maxLength: S * A });
    return fc
      .record({
        truth: model,
        beliefs: fc.array(model, { minLength: n, maxLength: n }),
        rewards: fc.array(reward, { minLength: n, maxLength: n }),
        weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: n, maxLength: n }),
        start: fc.integer({ min: 0, max: S - 1 }),
      })
      .map(({ truth, beliefs, rewards, weights, start }) => {
        const st = new Float64Array(S);
        if (twoStarts) {
          st[start] = 0.7;
          st[(start + 1) % S] = 0.3;
        } else st[start] = 1;
        return {
          env: {
            states: Array.from({ length: S }, (_, i) => `s${i}`),
            actions: Array.from({ length: A }, (_, i) => `a${i}`),
            truth: stochastic(truth, S, A),
            start: st,
            horizon: H,
          },
          parts: rewards.map((r, i) => ({
            name: `p${i}`,
            reward: Float64Array.from(r, (x) => x / 4),
            beliefs: stochastic(beliefs[i], S, A),
            weight: weights[i],
          })),
        };
      });
  });
}

export function near(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  for (let i = 0; i < actual.length; i++)
    if (!(Math.abs(actual[i] - expected[i]) <= tol))
      throw new Error(`entry ${i}: ${actual[i]} ≠ ${expected[i]} (tolerance ${tol})`);
}
