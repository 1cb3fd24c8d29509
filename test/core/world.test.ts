import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import {
  expectedUtility,
  identityWorld,
  isIdentityWorld,
  outcomeDistribution,
  validateWorld,
  worldModel,
} from '../../src/core/world.js';

test('the identity world model and expected utility under it', () => {
  const w = identityWorld(3);
  assert.ok(isIdentityWorld(w));
  assert.deepEqual(Array.from(expectedUtility(w, [4, 5, 6])), [4, 5, 6]);
});

test('expected utility averages outcome utilities by the row', () => {
  const w = worldModel([
    [0.5, 0.5, 0],
    [0, 0.25, 0.75],
  ]);
  assert.equal(w.actions, 2);
  assert.equal(w.outcomes, 3);
  assert.deepEqual(Array.from(expectedUtility(w, [0, 4, 8])), [2, 7]);
  assert.deepEqual(Array.from(outcomeDistribution(w, [0.5, 0.5])), [0.25, 0.375, 0.375]);
});

test('a row that does not sum to 1 is named with what it sums to', () => {
  assert.throws(
    () =>
      worldModel(
        [
          [1, 0],
          [0.5, 0.4],
        ],
        { actionNames: ['go', 'stay'] },
      ),
    (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.message, 'world[1]: row for action "stay" sums to 0.9, expected 1');
      return true;
    },
  );
  assert.throws(
    () => worldModel([[1.5, -0.5]]),
    /world\[0\]: row: entry 1 is -0.5, expected a probability in \[0, 1\]/,
  );
  assert.throws(() => worldModel([[0.5, Number.NaN]]), /world\[0\]: row: entry 1 is NaN/);
  assert.throws(
    () => worldModel([[1, 0], [1]]),
    /world\[1\]: expected 2 probabilities \(one per outcome\), got 1/,
  );
  assert.throws(() => worldModel([]), /world: expected at least one row/);
});

test('rows within the tolerance are accepted as given', () => {
  const w = worldModel([[0.1, 0.2, 0.7 + 1e-12]]);
  assert.equal(w.p[2], 0.7 + 1e-12);
});

test('validateWorld checks sizes against the principal', () => {
  assert.throws(
    () => validateWorld(identityWorld(2), { actions: 3 }),
    /world: expected 3 rows \(one per action\), got 2/,
  );
  assert.throws(
    () => validateWorld({ actions: 2, outcomes: 2, p: new Float64Array(3) }),
    /expected 4 probabilities \(2×2\), got 3/,
  );
});
