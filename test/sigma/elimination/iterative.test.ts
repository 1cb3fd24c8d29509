/**
 * The iterative rules added for pref_voting's breadth: each on the hand-worked case in its file's
 * comment (pref_voting's docstring profile where it has one), the behaviour that sets it apart, and
 * the parallel-universe variants. Their claimed axioms run in elimination.test.ts (list-driven).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { approvalIrv, approvalIrvPut } from '../../../src/sigma/ordinal/elimination/approval-irv.js';
import {
  bottomTwoRunoff,
  bottomTwoRunoffPut,
} from '../../../src/sigma/ordinal/elimination/bottom-two-runoff.js';
import {
  benhamPut,
  condorcetIrvPut,
  smithIrvPut,
} from '../../../src/sigma/ordinal/elimination/combined-put.js';
import { irv, irvPut } from '../../../src/sigma/ordinal/elimination/instant-runoff.js';
import { iteratedRemovalCl } from '../../../src/sigma/ordinal/elimination/iterated-removal-cl.js';
import { knockout } from '../../../src/sigma/ordinal/elimination/knockout.js';
import { raynaud } from '../../../src/sigma/ordinal/elimination/raynaud.js';
import {
  tidemanAlternativeSchwartz,
  tidemanAlternativeSchwartzPut,
  tidemanAlternativeSmith,
  tidemanAlternativeSmithPut,
} from '../../../src/sigma/ordinal/elimination/tideman-alternative.js';
import { woodall } from '../../../src/sigma/ordinal/elimination/woodall.js';
import { Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { ProfileRule } from '../../../src/sigma/types.js';
import { profileFromMargins } from '../pairwise/helpers.js';
import { S } from '../positional/examples.js';

const W = (rule: ProfileRule, s: Summary, c?: number[]) => rule.run(s, c).winners;

/** 2 × 0≻1≻2, 2 × 1≻2≻0, 1 × 2≻0≻1: 0 beats 1 3–2, 1 beats 2 4–1, 2 beats 0 3–2. */
const CYCLE = () =>
  S(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ],
    [2, 2, 1],
  );

/** The centre squeeze: 4 × 0≻1≻2, 3 × 2≻1≻0, 2 × 1≻0≻2; 1 is the Condorcet winner, IRV elects 0. */
const SQUEEZE = () =>
  S(
    3,
    [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
    ],
    [4, 3, 2],
  );

/** The cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5. */
const MARGIN_CYCLE = () =>
  new Summary(
    profileFromMargins(3, [
      [0, 1, 1],
      [1, 2, 3],
      [2, 0, 5],
    ]),
  );

test('Woodall: first places decide within the Smith set', () => {
  assert.deepEqual(W(woodall, CYCLE()), [0]);
  assert.deepEqual(W(woodall, SQUEEZE()), [1]);
});

test('Raynaud removes the candidate with the largest worst defeat', () => {
  const r = raynaud.run(MARGIN_CYCLE());
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(r.ranking, [[1], [2], [0]]);
});

test("iterated removal of Condorcet losers: pref_voting's docstring profile", () => {
  const s = S(4, [
    [2, 1, 3, 0],
    [2, 1, 0, 3],
    [3, 1, 2, 0],
    [1, 2, 3, 0],
  ]);
  const r = iteratedRemovalCl.run(s);
  assert.deepEqual(r.winners, [1, 2]);
  assert.deepEqual(r.ranking, [[1, 2], [3], [0]]);
});

test("Tideman's alternative: the Smith and Schwartz sets, and their PUT versions", () => {
  for (const rule of [tidemanAlternativeSmith, tidemanAlternativeSchwartz, tidemanAlternativeSmithPut])
    assert.deepEqual(W(rule, CYCLE()), [0], rule.name);
  assert.deepEqual(W(tidemanAlternativeSmith, SQUEEZE()), [1]);
  // 0 ties 1, 0 beats 2, 2 beats 1: Smith {0, 1, 2}, Schwartz {0}.
  const s = new Summary(
    profileFromMargins(3, [
      [0, 2, 2],
      [2, 1, 2],
    ]),
  );
  assert.deepEqual(W(tidemanAlternativeSchwartz, s), [0]);
  assert.deepEqual(W(tidemanAlternativeSchwartzPut, s), [0]);
  // Three candidates each first once, in a perfect three-way tie: all tie, all win; PUT too here.
  const t = S(3, [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ]);
  assert.deepEqual(W(tidemanAlternativeSmith, t), [0, 1, 2]);
  assert.deepEqual(W(tidemanAlternativeSmithPut, t), [0, 1, 2]);
});

test('knockout: fixed Borda scores, head-to-head runoffs at the bottom', () => {
  const s = S(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ],
    [3, 2, 2],
  );
  assert.deepEqual(W(knockout, s), [0]);
  // It is Condorcet-consistent where instant runoff is not.
  assert.deepEqual(W(knockout, SQUEEZE()), [1]);
  // The Borda scores are those of the candidates in play at the start (cands = the restriction).
  assert.deepEqual(W(knockout, s, [1, 2]), [1]);
});

test('bottom-two runoff elects the Condorcet winner that instant runoff squeezes out', () => {
  assert.deepEqual(W(irv, SQUEEZE()), [0]);
  assert.deepEqual(W(bottomTwoRunoff, SQUEEZE()), [1]);
  assert.deepEqual(W(bottomTwoRunoffPut, SQUEEZE()), [1]);
  // A perfect three-way tie (0 beats 1, 1 beats 2, 2 beats 0, each 2–1): every pairing of the tied
  // candidates runs and each candidate loses one, so all win; PUT follows each removal, and each
  // leaves a pair with a different majority winner.
  const t = S(3, [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ]);
  assert.deepEqual(W(bottomTwoRunoff, t), [0, 1, 2]);
  assert.deepEqual(W(bottomTwoRunoffPut, t), [0, 1, 2]);
});

