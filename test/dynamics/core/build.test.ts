import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import {
  buildEnvironment,
  buildPrincipal,
  checkEnvironment,
  type EnvironmentSpec,
  MAX_HORIZON,
  type PrincipalSpec,
} from '../../../src/dynamics/build.js';
import { prepareModel } from '../../../src/dynamics/model.js';

const envSpec: EnvironmentSpec = {
  states: ['home', 'office'],
  actions: ['rest', 'work', 'nudge'],
  truth: [
    [
      [1, 0],
      [0.5, 0.5],
      [0, 1],
    ],
    [
      [0.2, 0.8],
      [0, 1],
      [0.3, 0.7],
    ],
  ],
  start: 'home',
  horizon: 4,
};

const principalSpec: PrincipalSpec = {
  parts: [
    {
      name: 'work',
      reward: [
        [0, 1, 0.5],
        [0, 2, 1],
      ],
    },
    {
      name: 'rest',
      reward: [
        [1, 0, 0],
        [1, 0, 0],
      ],
      weight: 2,
    },
  ],
  internal: {
    levels: 3,
    initial: [1, 1],
    gain: [0.5, 1, 2],
    actionShift: [
      [0, 0],
      [0, 0],
      [1, -1],
    ],
  },
};

/** Asserts that `f` throws a UserError whose message is exactly `message`. */
function fails(f: () => unknown, message: string): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof UserError, String(e));
    assert.equal(e.message, message);
    return true;
  });
}

const env = () => buildEnvironment(envSpec);
const withEnv = (patch: Partial<EnvironmentSpec>) => () => buildEnvironment({ ...envSpec, ...patch });
const withPrincipal = (patch: Partial<PrincipalSpec>) => () =>
  buildPrincipal(env(), { ...principalSpec, ...patch });
const withInternal = (patch: object) => withPrincipal({ internal: { ...principalSpec.internal!, ...patch } });

test('a well-formed problem builds, with defaults filled in', () => {
  const e = env();
  assert.deepEqual(Array.from(e.start), [1, 0]);
  assert.equal(e.truth[(0 * 3 + 1) * 2 + 1], 0.5);
  const h = buildPrincipal(e, principalSpec);
  assert.equal(h.sigma.rule, 'weighted-utilitarian');
  assert.equal(h.parts[0].weight, 1);
  assert.deepEqual(Array.from(h.internal.actionShift), [0, 0, 0, 0, 1, -1]);
  assert.deepEqual(Array.from(h.internal.stateShift), [0, 0, 0, 0]);
  const plain = buildPrincipal(e, { parts: principalSpec.parts });
  assert.equal(plain.internal.levels, 1);
  assert.deepEqual(Array.from(plain.internal.gain), [1]);
  const named = buildEnvironment({ ...envSpec, states: 2, actions: 3, start: [0.25, 0.75] });
  assert.deepEqual(named.states, ['s0', 's1']);
  assert.deepEqual(named.actions, ['a0', 'a1', 'a2']);
  assert.ok(prepareModel(e, h).space.size === 2 * 9);
});

test('transitions: rows that do not sum to 1, bad probabilities, wrong shapes', () => {
  const truth = envSpec.truth.map((r) => r.map((x) => [...x]));
  truth[1][2] = [0.3, 0.6];
  fails(withEnv({ truth }), 'truth[1][2]: sums to 0.9, expected 1 (state "office", action "nudge")');
  fails(withEnv({ states: 2, actions: 3, start: 0, truth }), 'truth[1][2]: sums to 0.9, expected 1');
  const negative = envSpec.truth.map((r) => r.map((x) => [...x]));
  negative[0][0] = [1.5, -0.5];
  fails(
    withEnv({ truth: negative }),
    'truth[0][0][0]: expected a probability in [0, 1], got 1.5 (state "home", action "rest")',
  );
  fails(withEnv({ truth: [envSpec.truth[0]] }), 'truth: expected 2 rows (one per state), got 1');
  fails(
    withEnv({ truth: [envSpec.truth[0], envSpec.truth[1].slice(0, 2)] }),
    'truth[1]: expected 3 rows (one per action), got 2',
  );
  fails(
    withEnv({ truth: [envSpec.truth[0], [[1], [0, 1], [0, 1]]] }),
    'truth[1][0]: expected 2 probabilities (one per next state), got 1',
  );
  fails(
    withEnv({
      truth: [
        envSpec.truth[0],
        [
          [Number.NaN, 1],
          [0, 1],
          [0, 1],
        ],
      ],
    }),
    'truth[1][0][0]: expected a finite number, got NaN',
  );
});

