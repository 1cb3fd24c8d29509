import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import {
  currentUtilities,
  evolutionFromSequential,
  evolutionStep,
  initialState,
  runEvolution,
} from '../../../src/dynamics/evolution/index.js';
import { makeMetaPreferences } from '../../../src/dynamics/meta/index.js';
import { assertClose, duel, model, novelty } from './helpers.js';

// Habituation, one part, x = 1, y = 0.8, η_h = ρ = 0.5, baseline 0:
// t0: x is best (1 > 0.8). h_x ← 0 + 0.5(1 − 0) = 0.5 → u_x = 1 − 0.5(1 − 0) = 0.5; h_y stays 0.
// t1: y is best (0.8 > 0.5). h_y ← 0.5 → u_y = 0.4; h_x ← (1 − 0.5)·0.5 = 0.25 → u_x = 0.75.
test('habituation: one and two steps by hand', () => {
  const m = novelty();
  const params = { habituation: 0.5, recovery: 0.5 };
  const rng = new Random(1);
  const s0 = initialState(m, rng);
  const r0 = evolutionStep(m, params, s0, rng);
  assert.equal(r0.choice, 0);
  assert.equal(r0.outcome, 0);
  assertClose(r0.after.habit, [0.5, 0]);
  assertClose(currentUtilities(m, params, r0.after), [0.5, 0.8]);
  const r1 = evolutionStep(m, params, r0.after, rng);
  assert.equal(r1.choice, 1);
  assertClose(r1.after.habit, [0.25, 0.5]);
  assertClose(currentUtilities(m, params, r1.after), [0.75, 0.4]);
  // The value v is untouched by habituation; only h moves.
  assertClose(r1.after.value, [1, 0.8]);
});

// Baseline 0.2: u_x = 1 − 0.5(1 − 0.2) = 0.6 after one experience; an item below the baseline
// moves up towards it (y = 0.1 under baseline 0.2 experienced once: 0.1 − 0.5(0.1 − 0.2) = 0.15).
test('habituation moves the experienced item halfway to a non-zero baseline, from either side', () => {
  const params = { habituation: 0.5, baseline: 0.2 };
  const m = novelty();
  const rng = new Random(1);
  const r = evolutionStep(m, params, initialState(m, rng), rng);
  assertClose(currentUtilities(m, params, r.after), [0.6, 0.8]);
  const low = model({ outcomes: ['x', 'y'], parts: [{ name: 'p', utility: [0, 0.1] }] });
  const r2 = evolutionStep(low, params, initialState(low, rng), rng);
  assert.equal(r2.choice, 1);
  assertClose(currentUtilities(low, params, r2.after), [0, 0.15]);
});

// Endorsement, duel (a: x 1, y 0 weight 0.6; b: x 0, y 1 weight 0.4), η_e = 0.5, overruled only:
// t0: utilitarian x 0.6 > y 0.4 → x; b is overruled: v_b[x] ← 0 + 0.5(1 − 0) = 0.5.
// t1: x 0.6 + 0.2 = 0.8 > y 0.4 → x; b still overruled (0.5 < 1): v_b[x] ← 0.5 + 0.5·0.5 = 0.75.
test('endorsement (overruled parts): one and two steps by hand', () => {
  const m = duel();
  const params = { endorsement: 0.5 };
  const rng = new Random(2);
  const r0 = evolutionStep(m, params, initialState(m, rng), rng);
  assert.equal(r0.choice, 0);
  assert.deepEqual(Array.from(r0.overruled), [0, 1]);
  assertClose(r0.after.value, [1, 0, 0.5, 1]);
  const r1 = evolutionStep(m, params, r0.after, rng);
  assert.equal(r1.choice, 0);
  assertClose(r1.after.value, [1, 0, 0.75, 1]);
  assertClose(r1.after.weights, [0.6, 0.4]);
});

// Three parts; a: (0.6, 0.2, 0) weight 0.5, b: (0.5, 1, 0) weight 0.3, c: (1, 0, 0.4) weight 0.2.
// Σ: x 0.3 + 0.15 + 0.2 = 0.65, y 0.1 + 0.3 = 0.4, z 0.08 → x; only b is overruled.
// η_e = 0.5: v_b[x] = 0.5 + 0.5(1 − 0.5) = 0.75. a and c already have x at their best, so with
// endorsers 'all' they do not move either; η_e = 1 lands on b's best and never passes it.
test('endorsement climbs towards the part’s original best and never past it', () => {
  const m = model({
    outcomes: ['x', 'y', 'z'],
    parts: [
      { name: 'a', utility: [0.6, 0.2, 0], weight: 0.5 },
      { name: 'b', utility: [0.5, 1, 0], weight: 0.3 },
      { name: 'c', utility: [1, 0, 0.4], weight: 0.2 },
    ],
  });
  const rng = new Random(3);
  const over = evolutionStep(m, { endorsement: 0.5 }, initialState(m, rng), rng);
  assert.equal(over.choice, 0);
  assert.deepEqual(Array.from(over.overruled), [0, 1, 0]);
  assertClose(over.after.value, [0.6, 0.2, 0, 0.75, 1, 0, 1, 0, 0.4]);
  const all = evolutionStep(m, { endorsement: 0.5, endorsers: 'all' }, initialState(m, rng), rng);
  assertClose(all.after.value, [0.6, 0.2, 0, 0.75, 1, 0, 1, 0, 0.4]);
  const full = evolutionStep(m, { endorsement: 1 }, initialState(m, rng), rng);
  assertClose(full.after.value.subarray(3, 6), [1, 1, 0]);
  const again = evolutionStep(m, { endorsement: 1 }, full.after, rng);
  assertClose(again.after.value.subarray(3, 6), [1, 1, 0]);
});

