import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import { Random } from '../../src/core/random.js';
import {
  bradleyTerryLogLik,
  bradleyTerryProbabilities,
  comparisons,
  fitBradleyTerry,
  pairProbabilities,
  sampleBradleyTerry,
  separation,
  winMatrix,
} from '../../src/learn/index.js';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);
const centred = (xs: readonly number[]) => {
  const m = sum(xs) / xs.length;
  return xs.map((x) => x - m);
};
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** Random win counts over k items: each ordered pair gets 0..maxCount wins. */
const winsArb = fc
  .integer({ min: 2, max: 6 })
  .chain((k) =>
    fc.tuple(
      fc.constant(k),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: k * k, maxLength: k * k }),
    ),
  );

function dataFromCounts(k: number, counts: readonly number[]) {
  const recs = [];
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++)
      if (i !== j && counts[i * k + j] > 0) recs.push({ winner: i, loser: j, count: counts[i * k + j] });
  return comparisons(k, recs);
}

test('recovers known scores from a large synthetic sample', () => {
  const truth = centred([1.2, 0.6, 0.1, -0.2, -0.5, -1.2]);
  const data = sampleBradleyTerry(new Random(11), truth, 200000);
  const fit = fitBradleyTerry(data);
  assert.ok(fit.converged);
  assert.ok(maxDiff(fit.scores, truth) < 0.04, `max error ${maxDiff(fit.scores, truth)}`);
  assert.ok(Math.abs(sum(fit.scores)) < 1e-9, 'scores sum to 0');
});

test('recovers scores exactly from exact probabilities, with any pair weights', () => {
  const truth = centred([0.9, -0.4, 2.1, 0, -1.3]);
  const k = truth.length;
  const weight = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) weight[i * k + j] = weight[j * k + i] = 1 + ((i * 7 + j * 3) % 5);
  const pp = pairProbabilities(k, bradleyTerryProbabilities(truth), { weight });
  for (const method of ['newton', 'mm'] as const) {
    const fit = fitBradleyTerry(pp, { method, tol: 1e-12 });
    assert.ok(fit.converged, method);
    assert.ok(maxDiff(fit.scores, truth) < 1e-8, `${method}: ${maxDiff(fit.scores, truth)}`);
  }
});

test('MM (Hunter 2004) and Newton reach the same maximum', () => {
  fc.assert(
    fc.property(winsArb, fc.boolean(), ([k, counts], withPrior) => {
      const data = dataFromCounts(k, counts);
      const connected = separation(k, winMatrix(data)) === null;
      const prior = withPrior || !connected ? 0.1 : 0;
      const newton = fitBradleyTerry(data, { prior });
      const mm = fitBradleyTerry(data, { prior, method: 'mm', tol: 1e-11, maxIterations: 1e6 });
      assert.ok(newton.converged && mm.converged);
      assert.ok(maxDiff(newton.scores, mm.scores) < 1e-6, `${maxDiff(newton.scores, mm.scores)}`);
      assert.ok(Math.abs(newton.objective - mm.objective) <= 1e-9 * (1 + Math.abs(newton.objective)));
      assert.ok(Math.abs(sum(newton.scores)) < 1e-8);
    }),
    { numRuns: 60, seed: 7 },
  );
});

test('at the maximum, expected wins equal observed wins and no perturbation does better', () => {
  const data = dataFromCounts(4, [0, 3, 1, 2, 1, 0, 4, 0, 2, 1, 0, 3, 1, 2, 2, 0]);
  const fit = fitBradleyTerry(data);
  const w = winMatrix(data);
  const p = bradleyTerryProbabilities(fit.scores);
  for (let i = 0; i < 4; i++) {
    let won = 0;
    let expected = 0;
    for (let j = 0; j < 4; j++) {
      won += w[i * 4 + j];
      expected += (w[i * 4 + j] + w[j * 4 + i]) * p[i * 4 + j];
    }
    assert.ok(Math.abs(won - expected) < 1e-8);
  }
  assert.ok(Math.abs(bradleyTerryLogLik(data, fit.scores) - fit.logLik) < 1e-9);
  const rng = new Random(3);
  for (let t = 0; t < 50; t++) {
    const s = Array.from(fit.scores, (x) => x + 0.05 * rng.normal());
    assert.ok(bradleyTerryLogLik(data, s) <= fit.logLik + 1e-12);
  }
});

test('MM never decreases the objective', () => {
  const data = sampleBradleyTerry(new Random(4), [2, 1, 0, -1, -2], 300);
  for (const prior of [0, 0.5]) {
    const fit = fitBradleyTerry(data, { method: 'mm', prior, trace: true });
    const tr = fit.trace!;
    assert.ok(tr.length > 2);
    for (let i = 1; i < tr.length; i++)
      assert.ok(tr[i] >= tr[i - 1] - 1e-12 * Math.abs(tr[i - 1]), `step ${i}`);
  }
});

