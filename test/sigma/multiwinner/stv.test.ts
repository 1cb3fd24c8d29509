import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import { impartialCultureOrders, mallowsOrders } from '../../../src/generate/profiles.js';
import { ballotsOf } from '../../../src/sigma/multiwinner/ballots.js';
import { gregoryStv } from '../../../src/sigma/multiwinner/gregory.js';
import { multiwinnerRules as all } from '../../../src/sigma/multiwinner/index.js';
import { profileFromOrders, profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { ProfileRule } from '../../../src/sigma/types.js';

/**
 * The transferable-vote counts (CPO-STV compares committees instead, and sequential STV challenges
 * one: see cpo-stv.test.ts and sequential-stv.test.ts).
 */
const multiwinnerRules = all.filter((r) => r.name !== 'cpo-stv' && r.name !== 'sequential-stv');
const rule = (name: string) => getRule(name) as ProfileRule;
const elect = (name: string, s: Summary, seats: number, extra: Record<string, string> = {}) =>
  rule(name).run(s, undefined, { seats, ...extra });

// Wikipedia's worked STV example ("Single transferable vote", food for a party; 20 voters, 3 seats):
// 0 Oranges, 1 Pears, 2 Chocolate, 3 Strawberries, 4 Hamburgers (sweets).
const food = new Summary(profileFromRankings(5, [[0], [1, 0], [2, 3], [2, 4], [3], [4]], [4, 2, 8, 4, 1, 1]));

test('the worked example: Chocolate, then Oranges and Strawberries, under every STV', () => {
  for (const r of multiwinnerRules) {
    const out = r.run(food, undefined, { seats: 3 });
    assert.deepEqual(out.winners, [0, 2, 3], r.name);
    assert.equal((out.details as { tieBreaks: number }).tieBreaks, 0, r.name);
    assert.equal((out.details as { elected: number[] }).elected[0], 2, `${r.name} elects Chocolate first`);
  }
  // Scottish: integer Droop quota ⌊20/4⌋ + 1 = 6; Chocolate's 12 papers pass 6/12 = 0.5 each
  const d = elect('stv-scottish', food, 3).details as { quota: number; elected: number[] };
  assert.equal(d.quota, 6);
  assert.deepEqual(d.elected, [2, 0, 3]);
});

test('Scottish truncation: 6 papers at 0.33333 leave C at 2.99998, just under B', () => {
  // 10 voters, 2 seats, quota ⌊10/3⌋ + 1 = 4. A (6 papers A > C) is elected with surplus 2; each
  // paper passes ⌊2/6 to 5 decimals⌋ = 0.33333 to C, who ends at 1 + 1.99998 and is excluded.
  const s = new Summary(profileFromRankings(3, [[0, 2], [1], [2, 1]], [6, 3, 1]));
  const scot = elect('stv-scottish', s, 2);
  assert.deepEqual(scot.winners, [0, 1]);
  assert.equal((scot.details as { tieBreaks: number }).tieBreaks, 0);
  // Exact transfers with the same quota tie B and C at 3; the lowest index (B) goes, and it is counted.
  const wigDroop = elect('stv-wig', s, 2, { quota: 'droop' });
  assert.deepEqual(wigDroop.winners, [0, 2]);
  assert.equal((wigDroop.details as { tieBreaks: number }).tieBreaks, 1);
  // With the rational quota 10/3, C's 1 + 6·(8/3)/6 = 3.67 reaches it directly.
  assert.deepEqual(elect('stv-wig', s, 2).winners, [0, 2]);
});

test('NB takes the surplus only from ballots that can pass it on; WIG from all of them', () => {
  // 9 voters, 2 seats, quota 9/3 = 3. A has 6 (3 ballots A only, 3 ballots A > B), C 2, D > C 1.
  // WIG drains half of each A piece: B gets 1.5; D (1) goes, C reaches 3. NB drains only the
  // A > B pieces, whole: B reaches 3 at once.
  const s = new Summary(profileFromRankings(4, [[0], [0, 1], [2], [3, 2]], [3, 3, 2, 1]));
  assert.deepEqual(gregoryStv(ballotsOf(s), 2, 'wig').elected, [0, 2]);
  assert.deepEqual(gregoryStv(ballotsOf(s), 2, 'nb').elected, [0, 1]);
  assert.deepEqual(elect('stv-nb', s, 2).winners, [0, 1]);
  assert.deepEqual(elect('stv-wig', s, 2).winners, [0, 2]);
});

test('every STV elects min(K, candidates in play) candidates, within the subset it is given', () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 25 }),
      fc.integer({ min: 1, max: 7 }),
      (seed, m, n, seats) => {
        const s = new Summary(profileFromOrders(m, impartialCultureOrders(new Random(seed), m, n)));
        const cands = [...Array(m).keys()].filter((c) => c % 2 === 0 || m < 3);
        for (const r of multiwinnerRules) {
          const all = r.run(s, undefined, { seats });
          assert.equal(all.winners.length, Math.min(seats, m), r.name);
          assert.equal(new Set(all.winners).size, all.winners.length);
          const sub = r.run(s, cands, { seats });
          assert.equal(sub.winners.length, Math.min(seats, cands.length), r.name);
          assert.ok(
            sub.winners.every((c) => cands.includes(c)),
            r.name,
          );
        }
      },
    ),
    { numRuns: 40 },
  );
});

