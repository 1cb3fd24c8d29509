import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { alternatingOffers } from '../../../src/align/negotiation/index.js';
import { nashLottery } from '../../../src/sigma/cardinal/nash.js';
import { close, distance, problem } from './helpers.js';

/** Divide a chance at the dollar: action 0 gives it to part 0, action 1 to part 1; d = (0, 0). */
const dollar = problem([
  [1, 0],
  [0, 1],
]);

/** A kinked frontier: the Nash point over lotteries is the vertex (0.7, 0.75). */
const frontier = problem([
  [1, 0.9, 0.7, 0.4, 0],
  [0, 0.45, 0.75, 0.9, 1],
]);

/** Three parts, each with its favourite, plus a compromise. */
const three = problem([
  [1, 0, 0, 0.5],
  [0, 1, 0, 0.6],
  [0, 0, 1, 0.3],
]);

test('one round: the proposer takes everything above the responder’s disagreement utility', () => {
  const r = alternatingOffers(dollar, { rounds: 1, lotteries: true, discount: 0.9, order: [0, 1] });
  assert.deepEqual(r.agreement, { kind: 'lottery', lottery: Float64Array.from([1, 0]) });
  close(r.utilities, [1, 0]);
  assert.equal(r.details.round, 1);
  const s = alternatingOffers(dollar, { rounds: 1, lotteries: true, order: [1, 0] });
  close(s.utilities, [0, 1]);
  // With the responder's disagreement utility at 0.3 on (1, 0), (0.8, 0.5), (0, 1): the proposer
  // mixes (1, 0) and (0.8, 0.5) so that the responder gets exactly 0.3: weights 0.4 / 0.6.
  const p = problem(
    [
      [1, 0.8, 0],
      [0, 0.5, 1],
    ],
    [1, 1],
    [0, 0.3],
  );
  const q = alternatingOffers(p, { rounds: 1, lotteries: true, order: [0, 1] });
  assert.equal(q.agreement?.kind, 'lottery');
  close(q.agreement?.kind === 'lottery' ? q.agreement.lottery : null, [0.4, 0.6, 0]);
  close(q.utilities, [0.88, 0.3]);
  // Pure actions: the proposer's favourite among the actions the responder accepts.
  const pure = alternatingOffers(p, { rounds: 1, order: [0, 1] });
  assert.deepEqual(pure.agreement, { kind: 'action', action: 1, ties: [1] });
});

test('T rounds: the textbook backward-induction shares (1 − (−δ)^T)/(1 + δ)', () => {
  for (const delta of [0.9, 0.6]) {
    for (let T = 1; T <= 8; T++) {
      const r = alternatingOffers(dollar, { rounds: T, discount: delta, lotteries: true, order: [0, 1] });
      const x = (1 - (-delta) ** T) / (1 + delta);
      close(r.utilities, [x, 1 - x], 1e-12);
      assert.equal(r.details.round, 1);
      close(r.details.discounted, [x, 1 - x], 1e-12);
      // The plan of every round: its proposer gets the share of a game of T − t + 1 rounds.
      assert.equal(r.details.offers.length, T);
      r.details.offers.forEach((o, k) => {
        const t = k + 1;
        assert.equal(o.round, t);
        assert.equal(o.proposer, (t - 1) % 2);
        const share = (1 - (-delta) ** (T - t + 1)) / (1 + delta);
        assert.ok(Math.abs(o.value[o.proposer] - share) <= 1e-12, `T=${T} round ${t}`);
        // The responder is offered exactly what waiting is worth to it.
        assert.ok(Math.abs(o.value[1 - o.proposer] - o.thresholds[1 - o.proposer]) <= 1e-12);
      });
    }
  }
});

test('the limit: 1/(1 + δ) for the first proposer, (1 − δ₂)/(1 − δ₁δ₂) with two discount factors', () => {
  for (const delta of [0.5, 0.9]) {
    const r = alternatingOffers(dollar, { discount: delta, lotteries: true, order: [0, 1] });
    close(r.utilities, [1 / (1 + delta), delta / (1 + delta)], 1e-10);
    assert.equal(r.details.rounds, 'limit');
    assert.equal(r.details.round, 1);
    assert.ok(r.details.limit?.converged);
    assert.ok(r.details.limit?.horizonIndependent);
    // The stationary offers: each proposer keeps 1/(1 + δ).
    assert.equal(r.details.offers.length, 2);
    for (const o of r.details.offers) assert.ok(Math.abs(o.value[o.proposer] - 1 / (1 + delta)) <= 1e-10);
  }
  const [d1, d2] = [0.8, 0.95];
  const h = alternatingOffers(dollar, { discount: [d1, d2], lotteries: true, order: [0, 1] });
  const x = (1 - d2) / (1 - d1 * d2);
  close(h.utilities, [x, 1 - x], 1e-10);
});

