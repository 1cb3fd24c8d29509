import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { utilityProblemFromProfile } from '../../../src/sigma/cardinal/from-profile.js';
import { nashBargaining } from '../../../src/sigma/cardinal/nash.js';
import { weightedUtilitarian } from '../../../src/sigma/cardinal/utilitarian.js';
import { profileFromRankings, profileFromScores } from '../../../src/sigma/profile.js';
import { close } from './helpers.js';

test('score ballots become parts weighted by their counts', () => {
  const prof = profileFromScores(3, Float64Array.from([5, 3, 0, 0, 2, 5]), Float64Array.from([2, 1]));
  const p = utilityProblemFromProfile(prof);
  assert.equal(p.parts, 2);
  assert.equal(p.actions, 3);
  close(p.u, [5, 3, 0, 0, 2, 5]);
  close(p.weights, [2, 1]);
  assert.deepEqual(weightedUtilitarian.run(p).winners, [0]);
  assert.deepEqual(nashBargaining.run(p).winners, [1]);
});

test('unscored candidates get the lowest score in the profile, or the given value', () => {
  const prof = profileFromScores(3, Float64Array.from([5, Number.NaN, 2, 1, 4, Number.NaN]));
  close(utilityProblemFromProfile(prof).u, [5, 1, 2, 1, 4, 1]);
  close(utilityProblemFromProfile(prof, { unscored: 0 }).u, [5, 0, 2, 1, 4, 0]);
  close(utilityProblemFromProfile(prof, { cands: [2, 0] }).u, [2, 5, 1, 1]);
});

test('a rankings-only profile is a user error', () => {
  assert.throws(
    () => utilityProblemFromProfile(profileFromRankings(2, [[0, 1]])),
    (e: unknown) => e instanceof UserError && /profile: expected cardinal ballots/.test(e.message),
  );
});
