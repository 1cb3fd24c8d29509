import { totalVariation } from '../../../src/core/distance.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../src/core/random.js';
import { buildEnvironment, buildPrincipal } from '../../../src/dynamics/build.js';
import { prepareModel } from '../../../src/dynamics/model.js';
import { approvalObjective } from '../../../src/dynamics/objective.js';
import {
  PRODUCTIVITY_ACTIONS,
  PRODUCTIVITY_PARTS,
  productivityAssistant,
} from '../../../src/dynamics/productivity.js';
import {
  recordRun,
  recordTrajectory,
  runSeries,
  runTotals,
  stepsToCsv,
} from '../../../src/dynamics/recorder.js';
import { simulate } from '../../../src/dynamics/simulate.js';
import { solveExact } from '../../../src/dynamics/solve.js';
import { encodeLevels, sharesAt } from '../../../src/dynamics/space.js';

function setup() {
  const sc = productivityAssistant();
  const model = prepareModel(sc.env, sc.principal, { approval: sc.approval });
  const plan = solveExact(model, approvalObjective(model));
  return { sc, model, plan };
}

test('recorder rows are complete and consistent with the run', () => {
  const { model, plan, sc } = setup();
  const { rows, trajectory } = recordRun(model, plan.policy, new Random(3));
  assert.equal(rows.length, 28);
  rows.forEach((r, t) => {
    assert.equal(r.t, t);
    assert.equal(r.state, trajectory.states[t]);
    assert.equal(r.observation, trajectory.states[t + 1]);
    if (t > 0) assert.equal(r.state, rows[t - 1].observation);
    assert.equal(r.action, trajectory.actions[t]);
    assert.equal(r.levels.length, 5);
    assert.deepEqual(r.levels, trajectory.levels.slice(t * 5, (t + 1) * 5));
    assert.equal(r.weights.length, 5);
    assert.ok(Math.abs(r.weights.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.deepEqual(r.weights, sharesAt(sc.principal, r.levels, new Float64Array(5)));
    assert.ok(r.approval >= 0 && r.approval <= 1);
    assert.equal(r.approval, model.approval(r.state, encodeLevels(model.space, r.levels))[r.action]);
    assert.equal(r.welfare.length, 5);
    for (let i = 0; i < 5; i++) assert.equal(r.welfare[i], model.welfare[i][r.state * 10 + r.action]);
    assert.equal(r.drift, totalVariation(r.weights, rows[0].weights));
    for (const x of [r.approval, r.drift, ...r.weights, ...r.welfare]) assert.ok(Number.isFinite(x));
  });
  assert.equal(rows[0].drift, 0);
  assert.deepEqual(rows[0].levels, Int32Array.from([1, 1, 1, 1, 1]));
  // The far-sighted approval agent nudges in this run and the shares drift.
  assert.ok(rows.some((r) => sc.nudges.includes(r.action)));
  assert.ok(runTotals(rows).maxDrift > 0.3);
});

test('the same seed gives identical rows; different seeds give different ones', () => {
  const { model, plan } = setup();
  const a = recordRun(model, plan.policy, new Random(42)).rows;
  const b = recordRun(model, plan.policy, new Random(42)).rows;
  const c = recordRun(model, plan.policy, new Random(43)).rows;
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('rows of a stored trajectory equal the rows collected live', () => {
  const { model, plan } = setup();
  const live = recordRun(model, plan.policy, new Random(8));
  const again = recordTrajectory(model, live.trajectory);
  assert.deepEqual(again.rows, live.rows);
  assert.deepEqual(again.impossible, live.impossible);
  // A run without collectors is the same trajectory.
  assert.deepEqual(simulate(model, plan.policy, new Random(8)), live.trajectory);
});

test('a replayed observation sequence is reproduced; impossible observations are replayed and flagged', () => {
  const { model, plan } = setup();
  const observe = Array.from({ length: 28 }, (_, t) => (t % 7 >= 5 ? 1 : 0));
  const { rows, impossible, trajectory } = recordRun(model, plan.policy, new Random(1), { observe });
  assert.deepEqual(
    rows.map((r) => r.observation),
    observe,
  );
  assert.deepEqual(Array.from(trajectory.states.subarray(1)), observe);
  assert.ok(impossible.every((x) => !x));
  // Replays do not depend on the seed (the start state is fixed here).
  assert.deepEqual(recordRun(model, plan.policy, new Random(2), { observe }).rows, rows);

  // A chain that can never go back: 1 → 0 is impossible under the truth.
  const env = buildEnvironment({
    states: ['a', 'b'],
    actions: ['stay'],
    truth: [[[0.5, 0.5]], [[0, 1]]],
    start: 'a',
    horizon: 3,
  });
  const h = buildPrincipal(env, { parts: [{ name: 'p', reward: [[1], [0]] }] });
  const m = prepareModel(env, h);
  const run = recordRun(m, () => 0, new Random(1), { observe: [1, 0, 0] });
  assert.deepEqual(
    run.rows.map((r) => [r.state, r.observation]),
    [
      [0, 1],
      [1, 0],
      [0, 0],
    ],
  );
  assert.deepEqual(run.impossible, [false, true, false]);
  assert.deepEqual(Array.from(run.trajectory.impossible), [0, 1, 0]);
  assert.match(
    stepsToCsv(
      run.rows,
      { states: env.states, actions: env.actions, parts: ['p'] },
      { impossible: run.impossible },
    ),
    /,1\n/,
  );
});

test('simulate checks replays, start states and actions', () => {
  const { model, plan } = setup();
  assert.throws(
    () => simulate(model, plan.policy, new Random(1), { observe: [0, 1] }),
    /observe: expected 28 next states \(one per step\), got 2/,
  );
  const bad = Array(28).fill(0);
  bad[4] = 2;
  assert.throws(
    () => simulate(model, plan.policy, new Random(1), { observe: bad }),
    /observe\[4\]: expected a state index 0 … 1, got 2/,
  );
  assert.throws(
    () => simulate(model, plan.policy, new Random(1), { start: -1 }),
    /start: expected a state index/,
  );
  assert.throws(
    () => simulate(model, () => 10, new Random(1)),
    /policy: expected an action 0 … 9, got 10 at t = 0/,
  );
  const tr = simulate(model, plan.policy, new Random(1), { start: 1 });
  assert.equal(tr.states[0], 1);
  assert.equal(tr.startImpossible, true);
});

test('CSV of the rows: a header, one line per step, numbers in full precision', () => {
  const { model, plan } = setup();
  const { rows } = recordRun(model, plan.policy, new Random(3));
  const csv = stepsToCsv(rows, {
    states: model.env.states,
    actions: model.env.actions,
    parts: PRODUCTIVITY_PARTS,
  });
  const lines = csv.trimEnd().split('\n');
  assert.equal(lines.length, 29);
  assert.equal(
    lines[0],
    't,state,action,observation,approval,drift,weight:work,weight:friends,weight:family,weight:sport,weight:art,welfare:work,welfare:friends,welfare:family,welfare:sport,welfare:art,level:work,level:friends,level:family,level:sport,level:art',
  );
  rows.forEach((r, t) => {
    const cells = lines[t + 1].split(',');
    assert.equal(cells.length, 21);
    assert.equal(Number(cells[0]), t);
    assert.equal(cells[1], model.env.states[r.state]);
    assert.equal(cells[2], PRODUCTIVITY_ACTIONS[r.action]);
    assert.equal(Number(cells[4]), r.approval);
    assert.equal(Number(cells[5]), r.drift);
    assert.deepEqual(cells.slice(6, 11).map(Number), Array.from(r.weights));
    assert.deepEqual(cells.slice(16, 21).map(Number), Array.from(r.levels));
  });
  // Names needing quotes are quoted.
  const quoted = stepsToCsv(rows.slice(0, 1), {
    states: ['a,b', 'c'],
    actions: model.env.actions,
    parts: ['x "y"', 'b', 'c', 'd', 'e'],
  });
  assert.match(quoted, /"level:x ""y"""/);
  assert.match(quoted, /^t,state,/);
  assert.match(quoted, /\n0,"a,b",/);
  assert.equal(stepsToCsv([], { states: [], actions: [], parts: ['w'] }).split('\n').length, 2);
});

test('run totals and line series follow the rows', () => {
  const { model, plan } = setup();
  const { rows } = recordRun(model, plan.policy, new Random(3));
  const tot = runTotals(rows);
  assert.equal(tot.steps, 28);
  assert.ok(Math.abs(tot.approval - rows.reduce((a, r) => a + r.approval, 0)) < 1e-12);
  const orig = rows.reduce((a, r) => a + r.welfare.reduce((b, w, i) => b + rows[0].weights[i] * w, 0), 0);
  assert.ok(Math.abs(tot.originalWelfare - orig) < 1e-12);
  const series = runSeries(rows, PRODUCTIVITY_PARTS);
  assert.deepEqual(
    series.map((s) => `${s.facet}/${s.name}`),
    [
      ...PRODUCTIVITY_PARTS.map((p) => `weight share/${p}`),
      'approval and original welfare/approval',
      'approval and original welfare/original welfare',
      'drift/drift',
    ],
  );
  for (const s of series) assert.equal(s.y.length, 28);
});
