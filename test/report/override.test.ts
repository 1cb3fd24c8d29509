/**
 * "Overrides B(H)?" for a reading's target: an action target overrides unless one of B(H)'s modes is
 * in its tie set; a lottery target unless all its mass is on B(H)'s modes or it is within ε of B(H)
 * in total variation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActionMetrics, AlignmentResult, DecisionJson, ScenarioResult } from '../../src/run/one-shot.js';
import { evaluate } from '../../src/run/one-shot.js';
import { overridesBehaviour, summaryRows } from '../../src/report/scenario-report.js';
import { load } from '../scenarios/helpers.js';

/** A result over actions a, b, c whose B(H) is `behaviour` with modes `modes`. */
function result(behaviour: DecisionJson, modes: string[]): ScenarioResult {
  const metrics: Record<string, ActionMetrics> = {};
  for (const a of ['a', 'b', 'c']) metrics[a] = { override: !modes.includes(a) } as ActionMetrics;
  return { actions: ['a', 'b', 'c'], behaviour, metrics } as unknown as ScenarioResult;
}
const reading = (target: DecisionJson, ties?: string[]): AlignmentResult => ({
  id: 'x/y',
  label: 'x/y',
  target,
  ...(ties ? { target_ties: ties } : {}),
});

test('sydney: the delegates agree on B(H)’s own reply, self-aligned and no override', () => {
  const s = load('sydney');
  const r = evaluate(s);
  const row = summaryRows(r, s.epsilon).find((x) => x.reading.startsWith('parts/delegates'));
  assert.ok(row);
  assert.equal(row.target, 'playful-shadow-self');
  assert.equal(row.selfAligned, true);
  assert.equal(row.override, false);
  // Every reading of sydney picks B(H)'s reply: none overrides it.
  assert.deepEqual(
    summaryRows(r, s.epsilon).map((x) => x.override),
    r.alignments.map(() => false),
  );
});

test('holiday: a lottery that moves 27% to the horrible place overrides B(H); the beach does not', () => {
  const s = load('holiday');
  const r = evaluate(s);
  const over = Object.fromEntries(r.alignments.map((a) => [a.label, overridesBehaviour(r, a, s.epsilon)]));
  assert.equal(over['parts/delegates{lotteries=true}'], true);
  assert.equal(over['parts/idealized'], true);
  assert.equal(over['boundary/instruction'], false);
});

test('a lottery target: no override on B(H)’s modes or within ε of B(H), else an override', () => {
  const noisy = result({ a: 0.9, b: 0.1 }, ['a']);
  // All mass on the mode; B(H)'s own lottery; within ε of it.
  assert.equal(overridesBehaviour(noisy, reading('a'), 1e-6), false);
  assert.equal(overridesBehaviour(noisy, reading({ a: 0.9, b: 0.1 }), 1e-6), false);
  assert.equal(overridesBehaviour(noisy, reading({ a: 0.85, b: 0.15 }), 0.1), false);
  // Mass off the modes, further than ε.
  assert.equal(overridesBehaviour(noisy, reading({ a: 0.5, b: 0.5 }), 0.1), true);
  assert.equal(overridesBehaviour(noisy, reading({ a: 0.9, c: 0.1 }), 0.01), true);
  // Two tied modes: any lottery over them is H's own choice.
  const tied = result({ a: 0.5, b: 0.5 }, ['a', 'b']);
  assert.equal(overridesBehaviour(tied, reading({ a: 0.2, b: 0.8 }), 1e-6), false);
  assert.equal(overridesBehaviour(tied, reading({ b: 0.99, c: 0.01 }), 1e-6), true);
});

test('an action target: an override unless a mode of B(H) is among its ties; a failed reading: null', () => {
  const r = result('a', ['a']);
  assert.equal(overridesBehaviour(r, reading('b', ['b', 'a']), 1e-6), false);
  assert.equal(overridesBehaviour(r, reading('b', ['b', 'c']), 1e-6), true);
  assert.equal(overridesBehaviour(r, { id: 'x/y', label: 'x/y', error: 'bug' }, 1e-6), null);
});
