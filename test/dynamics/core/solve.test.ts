import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { approvalFarSighted, approvalMyopic } from '../../../src/dynamics/agents.js';
import { buildEnvironment, buildPrincipal } from '../../../src/dynamics/build.js';
import { type DynamicsModel, prepareModel } from '../../../src/dynamics/model.js';
import { approvalObjective, type Objective, objectiveOf } from '../../../src/dynamics/objective.js';
import type { Moment } from '../../../src/dynamics/policy.js';
import { lookaheadPolicy } from '../../../src/dynamics/rollout.js';
import { decodeLevels } from '../../../src/dynamics/space.js';
import { EXACT_STATE_LIMIT, evaluateExact, solveExact } from '../../../src/dynamics/solve.js';
import { randomModel, randomObjective } from './helpers.js';

/** Two states, two actions, no internal dynamics (one part, one level). */
function handModel(): DynamicsModel {
  const env = buildEnvironment({
    states: ['s0', 's1'],
    actions: ['a0', 'a1'],
    truth: [
      [
        [1, 0],
        [0.5, 0.5],
      ],
      [
        [1, 0],
        [0.2, 0.8],
      ],
    ],
    start: [0.5, 0.5],
    horizon: 2,
  });
  const principal = buildPrincipal(env, {
    parts: [
      {
        name: 'only',
        reward: [
          [0, 0],
          [0, 0],
        ],
      },
    ],
  });
  return prepareModel(env, principal);
}

// r(s0, a0) = 1, r(s0, a1) = 0.6, r(s1, a0) = 0, r(s1, a1) = 2.
const R = [1, 0.6, 0, 2];
const handObjective = objectiveOf('hand', (_t, s, _c, a) => R[s * 2 + a], true);

test('value iteration, worked by hand on 2 states × 2 actions, horizon 2', () => {
  // Last step: V1(s0) = max(1, 0.6) = 1 (a0); V1(s1) = max(0, 2) = 2 (a1).
  // First step: Q(s0, a0) = 1 + V1(s0) = 2;  Q(s0, a1) = 0.6 + 0.5·1 + 0.5·2 = 2.1  → a1
  //             Q(s1, a0) = 0 + V1(s0) = 1;  Q(s1, a1) = 2 + 0.2·1 + 0.8·2 = 3.8  → a1
  // From the start (½, ½): (2.1 + 3.8) / 2 = 2.95.
  const m = handModel();
  const plan = solveExact(m, handObjective);
  assert.ok(Math.abs(plan.values[0] - 2.1) < 1e-12);
  assert.ok(Math.abs(plan.values[1] - 3.8) < 1e-12);
  assert.ok(Math.abs(plan.value - 2.95) < 1e-12);
  assert.deepEqual(
    [plan.rule(0, 0, 0), plan.rule(0, 1, 0), plan.rule(1, 0, 0), plan.rule(1, 1, 0)],
    [1, 1, 0, 1],
  );
  assert.equal(plan.backups, 2 * 2 * 2);
  // Myopic: a0 in s0 (1 > 0.6) though a1 is better over two steps: from s0 it gets 1 + 1 = 2.
  const myopic = solveExact(m, handObjective, { depth: 1 });
  assert.equal(myopic.rule(0, 0, 0), 0);
  assert.ok(Math.abs(myopic.values[0] - 2) < 1e-12);
  assert.ok(Math.abs(myopic.value - 2.9) < 1e-12);
});

/** Independent evaluation of a deterministic Markov policy by recursion over trajectories. */
function bruteValue(
  m: DynamicsModel,
  o: Objective,
  H: number,
  pi: Int32Array,
  t: number,
  s: number,
  lv: number[],
): number {
  if (t === H) return 0;
  const { S, A, n } = m;
  const L = m.space.L;
  const C = m.space.codes;
  const code = lv.reduce((acc, l, i) => acc + l * L ** i, 0);
  const a = pi[t * S * C + s * C + code];
  const internal = m.principal.internal;
  const clamp = (l: number) => Math.max(0, Math.min(L - 1, l));
  let v = o.reward(t, s, code, a);
  for (let s2 = 0; s2 < S; s2++) {
    const p = m.env.truth[(s * A + a) * S + s2];
    if (p === 0) continue;
    const next = lv.map((l, i) =>
      clamp(clamp(l + internal.actionShift[a * n + i]) + internal.stateShift[s2 * n + i]),
    );
    v += p * bruteValue(m, o, H, pi, t + 1, s2, next);
  }
  return v;
}

const sizes = fc
  .record({
    S: fc.integer({ min: 1, max: 2 }),
    A: fc.integer({ min: 2, max: 3 }),
    n: fc.integer({ min: 1, max: 2 }),
    L: fc.integer({ min: 1, max: 2 }),
    H: fc.integer({ min: 1, max: 3 }),
  })
  .filter(({ S, A, n, L, H }) => A ** (H * S * L ** n) <= 4096);

