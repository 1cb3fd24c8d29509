import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import {
  aggregate,
  comparisons,
  oneWayPairs,
  pairProbabilities,
  separation,
  winMatrix,
} from '../../src/learn/index.js';

function throwsWith(f: () => unknown, message: string) {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof UserError, String(e));
    assert.equal(e.message, message);
    return true;
  });
}

test('comparison records are checked, naming the record', () => {
  throwsWith(
    () => comparisons(3, [{ winner: 0, loser: 3 }]),
    'comparisons[0]: loser: expected an item index in 0..2, got 3',
  );
  throwsWith(
    () => comparisons(3, [{ winner: 1, loser: 1 }]),
    'comparisons[0]: winner and loser must differ, both are 1',
  );
  throwsWith(
    () =>
      comparisons(3, [
        { winner: 0, loser: 1 },
        { winner: 0, loser: 2, count: -2 },
      ]),
    'comparisons[1]: count: expected a non-negative number, got -2',
  );
  throwsWith(
    () =>
      comparisons(3, [
        { winner: 0, loser: 1, annotator: 0 },
        { winner: 0, loser: 2 },
      ]),
    'comparisons[1]: annotator: expected a non-negative whole number on every record, got undefined',
  );
  throwsWith(() => comparisons(2, [], { names: ['a'] }), 'comparisons.names: expected 2 item names, got 1');
  throwsWith(
    () => comparisons(2, [{ winner: 0, loser: 1, annotator: 1 }], { annotatorNames: ['ann'] }),
    'comparisons[0]: annotator: 1 has no label (1 given)',
  );
});

test('exact probabilities are checked: complementary, in [0, 1], symmetric weights', () => {
  const ok = pairProbabilities(2, [
    [0.5, 0.7],
    [0.3, 0.5],
  ]);
  assert.deepEqual(Array.from(ok.weight), [0, 1, 1, 0]);
  assert.deepEqual(Array.from(winMatrix(ok)), [0, 0.7, 0.3, 0]);
  throwsWith(
    () =>
      pairProbabilities(2, [
        [0.5, 0.7],
        [0.4, 0.5],
      ]),
    'probabilities.p[0][1]: expected P(0 beats 1) + P(1 beats 0) = 1, got 1.1',
  );
  throwsWith(
    () => pairProbabilities(2, [0.5, 1.5, -0.5, 0.5]),
    'probabilities.p[0][1]: expected a probability in [0, 1], got 1.5',
  );
  throwsWith(
    () => pairProbabilities(2, [0.5, 0.5, 0.5, 0.5], { weight: [0, 1, 2, 0] }),
    'probabilities.weight[0][1]: expected a symmetric weight, but weight[1][0] = 2',
  );
  throwsWith(
    () => pairProbabilities(2, [[0.5, 0.5]]),
    'probabilities.p: expected a 2×2 matrix (or 4 numbers), got 1 rows',
  );
});

test('win matrix, aggregation and the separation check', () => {
  const d = comparisons(3, [
    { winner: 0, loser: 1, annotator: 0 },
    { winner: 0, loser: 1, count: 2, annotator: 1 },
    { winner: 1, loser: 2, annotator: 1 },
  ]);
  assert.deepEqual(Array.from(winMatrix(d)), [0, 3, 0, 0, 0, 1, 0, 0, 0]);
  const a = aggregate(d);
  assert.deepEqual(Array.from(a.count), [3, 1]);
  assert.equal(a.annotator, undefined);
  // 0 beats 1 beats 2, never the other way: 0 never lost.
  assert.deepEqual(separation(3, winMatrix(d)), { winners: [0], losers: [1, 2] });
  // 0 never beat anyone: 1 and 2 never lost to it.
  assert.deepEqual(separation(3, [0, 0, 0, 1, 0, 1, 1, 1, 0]), { winners: [1, 2], losers: [0] });
  assert.equal(separation(3, [0, 1, 0, 0, 0, 1, 1, 0, 0]), null); // a cycle is strongly connected
});

test('one-way comparisons: i beat j and j never beat i back, not even through other items', () => {
  // a > b, b > c, c > b: {b, c} is a cycle, a sits above it; d > e is a separate one-way pair.
  const beats = new Float64Array(25);
  for (const [i, j] of [
    [0, 1],
    [1, 2],
    [2, 1],
    [3, 4],
  ])
    beats[i * 5 + j] = 1;
  assert.deepEqual(oneWayPairs(5, beats), [
    [0, 1],
    [3, 4],
  ]);
  // Two cycles never compared with each other: nothing is one-way (the scores exist up to an
  // offset per part), though the graph is not strongly connected.
  const apart = [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0];
  assert.deepEqual(oneWayPairs(4, apart), []);
  assert.notEqual(separation(4, apart), null);
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 7 })
        .chain((k) =>
          fc.tuple(fc.constant(k), fc.array(fc.boolean(), { minLength: k * k, maxLength: k * k })),
        ),
      ([k, edges]) => {
        const b = edges.map((e, q) => (e && q % (k + 1) !== 0 ? 1 : 0));
        // Brute force: the transitive closure by repeated squaring of reachability.
        const reach = b.map((x, q) => (x > 0 || q % (k + 1) === 0 ? 1 : 0));
        for (let m = 0; m < k; m++)
          for (let i = 0; i < k; i++)
            for (let j = 0; j < k; j++) if (reach[i * k + m] && reach[m * k + j]) reach[i * k + j] = 1;
        const expected: [number, number][] = [];
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++) if (b[i * k + j] && !reach[j * k + i]) expected.push([i, j]);
        assert.deepEqual(oneWayPairs(k, b), expected);
      },
    ),
    { numRuns: 300 },
  );
});