// Where the chosen action is the part's best here but not its best anywhere (tabular: its top is
// a cell of another state), 'all' and 'overruled' differ. One part; s0: stay 0.5, move 0.2;
// s1: stay 1, move 0. In s0 it chooses stay (not overruled). η_e = 0.5 with 'all':
// v[s0/stay] = 0.5 + 0.5(1 − 0.5) = 0.75; with 'overruled': unchanged.
test('endorsers "all" also moves parts that got their way', () => {
  const env = {
    states: ['s0', 's1'],
    actions: ['stay', 'move'],
    truth: Float64Array.from([1, 0, 0, 1, 0, 1, 1, 0]),
    start: Float64Array.from([1, 0]),
    horizon: 1,
  };
  const m = evolutionFromSequential(env, {
    parts: [{ name: 'p', reward: Float64Array.from([0.5, 0.2, 1, 0]), weight: 1 }],
    sigma: { rule: 'weighted-utilitarian', options: {} },
  });
  const rng = new Random(9);
  const all = evolutionStep(m, { endorsement: 0.5, endorsers: 'all' }, initialState(m, rng), rng);
  assert.equal(all.choice, 0);
  assertClose(all.after.value, [0.75, 0.2, 1, 0]);
  const over = evolutionStep(m, { endorsement: 0.5 }, initialState(m, rng), rng);
  assertClose(over.after.value, [0.5, 0.2, 1, 0]);
});

// With a world model, endorsement acts on what H chose — the chosen action's outcome lottery —
// not on the outcome that happened. Action g leads to x or y with probability 1/2 each; action z to z.
// a: (1, 1, 0) weight 0.6; b: (0, 0.2, 1) weight 0.4. EU: a g 1, z 0; b g 0.1, z 1.
// Σ: g 0.6 + 0.04 = 0.64 > z 0.4 → g; b overruled. η_e = 0.5, top_b = 1:
// v_b[x] = 0 + 0.5·0.5·(1 − 0) = 0.25, v_b[y] = 0.2 + 0.5·0.5·0.8 = 0.4, v_b[z] = 1.
test('endorsement spreads over the chosen action’s outcome distribution', () => {
  const m = model({
    outcomes: ['x', 'y', 'z'],
    actions: ['g', 'z'],
    world: [
      [0.5, 0.5, 0],
      [0, 0, 1],
    ],
    parts: [
      { name: 'a', utility: [1, 1, 0], weight: 0.6 },
      { name: 'b', utility: [0, 0.2, 1], weight: 0.4 },
    ],
  });
  for (const seed of [1, 2, 3, 4]) {
    const rng = new Random(seed);
    const r = evolutionStep(m, { endorsement: 0.5 }, initialState(m, rng), rng);
    assert.equal(r.choice, 0);
    assert.ok(r.outcome === 0 || r.outcome === 1);
    assertClose(r.after.value, [1, 1, 0, 0.25, 0.4, 1]);
  }
});

// Weight drift, duel, η_w = 0.5: x happens, a is satisfied, b is not.
// t0: w = (0.6·1.5, 0.4) / 1.3 = (0.9/1.3, 0.4/1.3).
// t1: w = (0.6·2.25, 0.4) / 1.75 = (1.35/1.75, 0.4/1.75).
test('weight drift: one and two steps by hand', () => {
  const m = duel();
  const params = { weightDrift: 0.5 };
  const rng = new Random(4);
  const r0 = evolutionStep(m, params, initialState(m, rng), rng);
  assert.deepEqual(Array.from(r0.satisfied), [1, 0]);
  assertClose(r0.after.weights, [0.9 / 1.3, 0.4 / 1.3]);
  const r1 = evolutionStep(m, params, r0.after, rng);
  assertClose(r1.after.weights, [1.35 / 1.75, 0.4 / 1.75]);
  assertClose(r1.after.value, [1, 0, 0, 1]);
});

