/**
 * The policy-aggregation rules (Alamdari, Ebadian & Procaccia 2024): Borda and quantile fairness on
 * a two-state problem worked by hand, and what quantile fairness, α-approval and the proportional
 * veto core promise, on random small problems.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildEnvironment, buildPrincipal } from '../../../src/dynamics/build.js';
import { prepareModel } from '../../../src/dynamics/model.js';
import {
  approval,
  borda,
  bordaScore,
  policyProfile,
  preferredBy,
  quantileFair,
  vetoCore,
  vetoShare,
} from '../../../src/dynamics/policy-aggregation/index.js';
import { randomModel } from '../core/helpers.js';

/**
 * Worked by hand. Two states, each the start with probability ½, one decision, actions a and b.
 * A policy is x = P(s0, a) and y = P(s1, a) as occupancy, uniform on the square [0, ½]². Part 1
 * is rewarded for a in both states: J₁ = x + y. Part 2 for b in s0 and a in s1: J₂ = ½ − x + y.
 * Each return is a sum of two independent uniforms on [0, ½], so it is triangular on [0, 1]:
 * F(z) = 2z² below ½ and 1 − 2(1 − z)² above. Borda = F(x + y) + F(½ − x + y) grows with y, so
 * y = ½; then Borda = 1 − 2(½ − x)² + 1 − 2x² = 3/2 + 2x − 4x², largest at x = ¼ with 7/4: A
 * takes a in s1 and tosses a fair coin in s0, and each part ranks that policy above 7/8 of all
 * policies — which is also the max–min level (the levels cross at x = ¼). The parts' summed
 * return is ½ + 2y whatever x is: a utilitarian sum cannot tell these policies apart.
 */
function handModel() {
  const env = buildEnvironment({
    states: ['s0', 's1'],
    actions: ['a', 'b'],
    truth: [
      [
        [0.5, 0.5],
        [0.5, 0.5],
      ],
      [
        [0.5, 0.5],
        [0.5, 0.5],
      ],
    ],
    start: [0.5, 0.5],
    horizon: 1,
  });
  const h = buildPrincipal(env, {
    parts: [
      {
        name: 'p1',
        reward: [
          [1, 0],
          [1, 0],
        ],
      },
      {
        name: 'p2',
        reward: [
          [0, 1],
          [1, 0],
        ],
      },
    ],
  });
  return prepareModel(env, h);
}

test('Borda over the policy polytope on the two-state problem worked by hand: a coin in s0, a in s1, score 7/4', () => {
  const p = policyProfile(handModel(), 4000, 1);
  const r = borda(p);
  // x: (s0, a), (s0, b), (s1, a), (s1, b).
  assert.ok(Math.abs(r.x[0] - 0.25) < 0.04, `x = ${r.x[0]}`);
  assert.ok(Math.abs(r.x[2] - 0.5) < 1e-9, `y = ${r.x[2]}`);
  assert.ok(Math.abs(r.score - 1.75) < 0.03, `score ${r.score}`);
  assert.ok(r.bound !== undefined && r.bound >= r.score - 1e-9);
  assert.equal(r.score, bordaScore(p, r.x));
  for (const l of r.levels) assert.ok(Math.abs(l - 0.875) < 0.04, `level ${l}`);
});

test('quantile fairness on the two-state problem worked by hand: both parts at level 7/8', () => {
  const r = quantileFair(policyProfile(handModel(), 4000, 1));
  assert.ok(Math.abs(r.score - 0.875) < 0.03, `q = ${r.score}`);
  assert.ok(Math.abs(r.x[0] - 0.25) < 0.04);
});

const sizes = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  S: fc.integer({ min: 1, max: 3 }),
  A: fc.integer({ min: 2, max: 3 }),
  n: fc.integer({ min: 2, max: 4 }),
  H: fc.integer({ min: 1, max: 3 }),
});

test('property: no coalition vetoes the veto-core policy (no coalition T can name more than N − |T|·(⌈N/n⌉ − 1) sampled policies all its members prefer)', () => {
  fc.assert(
    fc.property(sizes, ({ seed, S, A, n, H }) => {
      const p = policyProfile(randomModel(seed, { S, A, n, L: 1, H }), 120, seed);
      const r = vetoCore(p);
      const m = vetoShare(p.sample.count, n);
      assert.ok(r.score >= 1);
      for (let mask = 1; mask < 2 ** n; mask++) {
        const T = Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i));
        assert.ok(preferredBy(p, T, r.x) <= p.sample.count - T.length * m, `coalition ${T}`);
      }
    }),
    { numRuns: 25 },
  );
});

test('property: quantile fairness puts every part at level q or above, q at least 1/e (Grünbaum) up to sampling', () => {
  fc.assert(
    fc.property(sizes, ({ seed, S, A, n, H }) => {
      const p = policyProfile(randomModel(seed, { S, A, n, L: 1, H }), 300, seed);
      const r = quantileFair(p);
      for (const l of r.levels) assert.ok(l >= r.score - 1e-12);
      assert.ok(r.score >= 1 / Math.E - 0.1, `q = ${r.score}`);
    }),
    { numRuns: 25 },
  );
});

test('property: α-approval satisfies the parts it counts, and no larger set of parts is satisfiable', () => {
  fc.assert(
    fc.property(sizes, fc.constantFrom(0.2, 0.5, 0.8), ({ seed, S, A, n, H }, alpha) => {
      const p = policyProfile(randomModel(seed, { S, A, n, L: 1, H }), 120, seed);
      const r = approval(p, alpha);
      const approving = r.approving!;
      assert.equal(
        r.score,
        approving.reduce((s, v) => s + v, 0),
      );
      for (let i = 0; i < n; i++) if (approving[i]) assert.ok(r.levels[i] >= 1 - alpha - 1e-12);
      // Every sampled policy is a witness: none may be approved by more parts.
      for (let k = 0; k < p.sample.count; k++) {
        let c = 0;
        for (let i = 0; i < n; i++) {
          const y = p.sample.returns[k * n + i];
          const rank = p.sorted[i].filter((v) => v <= y + 1e-9 * Math.max(1, Math.abs(y))).length;
          if (rank / p.sample.count >= 1 - alpha) c++;
        }
        assert.ok(c <= r.score, `sample ${k} is approved by ${c} parts`);
      }
    }),
    { numRuns: 20 },
  );
});

test('the rules are deterministic: the same seed gives the same policy', () => {
  const model = randomModel(3, { S: 2, A: 2, n: 3, L: 1, H: 2 });
  for (const rule of [borda, quantileFair, vetoCore])
    assert.deepEqual(rule(policyProfile(model, 200, 5)).x, rule(policyProfile(model, 200, 5)).x);
});
