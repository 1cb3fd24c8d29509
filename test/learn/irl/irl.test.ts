/**
 * Whole-system learning (learn/irl/): the Boltzmann-rational planner, MaxEnt inverse RL and the
 * Armstrong–Mindermann decompositions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import { irlChain, runWholeIrl } from '../../../src/experiment/whole-irl.js';
import {
  checkMdp,
  decompositions,
  demonstrations,
  expectedDemonstrations,
  maxEntIrl,
  optimalPolicy,
  policyDistance,
  policyReturn,
  sampleTrajectories,
  scoreDecompositions,
  softPlan,
  stateIndicators,
  stateReward,
  stateVisitation,
  type TabularMdp,
} from '../../../src/learn/irl/index.js';

/** A random MDP with S states, A actions and horizon H (rows of the dynamics from Dirichlet(1) draws). */
function randomMdp(seed: number, S: number, A: number, H: number): TabularMdp {
  const rng = new Random(seed);
  const T = new Float64Array(S * A * S);
  for (let r = 0; r < S * A; r++) {
    let total = 0;
    for (let s2 = 0; s2 < S; s2++) total += T[r * S + s2] = rng.gamma(1);
    for (let s2 = 0; s2 < S; s2++) T[r * S + s2] /= total;
  }
  const start = new Float64Array(S);
  start[rng.int(S)] = 1;
  return { S, A, T, start, horizon: H };
}

const mdpArb = fc.record({
  seed: fc.integer({ min: 1, max: 100_000 }),
  S: fc.integer({ min: 1, max: 4 }),
  A: fc.integer({ min: 1, max: 3 }),
  H: fc.integer({ min: 1, max: 6 }),
});

test('hand-worked: one state, two actions, one step: π = softmax(β · r)', () => {
  const m: TabularMdp = {
    S: 1,
    A: 2,
    T: Float64Array.from([1, 1]),
    start: Float64Array.from([1]),
    horizon: 1,
  };
  const { policy, values } = softPlan(m, Float64Array.from([0, Math.log(3)]), 1);
  assert.ok(Math.abs(policy[0][0] - 0.25) < 1e-15 && Math.abs(policy[0][1] - 0.75) < 1e-15);
  assert.ok(Math.abs(values[0][0] - Math.log(4)) < 1e-15);
  // β = 2: weights 1 and 9.
  const p2 = softPlan(m, Float64Array.from([0, Math.log(3)]), 2).policy[0];
  assert.ok(Math.abs(p2[1] - 0.9) < 1e-15);
});

test('Armstrong–Mindermann: (β, R) and (−β, −R) give exactly the same policy', () => {
  fc.assert(
    fc.property(mdpArb, fc.double({ min: 0.05, max: 20, noNaN: true }), ({ seed, S, A, H }, beta) => {
      const m = randomMdp(seed, S, A, H);
      const rng = new Random([seed, 1]);
      const R = Float64Array.from({ length: S * A }, () => rng.normal() * 3);
      const a = softPlan(m, R, beta);
      const b = softPlan(
        m,
        R.map((x) => -x),
        -beta,
      );
      assert.deepEqual(b.policy, a.policy);
      // …and the values are exactly negated.
      for (let t = 0; t < H; t++)
        assert.deepEqual(
          b.values[t],
          a.values[t].map((x) => -x),
        );
    }),
    { numRuns: 100 },
  );
});

test('soft policies are distributions; visitation sums to 1 each step; large β approaches the optimum', () => {
  fc.assert(
    fc.property(mdpArb, ({ seed, S, A, H }) => {
      const m = randomMdp(seed, S, A, H);
      const rng = new Random([seed, 2]);
      const R = Float64Array.from({ length: S * A }, () => rng.float());
      const { policy } = softPlan(m, R, 1.5);
      for (const p of policy)
        for (let s = 0; s < S; s++) {
          let t = 0;
          for (let a = 0; a < A; a++) t += p[s * A + a];
          assert.ok(Math.abs(t - 1) < 1e-12);
        }
      for (const d of stateVisitation(m, policy))
        assert.ok(Math.abs(d.reduce((x, y) => x + y, 0) - 1) < 1e-12);
      // The soft planner never beats the optimal plan, and β = 1000 comes within 0.01 of it.
      const best = policyReturn(m, optimalPolicy(m, R), R);
      assert.ok(policyReturn(m, policy, R) <= best + 1e-9);
      assert.ok(policyReturn(m, softPlan(m, R, 1000).policy, R) >= best - 0.01);
    }),
    { numRuns: 60 },
  );
});

