import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import {
  coinBetProblem,
  decisionAt,
  findDominating,
  forEachPolicy,
  historyPolicyFn,
  mixtureModel,
  naiveAggregation,
  type NrlProblem,
  nrlTreeSize,
  policyCount,
  priorOf,
  solveNrl,
} from '../../../src/dynamics/nrl/index.js';
import { near, smallProblem } from './helpers.js';
import { dominates } from '../../../src/core/pareto.js';

test('NRL maximizes Σ w_i V_i over every deterministic history policy and is never Pareto-dominated', () => {
  fc.assert(
    fc.property(smallProblem(), (p) => {
      const sol = solveNrl(p);
      const w = priorOf(p);
      let best = Number.NEGATIVE_INFINITY;
      let count = 0;
      forEachPolicy(p, (_policy, own) => {
        count++;
        let v = 0;
        for (let i = 0; i < own.length; i++) v += w[i] * own[i];
        best = Math.max(best, v);
        assert.ok(
          !dominates(own, sol.own, { tol: 1e-9 }),
          `dominated by ${Array.from(own)} (NRL ${Array.from(sol.own)})`,
        );
        return true;
      });
      assert.equal(count, policyCount(p));
      assert.ok(Math.abs(sol.objective - best) <= 1e-9 * (1 + Math.abs(best)), `${sol.objective} vs ${best}`);
    }),
    { numRuns: 150 },
  );
});

test('with a shared prior NRL is Harsanyi’s fixed-weight aggregation', () => {
  fc.assert(
    fc.property(smallProblem(), (q) => {
      const p: NrlProblem = { env: q.env, parts: q.parts.map((x) => ({ ...x, beliefs: undefined })) };
      const nrl = solveNrl(p);
      const naive = naiveAggregation(p, { model: 'truth' });
      assert.ok(Math.abs(nrl.objective - naive.objective) <= 1e-9 * (1 + Math.abs(naive.objective)));
      near(nrl.truth, nrl.own, 1e-12);
    }),
    { numRuns: 100 },
  );
});

test('hand-worked two-step bet: share first, then pay the part the toss favoured', () => {
  // Coin: truth 0.6 heads, Alice believes 0.7, Bob 0.3; share gives each 0.6; equal weights.
  const p = coinBetProblem({ horizon: 2 });
  const sol = solveNrl(p);
  // t = 0 at 'ready': weights (½, ½): Alice 0.5, Bob 0.5, share 0.6 → share.
  assert.equal(decisionAt(sol.policy, [0]), 2);
  // heads: weights ∝ (½·0.7, ½·0.3) = (0.7, 0.3): Alice 0.7 > share 0.6 → Alice; tails mirrored.
  assert.equal(decisionAt(sol.policy, [0, 1]), 0);
  assert.equal(decisionAt(sol.policy, [0, 2]), 1);
  // Alice by her beliefs: 0.6 + 0.7·1 + 0.3·0 = 1.3; Bob by his: 0.6 + 0.7 = 1.3.
  near(sol.own, [1.3, 1.3], 1e-12);
  // By the truth: Alice 0.6 + 0.6 = 1.2, Bob 0.6 + 0.4 = 1.0.
  near(sol.truth, [1.2, 1.0], 1e-12);
  assert.ok(Math.abs(sol.objective - 1.3) < 1e-12);
  // Fixed weights under the averaged beliefs (heads 0.5) share twice: (1.2, 1.2) for both.
  const naive = naiveAggregation(p);
  assert.deepEqual(Array.from(naive.markov), [2, 2, 2, 2, 2, 2]);
  near(naive.own, [1.2, 1.2], 1e-12);
  near(mixtureModel(p).subarray(0, 3), [0, 0.5, 0.5], 1e-15);
  assert.ok(dominates(sol.own, naive.own, { tol: 1e-9 }));
  // The history-policy adapter answers from the history.
  const f = historyPolicyFn(sol.policy);
  assert.equal(f({ history: { states: [0, 2] } }), 1);
  assert.throws(() => f({ history: { states: [1] } }), UserError);
});