test('first-mover advantage: the first proposer gets more, less so as δ → 1', () => {
  let last = Infinity;
  for (const delta of [0.5, 0.8, 0.95]) {
    const a = alternatingOffers(dollar, { discount: delta, lotteries: true, order: [0, 1] });
    const b = alternatingOffers(dollar, { discount: delta, lotteries: true, order: [1, 0] });
    assert.ok(a.utilities[0] > 0.5 && a.utilities[0] > a.utilities[1]);
    assert.ok(b.utilities[1] > 0.5 && b.utilities[1] > b.utilities[0]);
    close([a.utilities[0]], [b.utilities[1]], 1e-10);
    assert.ok(a.utilities[0] < last);
    last = a.utilities[0];
  }
  // Default order: by decreasing weight, so the heavier part proposes first.
  const w = alternatingOffers(
    problem(
      [
        [1, 0],
        [0, 1],
      ],
      [1, 2],
    ),
    { lotteries: true, discount: 0.8 },
  );
  assert.deepEqual(w.details.order, [1, 0]);
  assert.ok(w.utilities[1] > w.utilities[0]);
});

test('as δ → 1 the limit tends to the Nash bargaining solution over lotteries', () => {
  const nash = nashLottery(frontier)!.utilities;
  let prev = Infinity;
  for (const delta of [0.9, 0.99, 0.999]) {
    const r = alternatingOffers(frontier, { discount: delta, lotteries: true });
    const err = distance(r.utilities, nash);
    assert.ok(err <= 1 - delta, `δ=${delta}: ${Array.from(r.utilities)} vs ${Array.from(nash)}`);
    assert.ok(err < prev);
    prev = err;
    assert.ok(r.details.limit?.horizonIndependent);
  }
  // Three parties taking turns.
  const nash3 = nashLottery(three)!.utilities;
  prev = Infinity;
  for (const delta of [0.9, 0.99]) {
    const r = alternatingOffers(three, { discount: delta, lotteries: true });
    const err = distance(r.utilities, nash3);
    assert.ok(err <= 1 - delta, `δ=${delta}: ${Array.from(r.utilities)} vs ${Array.from(nash3)}`);
    assert.ok(err < prev);
    prev = err;
  }
});

test('bargaining power: proposing twice as often, or being twice as patient, tends to the weighted Nash solution', () => {
  const weighted = nashLottery({ ...frontier, weights: Float64Array.from([2, 1]) })!.utilities;
  close(weighted, [0.8, 0.6], 1e-9);
  for (const delta of [0.95, 0.99]) {
    const r = alternatingOffers(frontier, { discount: delta, lotteries: true, order: [0, 0, 1] });
    assert.ok(distance(r.utilities, weighted) <= 1 - delta);
  }
  // δ_i = exp(−r_i h): the weights are 1/r_i as h → 0 (here 1 : 1/2).
  for (const h of [0.05, 0.01]) {
    const r = alternatingOffers(frontier, { discount: [Math.exp(-h), Math.exp(-2 * h)], lotteries: true });
    assert.ok(distance(r.utilities, weighted) <= h);
  }
});

test('pure actions: a hand-worked example, and a limit that depends on who proposes last', () => {
  // a0 = (10, 0), a1 = (7, 7), a2 = (0, 10); d = (0, 0).
  const p = problem([
    [10, 7, 0],
    [0, 7, 10],
  ]);
  // T = 1: part 0 takes a0.
  assert.deepEqual(alternatingOffers(p, { rounds: 1, discount: 0.5, order: [0, 1] }).agreement, {
    kind: 'action',
    action: 0,
    ties: [0],
  });
  // T = 2, δ = 1/2: round 2 gives part 1 a2 (10), so part 1 accepts 5 or more in round 1; part 0
  // offers its best such action, a1.
  const two = alternatingOffers(p, { rounds: 2, discount: 0.5, order: [0, 1] });
  assert.deepEqual(two.agreement, { kind: 'action', action: 1, ties: [1] });
  close(two.utilities, [7, 7]);
  assert.deepEqual(
    two.details.offers.map((o) => (o.decision?.kind === 'action' ? o.decision.action : null)),
    [1, 2],
  );
  close(two.details.offers[0].thresholds, [0, 5]);
  // T = 2, δ = 0.9: part 1 now needs 9, which only a2 gives.
  const patient = alternatingOffers(p, { rounds: 2, discount: 0.9, order: [0, 1] });
  assert.deepEqual(patient.agreement, { kind: 'action', action: 2, ties: [2] });
  // The limit with δ = 1/2: the compromise, whoever proposes last.
  const lim = alternatingOffers(p, { discount: 0.5, order: [0, 1] });
  assert.deepEqual(lim.agreement, { kind: 'action', action: 1, ties: [1] });
  assert.ok(lim.details.limit?.converged && lim.details.limit.horizonIndependent);
  // With δ = 0.9 the last proposer's favourite is propagated back for ever: even horizons give a2,
  // odd ones a0 — two stationary equilibria, reported as such.
  const split = alternatingOffers(p, { discount: 0.9, order: [0, 1] });
  assert.deepEqual(split.agreement, { kind: 'action', action: 2, ties: [2] });
  const byResidue = split.details.limit!.byResidue;
  assert.deepEqual(
    byResidue.map((h) => (h.agreement?.kind === 'action' ? h.agreement.action : null)),
    [2, 0],
  );
  assert.equal(split.details.limit!.horizonIndependent, false);
  assert.ok(split.details.limit!.converged);
});

