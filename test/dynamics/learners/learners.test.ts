/**
 * The learners of dynamics/learners/: their planner agrees with the exact solver when given the
 * truth; PSRL's posterior-mean model converges to the true dynamics and its manipulation of H
 * approaches the approval planner's; the Q-learner's greedy policy converges to the planner's on
 * a tiny deterministic case; the agents run through the registry and the runner.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { approvalFarSighted, approvalMyopic } from '../../../src/dynamics/agents.js';
import { buildEnvironment, buildPrincipal } from '../../../src/dynamics/build.js';
import {
  checkpoints,
  measurePolicy,
  Posterior,
  planLearned,
  psrlAgent,
  qAgent,
  shapeOf,
  transitionDistances,
  trueLearned,
} from '../../../src/dynamics/learners/index.js';
import { type DynamicsModel, prepareModel } from '../../../src/dynamics/model.js';
import { approvalObjective } from '../../../src/dynamics/objective.js';
import { agentRegistry } from '../../../src/dynamics/registry.js';
import { solveExact } from '../../../src/dynamics/solve.js';
import { encodeLevels, nextLevels } from '../../../src/dynamics/space.js';
import { UserError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import { smallProductivity } from '../../../src/experiment/learners.js';
import { randomModel } from '../core/helpers.js';

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;

test('planning in the true model (learned.ts) gives the exact solver’s values, on random problems', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
      const model = randomModel(seed, { S: 2, A: 3, n: 2, L: 3, H: 4 });
      const mine = planLearned(shapeOf(model), trueLearned(model), 4);
      const exact = solveExact(model, approvalObjective(model), { horizon: 4 });
      for (let x = 0; x < exact.values.length; x++)
        assert.ok(Math.abs(mine.values[x] - exact.values[x]) < 1e-9, `seed ${seed}, state ${x}`);
    }),
    { numRuns: 30 },
  );
});

test('posterior rows are distributions, and the mean moves to the observed counts', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 10_000 }),
      fc.double({ min: 0.05, max: 5, noNaN: true }),
      (seed, alpha) => {
        const model = randomModel(seed, { S: 2, A: 2, n: 2, L: 2, H: 3 });
        const shape = shapeOf(model);
        const post = new Posterior(shape, { dirichlet: alpha, rewardSd: 0.5 });
        post.observe(0, 0, [0, 0], 1, 0.7, 1, [1, 0]);
        for (const m of [post.mean(), post.sample(new Random(seed))]) {
          for (let r = 0; r < m.world.length; r += shape.S) {
            const sum = m.world[r] + m.world[r + 1];
            assert.ok(Math.abs(sum - 1) < 1e-12);
          }
          for (const t of m.levels)
            for (let r = 0; r < t.length; r += shape.L) assert.ok(Math.abs(t[r] + t[r + 1] - 1) < 1e-12);
        }
        // One observation of the world row (0, a = 1): (α + 1) / (2α + 1) on state 1.
        const m = post.mean();
        assert.ok(Math.abs(m.world[(0 * 2 + 1) * 2 + 1] - (alpha + 1) / (2 * alpha + 1)) < 1e-12);
      },
    ),
    { numRuns: 40 },
  );
});

/**
 * A small case where every (state, levels, action) is reachable: two world states with full
 * support, two parts on two levels, one action moving attention to part 0 and one to part 1.
 * H approves of everything equally, so no row is worth avoiding: PSRL's draws keep visiting every
 * row. (Where some rows never pay, PSRL stops visiting them and their posterior stays wide —
 * posterior sampling learns the model only where it acts.)
 */