test('value iteration equals brute force over every deterministic Markov policy', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 30 }), sizes, fc.boolean(), (seed, size, useApproval) => {
      const m = randomModel(seed, size);
      const o = useApproval ? approvalObjective(m) : randomObjective(seed + 1, m, size.H);
      const plan = solveExact(m, o);
      const N = m.space.size;
      const cells = size.H * N;
      const best = new Float64Array(N).fill(-Infinity);
      const pi = new Int32Array(cells);
      const count = m.A ** cells;
      for (let k = 0; k < count; k++) {
        let x = k;
        for (let j = 0; j < cells; j++) {
          pi[j] = x % m.A;
          x = Math.floor(x / m.A);
        }
        for (let idx = 0; idx < N; idx++) {
          const s = Math.floor(idx / m.space.codes);
          const lv = Array.from(decodeLevels(m.space, idx % m.space.codes));
          best[idx] = Math.max(best[idx], bruteValue(m, o, size.H, pi, 0, s, lv));
        }
      }
      for (let idx = 0; idx < N; idx++)
        assert.ok(Math.abs(plan.values[idx] - best[idx]) < 1e-9, `state ${idx}`);
      // The plan attains it, and its value from the start is the start-weighted optimum.
      const own = evaluateExact(m, plan.rule, o);
      for (let idx = 0; idx < N; idx++) assert.ok(Math.abs(own.values[idx] - best[idx]) < 1e-9);
      assert.ok(Math.abs(own.value - plan.value) < 1e-9);
    }),
    { numRuns: 150 },
  );
});

test('online look-ahead takes the exact receding-horizon plan’s decisions', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 30 }),
      fc.record({
        S: fc.integer({ min: 1, max: 3 }),
        A: fc.integer({ min: 2, max: 3 }),
        n: fc.integer({ min: 1, max: 2 }),
        L: fc.integer({ min: 1, max: 3 }),
        H: fc.integer({ min: 1, max: 4 }),
      }),
      fc.integer({ min: 1, max: 4 }),
      fc.boolean(),
      (seed, size, d, stationary) => {
        const m = randomModel(seed, size);
        const depth = Math.min(d, size.H);
        const o = stationary ? approvalObjective(m) : randomObjective(seed + 7, m, size.H);
        const plan = solveExact(m, o, { depth });
        const online = lookaheadPolicy(m, o, depth);
        const C = m.space.codes;
        for (let t = 0; t < size.H; t++)
          for (let idx = 0; idx < m.space.size; idx++) {
            const s = Math.floor(idx / C);
            const code = idx % C;
            const moment: Moment = {
              t,
              state: s,
              code,
              levels: decodeLevels(m.space, code),
              history: { states: [s], actions: [] },
            };
            assert.equal(online(moment), plan.rule(t, s, code), `t ${t}, state ${s}, code ${code}`);
          }
        // A plan of full depth is optimal: no look-ahead beats it.
        const full = solveExact(m, o);
        assert.ok(plan.value <= full.value + 1e-9);
      },
    ),
    { numRuns: 60 },
  );
});

test('the myopic plan is the argmax of the immediate reward (lowest action on ties)', () => {
  const m = randomModel(11, { S: 3, A: 4, n: 2, L: 3, H: 5 });
  const o = approvalObjective(m);
  const plan = solveExact(m, o, { depth: 1 });
  const C = m.space.codes;
  for (let t = 0; t < 5; t++)
    for (let idx = 0; idx < m.space.size; idx++) {
      const row = m.approval(Math.floor(idx / C), idx % C);
      const top = Math.max(...row);
      assert.equal(plan.rule(t, Math.floor(idx / C), idx % C), row.indexOf(top));
    }
});

test('the exact solver refuses product spaces past its limit, saying why', () => {
  const env = buildEnvironment({
    states: 2,
    actions: 2,
    truth: [
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    ],
    start: 0,
    horizon: 3,
  });
  const principal = buildPrincipal(env, {
    parts: Array.from({ length: 7 }, (_, i) => ({
      name: `p${i}`,
      reward: [
        [0, 1],
        [1, 0],
      ],
    })),
    internal: { levels: 10, initial: 5 },
  });
  const m = prepareModel(env, principal);
  assert.ok(m.space.size > EXACT_STATE_LIMIT);
  assert.throws(
    () => solveExact(m, approvalObjective(m)),
    (e: unknown) =>
      e instanceof UserError &&
      /2 states × 10\^7 internal states = 20,000,000 states, more than the exact solver's 2,097,152/.test(
        e.message,
      ),
  );
  // The far-sighted agents say so; myopic ones fall back on online look-ahead, which still decides there.
  assert.throws(
    () => approvalFarSighted.policy(m),
    /agent: boundary\/approval\/far-sighted plans over the whole product space, and the product space has .*; use its myopic variant/,
  );
  assert.equal(
    approvalMyopic.policy(m)({
      t: 0,
      state: 0,
      levels: Int32Array.from(principal.internal.initial),
      code: m.initialCode,
      history: { states: [0], actions: [] },
    }),
    1,
  );
  const lv = Int32Array.from(principal.internal.initial);
  const a = lookaheadPolicy(
    m,
    approvalObjective(m),
    2,
  )({ t: 0, state: 0, levels: lv, code: m.initialCode, history: { states: [0], actions: [] } });
  assert.ok(a === 0 || a === 1);
});

test('depth and horizon are checked', () => {
  const m = handModel();
  assert.throws(
    () => solveExact(m, handObjective, { depth: 3 }),
    /depth: expected a look-ahead in 1 … 2 steps, got 3/,
  );
  assert.throws(() => solveExact(m, handObjective, { horizon: 0 }), /horizon: expected a whole number/);
});
