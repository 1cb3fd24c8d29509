import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { evaluate } from '../../../src/run/one-shot.js';
import { parseScenario } from '../../../src/scenario/index.js';
import { condorcetWinner } from '../../../src/sigma/majority.js';
import { condorcetWinnerRule } from '../../../src/sigma/ordinal/tournament/condorcet-winner.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { ProfileRule } from '../../../src/sigma/types.js';

const run = (m: number, rankings: number[][], counts?: number[]) =>
  condorcetWinnerRule.run(new Summary(profileFromRankings(m, rankings, counts)));

test('condorcet-winner: the Condorcet winner when there is one (2×0≻1≻2, 1×1≻2≻0 → [0])', () => {
  assert.deepEqual(
    run(
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
      ],
      [2, 1],
    ).winners,
    [0],
  );
});

test('condorcet-winner: the empty set on a cycle and on a majority tie at the top; condorcet keeps every candidate', () => {
  const cycle = [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ];
  assert.deepEqual(run(3, cycle).winners, []);
  assert.deepEqual(
    (getRule('condorcet') as ProfileRule).run(new Summary(profileFromRankings(3, cycle))).winners,
    [0, 1, 2],
  );
  assert.deepEqual(
    run(2, [
      [0, 1],
      [1, 0],
    ]).winners,
    [],
  );
});

test('condorcet-winner: restricted to a subset, the Condorcet winner of the subset', () => {
  const s = new Summary(
    profileFromRankings(3, [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ]),
  );
  assert.deepEqual(condorcetWinnerRule.run(s, [1, 2]).winners, [1]);
});

test('property: condorcet-winner is [cw] or [] exactly as a Condorcet winner exists', () => {
  const arb = fc.integer({ min: 1, max: 5 }).chain((m) =>
    fc.tuple(
      fc.constant(m),
      fc.array(fc.shuffledSubarray([...Array(m).keys()], { minLength: m, maxLength: m }), {
        minLength: 1,
        maxLength: 7,
      }),
    ),
  );
  fc.assert(
    fc.property(arb, ([m, rankings]) => {
      const s = new Summary(profileFromRankings(m, rankings));
      const cw = condorcetWinner(s);
      assert.deepEqual(condorcetWinnerRule.run(s).winners, cw >= 0 ? [cw] : []);
    }),
    { numRuns: 200 },
  );
});

const cyclic = (sigma: string, alignments?: string[]) =>
  JSON.stringify({
    name: 'cyc',
    outcomes: ['x', 'y', 'z'],
    parts: [
      { name: 'a', utility: [1, 0.5, 0] },
      { name: 'b', utility: [0, 1, 0.5] },
      { name: 'c', utility: [0.5, 0, 1] },
    ],
    sigma,
    ...(alignments ? { alignments } : {}),
  });

test('condorcet-winner cannot be H’s Σ (H must choose); as a reading it reports that it elects no one', () => {
  assert.throws(
    () => parseScenario(cyclic('condorcet-winner'), 'cyc.json'),
    /condorcet-winner may elect no one/,
  );
  const r = evaluate(
    parseScenario(cyclic('borda', ['parts/condorcet-winner', 'parts/condorcet']), 'cyc.json'),
  );
  assert.match(r.alignments[0].error ?? '', /elects no action here/);
  assert.equal(r.alignments[1].target, 'x');
});