// All three at once on the duel, η_h = 0.5, ρ = 0.5, η_e = 0.5, η_w = 0.5, baseline 0, t0:
// choice x; b overruled → v_b = (0.5, 1); x experienced → h = (0.5, 0) for both parts;
// u_a = (0.5, 0), u_b = (0.5 − 0.5·0.5, 1) = (0.25, 1); a satisfied → w = (0.9/1.3, 0.4/1.3).
// Record: welfare of x by the originals (1, 0); by the current utilities a: (0.5 − 0)/0.5 = 1,
// b: (0.25 − 0.25)/(1 − 0.25) = 0. Drift: a |0.5 − 1| = 0.5; b |0.25 − 0| = 0.25.
// Evolved Σ: x 0.9/1.3·0.5 + 0.4/1.3·0.25 = 0.55/1.3, y 0.4/1.3 → x still first: approval 1.
test('the mechanisms compose in the documented order, and the record says so', () => {
  const m = duel();
  const run = runEvolution(
    m,
    { habituation: 0.5, recovery: 0.5, endorsement: 0.5, weightDrift: 0.5 },
    1,
    new Random(5),
  );
  const r = run.records[0];
  assert.equal(r.t, 0);
  assert.equal(r.choice, 0);
  assert.equal(r.outcome, 0);
  assertClose(r.utilities, [0.5, 0, 0.25, 1]);
  assertClose(r.weights, [0.9 / 1.3, 0.4 / 1.3]);
  assertClose(r.welfareOriginal, [1, 0]);
  assertClose(r.welfareCurrent, [1, 0]);
  assertClose(r.drift, [0.5, 0.25]);
  assertClose([r.weightDrift], [0.9 / 1.3 - 0.6]);
  assert.deepEqual(r.evolved.winners, [0]);
  assert.equal(r.approval, 1);
  assert.equal(r.originalApproval, 1);
});

// Tabular: states s0, s1; actions stay (→ same state), move (→ other state), deterministic.
// One part, rewards s0: stay 1, move 0.6; s1: stay 0, move 0.2. η_h = 0.5, baseline 0, start s0.
// t0 in s0: stay (1 > 0.6); cell s0/stay = 0 habituated: 1 → 0.5; next s0.
// t1 in s0: move (0.6 > 0.5); cell s0/move = 1: 0.6 → 0.3; next s1.
// t2 in s1: move (0.2 > 0); cell 3; next s0.
test('tabular: cells are the items, the next state comes from the true dynamics', () => {
  const m = evolutionFromSequential(
    {
      states: ['s0', 's1'],
      actions: ['stay', 'move'],
      truth: Float64Array.from([1, 0, 0, 1, 0, 1, 1, 0]),
      start: Float64Array.from([1, 0]),
      horizon: 3,
    },
    {
      parts: [{ name: 'p', reward: Float64Array.from([1, 0.6, 0, 0.2]), weight: 1 }],
      sigma: { rule: 'weighted-utilitarian', options: {} },
    },
  );
  assert.deepEqual(m.items, ['s0/stay', 's0/move', 's1/stay', 's1/move']);
  const run = runEvolution(m, { habituation: 0.5 }, 3, new Random(6));
  assert.deepEqual(
    run.records.map((r) => [r.state, r.choice, r.outcome, r.next]),
    [
      [0, 0, 0, 0],
      [0, 1, 1, 1],
      [1, 1, 3, 0],
    ],
  );
  assertClose(run.records[1].utilities, [0.5, 0.3, 0, 0.2]);
  assertClose(run.records[2].utilities, [0.5, 0.3, 0, 0.1]);
  assert.equal(run.final.state, 0);
});

// Meta step inside the evolution: meta-preferences with two candidates (0.5, 0.5) and (1, 0) that
// both parts rate 0 and 1: Σ endorses (1, 0); λ = 0.5 moves the duel's (0.6, 0.4) to (0.8, 0.2).
test('meta-preferences move the weights towards what they endorse', () => {
  const m = duel();
  const meta = makeMetaPreferences({
    parts: ['a', 'b'],
    candidates: [
      [0.5, 0.5],
      [1, 0],
    ],
    utility: [
      [0, 1],
      [0, 1],
    ],
  });
  const rng = new Random(7);
  const r = evolutionStep(m, { meta, metaRate: 0.5 }, initialState(m, rng), rng);
  assertClose(r.after.weights, [0.8, 0.2]);
  assert.throws(
    () =>
      evolutionStep(m, { meta: { ...meta, parts: ['b', 'a'] }, metaRate: 0.5 }, initialState(m, rng), rng),
    (e: unknown) => e instanceof UserError && /params\.meta\.parts/.test(e.message),
  );
});

test('bad parameters are refused with the field named', () => {
  const m = duel();
  const rng = new Random(8);
  const s = initialState(m, rng);
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ habituation: 1.5 }, /params\.habituation: expected a rate in \[0, 1\], got 1\.5/],
    [{ recovery: -0.1 }, /params\.recovery/],
    [{ endorsement: Number.NaN }, /params\.endorsement/],
    [{ weightDrift: -1 }, /params\.weightDrift/],
    [{ baseline: [0] }, /params\.baseline: expected one number or 2 numbers/],
    [{ endorsers: 'some' }, /params\.endorsers/],
    [{ tieBreak: 'coin' }, /params\.tieBreak/],
  ];
  for (const [p, re] of cases)
    assert.throws(
      () => evolutionStep(m, p, s, rng),
      (e: unknown) => e instanceof UserError && re.test(e.message),
      JSON.stringify(p),
    );
  assert.throws(() => runEvolution(m, {}, -1, rng), /steps/);
});
