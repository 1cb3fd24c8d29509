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

test('egalitarian with a disagreement point: the smallest gain over it, individually rational actions only', () => {
  // Raw u_0 = (0, 5, 10, 8), u_1 = (10, 6, 0, 3). Levels: minima (0, 5, 0, 3) → action 1.
  // d = (4, 0): action 0 leaves part 0 below 4, last. Gains: action 1 (1, 6), action 2 (6, 0),
  // action 3 (4, 3); smallest 1, 0, 3 → action 3.
  const rows = [
    [0, 5, 10, 8],
    [10, 6, 0, 3],
  ];
  const p = problem(rows);
  assert.deepEqual(egalitarian.run(p, { normalize: 'none' }).winners, [1]);
  const r = egalitarian.run(p, { normalize: 'none', disagreement: [4, 0] });
  assert.deepEqual(r.ranking, [[3], [1], [2], [0]]);
  assert.deepEqual(r.scores, [Number.NEGATIVE_INFINITY, 1, 0, 3]);
  // The problem's own disagreement point counts when the option is absent.
  assert.deepEqual(egalitarian.run(problem(rows, [1, 1], [4, 0]), { normalize: 'none' }), r);
  // Min–max (both ranges 0..10): d goes through the same map, to (0.4, 0); gains are a tenth.
  const m = egalitarian.run(p, { disagreement: [4, 0] });
  assert.deepEqual(m.ranking, r.ranking);
  close(m.scores!.slice(1), [0.1, 0, 0.3]);
});

test('egalitarian over lotteries (worked by hand)', () => {
  // The docstring example: v_0 = (0, 0.5, 1), v_1 = (1, 0.6, 0). Mixing actions 1 and 2 with
  // weights s, 1 − s gives v_0 = 1 − 0.5s, v_1 = 0.6s, equal at s = 10/11: level 6/11 > 0.5, the best
  // pure minimum. (Mixing 0 and 2 reaches only 0.5; mixing 0 and 1 at most 0.5 as well.)
  const p = problem([
    [0, 5, 10],
    [10, 6, 0],
  ]);
  const r = egalitarian.run(p, { lotteries: true });
  close(r.lottery, [0, 10 / 11, 1 / 11]);
  assert.deepEqual(r.winners, [1, 2]);
  close(r.scores, [0, 0.5, 0]);
  // Only mixes are individually rational: u_0 = (1, 0), u_1 = (0, 2), d = (0.2, 0.4). A lottery
  // (x, 1 − x) gains x − 0.2 and 1.6 − 2x: raw, equal at x = 0.6; min–max (part 1's range is 2, so
  // d_1 maps to 0.2), x − 0.2 and 0.8 − x: equal at x = ½. Pure: nothing is individually rational.
  const q = problem([
    [1, 0],
    [0, 2],
  ]);
  const d = [0.2, 0.4];
  close(egalitarian.run(q, { lotteries: true, normalize: 'none', disagreement: d }).lottery, [0.6, 0.4]);
  close(egalitarian.run(q, { lotteries: true, disagreement: d }).lottery, [0.5, 0.5]);
  assert.deepEqual(egalitarian.run(q, { disagreement: d }).ranking, [[0, 1]]);
  // No individually rational lottery: no agreement.
  const none = egalitarian.run(q, { lotteries: true, disagreement: [0.7, 0.7] });
  assert.deepEqual(none.winners, [0, 1]);
  assert.equal(none.lottery, undefined);
});

test('egalitarian over lotteries is the equal point, weakly Pareto optimal; leximin refines it', () => {
  // Raw, d = 0: P0 = (1, 0, 0), P1 = (0, 1, 0), Y = (½, ½, 1), Z = (0, 0, −1) (below d for part 2).
  // Parts 0 and 1 share at most 1, so the max–min level is ½; every part at ½ is (¼, ¼, ½, 0)
  // (see the KS test with the same numbers). Y gives (½, ½, 1): the leximin choice.
  const p = problem([
    [1, 0, 0.5, 0],
    [0, 1, 0.5, 0],
    [0, 0, 1, -1],
  ]);
  const e = egalitarian.run(p, { lotteries: true, normalize: 'none', disagreement: [0, 0, 0] });
  close(e.lottery, [0.25, 0.25, 0.5, 0]);
  close(utilitiesOf(p, e.lottery!), [0.5, 0.5, 0.5]);
  close(leximin.run(p, { lotteries: true, normalize: 'none' }).lottery, [0, 0, 1, 0]);
});

test('bad normalize option', () => {
  assert.throws(
    () => egalitarian.run(problem([[1, 0]]), { normalize: 'log' }),
    (e: unknown) =>
      e instanceof UserError &&
      /egalitarian: option normalize: expected one of none, minmax, zscore, range/.test(e.message),
  );
});
