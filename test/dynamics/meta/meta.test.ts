import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import {
  iterateMeta,
  makeMetaPreferences,
  metaEndorsed,
  metaFixedPoints,
  metaFromTargets,
  metaStep,
  selfEndorsingCandidates,
  simplexGrid,
  uniformSimplex,
} from '../../../src/dynamics/meta/index.js';
import { assertClose } from '../evolution/helpers.js';
import { hand } from '../../align/meta-hand.js';

// The hand example (see meta-preferences.ts): A wants (0.75, 0.25), B wants (0.25, 0.75);
// candidates x = w_A ∈ {1, 0.75, 0.5, 0.25, 0}; weighted utilitarian on −L1 distance, i.e.
// minimize w_A |x − 0.75| + w_B |x − 0.25|: the weighted median. E(w) = τ_A when w_A > 1/2,
// τ_B when w_A < 1/2; at w_A = 1/2 every x in [0.25, 0.75] ties and their mean is 0.5.

test('hand example: the meta-utilities and the endorsed weights', () => {
  const meta = hand();
  // A's meta-utility: −(|x − 0.75| + |(1 − x) − 0.25|) = −2|x − 0.75|.
  assertClose(meta.utility.subarray(0, 5), [-0.5, 0, -0.5, -1, -1.5]);
  assertClose(meta.utility.subarray(5, 10), [-1.5, -1, -0.5, 0, -0.5]);
  const e = metaEndorsed(meta, [0.6, 0.4]);
  assert.deepEqual(e.winners, [1]);
  assertClose(e.target, [0.75, 0.25]);
  assertClose(metaStep(meta, [0.6, 0.4], 0.5), [0.675, 0.325]);
  const tie = metaEndorsed(meta, [0.5, 0.5]);
  assert.deepEqual(tie.winners, [1, 2, 3]);
  assertClose(tie.target, [0.5, 0.5]);
});

test('hand example: the known fixed points are exactly the self-endorsing candidates', () => {
  const self = selfEndorsingCandidates(hand());
  assert.deepEqual(
    self.map((s) => [s.candidate, Array.from(s.weights), s.strict, s.fixed]),
    [
      [1, [0.75, 0.25], true, true],
      [2, [0.5, 0.5], false, true],
      [3, [0.25, 0.75], true, true],
    ],
  );
});

test('hand example: from seeded starts the dynamics find the two stable fixed points, basins split at w_A = 1/2', () => {
  const meta = hand();
  const b = metaFixedPoints(meta, new Random(42), { starts: 200 });
  assert.equal(b.starts, 200);
  assert.equal(b.unconverged, 0);
  assert.deepEqual(b.cycles, []);
  assert.equal(b.fixedPoints.length, 2);
  const byCandidate = new Map(b.fixedPoints.map((f) => [f.candidate, f]));
  assert.deepEqual(Array.from(byCandidate.get(1)!.weights), [0.75, 0.25]);
  assert.deepEqual(Array.from(byCandidate.get(3)!.weights), [0.25, 0.75]);
  assert.ok(b.fixedPoints.every((f) => f.strict));
  const startsAbove = b.runs.filter((r) => r.start[0] > 0.5).length;
  assert.equal(byCandidate.get(1)!.count, startsAbove);
  assert.equal(byCandidate.get(3)!.count, 200 - startsAbove);
  assert.ok(Math.abs(b.fixedPoints.reduce((t, f) => t + f.frequency, 0) - 1) < 1e-12);
  for (const r of b.runs) {
    const expected = r.start[0] > 0.5 ? [0.75, 0.25] : [0.25, 0.75];
    assertClose(r.limit.weights, expected, 1e-9);
    assertClose(b.fixedPoints[r.basin].weights, expected);
  }
  // Uniform starts: each basin is about half of them.
  assert.ok(startsAbove > 70 && startsAbove < 130, `${startsAbove}`);
});

test('hand example: the unstable fixed point holds only when started on it; rate 1 jumps', () => {
  const meta = hand();
  const mid = iterateMeta(meta, [0.5, 0.5]);
  assert.equal(mid.kind, 'fixed');
  assert.equal(mid.steps, 1);
  assertClose(mid.weights, [0.5, 0.5]);
  const jump = iterateMeta(meta, [0.9, 0.1], { rate: 1 });
  assert.equal(jump.kind, 'fixed');
  assert.equal(jump.steps, 2);
  assertClose(jump.weights, [0.75, 0.25]);
  // λ = 0.5 from (0.9, 0.1): x = 0.9 → 0.825 → 0.7875 → … → 0.75, halving the gap each step.
  const slow = iterateMeta(meta, [0.9, 0.1], { maxSteps: 3 });
  assert.equal(slow.kind, 'none');
  assertClose(slow.weights, [0.75 + 0.15 / 8, 0.25 - 0.15 / 8]);
});

