import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../src/core/random.js';
import {
  currentUtilities,
  evolutionLimit,
  runEvolution,
  stateDistance,
} from '../../../src/dynamics/evolution/index.js';
import { assertClose, duel, model, novelty } from './helpers.js';

// Habituation alone, one part, x = 1, y = 0.8, baseline 0, η_h = ρ = 0.5: H alternates.
// t0 x: (0.5, 0.8) · t1 y: (0.75, 0.4) · t2 x: h = (0.625, 0.25) → (0.375, 0.6)
// t3 y: h = (0.3125, 0.625) → (0.6875, 0.3) · t4 x: (0.34375, 0.55) · t5 y: (0.671875, 0.275).
// The limit cycle: with a = h_x when an x-step starts, a' = (1 − ρ)(a + η(1 − a)) = a/4 + 1/4 → 1/3;
// likewise h_y at a y-step's start → 1/3. After an x-step h = (2/3, 1/3), u = (1/3, 0.8·2/3);
// after a y-step h = (1/3, 2/3), u = (2/3, 0.8/3). x stays first at the x-steps (2/3 > 0.8/3) and
// y at the y-steps (0.8·2/3 > 1/3): a 2-cycle.
test('habituation alone: alternation, by hand, and its limit cycle', () => {
  const m = novelty();
  const params = { habituation: 0.5, recovery: 0.5 };
  const run = runEvolution(m, params, 6, new Random(1));
  assert.deepEqual(
    run.records.map((r) => r.choice),
    [0, 1, 0, 1, 0, 1],
  );
  const expected = [
    [0.5, 0.8],
    [0.75, 0.4],
    [0.375, 0.6],
    [0.6875, 0.3],
    [0.34375, 0.55],
    [0.671875, 0.275],
  ];
  run.records.forEach((r, t) => {
    assertClose(r.utilities, expected[t]);
  });
  const limit = evolutionLimit(m, params, new Random(1));
  assert.equal(limit.kind, 'cycle');
  assert.equal(limit.period, 2);
  assert.deepEqual([...limit.orbit].sort(), [0, 1]);
  const lastWasX = limit.orbit[1] === 0;
  assertClose(limit.final.habit, lastWasX ? [2 / 3, 1 / 3] : [1 / 3, 2 / 3], 1e-9);
  assertClose(limit.utilities, lastWasX ? [1 / 3, 0.8 * (2 / 3)] : [2 / 3, 0.8 / 3], 1e-9);
  // This run stops after an x-step (35 steps: t = 34 is even), where the evolved Σ wants y: the
  // evolved H no longer chooses what it chose at t = 0.
  assert.equal(limit.steps, 35);
  assert.equal(limit.firstChoice, 0);
  assert.deepEqual(limit.initialWinners, [0]);
  assert.deepEqual(limit.evolvedWinners, [1]);
  assert.equal(limit.stillChooses, false);
  assert.equal(limit.evolvedApproval, 0);
});

// Habituation alone with a baseline above the alternative: x = 1, y = 0.2, baseline 0.5,
// η_h = ρ = 0.5. x is always chosen (its utility never drops below 0.5 > 0.2):
// h_x after T steps = 1 − 2^−T, u_x = 0.5 + 2^−(T+1) → 0.75, 0.625, 0.5625, …; the change in h
// after step T is 2^−T ≤ 1e-10 first at T = 34: a fixed point with u = (0.5, 0.2).
test('habituation alone: convergence, by hand, to a fixed point that still chooses x', () => {
  const m = novelty(0.2);
  const params = { habituation: 0.5, recovery: 0.5, baseline: 0.5 };
  const run = runEvolution(m, params, 4, new Random(2));
  assert.deepEqual(
    run.records.map((r) => r.choice),
    [0, 0, 0, 0],
  );
  assertClose(
    run.records.map((r) => r.utilities[0]),
    [0.75, 0.625, 0.5625, 0.53125],
  );
  const limit = evolutionLimit(m, params, new Random(2));
  assert.equal(limit.kind, 'fixed');
  assert.equal(limit.period, 1);
  assert.equal(limit.steps, 34);
  assert.deepEqual(limit.orbit, [0]);
  assertClose(limit.utilities, [0.5, 0.2], 1e-9);
  assert.equal(limit.stillChooses, true);
  assert.equal(limit.evolvedApproval, 1);
  assertClose(limit.drift, [0.5 / 0.8], 1e-9);
});

