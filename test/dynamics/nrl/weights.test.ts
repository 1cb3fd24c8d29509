import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import {
  beliefsOf,
  logLikelihoods,
  nrlWeightPath,
  nrlWeights,
  priorOf,
  sampleTrajectory,
  shapeOf,
  solveNrl,
  updateWeights,
} from '../../../src/dynamics/nrl/index.js';
import { near, smallProblem, stochastic } from './helpers.js';

/** Beliefs with every entry at least ~0.05, so long products stay far from underflow. */
const weightCase = fc
  .record({
    S: fc.integer({ min: 2, max: 4 }),
    A: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 1, max: 4 }),
    T: fc.integer({ min: 0, max: 30 }),
  })
  .chain(({ S, A, n, T }) =>
    fc.record({
      S: fc.constant(S),
      A: fc.constant(A),
      beliefs: fc.array(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: S * A * S, maxLength: S * A * S }),
        { minLength: n, maxLength: n },
      ),
      prior: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
      states: fc.array(fc.integer({ min: 0, max: S - 1 }), { minLength: T + 1, maxLength: T + 1 }),
      actions: fc.array(fc.integer({ min: 0, max: A - 1 }), { minLength: T, maxLength: T }),
    }),
  );

test('nrlWeights = prior·likelihood / Σ to 1e-12 after any observation sequence', () => {
  fc.assert(
    fc.property(weightCase, ({ S, A, beliefs, prior, states, actions }) => {
      const models = beliefs.map((raw) => stochastic(raw, S, A));
      const got = nrlWeights(prior, models, { states, actions }, { S, A });
      const direct = prior.map((w, i) => {
        let p = w;
        for (let k = 0; k < actions.length; k++)
          p *= models[i][(states[k] * A + actions[k]) * S + states[k + 1]];
        return p;
      });
      const total = direct.reduce((x, y) => x + y, 0);
      near(
        got,
        direct.map((x) => x / total),
        1e-12,
      );
      // and the same through the log-likelihoods
      const ll = logLikelihoods(models, { states, actions }, { S, A });
      const m = Math.max(...ll.map((x, i) => x + Math.log(prior[i])));
      const e = Array.from(ll, (x, i) => Math.exp(x + Math.log(prior[i]) - m));
      const z = e.reduce((x, y) => x + y, 0);
      near(
        got,
        e.map((x) => x / z),
        1e-12,
      );
    }),
    { numRuns: 300 },
  );
});

test('the log-ratio of two weights moves by the log-likelihood ratio of each observation, exactly', () => {
  fc.assert(
    fc.property(weightCase, ({ S, A, beliefs, prior, states, actions }) => {
      const models = beliefs.map((raw) => stochastic(raw, S, A));
      const n = models.length;
      const path = nrlWeightPath(prior, models, { states, actions }, { S, A });
      for (let k = 0; k < actions.length; k++) {
        const at = (states[k] * A + actions[k]) * S + states[k + 1];
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            const before = Math.log(path[k * n + i] / path[k * n + j]);
            const after = Math.log(path[(k + 1) * n + i] / path[(k + 1) * n + j]);
            const llr = Math.log(models[i][at]) - Math.log(models[j][at]);
            assert.ok(Math.abs(after - before - llr) <= 1e-12, `step ${k}, parts ${i}/${j}`);
          }
      }
    }),
    { numRuns: 200 },
  );
});

test('along NRL trajectories sampled from the truth, the weights are prior × likelihood, normalized', () => {
  fc.assert(
    fc.property(smallProblem(), fc.integer({ min: 0, max: 1000 }), (p, seed) => {
      const sol = solveNrl(p);
      const tr = sampleTrajectory(p, sol.policy, new Random(seed));
      const n = p.parts.length;
      const shape = shapeOf(p.env);
      const beliefs = beliefsOf(p);
      for (let t = 0; t <= p.env.horizon; t++) {
        const h = { states: tr.states.subarray(0, t + 1), actions: tr.actions.subarray(0, t) };
        const ll = logLikelihoods(beliefs, h, shape);
        if (ll.every((x) => x === Number.NEGATIVE_INFINITY)) continue; // the skip convention: tested below
        const direct = Array.from(priorOf(p), (w, i) => w * Math.exp(ll[i]));
        const z = direct.reduce((x, y) => x + y, 0);
        if (!(z > 0)) continue;
        near(
          tr.weights.subarray(t * n, (t + 1) * n),
          direct.map((x) => x / z),
          1e-12,
        );
      }
    }),
    { numRuns: 100 },
  );
});

test('an observation every part called impossible leaves the weights unchanged', () => {
  const A = 1;
  const S = 2;
  const alice = Float64Array.from([1, 0, 1, 0]); // always state 0
  const bob = Float64Array.from([0.5, 0.5, 1, 0]); // from 1: always 0
  const w = Float64Array.from([0.25, 0.75]);
  assert.equal(updateWeights(w, [alice, bob], { S, A }, 1, 0, 1), false);
  assert.deepEqual(Array.from(w), [0.25, 0.75]);
  assert.deepEqual(
    Array.from(nrlWeights([1, 3], [alice, bob], { states: [0, 1, 1], actions: [0, 0] }, { S, A })),
    [0, 1],
  );
  // a part that gave an observation probability 0 keeps weight 0 for good
  const path = nrlWeightPath([1, 1], [alice, bob], { states: [0, 1, 0, 0], actions: [0, 0, 0] }, { S, A });
  assert.deepEqual(Array.from(path), [0.5, 0.5, 0, 1, 0, 1, 0, 1]);
});

test('bad histories and priors are UserErrors that say where', () => {
  const T = stochastic([1, 1, 1, 1], 2, 1);
  const shape = { S: 2, A: 1 };
  assert.throws(
    () => nrlWeights([1], [T], { states: [0, 1], actions: [] }, shape),
    (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.message, 'history.states: expected 1 states for 0 actions, got 2');
      return true;
    },
  );
  assert.throws(
    () => nrlWeights([1], [T], { states: [0, 2], actions: [0] }, shape),
    /history\.states: entry 1 is 2/,
  );
  assert.throws(
    () => nrlWeights([1], [T], { states: [0, 1], actions: [1] }, shape),
    /history\.actions: entry 0 is 1/,
  );
  assert.throws(
    () => nrlWeights([1, 1], [T], { states: [0], actions: [] }, shape),
    /prior: expected 1 weights/,
  );
  assert.throws(
    () => nrlWeights([0], [T], { states: [0], actions: [] }, shape),
    /prior: expected a positive weight/,
  );
  assert.throws(() => nrlWeights([-1], [T], { states: [0], actions: [] }, shape), /prior: entry 0 is -1/);
});

test('with one shared belief the weights never move (Harsanyi’s case)', () => {
  const T = stochastic([3, 1, 1, 2, 5, 5, 2, 7], 2, 2);
  const path = nrlWeightPath(
    [2, 1, 1],
    [T, T, T],
    { states: [0, 1, 1, 0, 1], actions: [0, 1, 1, 0] },
    { S: 2, A: 2 },
  );
  for (let t = 0; t < 5; t++) near(path.subarray(t * 3, t * 3 + 3), [0.5, 0.25, 0.25], 1e-15);
});
