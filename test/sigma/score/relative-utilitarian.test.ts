import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relativeUtilitarian } from '../../../src/sigma/ordinal/score/relative-utilitarian.js';
import { profileFromRankings, profileFromScores, Summary } from '../../../src/sigma/profile.js';

const run = (m: number, scores: (number | null)[], counts: number[]) =>
  relativeUtilitarian.run(
    new Summary(
      profileFromScores(
        m,
        Float64Array.from(scores, (x) => x ?? Number.NaN),
        Float64Array.from(counts),
      ),
    ),
  );

test('each ballot is rescaled to [0, 1] by its range before summing', () => {
  const r = run(3, [0, 1, 10, 5, 0, 1], [1, 1]);
  assert.deepEqual(r.winners, [2]);
  [1, 0.1, 1.2].forEach((x, c) => {
    assert.ok(Math.abs((r.scores?.[c] ?? Number.NaN) - x) < 1e-12);
  });
  // A tenfold second ballot changes nothing after rescaling (a plain sum would elect 0).
  assert.deepEqual(run(3, [0, 1, 10, 50, 0, 10], [1, 1]).winners, [2]);
  // A constant ballot adds nothing.
  assert.deepEqual(run(2, [3, 3, 0, 1], [5, 1]).winners, [1]);
});

test('facts recorded from pref_voting (utility_methods.relative_utilitarian; null = unscored)', () => {
  const facts: { m: number; scores: (number | null)[]; counts: number[]; winners: number[] }[] = [
    {
      m: 5,
      scores: [-1, -1, -2, -2, 1, null, null, 1, 1, null, 2, -2, -2, 2, null],
      counts: [1, 3, 1],
      winners: [0],
    },
    {
      m: 5,
      scores: [0, -2, -2, -2, null, -2, 1, -2, 0, 4, 3, -2, 2, 4, 1, 0, 1, 2, 1, -1],
      counts: [1, 3, 2, 2],
      winners: [3],
    },
    {
      m: 5,
      scores: [-2, -1, -2, 3, 2, 3, -1, -2, 2, 1, 1, 2, 4, null, -2, 2, 1, 2, null, -1, 4, 1, -2, 2, 3],
      counts: [1, 3, 2, 2, 3],
      winners: [0],
    },
  ];
  for (const f of facts) assert.deepEqual(run(f.m, f.scores, f.counts).winners, f.winners);
});

test('a linear order rescales to normalized Borda', () => {
  const s = new Summary(
    profileFromRankings(
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
      ],
      [3, 2],
    ),
  );
  const r = relativeUtilitarian.run(s);
  assert.deepEqual(r.ranking, [[1], [0], [2]]);
  [3, 3 * 0.5 + 2, 2 * 0.5].forEach((x, c) => {
    assert.ok(Math.abs((r.scores?.[c] ?? Number.NaN) - x) < 1e-12);
  });
});
