import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  distortion,
  favouriteDistribution,
  jensenShannon,
  overtonCoverage,
  powerMean,
  steeringWeights,
} from '../../src/measure/pluralism.js';
import { evaluate } from '../../src/run/one-shot.js';
import { parseScenario } from '../../src/scenario/index.js';

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

/** A distribution over `n` outcomes from non-negative weights (uniform when all are 0). */
const dist = (n: number) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((xs) => {
    const s = xs.reduce((a, b) => a + b, 0);
    return s > 0 ? xs.map((x) => x / s) : xs.map(() => 1 / n);
  });

test('Jensen–Shannon distance: hand values, a metric in [0, 1]', () => {
  close(jensenShannon([1, 0], [0, 1]), 1);
  close(jensenShannon([0.5, 0.5], [0.5, 0.5]), 0);
  // p = (1, 0), q = (1/2, 1/2): m = (3/4, 1/4); JSD = ½·log2(4/3) + ½·(½·log2(2/3) + ½·log2 2).
  const jsd = 0.5 * Math.log2(4 / 3) + 0.5 * (0.5 * Math.log2(0.5 / 0.75) + 0.5 * Math.log2(2));
  close(jensenShannon([1, 0], [0.5, 0.5]), Math.sqrt(jsd));
  fc.assert(
    fc.property(dist(4), dist(4), dist(4), (p, q, r) => {
      const d = jensenShannon(p, q);
      return (
        d >= 0 &&
        d <= 1 + 1e-12 &&
        Math.abs(d - jensenShannon(q, p)) < 1e-12 &&
        d <= jensenShannon(p, r) + jensenShannon(r, q) + 1e-9
      );
    }),
    { numRuns: 200 },
  );
});

test('power means: utilitarian, geometric and worst-off, ordered by the exponent', () => {
  close(powerMean([0.2, 0.8], [1, 3], 1), 0.65);
  close(powerMean([0.25, 1], [1, 1], 0), 0.5);
  close(powerMean([0.25, 1, 0.1], [1, 1, 0], Number.NEGATIVE_INFINITY), 0.25); // weight 0 is left out
  close(powerMean([0, 1], [1, 1], 0), 0);
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }),
      (xs, w) => {
        const [lo, geo, mean] = [Number.NEGATIVE_INFINITY, 0, 1].map((r) => powerMean(xs, w, r));
        return lo <= geo + 1e-9 && geo <= mean + 1e-9 && powerMean(xs, w, -1) <= geo + 1e-9;
      },
    ),
    { numRuns: 200 },
  );
});

test('Overton coverage, favourites and distortion on a hand-worked principal', () => {
  // Parts × actions welfare: p0 likes a0 (1) and a1 (0.6); p1 likes a1 (1) and a2 (0.5); p2 likes a2 only.
  const W = [1, 0.6, 0, 0, 1, 0.5, 0, 0, 1];
  const w = [1, 1, 1];
  // Reasonable (rated ≥ 0.5 by ≥ half the weight): a1 (p0, p1) and a2 (p1, p2); a0 only by p0.
  close(overtonCoverage(W, w, 3, 3, [0, 1, 0]), 0.5);
  close(overtonCoverage(W, w, 3, 3, [0, 0.5, 0.5]), 1);
  close(overtonCoverage(W, w, 3, 3, [1, 0, 0]), 0);
  assert.ok(Number.isNaN(overtonCoverage([1, 0, 0, 1], [1, 1], 2, 2, [1, 0], 0.75)));
  assert.deepEqual(Array.from(favouriteDistribution(W, [2, 1, 1], 3, 3)), [0.5, 0.25, 0.25]);
  // Utilitarian values: a0 1, a1 1.6, a2 1.5 → distortion of a0 is 1.6.
  close(distortion(W, w, 3, 3, [1, 0, 0]), 1.6);
  close(distortion(W, w, 3, 3, [0, 1, 0]), 1);
  assert.equal(distortion([1, 0, 0, 1], [1, 0], 2, 2, [0, 1]), Number.POSITIVE_INFINITY);
  assert.deepEqual(Array.from(steeringWeights([1, 3, 1], 0)), [2, 0.75, 0.25]);
});

test('run --json: every reading carries pluralism; weighted-utilitarian is steerable by every part, Borda’s target its own', () => {
  const s = parseScenario(
    `name: steer
outcomes: [a, b, c]
sigma: weighted-utilitarian
parts:
  - {name: p0, utility: [1, 0, 0]}
  - {name: p1, utility: [0, 1, 0]}
  - {name: p2, utility: [0, 0, 1]}
alignments: [parts/weighted-utilitarian, boundary/instruction, parts/delegates]
`,
    'steer.yaml',
  );
  const r = evaluate(s);
  for (const a of r.alignments) {
    assert.deepEqual(Object.keys(a.pluralism ?? {}), [
      'worst_off_welfare',
      'overton_coverage',
      'steerability',
      'distributional_fit',
      'jury_welfare',
      'distortion',
    ]);
  }
  const wu = r.alignments[0].pluralism;
  assert.equal(wu?.steerability, 1);
  assert.equal(wu?.worst_off_welfare, 0);
  assert.equal(wu?.distortion, 1); // every action has utilitarian welfare 1
  // Without steerability, the rest is the same.
  const cheap = evaluate(s, undefined, { steerability: false });
  const { steerability: _, ...rest } = wu ?? {};
  assert.deepEqual(cheap.alignments[0].pluralism, rest);
});

test('sweeps: pluralism measures by default, steerability only when named', async () => {
  const { parseSweep } = await import('../../src/scenario/sweep.js');
  const { runCells } = await import('../../src/experiment/cells.js');
  const { readSource } = await import('../../src/scenario/source.js');
  const { BASE, sweepYaml } = await import('../experiment/sweep-fixtures.js');
  const byDefault = parseSweep(sweepYaml('d', 1), 'd.yaml').sweep;
  assert.ok(byDefault.measures.includes('distortion'));
  assert.ok(!byDefault.measures.includes('steerability'));
  const named = parseSweep(sweepYaml('n', 1, 'measures: [steerability, distortion]'), 'n.yaml').sweep;
  const b = runCells(named, readSource(BASE, 'base.yaml'), [0]);
  const measures = new Set(b.rows.measure);
  assert.deepEqual([...measures].sort(), ['distortion', 'steerability']);
  for (let i = 0; i < b.rows.value.length; i++)
    if (b.rows.measure[i] === 'steerability') assert.ok(b.rows.value[i] >= 0 && b.rows.value[i] <= 1);
    else assert.ok(b.rows.value[i] >= 1 - 1e-12);
});