test('horizon: 0, fractional, or absurdly large', () => {
  fails(withEnv({ horizon: 0 }), 'horizon: expected a whole number of decisions ≥ 1, got 0');
  fails(withEnv({ horizon: 2.5 }), 'horizon: expected a whole number of decisions ≥ 1, got 2.5');
  assert.equal(MAX_HORIZON, 100_000);
  fails(
    withEnv({ horizon: 1e6 }),
    'horizon: 1000000 is more than 100,000 decisions: a recorded run keeps one row per step and an exact plan one decision per step per product state, which would not fit in memory',
  );
});

test('start, state and action names', () => {
  fails(withEnv({ start: [0.5, 0.4] }), 'start: sums to 0.9, expected 1');
  fails(withEnv({ start: [1] }), 'start: expected 2 probabilities (one per state), got 1');
  fails(
    withEnv({ start: 'gym' }),
    'start: expected a state (an index 0…1 or one of "home", "office") or a distribution over the states, got "gym"',
  );
  fails(withEnv({ states: ['home', 'home'] }), 'states[1]: duplicate name "home"');
  fails(withEnv({ actions: [] }), 'actions: expected a non-empty list of names, got []');
  fails(withEnv({ states: 0 }), 'states: expected a positive whole number or a list of names, got 0');
  // Typed environments built elsewhere are checked the same way.
  const e = env();
  fails(
    () => checkEnvironment({ ...e, start: new Float64Array([0.5, 0.6]) }),
    'start: sums to 1.1, expected 1',
  );
});

test('parts: rewards and beliefs over states that do not exist, weights, Σ', () => {
  const [work, rest] = principalSpec.parts;
  fails(
    withPrincipal({ parts: [{ ...work, reward: [[0, 1, 0.5]] }, rest] }),
    'parts[0].reward: expected 2 rows (one per state), got 1',
  );
  fails(
    withPrincipal({
      parts: [
        work,
        {
          ...rest,
          reward: [
            [1, 0],
            [1, 0, 0],
          ],
        },
      ],
    }),
    'parts[1].reward[0]: expected 3 rewards (one per action), got 2',
  );
  fails(
    withPrincipal({ parts: [{ ...work, beliefs: [...envSpec.truth, envSpec.truth[0]] }, rest] }),
    'parts[0].beliefs: expected 2 rows (one per state), got 3',
  );
  fails(
    withPrincipal({
      parts: [
        {
          ...work,
          beliefs: [
            envSpec.truth[0],
            [
              [1, 0, 0],
              [0, 1],
              [0, 1],
            ],
          ],
        },
        rest,
      ],
    }),
    'parts[0].beliefs[1][0]: expected 2 probabilities (one per next state), got 3',
  );
  fails(
    withPrincipal({
      parts: [
        {
          ...work,
          beliefs: [
            envSpec.truth[0],
            [
              [0.5, 0.4],
              [0, 1],
              [0, 1],
            ],
          ],
        },
        rest,
      ],
    }),
    'parts[0].beliefs[1][0]: sums to 0.9, expected 1 (state "office", action "rest")',
  );
  fails(
    withPrincipal({ parts: [{ ...work, weight: -1 }, rest] }),
    'parts[0].weight: expected a finite weight ≥ 0, got -1',
  );
  fails(
    withPrincipal({
      parts: [
        { ...work, weight: 0 },
        { ...rest, weight: 0 },
      ],
    }),
    'parts: every part has weight 0; give at least one a positive weight',
  );
  fails(
    withPrincipal({ parts: [work, { ...rest, name: 'work' }] }),
    'parts[1].name: duplicate part name "work"',
  );
  fails(withPrincipal({ parts: [] }), 'parts: expected a non-empty list of parts, got []');
  fails(
    withPrincipal({ sigma: 'utilitarianism' }),
    'sigma.rule: unknown method "utilitarianism"; did you mean utilitarian?',
  );
});