// Without recovery (ρ = 0) the choices still alternate but both utilities sink to the baseline:
// the state converges while H keeps switching. x = 1, y = 0.8, η_h = 0.5:
// x 1 → 0.5, y 0.8 → 0.4, x → 0.25, y → 0.2, … — each halves every other step.
test('habituation without recovery: alternating choices, a converging state', () => {
  const m = novelty();
  const params = { habituation: 0.5 };
  const run = runEvolution(m, params, 4, new Random(3));
  assert.deepEqual(
    run.records.map((r) => r.choice),
    [0, 1, 0, 1],
  );
  assertClose(run.records[3].utilities, [0.25, 0.2]);
  const limit = evolutionLimit(m, params, new Random(3));
  assert.equal(limit.kind, 'fixed');
  assert.ok(limit.utilities.every((u) => Math.abs(u) < 1e-9));
});

// Endorsement alone on the duel (η_e = 0.5): b's utility of x climbs 0, 0.5, 0.75, … → 1, so the
// limit is a b that values x as much as y; H keeps choosing x.
test('endorsement alone: the overruled part comes to value the choice as much as its favourite', () => {
  const m = duel();
  const limit = evolutionLimit(m, { endorsement: 0.5 }, new Random(4));
  assert.equal(limit.kind, 'fixed');
  assertClose(limit.utilities, [1, 0, 1, 1], 1e-9);
  assert.equal(limit.stillChooses, true);
  assertClose(limit.drift, [0, 1], 1e-9);
  assert.equal(limit.weightDrift, 0);
});

// Weight drift alone: a (satisfied every step) takes all the weight in the limit.
test('weight drift alone: the part that keeps getting its way takes over', () => {
  const limit = evolutionLimit(duel(), { weightDrift: 1 }, new Random(5));
  assert.equal(limit.kind, 'fixed');
  assert.ok(limit.weights[0] > 1 - 1e-9);
  assert.ok(Math.abs(limit.weightDrift - 0.4) < 1e-9);
});

test('the step cap ends an iteration without a limit', () => {
  const limit = evolutionLimit(novelty(), { habituation: 0.5, recovery: 0.5 }, new Random(6), {
    maxSteps: 3,
  });
  assert.equal(limit.kind, 'none');
  assert.equal(limit.period, 0);
  assert.equal(limit.steps, 3);
  assert.deepEqual(limit.orbit, []);
  assert.throws(() => evolutionLimit(novelty(), {}, new Random(6), { maxSteps: 0 }), /limit\.maxSteps/);
});

test('a given start state is used as is, and every rate at 0 is a fixed point at once', () => {
  const m = model({
    outcomes: ['x', 'y', 'z'],
    parts: [
      { name: 'a', utility: [1, 0.5, 0] },
      { name: 'b', utility: [0, 0.5, 1] },
    ],
    sigma: { rule: 'borda' },
  });
  // Borda ties x, y and z (2 points each); the lexicographic tie-break takes x.
  const limit = evolutionLimit(m, { tieBreak: 'lexicographic' }, new Random(7));
  assert.deepEqual(limit.orbit, [0]);
  assert.equal(limit.kind, 'fixed');
  assert.equal(limit.steps, 1);
  assert.equal(limit.stillChooses, true);
  const start = { ...limit.final, habit: Float64Array.from([0, 0.5, 0, 0, 0.5, 0]) };
  const params = { recovery: 1, tieBreak: 'lexicographic' as const };
  assertClose(currentUtilities(m, params, start), [1, 0.25, 0, 0, 0.25, 1]);
  const again = evolutionLimit(m, params, new Random(7), { start });
  // x is chosen again; full recovery wipes y's habituation in one step, the second step repeats the first.
  assert.equal(again.kind, 'fixed');
  assert.equal(again.steps, 2);
  assert.equal(stateDistance(again.final, limit.final), 0);
});