// Deference: each part wants the other to rule. Candidates (1, 0) and (0, 1); A prefers (0, 1),
// B prefers (1, 0). With λ = 0.5: x = w_A > 1/2 → x/2; x < 1/2 → x/2 + 1/2. The 2-cycle:
// x = (x/2)/2 + 1/2 → x = 2/3, then 1/3.
test('meta dynamics can cycle: two parts that each defer to the other', () => {
  const meta = makeMetaPreferences({
    parts: ['A', 'B'],
    candidates: [
      [1, 0],
      [0, 1],
    ],
    utility: [
      [0, 1],
      [1, 0],
    ],
  });
  const limit = iterateMeta(meta, [0.9, 0.1], { maxSteps: 200 });
  assert.equal(limit.kind, 'cycle');
  assert.equal(limit.period, 2);
  const xs = limit.orbit.map((w) => w[0]).sort();
  assertClose(xs, [1 / 3, 2 / 3], 1e-9);
  const b = metaFixedPoints(meta, new Random(1), { starts: 10, maxSteps: 200 });
  assert.equal(b.fixedPoints.length, 0);
  assert.equal(b.cycles.length, 1);
  assert.equal(b.cycles[0].count, 10);
  assertClose(
    b.cycles[0].orbit.map((w) => w[0]),
    [1 / 3, 2 / 3],
    1e-9,
  );
});

test('a lottery Σ endorses the lottery’s mixture of candidates', () => {
  const meta = makeMetaPreferences({
    parts: ['A', 'B'],
    candidates: [
      [1, 0],
      [0, 1],
    ],
    utility: [
      [1, 0],
      [0, 1],
    ],
    sigma: { rule: 'random-dictatorship' },
  });
  // Each part picks the candidate that gives it everything, with probability its weight: E(w) = w.
  const e = metaEndorsed(meta, [0.3, 0.7]);
  assertClose(e.target, [0.3, 0.7]);
  assert.deepEqual(e.winners, [0, 1]);
  assert.equal(iterateMeta(meta, [0.3, 0.7]).kind, 'fixed');
});

test('simplex grid and uniform starts', () => {
  const g = simplexGrid(3, 10);
  assert.equal(g.length / 3, 66);
  assertClose(g.subarray(0, 3), [1, 0, 0]);
  assertClose(g.subarray(g.length - 3), [0, 0, 1]);
  for (let k = 0; k < 66; k++) assert.ok(Math.abs(g[3 * k] + g[3 * k + 1] + g[3 * k + 2] - 1) < 1e-12);
  assert.equal(simplexGrid(1, 4).length, 1);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), (n, seed) => {
      const v = uniformSimplex(n, new Random(seed));
      assert.equal(v.length, n);
      assert.ok(v.every((x) => x >= 0));
      assert.ok(Math.abs(v.reduce((t, x) => t + x, 0) - 1) < 1e-12);
      assert.deepEqual(uniformSimplex(n, new Random(seed)), v);
    }),
  );
});

test('targets are taken as shares and added to the grid', () => {
  const meta = metaFromTargets({
    parts: ['a', 'b', 'c'],
    targets: [
      [2, 1, 1],
      [0, 1, 0],
      [1, 1, 1],
    ],
    resolution: 2,
  });
  // Grid in halves: 6 points; (0.5, 0.25, 0.25) and (1/3, 1/3, 1/3) are added, (0, 1, 0) is on it.
  assert.equal(meta.count, 8);
  assertClose(meta.candidates.subarray(18, 21), [0.5, 0.25, 0.25]);
  const l2 = metaFromTargets({
    parts: ['a', 'b'],
    targets: [
      [1, 0],
      [0, 1],
    ],
    candidates: [[0.5, 0.5]],
    distance: 'l2',
  });
  assertClose(l2.utility, [-Math.SQRT1_2, -Math.SQRT1_2]);
});

test('bad meta-preferences are refused with the field named', () => {
  const bad: [() => unknown, RegExp][] = [
    [
      () =>
        makeMetaPreferences({
          parts: ['a', 'b'],
          candidates: [
            [1, 0],
            [1, 0, 0],
          ],
          utility: [
            [0, 0],
            [0, 0],
          ],
        }),
      /meta\.candidates\[1\]: expected 2 numbers \(one per part\), got 3/,
    ],
    [
      () => makeMetaPreferences({ parts: ['a', 'b'], candidates: [[0, 0]], utility: [[0], [0]] }),
      /meta\.candidates\[0\]: expected at least one positive weight/,
    ],
    [
      () => makeMetaPreferences({ parts: ['a', 'b'], candidates: [[1, 0]], utility: [[0, 1], [0]] }),
      /meta\.utility\[0\]: expected 1 numbers/,
    ],
    [
      () => makeMetaPreferences({ parts: ['a', 'a'], candidates: [[1, 0]], utility: [[0], [0]] }),
      /meta\.parts\[1\]/,
    ],
    [
      () =>
        makeMetaPreferences({
          parts: ['a'],
          candidates: [[1]],
          utility: [[0]],
          sigma: { rule: 'no-such-rule' },
        }),
      /unknown method/,
    ],
    [() => metaFromTargets({ parts: ['a', 'b'], targets: [[1, 0]] }), /meta\.targets: expected 2 targets/],
    [() => iterateMeta(metaFromTargets({ parts: ['a'], targets: [[1]] }), [1], { rate: 0 }), /meta\.rate/],
    [
      () => metaFixedPoints(metaFromTargets({ parts: ['a'], targets: [[1]] }), new Random(1), { starts: 0 }),
      /meta\.starts/,
    ],
  ];
  for (const [f, re] of bad)
    assert.throws(f, (e: unknown) => e instanceof UserError && re.test(e.message), String(re));
});