test('internal state: levels, initial levels, gains, shifts', () => {
  fails(
    withInternal({ levels: 0 }),
    'internal.levels: expected a number of levels, a whole number in 1 … 1000, got 0',
  );
  fails(
    withInternal({ levels: 1001 }),
    'internal.levels: expected a number of levels, a whole number in 1 … 1000, got 1001',
  );
  fails(
    () =>
      buildPrincipal(env(), {
        parts: Array.from({ length: 20 }, (_, i) => ({ ...principalSpec.parts[0], name: `p${i}` })),
        internal: { levels: 10 },
      }),
    'internal.levels: 10 levels for 20 parts make 10^20 internal states, more than 2^52: the internal state must be indexable by one exact integer',
  );
  fails(
    withInternal({ initial: [1, 3] }),
    'internal.initial[1]: expected a level, a whole number in 0 … 2, got 3',
  );
  fails(withInternal({ initial: [1] }), 'internal.initial: expected 2 levels (one per part), got 1');
  fails(withInternal({ gain: [1, 2] }), 'internal.gain: expected 3 multipliers (one per level), got 2');
  fails(withInternal({ gain: [1, -2, 3] }), 'internal.gain[1]: expected a finite multiplier ≥ 0, got -2');
  fails(
    withInternal({ gain: [0, 0, 0] }),
    'internal.gain: every multiplier is 0: no level gives any part a say',
  );
  fails(
    withInternal({
      actionShift: [
        [0, 0],
        [0, 0],
        [3, -1],
      ],
    }),
    'internal.actionShift[2][0]: expected a level shift (with 3 levels a part can move at most 2), a whole number in -2 … 2, got 3',
  );
  fails(
    withInternal({
      actionShift: [
        [0, 0],
        [0, 0],
      ],
    }),
    'internal.actionShift: expected 3 rows (one per action), got 2',
  );
  fails(
    withInternal({
      stateShift: [
        [0, 0.5],
        [0, 0],
      ],
    }),
    'internal.stateShift[0][1]: expected a whole-number level shift, got 0.5',
  );
  fails(
    withInternal({ stateShift: [[0], [0]] }),
    'internal.stateShift[0]: expected 2 shifts (one per part), got 1',
  );
});

test('approval readings: unknown readings and rules the score reading cannot read', async () => {
  const e = env();
  const h = buildPrincipal(e, principalSpec);
  fails(
    () => prepareModel(e, h, { approval: 'votes' as 'rank' }),
    'approval: expected one of rank, score, got "votes"',
  );
  const borda = buildPrincipal(e, { ...principalSpec, sigma: 'borda' });
  const m = prepareModel(e, borda, { approval: 'score' });
  assert.throws(
    () => m.approval(0, m.initialCode),
    /approval: the score reading of approval needs scores in \[0, 1\].*"borda" scored action/,
  );
  const rd = buildPrincipal(e, { ...principalSpec, sigma: 'random-dictatorship' });
  const m2 = prepareModel(e, rd, { approval: 'score' });
  assert.throws(
    () => m2.approval(0, m2.initialCode),
    /"random-dictatorship" gives no scores — use the rank reading/,
  );
  // Both read weighted-utilitarian: rank 1 for the top action, the weighted mean for score.
  const rank = prepareModel(e, h, { approval: 'rank' });
  const score = prepareModel(e, h, { approval: 'score' });
  assert.deepEqual(Array.from(rank.approval(0, rank.initialCode)), [1, 0.5, 0]);
  // Shares at levels (1, 1): 1/3, 2/3; normalized rewards in home: work (0, 0.5, 0.25), rest (1, 0, 0).
  const sc = score.approval(0, score.initialCode);
  assert.ok(
    Math.abs(sc[0] - 2 / 3) < 1e-12 && Math.abs(sc[1] - 1 / 6) < 1e-12 && Math.abs(sc[2] - 1 / 12) < 1e-12,
  );
});
