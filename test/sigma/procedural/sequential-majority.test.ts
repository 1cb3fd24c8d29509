import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { condorcetWinner, smithSet } from '../../../src/sigma/majority.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';

const rule = getRule('agenda');
// 5 × a>b>c, 3 × b>c>a, 4 × c>a>b: a beats b 9–3, b beats c 8–4, c beats a 7–5.
const cycle = new Summary(
  profileFromRankings(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ],
    [5, 3, 4],
  ),
);

test('the agenda decides who wins a majority cycle', () => {
  assert.deepEqual(rule.run(cycle as never, undefined, { agenda: [0, 1, 2] } as never).winners, [2]);
  assert.deepEqual(rule.run(cycle as never, undefined, { agenda: [2, 0, 1] } as never).winners, [1]);
  assert.deepEqual(rule.run(cycle as never, undefined, { agenda: [1, 2, 0] } as never).winners, [0]);
  // The default agenda is index order.
  assert.deepEqual(rule.run(cycle as never).winners, [2]);
});

test('a tied vote lets both go on', () => {
  const s = new Summary(
    profileFromRankings(2, [
      [0, 1],
      [1, 0],
    ]),
  );
  assert.deepEqual(rule.run(s as never).winners, [0, 1]);
});

test('a bad agenda is a clear error', () => {
  assert.throws(
    () => rule.run(cycle as never, undefined, { agenda: [0, 0, 1] } as never),
    /agenda: a candidate appears twice/,
  );
  assert.throws(
    () => rule.run(cycle as never, undefined, { agenda: [5] } as never),
    /agenda: candidate 5 is not one of 0..2/,
  );
});

const profiles = fc.integer({ min: 2, max: 6 }).chain((m) =>
  fc.tuple(
    fc.constant(m),
    fc.array(
      fc.shuffledSubarray(
        Array.from({ length: m }, (_, i) => i),
        { minLength: m, maxLength: m },
      ),
      { minLength: 1, maxLength: 9 },
    ),
  ),
);

test('property: a Condorcet winner wins under every agenda; every winner is in the Smith set', () => {
  fc.assert(
    fc.property(profiles, fc.integer(), ([m, rankings], seed) => {
      const s = new Summary(profileFromRankings(m, rankings));
      const agenda = Array.from({ length: m }, (_, i) => i).sort(
        (a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13),
      );
      const w = rule.run(s as never, undefined, { agenda } as never).winners;
      const cw = condorcetWinner(s);
      if (cw >= 0) assert.deepEqual(w, [cw]);
      const smith = smithSet(s);
      for (const x of w) assert.ok(smith.includes(x));
    }),
    { numRuns: 300, seed: 11 },
  );
});
