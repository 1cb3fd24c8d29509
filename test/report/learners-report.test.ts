/**
 * The report sections and claims of the learners and whole-irl experiments: what they say is read
 * off the result, so a different result says something different.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runLearners } from '../../src/experiment/learners.js';
import { runWholeIrl } from '../../src/experiment/whole-irl.js';
import { learnersClaim, learnersSection } from '../../src/report/learners-report.js';
import { wholeIrlClaim, wholeIrlSection } from '../../src/report/whole-irl-report.js';

const learners = runLearners(1);
const irl = runWholeIrl(1);

test('learners: a curve per learner against the planners; the verdict follows the result', async () => {
  const s = await learnersSection(learners);
  assert.equal(s.figures?.length, learners.learners.length);
  for (const f of s.figures ?? []) assert.match(f.svg, /^<svg/);
  assert.equal(s.tables?.[0].rows.length, learners.planners.length + learners.learners.length);
  const psrl = learners.learners[0];
  assert.notEqual(psrl.manipulation_from, null);
  assert.match(
    learnersClaim(learners).verdict,
    new RegExp(`learner/psrl reshapes H from episode ${psrl.manipulation_from}`),
  );
  const never = { ...learners, learners: learners.learners.map((l) => ({ ...l, manipulation_from: null })) };
  assert.match(
    learnersClaim(never).verdict,
    /^learner\/psrl does not settle on reshaping H within 200 episodes/,
  );
  // The curve starts before any learning, where nothing reshapes H.
  assert.equal(psrl.curve.episode[0], 0);
  assert.ok(psrl.curve.mean_drift[0] <= learners.drift_threshold);
});

test('whole-irl: decompositions and rewards tabulated; the verdict follows the result', async () => {
  const s = await wholeIrlSection(irl);
  assert.equal(s.tables?.[0].rows.length, irl.decompositions.length);
  assert.equal(s.tables?.[1].rows.length, irl.states.length);
  assert.match(s.figures?.[0].svg ?? '', /^<svg/);
  assert.match(
    wholeIrlClaim(irl).verdict,
    /largest difference 0\).*simplest decomposition under the prior is over-rational ×100$/,
  );
  assert.match(wholeIrlClaim({ ...irl, simplest: 'rational' }).verdict, /is rational$/);
});
