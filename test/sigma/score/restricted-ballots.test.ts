/**
 * Dis&approval and cumulative voting: rules whose cardinal ballots are restricted (grades −1/0/1;
 * points ≥ 0 summing to a fixed total). Hand-worked cases, the ballots they refuse, and their claimed
 * axioms on rankings and on such ballots.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { cumulative } from '../../../src/sigma/ordinal/score/cumulative.js';
import { disAndApproval } from '../../../src/sigma/ordinal/score/dis-and-approval.js';
import { plurality } from '../../../src/sigma/ordinal/positional/plurality.js';
import { profileFromScores, Summary } from '../../../src/sigma/profile.js';
import type { ProfileRule } from '../../../src/sigma/types.js';
import {
  checkAxioms,
  mapResult,
  type ScoreBallots,
  sameResult,
  scoreProfileOf,
} from '../positional/axioms.js';
import { S } from '../positional/examples.js';

const G = (m: number, rows: number[][], counts: number[]) =>
  new Summary(profileFromScores(m, Float64Array.from(rows.flat()), Float64Array.from(counts)));
const _ = Number.NaN;

test('dis&approval: sums of +1/0/−1, an ungraded candidate counting 0', () => {
  const r = disAndApproval.run(
    G(
      3,
      [
        [1, 0, -1],
        [-1, 1, 0],
        [0, 1, -1],
      ],
      [2, 1, 2],
    ),
  );
  assert.deepEqual(r.scores, [1, 3, -4]);
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(r.ranking, [[1], [0], [2]]);
  // Ungraded counts 0, not the lowest grade: 0 (ungraded, 0) beats 1 (disapproved once, −1).
  assert.deepEqual(disAndApproval.run(G(2, [[_, -1]], [1])).winners, [0]);
  // Rankings: +1 to the top group, −1 to the bottom group (here the unranked 3 and 2).
  const s = S(4, [[0, 1], [[1, 2], 0, 3], [3]], [1, 1, 1]);
  assert.deepEqual(disAndApproval.run(s).scores, [1 + 0 - 1, 0 + 1 - 1, -1 + 1 - 1, -1 - 1 + 1]);
  assert.throws(() => disAndApproval.run(G(2, [[2, 0]], [1])), UserError);
});

test('cumulative voting: points spread by each voter, summed', () => {
  const r = cumulative.run(
    G(
      3,
      [
        [3, 2, 0],
        [0, 0, 5],
        [1, 4, 0],
      ],
      [2, 1, 1],
    ),
  );
  assert.deepEqual(r.scores, [7, 8, 5]);
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(cumulative.run(G(2, [[_, 3]], [1]), undefined, { total: 3 }).winners, [1]);
  // A ballot that does not spread exactly the total, or gives negative points, is refused.
  assert.throws(() => cumulative.run(G(2, [[3, 1]], [1])), /exactly 5 points.*ballot 0 spreads 4/);
  assert.throws(() => cumulative.run(G(2, [[6, -1]], [1])), UserError);
  // Rankings: all points to the top group, so the same winners as plurality.
  const s = S(3, [[0, 1, 2], [[1, 2], 0], [2]], [2, 3, 2]);
  assert.deepEqual(cumulative.run(s).winners, plurality.run(s).winners);
  assert.deepEqual(cumulative.run(s).scores, [10, 7.5, 17.5]);
});

/** Random ballots of grades −1/0/1 (NaN = ungraded), or of 5 points spread over the candidates. */
function restricted(kind: 'grades' | 'points'): fc.Arbitrary<ScoreBallots> {
  return fc.integer({ min: 1, max: 5 }).chain((m) => {
    const grades = fc.array(fc.constantFrom(-1, 0, 1, Number.NaN), { minLength: m, maxLength: m });
    const points = fc
      .array(fc.integer({ min: 0, max: m - 1 }), { minLength: 5, maxLength: 5 })
      .map((picks) => {
        const row = new Array<number>(m).fill(0);
        for (const c of picks) row[c]++;
        return row;
      });
    return fc
      .array(fc.tuple(kind === 'grades' ? grades : points, fc.integer({ min: 1, max: 3 })), {
        minLength: 1,
        maxLength: 7,
      })
      .map((rows) => ({ m, scores: rows.flatMap((r) => r[0]), counts: rows.map((r) => r[1]) }));
  });
}

function checkOnBallots(rule: ProfileRule, kind: 'grades' | 'points'): void {
  const run = (b: ScoreBallots) => rule.run(new Summary(scoreProfileOf(b)));
  fc.assert(
    fc.property(
      restricted(kind).chain((b) =>
        fc.tuple(
          fc.constant(b),
          fc.shuffledSubarray(
            Array.from({ length: b.m }, (_, i) => i),
            { minLength: b.m, maxLength: b.m },
          ),
        ),
      ),
      ([b, perm]) => {
        const { m } = b;
        const k = b.counts.length;
        // Anonymity: the ballots reversed.
        const rev: ScoreBallots = {
          m,
          scores: Array.from({ length: k }, (_, v) => b.scores.slice((k - 1 - v) * m, (k - v) * m)).flat(),
          counts: [...b.counts].reverse(),
        };
        sameResult(run(rev), run(b), `${rule.name} anonymity`);
        // Neutrality: candidate c relabelled perm[c].
        const moved = new Array<number>(b.scores.length);
        for (let v = 0; v < k; v++) for (let c = 0; c < m; c++) moved[v * m + perm[c]] = b.scores[v * m + c];
        sameResult(run({ ...b, scores: moved }), mapResult(run(b), perm), `${rule.name} neutrality`);
      },
    ),
    { numRuns: 200 },
  );
}

test('dis&approval: anonymity and neutrality on rankings and on −1/0/1 ballots', () => {
  checkAxioms(disAndApproval, { numRuns: 150 });
  checkOnBallots(disAndApproval, 'grades');
});

test('cumulative voting: anonymity and neutrality on rankings and on ballots of 5 points', () => {
  checkAxioms(cumulative, { numRuns: 150 });
  checkOnBallots(cumulative, 'points');
});
