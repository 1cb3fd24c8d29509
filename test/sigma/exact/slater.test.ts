import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { kemenyYoung } from '../../../src/sigma/ordinal/exact/kemeny.js';
import { SLATER_LIMIT, slater, slaterCost } from '../../../src/sigma/ordinal/exact/slater.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { bruteOrdering, checkAxioms, profileArb, run, summary } from './helpers.js';

const all = (m: number) => Array.from({ length: m }, (_, i) => i);

test("pref_voting's slater example: 0 ≻ 2 ≻ 3 ≻ 1 reverses one majority edge", () => {
  // The majority graph of pref_voting's slater docstring, MarginGraph([0,1,2,3], [(0,2,2), (0,3,6),
  // (1,0,8), (2,3,4), (2,1,10), (3,1,12)]), realized by three voters.
  const r = run(slater, {
    m: 4,
    rankings: [
      [0, 2, 3, 1],
      [1, 0, 2, 3],
      [2, 3, 1, 0],
    ],
    counts: [1, 1, 1],
  });
  assert.deepEqual(r.winners, [0]);
  assert.deepEqual(r.ranking, [[0], [2], [3], [1]]);
  // 1 first: 1 above 2 and 3 (2 reversals), then 0≻2≻3. 2 first: above 0 (1), then the cycle 0,1,3 (1).
  // 3 first: above 0 and 2 (2), then the cycle 0,1,2 (1).
  assert.deepEqual(r.scores, [1, 2, 2, 3]);
});

test('the Condorcet cycle: every rotation reverses one edge; zero margins cost nothing', () => {
  const r = run(slater, {
    m: 3,
    rankings: [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ],
    counts: [1, 1, 1],
  });
  assert.deepEqual(r.winners, [0, 1, 2]);
  assert.deepEqual(r.scores, [1, 1, 1]);
  assert.equal(r.ranking, undefined);
  // 0 and 1 tied by majority, both beat 2: either order is free.
  const tie = run(slater, {
    m: 3,
    rankings: [
      [0, 1, 2],
      [1, 0, 2],
    ],
    counts: [1, 1],
  });
  assert.deepEqual(tie.ranking, [[0, 1], [2]]);
  assert.deepEqual(tie.scores, [0, 0, 2]);
});

test('Slater ignores margin sizes where Kemeny does not', () => {
  // 0 beats 1 by 1, 1 beats 2 by 1, 2 beats 0 by 3: Kemeny reverses a margin of 1 (winners 1 and 2),
  // Slater only counts edges and is indifferent between the three rotations.
  const g = {
    m: 3,
    rankings: [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ],
    counts: [1, 2, 2],
  };
  assert.deepEqual(run(slater, g).winners, [0, 1, 2]);
  assert.deepEqual(run(kemenyYoung, g).winners, [1, 2]);
});

test('brute force over all m! rankings (m ≤ 6)', () => {
  fc.assert(
    fc.property(profileArb({ minM: 1, maxM: 6, maxBallots: 8 }), (g) => {
      const s = summary(g);
      const want = bruteOrdering(slaterCost(s.margin(), g.m, all(g.m)), g.m);
      const r = slater.run(s);
      assert.deepEqual(r.winners, want.firsts);
      assert.deepEqual(r.scores, want.firstCost);
      assert.deepEqual(r.ranking, want.ranking);
    }),
    { numRuns: 300, seed: 31 },
  );
});

test('claimed axioms: anonymity, neutrality, Pareto, Condorcet winner and loser, Smith, unanimity', () => {
  checkAxioms(slater, profileArb({ minM: 1, maxM: 7, maxBallots: 9 }), 200);
});

test(`more than ${SLATER_LIMIT} candidates in one Smith component is a UserError stating the limit`, () => {
  const m = 27;
  const rankings = all(m).map((r) => all(m).map((i) => (i + r) % m));
  assert.throws(
    () => slater.run(new Summary(profileFromRankings(m, rankings))),
    (e: unknown) =>
      e instanceof UserError &&
      /slater is exact and NP-hard/.test(e.message) &&
      /at most 25 candidates/.test(e.message),
  );
});
