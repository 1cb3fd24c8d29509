import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Random } from '../../../src/core/random.js';
import { type DynamicsAgent, lookaheadAgent, plannerAgents } from '../../../src/dynamics/agents.js';
import { agentRegistry } from '../../../src/dynamics/registry.js';
import { buildEnvironment, buildPrincipal } from '../../../src/dynamics/build.js';
import { compareAgents } from '../../../src/dynamics/compare.js';
import { prepareModel } from '../../../src/dynamics/model.js';
import { approvalObjective } from '../../../src/dynamics/objective.js';
import { type Policy, stateSequencePolicy } from '../../../src/dynamics/policy.js';
import { recordRun } from '../../../src/dynamics/recorder.js';
import { estimateValue } from '../../../src/dynamics/rollout.js';
import {
  afterActionRow,
  afterStateTable,
  decodeLevels,
  encodeLevels,
  nextLevels,
  sharesAt,
} from '../../../src/dynamics/space.js';
import { randomModel } from './helpers.js';

test('the mixed-radix code of the internal state round-trips', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.nat(), (n, L, k) => {
      const space = { S: 1, n, L, codes: L ** n, size: L ** n };
      const code = k % space.codes;
      const lv = decodeLevels(space, code);
      assert.ok(lv.every((l) => l >= 0 && l < L));
      assert.equal(encodeLevels(space, lv), code);
      assert.equal(
        code,
        lv.reduce((acc, l, i) => acc + l * L ** i, 0),
      );
    }),
  );
});

test('influence: the action shifts first, then the arrival, each clamped', () => {
  const internal = {
    levels: 3,
    initial: Int32Array.from([0, 2]),
    gain: Float64Array.from([1, 1, 1]),
    actionShift: Int32Array.from([-1, 1]),
    stateShift: Int32Array.from([1, -1]),
  };
  // (0, 2) → action → clamp(−1, 3) = (0, 2) → arrival → (1, 1). One clamp of the sum would give (0, 2).
  assert.deepEqual(Array.from(nextLevels(internal, [0, 2], 0, 0, new Int32Array(2))), [1, 1]);
});

test('the solvers’ code tables agree with nextLevels', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 30 }), (seed) => {
      const m = randomModel(seed, { S: 3, A: 3, n: 2, L: 3, H: 2 });
      const internal = m.principal.internal;
      const after = afterStateTable(m.space, internal);
      const row = new Int32Array(m.A);
      for (let c = 0; c < m.space.codes; c++) {
        afterActionRow(m.space, internal, c, m.A, new Int32Array(2), row);
        for (let a = 0; a < m.A; a++)
          for (let s2 = 0; s2 < m.S; s2++) {
            const want = encodeLevels(
              m.space,
              nextLevels(internal, decodeLevels(m.space, c), a, s2, new Int32Array(2)),
            );
            const got = after ? after[row[a] * m.S + s2] : row[a];
            assert.equal(got, want);
          }
      }
    }),
    { numRuns: 30 },
  );
});

test('shares: weight × gain, normalized; all 0 when no part has a say', () => {
  const env = buildEnvironment({ states: 1, actions: 2, truth: [[[1], [1]]], start: 0, horizon: 2 });
  const h = buildPrincipal(env, {
    parts: [
      { name: 'a', reward: [[1, 0]], weight: 1 },
      { name: 'b', reward: [[0, 1]], weight: 3 },
    ],
    internal: {
      levels: 2,
      initial: [1, 1],
      gain: [0, 2],
      actionShift: [
        [-1, -1],
        [0, 0],
      ],
    },
  });
  assert.deepEqual(Array.from(sharesAt(h, [1, 1], new Float64Array(2))), [0.25, 0.75]);
  assert.deepEqual(Array.from(sharesAt(h, [1, 0], new Float64Array(2))), [1, 0]);
  assert.deepEqual(Array.from(sharesAt(h, [0, 0], new Float64Array(2))), [0, 0]);
  const m = prepareModel(env, h, { approval: 'score' });
  assert.deepEqual(Array.from(m.approval(0, 0)), [0, 0]);
  // Silencing H entirely: the recorder shows drift ½ and approval 0 after it.
  const { rows } = recordRun(m, () => 0, new Random(1));
  assert.equal(rows[1].approval, 0);
  assert.equal(rows[1].drift, 0.5);
});

test('history-dependent policies fit the same loop (a table over state sequences, as negotiable RL produces)', () => {
  const m = randomModel(4, { S: 2, A: 3, n: 1, L: 2, H: 3 });
  // Action = the number of times state 1 was seen so far (capped at 2).
  const decisions = [0, 1, 2].map((t) =>
    Int32Array.from({ length: 2 ** (t + 1) }, (_, code) =>
      Math.min(2, code.toString(2).split('1').length - 1),
    ),
  );
  const table = stateSequencePolicy(2, decisions);
  const direct: Policy = (x) => Math.min(2, x.history.states.filter((s) => s === 1).length);
  for (const seed of [1, 2, 3, 4, 5]) {
    const a = recordRun(m, table, new Random(seed)).rows;
    const b = recordRun(m, direct, new Random(seed)).rows;
    assert.deepEqual(a, b);
    a.forEach((r, t) => {
      assert.equal(
        r.action,
        Math.min(2, [...a.slice(0, t).map((x) => x.state), r.state].filter((s) => s === 1).length),
      );
    });
  }
  // An agent with a policy only is compared by rollouts.
  const agent: DynamicsAgent = {
    id: 'test/history-count',
    title: 'Count',
    description: 'Acts on how often state 1 was seen.',
    policy: () => direct,
  };
  const [row] = compareAgents(m, [agent], { rng: new Random(3), episodes: 500 });
  assert.equal(row.method, 'rollouts');
  const est = estimateValue(m, direct, approvalObjective(m), new Random(3).split(0), { episodes: 500 });
  assert.equal(row.approval, est.mean);
  assert.throws(
    () => compareAgents(m, [agent]),
    /rng: agent test\/history-count is estimated by rollouts here; give a seeded Random/,
  );
});

test('the agent registry', () => {
  assert.deepEqual(
    plannerAgents.map((a) => a.id),
    [
      'boundary/approval/far-sighted',
      'boundary/approval/myopic',
      'parts/original/far-sighted',
      'parts/original/myopic',
    ],
  );
  assert.deepEqual(agentRegistry.list().slice(0, 3), ['boundary/approval', 'parts/original', 'critch/nrl']);
  const approval = agentRegistry.get('Boundary/Approval');
  assert.equal(approval.make({}).id, 'boundary/approval/far-sighted');
  assert.equal(approval.make({ myopic: true }).id, 'boundary/approval/myopic');
  assert.throws(
    () => agentRegistry.get('boundary/aproval'),
    /unknown agent "boundary\/aproval"; did you mean boundary\/approval\?/,
  );
  assert.throws(
    () => agentRegistry.get('xyz'),
    /unknown agent "xyz"; expected one of boundary\/approval, parts\/original, critch\/nrl/,
  );
  assert.throws(() => agentRegistry.add(agentRegistry.all()[0]), /already registered/);
  assert.throws(() => agentRegistry.add({ ...agentRegistry.all()[0], id: 'No Spaces' }), /kebab-case/);
  // A look-ahead agent of depth 2 uses its plan where the product space fits.
  const m = randomModel(2, { S: 2, A: 2, n: 2, L: 2, H: 4 });
  const two = lookaheadAgent(approvalObjective, 2);
  assert.equal(two.plan!(m).depth, 2);
  assert.equal(typeof two.policy(m), 'function');
});
