import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import {
  normalizationMap,
  normalizeProblem,
  normalizeRow,
  normalizeUtilities,
  parseNormalization,
} from '../../src/core/normalize.js';

const close = (xs: ArrayLike<number>, ys: number[], tol = 1e-12) => {
  assert.equal(xs.length, ys.length);
  for (let i = 0; i < ys.length; i++) assert.ok(Math.abs(xs[i] - ys[i]) <= tol, `${Array.from(xs)} vs ${ys}`);
};

test('min–max maps the feasible worst to 0 and best to 1', () => {
  close(normalizeRow([2, 4, 10, 6], 'minmax'), [0, 0.25, 1, 0.5]);
  assert.deepEqual(Array.from(normalizeRow([-3, 7], 'minmax')), [0, 1]);
});

test('min–max over a feasible subset: infeasible actions may leave [0, 1]', () => {
  close(normalizeRow([2, 4, 10, 6], 'minmax', { feasible: [0, 1] }), [0, 1, 4, 2]);
});

test('an indifferent part gets 1 everywhere (min–max), 0 (z-score), the top grade (range)', () => {
  assert.deepEqual(Array.from(normalizeRow([3, 3, 3], 'minmax')), [1, 1, 1]);
  assert.deepEqual(Array.from(normalizeRow([3, 3, 3], 'zscore')), [0, 0, 0]);
  assert.deepEqual(Array.from(normalizeRow([3, 3, 3], 'range')), [10, 10, 10]);
  // Indifferent over the feasible set only: the shift u − c + 1 applies to the others.
  assert.deepEqual(Array.from(normalizeRow([3, 3, 5], 'minmax', { feasible: [0, 1] })), [1, 1, 3]);
  assert.deepEqual(Array.from(normalizeRow([7], 'minmax')), [1]);
});

test('z-score uses the population standard deviation', () => {
  close(normalizeRow([1, 3], 'zscore'), [-1, 1]);
  close(normalizeRow([0, 0, 3], 'zscore'), [-Math.SQRT1_2, -Math.SQRT1_2, Math.SQRT2]);
});

test('range voting rounds the min–max value to grades 0..G', () => {
  assert.deepEqual(Array.from(normalizeRow([0, 1, 2, 3], 'range', { grades: 4 })), [0, 1, 3, 4]);
  assert.deepEqual(Array.from(normalizeRow([0, 0.44, 0.45, 1], 'range')), [0, 4, 5, 10]);
  assert.throws(
    () => normalizeRow([0, 1], 'range', { grades: 0 }),
    /grades: expected a positive whole number/,
  );
});

test('normalization is per part and keeps weights; the disagreement point moves along', () => {
  const p = {
    parts: 2,
    actions: 3,
    u: Float64Array.from([0, 5, 10, 4, 2, 0]),
    weights: Float64Array.from([2, 1]),
    disagreement: Float64Array.from([5, 1]),
  };
  close(normalizeUtilities(p.u, 2, 3, 'minmax'), [0, 0.5, 1, 1, 0.5, 0]);
  const q = normalizeProblem(p, 'minmax');
  close(q.u, [0, 0.5, 1, 1, 0.5, 0]);
  close(q.disagreement!, [0.5, 0.25]);
  assert.equal(q.weights, p.weights);
  assert.equal(normalizeProblem(p, 'none'), p);
  assert.deepEqual(normalizationMap([1, 3], 'minmax'), { scale: 0.5, shift: -0.5 });
});

test('bad names and feasible sets are user errors', () => {
  assert.equal(parseNormalization('zscore'), 'zscore');
  assert.throws(
    () => parseNormalization('softmax'),
    (e: unknown) => e instanceof UserError && /expected one of none, minmax, zscore, range/.test(e.message),
  );
  assert.throws(
    () => normalizeRow([1, 2], 'minmax', { feasible: [] }),
    /feasible: expected at least one feasible action/,
  );
  assert.throws(
    () => normalizeRow([1, 2], 'minmax', { feasible: [2] }),
    /feasible: action 2 is not one of 0..1/,
  );
});