test('ties among the proposer’s best offers go to the one best for the others; remaining ties are reported', () => {
  // Part 0 is indifferent between a0 and a1, part 1 prefers a1: part 0 offers a1. a2 and a3 are
  // identical for everyone: tied.
  const p = problem([
    [5, 5, 1, 1],
    [0, 2, 0, 0],
  ]);
  const r = alternatingOffers(p, { rounds: 1, order: [0, 1] });
  assert.deepEqual(r.agreement, { kind: 'action', action: 1, ties: [1] });
  const q = problem([
    [0, 0, 5, 5],
    [0, 0, 2, 2],
  ]);
  assert.deepEqual(alternatingOffers(q, { rounds: 1, order: [0, 1] }).agreement, {
    kind: 'action',
    action: 2,
    ties: [2, 3],
  });
});

test('no acceptable offer: the proposer passes, and without a later deal the parts get d', () => {
  // Part 1 accepts only a0, which leaves part 0 below its disagreement utility: part 0 passes.
  const p = problem(
    [
      [-1, -2],
      [5, -2],
    ],
    [1, 1],
    [0, 0],
  );
  const r = alternatingOffers(p, { rounds: 1, order: [0, 1] });
  assert.equal(r.agreement, null);
  assert.equal(r.details.round, null);
  close(r.utilities, [0, 0]);
  assert.equal(r.details.offers[0].decision, null);
  // Nothing gives both their d: no agreement, finite or in the limit, pure or over lotteries.
  const q = problem(
    [
      [10, 0],
      [0, 10],
    ],
    [1, 1],
    [6, 6],
  );
  for (const rounds of [3, 'limit'] as const)
    for (const lotteries of [false, true]) {
      const s = alternatingOffers(q, { rounds, lotteries, discount: 0.9 });
      assert.equal(s.agreement, null);
      close(s.utilities, [6, 6]);
      close(s.details.discounted, [6, 6]);
    }
  // When a deal exists it is reached in round 1: part 1 would propose a0 = (1, 5) in round 2; in
  // round 1 part 1 accepts only a0 (it needs 4.5), which is worth 1 ≥ 0.9 (waiting) to part 0.
  const later = problem(
    [
      [1, 2],
      [5, -2],
    ],
    [1, 1],
    [0, 0],
  );
  const s = alternatingOffers(later, { rounds: 2, order: [0, 1], discount: 0.9 });
  assert.deepEqual(s.agreement, { kind: 'action', action: 0, ties: [0] });
  assert.equal(s.details.round, 1);
});

test('parts of weight 0 have no delegate and do not constrain the deal', () => {
  const p = problem(
    [
      [1, 0],
      [0, 1],
      [0.2, 0.9],
    ],
    [1, 1, 0],
  );
  const r = alternatingOffers(p, { lotteries: true, discount: 0.8 });
  close(r.utilities.subarray(0, 2), [1 / 1.8, 0.8 / 1.8], 1e-10);
  assert.deepEqual(r.details.order, [0, 1]);
  assert.throws(() => alternatingOffers(p, { order: [0, 2] }), UserError);
});

test('options are checked', () => {
  assert.throws(() => alternatingOffers(dollar, { discount: 0 }), /discount factor in \(0, 1\]/);
  assert.throws(() => alternatingOffers(dollar, { discount: [0.9, 0.9, 0.9] }), UserError);
  assert.throws(() => alternatingOffers(dollar, { rounds: 0 }), /whole number of rounds/);
  assert.throws(() => alternatingOffers(dollar, { rounds: 2.5 }), UserError);
  assert.throws(() => alternatingOffers(dollar, { order: [] }), UserError);
  assert.throws(() => alternatingOffers(dollar, { order: [3] }), /not one of 0\.\.1/);
  assert.throws(() => alternatingOffers(dollar, { maxRounds: 3 }), /at least 4/);
  assert.throws(() => alternatingOffers(dollar, { disagreement: [0] }), UserError);
  // Rounds and discounts as a command line gives them.
  const r = alternatingOffers(dollar, { rounds: '3' as unknown as number, discount: [0.9], lotteries: true });
  close(r.utilities, [0.91, 0.09], 1e-12);
  assert.equal(alternatingOffers(dollar, { rounds: Number.POSITIVE_INFINITY }).details.rounds, 'limit');
});
