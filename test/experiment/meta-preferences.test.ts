import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metaPreferenceExample } from '../../src/dynamics/meta/index.js';
import { getExperiment } from '../../src/experiment/registry.js';
import { runMetaPreferences } from '../../src/experiment/meta-preferences.js';

const r = runMetaPreferences(1);

test('meta-preferences: two fixed points, their basins; the conscience’s ideal is none', () => {
  assert.equal(r.experiment, 'meta-preferences');
  assert.equal(r.candidates, 66);
  assert.equal(r.starts, 400);
  assert.deepEqual(
    r.fixed_points.map((f) => [f.label, Object.values(f.weights), f.count, f.frequency, f.strict]),
    [
      ['planner’s ideal', [0.6, 0.1, 0.3], 316, 0.79, true],
      ['impulse’s ideal', [0.2, 0.7, 0.1], 84, 0.21, true],
    ],
  );
  assert.deepEqual(r.target_outcomes, [
    { part: 'planner', fixed_point: true, frequency: 0.79 },
    { part: 'impulse', fixed_point: true, frequency: 0.21 },
    { part: 'conscience', fixed_point: false, frequency: 0 },
  ]);
  assert.equal(r.cycles, 0);
  assert.equal(r.unconverged, 0);
  assert.deepEqual(r.self_endorsing.map(Object.values), [
    [0.6, 0.1, 0.3],
    [0.2, 0.7, 0.1],
  ]);
});

test('meta-preferences: the basins are the built-in example’s; every start is accounted for', () => {
  const ex = metaPreferenceExample();
  assert.deepEqual(
    r.fixed_points.map((f) => [Object.values(f.weights), f.count]),
    ex.fixedPoints.map((f) => [f.weights, f.count]),
  );
  assert.equal(r.runs.length, 400);
  r.fixed_points.forEach((f, j) => {
    assert.equal(r.runs.filter((x) => x.end === j).length, f.count);
  });
  for (const x of r.runs) assert.ok(Math.abs(x.start.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  // The basins: the impulse-led self gets exactly the starts where the impulse holds more than half.
  for (const x of r.runs) assert.equal(x.end, x.start[1] > 0.5 ? 1 : 0, x.start.join(', '));
});

test('meta-preferences: deterministic from the seed; another seed, other basins, the same fixed points', () => {
  assert.deepEqual(getExperiment('meta-preferences').run(1), r);
  const other = runMetaPreferences(7);
  assert.deepEqual(
    other.fixed_points.map((f) => [f.label, f.frequency]),
    [
      ['planner’s ideal', 0.76],
      ['impulse’s ideal', 0.24],
    ],
  );
  assert.equal(
    r.summary,
    '2 fixed points from 400 starts: planner’s ideal (0.6, 0.1, 0.3) basin 79%, impulse’s ideal (0.2, 0.7, 0.1) basin 21%; conscience’s ideal (0.5, 0, 0.5) is not a fixed point; 0 cycles, 0 unconverged',
  );
});