test('one seat: every STV elects an instant-runoff winner (some order of removing tied candidates)', () => {
  const irvPut = rule('instant-runoff-put');
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: 1, max: 30 }),
      (seed, m, n) => {
        const s = new Summary(profileFromOrders(m, impartialCultureOrders(new Random(seed), m, n)));
        const irv = irvPut.run(s).winners;
        for (const r of multiwinnerRules) {
          const w = r.run(s, undefined, { seats: 1 }).winners;
          assert.equal(w.length, 1);
          assert.ok(irv.includes(w[0]), `${r.name}: ${w} ∉ ${irv}`);
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('Droop proportionality: a solid coalition of more than j Droop quotas elects j of its candidates', () => {
  // Last-parcel STV is left out: it leaves the surplus of earlier parcels with the elected candidate.
  const rules = multiwinnerRules.filter((r) => r.name !== 'stv-last-parcel');
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: 4, max: 6 }),
      fc.integer({ min: 2, max: 4 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 20, max: 40 }),
      (seed, m, seats, j0, n) => {
        const j = Math.min(j0, seats, m - 1);
        const rng = new Random(seed);
        // the coalition: more than j·n/(K+1) voters (plus one for Scottish truncation), ranking 0..j−1 on top
        const size = Math.min(n, Math.floor((j * n) / (seats + 1)) + 2);
        const orders = impartialCultureOrders(rng, m, n);
        for (let v = 0; v < size; v++) {
          const top = rng.permutation(j);
          const rest = rng.permutation(m - j);
          for (let i = 0; i < j; i++) orders[v * m + i] = top[i];
          for (let i = 0; i < m - j; i++) orders[v * m + j + i] = j + rest[i];
        }
        const s = new Summary(profileFromOrders(m, orders));
        for (const r of rules) {
          const w = r.run(s, undefined, { seats }).winners;
          assert.ok(w.filter((c) => c < j).length >= j, `${r.name}: ${w} (j = ${j}, coalition ${size}/${n})`);
        }
      },
    ),
    { numRuns: 40 },
  );
});

test('anonymity (CPO-STV too): the order of the ballots does not change the committee', () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: 3, max: 6 }),
      fc.integer({ min: 5, max: 30 }),
      (seed, m, n) => {
        const orders = mallowsOrders(new Random(seed), m, n, { phi: 0.6 });
        const perm = new Random(seed + 1).permutation(n);
        const shuffled = new Int32Array(n * m);
        for (let v = 0; v < n; v++) shuffled.set(orders.subarray(perm[v] * m, perm[v] * m + m), v * m);
        const a = new Summary(profileFromOrders(m, orders));
        const b = new Summary(profileFromOrders(m, shuffled));
        for (const r of all)
          assert.deepEqual(
            r.run(a, undefined, { seats: 2 }).winners,
            r.run(b, undefined, { seats: 2 }).winners,
            r.name,
          );
      },
    ),
    { numRuns: 30 },
  );
});

test('Meek and Warren: elected candidates end holding the quota; Approval-STV reads approval ballots', () => {
  const s = new Summary(profileFromOrders(5, mallowsOrders(new Random(3), 5, 60, { phi: 0.7 })));
  for (const name of ['stv-meek', 'stv-warren']) {
    const d = elect(name, s, 3).details as { quota: number; elected: number[] };
    assert.equal(d.elected.length, 3);
    assert.ok(d.quota > 0 && d.quota <= 60 / 4 + 1e-9, `${name} quota ${d.quota}`);
  }
  // approval ballots: 5 approve {0,1}, 4 approve {2}, 1 approves {3}; 2 seats, quota 10/3
  const approvals = profileFromRankings(
    4,
    [
      [
        [0, 1],
        [2, 3],
      ],
      [[2], [0, 1, 3]],
      [[3], [0, 1, 2]],
    ],
    [5, 4, 1],
  );
  const w = rule('approval-stv').run(new Summary(approvals), undefined, { seats: 2 });
  assert.deepEqual(w.winners, [0, 2]);
  assert.equal((w.details as { tieBreaks: number }).tieBreaks, 1); // 0 and 1 tie at 5: the lower index
});

test('options: seats must be a positive whole number; quota names are checked', () => {
  const fails = (f: () => unknown, where: string) =>
    assert.throws(f, (e: unknown) => e instanceof UserError && e.where === where);
  fails(() => elect('stv-meek', food, 0), 'options.seats');
  fails(() => rule('stv-wig').run(food, undefined, { seats: 1.5 }), 'options.seats');
  fails(() => elect('stv-wig', food, 2, { quota: 'hare' }), 'options.quota');
  fails(() => elect('approval-stv', food, 2, { quota: 'nb' }), 'options.quota');
  assert.deepEqual(elect('stv-scottish', food, 9).winners, [0, 1, 2, 3, 4]);
  assert.equal(getRule('meek').name, 'stv-meek');
  assert.equal(getRule('scottish-stv').name, 'stv-scottish');
});
