import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { linearOrders } from '../../../src/sigma/ordinal/exact/voters.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';

test('a tied ballot is named by its field path, the tied candidates in candidate order', () => {
  const names = ['a', 'b', 'c'];
  const s = new Summary(profileFromRankings(3, [[2], [[1, 0], 2]], [0, 1], { names }));
  for (const cands of [
    [0, 1, 2],
    [1, 0, 2],
    [2, 1, 0],
  ])
    assert.throws(
      () => linearOrders(s, cands, 'dodgson'),
      (e: unknown) =>
        e instanceof UserError && e.where === 'rankings[1]' && e.message.endsWith('this ballot ties a and b'),
    );
  // Restricted to candidates the ballot separates, it is an order (ballots of count 0 left out).
  assert.deepEqual(Array.from(linearOrders(s, [0, 2], 'dodgson').orders), [0, 1]);
});
