import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Random } from '../../src/core/random.js';
import {
  comparisonProbabilities,
  comparisons,
  fitBradleyTerry,
  type MixtureFit,
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

/** Random comparisons among 2..5 items by up to 6 annotators. */
const dataArb = fc.integer({ min: 2, max: 5 }).chain((k) =>
  fc
    .array(
      fc.record({
        winner: fc.integer({ min: 0, max: k - 1 }),
        step: fc.integer({ min: 1, max: k - 1 }),
        count: fc.integer({ min: 1, max: 4 }),
        annotator: fc.integer({ min: 0, max: 5 }),
      }),
      { minLength: 1, maxLength: 30 },
    )
    .map((recs) =>
      comparisons(
        k,
        recs.map((r) => ({
          winner: r.winner,
          loser: (r.winner + r.step) % k,
          count: r.count,
          annotator: r.annotator,
        })),
      ),
    ),
);

test('the EM objective never decreases', () => {
  fc.assert(
    fc.property(
      dataArb,
      fc.integer({ min: 1, max: 3 }),
      fc.boolean(),
      fc.boolean(),
      fc.integer(),
      (data, types, byAnnotator, withPrior, seed) => {
        const k = data.items;
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

const logSig = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));

/**
 * Two items a, b; each annotator g won a·b `wins[g][0]` times and lost `wins[g][1]` times. The
 * two-type objective over the gaps d_t = s_t[a] − s_t[b] (scores (d/2, −d/2), so |s_t|² = d²/2)
 * and the weight π of type 1:
 *   Σ_g log(π σ(d1)^w σ(−d1)^l + (1 − π) σ(d2)^w σ(−d2)^l) − (λ/4)(d1² + d2²),
 * maximized by brute force: for each (d1, d2) the best π by golden section (the objective is
 * concave in π), a grid over [−8, 8]², then compass search with halving steps.
 */
function bruteForce(wins: readonly (readonly [number, number])[], lambda: number) {
  const f = (d1: number, d2: number, p: number) => {
    let v = -(lambda / 4) * (d1 * d1 + d2 * d2);
    for (const [w, l] of wins)
      v += Math.log(
        p * Math.exp(w * logSig(d1) + l * logSig(-d1)) + (1 - p) * Math.exp(w * logSig(d2) + l * logSig(-d2)),
      );
    return v;
  };
  const bestPi = (d1: number, d2: number) => {
    const r = (Math.sqrt(5) - 1) / 2;
    let [a, b] = [0, 1];
    let [c, d] = [b - r, r];
    let [fc, fd] = [f(d1, d2, c), f(d1, d2, d)];
    for (let i = 0; i < 60; i++)
      if (fc >= fd) {
        [b, d, fd] = [d, c, fc];
        c = b - r * (b - a);
        fc = f(d1, d2, c);
      } else {
        [a, c, fc] = [c, d, fd];
        d = a + r * (b - a);
        fd = f(d1, d2, d);
      }
    return (a + b) / 2;
  };
  const value = (d1: number, d2: number) => f(d1, d2, bestPi(d1, d2));
  let best = { v: Number.NEGATIVE_INFINITY, d1: 0, d2: 0 };
  for (let i = -40; i <= 40; i++)
    for (let j = -40; j <= 40; j++) {
      const v = value(i / 5, j / 5);
      if (v > best.v) best = { v, d1: i / 5, d2: j / 5 };
    }
  for (let h = 0.2; h > 1e-10; h /= 2)
    for (let moved = true; moved; ) {
      moved = false;
      for (const [x, y] of [
        [h, 0],
        [-h, 0],
        [0, h],
        [0, -h],
      ]) {
        const v = value(best.d1 + x, best.d2 + y);
        if (v > best.v) {
          best = { v, d1: best.d1 + x, d2: best.d2 + y };
          moved = true;
        }
      }
    }
  return { objective: best.v, d1: best.d1, d2: best.d2, pi: bestPi(best.d1, best.d2) };
}

function twoItems(wins: readonly (readonly [number, number])[]) {
  return comparisons(
    2,
    wins.flatMap(([w, l], g) => [
      ...(w > 0 ? [{ winner: 0, loser: 1, count: w, annotator: g }] : []),
      ...(l > 0 ? [{ winner: 1, loser: 0, count: l, annotator: g }] : []),
    ]),
    { names: ['a', 'b'], annotatorNames: wins.map((_, g) => `annotator ${g}`) },
  );
}

/** Fits two types to two-item data and checks the fit against the brute-force optimum. */
function fitTwoTypes(wins: readonly (readonly [number, number])[], lambda: number) {
  const fit = fitMixture(new Random(1), twoItems(wins), { types: 2, prior: lambda, tol: 1e-14 });
  const bf = bruteForce(wins, lambda);
  matchesBruteForce(fit, bf);
  return { fit, bf };
}

/** The types may come in either order. */
function matchesBruteForce(fit: MixtureFit, bf: ReturnType<typeof bruteForce>) {
  const gaps = fit.scores.map((s) => s[0] - s[1]);
  const [t1, t2] = Math.abs(gaps[0] - bf.d1) < Math.abs(gaps[1] - bf.d1) ? [0, 1] : [1, 0];
  assert.ok(Math.abs(fit.objective - bf.objective) < 1e-9, `${fit.objective} vs ${bf.objective}`);
  assert.ok(
    Math.abs(gaps[t1] - bf.d1) < 1e-6 && Math.abs(gaps[t2] - bf.d2) < 1e-6,
    `${gaps} vs ${bf.d1}, ${bf.d2}`,
  );
  assert.ok(Math.abs(fit.weights[t1] - bf.pi) < 1e-6, `${fit.weights} vs ${bf.pi}`);
}

test('hand example: one annotator is perfectly separable; the prior sets its gap, EM finds the brute-force optimum', () => {
  // Annotator 0 says a > b three times; annotator 1 says a > b once and b > a twice.
  const wins = [
    [3, 0],
    [1, 2],
  ] as const;
  for (const lambda of [0.1, 0.05]) {
    const { fit } = fitTwoTypes(wins, lambda);
    assert.ok(fit.converged && !fit.diverged);
    // Annotator 0 has a type of its own, whose gap only the prior bounds; annotator 1's type
    // is bounded by its own data.
    const own = fit.assignment[0];
    assert.notEqual(fit.assignment[1], own);
    assert.ok(fit.responsibilities[own] > 0.9, `${fit.responsibilities}`);
    assert.deepEqual(fit.separated, [{ type: own, groups: [0], pairs: [[0, 1]] }]);
  }
  // With no prior the separable type runs off; the fit says so instead of "converged".
  const mle = fitMixture(new Random(1), twoItems(wins), { types: 2 });
  assert.ok(mle.diverged && !mle.converged);
  const own = mle.assignment[0];
  assert.deepEqual(mle.separated, [{ type: own, groups: [0], pairs: [[0, 1]] }]);
  assert.ok(mle.scores[own][0] - mle.scores[own][1] > Math.log(1e8));
  const other = mle.scores[1 - own];
  assert.ok(Math.abs(other[0] - other[1]) < 3);
});

test('as the prior vanishes on data whose maximum-likelihood mixture exists, the fit approaches it', () => {
  const wins = [
    [6, 2],
    [2, 6],
  ] as const;
  const { fit: mle, bf } = fitTwoTypes(wins, 0);
  assert.ok(mle.converged && !mle.diverged);
  assert.deepEqual(mle.separated, []);
  const dist = [1e-2, 1e-4].map((lambda) => {
    const { fit } = fitTwoTypes(wins, lambda);
    const gaps = fit.scores.map((s) => s[0] - s[1]).sort((x, y) => x - y);
    return Math.max(Math.abs(gaps[0] - Math.min(bf.d1, bf.d2)), Math.abs(gaps[1] - Math.max(bf.d1, bf.d2)));
  });
  assert.ok(dist[1] < dist[0] / 10 && dist[1] < 1e-4, `${dist}`);
});

test('with a prior the scores stay finite and bounded for any data, and the report is consistent', () => {
  fc.assert(
    fc.property(
      dataArb,
      fc.integer({ min: 1, max: 3 }),
      fc.boolean(),
      fc.constantFrom(0.01, 0.1, 1),
      fc.integer(),
      (data, types, byAnnotator, lambda, seed) => {
        const fit = fitMixture(new Random(seed), data, {
          types,
          prior: lambda,
          restarts: 2,
          maxIterations: 200,
          grouping: byAnnotator ? 'annotator' : 'record',
        });
        // Each M-step's maximizer does at least as well as s = 0, where every comparison has
        // log-likelihood −log 2: so (λ/2)·Σ_t |s_t|² ≤ n·log 2 for n comparisons in all.
        const n = data.count.reduce((a, b) => a + b, 0);
        let sq = 0;
        for (const s of fit.scores) for (const x of s) sq += x * x;
        assert.ok(fit.scores.every((s) => s.every(Number.isFinite)));
        assert.ok(sq <= (2 * n * Math.LN2) / lambda + 1e-6, `Σ|s|² = ${sq}`);
        assert.ok(!fit.diverged);
        const groups = fit.groupIds.length;
        for (let g = 0; g < groups; g++) {
          const row = Array.from(fit.responsibilities.subarray(g * types, (g + 1) * types));
          assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9);
          assert.equal(row[fit.assignment[g]], Math.max(...row));
        }
        for (const sep of fit.separated) {
          assert.ok(sep.pairs.length > 0 && sep.groups.every((g) => fit.assignment[g] === sep.type));
          const compared = new Set<string>();
          for (let r = 0; r < data.winner.length; r++) {
            const g = byAnnotator
              ? fit.groupIds.indexOf(data.annotator![r])
              : fit.groupPairs!.findIndex(([w, l]) => w === data.winner[r] && l === data.loser[r]);
            if (fit.assignment[g] === sep.type) compared.add(`${data.winner[r]}>${data.loser[r]}`);
          }
          for (const [i, j] of sep.pairs) assert.ok(compared.has(`${i}>${j}`) && !compared.has(`${j}>${i}`));
        }
      },
    ),
    { numRuns: 60 },
  );
});
