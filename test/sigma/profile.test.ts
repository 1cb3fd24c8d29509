import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { smithSet, condorcetWinner, weakCondorcetWinners } from '../../src/sigma/majority.js';
import { compact, profileFromRankings, rankingOf, Summary } from '../../src/sigma/profile.js';

test('rankings with ties and truncation become dense levels', () => {
  const p = profileFromRankings(4, [[0, [1, 2], 3], [[3, 1]], [2]], [2, 1, 1]);
  assert.deepEqual(Array.from(p.levels.subarray(0, 4)), [0, 1, 1, 2]);
  assert.deepEqual(Array.from(p.levels.subarray(4, 8)), [1, 0, 1, 0]);
  assert.deepEqual(rankingOf(p, 1), [[1, 3]]);
  assert.deepEqual(rankingOf(p, 2), [[2]]);
  assert.equal(p.unranked?.[4 + 0], 1);
});

test('bad rankings name the ballot and what was expected', () => {
  assert.throws(
    () =>
      profileFromRankings(3, [
        [0, 1, 2],
        [0, 0, 1],
      ]),
    (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /rankings\[1\]: candidate 0 appears more than once/);
      return true;
    },
  );
  assert.throws(() => profileFromRankings(3, [[0, 1, 3]]), /rankings\[0\]: candidate 3 is not one of 0..2/);
});

test('support and margins of the Condorcet cycle', () => {
  const s = new Summary(
    profileFromRankings(3, [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ]),
  );
  assert.equal(s.n, 3);
  assert.deepEqual(Array.from(s.support()), [0, 2, 1, 1, 0, 2, 2, 1, 0]);
  assert.equal(condorcetWinner(s), -1);
  assert.deepEqual(smithSet(s), [0, 1, 2]);
  assert.deepEqual(weakCondorcetWinners(s), []);
});

test('Smith set of a profile with a Condorcet winner and a cycle below it', () => {
  // 3 beats everyone; 0 > 1 > 2 > 0 below it.
  const s = new Summary(
    profileFromRankings(4, [
      [3, 0, 1, 2],
      [3, 1, 2, 0],
      [2, 0, 1, 3],
    ]),
  );
  assert.equal(condorcetWinner(s), 3);
  assert.deepEqual(smithSet(s), [3]);
  assert.deepEqual(smithSet(s, [0, 1, 2]), [0, 1, 2]);
});

test('compact merges identical ballots', () => {
  const p = compact(
    profileFromRankings(
      3,
      [
        [0, 1, 2],
        [1, 0, 2],
        [0, 1, 2],
      ],
      [1, 2, 3],
    ),
  );
  assert.equal(p.k, 2);
  assert.deepEqual(Array.from(p.counts), [4, 2]);
});
