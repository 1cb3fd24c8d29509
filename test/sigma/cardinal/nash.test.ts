import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { nashBargaining, nashLottery } from '../../../src/sigma/cardinal/nash.js';
import { getRule } from '../../../src/sigma/registry.js';
import { close, problem, utilitiesOf } from './helpers.js';

/** Divide the dollar on a grid: action k gives part 0 the share x = k/12. */
const grid = Array.from({ length: 13 }, (_, k) => k / 12);

test('divide the dollar, linear utilities, d = 0: equal split; weighted: split in proportion to the weights', () => {
  // Maximize w0 log x + w1 log(1 − x): x = w0 / (w0 + w1).
  const rows = [grid, grid.map((x) => 1 - x)];
  assert.deepEqual(nashBargaining.run(problem(rows, [1, 1], [0, 0])).winners, [6]);
  assert.deepEqual(nashBargaining.run(problem(rows, [2, 1], [0, 0])).winners, [8]);
  assert.deepEqual(nashBargaining.run(problem(rows, [1, 3], [0, 0])).winners, [3]);
  // The default disagreement point is each part's minimum, here 0 as well.
  assert.deepEqual(nashBargaining.run(problem(rows)).winners, [6]);
});

test('divide the dollar, concave utility: the risk-averse part gets less', () => {
  // u0 = √x, u1 = 1 − x, d = 0: maximize ½ log x + log(1 − x) → 1/(2x) = 1/(1 − x) → x = 1/3.
  const p = problem([grid.map(Math.sqrt), grid.map((x) => 1 - x)], [1, 1], [0, 0]);
  const r = nashBargaining.run(p);
  assert.deepEqual(r.winners, [4]);
  assert.ok(Math.abs(r.scores![4] - (0.5 * Math.log(1 / 3) + Math.log(2 / 3))) < 1e-12);
  assert.equal(r.scores![0], Number.NEGATIVE_INFINITY);
  assert.equal(r.scores![12], Number.NEGATIVE_INFINITY);
  assert.deepEqual(r.ranking![0], [4]);
  assert.deepEqual(r.ranking![r.ranking!.length - 1], [0, 12]);
});

test('lotteries: dividing a chance of the dollar in proportion to the weights', () => {
  // Actions "all to 0", "all to 1"; the lottery (p, 1 − p) gives (p, 1 − p): p = w0 / Σw.
  const r = nashBargaining.run(
    problem(
      [
        [1, 0],
        [0, 1],
      ],
      [3, 1],
    ),
    { lotteries: true },
  );
  close(r.lottery, [0.75, 0.25]);
  assert.deepEqual(r.winners, [0, 1]);
  assert.equal(r.ranking, undefined);
  // Three parts, each with its own favourite: x = w / Σw.
  const q = nashBargaining.run(
    problem(
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      [1, 2, 3],
    ),
    { lotteries: true },
  );
  close(q.lottery, [1 / 6, 2 / 6, 3 / 6]);
});

test('lotteries with an interior solution and an explicit disagreement point', () => {
  // Actions A = (1, 0), B = (0.2, 1). With d = (0, 0), the lottery (p, 1 − p) gives
  // (0.2 + 0.8p, 1 − p); maximize log(0.2 + 0.8p) + log(1 − p):
  // 0.8/(0.2 + 0.8p) = 1/(1 − p) → 0.8 − 0.8p = 0.2 + 0.8p → p = 3/8.
  const p = problem([
    [1, 0.2],
    [0, 1],
  ]);
  const r = nashBargaining.run(p, { lotteries: true, disagreement: [0, 0] });
  close(r.lottery, [0.375, 0.625]);
  close(utilitiesOf(p, r.lottery!), [0.5, 0.625]);
  // With the default d = (0.2, 0) the gains are (0.8p, 1 − p): p = 1/2.
  close(nashBargaining.run(p, { lotteries: true }).lottery, [0.5, 0.5]);
  const sol = nashLottery(p, { disagreement: [0, 0] });
  assert.ok(sol && sol.gap <= 1e-10);
  close(sol!.utilities, [0.5, 0.625]);
});

test('a disagreement point above some action: the individually rational region is a polytope', () => {
  // d = (0.3, 0.3): lotteries (p, 1 − p) with p ∈ [0.3, 0.7]. Weights [3, 1]:
  // 3/(p − 0.3) = 1/(0.7 − p) → p = 0.6.
  const p = problem(
    [
      [1, 0],
      [0, 1],
    ],
    [3, 1],
    [0.3, 0.3],
  );
  close(nashBargaining.run(p, { lotteries: true }).lottery, [0.6, 0.4]);
  close(
    nashBargaining.run(
      problem(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
        [0.3, 0.3],
      ),
      { lotteries: true },
    ).lottery,
    [0.5, 0.5],
  );
  // d = (0.5, 0.5): only (½, ½) is individually rational and nobody can gain over d.
  close(
    nashBargaining.run(
      problem(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
        [0.5, 0.5],
      ),
      { lotteries: true },
    ).lottery,
    [0.5, 0.5],
  );
  // d = (0.6, 0.6): no individually rational lottery — no agreement, every action tied, no lottery.
  const none = nashBargaining.run(
    problem(
      [
        [1, 0],
        [0, 1],
      ],
      [1, 1],
      [0.6, 0.6],
    ),
    { lotteries: true },
  );
  assert.deepEqual(none.winners, [0, 1]);
  assert.equal(none.lottery, undefined);
  assert.equal(
    nashLottery(
      problem(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
        [0.6, 0.6],
      ),
    ),
    null,
  );
});

