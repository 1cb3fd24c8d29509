import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Random } from '../../src/core/random.js';
import {
  comparisonProbabilities,
  comparisons,
  fitBradleyTerry,
  fitMixture,
  mixtureProbabilities,
  population,
  sampleComparisons,
  separation,
  winMatrix,
} from '../../src/learn/index.js';

const centred = (xs: readonly number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.map((x) => x - m);
};
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

test('EM recovers a well-separated two-type mixture from annotators with several comparisons each', () => {
  const u = [
    [2, 1, 0, -1, -2],
    [-2, -1, 0, 1, 2],
  ];
  const pop = population(u, [0.7, 0.3]);
  const { data, annotatorPart } = sampleComparisons(new Random(21), pop, 12000, {
    beta: 1,
    perAnnotator: 30,
  });
  const fit = fitMixture(new Random(22), data, { types: 2 });
  assert.ok(fit.converged);
  assert.equal(fit.grouping, 'annotator');
  assert.ok(Math.abs(fit.weights[0] - 0.7) < 0.05, `weights ${Array.from(fit.weights)}`);
  // Types come by decreasing weight: type 0 is the majority part, type 1 the minority.
  assert.ok(maxDiff(fit.scores[0], centred(u[0])) < 0.15, `type 0 ${Array.from(fit.scores[0])}`);
  assert.ok(maxDiff(fit.scores[1], centred(u[1])) < 0.2, `type 1 ${Array.from(fit.scores[1])}`);
  // Nearly every annotator is assigned to its own hidden part.
  let right = 0;
  for (let g = 0; g < fit.groupIds.length; g++) {
    const type = fit.responsibilities[g * 2] > 0.5 ? 0 : 1;
    if (type === annotatorPart[fit.groupIds[g]]) right++;
  }
  assert.ok(right / fit.groupIds.length > 0.97, `${right} of ${fit.groupIds.length}`);
  // A single Bradley–Terry model of the same data sees a muddle between the two types.
  const single = fitBradleyTerry(data);
  assert.ok(fit.logLik > single.logLik + 100);
});

test('the EM objective never decreases', () => {
  const dataArb = fc.integer({ min: 2, max: 5 }).chain((k) =>
    fc.tuple(
      fc.constant(k),
      fc.array(
        fc.record({
          winner: fc.integer({ min: 0, max: k - 1 }),
          step: fc.integer({ min: 1, max: k - 1 }),
          count: fc.integer({ min: 1, max: 4 }),
          annotator: fc.integer({ min: 0, max: 5 }),
        }),
        { minLength: 1, maxLength: 30 },
      ),
    ),
  );
  fc.assert(
    fc.property(
      dataArb,
      fc.integer({ min: 1, max: 3 }),
      fc.boolean(),
      fc.boolean(),
      fc.integer(),
      ([k, recs], types, byAnnotator, withPrior, seed) => {
        const data = comparisons(
          k,
          recs.map((r) => ({
            winner: r.winner,
            loser: (r.winner + r.step) % k,
            count: r.count,
            annotator: r.annotator,
          })),
        );
        const prior = withPrior || separation(k, winMatrix(data)) !== null ? 0.1 : 0;
        const fit = fitMixture(new Random(seed), data, {
          types,
          prior,
          restarts: 2,
          maxIterations: 200,
          grouping: byAnnotator ? 'annotator' : 'record',
        });
        const tr = fit.trace;
        for (let i = 1; i < tr.length; i++)
          assert.ok(
            tr[i] >= tr[i - 1] - 1e-12 * (1 + Math.abs(tr[i - 1])),
            `iteration ${i}: ${tr[i - 1]} → ${tr[i]}`,
          );
        assert.equal(tr[tr.length - 1], fit.objective);
        assert.ok(fit.objective >= Math.max(...fit.restartObjectives));
        assert.ok(Math.abs(fit.weights.reduce((a, b) => a + b, 0) - 1) < 1e-12);
        for (let c = 1; c < types; c++) assert.ok(fit.weights[c - 1] >= fit.weights[c]);
      },
    ),
    { numRuns: 60, seed: 4 },
  );
});

test('one type is plain Bradley–Terry', () => {
  const { data } = sampleComparisons(new Random(2), population([[0, 1, 2, 3]]), 400, { beta: 1 });
  const mix = fitMixture(new Random(1), data, { types: 1, grouping: 'record' });
  const bt = fitBradleyTerry(data);
  assert.ok(maxDiff(mix.scores[0], bt.scores) < 1e-7);
  assert.ok(Math.abs(mix.logLik - bt.logLik) < 1e-7);
  assert.equal(mix.weights[0], 1);
});

test('a mixture fitted to exact probabilities reproduces them', () => {
  const pop = population(
    [
      [3, 2, 1, 0],
      [0, 1, 3, 2],
    ],
    [0.6, 0.4],
  );
  const pp = comparisonProbabilities(pop, { beta: 1 });
  const fit = fitMixture(new Random(6), pp, { types: 2, restarts: 4 });
  assert.equal(fit.grouping, 'record');
  const p = mixtureProbabilities(fit);
  assert.ok(maxDiff(p, pp.p) < 1e-3, `max error ${maxDiff(p, pp.p)}`);
  // And does at least as well as one type.
  assert.ok(fit.logLik >= fitBradleyTerry(pp).logLik - 1e-9);
});

test('fits are reproducible from the seed', () => {
  const { data } = sampleComparisons(
    new Random(3),
    population([
      [0, 1, 2],
      [2, 1, 0],
    ]),
    300,
    { beta: 2, perAnnotator: 5 },
  );
  const a = fitMixture(new Random(10), data, { types: 2, restarts: 3 });
  const b = fitMixture(new Random(10), data, { types: 2, restarts: 3 });
  assert.deepEqual(a.restartObjectives, b.restartObjectives);
  assert.deepEqual(Array.from(a.scores[0]), Array.from(b.scores[0]));
  assert.equal(a.restartObjectives.length, 3);
});
