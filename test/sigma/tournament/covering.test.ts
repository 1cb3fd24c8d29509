/**
 * The covering sets added for pref_voting's breadth (Bordes, McKelvey, weighted, β) and the
 * essential and bipartisan sets, on the hand-worked cases in their files' comments. Their claimed
 * axioms run in axioms.test.ts (list-driven).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Profile, profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { Options } from '../../../src/sigma/types.js';
import { build, profileArb, profileFromMargins } from '../pairwise/helpers.js';

const W = (name: string, p: Profile, opts?: Options) => {
  const rule = getRule(name);
  assert.ok(rule.input !== 'utilities');
  return rule.run(new Summary(p), undefined, opts).winners;
};

test('Bordes and McKelvey: covering with majority ties', () => {
  // 0 ties 1, 2 beats 0, 1 beats 2.
  const p = profileFromMargins(3, [
    [2, 0, 2],
    [1, 2, 2],
  ]);
  assert.deepEqual(W('uncovered-set-gillies', p), [0, 1]);
  assert.deepEqual(W('uncovered-set-fishburn', p), [1]);
  assert.deepEqual(W('uncovered-set-bordes', p), [1, 2]);
  assert.deepEqual(W('uncovered-set-mckelvey', p), [0, 1, 2]);
});

test('on tournaments the four uncovered sets agree', () => {
  fc.assert(
    fc.property(profileArb({ maxM: 6, linear: true, oddVoters: true }), (g) => {
      const p = build(g);
      const gill = W('uncovered-set-gillies', p);
      for (const name of ['uncovered-set-fishburn', 'uncovered-set-bordes', 'uncovered-set-mckelvey'])
        assert.deepEqual(W(name, p), gill, name);
    }),
    { numRuns: 100 },
  );
});

test('weighted covering keeps a candidate with a larger margin elsewhere', () => {
  const p = profileFromRankings(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
    ],
    [3, 2],
  );
  assert.deepEqual(W('uncovered-set-gillies', p), [0]);
  assert.deepEqual(W('weighted-covering', p), [0, 1]);
  // The β-uncovered set at ½: 0 is above 1 and 2 for 3 of 5 voters and nobody is above 0 for half.
  assert.deepEqual(W('beta-uncovered-set', p), [0]);
  // At β = 0.7 nobody is above anyone for 70% except 1 over 2 (5 of 5): only 2 is covered.
  assert.deepEqual(W('beta-uncovered-set', p, { beta: 0.7 }), [0, 1]);
  assert.throws(() => W('beta-uncovered-set', p, { beta: 0 }), /options\.beta|\(0, 1\]/);
});

test('the essential and bipartisan sets are the supports of the maximal lotteries', () => {
  const cycle4 = profileFromMargins(4, [
    [0, 1, 1],
    [1, 2, 3],
    [2, 0, 5],
    [0, 3, 1],
    [1, 3, 1],
    [2, 3, 1],
  ]);
  assert.deepEqual(W('essential-set', cycle4), [0, 1, 2]);
  assert.deepEqual(W('bipartisan-set', cycle4), [0, 1, 2]);
  // Not unique: 0 is a weak Condorcet winner tied with 3, and ½·0 + ½·3 is maximal too. sulab's set
  // is [0, 3]; pref_voting's solver returns the lottery on 0 alone, so its essential set is [0].
  const p = profileFromRankings(
    5,
    [
      [0, 1, 2, 3, 4],
      [3, 0, 1, 2, 4],
    ],
    [3, 3],
  );
  assert.deepEqual(W('essential-set', p), [0, 3]);
});

test('solving on the Smith set gives the supports of the maximal lotteries over all candidates', () => {
  fc.assert(
    fc.property(profileArb({ maxM: 5 }), (g) => {
      const p = build(g);
      const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
      assert.deepEqual(W('essential-set', p), sorted(W('maximal-lottery', p)));
      assert.deepEqual(W('bipartisan-set', p), sorted(W('c1-maximal-lottery', p)));
    }),
    { numRuns: 60 },
  );
});
