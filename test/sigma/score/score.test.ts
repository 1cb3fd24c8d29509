import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { approval } from '../../../src/sigma/ordinal/score/approval.js';
import { grades } from '../../../src/sigma/ordinal/score/grades.js';
import { scoreRules } from '../../../src/sigma/ordinal/score/index.js';
import { majorityJudgmentRule as mj } from '../../../src/sigma/ordinal/score/majority-judgment.js';
import { range } from '../../../src/sigma/ordinal/score/range.js';
import { star } from '../../../src/sigma/ordinal/score/star.js';
import { borda } from '../../../src/sigma/ordinal/positional/borda.js';
import { profileFromScores, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import { checkAxioms } from '../positional/axioms.js';
import { S, TENNESSEE } from '../positional/examples.js';

/** A Summary of cardinal ballots given row by row (NaN = unscored). */
const G = (m: number, rows: number[][], counts?: number[]) =>
  new Summary(profileFromScores(m, Float64Array.from(rows.flat()), counts && Float64Array.from(counts)));

test('rankings convert to grades: the number of candidates in play ranked strictly below', () => {
  const s = S(4, [[0, [1, 2], 3], [3]]);
  assert.deepEqual(Array.from(grades(s).g), [3, 1, 1, 0, 0, 0, 0, 3]);
  // On a subset, only the candidates in play count.
  assert.deepEqual(Array.from(grades(s, [1, 3]).g), [1, 0, 0, 1]);
  // Cardinal ballots keep their scores; unscored ones get the profile's lowest score.
  const c = grades(
    G(3, [
      [4, Number.NaN, 2],
      [1, 3, 5],
    ]),
  );
  assert.deepEqual(Array.from(c.g), [4, 1, 2, 1, 3, 5]);
  assert.deepEqual(Array.from(c.given ?? []), [1, 0, 1, 1, 1, 1]);
});

test('approval: 0/1 ballots as they are', () => {
  const s = G(
    3,
    [
      [1, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    [2, 1, 2],
  );
  const r = approval.run(s);
  assert.deepEqual(r.scores, [2, 3, 2]);
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(r.ranking, [[1], [0, 2]]);
  // An unscored candidate is never approved, whatever the threshold.
  assert.deepEqual(approval.run(G(2, [[Number.NaN, 1]]), undefined, { threshold: -10 }).scores, [0, 1]);
  // Grades 0–5 with a threshold.
  assert.deepEqual(
    approval.run(
      G(2, [
        [4, 2],
        [1, 3],
      ]),
      undefined,
      { threshold: 3 },
    ).scores,
    [1, 1],
  );
});

test('approval on rankings: the top k', () => {
  // Wikipedia (STAR voting, Tennessee): approving their top two cities, Nashville wins with 68%.
  const r = approval.run(TENNESSEE(), undefined, { k: 2 });
  assert.deepEqual(r.scores, [42, 68, 58, 32]);
  assert.deepEqual(r.winners, [1]);
  // Default k = 1: each ballot approves its top group, ties included.
  assert.deepEqual(approval.run(S(3, [[[0, 1], 2], [2]])).scores, [1, 1, 1]);
  // A tie straddling the cut is approved whole; unranked candidates never are.
  assert.deepEqual(approval.run(S(4, [[0, [1, 2], 3], [3]]), undefined, { k: 2 }).scores, [1, 1, 1, 1]);
  // With a threshold, rankings are graded by how many candidates they rank below.
  assert.deepEqual(approval.run(TENNESSEE(), undefined, { threshold: 2 }).scores, [42, 68, 58, 32]);
  assert.throws(() => approval.run(TENNESSEE(), undefined, { k: 2, threshold: 1 }), UserError);
  assert.throws(() => approval.run(TENNESSEE(), undefined, { k: 1.5 }), /options.k/);
});

test('range: sums and means', () => {
  const s = G(
    3,
    [
      [5, 3, 0],
      [1, 4, 5],
      [0, 5, 2],
    ],
    [2, 1, 2],
  );
  const r = range.run(s);
  assert.deepEqual(r.scores, [11, 20, 9]);
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(range.run(s, undefined, { aggregate: 'mean' }).scores, [11 / 5, 4, 9 / 5]);
  // The mean skips unscored candidates; the sum counts them at the lowest score (3 here).
  const gaps = G(2, [
    [5, Number.NaN],
    [3, 4],
  ]);
  assert.deepEqual(range.run(gaps, undefined, { aggregate: 'mean' }).winners, [0, 1]);
  assert.deepEqual(range.run(gaps).scores, [8, 7]);
  assert.throws(() => range.run(s, undefined, { aggregate: 'median' }), /options.aggregate/);
  // From rankings, range is the Borda count (on linear orders).
  assert.deepEqual(range.run(TENNESSEE()).scores, borda.run(TENNESSEE()).scores);
});

test('star: score, then automatic runoff', () => {
  // Sums 12, 19, 27; 2 meets 1 and is graded higher on 4 ballots to 3.
  const s = G(
    3,
    [
      [0, 5, 3],
      [5, 0, 4],
      [1, 2, 5],
    ],
    [3, 2, 2],
  );
  const r = star.run(s);
  assert.deepEqual(r.winners, [2]);
  assert.deepEqual(r.scores, [12, 19, 27]);
  // The runoff can overturn the scores: 0 leads 22–15 but 3 of 5 voters grade 1 higher.
  const over = G(
    3,
    [
      [5, 0, 0],
      [4, 5, 0],
    ],
    [2, 3],
  );
  assert.deepEqual(range.run(over).winners, [0]);
  assert.deepEqual(star.run(over).winners, [1]);
  // Tied sums (12 each) and a tied runoff (one ballot each way, one indifferent): both win, as
  // pref_voting's star does (STAR's official tie-breakers would look further).
  assert.deepEqual(
    star.run(
      G(3, [
        [1, 5, 5],
        [1, 4, 5],
        [1, 3, 2],
      ]),
    ).winners,
    [1, 2],
  );
  // Tennessee from rankings (grades 3, 2, 1, 0): Nashville 194 meets Chattanooga 173 and wins 68–32.
  assert.deepEqual(star.run(TENNESSEE()).winners, [1]);
  assert.deepEqual(star.run(S(2, [[1, 0]]), [0]).winners, [0]);
});

test('star: a runoff tie under fractional weights survives floating-point rounding', () => {
  const s = G(
    3,
    [
      [5, 4, 0],
      [5, 4, 0],
      [4, 5, 0],
    ],
    [0.1, 0.2, 0.3],
  );
  assert.deepEqual(star.run(s).winners, [0, 1]);
});

test('majority judgment: the Tennessee example', () => {
  // Grading each city by rank (excellent 3, good 2, fair 1, poor 0) gives the distributions of
  // Wikipedia's majority judgment example: Nashville 26/42/32/0 %, Chattanooga 15/43/42/0 %,
  // Knoxville 17/15/26/42 %, Memphis 42/0/0/58 %. Majority grades: poor, good, good, fair. Nashville
  // and Chattanooga tie on good; stripping median grades, Chattanooga falls to fair first.
  const r = mj.run(TENNESSEE());
  assert.deepEqual(r.scores, [0, 2, 2, 1]);
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(r.ranking, [[1], [2], [3], [0]]);
});

test('majority judgment: the tie-break removes median grades', () => {
  // Wikipedia's illustration: X has good, good, fair, poor and Y excellent, fair, fair, fair. Both
  // have the lower median fair; removing one fair each leaves X with median good and Y with fair.
  const s = G(2, [
    [2, 3],
    [2, 1],
    [1, 1],
    [0, 1],
  ]);
  const r = mj.run(s);
  assert.deepEqual(r.scores, [1, 1]);
  assert.deepEqual(r.winners, [0]);
  // Odd number of voters: A 5, 3, 1 and B 4, 3, 2 share the median 3; next comes the grade below it
  // (1 against 2), so B wins.
  assert.deepEqual(
    mj.run(
      G(2, [
        [5, 4],
        [3, 3],
        [1, 2],
      ]),
    ).winners,
    [1],
  );
  // Only identical grade multisets tie.
  assert.deepEqual(
    mj.run(
      G(2, [
        [5, 1],
        [1, 5],
      ]),
    ).ranking,
    [[0, 1]],
  );
  // Counts are voters, expanded: 3 voters grading 0 at 2 and 1 at 1, 2 voters the other way round.
  assert.deepEqual(
    mj.run(
      G(
        2,
        [
          [2, 1],
          [1, 2],
        ],
        [3, 2],
      ),
    ).winners,
    [0],
  );
  assert.throws(() => mj.run(G(2, [[1, 2]], [0.5])), /whole voter counts/);
});

test('registry names and aliases', () => {
  assert.equal(getRule('mj'), mj);
  assert.equal(getRule('majority_judgement'), mj);
  assert.equal(getRule('score-voting'), range);
  assert.equal(getRule('STAR'), star);
  for (const r of scoreRules) {
    assert.equal(r.family, 'score');
    assert.equal(r.input, 'scores');
    assert.equal(getRule(r.name), r);
  }
});

// Dis&approval and cumulative voting read only grades in {−1, 0, 1} or ballots of a fixed total:
// their own file tests them on such ballots.
const anyGrades = scoreRules.filter((r) => r.name !== 'dis-and-approval' && r.name !== 'cumulative-voting');

for (const rule of anyGrades)
  test(`${rule.name}: claimed axioms hold on random rankings and cardinal ballots`, () => {
    checkAxioms(rule, { scores: true, wholeCounts: rule === mj });
  });

test('approval with k, range with means: anonymity and neutrality', () => {
  checkAxioms(approval, { opts: { k: 2 }, scores: true });
  checkAxioms(approval, { opts: { threshold: 3 }, scores: true });
  checkAxioms(range, { opts: { aggregate: 'mean' }, scores: true });
});