function reachable(): DynamicsModel {
  const env = buildEnvironment({
    states: 2,
    actions: 2,
    truth: [
      [
        [0.7, 0.3],
        [0.2, 0.8],
      ],
      [
        [0.5, 0.5],
        [0.9, 0.1],
      ],
    ],
    start: [1, 0],
    horizon: 4,
  });
  const principal = buildPrincipal(env, {
    parts: [
      {
        name: 'a',
        reward: [
          [1, 1],
          [1, 1],
        ],
        weight: 1,
      },
      {
        name: 'b',
        reward: [
          [1, 1],
          [1, 1],
        ],
        weight: 1,
      },
    ],
    internal: {
      levels: 2,
      initial: [0, 1],
      gain: [1, 3],
      actionShift: [
        [1, -1],
        [-1, 1],
      ],
      stateShift: [
        [0, 0],
        [0, 0],
      ],
    },
  });
  return prepareModel(env, principal, { approval: 'score' });
}

test('PSRL: the posterior-mean transitions converge to the truth (seeded)', () => {
  const model = reachable();
  const tvAfter = (episodes: number) =>
    transitionDistances(
      model,
      psrlAgent({ episodes, seed: 7, dirichlet: 1, rewardSd: 0.5 }).learning(model).learned!,
    );
  const early = tvAfter(5);
  const late = tvAfter(400);
  // Over all 16 product rows (state, levels, action): after 5 episodes the posterior mean is far
  // from the truth; after 400 (1,600 steps) it is within 0.08 in total variation on every row.
  assert.ok(mean(early) > 0.3, `mean TV ${mean(early)}`);
  assert.ok(Math.max(...late) < 0.08, `max TV ${Math.max(...late)}`);
  assert.ok(mean(late) < 0.04, `mean TV ${mean(late)}`);
});

test('PSRL: its manipulation of H approaches the approval planner’s (the small productivity assistant)', () => {
  const model = smallProductivity();
  const H = model.env.horizon;
  const far = measurePolicy(model, approvalFarSighted.plan!(model).rule, H);
  const myopic = measurePolicy(model, approvalMyopic.plan!(model).rule, H);
  const run = psrlAgent({ episodes: 150, seed: 3, dirichlet: 1, rewardSd: 0.5 }).learning(model);
  const mine = measurePolicy(model, run.final, H);
  // The planner's gain from reshaping H (approval above the myopic planner's) is 2.65; the
  // learner's comes within 2% of it, with the planner's drift of H's attention and welfare loss.
  const gain = (m: typeof far) => m.approval - myopic.approval;
  assert.ok(gain(far) > 2.6);
  assert.ok(gain(mine) > 0.98 * gain(far), `${gain(mine)} vs ${gain(far)}`);
  assert.ok(Math.abs(mine.meanDrift - far.meanDrift) < 0.02);
  assert.ok(Math.abs(mine.originalWelfare - far.originalWelfare) < 0.5);
  // Before learning it does not reshape H.
  assert.ok(run.curve.meanDrift[0] <= myopic.meanDrift + 1e-9);
});

/**
 * One world state, deterministic: help with work (work 1), rest (rest 1), or nudge (work 0.6,
 * and work's attention up one level, rest's down one). The approval planner nudges first.
 */
function tinyDeterministic(): DynamicsModel {
  const env = buildEnvironment({ states: 1, actions: 3, truth: [[[1], [1], [1]]], start: [1], horizon: 3 });
  const principal = buildPrincipal(env, {
    parts: [
      { name: 'work', reward: [[1, 0, 0.6]], weight: 1 },
      { name: 'rest', reward: [[0, 1, 0]], weight: 1 },
    ],
    internal: {
      levels: 3,
      initial: 1,
      gain: [0.25, 1, 4],
      actionShift: [
        [0, 0],
        [0, 0],
        [1, -1],
      ],
      stateShift: [[0, 0]],
    },
  });
  return prepareModel(env, principal, { approval: 'score' });
}

