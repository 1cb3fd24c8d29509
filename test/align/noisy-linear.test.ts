import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { linearNoiseBehaviour } from '../../src/align/noisy-linear.js';
import { behaviourOf } from '../../src/align/context.js';
import { erfc, normalCdf } from '../../src/core/gaussian.js';
import { Random } from '../../src/core/random.js';
import type { UtilityProblem } from '../../src/core/utility.js';
import { parseScenario } from '../../src/scenario/load.js';

test('Φ against published values, to near machine precision in both tails', () => {
  // Abramowitz & Stegun table 26.1 and standard references (R's pnorm to 16 digits).
  const cases: [number, number][] = [
    [0, 0.5],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [-3, 0.0013498980316300946],
    [-4, 3.167124183311992e-5],
    [-8, 6.220960574271785e-16],
    [-10, 7.619853024160527e-24],
    [3.5, 0.9997673709209645],
  ];
  for (const [x, v] of cases) assert.ok(Math.abs(normalCdf(x) - v) <= 1e-13 * v, `Φ(${x}) = ${normalCdf(x)}`);
  // The two methods of erfc meet at 2.5 without a step; erfc(−x) = 2 − erfc(x).
  assert.ok(Math.abs(erfc(2.5 - 1e-12) - erfc(2.5 + 1e-12)) < 1e-14);
  assert.equal(erfc(-1.2), 2 - erfc(1.2));
});

const problem = (parts: number, actions: number, u: number[], weights: number[]): UtilityProblem => ({
  parts,
  actions,
  u: Float64Array.from(u),
  weights: Float64Array.from(weights),
});

test('two actions: P(a) = Φ((μ_a − μ_b)/(s√2)), equal to its approval; equal means give 1/A', () => {
  // μ = (0.7, 0.4) with one part of weight 1, range 1, σ = 0.2: s = 0.2, P(a) = Φ(0.3/(0.2√2)).
  const r = linearNoiseBehaviour(problem(1, 2, [0.7, 0.4], [1]), 0.2, [1]);
  assert.ok(r);
  const p = normalCdf(0.3 / (0.2 * Math.SQRT2));
  assert.ok(Math.abs(r.lottery[0] - p) < 1e-10, `${r.lottery[0]} vs ${p}`);
  assert.ok(Math.abs(r.approval[0] - p) < 1e-15);
  const flat = linearNoiseBehaviour(problem(2, 4, [1, 1, 1, 1, 0, 0, 0, 0], [1, 2]), 0.3, [1, 0]);
  assert.ok(flat);
  for (const q of flat.lottery) assert.ok(Math.abs(q - 0.25) < 1e-12);
  for (const q of flat.approval) assert.ok(Math.abs(q - 0.5) < 1e-15);
  // Noise on a part of weight 0 (or with range 0) reaches nothing: H is noiseless.
  assert.equal(linearNoiseBehaviour(problem(2, 2, [1, 0, 0, 1], [1, 0]), 0.3, [0, 1]), undefined);
});

/** The same probabilities by a much finer rule, written independently: the midpoint rule. */
function fine(mu: number[], s: number): number[] {
  const N = 24000;
  const h = 24 / N;
  return mu.map((ma, a) => {
    let sum = 0;
    for (let k = 0; k < N; k++) {
      const z = -12 + (k + 0.5) * h;
      let f = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      mu.forEach((mb, b) => {
        if (b !== a) f *= normalCdf(z + (ma - mb) / s);
      });
      sum += f * h;
    }
    return sum;
  });
}

test('the quadrature agrees with a much finer rule to 1e-9 on random problems', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 2, max: 5 }),
      fc.integer({ min: 0, max: 2 ** 31 }),
      fc.double({ min: 0.01, max: 2, noNaN: true }),
      (n, A, seed, sigma) => {
        const rng = new Random(seed);
        const u = Array.from({ length: n * A }, () => rng.float());
        const w = Array.from({ length: n }, () => 0.1 + rng.float());
        const range = Array.from({ length: n }, () => 0.2 + rng.float());
        const r = linearNoiseBehaviour(problem(n, A, u, w), sigma, range);
        assert.ok(r);
        const mu = Array.from({ length: A }, (_, a) => w.reduce((t, wi, i) => t + wi * u[i * A + a], 0));
        const s = sigma * Math.sqrt(w.reduce((t, wi, i) => t + (wi * range[i]) ** 2, 0));
        const want = fine(mu, s);
        for (let a = 0; a < A; a++)
          assert.ok(Math.abs(r.lottery[a] - want[a]) < 1e-9, `${r.lottery[a]} vs ${want[a]}`);
      },
    ),
    { numRuns: 6, seed: 7 },
  );
});

test('B(H) of a noisy weighted-utilitarian H equals the sampled choice within sampling error', () => {
  const scenario = parseScenario(
    `name: noisy
outcomes: [a, b, c, d]
parts:
  - {name: p, weight: 2, utility: {a: 1, b: 0.8, c: 0.7, d: 0}}
  - {name: q, weight: 1, utility: {a: 0, b: 0.5, c: 1, d: 0.4}}
  - {name: r, weight: 1, utility: {a: 0.3, b: 1, c: 0, d: 1}}
sigma: weighted-utilitarian
bounds: {noise: 0.3, samples: 10}
`,
    'noisy.yaml',
  );
  const h = scenario.principal;
  const own = {
    parts: 3,
    actions: 4,
    u: Float64Array.from([1, 0.8, 0.7, 0, 0, 0.5, 1, 0.4, 0.3, 1, 0, 1]),
    weights: Float64Array.from([2, 1, 1]),
  };
  const { behaviour, approval } = behaviourOf(h, own, scenario.bounds, new Random(1));
  // Sampled directly: S_a = Σ_i w_i (u_ia + σ r_i ε_ia), ranges 1 here.
  const rng = new Random(20261207);
  const N = 100_000;
  const wins = [0, 0, 0, 0];
  const below = [0, 0, 0, 0];
  for (let k = 0; k < N; k++) {
    const S = [0, 1, 2, 3].map((a) =>
      [0, 1, 2].reduce((t, i) => t + own.weights[i] * (own.u[i * 4 + a] + 0.3 * rng.normal()), 0),
    );
    wins[S.indexOf(Math.max(...S))]++;
    for (let a = 0; a < 4; a++) below[a] += S.filter((x) => x < S[a]).length / 3;
  }
  for (let a = 0; a < 4; a++) {
    const p = wins[a] / N;
    const se = Math.sqrt((p * (1 - p)) / N) + 1e-6;
    assert.ok(Math.abs(behaviour.lottery[a] - p) < 5 * se, `P(${a}) ${behaviour.lottery[a]} vs sampled ${p}`);
    assert.ok(Math.abs(approval[a] - below[a] / N) < 0.01, `approval(${a})`);
  }
  const sum = behaviour.lottery.reduce((t, x) => t + x, 0);
  assert.ok(Math.abs(sum - 1) < 1e-15);
});