test('separated data: no maximum without a prior, a UserError says which items never lose', () => {
  // 0 beats 1 and 2; 1 and 2 beat each other. 0 never loses.
  const data = comparisons(
    3,
    [
      { winner: 0, loser: 1 },
      { winner: 0, loser: 2 },
      { winner: 1, loser: 2 },
      { winner: 2, loser: 1 },
    ],
    { names: ['a', 'b', 'c'] },
  );
  assert.throws(
    () => fitBradleyTerry(data),
    (e: unknown) =>
      e instanceof UserError && /a never lost to b, c/.test(e.message) && /prior/.test(e.message),
  );
  for (const method of ['newton', 'mm'] as const) {
    const fit = fitBradleyTerry(data, { prior: 0.1, method });
    assert.ok(fit.converged);
    assert.ok(fit.scores[0] > fit.scores[1] && Math.abs(fit.scores[1] - fit.scores[2]) < 1e-8);
    assert.ok(Math.abs(sum(fit.scores)) < 1e-8, 'the prior optimum sums to 0');
  }
  // An item never compared has no identified score either.
  assert.throws(
    () =>
      fitBradleyTerry(
        comparisons(3, [
          { winner: 0, loser: 1 },
          { winner: 1, loser: 0 },
        ]),
      ),
    UserError,
  );
});

test('hand example: an item that never loses gets the finite gap where the prior balances the data', () => {
  // a beats b three times. With s = (d/2, −d/2) the objective is 3·log σ(d) − (λ/4)·d², whose
  // maximum solves 3·σ(−d) = λ·d/2: found here by bisection, independently of the fitter.
  const data = comparisons(2, [{ winner: 0, loser: 1, count: 3 }]);
  const sig = (x: number) => 1 / (1 + Math.exp(-x));
  for (const lambda of [0.01, 0.1, 1]) {
    let lo = 0;
    let hi = 100;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (3 * sig(-mid) - (lambda * mid) / 2 > 0) lo = mid;
      else hi = mid;
    }
    for (const method of ['newton', 'mm'] as const) {
      const fit = fitBradleyTerry(data, { prior: lambda, method, tol: 1e-12 });
      assert.ok(fit.converged, `${method} λ = ${lambda}`);
      assert.ok(
        Math.abs(fit.scores[0] - fit.scores[1] - lo) < 1e-8,
        `${method} λ = ${lambda}: ${fit.scores}`,
      );
      assert.ok(Math.abs(fit.scores[0] + fit.scores[1]) < 1e-12);
    }
  }
  // λ = 0.1 gives d ≈ 2.96: P(a beats b) ≈ 0.95, not the certainty the data alone push towards.
  const d = fitBradleyTerry(data, { prior: 0.1 }).scores;
  assert.ok(Math.abs(d[0] - d[1] - 2.959) < 1e-3, `${d}`);
});

test('with a prior the scores stay finite and bounded for any data; as it vanishes they approach the MLE', () => {
  fc.assert(
    fc.property(winsArb, fc.double({ min: 1e-3, max: 10, noNaN: true }), ([k, counts], lambda) => {
      const data = dataFromCounts(k, counts);
      const n = sum(data.count);
      const fit = fitBradleyTerry(data, { prior: lambda });
      assert.ok(fit.converged);
      // The objective at the fit is at least its value at s = 0, −n·log 2, and the
      // log-likelihood is at most 0: so (λ/2)|s|² ≤ n·log 2.
      const sq = (s: ArrayLike<number>) => Array.from(s).reduce((a, x) => a + x * x, 0);
      assert.ok(Array.from(fit.scores).every(Number.isFinite));
      assert.ok(sq(fit.scores) <= (2 * n * Math.LN2) / lambda + 1e-9, `|s|² = ${sq(fit.scores)}`);
      if (separation(k, winMatrix(data)) !== null) return;
      // The MLE ŝ exists. F_λ(s_λ) ≥ F_λ(ŝ) and ℓ(ŝ) ≥ ℓ(s_λ) give 0 ≤ ℓ(ŝ) − ℓ(s_λ) ≤ (λ/2)|ŝ|²
      // and |s_λ| ≤ |ŝ|; the distance to ŝ shrinks in proportion to λ.
      const mle = fitBradleyTerry(data, { tol: 1e-13 });
      const dist: number[] = [];
      for (const small of [1e-3, 1e-5]) {
        const f = fitBradleyTerry(data, { prior: small, tol: 1e-13 });
        const gap = mle.logLik - f.logLik;
        assert.ok(gap >= -1e-9 && gap <= (small / 2) * sq(mle.scores) + 1e-9, `λ = ${small}: gap ${gap}`);
        assert.ok(sq(f.scores) <= sq(mle.scores) + 1e-9);
        dist.push(maxDiff(f.scores, mle.scores));
      }
      assert.ok(dist[1] <= 0.05 * dist[0] + 1e-8, `distances ${dist}`);
    }),
    { numRuns: 150 },
  );
});

test('the same data give the same fit (deterministic)', () => {
  const data = sampleBradleyTerry(new Random(9), [0.5, 0, -0.5], 500);
  const again = sampleBradleyTerry(new Random(9), [0.5, 0, -0.5], 500);
  assert.deepEqual(Array.from(data.winner), Array.from(again.winner));
  assert.deepEqual(Array.from(fitBradleyTerry(data).scores), Array.from(fitBradleyTerry(again).scores));
});
