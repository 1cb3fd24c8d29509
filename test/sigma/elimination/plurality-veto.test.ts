/**
 * Plurality veto: hand-worked counts, its dependence on the order of the voters (stated in its
 * entry), the inputs it refuses, and the axioms it claims (neutrality, Pareto) on linear orders.
 * Agreement with pref_voting on 320 random profiles is in test/sigma/pref-voting/breadth.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { pluralityVeto } from '../../../src/sigma/ordinal/elimination/plurality-veto.js';
import { compact, Summary } from '../../../src/sigma/profile.js';
import fc from 'fast-check';
import {
  type Ballots,
  ballotsArb,
  checkAxioms,
  mapResult,
  profileOf,
  relabel,
  sameResult,
} from '../positional/axioms.js';
import { S } from '../positional/examples.js';

test('plurality veto: the docstring example, voter by voter', () => {
  // Scores 2, 1, 1. Voter 0 (0≻1≻2) vetoes 2: out. Voter 1 (1≻2≻0) vetoes 0: 1 left. Voter 2
  // (2≻1≻0) vetoes 0: out. Only 1 is left.
  const s = S(3, [
    [0, 1, 2],
    [1, 2, 0],
    [2, 1, 0],
    [0, 1, 2],
  ]);
  assert.deepEqual(pluralityVeto.run(s).winners, [1]);
  // A candidate nobody ranks first is out at once, even a Condorcet winner (1 here).
  assert.deepEqual(
    pluralityVeto.run(
      S(3, [
        [0, 1, 2],
        [2, 1, 0],
        [0, 1, 2],
      ]),
    ).winners,
    [0],
  );
});

test('plurality veto depends on the order of the voters, and says so', () => {
  const rankings = [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ];
  // A Condorcet cycle, one voter each: each order of the voters picks its own winner.
  const winners = new Set<number>();
  for (const order of [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ])
    winners.add(pluralityVeto.run(S(3, rankings), undefined, { voter_order: order }).winners[0]);
  assert.equal(winners.size, 3);
  // A ballot of count 2 is two voters in a row, at its place: counts and repeated ballots agree.
  const twice = S(3, [
    [0, 1, 2],
    [2, 1, 0],
    [1, 0, 2],
    [1, 0, 2],
  ]);
  const counted = S(
    3,
    [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
    ],
    [1, 1, 2],
  );
  assert.deepEqual(pluralityVeto.run(twice).winners, pluralityVeto.run(counted).winners);
  // Merging identical ballots moves voters, and can change the winner (as anonymizing does in
  // pref_voting). Scores 2, 0, 2 (1 is out); 0≻2≻1 vetoes 2, 2≻1≻0 vetoes 0, then 0≻1≻2 vetoes 2
  // (out): 0 wins. Merged, the second 2≻1≻0 vetoes next and 0 is out: 2 wins.
  const spread = S(3, [
    [0, 2, 1],
    [2, 1, 0],
    [0, 1, 2],
    [2, 1, 0],
  ]);
  const merged = new Summary(compact(spread.profile));
  assert.deepEqual(pluralityVeto.run(spread).winners, [0]);
  assert.deepEqual(pluralityVeto.run(merged).winners, [2]);
  assert.ok(!pluralityVeto.axioms.includes('anonymity'));
  assert.match(pluralityVeto.ties, /order of the voters/);
});

test('plurality veto refuses ties, fractional weights and a bad voter order', () => {
  assert.throws(() => pluralityVeto.run(S(3, [[0, [1, 2]]])), /linear orders/);
  assert.throws(() => pluralityVeto.run(S(2, [[0, 1]], [1.5])), /whole numbers/);
  assert.throws(
    () => pluralityVeto.run(S(2, [[0, 1]], [2]), undefined, { voter_order: [0, 0] }),
    (e) => e instanceof UserError && /permutation of the voters 0\.\.1/.test(e.message),
  );
});

test('plurality veto: Pareto on linear orders; neutral while the voters keep their order', () => {
  checkAxioms(pluralityVeto, { shape: { linear: true }, wholeCounts: true, numRuns: 200 });
  fc.assert(
    fc.property(
      ballotsArb({ linear: true }).chain((b) =>
        fc.tuple(
          fc.constant(b),
          fc.shuffledSubarray(
            Array.from({ length: b.m }, (_, i) => i),
            { minLength: b.m, maxLength: b.m },
          ),
        ),
      ),
      ([b, perm]) => {
        const run = (x: Ballots) => pluralityVeto.run(new Summary(profileOf(x)));
        sameResult(run(relabel(b, perm)), mapResult(run(b), perm), 'plurality-veto neutrality');
      },
    ),
    { numRuns: 200 },
  );
});