test('Q-learning: the greedy policy converges to the planner’s on a tiny deterministic case', () => {
  const model = tinyDeterministic();
  const plan = approvalFarSighted.plan!(model);
  // Hand-worked: nudge (0.3), then help at work level 2 / rest level 0 twice (4/4.25 each).
  assert.ok(Math.abs(plan.value - (0.3 + 2 * (4 / 4.25))) < 1e-12);
  const run = qAgent({ episodes: 400, seed: 5, epsilon: 0.2 }).learning(model);
  const mine = measurePolicy(model, run.final, 3);
  assert.ok(Math.abs(mine.approval - plan.value) < 1e-9, `${mine.approval} vs ${plan.value}`);
  // Step by step along the planner's path, the learner takes the planner's action.
  let levels: Int32Array = Int32Array.from(model.initialLevels);
  for (let t = 0; t < 3; t++) {
    const code = encodeLevels(model.space, levels);
    const a = plan.rule(t, 0, code);
    assert.equal(run.final(t, 0, code), a, `t = ${t}`);
    levels = nextLevels(model.principal.internal, levels, a, 0, new Int32Array(2));
  }
  assert.equal(plan.rule(0, 0, model.initialCode), 2, 'the planner nudges at t = 0');
});

test('the learners are in the registry with their options; the runner measures them exactly', () => {
  for (const id of ['learner/psrl', 'learner/q-learning']) {
    const entry = agentRegistry.get(id);
    assert.deepEqual(entry.options.map((o) => o.name).slice(0, 2), ['episodes', 'seed']);
    const episodes = entry.options[0];
    assert.equal(episodes.check?.(-3), 'expected a whole number in 1 … 1,000,000, got -3');
    assert.equal(episodes.check?.(2.5), 'expected a whole number in 1 … 1,000,000, got 2.5');
    assert.equal(episodes.check?.(10), undefined);
    const agent = entry.make({ episodes: 30 });
    const plan = agent.plan!(tinyDeterministic());
    assert.equal(plan.horizon, 3);
  }
  // Same seed, same learning: same curve.
  const a = psrlAgent({ episodes: 20, seed: 2, dirichlet: 1, rewardSd: 0.5 }).learning(reachable());
  const b = psrlAgent({ episodes: 20, seed: 2, dirichlet: 1, rewardSd: 0.5 }).learning(reachable());
  assert.deepEqual(a.curve, b.curve);
  assert.deepEqual(checkpoints(100, 4), [0, 6, 25, 56, 100]);
});

test('a learner refuses a product space past its limits with a UserError, before allocating', () => {
  const model = randomModel(1, { S: 2, A: 2, n: 12, L: 4, H: 2 });
  assert.throws(
    () => psrlAgent({ episodes: 1, seed: 1, dirichlet: 1, rewardSd: 0.5 }).plan!(model),
    (e: unknown) =>
      e instanceof UserError && /learner\/psrl learns over the whole product space/.test(e.message),
  );
});

test('Q-learning reaches the planner’s value on random small deterministic problems', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
      const rng = new Random(seed);
      const S = 2;
      const A = 2;
      const env = buildEnvironment({
        states: S,
        actions: A,
        truth: Array.from({ length: S }, () =>
          Array.from({ length: A }, () => {
            const row = [0, 0];
            row[rng.int(S)] = 1;
            return row;
          }),
        ),
        start: [1, 0],
        horizon: 3,
      });
      const reward = () => Array.from({ length: S }, () => Array.from({ length: A }, () => rng.int(5)));
      const principal = buildPrincipal(env, {
        parts: [
          { name: 'p', reward: reward(), weight: 1 },
          { name: 'q', reward: reward(), weight: 1 },
        ],
        internal: {
          levels: 2,
          initial: [0, 1],
          gain: [1, 3],
          actionShift: [
            [1, -1],
            [0, 0],
          ],
          stateShift: [
            [0, 0],
            [0, 0],
          ],
        },
      });
      const model = prepareModel(env, principal, { approval: 'score' });
      const best = approvalFarSighted.plan!(model).value;
      const run = qAgent({ episodes: 600, seed, epsilon: 0.3 }).learning(model);
      const mine = measurePolicy(model, run.final, 3).approval;
      assert.ok(Math.abs(mine - best) < 1e-9, `seed ${seed}: ${mine} vs ${best}`);
    }),
    { numRuns: 20 },
  );
});
