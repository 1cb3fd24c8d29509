import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { argmax, ordering, unbound } from '../../src/learn/index.js';

test('argmax returns the full tie set; ordering groups ties best first', () => {
  assert.deepEqual(argmax([0.5, 2, -1, 2]), [1, 3]);
  assert.deepEqual(argmax([1, 1 + 1e-12, 0]), [0, 1]);
  assert.deepEqual(argmax([1, 1 + 1e-6, 0]), [1]);
  assert.deepEqual(argmax([]), []);
  assert.deepEqual(ordering([0.5, 2, -1, 2, 0.5]), [[1, 3], [0, 4], [2]]);
  assert.deepEqual(unbound(Float64Array.from([3, 1])), { winners: [0], ranking: [[0], [1]], scores: [3, 1] });
});

test('ordering is a partition consistent with the scores, and its first group is the argmax', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 8 }), (xs) => {
      const groups = ordering(xs);
      assert.deepEqual(
        groups.flat().sort((a, b) => a - b),
        xs.map((_, i) => i),
      );
      assert.deepEqual(groups[0], argmax(xs));
      for (let g = 1; g < groups.length; g++) assert.ok(xs[groups[g - 1][0]] > xs[groups[g][0]]);
      for (const grp of groups) for (const i of grp) assert.equal(xs[i], xs[grp[0]]);
    }),
    { seed: 1 },
  );
});