test('MaxEnt IRL recovers the reward up to a constant shift from exact feature expectations', () => {
  const m = irlChain();
  const r = [0.4, 0, 0, 0, 0.6];
  const R = stateReward(r, m.A);
  const pi = softPlan(m, R, 1).policy;
  const fit = maxEntIrl(m, stateIndicators(m.S, m.A), expectedDemonstrations(m, pi), { tolerance: 1e-10 });
  // θ − r is the same constant in every state (the one thing a horizon-H trajectory cannot see).
  const shift = Array.from(fit.theta, (x, s) => x - r[s]);
  for (const d of shift) assert.ok(Math.abs(d - shift[0]) < 1e-7, `${shift}`);
  assert.ok(policyDistance(fit.policy, pi) < 1e-9);
  // A constant added to the reward leaves the policy as it was (up to rounding).
  assert.ok(
    policyDistance(
      softPlan(
        m,
        R.map((x) => x + 5),
        1,
      ).policy,
      pi,
    ) < 1e-12,
  );
});

test('MaxEnt IRL from 500 sampled trajectories: within sampling error, and un-bounding plans optimally', () => {
  const m = irlChain();
  const R = stateReward([0.4, 0, 0, 0, 0.6], m.A);
  const h = softPlan(m, R, 2).policy;
  const trajectories = sampleTrajectories(m, h, 500, new Random(11));
  const fit = maxEntIrl(m, stateIndicators(m.S, m.A), demonstrations(m, trajectories));
  assert.ok(policyDistance(fit.policy, h) < 0.06, `${policyDistance(fit.policy, h)}`);
  const best = policyReturn(m, optimalPolicy(m, R), R);
  assert.ok(Math.abs(policyReturn(m, optimalPolicy(m, fit.reward), R) - best) < 1e-9);
});

test('the decompositions give H’s policy, tie under the simplicity prior in sign, and the simplest is degenerate', () => {
  const m = irlChain();
  const R = stateReward([0.4, 0, 0, 0, 0.6], m.A);
  const pi = softPlan(m, R, 1).policy;
  const demos = expectedDemonstrations(m, pi);
  const scored = scoreDecompositions(decompositions(m, R, 1), pi, demos, { l1: 1, perParameter: 1 }, (p) =>
    policyReturn(m, p, R),
  );
  for (const d of scored) assert.ok(d.policyDistance < 1e-12, d.name);
  const by = Object.fromEntries(scored.map((d) => [d.name, d]));
  assert.equal(by.rational.score, by['anti-rational'].score);
  assert.equal(by.rational.policyDistance, 0);
  assert.equal(by['anti-rational'].policyDistance, 0);
  const simplest = scored.reduce((b, d) => (d.score < b.score ? d : b));
  assert.ok(!['rational', 'anti-rational'].includes(simplest.name), simplest.name);
  // Un-bounded, the two readings of the same H plan for opposite ends of the chain.
  assert.ok(by.rational.unboundedReturn > by['anti-rational'].unboundedReturn + 1);
});

test('bad input is a UserError', () => {
  const m = irlChain();
  assert.throws(() => softPlan(m, new Float64Array(m.S * m.A), 0), UserError);
  assert.throws(() => checkMdp({ ...m, T: m.T.map((x) => x / 2) }), /summing to 1/);
  assert.throws(() => demonstrations(m, []), UserError);
  assert.throws(
    () =>
      maxEntIrl(
        m,
        stateIndicators(m.S, m.A),
        expectedDemonstrations(m, softPlan(m, new Float64Array(15), 1).policy),
        { l1: -1 },
      ),
    UserError,
  );
});

test('the whole-irl experiment: deterministic, and it states the finding', () => {
  const a = runWholeIrl(1);
  assert.deepEqual(runWholeIrl(1), a);
  assert.equal(a.sign_flip_distance, 0);
  assert.match(a.summary, /not identified without assumptions about H’s rationality/);
  assert.ok(Object.values(a.fit.centred_error).every((e) => Math.abs(e) < 0.15));
});
