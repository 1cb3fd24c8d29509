import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { kalaiSmorodinsky } from '../../../src/sigma/cardinal/kalai-smorodinsky.js';
import { nashBargaining } from '../../../src/sigma/cardinal/nash.js';
import { getRule } from '../../../src/sigma/registry.js';
import { close, problem, utilitiesOf } from './helpers.js';

const grid = Array.from({ length: 13 }, (_, k) => k / 12);

test('two parts over lotteries where Nash and Kalai–Smorodinsky differ (worked by hand)', () => {
  // Actions A = (1, 0), B = (0, 1), C = (0.8, 0.5); d = minimum = (0, 0), ideal = (1, 1).
  //
  // Nash: on the edge C–B, (0.8s, 0.5s + (1 − s)) = (0.8s, 1 − 0.5s); the product 0.8s(1 − 0.5s)
  // increases up to s = 1. On the edge A–C, (1 − 0.2t, 0.5t); (1 − 0.2t)(0.5t) increases on [0, 1]
  // (derivative 0.5 − 0.2t). So Nash picks C itself: utilities (0.8, 0.5), product 0.4.
  //
  // KS: the point of the hull on the diagonal from d to the ideal. C lies below it (0.8 > 0.5), so
  // it is on the edge C–B: 0.8s = 1 − 0.5s → s = 10/13, utilities (8/13, 8/13),
  // lottery (A, B, C) = (0, 3/13, 10/13). (Its Nash product 64/169 ≈ 0.379 < 0.4.)
  const p = problem([
    [1, 0, 0.8],
    [0, 1, 0.5],
  ]);
  const nash = nashBargaining.run(p, { lotteries: true });
  close(nash.lottery, [0, 0, 1]);
  const ks = kalaiSmorodinsky.run(p, { lotteries: true });
  close(ks.lottery, [0, 3 / 13, 10 / 13]);
  close(utilitiesOf(p, ks.lottery!), [8 / 13, 8 / 13]);
  assert.deepEqual(ks.winners, [1, 2]);
  // Pure actions: C has the best minimum ratio (0.5).
  const pure = kalaiSmorodinsky.run(p);
  assert.deepEqual(pure.winners, [2]);
  close(pure.scores, [0, 0, 0.5]);
});

test('divide the dollar with a concave utility: KS and Nash pick different splits', () => {
  // u0 = √x, u1 = 1 − x, d = 0, ideal (1, 1). KS equalizes √x = 1 − x → x ≈ 0.382; on the grid
  // k/12: k = 4 gives min(0.577, 0.667) = 0.577, k = 5 gives min(0.645, 0.583) = 0.583 → k = 5.
  // Nash gives x = 1/3 (k = 4).
  const p = problem([grid.map(Math.sqrt), grid.map((x) => 1 - x)], [1, 1], [0, 0]);
  assert.deepEqual(kalaiSmorodinsky.run(p).winners, [5]);
  assert.deepEqual(nashBargaining.run(p).winners, [4]);
});

test('ties in the smallest ratio are broken by leximin', () => {
  // d = 0, ideal (1, 1, 1). a = (0.5, 0.5, 0.9) and b = (0.5, 0.8, 0.6) both have minimum 0.5;
  // sorted: a = (0.5, 0.5, 0.9), b = (0.5, 0.6, 0.8): b is leximin-better.
  const p = problem(
    [
      [0.5, 0.5, 1, 0, 0],
      [0.5, 0.8, 0, 1, 0],
      [0.9, 0.6, 0, 0, 1],
    ],
    [1, 1, 1],
    [0, 0, 0],
  );
  const r = kalaiSmorodinsky.run(p);
  assert.deepEqual(r.ranking, [[1], [0], [2, 3, 4]]);
});

