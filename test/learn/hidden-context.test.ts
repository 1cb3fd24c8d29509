/**
 * Hidden context (Siththaranjan, Laidlaw & Hadfield-Menell 2023, arXiv 2312.08358, Theorem 3.1):
 * when each comparison is answered by a part of H drawn by weight — the part being hidden from the
 * learner — and pairs are drawn uniformly, the Bradley–Terry scores learned from the exact
 * comparison probabilities order the items exactly as the Borda count does:
 *
 *   û(a) > û(b)  ⇔  BC(a) > BC(b),  BC(a) = Σ_b P(a beats b)
 *
 * (for deterministic annotators, BC is the weighted Borda count of the parts' rankings, ties
 * counting half). The same holds with an L2 prior on the scores: at the optimum
 * BC(a) = Σ_{b≠a} σ(û_a − û_b) + λ·û_a, which is strictly increasing in û_a.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Random } from '../../src/core/random.js';
import {
  argmax,
  bordaScores,
  comparisonProbabilities,
  fitBradleyTerry,
  ordering,
  population,
  populationBorda,
  sampleComparisons,
  separation,
  utilitarianScores,
  winMatrix,
} from '../../src/learn/index.js';

/** Random populations: 1–5 parts, 2–6 items, small integer utilities (ties happen), weights 1–10. */
const populationArb = fc
  .record({ parts: fc.integer({ min: 1, max: 5 }), items: fc.integer({ min: 2, max: 6 }) })
  .chain(({ parts, items }) =>
    fc.record({
      u: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: items, maxLength: items }), {
        minLength: parts,
        maxLength: parts,
      }),
      w: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: parts, maxLength: parts }),
    }),
  );

/** Twice the weighted Borda count, in exact integer arithmetic (a tie between parts' rankings counts half). */
function doubledBorda(u: number[][], w: number[]): number[] {
  const k = u[0].length;
  return Array.from({ length: k }, (_, a) => {
    let pts = 0;
    u.forEach((row, t) => {
      for (let b = 0; b < k; b++)
        if (b !== a) pts += w[t] * (row[a] > row[b] ? 2 : row[a] === row[b] ? 1 : 0);
    });
    return pts;
  });
}

function assertSameOrder(scores: ArrayLike<number>, borda: readonly number[], label: string) {
  for (let a = 0; a < borda.length; a++)
    for (let b = 0; b < borda.length; b++) {
      if (borda[a] === borda[b]) assert.ok(Math.abs(scores[a] - scores[b]) < 1e-7, `${label}: ${a} ~ ${b}`);
      else if (borda[a] > borda[b]) assert.ok(scores[a] - scores[b] > 1e-6, `${label}: ${a} > ${b}`);
    }
}

test('Theorem: Bradley–Terry on the exact probabilities orders items by Borda count (deterministic parts)', () => {
  fc.assert(
    fc.property(populationArb, ({ u, w }) => {
      const pop = population(u, w);
      const pp = comparisonProbabilities(pop); // β = ∞, uniform pairs
      const bc = doubledBorda(u, w);
      const total = 2 * w.reduce((x, y) => x + y, 0) * (u[0].length - 1);
      // The Borda count of the parts' rankings is the expected fraction of comparisons won.
      const pb = populationBorda(pop);
      const fromP = bordaScores(pp);
      bc.forEach((x, i) => {
        assert.ok(Math.abs(pb[i] - x / total) < 1e-12);
        assert.ok(Math.abs(fromP[i] - x / total) < 1e-12);
      });
      // With an L2 prior (always defined) and, where the maximum exists, without one.
      assertSameOrder(fitBradleyTerry(pp, { prior: 0.01 }).scores, bc, 'prior 0.01');
      assertSameOrder(fitBradleyTerry(pp, { prior: 1 }).scores, bc, 'prior 1');
      if (separation(pp.items, winMatrix(pp)) === null)
        assertSameOrder(fitBradleyTerry(pp).scores, bc, 'MLE');
      assert.deepEqual(ordering(fitBradleyTerry(pp, { prior: 0.01 }).scores, 1e-7), ordering(pb, 1e-12));
    }),
    { numRuns: 200, seed: 2312 },
  );
});

test('the same holds for Boltzmann-rational parts: BT orders items by expected fraction of comparisons won', () => {
  fc.assert(
    fc.property(
      populationArb,
      fc.double({ min: 0.1, max: 5, noNaN: true }),
      fc.integer({ min: 0, max: 1000 }),
      ({ u, w }, beta, salt) => {
        // Spread the integer utilities a little so that ties are rare but allowed.
        const uu = u.map((row, t) => row.map((x, i) => x + ((t * 31 + i * 17 + salt) % 7) / 10));
        const pp = comparisonProbabilities(population(uu, w), { beta });
        const bc = bordaScores(pp);
        const s = fitBradleyTerry(pp).scores; // σ(β·Δu) ∈ (0, 1): the maximum always exists
        for (let a = 0; a < bc.length; a++)
          for (let b = 0; b < bc.length; b++) if (bc[a] - bc[b] > 1e-9) assert.ok(s[a] > s[b], `${a} > ${b}`);
      },
    ),
    { numRuns: 100, seed: 8358 },
  );
});

