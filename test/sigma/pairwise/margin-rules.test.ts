/**
 * The margin rules and combinations added for pref_voting's breadth, on the hand-worked cases in
 * their files' comments. Their claimed axioms run in axioms.test.ts (list-driven); facts recorded
 * from pref_voting are in ../pref-voting.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Profile, profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import { profileFromMargins } from './helpers.js';

const W = (name: string, p: Profile, cands?: number[]) => {
  const rule = getRule(name);
  assert.ok(rule.input !== 'utilities');
  return rule.run(new Summary(p), cands).winners;
};

/** The cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5, and a fourth candidate beaten by all three by 1. */
const CYCLE = profileFromMargins(3, [
  [0, 1, 1],
  [1, 2, 3],
  [2, 0, 5],
]);
const CYCLE4 = profileFromMargins(4, [
  [0, 1, 1],
  [1, 2, 3],
  [2, 0, 5],
  [0, 3, 1],
  [1, 3, 1],
  [2, 3, 1],
]);
/** 2 × 0≻1≻2, 2 × 1≻2≻0, 1 × 2≻0≻1 (and a candidate 3 last on every ballot). */
const FIVE = profileFromRankings(
  3,
  [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ],
  [2, 2, 1],
);
const FIVE4 = profileFromRankings(
  4,
  [
    [0, 1, 2, 3],
    [1, 2, 0, 3],
    [2, 0, 1, 3],
  ],
  [2, 2, 1],
);

test('the cycle: Simplified Dodgson, loss-trimmer, Simple Stable Voting and Smith–Minimax elect 1', () => {
  for (const name of ['simplified-dodgson', 'loss-trimmer', 'simple-stable-voting', 'minimax-support'])
    assert.deepEqual(W(name, CYCLE), [1], name);
  assert.deepEqual(W('smith-minimax', CYCLE4), [1]);
});

test('leximax breaks ties in the worst defeat by the next one', () => {
  const p = profileFromMargins(4, [
    [0, 1, 2],
    [1, 2, 2],
    [2, 0, 2],
    [0, 3, 2],
    [1, 3, 2],
    [3, 2, 2],
  ]);
  assert.deepEqual(W('minimax', p), [0, 1, 2, 3]);
  assert.deepEqual(W('leximax', p), [0, 1]);
});

test('most wins, smallest loss', () => {
  const p = profileFromMargins(4, [
    [0, 1, 4],
    [1, 2, 2],
    [2, 0, 2],
    [0, 3, 2],
    [1, 3, 2],
    [2, 3, 2],
  ]);
  assert.deepEqual(W('mwsl', p), [0, 2]);
});

test('minimax (support) and minimax (margins) differ on weak orders', () => {
  // pref_voting's minimax_support gives [1], its minimax [1, 3]: 1's worst defeat is by 3 (margin
  // 1, support 3), 3's by 0 (margin 1, support 5).
  const p = profileFromRankings(
    4,
    [
      [3, 1, [2, 0]],
      [2, [1, 3], 0],
      [0, [3, 1], 2],
      [1, 0, [2, 3]],
    ],
    [3, 1, 3, 2],
  );
  assert.deepEqual(W('minimax', p), [1, 3]);
  assert.deepEqual(W('minimax-support', p), [1]);
});

test('Condorcet plurality, the Copeland combinations, the faceoff and superior voting on a cycle', () => {
  assert.deepEqual(W('condorcet-plurality', FIVE), [0, 1]);
  assert.deepEqual(W('copeland-global-borda', FIVE), [1]);
  assert.deepEqual(W('copeland-global-minimax', FIVE), [0, 1]);
  assert.deepEqual(W('copeland-local-borda', FIVE4), [1]);
  assert.deepEqual(W('copeland-local-minimax', FIVE4), [0, 1]);
  assert.deepEqual(W('borda-minimax-faceoff', FIVE), [0, 1]);
  assert.deepEqual(W('superior-voting', FIVE), [0]);
});

