// Runs in its own process (node --test isolates files), so the MIP solver is not loaded here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dodgson } from '../../../src/sigma/ordinal/exact/dodgson.js';
import { kemenyYoung } from '../../../src/sigma/ordinal/exact/kemeny.js';
import { loadSolver, solverReady } from '../../../src/sigma/ordinal/exact/solver.js';
import { young } from '../../../src/sigma/ordinal/exact/young.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';

const s = () =>
  new Summary(
    profileFromRankings(3, [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ]),
  );

test('without prepare(): Kemeny below 21 candidates runs, Dodgson and Young say what to do', async () => {
  assert.equal(solverReady(), false);
  assert.deepEqual(kemenyYoung.run(s()).winners, [0, 1, 2]);
  assert.throws(
    () => dodgson.run(s()),
    /dodgson needs the MIP solver \(glpk\.js\).*await the rule's prepare\(\)/,
  );
  assert.throws(() => young.run(s()), /young needs the MIP solver/);
  // prepare() loads it once; then run() is synchronous.
  await Promise.all([dodgson.prepare(), young.prepare(), loadSolver()]);
  assert.equal(solverReady(), true);
  assert.deepEqual(dodgson.run(s()).winners, [0, 1, 2]);
  assert.deepEqual(young.run(s()).scores, [1, 1, 1]);
});
