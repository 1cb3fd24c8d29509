/**
 * scenarios/planner-reward-a.yaml and planner-reward-b.yaml — the same behaviour from two
 * decompositions into wants and beliefs (Armstrong & Mindermann 2018).
 *
 * Hand-worked. A: punctuality (0.7) wants to arrive on time and rightly believes the highway gets
 * it there; love of scenery (0.3) wants the scenic drive and rightly believes the back road is it.
 * B: love of scenery (0.7) wrongly believes the highway is the scenic road; punctuality (0.3)
 * wrongly believes the back road is faster. Under their own beliefs both decompositions give the
 * same parts × actions matrix — part 1: highway 1, back road 0 (weight 0.7); part 2: highway 0,
 * back road 1 (weight 0.3) — so everything computed from it (B(H), approval, re-aggregation,
 * Pareto steps, the learned reward) is the same. With the true roads, B's heavier part wants the
 * back road: the idealized readings part ways.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../src/run/one-shot.js';
import { context, reading, run, variant } from './helpers.js';

test('planner-reward: the two decompositions are indistinguishable from behaviour', () => {
  const a = context('planner-reward-a');
  const b = context('planner-reward-b');
  assert.deepEqual(a.actions, b.actions);
  assert.deepEqual(Array.from(a.own.u), [1, 0, 0, 1]);
  assert.deepEqual(Array.from(b.own.u), Array.from(a.own.u));
  assert.deepEqual(Array.from(b.own.weights), Array.from(a.own.weights));
  assert.deepEqual(Array.from(b.behaviour.lottery), Array.from(a.behaviour.lottery));
  assert.deepEqual(Array.from(b.approval), Array.from(a.approval));
  // What they want under the true roads differs: in B each part wants the other road.
  assert.deepEqual(Array.from(a.truth.u), [1, 0, 0, 1]);
  assert.deepEqual(Array.from(b.truth.u), [0, 1, 1, 0]);
});

test('planner-reward: every reading that looks at behaviour agrees; un-bounding the beliefs does not', () => {
  const ra = run('planner-reward-a');
  const rb = run('planner-reward-b');
  for (const r of [ra, rb]) assert.equal(r.behaviour, 'take-the-highway');
  for (const id of [
    'boundary/instruction',
    'boundary/approval',
    'parts/weighted-utilitarian',
    'parts/nash-bargaining',
    'parts/pareto',
    'whole/learned',
  ]) {
    assert.equal(reading(ra, id).target, 'take-the-highway', id);
    assert.deepEqual(reading(rb, id).scores, reading(ra, id).scores, id);
  }
  // The delegates see the same own-belief utilities too: the same near-even lottery (alternating
  // offers ignore the weights; the heavier part proposes first and gets 1/(1 + 0.95) ≈ 0.513).
  assert.deepEqual(reading(rb, 'parts/delegates').target, reading(ra, 'parts/delegates').target);
  assert.ok(
    Math.abs(
      (reading(ra, 'parts/delegates').target as Record<string, number>)['take-the-highway'] - 1 / 1.95,
    ) < 1e-6,
  );
  assert.equal(reading(ra, 'parts/idealized').target, 'take-the-highway');
  assert.equal(reading(ra, 'parts/idealized').self_aligned, true);
  assert.equal(reading(rb, 'parts/idealized').target, 'take-the-back-road');
  assert.equal(reading(rb, 'parts/idealized').reflexivity_gap, 1);
  assert.equal(ra.accepted_by_some, 1);
  assert.equal(rb.accepted_by_some, 2);
});

test('planner-reward: learning from sampled (noisy) choices cannot tell them apart either', () => {
  const learned = (name: string) =>
    evaluate(
      variant(name, (f) => {
        f.bounds = { noise: 0.3, samples: 500 };
        f.alignments = [{ id: 'whole/learned', options: { samples: 2000, beta: 3 } }, 'boundary/instruction'];
      }),
    );
  const a = learned('planner-reward-a');
  const b = learned('planner-reward-b');
  assert.deepEqual(b.behaviour, a.behaviour);
  assert.deepEqual(b.alignments[0].scores, a.alignments[0].scores);
  assert.equal(a.alignments[0].target, 'take-the-highway');
});