test('a pure action that is the solution over lotteries is returned as a pure lottery', () => {
  // (1, 0), (0.5, 0.5), (0, 1): (½, ½) is optimal and attained by the middle action (and by the
  // 50/50 lottery of the others); the canonical lottery is the pure action.
  const r = nashBargaining.run(
    problem([
      [1, 0.5, 0],
      [0, 0.5, 1],
    ]),
    { lotteries: true },
  );
  assert.deepEqual(r.lottery, [0, 1, 0]);
  assert.deepEqual(r.winners, [1]);
  // Duplicated actions share their probability equally.
  close(
    nashBargaining.run(
      problem([
        [1, 0, 0],
        [0, 1, 1],
      ]),
      { lotteries: true },
    ).lottery,
    [0.5, 0.25, 0.25],
  );
});

test('no action beats the disagreement point for everyone: the ε-limit', () => {
  // Pure actions (1, 0) and (0, 1), d = minimum = (0, 0): each leaves one part at d.
  // Equal weights: tied. Weights [2, 1]: leaving the lighter part at d is better.
  assert.deepEqual(
    nashBargaining.run(
      problem([
        [1, 0],
        [0, 1],
      ]),
    ).ranking,
    [[0, 1]],
  );
  assert.deepEqual(
    nashBargaining.run(
      problem(
        [
          [1, 0],
          [0, 1],
        ],
        [2, 1],
      ),
    ).ranking,
    [[0], [1]],
  );
  // Among actions leaving the same weight at d, the normalized gains of the others decide.
  // Part 2 is at its minimum in every action; parts 0, 1 gain in action 1 more evenly.
  const r = nashBargaining.run(
    problem([
      [1, 0.5, 0],
      [0, 0.5, 1],
      [0, 0, 0],
    ]),
  );
  assert.deepEqual(r.ranking, [[1], [0, 2]]);
  // Actions below a given disagreement point rank last.
  const s = nashBargaining.run(
    problem(
      [
        [1, 0.5, 0.05],
        [0, 0.5, 0.95],
      ],
      [1, 1],
      [0.1, 0.1],
    ),
  );
  assert.deepEqual(s.ranking, [[1], [0, 2]]);
  // Every action below d for someone: no agreement, all tied.
  assert.deepEqual(
    nashBargaining.run(
      problem(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
        [0.5, 0.5],
      ),
    ).winners,
    [0, 1],
  );
});

test('parts of weight 0 are not at the table', () => {
  const base = nashBargaining.run(problem([grid, grid.map((x) => 1 - x)], [1, 1]));
  const withGhost = nashBargaining.run(
    problem([grid, grid.map((x) => 1 - x), grid.map((x) => (x === 0.5 ? -100 : 0))], [1, 1, 0]),
  );
  assert.deepEqual(withGhost.winners, base.winners);
});

test('registry names, options and bad input', () => {
  assert.equal(getRule('nash'), nashBargaining);
  assert.equal(getRule('Nash_Bargaining'), nashBargaining);
  assert.throws(
    () => nashBargaining.run(problem([[1, 0]]), { disagreement: [0, 0] }),
    (e: unknown) =>
      e instanceof UserError && /nash-bargaining: option disagreement: expected 1 numbers/.test(e.message),
  );
  assert.throws(
    () => nashBargaining.run(problem([[1, 0]]), { lotteries: 'yes' }),
    /option lotteries: expected true or false/,
  );
  assert.throws(
    () =>
      nashBargaining.run({
        parts: 1,
        actions: 2,
        u: Float64Array.from([1]),
        weights: Float64Array.from([1]),
      }),
    /nash-bargaining: utilities: expected 2 numbers/,
  );
  assert.throws(
    () => nashBargaining.run(problem([[1, Number.NaN]])),
    /part 0, action 1: expected a finite utility/,
  );
  assert.throws(
    () => nashBargaining.run(problem([[1, 0]], [-1])),
    /weights\[0\]: expected a non-negative weight/,
  );
});

test('the docstring example', () => {
  const p = problem([
    [1, 0.75, 0.5, 0],
    [0, 0.25, 0.5, 1],
  ]);
  assert.deepEqual(nashBargaining.run(p, { disagreement: [0, 0] }).winners, [2]);
  assert.deepEqual(
    nashBargaining.run({ ...p, weights: Float64Array.from([3, 1]) }, { disagreement: [0, 0] }).winners,
    [1],
  );
});