test('worked example: the learned winner is the Borda winner, not the utilitarian or the majority winner', () => {
  // Items a, b, c. A bare majority (0.51) ranks a > b > c; 0.25 ranks b > c > a; 0.24 ranks
  // c > b > a and cares about c enormously.
  const pop = population(
    [
      [1, 0.5, 0],
      [0, 1, 0.99],
      [0, 0.01, 100],
    ],
    [0.51, 0.25, 0.24],
  );
  const pp = comparisonProbabilities(pop);
  // P(a beats b) = P(a beats c) = 0.51, P(b beats c) = 0.76.
  assert.ok(Math.abs(pp.p[0 * 3 + 1] - 0.51) < 1e-12 && Math.abs(pp.p[1 * 3 + 2] - 0.76) < 1e-12);
  const learned = fitBradleyTerry(pp).scores;
  assert.deepEqual(ordering(learned), [[1], [0], [2]]);
  assert.deepEqual(ordering(bordaScores(pp)), [[1], [0], [2]]); // Borda 0.625, 0.51, 0.365
  assert.deepEqual(ordering(utilitarianScores(pop)), [[2], [0], [1]]); // means 24.2475, 0.51, 0.5074
  // The majority winner: the item that parts of total weight > 1/2 rank first (here a, which is
  // also the Condorcet winner: P(a beats x) = 0.51 for both x).
  const firstPlace = [0, 0, 0];
  for (let t = 0; t < pop.parts; t++)
    firstPlace[argmax(pop.u.subarray(t * 3, t * 3 + 3))[0]] += pop.weights[t];
  const majority = firstPlace.findIndex((x) => x > 0.5);
  assert.equal(majority, 0);
  // Un-bounded, the learned model picks b: neither the majority's a nor the utilitarian c.
  assert.deepEqual(argmax(learned), [1]);
  assert.deepEqual(argmax(utilitarianScores(pop)), [2]);
  // The same learned winner from finite sampled data.
  const { data } = sampleComparisons(new Random(42), pop, 20000);
  assert.deepEqual(ordering(fitBradleyTerry(data).scores), [[1], [0], [2]]);
});

test('the equivalence needs uniform pair weights', () => {
  // Found by search: with these pair weights the learned order is a > d > b > c, while the
  // expected fraction of comparisons won orders a > b > d > c.
  const pop = population(
    [
      [2, 2, 0, 0],
      [2, 0, 0, 1],
      [2, 3, 1, 3],
    ],
    [1, 4, 2],
  );
  const pairWeight = [0, 4, 3, 5, 4, 0, 3, 1, 3, 3, 0, 1, 5, 1, 1, 0];
  const pp = comparisonProbabilities(pop, { pairWeight });
  assert.deepEqual(ordering(fitBradleyTerry(pp, { prior: 0.01 }).scores), [[0], [3], [1], [2]]);
  assert.deepEqual(ordering(bordaScores(pp)), [[0], [1], [3], [2]]);
  // With uniform pairs the two agree again.
  const uniform = comparisonProbabilities(pop);
  assert.deepEqual(
    ordering(fitBradleyTerry(uniform, { prior: 0.01 }).scores, 1e-7),
    ordering(bordaScores(uniform)),
  );
});

test('exact probabilities are the limit of sampled frequencies', () => {
  const pop = population(
    [
      [0, 1, 2],
      [2, 0, 1],
    ],
    [2, 1],
  );
  for (const beta of [1.5, Number.POSITIVE_INFINITY]) {
    const pp = comparisonProbabilities(pop, { beta });
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        if (i !== j) assert.ok(Math.abs(pp.p[i * 3 + j] + pp.p[j * 3 + i] - 1) < 1e-15);
    const { data } = sampleComparisons(new Random(5), pop, 60000, { beta });
    const w = winMatrix(data);
    for (let i = 0; i < 3; i++)
      for (let j = i + 1; j < 3; j++) {
        const freq = w[i * 3 + j] / (w[i * 3 + j] + w[j * 3 + i]);
        assert.ok(Math.abs(freq - pp.p[i * 3 + j]) < 0.015, `${i},${j}: ${freq} vs ${pp.p[i * 3 + j]}`);
      }
  }
});

test('annotators answer several comparisons each as one hidden part', () => {
  const pop = population(
    [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
    ],
    [1, 3],
  );
  const { data, annotatorPart } = sampleComparisons(new Random(8), pop, 1000, { perAnnotator: 10 });
  assert.equal(data.winner.length, 1000);
  assert.equal(annotatorPart.length, 100);
  for (let r = 0; r < 1000; r++) {
    assert.equal(data.annotator![r], Math.floor(r / 10));
    const part = annotatorPart[data.annotator![r]];
    // Deterministic parts never contradict their own utilities.
    assert.ok(pop.u[part * 4 + data.winner[r]] > pop.u[part * 4 + data.loser[r]]);
  }
  const share = Array.from(annotatorPart).filter((p) => p === 1).length / 100;
  assert.ok(share > 0.6 && share < 0.9, `share ${share}`);
});