test('approval IRV gives a whole point to every candidate tied at the top', () => {
  const s = S(
    3,
    [
      [[0, 1], 2],
      [2, 1, 0],
      [0, 1, 2],
    ],
    [2, 2, 1],
  );
  const r = approvalIrv.run(s);
  // Approvals 3, 2, 2: 1 and 2 go at once.
  assert.deepEqual(r.ranking, [[0], [1, 2]]);
  // Split IRV (instant runoff) removes 1 alone (2, 1, 2), then 0 beats 2 3–2.
  assert.deepEqual(irv.run(s).ranking, [[0], [2], [1]]);
  // PUT: removing 2 alone leaves {0, 1}, where the tied ballots approve both: 0 has 3, 1 has 4, so
  // 1 wins that universe (pref_voting's approval_irv_put gives [0, 1] too).
  assert.deepEqual(W(approvalIrvPut, s), [0, 1]);
  // Split IRV is instant runoff under another name.
  assert.equal(getRule('split-irv'), irv);
  assert.equal(getRule('split-irv-put'), irvPut);
});

test('the PUT versions of Benham, Condorcet–IRV and Smith–IRV', () => {
  const s = S(3, [
    [1, 2, 0],
    [2, 1, 0],
    [0, 1, 2],
  ]);
  assert.deepEqual(W(irvPut, s), [1, 2]);
  for (const rule of [benhamPut, condorcetIrvPut, smithIrvPut]) assert.deepEqual(W(rule, s), [1], rule.name);
  // Without a Condorcet winner they follow every tie-breaking: the perfect three-way tie.
  const t = S(3, [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ]);
  for (const rule of [benhamPut, condorcetIrvPut, smithIrvPut])
    assert.deepEqual(W(rule, t), [0, 1, 2], rule.name);
});

test('the parallel-universe rules refuse more than 20 candidates and take a subset within it', () => {
  const m = 21;
  const s = S(m, [Array.from({ length: m }, (_, i) => i)]);
  for (const rule of [
    benhamPut,
    approvalIrvPut,
    bottomTwoRunoffPut,
    tidemanAlternativeSmithPut,
    tidemanAlternativeSchwartzPut,
    knockout,
  ]) {
    assert.equal(rule.maxCandidates, 20, rule.name);
    assert.throws(() => rule.run(s), /refuses more than 20 candidates/, rule.name);
    assert.deepEqual(W(rule, s, [3, 7]), [3], rule.name);
  }
});

test('names and aliases follow pref_voting', () => {
  const names: [string, ProfileRule][] = [
    ['btr-irv', bottomTwoRunoff],
    ['bottom_two_runoff_instant_runoff_put', bottomTwoRunoffPut],
    ['tideman-alternative-gocha', tidemanAlternativeSchwartz],
    ['tideman_alternative_smith_put', tidemanAlternativeSmithPut],
    ['knockout-voting', knockout],
    ['iterated-removal-condorcet-loser', iteratedRemovalCl],
  ];
  for (const [alias, rule] of names) assert.equal(getRule(alias), rule, alias);
});

test("the fixed tie-breaker versions: pref_voting's instant_runoff_tb docstring profile", () => {
  const s = S(3, [
    [1, 2, 0],
    [2, 1, 0],
    [0, 1, 2],
  ]);
  const tb = (name: string, order?: number[]) => {
    const rule = getRule(name);
    assert.ok(rule.input !== 'utilities');
    return rule.run(s, undefined, order ? { tie_breaker: order } : undefined).winners;
  };
  assert.deepEqual(tb('instant-runoff-tb'), [1]);
  assert.deepEqual(tb('instant-runoff-tb', [1, 0, 2]), [2]);
  assert.deepEqual(tb('split-irv-tb', [2, 0, 1]), [1]);
  // 1 is the Condorcet winner: Benham and Baldwin elect it whatever the order.
  for (const order of [
    [0, 1, 2],
    [1, 2, 0],
    [2, 1, 0],
  ]) {
    assert.deepEqual(tb('benham-tb', order), [1]);
    assert.deepEqual(tb('baldwin-tb', order), [1]);
  }
  assert.throws(() => tb('coombs-tb', [0, 7]), /not one of 0\.\.2/);
});

test('what the all-at-once conventions give up: Raynaud and bottom-two runoff can elect a Condorcet loser', () => {
  // A symmetric cycle 0≻1≻2≻0 by 9, each beating 3 by 1: all three have the worst defeat 9 and go
  // at once (pref_voting's raynaud returns [3] too).
  const s = new Summary(
    profileFromMargins(4, [
      [0, 1, 9],
      [1, 2, 9],
      [2, 0, 9],
      [0, 3, 1],
      [1, 3, 1],
      [2, 3, 1],
    ]),
  );
  assert.deepEqual(W(raynaud, s), [3]);
  // 2 × 0≻1≻2, 2 × 1≻0≻2, 1 × 2≻0≻1, 1 × 2≻1≻0: first places tie 2–2–2, 0 and 1 tie 3–3, and 2
  // loses to both 2–4. Every pairing's loser goes, which is everyone, so all three win; the PUT
  // version, which removes one at a time, never elects 2.
  const t = S(
    3,
    [
      [0, 1, 2],
      [1, 0, 2],
      [2, 0, 1],
      [2, 1, 0],
    ],
    [2, 2, 1, 1],
  );
  assert.deepEqual(W(bottomTwoRunoff, t), [0, 1, 2]);
  assert.deepEqual(W(bottomTwoRunoffPut, t), [0, 1]);
});
