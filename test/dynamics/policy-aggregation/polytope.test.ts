/**
 * The occupancy polytope: the measures of policies meet the Bellman flow constraints with each
 * layer's mass 1, and a part's return read through the measure equals the engine's exact
 * expectation of rolling the policy out (solve.ts's evaluateExact), on random small problems.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Random } from '../../../src/core/random.js';
import { buildEnvironment, buildPrincipal } from '../../../src/dynamics/build.js';
import { prepareModel } from '../../../src/dynamics/model.js';
import { objectiveOf } from '../../../src/dynamics/objective.js';
import {
  dot,
  flowResidual,
  occupancyOf,
  occupancyPolytope,
  policyAt,
  policyProfile,
  returnVector,
} from '../../../src/dynamics/policy-aggregation/index.js';
import { evaluateExact } from '../../../src/dynamics/solve.js';
import { randomModel } from '../core/helpers.js';

const sizes = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  S: fc.integer({ min: 1, max: 3 }),
  A: fc.integer({ min: 1, max: 3 }),
  n: fc.integer({ min: 1, max: 3 }),
  H: fc.integer({ min: 1, max: 4 }),
});

test('property: a policy’s occupancy measure meets the flow constraints, each step’s mass is 1, and its policy is the policy', () => {
  fc.assert(
    fc.property(sizes, ({ seed, S, A, n, H }) => {
      const model = randomModel(seed, { S, A, n, L: 1, H });
      const P = occupancyPolytope(model);
      const rng = new Random([seed, 7]);
      const table = Array.from({ length: H * S }, () => {
        const w = Array.from({ length: A }, () => rng.float() + (rng.float() < 0.3 ? 0 : 0.1));
        const sum = w.reduce((a, b) => a + b, 0);
        return w.map((v) => v / sum);
      });
      const x = occupancyOf(P, (t, s, out) => out.set(table[t * S + s]));
      assert.ok(flowResidual(P, x) < 1e-12);
      for (let t = 0; t < H; t++) {
        let mass = 0;
        P.pairs.forEach((pair, k) => {
          if (pair.t === t) for (let a = 0; a < A; a++) mass += x[k * A + a];
        });
        assert.ok(Math.abs(mass - 1) < 1e-12, `step ${t}: mass ${mass}`);
      }
      // Where the policy reaches, the point's policy is the policy.
      for (const { t, s } of P.pairs) {
        const pi = policyAt(P, x, t, s);
        if (pi) for (let a = 0; a < A; a++) assert.ok(Math.abs(pi[a] - table[t * S + s][a]) < 1e-9);
      }
    }),
    { numRuns: 60 },
  );
});

test('property: each part’s return through the occupancy measure equals the engine’s exact expectation of the policy', () => {
  fc.assert(
    fc.property(sizes, fc.integer({ min: 1, max: 2 }), ({ seed, S, A, n, H }, L) => {
      // H's internal state moves (L = 2) but reads nothing of the world: the returns stay the same.
      const model = randomModel(seed, { S, A, n, L, H });
      const P = occupancyPolytope(model);
      const rng = new Random([seed, 11]);
      const choice = Int32Array.from({ length: H * S }, () => rng.int(A));
      const x = occupancyOf(P, (t, s, out) => {
        out.fill(0);
        out[choice[t * S + s]] = 1;
      });
      for (let i = 0; i < n; i++) {
        const r = model.welfare[i];
        const objective = objectiveOf(`part ${i}`, (_t, s, _c, a) => r[s * A + a], true);
        const exact = evaluateExact(model, (t, s) => choice[t * S + s], objective).value;
        const viaMeasure = dot(returnVector(P, r), x);
        assert.ok(Math.abs(exact - viaMeasure) < 1e-9, `part ${i}: ${exact} vs ${viaMeasure}`);
      }
    }),
    { numRuns: 60 },
  );
});

test('property: every sampled return lies within the part’s range over the polytope, and the sample is seeded', () => {
  fc.assert(
    fc.property(sizes, ({ seed, S, A, n, H }) => {
      const model = randomModel(seed, { S, A, n, L: 1, H });
      const p = policyProfile(model, 50, seed);
      for (let i = 0; i < n; i++) {
        assert.ok(p.low[i] <= p.high[i] + 1e-12);
        for (const y of p.sorted[i]) assert.ok(y >= p.low[i] - 1e-9 && y <= p.high[i] + 1e-9);
      }
      assert.deepEqual(policyProfile(model, 50, seed).sample.returns, p.sample.returns);
    }),
    { numRuns: 25 },
  );
});

/**
 * Uniform on the polytope, not on policies. Start in s0; a moves to s1, b stays; two decisions.
 * With p = x_0(s0, a), the second step's measures are u = x_1(s1, a) ∈ [0, p] and
 * v = x_1(s0, a) ∈ [0, 1 − p], so the polytope is {0 ≤ u ≤ p, 0 ≤ v ≤ 1 − p}: the density of p is
 * ∝ p(1 − p), Beta(2, 2). A part rewarded for being in s1 has return p; the share of the volume
 * where p ≤ ¼ is 3(¼)² − 2(¼)³ = 5/32 (a uniformly random policy would give ¼).
 */
test('the sample is uniform on the occupancy polytope: a Beta(2, 2) marginal worked by hand', () => {
  const env = buildEnvironment({
    states: ['s0', 's1'],
    actions: ['a', 'b'],
    truth: [
      [
        [0, 1],
        [1, 0],
      ],
      [
        [0, 1],
        [0, 1],
      ],
    ],
    start: [1, 0],
    horizon: 2,
  });
  const h = buildPrincipal(env, {
    parts: [
      {
        name: 'in-s1',
        reward: [
          [0, 0],
          [1, 1],
        ],
      },
    ],
  });
  const p = policyProfile(prepareModel(env, h), 4000, 2);
  assert.equal(p.sample.dimension, 3);
  const share = (y: number) => p.sorted[0].filter((v) => v <= y).length / p.sample.count;
  assert.ok(Math.abs(share(0.25) - 5 / 32) < 0.03, `${share(0.25)}`);
  assert.ok(Math.abs(share(0.5) - 0.5) < 0.04, `${share(0.5)}`);
});
