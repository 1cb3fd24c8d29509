/**
 * Hand-worked cases and published examples for the set-valued (tournament) rules.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { copeland } from '../../../src/sigma/ordinal/pairwise/copeland.js';
import { banks } from '../../../src/sigma/ordinal/tournament/banks.js';
import { condorcet } from '../../../src/sigma/ordinal/tournament/condorcet.js';
import { pareto } from '../../../src/sigma/ordinal/tournament/pareto.js';
import { schwartz } from '../../../src/sigma/ordinal/tournament/schwartz.js';
import { smith } from '../../../src/sigma/ordinal/tournament/smith.js';
import {
  uncoveredSetFishburn,
  uncoveredSetGillies,
} from '../../../src/sigma/ordinal/tournament/uncovered-set.js';
import { weakCondorcet } from '../../../src/sigma/ordinal/tournament/weak-condorcet.js';
import { profileFromOrders, profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { profileFromMargins, run } from '../pairwise/helpers.js';

const all = [
  condorcet,
  weakCondorcet,
  smith,
  schwartz,
  uncoveredSetGillies,
  uncoveredSetFishburn,
  banks,
  pareto,
];

test('the Condorcet cycle: every rule returns every candidate', () => {
  const cycle = profileFromRankings(3, [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ]);
  for (const rule of all) assert.deepEqual(run(rule, cycle).winners, [0, 1, 2], rule.name);
});

test("pref_voting's `condorcet` examples: the cycle gives everyone, 3×012, 210, 102 gives 0", () => {
  // Profile([[0, 1, 2], [2, 1, 0], [1, 0, 2]], [3, 1, 1]): 0 beats 1 (3–2) and 2 (4–1).
  const p = profileFromRankings(
    3,
    [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
    ],
    [3, 1, 1],
  );
  for (const rule of [
    condorcet,
    weakCondorcet,
    smith,
    schwartz,
    uncoveredSetGillies,
    uncoveredSetFishburn,
    banks,
  ])
    assert.deepEqual(run(rule, p).winners, [0], rule.name);
  // Nobody is Pareto-dominated: 2 is first on one ballot, 1 on another.
  assert.deepEqual(run(pareto, p).winners, [0, 1, 2]);
});

test('weak Condorcet: tied weak Condorcet winners both win; with none, everyone does', () => {
  const p = profileFromRankings(3, [
    [0, 1, 2],
    [1, 0, 2],
  ]);
  assert.deepEqual(run(weakCondorcet, p).winners, [0, 1]);
  assert.deepEqual(run(condorcet, p).winners, [0, 1, 2]);
});

test('Smith ≠ Schwartz when a majority tie links the cycle (0 ~ 1, 0 ≻ 2, 2 ≻ 1)', () => {
  // 2 voters 0≻2≻1, 1 voter 1≻0≻2, 1 voter 2≻1≻0: 0–1 tie 2–2, 0 beats 2 3–1, 2 beats 1 3–1. In
  // "beats or ties" 0 → 2 → 1 → 0 is a cycle, so the Smith set (GETCHA) is everyone; under strict
  // majority nobody beats 0 and 0 reaches 2 and 1 without their reaching it back, so the Schwartz set
  // (GOCHA) is {0} (cf. Schwartz 1986; pref_voting's top_cycle vs gocha).
  const p = profileFromRankings(
    3,
    [
      [0, 2, 1],
      [1, 0, 2],
      [2, 1, 0],
    ],
    [2, 1, 1],
  );
  assert.deepEqual(Array.from(new Summary(p).margin()), [0, 0, 2, 0, 0, -2, -2, 2, 0]);
  assert.deepEqual(run(smith, p).winners, [0, 1, 2]);
  assert.deepEqual(run(schwartz, p).winners, [0]);
  assert.deepEqual(run(weakCondorcet, p).winners, [0]);
  // Chains use strict wins only: {0, 2} and {2, 1} are maximal (the tie keeps 0 and 1 apart).
  assert.deepEqual(run(banks, p).winners, [0, 2]);
});

test('uncovered set: Gillies ≠ Fishburn when there are majority ties (0 ~ 1, 2 ≻ 0, 1 ≻ 2)', () => {
  // dom(0) = {2}, dom(1) = {}, dom(2) = {1}. Gillies: 1 beats 2 with dom(1) ⊆ dom(2), so 2 is
  // covered; 0 is beaten only by 2 and dom(2) ⊄ dom(0): {0, 1}. Fishburn: dom(1) ⊊ dom(0) and
  // dom(1) ⊊ dom(2), so 1 covers both without beating 0: {1} (pref_voting's uc_gill vs uc_fish).
  const p = profileFromMargins(3, [
    [2, 0, 2],
    [1, 2, 2],
  ]);
  assert.deepEqual(run(uncoveredSetGillies, p).winners, [0, 1]);
  assert.deepEqual(run(uncoveredSetFishburn, p).winners, [1]);
  assert.deepEqual(run(smith, p).winners, [0, 1, 2]);
  assert.deepEqual(run(schwartz, p).winners, [1]);
});

test("pref_voting's uncovered-set example profile: Gillies {0, 1}, Fishburn {1}", () => {
  // Profile([[2, 3, 0, 1], [0, 2, 1, 3], [3, 0, 1, 2], [1, 2, 0, 3], [1, 2, 3, 0]], [1, 1, 1, 2, 1]),
  // the example of pref_voting's uc_gill / uc_fish docs. Tallied by hand: 0 ~ 1 (3–3), 2 ≻ 0 (4–2),
  // 0 ~ 3 (3–3), 1 ≻ 2 (4–2), 1 ≻ 3 (4–2), 2 ≻ 3 (5–1). dom(0) = {2}, dom(1) = {}, dom(2) = {1},
  // dom(3) = {1, 2}: Gillies covers 2 and 3 (by 1), not 0; Fishburn's 1 also covers 0.
  const p = profileFromRankings(
    4,
    [
      [2, 3, 0, 1],
      [0, 2, 1, 3],
      [3, 0, 1, 2],
      [1, 2, 0, 3],
      [1, 2, 3, 0],
    ],
    [1, 1, 1, 2, 1],
  );
  const s = new Summary(p);
  assert.deepEqual(Array.from(s.margin()), [0, 0, -2, 0, 0, 0, 2, 2, 2, -2, 0, 4, 0, -2, -4, 0]);
  assert.deepEqual(uncoveredSetGillies.run(s).winners, [0, 1]);
  assert.deepEqual(uncoveredSetFishburn.run(s).winners, [1]);
  assert.deepEqual(smith.run(s).winners, [0, 1, 2, 3]);
  assert.deepEqual(schwartz.run(s).winners, [1]);
  assert.deepEqual(weakCondorcet.run(s).winners, [1]);
  assert.deepEqual(condorcet.run(s).winners, [0, 1, 2, 3]);
  // Maximal chains: {1, 2, 3} (top 1) and {2, 0} (top 2); ties keep 0 out of the first.
  assert.deepEqual(banks.run(s).winners, [1, 2]);
});

// A 7-candidate tournament where the Banks set is strictly inside the uncovered set. Found by a
// search over random 7-candidate tournaments (none of 200,000 random tournaments on 5 or 6
// candidates had one) and checked against the brute-force definition in structure.test.ts; realized
// by McGarvey's construction (margins 1 or 3 with the odd first voter). The wins:
const BANKS_EDGES: [number, number][] = [
  [0, 2],
  [0, 3],
  [0, 4],
  [0, 5],
  [0, 6],
  [1, 0],
  [1, 6],
  [2, 1],
  [2, 3],
  [2, 4],
  [2, 6],
  [3, 1],
  [3, 4],
  [3, 5],
  [4, 1],
  [4, 5],
  [4, 6],
  [5, 1],
  [5, 2],
  [6, 3],
  [6, 5],
];

test('Banks is strictly inside the uncovered set (7 candidates): 4 is uncovered but tops no maximal chain', () => {
  // With m = 7 the odd first voter of McGarvey's construction adds 1 (or −1) to every margin.
  const margins = BANKS_EDGES.map(([a, b]) => [a, b, a < b ? 3 : 1] as [number, number, number]);
  const p = profileFromMargins(7, margins);
  const s = new Summary(p);
  for (const [a, b] of BANKS_EDGES) assert.ok(s.margin()[a * 7 + b] > 0, `${a}>${b}`);
  assert.deepEqual(uncoveredSetGillies.run(s).winners, [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(uncoveredSetFishburn.run(s).winners, [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(banks.run(s).winners, [0, 1, 2, 3, 5]);
  assert.deepEqual(smith.run(s).winners, [0, 1, 2, 3, 4, 5, 6]);
  // Copeland picks inside the uncovered set, as it must on a tournament.
  assert.deepEqual(copeland.run(s).winners, [0]);
});

test('Pareto: strong dominance by default, unanimous strict dominance with strong=false', () => {
  // Everyone ranks 0 at least as high as 1 and one voter strictly: 1 is dominated only strongly.
  const p = profileFromRankings(3, [
    [0, 1, 2],
    [[0, 1], 2],
    [2, [0, 1]],
  ]);
  const s = new Summary(p);
  assert.deepEqual(pareto.run(s).winners, [0, 2]);
  assert.deepEqual(pareto.run(s, undefined, { strong: false }).winners, [0, 1, 2]);
  // 2 voters 0≻1≻2, 1 voter 2≻0≻1: everyone prefers 0 to 1 strictly.
  const q = profileFromRankings(
    3,
    [
      [0, 1, 2],
      [2, 0, 1],
    ],
    [2, 1],
  );
  assert.deepEqual(pareto.run(new Summary(q)).winners, [0, 2]);
  assert.deepEqual(pareto.run(new Summary(q), undefined, { strong: false }).winners, [0, 2]);
  // The Smith set can hold a Pareto-dominated candidate: the cycle 0 ≻ 1 ≻ 2 ≻ 0 with 3 just
  // below 0 on every ballot.
  const r = profileFromRankings(4, [
    [0, 3, 1, 2],
    [1, 2, 0, 3],
    [2, 0, 3, 1],
  ]);
  assert.deepEqual(run(smith, r).winners, [0, 1, 2, 3]);
  assert.deepEqual(run(pareto, r).winners, [0, 1, 2]);
  assert.deepEqual(run(uncoveredSetGillies, r).winners, [0, 1, 2]);
  assert.deepEqual(run(banks, r).winners, [0, 1, 2]);
});

test('banks refuses more than 20 candidates, with the limit in the message', () => {
  const m = 21;
  const orders = new Int32Array(3 * m);
  for (let v = 0; v < 3; v++) for (let i = 0; i < m; i++) orders[v * m + i] = (v * 7 + i) % m;
  const s = new Summary(profileFromOrders(m, orders));
  assert.throws(
    () => banks.run(s),
    (e: unknown) =>
      e instanceof UserError &&
      /banks is exact and refuses more than 20 candidates \(got 21\)/.test(e.message),
  );
  assert.equal(banks.maxCandidates, 20);
  assert.ok(banks.run(s, [0, 1, 2, 3]).winners.length > 0);
});

test('candidate subsets restrict every rule', () => {
  const s = new Summary(
    profileFromRankings(4, [
      [3, 0, 1, 2],
      [3, 1, 2, 0],
      [2, 0, 1, 3],
    ]),
  );
  // 3 is the Condorcet winner; among 0, 1, 2 there is the cycle 0 ≻ 1 ≻ 2 ≻ 0.
  assert.deepEqual(condorcet.run(s).winners, [3]);
  assert.deepEqual(condorcet.run(s, [2, 0, 1]).winners, [0, 1, 2]);
  assert.deepEqual(smith.run(s, [2, 0, 1]).winners, [0, 1, 2]);
  assert.deepEqual(banks.run(s, [0, 1]).winners, [0]);
  assert.deepEqual(pareto.run(s, [1, 2]).winners, [1, 2]);
  assert.throws(() => smith.run(s, [0, 4]), /cands: candidate 4 is not one of 0..3/);
});
