/**
 * Hand-worked cases and published examples for the pairwise rules.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copeland } from '../../../src/sigma/ordinal/pairwise/copeland.js';
import { llull } from '../../../src/sigma/ordinal/pairwise/llull.js';
import { minimax } from '../../../src/sigma/ordinal/pairwise/minimax.js';
import { rankedPairs } from '../../../src/sigma/ordinal/pairwise/ranked-pairs.js';
import { river } from '../../../src/sigma/ordinal/pairwise/river.js';
import { schulze, widestPaths } from '../../../src/sigma/ordinal/pairwise/schulze.js';
import { splitCycle } from '../../../src/sigma/ordinal/pairwise/split-cycle.js';
import { stableVoting } from '../../../src/sigma/ordinal/pairwise/stable-voting.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { marginEdges, profileFromMargins, run } from './helpers.js';

// Wikipedia, "Schulze method", worked example: 45 voters, candidates A–E (0–4).
const [A, B, C, D, E] = [0, 1, 2, 3, 4];
const schulzeWiki = profileFromRankings(
  5,
  [
    [A, C, B, E, D],
    [A, D, E, C, B],
    [B, E, D, A, C],
    [C, A, B, E, D],
    [C, A, E, B, D],
    [C, B, A, D, E],
    [D, C, E, B, A],
    [E, B, A, D, C],
  ],
  [5, 5, 8, 3, 7, 2, 7, 8],
);

test('Schulze: Wikipedia 45-voter example, support matrix, strongest paths, winner E and E > A > C > B > D', () => {
  const s = new Summary(schulzeWiki);
  // d[X,Y] as printed in the article.
  assert.deepEqual(
    Array.from(s.support()),
    [0, 20, 26, 30, 22, 25, 0, 16, 33, 18, 19, 29, 0, 17, 24, 15, 12, 28, 0, 14, 23, 27, 21, 31, 0],
  );
  // The article's strongest paths p[X,Y] in winning votes; with complete ballots the margin of each
  // link is 2·votes − 45, and path strengths transform the same way.
  const wiki = [
    [0, 28, 28, 30, 24],
    [25, 0, 28, 33, 24],
    [25, 29, 0, 29, 24],
    [25, 28, 28, 0, 24],
    [25, 28, 28, 31, 0],
  ];
  const p = new Float64Array(25);
  widestPaths(s.margin(), 5, p);
  for (let x = 0; x < 5; x++)
    for (let y = 0; y < 5; y++) if (x !== y) assert.equal(p[x * 5 + y], 2 * wiki[x][y] - 45, `p[${x},${y}]`);
  const r = schulze.run(s);
  assert.deepEqual(r.winners, [E]);
  assert.deepEqual(r.ranking, [[E], [A], [C], [B], [D]]);
});

test('Schulze example: the other rules on the same profile (hand-checked)', () => {
  const s = new Summary(schulzeWiki);
  // Margins from the support matrix: B≻D 21, E≻D 17, A≻D 15, C≻B 13, D≻C 11, E≻B 9, A≻C 7, B≻A 5,
  // C≻E 3, E≻A 1. Copeland: E 3−1, A, B, C 2−2, D 1−3.
  assert.deepEqual(copeland.run(s).ranking, [[E], [A, B, C], [D]]);
  // Worst defeats: A 5 (by B), B 13 (by C), C 11 (by D), D 21 (by B), E 3 (by C).
  assert.deepEqual(minimax.run(s).scores, [-5, -13, -11, -21, -3]);
  assert.deepEqual(minimax.run(s).winners, [E]);
  // Ranked pairs locks B≻D, E≻D, A≻D, C≻B, skips D≻C, locks E≻B, A≻C, skips B≻A, locks C≻E,
  // skips E≻A: A > C > E > B > D.
  assert.deepEqual(rankedPairs.run(s).ranking, [[A], [C], [E], [B], [D]]);
  // Split Cycle: E≻A (1) and C≻E (3) are weakest in cycles; A and E are undefeated.
  assert.deepEqual(splitCycle.run(s).winners, [A, E]);
});

// Wikipedia's Tennessee capital example: Memphis 42%, Nashville 26%, Chattanooga 15%, Knoxville 17%.
const [Mem, Nash, Chat, Knox] = [0, 1, 2, 3];
const tennessee = profileFromRankings(
  4,
  [
    [Mem, Nash, Chat, Knox],
    [Nash, Chat, Knox, Mem],
    [Chat, Knox, Nash, Mem],
    [Knox, Chat, Nash, Mem],
  ],
  [42, 26, 15, 17],
);

test('Tennessee: Nashville is the Condorcet winner and wins Copeland, minimax, Schulze, ranked pairs, …', () => {
  const s = new Summary(tennessee);
  for (const rule of [copeland, llull, minimax, schulze, rankedPairs, river, splitCycle, stableVoting])
    assert.deepEqual(rule.run(s).winners, [Nash], rule.name);
  // Copeland: Nashville 3−0, Chattanooga 2−1, Knoxville 1−2, Memphis 0−3.
  assert.deepEqual(copeland.run(s).scores, [-3, 3, 1, -1]);
  assert.deepEqual(copeland.run(s).ranking, [[Nash], [Chat], [Knox], [Mem]]);
  assert.deepEqual(llull.run(s).scores, [0, 3, 2, 1]);
  // Ranked pairs (the article's lock order) and Schulze: Nashville > Chattanooga > Knoxville > Memphis.
  assert.deepEqual(rankedPairs.run(s).ranking, [[Nash], [Chat], [Knox], [Mem]]);
  assert.deepEqual(schulze.run(s).ranking, [[Nash], [Chat], [Knox], [Mem]]);
  // Minimax scores: worst defeats 16 (Memphis, by 58−42), 0, 36 (by Nashville), 66 (by Chattanooga).
  assert.deepEqual(minimax.run(s).scores, [-16, 0, -36, -66]);
  assert.deepEqual(minimax.run(s).ranking, [[Nash], [Mem], [Chat], [Knox]]);
});

test('the Condorcet cycle: every rule is indifferent', () => {
  const cycle = profileFromRankings(3, [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ]);
  for (const rule of [copeland, llull, minimax, schulze, rankedPairs, river, splitCycle, stableVoting])
    assert.deepEqual(run(rule, cycle).winners, [0, 1, 2], rule.name);
  assert.deepEqual(run(copeland, cycle).ranking, [[0, 1, 2]]);
  assert.deepEqual(run(schulze, cycle).ranking, [[0, 1, 2]]);
  // Three equal margins: each tie-breaking locks two of the three wins, so no single order.
  assert.equal(run(rankedPairs, cycle).ranking, undefined);
});

test('a cycle with distinct margins (0≻1 by 1, 1≻2 by 3, 2≻0 by 5): every margin rule elects 1', () => {
  const p = profileFromMargins(3, [
    [0, 1, 1],
    [1, 2, 3],
    [2, 0, 5],
  ]);
  assert.deepEqual(marginEdges(new Summary(p)), [
    [0, 1, 1],
    [1, 2, 3],
    [2, 0, 5],
  ]);
  for (const rule of [minimax, schulze, rankedPairs, river, splitCycle, stableVoting])
    assert.deepEqual(run(rule, p).winners, [1], rule.name);
  assert.deepEqual(run(schulze, p).ranking, [[1], [2], [0]]);
  assert.deepEqual(run(rankedPairs, p).ranking, [[1], [2], [0]]);
  assert.deepEqual(run(minimax, p).ranking, [[1], [2], [0]]);
  assert.deepEqual(run(copeland, p).winners, [0, 1, 2]);
});

// pref_voting's documentation example for beat_path, split_cycle and ranked_pairs:
// MarginGraph([0, 1, 2, 3], [(0, 2, 3), (1, 0, 5), (2, 1, 5), (2, 3, 1), (3, 0, 3), (3, 1, 1)]).
// Worked by hand: strongest paths p(0,·) = –,3,3,1; p(1,·) = 5,–,3,1; p(2,·) = 5,5,–,1;
// p(3,·) = 3,3,3,–. Beat Path: 3 beats everyone. Split Cycle defeats: 1≻0, 2≻1, 3≻0 (the others
// are weakest in a cycle), so {2, 3}. Ranked pairs locks 1≻0 and 2≻1, skips 0≻2, locks 3≻0, 2≻3,
// 3≻1: 2 > 3 > 1 > 0. River locks 1≻0, 2≻1, 2≻3: root 2. Stable Voting: 2 without 3 and 3 without 1
// both win at margin 1 (2 without 1 loses to 3), so {2, 3}.
const bpRp = profileFromMargins(4, [
  [0, 2, 3],
  [1, 0, 5],
  [2, 1, 5],
  [2, 3, 1],
  [3, 0, 3],
  [3, 1, 1],
]);

test('pref_voting margin-graph example: Beat Path {3}, Ranked Pairs {2}, Split Cycle {2, 3}', () => {
  assert.deepEqual(run(schulze, bpRp).winners, [3]);
  assert.deepEqual(run(schulze, bpRp).ranking, [[3], [2], [1], [0]]);
  assert.deepEqual(run(rankedPairs, bpRp).winners, [2]);
  assert.deepEqual(run(rankedPairs, bpRp).ranking, [[2], [3], [1], [0]]);
  assert.deepEqual(run(river, bpRp).winners, [2]);
  assert.deepEqual(run(splitCycle, bpRp).winners, [2, 3]);
  assert.deepEqual(run(stableVoting, bpRp).winners, [2, 3]);
  assert.deepEqual(run(minimax, bpRp).winners, [3]);
  assert.deepEqual(run(copeland, bpRp).winners, [2, 3]);
});

test('pref_voting River example: Ranked Pairs {1}, River {2}', () => {
  // MarginGraph([0, 1, 2, 3], [(0, 2, 2), (0, 3, 8), (1, 0, 12), (2, 3, 12), (3, 1, 6)]); 1 and 2 tie.
  // Ranked pairs: 1≻0, 2≻3, 0≻3, skip 3≻1 (1≻0≻3), 0≻2: 1 > 0 > 2 > 3. River: 1≻0, 2≻3, skip 0≻3
  // (3 already has a defeat), 3≻1, skip 0≻2 (cycle): root 2.
  const p = profileFromMargins(4, [
    [0, 2, 2],
    [0, 3, 8],
    [1, 0, 12],
    [2, 3, 12],
    [3, 1, 6],
  ]);
  assert.deepEqual(run(rankedPairs, p).winners, [1]);
  assert.deepEqual(run(rankedPairs, p).ranking, [[1], [0], [2], [3]]);
  assert.deepEqual(run(river, p).winners, [2]);
});

test('pref_voting Stable Voting example: {2}, though Split Cycle leaves {2, 3}', () => {
  // MarginGraph([0, 1, 2, 3], [(0, 3, 8), (1, 0, 10), (2, 0, 4), (2, 1, 8), (3, 1, 8)]); 2 and 3 tie.
  // Split Cycle: 0≻3 and 3≻1 are weakest in the cycle 0→3→1→0, so 2 and 3 are undefeated. At margin
  // 8, 2 wins without 1 (in {0, 2, 3} only 2 is undefeated), 3 does not: Stable Voting elects 2.
  const p = profileFromMargins(4, [
    [0, 3, 8],
    [1, 0, 10],
    [2, 0, 4],
    [2, 1, 8],
    [3, 1, 8],
  ]);
  assert.deepEqual(run(splitCycle, p).winners, [2, 3]);
  assert.deepEqual(run(stableVoting, p).winners, [2]);
});

test('ties in margin: all tied means all win; ranked pairs then returns one tied group', () => {
  const p = profileFromRankings(3, [
    [0, 1, 2],
    [2, 1, 0],
  ]);
  for (const rule of [copeland, llull, minimax, schulze, rankedPairs, river, splitCycle, stableVoting])
    assert.deepEqual(run(rule, p).winners, [0, 1, 2], rule.name);
  assert.deepEqual(run(rankedPairs, p).ranking, [[0, 1, 2]]);
});

test('ranked pairs: a weak locked order with a majority tie is one ranking; a partial one is not', () => {
  // 0 and 1 tie and both beat 2: every order of the 0-margin edge gives 0 or 1 on top.
  const weak = profileFromMargins(3, [
    [0, 2, 2],
    [1, 2, 2],
  ]);
  assert.deepEqual(run(rankedPairs, weak).winners, [0, 1]);
  assert.deepEqual(run(rankedPairs, weak).ranking, [[0, 1], [2]]);
  assert.deepEqual(run(river, weak).winners, [0, 1]);
  // 0 beats 1; 2 ties both: 2 > 0 > 1, 0 > 2 > 1 and 0 > 1 > 2 are all possible: no weak order.
  const partial = profileFromMargins(3, [[0, 1, 2]]);
  assert.deepEqual(run(rankedPairs, partial).winners, [0, 2]);
  assert.equal(run(rankedPairs, partial).ranking, undefined);
});

test('ranked pairs: equal margins whose tie-breakings give different winners', () => {
  // 0≻1, 1≻2, 2≻0 all by 2, and 3 loses to everyone by 2: every order of the cycle's three equal
  // wins locks two of them, so each of 0, 1, 2 wins under some tie-breaking; 3 never does.
  const p = profileFromMargins(4, [
    [0, 1, 2],
    [1, 2, 2],
    [2, 0, 2],
    [0, 3, 2],
    [1, 3, 2],
    [2, 3, 2],
  ]);
  assert.deepEqual(run(rankedPairs, p).winners, [0, 1, 2]);
  assert.deepEqual(run(river, p).winners, [0, 1, 2]);
});

test('Llull counts ties as wins, Copeland as nothing', () => {
  // 0 ties 1, 0 beats 2, 2 beats 1.
  const p = profileFromMargins(3, [
    [0, 2, 2],
    [2, 1, 2],
  ]);
  assert.deepEqual(run(copeland, p).scores, [1, -1, 0]);
  assert.deepEqual(run(llull, p).scores, [2, 1, 1]);
  assert.deepEqual(run(llull, p).ranking, [[0], [1, 2]]);
});

test('candidate subsets: rules read only the candidates in play', () => {
  const s = new Summary(schulzeWiki);
  // Among A, B, C: B≻A by 5, A≻C by 7, C≻B by 13. Strongest paths: A→C→B 7 > B→A 5 and A→C 7 >
  // C→B→A 5, so A wins Schulze there.
  const r = schulze.run(s, [C, A, B]);
  assert.deepEqual(r.winners, [A]);
  assert.ok(Number.isNaN(r.scores?.[D] ?? 0));
  assert.deepEqual(copeland.run(s, [B, A]).winners, [B]);
  assert.deepEqual(rankedPairs.run(s, [A]).winners, [A]);
  assert.deepEqual(stableVoting.run(s, [A, C]).winners, [A]);
});
