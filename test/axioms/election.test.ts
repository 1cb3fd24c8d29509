import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  election,
  linearOrders,
  removeCandidate,
  reverse,
  swapCandidates,
  toJson,
  voters,
} from '../../src/axioms/election.js';
import { cloneSets } from '../../src/axioms/invariance.js';
import { multisets, stages } from '../../src/axioms/search.js';

test('election: identical orders merge, orders sort, zero counts drop', () => {
  const e = election(
    3,
    [
      [1, 2, 0],
      [0, 1, 2],
      [1, 2, 0],
      [2, 1, 0],
    ],
    [1, 2, 3, 0],
  );
  assert.deepEqual(toJson(e), {
    candidates: 3,
    rankings: [
      [0, 1, 2],
      [1, 2, 0],
    ],
    counts: [2, 4],
  });
  assert.equal(voters(e), 6);
});

test('election: removing a candidate renumbers the rest; reversing and swapping', () => {
  const e = election(3, [[2, 0, 1]], [2]);
  const { election: r, kept } = removeCandidate(e, 0);
  assert.deepEqual(kept, [1, 2]);
  assert.deepEqual(r.orders, [[1, 0]]);
  assert.deepEqual(reverse(e).orders, [[1, 0, 2]]);
  assert.deepEqual(swapCandidates(e, 0, 2).orders, [[0, 2, 1]]);
});

test('linearOrders: m! orders, lexicographic', () => {
  assert.deepEqual(linearOrders(3), [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
  ]);
  assert.equal(linearOrders(5).length, 120);
});

test('cloneSets: Tideman clones are contiguous on every ballot (proper, at least two)', () => {
  // {1, 2} are adjacent on both ballots; {0, 1} are not on the second.
  assert.deepEqual(
    cloneSets(
      election(3, [
        [0, 1, 2],
        [2, 1, 0],
      ]),
    ),
    [
      [1, 2],
      [0, 1],
    ].sort(),
  );
  assert.deepEqual(
    cloneSets(
      election(3, [
        [0, 1, 2],
        [1, 0, 2],
        [2, 0, 1],
      ]),
    ),
    [[0, 1]],
  );
  assert.deepEqual(
    cloneSets(
      election(3, [
        [0, 1, 2],
        [1, 2, 0],
        [2, 0, 1],
      ]),
    ),
    [],
  );
});

test('property: multisets(m, n) lists every anonymous profile once: C(m! + n − 1, n) of them, n voters each', () => {
  const binom = (n: number, k: number) => {
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return Math.round(r);
  };
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 4 }), (m, n) => {
      const seen = new Set<string>();
      for (const e of multisets(m, n)) {
        assert.equal(voters(e), n);
        seen.add(JSON.stringify(toJson(e)));
      }
      const fact = m === 2 ? 2 : 6;
      assert.equal(seen.size, binom(fact + n - 1, n));
    }),
    { numRuns: 8 },
  );
});

test('stages: fewest profiles first, none above the stage limit', () => {
  const st = stages(3, 5);
  for (let i = 1; i < st.length; i++) assert.ok(st[i - 1].count <= st[i].count);
  assert.deepEqual(st[0], { m: 3, n: 1, count: 6 });
  assert.ok(st.every((s) => s.m >= 3 && s.count <= 500));
});
