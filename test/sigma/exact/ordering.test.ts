import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { components } from '../../../src/sigma/ordinal/exact/components.js';
import { kemenyCost } from '../../../src/sigma/ordinal/exact/kemeny.js';
import { solveOrdering } from '../../../src/sigma/ordinal/exact/ordering.js';
import { orderByDP } from '../../../src/sigma/ordinal/exact/ordering-dp.js';
import { orderByILP } from '../../../src/sigma/ordinal/exact/ordering-ilp.js';
import { slaterCost } from '../../../src/sigma/ordinal/exact/slater.js';
import { loadSolver, solver } from '../../../src/sigma/ordinal/exact/solver.js';
import { smithSet } from '../../../src/sigma/majority.js';
import { bruteOrdering, type Gen, profileArb, summary } from './helpers.js';

before(async () => {
  await loadSolver();
});

const all = (m: number) => Array.from({ length: m }, (_, i) => i);
const kemenyOf = (g: Gen) => kemenyCost(summary(g).support(), g.m, all(g.m));
const slaterOf = (g: Gen) => slaterCost(summary(g).margin(), g.m, all(g.m));

/** A random k×k cost matrix with small whole entries (many ties), zero diagonal. */
const costArb = (minK: number, maxK: number) =>
  fc.integer({ min: minK, max: maxK }).chain((k) =>
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: k * k, maxLength: k * k }).map((xs) => {
      const c = Float64Array.from(xs);
      for (let i = 0; i < k; i++) c[i * k + i] = 0;
      return { k, cost: c };
    }),
  );

/** Cost matrices from Kemeny and Slater on random profiles (ties, truncation), and arbitrary ones. */
const problemArb = (minK: number, maxK: number, maxBallots = 7) =>
  fc.oneof(
    profileArb({ minM: minK, maxM: maxK, maxBallots }).map((g) => ({ k: g.m, cost: kemenyOf(g) })),
    profileArb({ minM: minK, maxM: maxK, maxBallots }).map((g) => ({ k: g.m, cost: slaterOf(g) })),
    costArb(minK, maxK),
  );

test('the dynamic program matches brute force over all k! orders (k ≤ 6)', () => {
  fc.assert(
    fc.property(problemArb(1, 6), ({ k, cost }) => {
      const want = bruteOrdering(cost, k);
      const got = orderByDP(cost, k);
      assert.equal(got.opt, want.opt);
      assert.deepEqual(got.firsts, want.firsts);
      assert.deepEqual(Array.from(got.firstCost!), want.firstCost);
      assert.deepEqual(got.ranking, want.ranking);
    }),
    { numRuns: 400, seed: 11 },
  );
});

test('the Smith decomposition changes nothing: solveOrdering matches brute force (k ≤ 6)', () => {
  fc.assert(
    fc.property(problemArb(1, 6), ({ k, cost }) => {
      const want = bruteOrdering(cost, k);
      const got = solveOrdering(cost, k, { rule: 'test', limit: 30 });
      assert.equal(got.opt, want.opt);
      assert.deepEqual(got.firsts, want.firsts);
      assert.deepEqual(Array.from(got.firstCost!), want.firstCost);
      assert.deepEqual(got.ranking, want.ranking);
    }),
    { numRuns: 400, seed: 12 },
  );
});

test('components are consecutive blocks in every optimal order, top block first', () => {
  fc.assert(
    fc.property(problemArb(1, 6), ({ k, cost }) => {
      const comps = components(cost, k);
      assert.deepEqual(
        comps.flat().sort((a, b) => a - b),
        Array.from({ length: k }, (_, i) => i),
      );
      // Every item of an earlier component strictly dominates every item of a later one.
      for (let i = 0; i < comps.length; i++)
        for (let j = i + 1; j < comps.length; j++)
          for (const x of comps[i]) for (const y of comps[j]) assert.ok(cost[y * k + x] > cost[x * k + y]);
    }),
    { numRuns: 300, seed: 13 },
  );
});

test('Kemeny components are the Smith set, then the Smith set of the rest, …', () => {
  fc.assert(
    fc.property(profileArb({ minM: 1, maxM: 7 }), (g) => {
      const s = summary(g);
      const comps = components(kemenyOf(g), g.m);
      let rest = all(g.m);
      for (const comp of comps) {
        assert.deepEqual(comp, smithSet(s, rest));
        rest = rest.filter((c) => !comp.includes(c));
      }
    }),
    { numRuns: 200, seed: 14 },
  );
});

test('the integer program agrees with the dynamic program (k = 8–10, called directly)', () => {
  const g = solver('test');
  fc.assert(
    fc.property(problemArb(8, 10, 6), ({ k, cost }) => {
      const dp = orderByDP(cost, k);
      const ilp = orderByILP(cost, k, g, 'test');
      assert.equal(ilp.opt, dp.opt);
      assert.deepEqual(ilp.firsts, dp.firsts);
      assert.deepEqual(ilp.ranking, dp.ranking);
    }),
    { numRuns: 40, seed: 15 },
  );
});

test('the integer program on hand-made ties: a 3-cycle block above a tied pair', () => {
  // cost[a][b] for a above b. Items 0,1,2 form a cycle (one reversal needed, three optimal orders);
  // items 3,4 are tied with each other and dominated by the cycle.
  const k = 5;
  const cost = new Float64Array(k * k);
  const set = (a: number, b: number, x: number) => {
    cost[a * k + b] = x;
  };
  set(1, 0, 1);
  set(2, 1, 1);
  set(0, 2, 1);
  for (const lo of [3, 4]) for (const hi of [0, 1, 2]) set(lo, hi, 2);
  const dp = orderByDP(cost, k);
  const ilp = orderByILP(cost, k, solver('test'), 'test');
  assert.deepEqual(dp.firsts, [0, 1, 2]);
  assert.equal(dp.ranking, undefined);
  assert.deepEqual(ilp, { opt: dp.opt, firsts: dp.firsts });
  // Without the cycle's reversal cost the optimal orders are the extensions of {0,1,2} ≻ {3,4}.
  set(1, 0, 0);
  set(2, 1, 0);
  set(0, 2, 0);
  assert.deepEqual(orderByDP(cost, k).ranking, [
    [0, 1, 2],
    [3, 4],
  ]);
  assert.deepEqual(orderByILP(cost, k, solver('test'), 'test').ranking, [
    [0, 1, 2],
    [3, 4],
  ]);
});

test('a component past the limit is a UserError that states the limit', () => {
  // Every rotation of 0..30 once: a regular tournament, one Smith component of 31.
  const m = 31;
  const rankings = all(m).map((r) => all(m).map((i) => (i + r) % m));
  const g: Gen = { m, rankings, counts: rankings.map(() => 1) };
  assert.throws(
    () => solveOrdering(kemenyOf(g), m, { rule: 'kemeny-young', limit: 30 }),
    (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /kemeny-young is exact and NP-hard/);
      assert.match(e.message, /at most 30 candidates/);
      assert.match(e.message, /all 31 candidates form one/);
      return true;
    },
  );
});