test('weighted KS: gains proportional to the weights', () => {
  const p = problem(
    [
      [1, 0],
      [0, 1],
    ],
    [3, 1],
  );
  close(kalaiSmorodinsky.run(p, { lotteries: true }).lottery, [0.5, 0.5]);
  // r0 / 1 = r1 / (1/3), r0 + r1 = 1 → r1 = 1/4.
  close(kalaiSmorodinsky.run(p, { lotteries: true, weighted: true }).lottery, [0.75, 0.25]);
});

test('individual rationality: actions below d rank last; the ideal is over individually rational options', () => {
  // d = (0.2, 0.2): action 0 = (1, 0) is not individually rational, so part 0's ideal is 0.6.
  const p = problem(
    [
      [1, 0.6, 0.3],
      [0, 0.3, 0.6],
    ],
    [1, 1],
    [0.2, 0.2],
  );
  const r = kalaiSmorodinsky.run(p);
  // Ratios: action 1: ((0.6 − 0.2)/0.4, (0.3 − 0.2)/0.4) = (1, 0.25); action 2: (0.25, 1). Tied.
  assert.deepEqual(r.ranking, [[1, 2], [0]]);
  assert.equal(r.scores![0], Number.NEGATIVE_INFINITY);
  // Over lotteries, the ideal is over individually rational lotteries (an LP): the IR lotteries
  // give part 1 at least 0.2; part 0's best such lottery mixes actions 0 and 1 or 0 and 2.
  const q = kalaiSmorodinsky.run(p, { lotteries: true });
  const u = utilitiesOf(p, q.lottery!);
  assert.ok(u[0] >= 0.2 - 1e-9 && u[1] >= 0.2 - 1e-9);
  // No individually rational lottery: no agreement.
  const none = kalaiSmorodinsky.run(
    problem(
      [
        [1, 0],
        [0, 1],
      ],
      [1, 1],
      [0.7, 0.7],
    ),
    { lotteries: true },
  );
  assert.deepEqual(none.winners, [0, 1]);
  assert.equal(none.lottery, undefined);
});

test('no individually rational action, but individually rational lotteries: KS still agrees over lotteries', () => {
  // u0 = (1, 0), u1 = (0, 2), d = (0.2, 0.4): each action leaves one part below d. A lottery
  // (x, 1 − x) is individually rational for 0.2 ≤ x ≤ 0.8, so the ideal is (0.8, 1.6) and the gains
  // are r0 = (x − 0.2)/0.6, r1 = (1.6 − 2x)/1.2; equal at x = ½: utilities (½, 1).
  const p = problem([
    [1, 0],
    [0, 2],
  ]);
  const d = [0.2, 0.4];
  const pure = kalaiSmorodinsky.run(p, { disagreement: d });
  assert.deepEqual(pure.ranking, [[0, 1]]);
  const r = kalaiSmorodinsky.run(p, { disagreement: d, lotteries: true });
  close(r.lottery, [0.5, 0.5]);
  assert.deepEqual(r.winners, [0, 1]);
});

test('registry: ks alias', () => {
  assert.equal(getRule('ks'), kalaiSmorodinsky);
});

test('an action far below the disagreement point does not loosen which actions count as optimal', () => {
  // d = (0, 0). Action 2 gives part 0 −10⁴, so its normalized gain is −10⁴ there; actions 0 and 1
  // give (1, 1) and (1, 1 − 10⁻⁷). The KS lottery is action 0 alone: action 1 is Pareto-dominated
  // by it, and a tolerance scaled by the largest |gain| (10⁴ × 1e-9 = 1e-5) must not admit it.
  const p = problem([
    [1, 1, -1e4],
    [1, 1 - 1e-7, 0],
  ]);
  const r = kalaiSmorodinsky.run(p, { lotteries: true, disagreement: [0, 0] });
  assert.deepEqual(r.lottery, [1, 0, 0]);
  assert.deepEqual(r.winners, [0]);
});

