/**
 * Bad input and exact rules past their limits: a UserError that says what and where.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { copeland } from '../../../src/sigma/ordinal/pairwise/copeland.js';
import { rankedPairs } from '../../../src/sigma/ordinal/pairwise/ranked-pairs.js';
import { river } from '../../../src/sigma/ordinal/pairwise/river.js';
import { schulze } from '../../../src/sigma/ordinal/pairwise/schulze.js';
import { stableVoting } from '../../../src/sigma/ordinal/pairwise/stable-voting.js';
import { profileFromOrders, profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { Random } from '../../../src/core/random.js';

const cyclic = (m: number) => {
  // m voters, voter v ranks v, v+1, …: every pair is decided by the same kind of margin, with many
  // equal margins among many cycles.
  const rankings = Array.from({ length: m }, (_, v) => Array.from({ length: m }, (_, i) => (v + i) % m));
  return new Summary(profileFromRankings(m, rankings));
};

test('a candidate subset that repeats or names a missing candidate is a UserError', () => {
  const s = new Summary(profileFromRankings(3, [[0, 1, 2]]));
  assert.throws(
    () => copeland.run(s, [0, 0]),
    (e: unknown) => e instanceof UserError && /cands: candidate 0 appears more than once/.test(e.message),
  );
  assert.throws(() => schulze.run(s, [0, 3]), /cands: candidate 3 is not one of 0..2/);
});

test('ranked pairs and River stay exact on cyclic profiles with many equal margins', () => {
  // 7 voters in cyclic order: margins 5, 3, 1 repeat around the cycle; the profile is symmetric,
  // so every candidate wins some tie-breaking.
  const s = cyclic(7);
  assert.deepEqual(rankedPairs.run(s).winners, [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(river.run(s).winners, [0, 1, 2, 3, 4, 5, 6]);
});

test('ranked pairs refuses, with the limit in the message, when the tie-breakings explode', () => {
  // Found by a random search over few voters with coarse weak orders on 11 candidates: margins take
  // only a few values, and deciding each Split Cycle winner needs more than 50,000 search steps.
  const s = new Summary(
    profileFromRankings(11, [
      [[0, 1, 6, 8, 10], [3, 4, 5, 7], 2, 9],
      [[6, 7, 9], [5, 8], [1, 10], 2, [3, 4], 0],
      [[4, 9], [2, 5], [7, 8, 10], 3, 1, 0, 6],
      [[1, 6], [3, 4, 7, 8], [0, 10], 2, 9, 5],
      [0, [2, 3, 4, 10], 9, [1, 6, 8], 5, 7],
    ]),
  );
  assert.throws(
    () => rankedPairs.run(s),
    (e: unknown) =>
      e instanceof UserError &&
      /ranked-pairs: too many orders of equal margins to explore exactly \(more than 50000 search steps\)/.test(
        e.message,
      ),
  );
});

test('cyclic profiles on 15 candidates: every candidate wins some tie-breaking', () => {
  const s = cyclic(15);
  const all = Array.from({ length: 15 }, (_, i) => i);
  assert.deepEqual(rankedPairs.run(s).winners, all);
  assert.deepEqual(river.run(s).winners, all);
});

test('stable voting refuses more than 20 candidates', () => {
  const rng = new Random(5);
  const m = 21;
  const orders = new Int32Array(11 * m);
  for (let v = 0; v < 11; v++) orders.set(rng.permutation(m), v * m);
  const s = new Summary(profileFromOrders(m, orders));
  assert.throws(
    () => stableVoting.run(s),
    /stable-voting is exact and refuses more than 20 candidates \(got 21\)/,
  );
  assert.equal(stableVoting.maxCandidates, 20);
  // A subset within the limit is fine.
  assert.equal(stableVoting.run(s, [0, 1, 2, 3, 4]).winners.length > 0, true);
});

test('every candidate listed out of order gives the same winners as no subset (n = 101, m = 8)', () => {
  const rng = new Random(11);
  for (let t = 0; t < 50; t++) {
    const m = 8;
    const orders = new Int32Array(101 * m);
    for (let v = 0; v < 101; v++) orders.set(rng.permutation(m), v * m);
    const s = new Summary(profileFromOrders(m, orders));
    // Same answer through a candidate subset listing everyone out of order (a copy of the margins).
    const perm = Array.from(rng.permutation(m));
    assert.deepEqual(rankedPairs.run(s, perm).winners, rankedPairs.run(s).winners);
    assert.deepEqual(river.run(s, perm).winners, river.run(s).winners);
  }
});
