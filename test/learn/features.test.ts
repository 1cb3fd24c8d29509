/**
 * Capacity limits: a learner whose scores are Φθ can only represent what Φ spans, so H's
 * comparisons are projected onto that span before anything is un-bounded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import { Random } from '../../src/core/random.js';
import {
  argmax,
  bradleyTerryProbabilities,
  choices,
  comparisonProbabilities,
  comparisons,
  fitBradleyTerry,
  fitFeatureBradleyTerry,
  fitFeatureLogit,
  fitLogit,
  ordering,
  pairProbabilities,
  population,
  sampleBradleyTerry,
  utilitarianScores,
} from '../../src/learn/index.js';

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

test('hand example: one feature cannot put the middle item on top', () => {
  // Three items with a single feature x = (0, 1, 2): every representable score vector θ·x is
  // monotone in x, so item 1 can never be strictly best. H plainly prefers item 1.
  const truth = [0, 1.5, -1.5];
  const pp = pairProbabilities(3, bradleyTerryProbabilities(truth));
  const full = fitBradleyTerry(pp);
  assert.deepEqual(ordering(full.scores), [[1], [0], [2]]);
  const limited = fitFeatureBradleyTerry(pp, [[0], [1], [2]]);
  assert.ok(limited.converged);
  const s = limited.scores;
  assert.ok(Math.abs(s[1] - s[0] - (s[2] - s[1])) < 1e-12, 'scores are affine in the feature');
  assert.deepEqual(argmax(s), [0]); // the learner's best is H's second choice
  assert.ok(limited.logLik < full.logLik);
});

test('whatever the data, a one-feature learner only produces orderings monotone in the feature', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 9, maxLength: 9 }),
      fc.constantFrom([0, 1, 2], [0, 1, 5], [3, -1, 0]),
      (counts, x) => {
        const recs = [];
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++)
            if (i !== j && counts[i * 3 + j] > 0)
              recs.push({ winner: i, loser: j, count: counts[i * 3 + j] });
        if (recs.length === 0) return;
        const fit = fitFeatureBradleyTerry(
          comparisons(3, recs),
          x.map((v) => [v]),
          { prior: 0.05 },
        );
        const order = [0, 1, 2].sort((a, b) => x[a] - x[b]);
        const s = order.map((i) => fit.scores[i]);
        const up = s[0] <= s[1] + 1e-12 && s[1] <= s[2] + 1e-12;
        const down = s[0] >= s[1] - 1e-12 && s[1] >= s[2] - 1e-12;
        assert.ok(up || down, `scores ${s} along the feature`);
        // The middle item is never the unique maximizer.
        assert.notDeepEqual(argmax(fit.scores, 1e-9), [order[1]]);
      },
    ),
    { numRuns: 100, seed: 12 },
  );
});

test('the part whose values the features miss is lost when the learner is un-bounded', () => {
  // Two equal parts. A values x, which the learner's single feature is; B values z, which has
  // zero covariance with x and so lies outside the learner's span.
  const x = [3, 2, 1, 0];
  const z = [0, 3, 3, 0];
  const pop = population([x, z], [1, 1]);
  const pp = comparisonProbabilities(pop, { beta: 1 });
  const full = fitBradleyTerry(pp);
  const limited = fitFeatureBradleyTerry(
    pp,
    x.map((v) => [v]),
  );
  assert.deepEqual(argmax(full.scores), [1]); // a compromise both parts rate well
  assert.deepEqual(argmax(utilitarianScores(pop)), [1]);
  assert.deepEqual(argmax(limited.scores), [0]); // A's favourite, which B rates lowest
  assert.ok(limited.theta[0] > 0);
});

test('identity features give back the unrestricted fits', () => {
  const data = sampleBradleyTerry(new Random(7), [1, 0.2, -0.3, -0.9], 2000);
  const eye = [
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
  ];
  const bt = fitBradleyTerry(data);
  const fb = fitFeatureBradleyTerry(data, eye);
  assert.ok(fb.converged);
  assert.ok(maxDiff(bt.scores, fb.scores) < 1e-8);
  assert.ok(Math.abs(bt.logLik - fb.logLik) < 1e-8);
  // Redundant features (a constant column, a duplicate) change nothing the data can see.
  const redundant = eye.map((row) => [...row, 1, row[0]]);
  const fr = fitFeatureBradleyTerry(data, redundant);
  assert.ok(maxDiff(bt.scores, fr.scores) < 1e-6, `${maxDiff(bt.scores, fr.scores)}`);
  const ch = choices(3, [
    { set: [0, 1, 2], chosen: 0, count: 5 },
    { set: [0, 1, 2], chosen: 1, count: 3 },
    { set: [1, 2], chosen: 2, count: 2 },
    { set: [0, 2], chosen: 2, count: 1 },
  ]);
  const lg = fitLogit(ch);
  const fl = fitFeatureLogit(ch, [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ]);
  assert.ok(maxDiff(lg.scores, fl.scores) < 1e-8);
});

test('both fits climb by the same damped Newton loop: identity features with a prior take the same steps', () => {
  // With λ > 0 the Newton step keeps Σθ = 0, so θ = s iterate by iterate.
  const data = sampleBradleyTerry(new Random(8), [2, 0.5, -0.4, -2.1], 60);
  const eye = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : 0)));
  const bt = fitBradleyTerry(data, { prior: 0.2, trace: true });
  const fb = fitFeatureBradleyTerry(data, eye, { prior: 0.2, trace: true });
  assert.equal(fb.iterations, bt.iterations);
  assert.ok(bt.trace!.length > 2);
  assert.ok(maxDiff(fb.trace!, bt.trace!) < 1e-12, `${fb.trace} vs ${bt.trace}`);
  assert.ok(maxDiff(fb.theta, bt.scores) < 1e-12);
});

test('the restricted Newton objective never decreases, whatever the features', () => {
  const arb = fc.integer({ min: 2, max: 5 }).chain((k) =>
    fc.record({
      k: fc.constant(k),
      wins: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: k * k, maxLength: k * k }),
      phi: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: k * 2, maxLength: k * 2 }),
      prior: fc.constantFrom(0, 0.05, 1),
    }),
  );
  fc.assert(
    fc.property(arb, ({ k, wins, phi, prior }) => {
      const recs = [];
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++)
          if (i !== j && wins[i * k + j] > 0) recs.push({ winner: i, loser: j, count: wins[i * k + j] });
      if (recs.length === 0) return;
      const fit = fitFeatureBradleyTerry(comparisons(k, recs), phi, {
        d: 2,
        prior,
        trace: true,
        maxIterations: 40,
      });
      const tr = fit.trace!;
      for (let i = 1; i < tr.length; i++)
        assert.ok(
          tr[i] >= tr[i - 1] - 1e-12 * (1 + Math.abs(tr[i - 1])),
          `step ${i}: ${tr[i - 1]} → ${tr[i]}`,
        );
      assert.equal(tr[tr.length - 1], fit.objective);
    }),
    { numRuns: 80 },
  );
});

test('feature matrices are checked', () => {
  const data = comparisons(2, [{ winner: 0, loser: 1 }]);
  assert.throws(
    () => fitFeatureBradleyTerry(data, [[1, 2], [3]]),
    (e: unknown) => e instanceof UserError && e.message === 'features[1]: expected 2 numbers, got 1',
  );
  assert.throws(() => fitFeatureBradleyTerry(data, [[1]]), /expected 2 rows/);
  assert.throws(
    () => fitFeatureBradleyTerry(data, [[1], [Number.NaN]]),
    /features\[1\]: expected a finite number/,
  );
});