test('three parts: the classic KS point is only weakly Pareto optimal; leximin refines it (worked by hand)', () => {
  // Actions P0 = (1, 0, 0), P1 = (0, 1, 0), Y = (½, ½, 1), Z = (0, 0, −1); d = (0, 0, 0), below
  // which Z leaves part 2, so the individually rational lotteries are a polytope. Ideal (1, 1, 1)
  // (P0, P1, Y), so the normalized gains are the utilities. A lottery (p0, p1, y, z) gives
  // (p0 + ½y, p1 + ½y, y − z); the first two sum to p0 + p1 + y ≤ 1, so the max–min level is ½.
  // Classic KS point (½, ½, ½): p0 = p1, p0 + ½y = ½ and 2p0 + y + z = 1 give z = 0, and y = ½
  // gives p0 = ¼: the lottery (¼, ¼, ½, 0). No lottery gives all three parts more than ½ (weakly
  // Pareto optimal), but Y gives (½, ½, 1): not Pareto optimal. Leximin keeps parts 0 and 1 at ½
  // (which forces z = 0, p0 = p1) and then maximizes part 2's y − z = y = 1 − 2p0: Y.
  const p = problem([
    [1, 0, 0.5, 0],
    [0, 1, 0.5, 0],
    [0, 0, 1, -1],
  ]);
  const d = [0, 0, 0];
  const refined = kalaiSmorodinsky.run(p, { lotteries: true, disagreement: d });
  close(refined.lottery, [0, 0, 1, 0]);
  assert.deepEqual(kalaiSmorodinsky.run(p, { lotteries: true, disagreement: d, refine: 'leximin' }), refined);
  const classic = kalaiSmorodinsky.run(p, { lotteries: true, disagreement: d, refine: 'none' });
  close(classic.lottery, [0.25, 0.25, 0.5, 0]);
  close(utilitiesOf(p, classic.lottery!), [0.5, 0.5, 0.5]);
  assert.deepEqual(classic.winners, [0, 1, 2]);
  // Pure actions: Y alone has the best smallest gain (½) either way; scores as before.
  for (const refine of ['leximin', 'none']) {
    const r = kalaiSmorodinsky.run(p, { disagreement: d, refine });
    assert.deepEqual(r.ranking, [[2], [0, 1], [3]]);
    assert.deepEqual(r.scores, [0, 0, 0.5, Number.NEGATIVE_INFINITY]);
  }
});

test('pure actions: unrefined KS ties an action with one that Pareto-dominates it', () => {
  // The instance above plus X = (½, ½, ½), the classic point itself. Smallest gains: P0, P1 0;
  // X, Y ½. Unrefined, X and Y tie; leximin puts Y = (½, ½, 1) first. Over lotteries the classic
  // point is X (a pure action giving it exactly), the refined one Y.
  const p = problem([
    [1, 0, 0.5, 0, 0.5],
    [0, 1, 0.5, 0, 0.5],
    [0, 0, 1, -1, 0.5],
  ]);
  const d = [0, 0, 0];
  assert.deepEqual(kalaiSmorodinsky.run(p, { disagreement: d }).ranking, [[2], [4], [0, 1], [3]]);
  const classic = kalaiSmorodinsky.run(p, { disagreement: d, refine: 'none' });
  assert.deepEqual(classic.ranking, [[2, 4], [0, 1], [3]]);
  assert.deepEqual(classic.winners, [2, 4]);
  assert.deepEqual(kalaiSmorodinsky.run(p, { disagreement: d, lotteries: true }).lottery, [0, 0, 1, 0, 0]);
  assert.deepEqual(
    kalaiSmorodinsky.run(p, { disagreement: d, lotteries: true, refine: 'none' }).lottery,
    [0, 0, 0, 0, 1],
  );
});

test('bad refine option', () => {
  assert.throws(
    () => kalaiSmorodinsky.run(problem([[1, 0]]), { refine: 'lex' }),
    (e: unknown) =>
      e instanceof UserError &&
      /kalai-smorodinsky: option refine: expected one of leximin, none/.test(e.message),
  );
});
