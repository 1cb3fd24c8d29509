import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { baldwin, baldwinPut } from '../../../src/sigma/ordinal/elimination/baldwin.js';
import { benham } from '../../../src/sigma/ordinal/elimination/benham.js';
import { condorcetIrv } from '../../../src/sigma/ordinal/elimination/condorcet-irv.js';
import { coombs, coombsPut } from '../../../src/sigma/ordinal/elimination/coombs.js';
import { daunou } from '../../../src/sigma/ordinal/elimination/daunou.js';
import { eliminationRules } from '../../../src/sigma/ordinal/elimination/index.js';
import { irv, irvPut } from '../../../src/sigma/ordinal/elimination/instant-runoff.js';
import { nanson, weakNanson } from '../../../src/sigma/ordinal/elimination/nanson.js';
import { pluralityWithRunoff } from '../../../src/sigma/ordinal/elimination/plurality-with-runoff.js';
import { smithIrv } from '../../../src/sigma/ordinal/elimination/smith-irv.js';
import { plurality } from '../../../src/sigma/ordinal/positional/plurality.js';
import type { Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import { checkAxioms } from '../positional/axioms.js';
import { S, TENNESSEE } from '../positional/examples.js';

const W = (
  rule: { run: (s: Summary, c?: readonly number[]) => { winners: number[] } },
  s: Summary,
  c?: number[],
) => rule.run(s, c).winners;

test("instant runoff: pref_voting's docstring profiles", () => {
  const r = irv.run(
    S(
      3,
      [
        [2, 1, 0],
        [0, 2, 1],
        [1, 2, 0],
      ],
      [1, 2, 2],
    ),
  );
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(r.ranking, [[1], [0], [2]]);
  // All three tie with one first place each: removing all of them at once elects all (pref_voting's
  // instant_runoff); breaking the tie every possible way elects 1 or 2 (instant_runoff_put).
  const t = S(3, [
    [1, 2, 0],
    [2, 1, 0],
    [0, 1, 2],
  ]);
  assert.deepEqual(W(irv, t), [0, 1, 2]);
  assert.deepEqual(W(irvPut, t), [1, 2]);
});

test('instant runoff on the Tennessee example elects Knoxville (Wikipedia)', () => {
  // Chattanooga (15) goes first, its votes go to Knoxville (32); Nashville (26) goes next, its votes
  // reach Knoxville through Chattanooga: Knoxville 58 to Memphis 42.
  const r = irv.run(TENNESSEE());
  assert.deepEqual(r.winners, [3]);
  assert.deepEqual(r.ranking, [[3], [0], [1], [2]]);
});

test("instant runoff's monotonicity failure", () => {
  // 39 a≻b≻c, 35 b≻c≻a, 26 c≻a≻b: c goes, a wins 65–35. If 10 of the b≻c≻a voters raise a to the
  // top, b goes instead and c wins 51–49: more support made a lose.
  assert.deepEqual(
    W(
      irv,
      S(
        3,
        [
          [0, 1, 2],
          [1, 2, 0],
          [2, 0, 1],
        ],
        [39, 35, 26],
      ),
    ),
    [0],
  );
  assert.deepEqual(
    W(
      irv,
      S(
        3,
        [
          [0, 1, 2],
          [1, 2, 0],
          [2, 0, 1],
        ],
        [49, 25, 26],
      ),
    ),
    [2],
  );
});

test('instant runoff: exhausted and tied ballots', () => {
  // Truncated ballots: 2 voters rank only 0, 2 only 1, 1 ranks 2≻1. 2 goes; its ballot moves to 1.
  assert.deepEqual(irv.run(S(3, [[0], [1], [2, 1]], [2, 2, 1])).ranking, [[1], [0], [2]]);
  // A ballot tying 0 and 1 at the top gives each half a vote: 0 has 1.5, 1 has 0.5, 2 has 1.
  assert.deepEqual(irv.run(S(3, [[[0, 1], 2], [0], [2]])).ranking, [[0], [2], [1]]);
  // Empty ballots only: everyone ties.
  assert.deepEqual(W(irv, S(3, [[]])), [0, 1, 2]);
});

test('plurality with runoff differs from instant runoff with four candidates (pref_voting docstring)', () => {
  const s = S(
    4,
    [
      [0, 1, 2, 3],
      [3, 1, 2, 0],
      [2, 0, 3, 1],
      [1, 2, 3, 0],
      [2, 3, 0, 1],
      [0, 3, 2, 1],
    ],
    [2, 1, 2, 2, 1, 2],
  );
  // First places 4, 2, 3, 1: 0 meets 2 and loses 4–6.
  assert.deepEqual(W(pluralityWithRunoff, s), [2]);
  // Instant runoff removes 3, then 1 and 2 tie with 3 first places and both go: 0 wins. Breaking
  // that tie either way elects 2 (1 goes first) or 0 (2 goes first).
  assert.deepEqual(W(irv, s), [0]);
  assert.deepEqual(W(irvPut, s), [0, 2]);
  // Tennessee: Memphis meets Nashville, who wins 58–42.
  assert.deepEqual(W(pluralityWithRunoff, TENNESSEE()), [1]);
  // Ties for first: every pair meets; a tied runoff elects both.
  assert.deepEqual(
    W(
      pluralityWithRunoff,
      S(3, [
        [0, 1, 2],
        [1, 0, 2],
        [2, 1, 0],
      ]),
    ),
    [0, 1],
  );
  assert.deepEqual(
    W(
      pluralityWithRunoff,
      S(2, [
        [0, 1],
        [1, 0],
      ]),
    ),
    [0, 1],
  );
});

test("coombs: pref_voting's docstring profiles and the Tennessee example", () => {
  // No majority; last places 0: 3, 1: 2, 2: 0: 0 goes, then 2 has 3 of 5 first places.
  const r = coombs.run(
    S(
      3,
      [
        [2, 1, 0],
        [0, 2, 1],
        [1, 2, 0],
      ],
      [1, 2, 2],
    ),
  );
  assert.deepEqual(r.winners, [2]);
  assert.deepEqual(r.ranking, [[2], [1], [0]]);
  // 1 and 2 tie for most last places and both go (0 wins); breaking the tie, removing 2 first
  // elects 0 by majority, removing 1 first leaves 0 and 2 tied in every respect: both.
  const t = S(
    3,
    [
      [2, 0, 1],
      [1, 0, 2],
      [0, 1, 2],
    ],
    [2, 1, 1],
  );
  assert.deepEqual(W(coombs, t), [0]);
  assert.deepEqual(W(coombsPut, t), [0, 2]);
  // Wikipedia (Coombs' method): Memphis has 58% of last places and goes; Nashville then has 68%.
  const k = coombs.run(TENNESSEE());
  assert.deepEqual(k.winners, [1]);
  assert.deepEqual(k.ranking, [[1], [2, 3], [0]]);
  // A first-round majority wins at once even with the most last places.
  assert.deepEqual(
    W(
      coombs,
      S(
        3,
        [
          [0, 1, 2],
          [1, 2, 0],
          [2, 1, 0],
        ],
        [3, 1, 1],
      ),
    ),
    [0],
  );
});

test("baldwin: pref_voting's docstring profiles", () => {
  // Borda 7, 8, 5, 4: 3 goes; then 4, 6, 2: 2 goes; 1 beats 0 3–1.
  const r = baldwin.run(
    S(
      4,
      [
        [1, 0, 2, 3],
        [3, 1, 0, 2],
        [2, 0, 3, 1],
      ],
      [2, 1, 1],
    ),
  );
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(r.ranking, [[1], [0], [2], [3]]);
  // Borda 8, 5, 5: 1 and 2 go together; one at a time, removing 1 leaves 0 and 2 tied 3–3.
  const t = S(
    3,
    [
      [1, 2, 0],
      [0, 1, 2],
      [2, 0, 1],
    ],
    [1, 3, 2],
  );
  assert.deepEqual(W(baldwin, t), [0]);
  assert.deepEqual(W(baldwinPut, t), [0, 2]);
  assert.deepEqual(W(baldwin, TENNESSEE()), [1]);
});

test("nanson: strict and weak part ways (pref_voting's docstring profile)", () => {
  // Borda 9, 8, 9, 4 (average 7.5): 3 goes. Then 5, 4, 6 (average 5): strict Nanson removes 1 and
  // 0 beats 2 3–2; weak Nanson removes 0 and 1 as well, leaving 2.
  const s = S(
    4,
    [
      [2, 1, 0, 3],
      [0, 2, 1, 3],
      [1, 3, 0, 2],
      [0, 3, 2, 1],
    ],
    [2, 1, 1, 1],
  );
  const r = nanson.run(s);
  assert.deepEqual(r.winners, [0]);
  assert.deepEqual(r.ranking, [[0], [2], [1], [3]]);
  assert.deepEqual(W(weakNanson, s), [2]);
  assert.deepEqual(weakNanson.run(s).ranking, [[2], [0, 1], [3]]);
  // A three-way cycle: every Borda score is the average; strict Nanson keeps all, weak removes all.
  const cycle = S(3, [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ]);
  assert.deepEqual(W(nanson, cycle), [0, 1, 2]);
  assert.deepEqual(W(weakNanson, cycle), [0, 1, 2]);
  assert.deepEqual(W(nanson, TENNESSEE()), [1]);
});

test('instant runoff, coombs, baldwin and nanson disagree', () => {
  // 3 voters 4≻1≻2≻3≻0, 4 voters 0≻1≻2≻3≻4, 1 voter 0≻4≻3≻1≻2, 3 voters 2≻3≻4≻1≻0 (no Condorcet
  // winner: 1 beats 2 8–3, 2 beats 4 7–4, 4 beats 1 7–4).
  const s = S(
    5,
    [
      [4, 1, 2, 3, 0],
      [0, 1, 2, 3, 4],
      [0, 4, 3, 1, 2],
      [2, 3, 4, 1, 0],
    ],
    [3, 4, 1, 3],
  );
  // Instant runoff: 1 and 3 have no first place and go; then 0 has 5, 2 and 4 have 3: 0 wins.
  assert.deepEqual(irv.run(s).ranking, [[0], [2, 4], [1, 3]]);
  // Coombs: 0 has 6 last places and goes; then 4 has 4 and goes; then 1 has 7 of 11 first places.
  assert.deepEqual(W(coombs, s), [1]);
  // Baldwin: Borda 20, 25, 26, 18, 21: 3 goes; then 15, 18, 16, 17: 0 goes; then 12, 10, 11: 2
  // goes; 4 beats 1 7–4.
  assert.deepEqual(baldwin.run(s).ranking, [[4], [1], [2], [0], [3]]);
  // Nanson: the average is 22, so 0, 3 and 4 go at once; 1 beats 2 8–3.
  assert.deepEqual(nanson.run(s).ranking, [[1], [2], [0, 3, 4]]);
});

test('benham: remove fewest first places until a Condorcet winner appears', () => {
  // 0≻1≻2≻0 cycle; 2 has fewest first places; then 0 beats 1 3–2.
  assert.deepEqual(
    W(
      benham,
      S(
        3,
        [
          [0, 1, 2],
          [1, 2, 0],
          [2, 0, 1],
        ],
        [2, 2, 1],
      ),
    ),
    [0],
  );
  assert.deepEqual(W(benham, TENNESSEE()), [1]);
  // A Condorcet winner wins at once, even with no first place (instant runoff removes it first):
  // 1 beats 0, 2 and 3 by 4–2.
  const t = S(
    4,
    [
      [0, 1, 2, 3],
      [2, 1, 0, 3],
      [3, 1, 0, 2],
      [3, 1, 2, 0],
    ],
    [2, 2, 1, 1],
  );
  assert.deepEqual(W(benham, t), [1]);
  assert.deepEqual(irv.run(t).ranking, [[0, 2, 3], [1]]);
});

test('smith-irv and condorcet-irv fix the centre squeeze', () => {
  // 4 voters 0≻1≻2, 3 voters 2≻1≻0, 2 voters 1≻0≻2: 1 is the Condorcet winner, instant runoff
  // removes it first and elects 0.
  const s = S(
    3,
    [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
    ],
    [4, 3, 2],
  );
  assert.deepEqual(W(irv, s), [0]);
  assert.deepEqual(W(smithIrv, s), [1]);
  assert.deepEqual(W(condorcetIrv, s), [1]);
  // pref_voting's smith_irv docstring profile: the Smith set is everything; instant runoff removes
  // 3, then 0 and 1 together: 2 wins.
  const t = S(4, [
    [0, 2, 1, 3],
    [1, 3, 0, 2],
    [2, 1, 3, 0],
    [2, 3, 0, 1],
  ]);
  assert.deepEqual(W(smithIrv, t), [2]);
  assert.deepEqual(W(condorcetIrv, t), [2]);
});

test("daunou: Condorcet losers go, then plurality (pref_voting's docstring profile)", () => {
  // No Condorcet winner (1 and 3 tie); 2 loses to all and goes, then 0; 1 and 3 have two first
  // places each among themselves.
  const s = S(4, [
    [1, 3, 2, 0],
    [0, 2, 3, 1],
    [1, 3, 0, 2],
    [3, 1, 0, 2],
  ]);
  assert.deepEqual(W(daunou, s), [1, 3]);
  assert.deepEqual(W(plurality, s), [1]);
  assert.deepEqual(W(daunou, TENNESSEE()), [1]);
});

test('fractional weights: a runoff tie survives floating-point rounding', () => {
  // 0.1 + 0.2 voters prefer 0 to 1, 0.3 prefer 1 to 0: a tie, though 0.1 + 0.2 − 0.3 ≠ 0 in floating
  // point. Candidate 2 is last everywhere.
  const s = S(
    3,
    [
      [0, 1, 2],
      [0, 1, 2],
      [1, 0, 2],
    ],
    [0.1, 0.2, 0.3],
  );
  assert.deepEqual(W(pluralityWithRunoff, s), [0, 1]);
  assert.deepEqual(W(irv, s), [0, 1]);
  assert.deepEqual(W(baldwin, s), [0, 1]);
  assert.deepEqual(W(nanson, s), [0, 1]);
  assert.deepEqual(W(coombs, s), [0, 1]);
});

test('rules respect the candidate subset', () => {
  const s = TENNESSEE();
  // Without Memphis, Knoxville's and Chattanooga's voters outnumber Nashville's first places.
  assert.deepEqual(irv.run(s, [1, 2, 3]).ranking, [[1], [3], [2]]);
  // Memphis against Knoxville alone: Knoxville has 58%.
  assert.deepEqual(W(coombs, s, [0, 3]), [3]);
  assert.deepEqual(W(baldwin, s, [2, 3]), [2]);
  assert.deepEqual(W(irv, s, []), []);
  assert.throws(() => irv.run(s, [4]), UserError);
});

test('the parallel-universe rules refuse more than 20 candidates', () => {
  const m = 21;
  const s = S(m, [Array.from({ length: m }, (_, i) => i)]);
  assert.throws(() => irvPut.run(s), /refuses more than 20 candidates/);
  assert.equal(irvPut.maxCandidates, 20);
  // A subset within the limit is fine.
  assert.deepEqual(W(irvPut, s, [3, 7]), [3]);
});

test('the parallel-universe search stays small on a fully symmetric profile', () => {
  // Every linear order over 6 candidates once: every round ties; 2^6 remaining sets at most.
  const m = 6;
  const orders: number[][] = [];
  const perm = (pre: number[], rest: number[]) => {
    if (rest.length === 0) orders.push(pre);
    for (const c of rest)
      perm(
        [...pre, c],
        rest.filter((d) => d !== c),
      );
  };
  perm(
    [],
    Array.from({ length: m }, (_, i) => i),
  );
  const s = S(m, orders);
  assert.deepEqual(W(irvPut, s), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(W(coombsPut, s), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(W(baldwinPut, s), [0, 1, 2, 3, 4, 5]);
});

test('registry names and aliases', () => {
  for (const a of ['irv', 'hare', 'ranked-choice', 'Ranked_Choice', 'alternative-vote'])
    assert.equal(getRule(a), irv);
  assert.equal(getRule('irv-put'), irvPut);
  assert.equal(getRule('strict-nanson'), nanson);
  assert.equal(getRule('two-round'), pluralityWithRunoff);
  for (const r of eliminationRules) {
    assert.equal(r.family, 'elimination');
    assert.equal(getRule(r.name), r);
  }
});

// Plurality veto reads linear orders only: its own file tests it.
for (const rule of eliminationRules.filter((r) => r.name !== 'plurality-veto'))
  test(`${rule.name}: claimed axioms hold on random weak and truncated profiles`, () => {
    checkAxioms(rule);
  });
