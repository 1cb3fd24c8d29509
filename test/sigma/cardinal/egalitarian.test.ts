import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { egalitarian, leximin } from '../../../src/sigma/cardinal/egalitarian.js';
import { kalaiSmorodinsky } from '../../../src/sigma/cardinal/kalai-smorodinsky.js';
import { close, problem, utilitiesOf } from './helpers.js';

test('the docstring example', () => {
  const p = problem([
    [0, 5, 10],
    [10, 6, 0],
  ]);
  const e = egalitarian.run(p);
  assert.deepEqual(e.winners, [1]);
  close(e.scores, [0, 0.5, 0]);
  assert.deepEqual(e.ranking, [[1], [0, 2]]);
  close(egalitarian.run(p, { normalize: 'none' }).scores, [0, 5, 0]);
  assert.deepEqual(leximin.run(p).winners, [1]);
});

test('egalitarian ties what leximin separates', () => {
  // Minima tie at 0.2 (raw); leximin looks at the next worst-off.
  const p = problem([
    [0.2, 0.2, 0.1],
    [0.5, 0.9, 1],
  ]);
  assert.deepEqual(egalitarian.run(p, { normalize: 'none' }).winners, [0, 1]);
  assert.deepEqual(leximin.run(p, { normalize: 'none' }).ranking, [[1], [0], [2]]);
});

test('leximin over lotteries needs its second stage', () => {
  // Raw utilities. Part 0 gets 0.5 whatever happens; over (x_a, x_b): part 1 gets x_a, part 2 gets
  // 0.5x_a + x_b = 1 − 0.5x_a. Max-min is 0.5 (any x_a ≥ 0.5); leximin then equalizes
  // x_a = 1 − 0.5x_a → x_a = 2/3: values (0.5, 2/3, 2/3).
  const p = problem([
    [0.5, 0.5],
    [1, 0],
    [0.5, 1],
  ]);
  const r = leximin.run(p, { normalize: 'none', lotteries: true });
  close(r.lottery, [2 / 3, 1 / 3]);
  close(utilitiesOf(p, r.lottery!), [0.5, 2 / 3, 2 / 3]);
  assert.deepEqual(r.winners, [0, 1]);
  assert.deepEqual(egalitarian.run(p, { normalize: 'none' }).winners, [0]);
});

test('leximin over lotteries: a part with a huge range does not loosen which actions count as optimal', () => {
  // Raw utilities: action 1 is Pareto-dominated by action 0 by 1e-7 for part 1; part 0's −10⁴ for
  // action 2 must not turn the per-row tie test (1e-9) into 1e-5.
  const p = problem([
    [1, 1, -1e4],
    [1, 1 - 1e-7, 0],
  ]);
  const r = leximin.run(p, { lotteries: true, normalize: 'none' });
  assert.deepEqual(r.lottery, [1, 0, 0]);
});

test('with the default normalization an indifferent part never counts as worst-off', () => {
  const p = problem([
    [3, 3, 3],
    [0, 1, 2],
  ]);
  assert.deepEqual(egalitarian.run(p).winners, [2]);
  assert.deepEqual(leximin.run(p).winners, [2]);
  // Raw, the indifferent part at 3 is never the minimum either, but a part at 0 would be.
  assert.deepEqual(
    egalitarian.run(
      problem([
        [0, 0, 0],
        [0, 1, 2],
      ]),
      { normalize: 'none' },
    ).winners,
    [0, 1, 2],
  );
});

test('with the default disagreement point KS is leximin on min–max normalized utilities', () => {
  const p = problem([
    [0, 5, 10, 7],
    [10, 6, 0, 4],
    [1, 2, 3, 9],
  ]);
  assert.deepEqual(kalaiSmorodinsky.run(p).ranking, leximin.run(p).ranking);
  close(
    kalaiSmorodinsky.run(p, { lotteries: true }).lottery,
    leximin.run(p, { lotteries: true }).lottery!,
    1e-9,
  );
});

test('bad normalize option', () => {
  assert.throws(
    () => egalitarian.run(problem([[1, 0]]), { normalize: 'log' }),
    (e: unknown) =>
      e instanceof UserError &&
      /egalitarian: option normalize: expected one of none, minmax, zscore, range/.test(e.message),
  );
});