test('local and global Copeland tie-breakers differ when the other candidates count', () => {
  // 2 × 1≻3≻0≻2, 1 × 0≻3≻1≻2, 1 × 3≻2≻1≻0: 1 and 3 tie and each beat 0 and 2, so both are Copeland
  // winners. Between the two alone Borda is 2–2; over all four it is 8 to 9.
  const p = profileFromRankings(
    4,
    [
      [1, 3, 0, 2],
      [0, 3, 1, 2],
      [3, 2, 1, 0],
    ],
    [2, 1, 1],
  );
  assert.deepEqual(W('copeland', p), [1, 3]);
  assert.deepEqual(W('copeland-local-borda', p), [1, 3]);
  assert.deepEqual(W('copeland-global-borda', p), [3]);
});

test('the Condorcet winner wins every Condorcet-consistent combination', () => {
  const p = profileFromRankings(
    3,
    [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
    ],
    [4, 3, 2],
  );
  for (const name of [
    'condorcet-plurality',
    'smith-minimax',
    'copeland-local-borda',
    'copeland-global-borda',
    'copeland-global-minimax',
    'borda-minimax-faceoff',
    'simplified-dodgson',
    'loss-trimmer',
    'simple-stable-voting',
    'superior-voting',
    'leximax',
    'mwsl',
  ])
    assert.deepEqual(W(name, p), [1], name);
  // Plurality alone elects 0 there.
  assert.deepEqual(W('plurality', p), [0]);
});

test('simple stable voting refuses more than 20 candidates', () => {
  const m = 21;
  const p = profileFromRankings(m, [Array.from({ length: m }, (_, i) => i)]);
  assert.throws(() => W('simple-stable-voting', p), /refuses more than 20 candidates/);
  assert.deepEqual(W('loss-trimmer', p, [4, 9]), [4]);
});

test("ranked pairs and river with a fixed tie-breaker: pref_voting's docstring profile", () => {
  // 1, 2 and 3 each beat 0 by 2 and tie with one another.
  const p = profileFromRankings(4, [
    [2, 3, 1, 0],
    [0, 3, 1, 2],
    [1, 3, 2, 0],
    [2, 1, 3, 0],
  ]);
  const s = new Summary(p);
  const run = (name: string, opts?: Record<string, readonly number[]>) => {
    const rule = getRule(name);
    assert.ok(rule.input !== 'utilities');
    return rule.run(s, undefined, opts).winners;
  };
  assert.deepEqual(run('ranked-pairs'), [1, 2, 3]);
  for (const base of ['ranked-pairs', 'river']) {
    assert.deepEqual(run(`${base}-tb`), [1], base);
    assert.deepEqual(run(`${base}-tb`, { tie_breaker: [3, 2, 1, 0] }), [3], base);
    assert.deepEqual(run(`${base}-zt`), [2], base);
  }
  // The -zt versions depend on which ballot comes first.
  const q = profileFromRankings(4, [
    [1, 3, 2, 0],
    [0, 3, 1, 2],
    [2, 3, 1, 0],
    [2, 1, 3, 0],
  ]);
  const r = getRule('ranked-pairs-zt');
  assert.ok(r.input !== 'utilities');
  assert.deepEqual(r.run(new Summary(q)).winners, [1]);
  assert.throws(() => run('ranked-pairs-tb', { tie_breaker: [0, 0] }), /appears twice/);
});

test('preliminary weighted Condorcet weighs margins by plurality scores', () => {
  // Weighted margins 0≻1 4, 1≻2 6, 2≻0 2: the best order 0≻1≻2 scores 8.
  assert.deepEqual(W('preliminary-weighted-condorcet', FIVE), [0]);
  // Kemeny–Young, unweighted, puts 1≻2≻0 first (margins 3 + 1 − 1 = 3 against 1 + 3 − 1 = 3: a tie).
  assert.deepEqual(W('kemeny', FIVE), [0, 1]);
  const m = 17;
  const p = profileFromRankings(m, [Array.from({ length: m }, (_, i) => i)]);
  assert.throws(() => W('preliminary-weighted-condorcet', p), /refuses more than 16 candidates/);
});
