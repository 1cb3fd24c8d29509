import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import { impartialCultureOrders } from '../../../src/generate/profiles.js';
import { ballotsOf } from '../../../src/sigma/multiwinner/ballots.js';
import { committeeMargin, committeesOf, cpoStv } from '../../../src/sigma/multiwinner/cpo-stv.js';
import { profileFromOrders, profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { ProfileRule } from '../../../src/sigma/types.js';

test('a hand-worked comparison: only the shared member passes on its surplus', () => {
  // A > C ×3, B ×2, C ×2; two seats. {A,B} against {A,C}: S = {A,B,C}, quota 7/3; A passes its
  // surplus 3 − 7/3 = 2/3 to C, so the margin is (7/3 + 2) − (7/3 + 8/3) = −2/3.
  const b = ballotsOf(new Summary(profileFromRankings(3, [[0, 2], [1], [2]], [3, 2, 2])));
  const at = b.tiers.map((tiers) => {
    const x = new Int32Array(3).fill(-1);
    tiers.forEach((g, t) => {
      for (const c of g) x[c] = t;
    });
    return x;
  });
  for (const surplus of ['meek', 'warren'] as const) {
    assert.ok(Math.abs(committeeMargin(b, at, [0, 1], [0, 2], surplus) + 2 / 3) < 1e-9, surplus);
    assert.ok(Math.abs(committeeMargin(b, at, [1, 2], [0, 1], surplus) + 1) < 1e-9, surplus);
    assert.ok(Math.abs(committeeMargin(b, at, [1, 2], [0, 2], surplus) + 1) < 1e-9, surplus);
    const r = cpoStv(b, 2, surplus);
    assert.deepEqual(r.elected, [0, 2]);
    assert.equal(r.tieBreaks, 0);
  }
  assert.deepEqual(committeesOf([1, 3, 5, 7], 2), [
    [1, 3],
    [1, 5],
    [1, 7],
    [3, 5],
    [3, 7],
    [5, 7],
  ]);
});

test('one seat: CPO-STV is the Condorcet winner when there is one, else a Minimax winner', () => {
  const minimax = getRule('minimax') as ProfileRule;
  const cpo = getRule('cpo-stv') as ProfileRule;
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: 1, max: 25 }),
      (seed, m, n) => {
        const s = new Summary(profileFromOrders(m, impartialCultureOrders(new Random(seed), m, n)));
        const w = cpo.run(s, undefined, { seats: 1 }).winners;
        assert.equal(w.length, 1);
        assert.ok(minimax.run(s).winners.includes(w[0]), `${w} ∉ minimax ${minimax.run(s).winners}`);
      },
    ),
    { numRuns: 60 },
  );
});

test('CPO-STV elects K of the candidates in play, and refuses past 300 committees', () => {
  const cpo = getRule('cpo-stv') as ProfileRule;
  const s = new Summary(profileFromOrders(7, impartialCultureOrders(new Random(4), 7, 30)));
  const r = cpo.run(s, [0, 2, 3, 5, 6], { seats: 3, surplus: 'warren' });
  assert.equal(r.winners.length, 3);
  assert.ok(r.winners.every((c) => [0, 2, 3, 5, 6].includes(c)));
  const big = new Summary(profileFromOrders(12, impartialCultureOrders(new Random(5), 12, 5)));
  assert.throws(
    () => cpo.run(big, undefined, { seats: 6 }),
    (e: unknown) => e instanceof UserError && /924 committees/.test(e.message),
  );
  assert.throws(
    () => cpo.run(s, undefined, { seats: 2, surplus: 'gregory' }),
    (e: unknown) => e instanceof UserError && e.where === 'options.surplus',
  );
});
