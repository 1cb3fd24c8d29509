import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logSigmoid, logSumExp, rootDecreasing, sigmoid, solveSpd } from '../../src/learn/numeric.js';

test('logistic helpers stay finite and accurate at the extremes', () => {
  assert.equal(sigmoid(0), 0.5);
  assert.equal(sigmoid(800), 1);
  assert.equal(sigmoid(-800), 0);
  assert.equal(logSigmoid(-800), -800);
  assert.ok(Math.abs(logSigmoid(40) + Math.exp(-40)) < 1e-30);
  assert.ok(Math.abs(logSumExp([1000, 1000]) - (1000 + Math.LN2)) < 1e-12);
  assert.equal(logSumExp([5, 1, 9], [0, 2], 0, 1), 5);
});

test('solveSpd solves positive-definite systems and tolerates semidefinite ones', () => {
  const a = Float64Array.from([4, 1, 1, 3]);
  const x = solveSpd(a, Float64Array.from([1, 2]), 2);
  assert.ok(Math.abs(4 * x[0] + x[1] - 1) < 1e-12 && Math.abs(x[0] + 3 * x[1] - 2) < 1e-12);
  // A graph Laplacian is singular along 1; a right-hand side orthogonal to 1 still gets a solution.
  const lap = Float64Array.from([1, -1, -1, 1]);
  const y = solveSpd(lap, Float64Array.from([1, -1]), 2);
  assert.ok(Math.abs(y[0] - y[1] - 1) < 1e-6);
});

test('rootDecreasing finds roots far from the start', () => {
  const r = rootDecreasing((x) => [5 - Math.exp(x) - 0.01 * x, -Math.exp(x) - 0.01], 0);
  assert.ok(Math.abs(5 - Math.exp(r) - 0.01 * r) < 1e-12);
  const far = rootDecreasing((x) => [1e6 - x, -1], 0);
  assert.ok(Math.abs(far - 1e6) < 1e-6);
  const neg = rootDecreasing((x) => [-3 - x * x * x, -3 * x * x], 10);
  assert.ok(Math.abs(neg + Math.cbrt(3)) < 1e-12);
});
