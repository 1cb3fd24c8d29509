import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bracketVoting } from '../../../src/sigma/ordinal/procedural/bracket-voting.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { checkAxioms } from '../positional/axioms.js';

test('seeds 1–4 by first places; 1 meets 4, 2 meets 3, then the final', () => {
  const s = new Summary(
    profileFromRankings(
      4,
      [
        [0, 1, 2, 3],
        [1, 2, 3, 0],
        [2, 3, 1, 0],
        [3, 2, 1, 0],
      ],
      [4, 3, 2, 1],
    ),
  );
  // 3 upsets 0 (6–4), 1 beats 2 (7–3), 1 beats 3 in the final (7–3).
  assert.deepEqual(bracketVoting.run(s).winners, [1]);
  // Three candidates: seed 1 has a bye. Among 0, 1, 2: seeds 0 (4), 1 (3), 2 (3 after 3's voter
  // moves to 2); 1 beats 2 7–3, then 1 beats 0 6–4.
  assert.deepEqual(bracketVoting.run(s, [0, 1, 2]).winners, [1]);
});

test('the tie-breaking order seeds candidates tied in first places', () => {
  // A three-way cycle with one first place each: the order decides the seeds; seed 1 has a bye and
  // meets the winner of 2 v 3.
  const s = new Summary(
    profileFromRankings(3, [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ]),
  );
  // Seeds 0, 1, 2: 1 beats 2, then 0 beats 1.
  assert.deepEqual(bracketVoting.run(s).winners, [0]);
  // Seeds 1, 2, 0: 2 beats 0, then 1 beats 2.
  assert.deepEqual(bracketVoting.run(s, undefined, { tie_breaker: [1, 2, 0] }).winners, [1]);
});

test('bracket voting: claimed axioms hold on random weak and truncated profiles', () => {
  checkAxioms(bracketVoting);
});
