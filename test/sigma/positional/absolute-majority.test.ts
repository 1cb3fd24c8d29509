/**
 * Absolute majority: pref_voting's documented examples, the empty set when no one has a strict
 * majority, and its claimed axioms. Agreement with pref_voting on 320 random profiles is in
 * test/sigma/pref-voting/breadth.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { absoluteMajority } from '../../../src/sigma/ordinal/positional/absolute-majority.js';
import { plurality } from '../../../src/sigma/ordinal/positional/plurality.js';
import { Summary } from '../../../src/sigma/profile.js';
import { ballotsArb, checkAxioms, profileOf } from './axioms.js';
import { S } from './examples.js';

test("absolute majority: pref_voting's docstring examples", () => {
  // prof1: 0 has 3 of 6 first places, not more than half.
  assert.deepEqual(
    absoluteMajority.run(
      S(
        3,
        [
          [0, 1, 2],
          [1, 0, 2],
          [2, 1, 0],
        ],
        [3, 1, 2],
      ),
    ).winners,
    [],
  );
  // prof2: 0 has 5 of 8.
  assert.deepEqual(
    absoluteMajority.run(
      S(
        3,
        [
          [0, 1, 2],
          [1, 0, 2],
          [1, 2, 0],
        ],
        [5, 1, 2],
      ),
    ).winners,
    [0],
  );
  // On a subset: without 2, 1 has 1 + 2 of 3 first places.
  assert.deepEqual(
    absoluteMajority.run(
      S(
        3,
        [
          [0, 1, 2],
          [1, 0, 2],
          [2, 1, 0],
        ],
        [1, 1, 1],
      ),
      [0, 1],
    ).winners,
    [1],
  );
  assert.ok(absoluteMajority.empty);
});

test('absolute majority elects the plurality winner exactly when its share is above one half', () => {
  fc.assert(
    fc.property(ballotsArb(), (b) => {
      const s = new Summary(profileOf(b));
      const p = plurality.run(s);
      const top = (p.scores as number[])[p.winners[0]];
      const r = absoluteMajority.run(s).winners;
      if (top > s.n / 2 + 1e-9) assert.deepEqual(r, p.winners);
      else assert.deepEqual(r, []);
    }),
    { numRuns: 200 },
  );
});

test('absolute majority: anonymity, neutrality, Pareto', () => {
  checkAxioms(absoluteMajority, { numRuns: 150 });
});