test('the classic bet: each part sure the coin favours it — fixed weights under one prior are Pareto-dominated', () => {
  // Alice is 90% sure of heads, Bob 90% sure of tails; the coin is fair.
  const p = coinBetProblem({ truth: 0.5, alice: 0.9, bob: 0.1, horizon: 2 });
  const nrl = solveNrl(p);
  near(nrl.own, [1.5, 1.5], 1e-12); // share, then the winner of the bet takes the good: 0.6 + 0.9
  for (const model of ['mixture', 'truth'] as const) {
    const naive = naiveAggregation(p, { model });
    near(naive.own, [1.2, 1.2], 1e-12); // a shared prior never bets: share, share
    assert.ok(dominates(nrl.own, naive.own, { tol: 1e-9 }), model);
    const better = findDominating(p, naive.own);
    assert.ok(better !== null);
    assert.ok(dominates(better.own, naive.own, { tol: 1e-9 }));
  }
  // No deterministic policy dominates NRL, and every fixed weighting under the fair coin serves the
  // parts either (2, 0), (0, 2) or (1.2, 1.2) — NRL's (1.5, 1.5) is none of them.
  assert.equal(findDominating(p, nrl.own), null);
  for (const w of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const naive = naiveAggregation(p, { model: 'truth', weights: [w, 1 - w] });
    assert.ok(
      [
        [2, 0],
        [0, 2],
        [1.2, 1.2],
      ].some((v) => Math.abs(naive.own[0] - v[0]) < 1e-12 && Math.abs(naive.own[1] - v[1]) < 1e-12),
      `${w}: ${Array.from(naive.own)}`,
    );
  }
});

test('the tree size is stated and refused past the limit with a UserError', () => {
  const p = coinBetProblem({ horizon: 12 });
  assert.equal(nrlTreeSize(p), 2 ** 12 - 1); // actions share one subtree: the coin ignores them
  assert.throws(
    () => solveNrl(p, { maxNodes: 1000 }),
    (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(
        e.message,
        /^nrl: the history tree for horizon 12 .* has up to 4095 nodes; the limit is 1000/,
      );
      return true;
    },
  );
  // When actions change the dynamics, the tree branches on them too: (A·S)^t.
  const S = 2;
  const A = 2;
  const truth = Float64Array.from([0.9, 0.1, 0.1, 0.9, 0.5, 0.5, 0.2, 0.8]);
  const q: NrlProblem = {
    env: { states: ['x', 'y'], actions: ['l', 'r'], truth, start: Float64Array.from([1, 0]), horizon: 3 },
    parts: [{ name: 'a', reward: new Float64Array(S * A), weight: 1 }],
  };
  assert.equal(nrlTreeSize(q), 1 + 4 * (1 + 4));
  assert.throws(
    () => forEachPolicy(q, () => true, { maxPolicies: 10 }),
    /pareto: there are 128 deterministic history policies; the limit is 10/,
  );
});

test('invalid problems are UserErrors naming the field', () => {
  const p = coinBetProblem({ horizon: 2 });
  const bad =
    (parts: NrlProblem['parts'], env = p.env) =>
    () =>
      solveNrl({ env, parts });
  const beliefs = p.parts[1].beliefs!.slice();
  beliefs[0] = 0.5;
  assert.throws(
    bad([p.parts[0], { ...p.parts[1], beliefs }]),
    /^UserError: parts\[1\]\.beliefs: row \(s 0, a 0\) sums to 1\.5, expected 1$/,
  );
  assert.throws(
    bad([{ ...p.parts[0], reward: new Float64Array(3) }]),
    /parts\[0\]\.reward: expected 9 numbers \(S×A\)/,
  );
  assert.throws(bad([{ ...p.parts[0], weight: 0 }]), /expected at least one part with positive weight/);
  assert.throws(bad(p.parts, { ...p.env, horizon: 0 }), /env\.horizon: expected an integer ≥ 1, got 0/);
  assert.throws(
    bad(p.parts, { ...p.env, start: Float64Array.from([0.5, 0.4, 0]) }),
    /env\.start: sums to 0\.9/,
  );
});
